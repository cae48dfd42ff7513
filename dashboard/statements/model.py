"""Frozen records of articles, statements and topics."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard.registry.model import Source

DIRECT = "direct"
REPORTED = "reported"


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str
    spellings_in_text: tuple[str, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A run of a statement: the speaker's words, or an editor's insertion inside them."""

    kind: str  # "words" or "editorial"
    text: str  # verbatim, as printed
    note_by: str = ""  # for editorial runs: who inserted it (the outlet)


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    patterns: tuple[str, ...]
    route_ids: tuple[str, ...]
    node_ids: tuple[str, ...]
    commodities: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    id: str
    article_id: str
    kind: str  # DIRECT or REPORTED
    segments: tuple[Segment, ...]
    speaker: Speaker
    attribution: str  # the words that attribute it, verbatim ("he said", "According to the Minister")
    paragraph: int
    topic_ids: tuple[str, ...] = ()
    route_ids: tuple[str, ...] = ()
    node_ids: tuple[str, ...] = ()
    commodities: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    outlet: str
    published: dt.date
    place: str
    occasion: str
    url: str
    url_note: str
    corroboration: tuple[Source, ...]
    speakers: tuple[Speaker, ...]
    paragraphs: tuple[str, ...]  # the body, verbatim, headline excluded
    editor_marks: tuple[str, ...]
    statements: tuple[Statement, ...] = ()

    @property
    def dateline(self) -> str:
        return self.published.strftime("%A %-d %B %Y")
