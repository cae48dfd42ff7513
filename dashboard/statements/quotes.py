"""Finding quotations in wire copy, where straight quotes nest without being told apart.

A paragraph such as

    "... the development of the "Middle Corridor" project (... - approx. TASS) in order ...," he said.

uses the same `"` to open the minister's words and to open his own quotation of a name. Which one a
mark is follows from what stands beside it: a mark after a space (or at the start, or after a
bracket) and before a word opens; a mark after a word or punctuation and before a space,
punctuation or the end closes. Curly quotes say which they are. Nesting is then a stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
CLOSING = set(OPENING.values())
STRAIGHT = '"'


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # index of the opening mark
    end: int  # index of the closing mark
    depth: int  # 0 for a top-level quotation

    def inner(self, text: str) -> str:
        return text[self.start + 1:self.end]


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014\u2013-:/") and not after.isspace()


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every balanced quotation in `text`, outermost first within each position; unbalanced marks are
    ignored rather than guessed at."""
    stack: list[tuple[int, str]] = []
    spans: list[QuoteSpan] = []
    for i, char in enumerate(text):
        if char in OPENING:
            stack.append((i, OPENING[char]))
        elif char in CLOSING:
            if stack and stack[-1][1] == char:
                start, _ = stack.pop()
                spans.append(QuoteSpan(start, i, len(stack)))
        elif char == STRAIGHT:
            if _is_opening(text, i):
                stack.append((i, STRAIGHT))
            elif stack and stack[-1][1] == STRAIGHT:
                start, _ = stack.pop()
                spans.append(QuoteSpan(start, i, len(stack)))
    return sorted(spans, key=lambda s: (s.start, s.depth))


def top_level(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    return [s for s in spans if s.depth == 0]


def mask_quotes(text: str, spans: list[QuoteSpan], fill: str = "\u2591") -> str:
    """The text with every top-level quotation's inside blanked, same length, so that sentence
    splitting and cue matching never look inside quoted words."""
    chars = list(text)
    for span in top_level(spans):
        for i in range(span.start + 1, span.end):
            chars[i] = fill
    return "".join(chars)


_BREAK = re.compile(r"([\"\u201d]?)\s+(?=[\"\u201c\u00abA-Z])")


def sentence_bounds(text: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """(start, end) of each sentence, never splitting inside a quotation (nor at 'approx.' within one).

    A sentence ends at . ! or ? (read in the original text, since a quotation's own full stop is
    masked) followed by an optional closing mark, white space and a capital or an opening mark."""
    masked = mask_quotes(text, spans)
    bounds, start = [], 0
    for match in _BREAK.finditer(masked):
        if match.start() == 0 or text[match.start() - 1] not in ".!?":
            continue
        bounds.append((start, match.start() + len(match.group(1))))
        start = match.end()
    bounds.append((start, len(text.rstrip())))
    return [(s, e) for s, e in bounds if e > s]
