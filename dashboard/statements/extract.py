"""Statements from an article's text: direct quotations with their attribution, and reported speech.

- A direct statement is a top-level quotation (straight, curly or single marks, one sentence or
  several) with its attribution after it ("...," he said; "...," said X, chairman of Y; "...,"
  according to X) or before it (X added: "..."), read by `attribution`. A quotation without one
  continues the nearest attributed quotation of its paragraph ("A." "B," she said. / "A," he said.
  "B."), or the quotation its paragraph goes on from; if none, it is kept with the speaker not
  identified, and `quotation_warnings` says so.
- A short quoted name or term ('the "Middle Corridor" project') is the outlet's own prose.
- A reported statement is a sentence that reports speech without quoting it whole: "According to
  the Minister, ...", "X also recalled that ...", "He said the ferries ...", "..., the company said
  on Monday.", or the sentence before "This was stated by ...". Quoted words inside it stay part of it.
- An editor's insertion inside quoted words, such as "(Trans-Caspian International Transport Route
  - approx. TASS)", is kept verbatim as its own editorial segment: it is the agency's, not the
  speaker's.
Everything else (background, the headline) is the outlet's own prose and is not a statement.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from dashboard.statements.attribution import ADVERBS, Attribution, after_quote, before_quote, parse_who, \
    partial_quote_speaker, reporting_subject, trailing_attribution
from dashboard.statements.model import DIRECT, REPORTED, UNIDENTIFIED, Article, Segment, Speaker, Statement
from dashboard.statements.quotes import QuoteSpan, mask_quotes, sentence_bounds, spans_with_open_end, top_level, \
    unclosed_opening
from dashboard.statements.speakers import SpeakerResolver

REPORTED_CUES = (
    re.compile(r"^According to\b"),
    re.compile(r"\b(?:said|recalled|noted|stressed|added|stated|announced|warned) that\b"),
)
REPORTED_BEFORE = re.compile(r"^This was (?:stated|said|announced|reported)\b")
OPENING_MARKS = "\"\u201c\u2018'\u00ab\u201e"
TERM_MAX_WORDS = 3  # a quoted name or term, not a statement: 'the "Middle Corridor" project'


def editorial_pattern(marks: tuple[str, ...]) -> re.Pattern:
    """A parenthesis the outlet inserted, ending in one of its marks: '(... - approx. TASS)'."""
    alternatives = "|".join(re.escape(mark) for mark in marks) or r"(?!)"
    return re.compile(r"\((?P<note>[^()]*?)\s*[-\u2013\u2014]\s*(?P<mark>" + alternatives + r")\.?\)")


def segments_of(text: str, marks: tuple[str, ...], outlet: str) -> tuple[Segment, ...]:
    pattern = editorial_pattern(marks)
    segments, position = [], 0
    for match in pattern.finditer(text):
        if match.start() > position:
            segments.append(Segment("words", text[position:match.start()]))
        segments.append(Segment("editorial", match.group(0), note_by=outlet))
        position = match.end()
    if position < len(text):
        segments.append(Segment("words", text[position:]))
    return tuple(segments)


@dataclass
class _Draft:
    """A statement before the speakers of unattributed quotations are filled in."""

    statement: Statement
    resolved: bool  # the speaker is known
    open_end: bool = False  # a quotation left open at the end of its paragraph (it goes on in the next)
    opens_paragraph: bool = False  # a quotation that starts its paragraph


def extract_statements(article: Article) -> tuple[Statement, ...]:
    resolver = SpeakerResolver(article.speakers)
    drafts: list[_Draft] = []
    for index, paragraph in enumerate(article.paragraphs):
        drafts += _paragraph_drafts(article, index, paragraph, resolver)
    _fill_continuations(drafts)
    return tuple(replace(d.statement, id=f"{article.id}-{n}", speaker=d.statement.speaker if d.resolved else UNIDENTIFIED)
                 for n, d in enumerate(drafts, start=1))


def quotation_warnings(article: Article) -> tuple[str, ...]:
    """Quotation marks opened and never closed, where the next paragraph does not go on with the
    quotation: the rest of the paragraph is read as the quotation."""
    warnings = []
    for index, paragraph in enumerate(article.paragraphs):
        start = unclosed_opening(paragraph)
        following = article.paragraphs[index + 1] if index + 1 < len(article.paragraphs) else ""
        if start is not None and not (following and following[0] in OPENING_MARKS):
            warnings.append(f"paragraph {index + 1}: the quotation mark before {_excerpt(paragraph[start + 1:])} is "
                            "never closed; the rest of the paragraph is read as the quotation")
    return tuple(warnings)


def _excerpt(text: str, length: int = 50) -> str:
    text = " ".join(text.split())
    ellipsis = "\u2026" if len(text) > length else ""
    return f"\u201c{text[:length]}{ellipsis}\u201d"


def _paragraph_drafts(article: Article, index: int, paragraph: str, resolver: SpeakerResolver) -> list[_Draft]:
    spans = spans_with_open_end(paragraph)
    quotes = top_level(spans)
    starts = [q.start for q in quotes]
    masked = mask_quotes(paragraph, spans)
    drafts: list[_Draft] = []

    def statement(kind: str, text: str, speaker: Speaker | None, attribution: str) -> Statement:
        return Statement(id="", article_id=article.id, kind=kind, speaker=speaker or UNIDENTIFIED,
                         segments=segments_of(text, article.editor_marks, article.outlet),
                         attribution=attribution, paragraph=index)

    previous: tuple[int, int] | None = None
    for start, end in sentence_bounds(paragraph, spans):
        sentence, prose = paragraph[start:end], masked[start:end]
        resolver.notice(prose)
        in_sentence = quotes[bisect_left(starts, start):bisect_left(starts, end)]
        reported = any(cue.search(prose) for cue in REPORTED_CUES)
        quoted = []
        for position, quote in enumerate(in_sentence):
            before = paragraph[in_sentence[position - 1].end + 1 if position else start:quote.start]
            after = paragraph[quote.end + 1:in_sentence[position + 1].start if position + 1 < len(in_sentence) else end]
            quoted.append((quote, *_read_quote(paragraph, quote, before, after, reported)))
        direct = [(q, how, att) for q, how, att in quoted if how in ("attributed", "standalone", "partial")]
        if direct:
            for quote, how, att in direct:
                inner = quote.inner(paragraph)
                speaker = resolver.resolve(att.who, att.text) if att else None
                if how == "partial" and att is None:
                    who = partial_quote_speaker(paragraph[start:quote.start])
                    speaker = resolver.resolve(who, paragraph[start:quote.start]) if who else None
                drafts.append(_Draft(
                    statement(DIRECT, inner[:-1] if inner.endswith(",") else inner, speaker, att.text if att else ""),
                    resolved=speaker is not None, open_end=quote.end >= len(paragraph),
                    opens_paragraph=quote.start == 0))
        elif REPORTED_BEFORE.search(sentence) and previous is not None:
            earlier = paragraph[previous[0]:previous[1]]
            if not any(d.statement.paragraph == index and d.statement.text == earlier for d in drafts):
                speaker = resolver.named_in(sentence) or _by_whom(sentence, resolver) or resolver.last
                drafts.append(_Draft(statement(REPORTED, earlier, speaker, sentence), resolved=speaker is not None))
        elif reported or (not in_sentence and reporting_subject(prose)):
            attribution, speaker = _reported_attribution(sentence, prose, resolver)
            drafts.append(_Draft(statement(REPORTED, sentence, speaker, attribution), resolved=speaker is not None))
        elif not in_sentence and (trailing := trailing_attribution(prose)):
            speaker = resolver.resolve(trailing.who, trailing.text)
            drafts.append(_Draft(statement(REPORTED, sentence, speaker, trailing.text), resolved=speaker is not None))
        previous = (start, end)
    return drafts


def _read_quote(paragraph: str, quote: QuoteSpan, before: str, after: str, reported: bool
                ) -> tuple[str, Attribution | None]:
    """How a quotation stands in its sentence: 'attributed', 'standalone' (a whole sentence of
    quoted words, attributed by what it continues), 'partial' (quoted words inside the outlet's
    sentence, attributed by its subject), 'term' (a quoted name) or 'reported' (inside reported speech)."""
    inner = quote.inner(paragraph)
    attribution = after_quote(after, inner) or before_quote(before)
    if attribution:
        return "attributed", attribution
    if not before.strip(" ,;:\u2014\u2013-") and not after.strip(" .,;:!?\u2014\u2013-"):
        return "standalone", None
    if reported:
        return "reported", None
    if len(inner.split()) <= TERM_MAX_WORDS and not re.search(r"[.!?]\W*$", inner):
        return "term", None
    return "partial", None


def _by_whom(sentence: str, resolver: SpeakerResolver) -> Speaker | None:
    match = re.search(r"\bby (.+?)(?:\s+(?:at|on|in|during|after)\b|[.,]|$)", sentence)
    who = parse_who(match.group(1)) if match else None
    return resolver.resolve(who, match.group(1)) if who else None


def _reported_attribution(sentence: str, prose: str, resolver: SpeakerResolver) -> tuple[str, Speaker | None]:
    match = re.match(r"^(According to [^,]+(?:, [A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,3})?),", sentence)
    if match:
        attribution, subject = match.group(1), match.group(1)[len("According to "):]
    else:
        match = re.search(r"^(.*?\b(?:said|recalled|noted|stressed|added|stated|announced|warned)) that\b", prose)
        found = reporting_subject(prose)
        attribution = sentence[:match.end(1)] if match else (sentence[:len(found[0])] if found else "")
        subject = ADVERBS.sub("", re.sub(r"\s+\S+$", "", attribution))
    who = parse_who(subject) if subject else None
    speaker = (resolver.resolve(who, subject) if who else None) or resolver.named_in(sentence) or resolver.last
    return attribution, speaker


def _fill_continuations(drafts: list[_Draft]) -> None:
    """Unattributed quotations take the speaker of the quotation they continue: the nearest earlier
    attributed one of their paragraph, else the nearest later one; a quotation left open, the one
    that goes on in the next paragraph; a quotation opening a paragraph, the one the previous
    paragraph left open. One pass backwards and one forwards over the paragraphs reaches every chain."""
    paragraphs: dict[int, list[_Draft]] = {}
    for draft in drafts:
        paragraphs.setdefault(draft.statement.paragraph, []).append(draft)
    order = sorted(paragraphs)
    for index in reversed(order):
        _fill_within(paragraphs[index])
        following = paragraphs.get(index + 1)
        last = paragraphs[index][-1]
        if not last.resolved and last.open_end and following and following[0].opens_paragraph and following[0].resolved:
            _take_speaker(last, following[0])
            _fill_within(paragraphs[index])
    for index in order:
        preceding = paragraphs.get(index - 1)
        first = paragraphs[index][0]
        if not first.resolved and first.opens_paragraph and preceding and preceding[-1].open_end \
                and preceding[-1].resolved:
            _take_speaker(first, preceding[-1])
            _fill_within(paragraphs[index])


def _fill_within(paragraph: list[_Draft]) -> None:
    source = None
    for draft in paragraph:
        if draft.resolved:
            source = draft
        elif source is not None:
            _take_speaker(draft, source)
    source = None
    for draft in reversed(paragraph):  # what is left opens the paragraph, before its first attribution
        if draft.resolved:
            source = draft
        elif source is not None:
            _take_speaker(draft, source)


def _take_speaker(draft: _Draft, source: _Draft) -> None:
    draft.statement = replace(draft.statement, speaker=source.statement.speaker)
    draft.resolved = True
