"""Linking a statement to the map: the routes, places, seas and countries it names, and its topics.

The gazetteer is built from the registry, so a new article about a route or a place the map knows
needs no hand-written pattern. Each registry record offers the names the data gives it:

- a route: its short name ("Aktau-Baku + BTC" gives "Aktau-Baku" and "BTC"), its name up to the
  first colon or bracket, split at " / " ("Middle Corridor / TITR"), the acronyms in brackets
  ("(SCP/SCPX)"), and named pipelines and railways in its description ("Baku-Tbilisi-Kars railway");
- a place: its name, the name without "Port of" or "terminal" ("Port of Aktau" gives "Aktau"), each
  of the names a slash separates ("Khorgos / Altynkol"), and a bracket that is a name rather than a
  description ("Uzen (Zhanaozen)", but not "(planned)" or "(BOTAŞ)");
- the countries the places and routes are in, and the seas among the map's area layers.

Names are matched as whole words, without regard to accents or the kind of dash ("Constanta" names
Constanța, "Aktau–Baku" names Aktau-Baku); an acronym only in capitals ("TAP", not "tap"); the
longest name starting at a word wins ("Caspian Pipeline Consortium" is a route, not the sea), and a
name inside a longer one counts too ("Aktau-Baku" names the route, Aktau and Baku).

Topics (seeds/topics.json) add what no name says ("interruptions" concern the CPC) and override: a
topic pattern that is also a registry name replaces that name's links with the topic's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Mapping

from dashboard.registry.layers import AREA_LAYERS
from dashboard.statements.model import COUNTRY, PLACE, ROUTE, SEA, Link, Statement, Topic

_BRACKET = re.compile(r"\s*\(([^()]*)\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+$")
_NAMED_LINE = re.compile(r"\b((?:[A-Z][\w'-]*)(?:[- ][A-Z][\w'-]*)*) (?:oil |gas )?(?:pipeline|railway)\b", re.IGNORECASE)
_PLACE_PREFIXES = re.compile(r"^(?:Port of|Port)\s+", re.IGNORECASE)
_PLACE_SUFFIXES = re.compile(r"\s+(?:oil terminal|marine terminal|terminal|oil field|gas-condensate field|field|"
                             r"deep-sea port|port|pump station)$", re.IGNORECASE)
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2019": "'"})
_MIN_NAME = 3


def fold(text: str) -> str:
    """The text without accents and with one kind of dash, character for character (same length)."""
    return "".join(unicodedata.normalize("NFD", char)[0] for char in text).translate(_DASHES)


@dataclass(frozen=True)
class PlaceName:
    name: str  # as the registry gives it
    kind: str  # ROUTE, PLACE, SEA or COUNTRY
    targets: tuple[str, ...]  # route or node ids, an area layer id, or a country's name


@dataclass(frozen=True)
class Gazetteer:
    names: tuple[PlaceName, ...] = ()
    _pattern: re.Pattern | None = field(init=False, repr=False, compare=False, default=None)
    _by_key: Mapping[str, tuple[PlaceName, ...]] = field(init=False, repr=False, compare=False, default=None)
    _heads: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        by_key: dict[str, list[PlaceName]] = {}
        for place in self.names:
            by_key.setdefault(_key(place.name), []).append(place)
        alternatives = sorted({fold(p.name) for p in self.names}, key=len, reverse=True)
        parts = [re.escape(a) if _ACRONYM.match(a) else f"(?i:{re.escape(a)})" for a in alternatives]
        # A lookahead finds a name at every word start, so 'Aktau-Baku' names the route and both ports.
        pattern = re.compile(r"(?<!\w)(?=(" + "|".join(parts) + r")(?!\w))") if parts else None
        object.__setattr__(self, "_pattern", pattern)
        object.__setattr__(self, "_by_key", MappingProxyType({k: tuple(v) for k, v in by_key.items()}))
        # The names that open a hyphenated one: 'Aktau' in 'Aktau-Baku' (the lookahead finds 'Baku').
        heads = {key: tuple(other for other in by_key if key.lower().startswith(other.lower() + "-")) for key in by_key}
        object.__setattr__(self, "_heads", MappingProxyType(heads))

    def without(self, names) -> "Gazetteer":
        """The gazetteer less the given names: those a topic defines instead."""
        keys = {fold(n).lower() for n in names}
        return Gazetteer(tuple(p for p in self.names if fold(p.name).lower() not in keys))

    def find(self, text: str) -> list[tuple[str, PlaceName]]:
        """(the words as printed, the name they match) for every name the text contains."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(fold(text)):
            key = _key(match.group(1))
            for name in (key, *self._heads[key]):
                printed = text[match.start(1):match.start(1) + len(name)]
                found += [(printed, place) for place in self._by_key[name]]
        return found


def _key(name: str) -> str:
    name = fold(name)
    return name if _ACRONYM.match(name) else name.lower()


def _is_acronyms(bracket: str) -> bool:
    words = [w for w in re.split(r"[/,;\s]+", fold(bracket)) if w]
    return bool(words) and all(_ACRONYM.match(w) for w in words)


def _is_name(part: str) -> bool:
    """'Middle Corridor', 'Kazakh oil to Germany'; not a description ('rail to Batumi', '..., then ...')."""
    return len(part) >= _MIN_NAME and part[:1].isupper() and "," not in part and len(part.split()) <= 6


def route_names(name: str, short_name: str) -> tuple[str, ...]:
    """The names a route goes by in its data (see the module's docstring)."""
    names = [part.strip() for part in _BRACKET.sub("", short_name).split(" + ")]
    head = re.split(r":|\s\(", name, maxsplit=1)[0]
    names += [re.sub(r"\s+via\s.*$", "", part.strip()) for part in head.split(" / ")]
    for bracket in _BRACKET.findall(name) + _BRACKET.findall(short_name):
        if _is_acronyms(bracket):
            names += [w for w in re.split(r"[/,;\s]+", bracket) if w]
    names += [m.group(0) for m in _NAMED_LINE.finditer(name) if m.group(1)[:1].isupper()]
    return tuple(dict.fromkeys(n for n in names if _is_name(n)))


def place_names(name: str) -> tuple[str, ...]:
    """The names a place goes by in its data (see the module's docstring)."""
    names = []
    for part in _BRACKET.sub("", name).split("/"):
        part = part.strip()
        names += [part, _PLACE_SUFFIXES.sub("", _PLACE_PREFIXES.sub("", part))]
    for bracket in _BRACKET.findall(name):
        words = bracket.split()
        if words and all(w[:1].isupper() for w in words) and not _is_acronyms(bracket):
            names.append(bracket)
    return tuple(dict.fromkeys(n for n in names if len(n) >= _MIN_NAME))


def build_gazetteer(routes: Mapping | None = None, nodes: Mapping | None = None) -> Gazetteer:
    """Every name the registry's routes, places, countries and seas go by. A route name that is also a
    place's ("Kulevi") is the place's."""
    found: dict[tuple[str, str], dict[str, None]] = {}

    def add(name: str, kind: str, target: str) -> None:
        found.setdefault((name, kind), {})[target] = None

    for node in (nodes or {}).values():
        for name in place_names(node.name):
            add(name, PLACE, node.id)
        add(node.country, COUNTRY, node.country)
    places = {_key(name) for name, kind in found if kind == PLACE}
    for route in (routes or {}).values():
        for name in route_names(route.name, route.short_name):
            if _key(name) not in places:
                add(name, ROUTE, route.id)
        for country in route.published_transit_countries:
            add(country, COUNTRY, country)
    for layer in AREA_LAYERS:
        if layer.id.endswith("_sea"):
            add(layer.label, SEA, layer.id)
            add(layer.label.removesuffix(" Sea"), SEA, layer.id)
    return Gazetteer(tuple(PlaceName(name, kind, tuple(targets)) for (name, kind), targets in found.items()))


def gazetteer_for(routes: Mapping | None, nodes: Mapping | None, topics: tuple[Topic, ...]) -> Gazetteer:
    """The registry's names, less those a topic pattern defines (the topic overrides them)."""
    return build_gazetteer(routes, nodes).without(p for t in topics for p in t.patterns)


def link_statement(statement: Statement, topics: tuple[Topic, ...], gazetteer: Gazetteer = Gazetteer(),
                   said_on: str = "") -> Statement:
    """The statement with its topics and the routes, places, seas and countries they concern or the
    statement names, with a reason for each link. A topic's place or route that was news only from a
    later date than the statement (`said_on`, ISO) is not linked: a March 2023 remark on interruptions
    did not concern a pump station first attacked in 2025."""
    lowered = statement.text.lower()
    matched = [t for t in topics if any(p.lower() in lowered for p in t.patterns)]
    links: list[Link] = []

    def then(topic: Topic, target: str) -> bool:
        return not said_on or topic.since.get(target, "") <= said_on

    for topic in matched:
        reason = f"topic: {topic.label}"
        links += [Link(ROUTE, r, reason) for r in topic.route_ids if then(topic, r)]
        links += [Link(PLACE, n, reason) for n in topic.node_ids if then(topic, n)]
    for printed, place in gazetteer.find(statement.text):
        links += [Link(place.kind, target, f"names '{printed}'") for target in place.targets]
    links = list(dict.fromkeys(links))

    def targets(kind: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(link.target for link in links if link.kind == kind))

    return replace(statement, topic_ids=tuple(t.id for t in matched), route_ids=targets(ROUTE),
                   node_ids=targets(PLACE), links=tuple(links),
                   commodities=tuple(dict.fromkeys(c for t in matched for c in t.commodities)))


def link_topics(statement: Statement, topics: tuple[Topic, ...]) -> Statement:
    """The statement linked by its topics alone (no registry at hand)."""
    return link_statement(statement, topics)
