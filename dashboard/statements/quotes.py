"""Finding quotations in wire copy, where straight quotes nest without being told apart.

A paragraph such as

    "... the development of the "Middle Corridor" project (... - approx. TASS) in order ...," he said.

uses the same `"` to open the minister's words and to open his own quotation of a name. Which one a
mark is follows from what stands beside it: a mark after a space (or at the start, or after a
bracket or a tag's '>') and before a word opens; a mark after a word or punctuation and before a space,
punctuation or the end closes. Curly quotes say which they are. Nesting is then a stack.

Single quotes are quotation marks too (‘…’ and '…'), but the same characters are apostrophes
("Kazakhstan's", "don’t"): a single mark between two letters is always an apostrophe, and one that
cannot be closed is dropped rather than allowed to swallow the double quotation around it.

News copy runs a quotation over several paragraphs by leaving it open at the end of each paragraph
and opening it again at the start of the next; `unclosed_opening` finds where that happens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d", "\u2018": "\u2019"}
CLOSING = set(OPENING.values())
STRAIGHT = '"'
STRAIGHT_SINGLE = "'"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # index of the opening mark
    end: int  # index of the closing mark (the paragraph's length for a quotation left open)
    depth: int  # 0 for a top-level quotation

    def inner(self, text: str) -> str:
        return text[self.start + 1:self.end]


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{>\u2014\u2013-:/\u201c\u00ab\u201e\u2018") and not after.isspace()


def _between_letters(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _scan(text: str) -> tuple[list[QuoteSpan], list[tuple[int, str]]]:
    """(balanced quotations, openers never closed) of one paragraph."""
    stack: list[tuple[int, str]] = []  # (index of the opening mark, the mark that closes it)
    spans: list[QuoteSpan] = []

    def close(i: int, mark: str) -> bool:
        """Close the innermost quotation `mark` closes; single openers left inside it were apostrophes."""
        for level in range(len(stack) - 1, -1, -1):
            if stack[level][1] == mark:
                if any(stack[inner][1] not in ("\u2019", STRAIGHT_SINGLE) for inner in range(level + 1, len(stack))):
                    return False
                start, _ = stack[level]
                del stack[level:]
                spans.append(QuoteSpan(start, i, len(stack)))
                return True
        return False

    for i, char in enumerate(text):
        if char == "\u2019" and _between_letters(text, i):
            continue  # don’t, Kazakhstan’s
        if char in OPENING:
            stack.append((i, OPENING[char]))
        elif char in CLOSING:
            close(i, char)
        elif char in (STRAIGHT, STRAIGHT_SINGLE):
            if char == STRAIGHT_SINGLE and _between_letters(text, i):
                continue
            if _is_opening(text, i):
                stack.append((i, char))
            else:
                after = text[i + 1] if i + 1 < len(text) else " "
                if char == STRAIGHT or not after.isalnum():
                    close(i, char)
    unclosed = [(start, mark) for start, mark in stack if mark not in ("\u2019", STRAIGHT_SINGLE)]
    return sorted(spans, key=lambda s: (s.start, s.depth)), unclosed


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every balanced quotation in `text`, outermost first within each position; unbalanced marks are
    ignored rather than guessed at."""
    return _scan(text)[0]


def unclosed_opening(text: str) -> int | None:
    """Where the outermost double quotation mark that is never closed opens, if one is: in news copy,
    a quotation that goes on into the next paragraph."""
    spans, unclosed = _scan(text)
    for start, _ in unclosed:
        if not any(s.depth == 0 and s.start < start < s.end for s in spans):
            return start
    return None


def spans_with_open_end(text: str) -> list[QuoteSpan]:
    """The quotations of `text`, plus one running from a mark left open to the end of the paragraph
    (the quotations after it are already nested in it: the open mark stayed on the stack)."""
    spans = quote_spans(text)
    start = unclosed_opening(text)
    if start is None:
        return spans
    return sorted(spans + [QuoteSpan(start, len(text), 0)], key=lambda s: (s.start, s.depth))


def top_level(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    return [s for s in spans if s.depth == 0]


def mask_quotes(text: str, spans: list[QuoteSpan], fill: str = "\u2591") -> str:
    """The text with every top-level quotation's inside blanked, same length, so that sentence
    splitting and cue matching never look inside quoted words."""
    chars = list(text)
    for span in top_level(spans):
        for i in range(span.start + 1, min(span.end, len(text))):
            chars[i] = fill
    return "".join(chars)


_BREAK = re.compile(r"([\"\u201d\u2019'\u00bb]?)\s+(?=[\"\u201c\u2018'\u00abA-Z])")


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
