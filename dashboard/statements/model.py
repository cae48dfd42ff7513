"""Frozen records of articles, statements and topics."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

from dashboard.registry.model import Source

DIRECT = "direct"
REPORTED = "reported"


@dataclass(frozen=True)
class Speaker:
    name: str  # a person's name, or the description the article gives ("a ministry spokesperson")
    role: str  # may be empty when the article gives none
    spellings_in_text: tuple[str, ...] = ()
    referred_to_as: tuple[str, ...] = ()  # descriptions the article uses for them ("the Minister")

    @property
    def identified(self) -> bool:
        return self != UNIDENTIFIED


# The speaker of a quotation the article does not attribute: shown as a quote all the same, and
# listed as a warning by `python -m dashboard check`.
UNIDENTIFIED = Speaker("speaker not identified", "")

ROUTE, PLACE, SEA, COUNTRY = "route", "place", "sea", "country"


@dataclass(frozen=True)
class Link:
    """Why a statement concerns something on the map: one reason for one target."""

    kind: str  # ROUTE, PLACE (a registry node), SEA (an area layer id) or COUNTRY (a country's name)
    target: str
    reason: str  # "names 'Aktau'" or "topic: Middle Corridor (TITR)"


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
    # A place or route the topic concerns only from a date on (it was not news before): a statement
    # made earlier is not linked to it. id -> ISO date.
    since: Mapping[str, str] = field(default_factory=dict)


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
    links: tuple[Link, ...] = ()  # every reason behind route_ids, node_ids and the seas and countries

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)

    def linked(self, kind: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(link.target for link in self.links if link.kind == kind))

    @property
    def seas(self) -> tuple[str, ...]:
        return self.linked(SEA)

    @property
    def countries(self) -> tuple[str, ...]:
        return self.linked(COUNTRY)

    def reasons(self, kind: str, target: str) -> tuple[str, ...]:
        """Why this statement is linked to one route, place, sea or country ("names 'Aktau'")."""
        return tuple(dict.fromkeys(link.reason for link in self.links if (link.kind, link.target) == (kind, target)))

    @property
    def link_reasons(self) -> tuple[str, ...]:
        """Every distinct reason, in the order found: what the statement card says."""
        return tuple(dict.fromkeys(link.reason for link in self.links))


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
