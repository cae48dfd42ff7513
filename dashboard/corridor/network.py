"""The corridor's cargo network, read from geodata/corridor_network.json and checked against the route
registry into frozen records. Every capacity, volume and time carries its sources and date, or says
that none was found (`Figure.sourced` is False): such an element is no limit and adds no time."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from dashboard.registry.model import Network, Source, frozen_mapping, read_sources
from dashboard.registry.problems import ProblemLog
from dashboard.validation import read_object

LABEL = "geodata/corridor_network.json"
UNITS = ("Mt/y", "TEU/y")
KINDS = ("border", "rail", "port", "ferry", "sea")
BASES = ("figure", "derived")
TIME_PARTS = ("running", "waiting")
KNOBS = ("ferries", "ports", "btk", "dwell", "anaklia", "northern")


@dataclass(frozen=True)
class Figure:
    """A capacity (value) or a time (low..high days), with its sources; or unsourced, with why."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    as_of: str = ""
    basis: str = ""
    sources: tuple[Source, ...] = ()
    note: str = ""
    included_in: str = ""  # a time counted in another element's figure
    not_applicable: bool = False  # a time this kind of element does not have (a port's running time)

    @property
    def sourced(self) -> bool:
        return bool(self.sources)

    @property
    def missing(self) -> bool:
        """No source was found (not counted elsewhere, not inapplicable): the model says so."""
        return not self.sourced and not self.included_in and not self.not_applicable


UNSOURCED = Figure()


@dataclass(frozen=True)
class Volume:
    unit: str
    value: float
    year: int
    sources: tuple[Source, ...]
    scope: str


@dataclass(frozen=True)
class Element:
    id: str
    label: str
    kind: str
    start: str
    end: str
    place: str  # the registry place it is drawn at
    legs: tuple[str, ...]  # the registry legs it runs on (none for a port, or where none is drawn)
    capacity: Mapping[str, Figure]  # unit -> figure (UNSOURCED-like when none was found)
    running: Figure
    waiting: Figure
    volumes: tuple[Volume, ...] = ()
    enabled_by: str = ""  # a what-if that adds it (a planned port); empty = there today


@dataclass(frozen=True)
class Branch:
    id: str
    label: str
    covers: str
    elements: tuple[str, ...]
    published: str
    published_sources: tuple[Source, ...]
    enabled_by: str = ""


@dataclass(frozen=True)
class Target:
    id: str
    unit: str
    value: float
    year: int
    label: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class SetCapacity:
    element: str
    unit: str
    value: float
    sources: tuple[Source, ...]
    note: str = ""


@dataclass(frozen=True)
class WhatIfData:
    """What each what-if applies, as the sources give it (dashboard/corridor/whatif.py applies them)."""

    ferries_element: str
    ferries_unit: str
    fleet: int
    ferries_suggested: int
    ferries_basis: str
    ferries_sources: tuple[Source, ...]
    ports: tuple[SetCapacity, ...]
    btk_element: str
    btk_unit: str
    btk_stated: tuple[SetCapacity, ...]
    dwell_elements: tuple[str, ...]
    dwell_suggested: int
    dwell_basis: str
    anaklia_sources: tuple[Source, ...]
    northern_volumes: tuple[Volume, ...]
    northern_note: str
    labels: Mapping[str, str]


@dataclass(frozen=True)
class CorridorNetwork:
    source: str
    sink: str
    elements: Mapping[str, Element]
    branches: tuple[Branch, ...]
    volumes: tuple[Volume, ...]  # the whole corridor's recent volume, per unit
    china_leg: Figure
    targets: tuple[Target, ...]
    what_ifs: WhatIfData

    def volume(self, unit: str) -> Volume | None:
        return next((v for v in self.volumes if v.unit == unit), None)


def _number(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0:
        return float(value)
    return None


class _Reader:
    def __init__(self, log: ProblemLog):
        self.log = log

    def problem(self, where: str, field_name: str, message: str) -> None:
        self.log.add(LABEL, where, field_name, message)

    def sources(self, raw: Any, where: str, field_name: str) -> tuple[Source, ...]:
        return read_sources(raw, f"{field_name}.sources", lambda f, m: self.problem(where, f, m))

    def figure(self, raw: Any, where: str, field_name: str, ranged: bool) -> Figure:
        """A sourced, dated figure, or {"unsourced": true, "note": why}: anything else is a problem."""
        if not isinstance(raw, dict):
            self.problem(where, field_name, "needs a sourced figure or {\"unsourced\": true, \"note\": ...}")
            return UNSOURCED
        if raw.get("unsourced") is True or (ranged and (raw.get("included_in") or raw.get("not_applicable") is True)):
            if not str(raw.get("note", "")).strip():
                self.problem(where, field_name, "an unsourced, included or inapplicable figure says why (note)")
            return Figure(note=str(raw.get("note", "")), included_in=str(raw.get("included_in", "")),
                          not_applicable=raw.get("not_applicable") is True)
        sources = self.sources(raw.get("sources"), where, field_name)
        if not sources:
            self.problem(where, field_name, "a figure needs its sources (or mark it unsourced)")
        if not str(raw.get("as_of", "")).strip():
            self.problem(where, field_name, "a figure needs its date (as_of: a year, or 'undated')")
        if raw.get("basis") not in BASES:
            self.problem(where, field_name, f"basis {raw.get('basis')!r} is not one of {', '.join(BASES)}")
        if raw.get("basis") == "derived" and not str(raw.get("note", "")).strip():
            self.problem(where, field_name, "a derived figure says how (note)")
        common = dict(as_of=str(raw.get("as_of", "")), basis=str(raw.get("basis", "")), sources=sources,
                      note=str(raw.get("note", "")))
        if ranged:
            low, high = _number(raw.get("low")), _number(raw.get("high"))
            if low is None or high is None or low > high:
                self.problem(where, field_name, "needs low <= high, non-negative days")
                return Figure(**common)
            return Figure(low=low, high=high, **common)
        value = _number(raw.get("value"))
        if value is None:
            self.problem(where, field_name, f"{raw.get('value')!r} must be a non-negative number")
        return Figure(value=value, **common)

    def volumes(self, raw: Any, where: str, field_name: str) -> tuple[Volume, ...]:
        volumes = []
        for index, item in enumerate(raw or []):
            here = f"{field_name}[{index}]"
            if not isinstance(item, dict) or item.get("unit") not in UNITS or _number(item.get("value")) is None:
                self.problem(where, here, f"needs a unit ({', '.join(UNITS)}) and a non-negative value")
                continue
            if not isinstance(item.get("year"), int):
                self.problem(where, here, "a volume needs the year it was carried")
            sources = self.sources(item.get("sources"), where, here)
            if not sources:
                self.problem(where, here, "a volume needs its sources")
            volumes.append(Volume(item["unit"], float(item["value"]), item.get("year") or 0, sources,
                                  str(item.get("scope", ""))))
        return tuple(volumes)


def load_corridor_network(path: Path, network: Network, log: ProblemLog) -> CorridorNetwork | None:
    data = read_object(path, LABEL, log)
    if data is None:
        return None
    read = _Reader(log)
    elements: dict[str, Element] = {}
    for index, raw in enumerate(data.get("elements") or []):
        element = _element(raw, index, network, read)
        if element is None:
            continue
        if element.id in elements:
            read.problem(element.id, "id", "is given twice")
        elements[element.id] = element
    source, sink = str(data.get("source", "")), str(data.get("sink", ""))
    if not any(e.start == source for e in elements.values()):
        read.problem("", "source", f"no element leaves {source!r}")
    if not any(e.end == sink for e in elements.values()):
        read.problem("", "sink", f"no element reaches {sink!r}")
    branches = tuple(_branch(raw, elements, source, read) for raw in data.get("branches") or [])
    what_ifs = _what_ifs(data.get("what_ifs"), elements, read)
    for element in elements.values():
        for part in (element.running, element.waiting):
            if part.included_in and part.included_in not in elements:
                read.problem(element.id, "time", f"included_in {part.included_in!r} is not an element")
        if element.enabled_by and element.enabled_by not in KNOBS:
            read.problem(element.id, "enabled_by", f"{element.enabled_by!r} is not a what-if")
    targets = []
    for index, raw in enumerate(data.get("targets") or []):
        where = str(raw.get("id", f"#{index}")) if isinstance(raw, dict) else f"#{index}"
        value = _number(raw.get("value")) if isinstance(raw, dict) else None
        if value is None or raw.get("unit") not in UNITS + ("days",):
            read.problem(where, "targets", "a target needs a value and a unit (Mt/y, TEU/y or days)")
            continue
        sources = read.sources(raw.get("sources"), where, "targets")
        if not sources:
            read.problem(where, "targets", "a target needs its sources")
        targets.append(Target(where, raw["unit"], value, int(raw.get("year") or 0), str(raw.get("label", where)), sources))
    return CorridorNetwork(
        source=source, sink=sink, elements=frozen_mapping(dict(sorted(elements.items()))),
        branches=tuple(b for b in branches if b is not None),
        volumes=read.volumes(data.get("corridor_volume"), "corridor_volume", "corridor_volume"),
        china_leg=read.figure(data.get("china_leg"), "china_leg", "china_leg", ranged=True),
        targets=tuple(sorted(targets, key=lambda t: t.id)), what_ifs=what_ifs)


def _element(raw: Any, index: int, network: Network, read: _Reader) -> Element | None:
    if not isinstance(raw, dict) or not raw.get("id"):
        read.problem(f"#{index}", "id", "an element needs an id")
        return None
    where = str(raw["id"])
    if raw.get("kind") not in KINDS:
        read.problem(where, "kind", f"{raw.get('kind')!r} is not one of {', '.join(KINDS)}")
    for leg in raw.get("legs") or []:
        if leg not in network.legs:
            read.problem(where, "legs", f"{leg!r} is not a leg of the route registry")
    if raw.get("place") not in network.nodes:
        read.problem(where, "place", f"{raw.get('place')!r} is not a place of the route registry")
    raw_capacity = raw.get("capacity") if isinstance(raw.get("capacity"), dict) else {}
    capacity = {unit: read.figure(raw_capacity.get(unit), where, f"capacity.{unit}", ranged=False) for unit in UNITS}
    for unit in sorted(set(raw_capacity) - set(UNITS)):
        read.problem(where, "capacity", f"unit {unit!r} is not one of {', '.join(UNITS)}")
    time = raw.get("time") if isinstance(raw.get("time"), dict) else {}
    running, waiting = (read.figure(time.get(part), where, f"time.{part}", ranged=True) for part in TIME_PARTS)
    return Element(
        id=where, label=str(raw.get("label", where)), kind=str(raw.get("kind")), start=str(raw.get("from", "")),
        end=str(raw.get("to", "")), place=str(raw.get("place", "")), legs=tuple(raw.get("legs") or ()),
        capacity=frozen_mapping(capacity), running=running, waiting=waiting,
        volumes=read.volumes(raw.get("volume"), where, "volume"), enabled_by=str(raw.get("enabled_by", "")))


def _branch(raw: Any, elements: Mapping[str, Element], source: str, read: _Reader) -> Branch | None:
    if not isinstance(raw, dict) or not raw.get("id"):
        read.problem("branches", "id", "a branch needs an id")
        return None
    where = f"branch {raw['id']}"
    ids = tuple(raw.get("elements") or ())
    unknown = [e for e in ids if e not in elements]
    if unknown:
        read.problem(where, "elements", f"names unknown elements {unknown}")
        return None
    at = source
    for element_id in ids:  # a branch is one path, each element starting where the last ended
        if elements[element_id].start != at:
            read.problem(where, "elements", f"{element_id!r} does not start at {at!r}, where the path has got to")
            break
        at = elements[element_id].end
    published = raw.get("published") if isinstance(raw.get("published"), dict) else {}
    return Branch(where.removeprefix("branch "), str(raw.get("label", raw["id"])), str(raw.get("covers", "")), ids,
                  str(published.get("text", "")), read.sources(published.get("sources"), where, "published"),
                  str(raw.get("enabled_by", "")))


def _set_capacities(raw: Any, elements: Mapping[str, Element], where: str, read: _Reader,
                    default: Callable[[dict], tuple[str, str]] | None = None) -> tuple[SetCapacity, ...]:
    found = []
    for index, item in enumerate(raw or []):
        element, unit = default(item) if default else (item.get("element"), item.get("unit"))
        value = _number(item.get("value")) if isinstance(item, dict) else None
        if element not in elements or unit not in UNITS or value is None:
            read.problem(where, f"[{index}]", "needs a known element, a unit and a value")
            continue
        sources = read.sources(item.get("sources"), where, f"[{index}]")
        if not sources:
            read.problem(where, f"[{index}]", "a stated capacity needs its sources")
        found.append(SetCapacity(element, unit, value, sources, str(item.get("note", ""))))
    return tuple(found)


def _what_ifs(raw: Any, elements: Mapping[str, Element], read: _Reader) -> WhatIfData:
    raw = raw if isinstance(raw, dict) else {}
    for knob in KNOBS:
        if not isinstance(raw.get(knob), dict):
            read.problem("what_ifs", knob, "is missing")
    ferries, ports, btk = raw.get("ferries") or {}, raw.get("ports") or {}, raw.get("btk") or {}
    dwell, anaklia, northern = raw.get("dwell") or {}, raw.get("anaklia") or {}, raw.get("northern") or {}
    if ferries.get("element") not in elements or ferries.get("unit") not in UNITS:
        read.problem("what_ifs", "ferries", "needs the crossing's element and the unit its fleet carries")
    if not isinstance(ferries.get("fleet"), int) or ferries.get("fleet", 0) <= 0:
        read.problem("what_ifs", "ferries.fleet", "needs today's fleet (a positive whole number)")
    if btk.get("element") not in elements:
        read.problem("what_ifs", "btk.element", "needs a known element")
    for element_id in dwell.get("elements") or []:
        if element_id not in elements:
            read.problem("what_ifs", "dwell.elements", f"{element_id!r} is not an element")
    northern_raw = northern.get("volume") if isinstance(northern.get("volume"), dict) else {}
    northern_volumes = read.volumes([dict(v, unit=unit) for unit, v in sorted(northern_raw.items()) if isinstance(v, dict)],
                                    "what_ifs", "northern.volume")
    return WhatIfData(
        ferries_element=str(ferries.get("element", "")), ferries_unit=str(ferries.get("unit", "")),
        fleet=int(ferries.get("fleet") or 1), ferries_suggested=int(ferries.get("suggested") or 1),
        ferries_basis=str(ferries.get("basis", "")), ferries_sources=read.sources(ferries.get("sources"), "what_ifs", "ferries"),
        ports=_set_capacities(ports.get("capacities"), elements, "what_ifs.ports", read),
        btk_element=str(btk.get("element", "")), btk_unit=str(btk.get("unit", "Mt/y")),
        btk_stated=_set_capacities(btk.get("stated"), elements, "what_ifs.btk", read,
                                   default=lambda item: (btk.get("element"), btk.get("unit"))),
        dwell_elements=tuple(sorted(dwell.get("elements") or ())), dwell_suggested=int(dwell.get("suggested") or 0),
        dwell_basis=str(dwell.get("basis", "")), anaklia_sources=read.sources(anaklia.get("sources"), "what_ifs", "anaklia"),
        northern_volumes=northern_volumes, northern_note=str(northern.get("note", "")),
        labels=frozen_mapping({knob: str((raw.get(knob) or {}).get("label", knob)) for knob in KNOBS}))
