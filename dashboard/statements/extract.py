"""Statements from an article's text: direct quotations with their attribution, and reported speech.

- A direct statement is a top-level quotation followed by its attribution ("...," he said) or
  preceded by one (He said: "...").
- A reported statement is a sentence that reports speech without quoting it whole: "According to
  the Minister, ...", "X also recalled that ...", or the sentence before "This was stated by ...".
- An editor's insertion inside quoted words, such as "(Trans-Caspian International Transport Route
  - approx. TASS)", is kept verbatim as its own editorial segment: it is the agency's, not the
  speaker's.
Everything else (background, the headline) is the outlet's own prose and is not a statement.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dashboard.statements.model import DIRECT, REPORTED, Article, Segment, Speaker, Statement, Topic
from dashboard.statements.quotes import quote_spans, sentence_bounds, top_level

SPEECH_VERBS = r"(?:said|says|added|noted|stressed|stated|recalled|continued|explained|told\b[^.]*)"
ATTRIBUTION_AFTER = re.compile(
    r"^[,.]?\s*(?P<who>he|she|they|the [a-z][\w ]*?|[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*)\s+"
    + SPEECH_VERBS + r"(?:\s+[^.\"]*)?\.?$")
ATTRIBUTION_BEFORE = re.compile(r"(?P<who>[A-Z][^\"\u201c]*?)\s+" + SPEECH_VERBS + r"\s*:\s*$")
REPORTED_CUES = (
    re.compile(r"^According to\b"),
    re.compile(r"\b(?:said|recalled|noted|stressed|added|stated|announced|warned) that\b"),
)
REPORTED_BEFORE = re.compile(r"^This was (?:stated|said|announced|reported)\b")


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


def _speaker_named(text: str, speakers: tuple[Speaker, ...]) -> Speaker | None:
    for speaker in speakers:
        names = (speaker.name, speaker.name.split()[-1]) + speaker.spellings_in_text
        if any(name and name in text for name in names):
            return speaker
    return None


def extract_statements(article: Article) -> tuple[Statement, ...]:
    statements: list[Statement] = []
    speaker = article.speakers[0]
    for paragraph_index, paragraph in enumerate(article.paragraphs):
        spans = quote_spans(paragraph)
        previous: tuple[int, int] | None = None
        for start, end in sentence_bounds(paragraph, spans):
            sentence = paragraph[start:end]
            speaker = _speaker_named(sentence, article.speakers) or speaker
            quotes = [s for s in top_level(spans) if start <= s.start and s.end < end]
            found = _direct(paragraph, start, end, quotes)
            if found:
                inner, attribution = found
                statements.append(Statement(
                    id="", article_id=article.id, kind=DIRECT,
                    segments=segments_of(inner, article.editor_marks, article.outlet), speaker=speaker,
                    attribution=attribution, paragraph=paragraph_index))
            elif REPORTED_BEFORE.search(sentence) and previous is not None:
                earlier = paragraph[previous[0]:previous[1]]
                if not any(s.paragraph == paragraph_index and s.text == earlier for s in statements):
                    statements.append(Statement(
                        id="", article_id=article.id, kind=REPORTED,
                        segments=segments_of(earlier, article.editor_marks, article.outlet), speaker=speaker,
                        attribution=sentence, paragraph=paragraph_index))
            elif any(cue.search(_outside_quotes(sentence)) for cue in REPORTED_CUES):
                statements.append(Statement(
                    id="", article_id=article.id, kind=REPORTED,
                    segments=segments_of(sentence, article.editor_marks, article.outlet), speaker=speaker,
                    attribution=_reported_attribution(sentence), paragraph=paragraph_index))
            previous = (start, end)
    return tuple(replace(s, id=f"{article.id}-{n}") for n, s in enumerate(statements, start=1))


def _outside_quotes(sentence: str) -> str:
    return re.sub(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d", "\"\"", sentence)


def _reported_attribution(sentence: str) -> str:
    match = re.match(r"^(According to [^,]+(?:, [A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,3})?),", sentence)
    if match:
        return match.group(1)
    match = re.search(r"^(.*?\b(?:said|recalled|noted|stressed|added|stated|announced|warned)) that\b", sentence)
    return match.group(1) if match else ""


def _direct(paragraph: str, start: int, end: int, quotes) -> tuple[str, str] | None:
    """(quoted words, attribution) when the sentence is one attributed quotation."""
    if len(quotes) != 1:
        return None
    quote = quotes[0]
    inner = quote.inner(paragraph)
    after = paragraph[quote.end + 1:end]
    before = paragraph[start:quote.start]
    if not before.strip() and ATTRIBUTION_AFTER.match(after.strip()):
        return inner.rstrip(",") if inner.endswith(",") else inner, after.strip(" ,.")
    if ATTRIBUTION_BEFORE.search(before) and not after.strip(" .").strip():
        return inner, before.strip(" :")
    return None


def link_topics(statement: Statement, topics: tuple[Topic, ...]) -> Statement:
    """The statement with the topics its words mention, and their routes, places and commodities."""
    text = statement.text.lower()
    matched = [t for t in topics if any(p.lower() in text for p in t.patterns)]

    def union(attr: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(item for t in matched for item in getattr(t, attr)))

    return replace(statement, topic_ids=tuple(t.id for t in matched), route_ids=union("route_ids"),
                   node_ids=union("node_ids"), commodities=union("commodities"))
