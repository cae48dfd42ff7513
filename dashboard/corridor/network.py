"""The corridor's cargo network, read from geodata/corridor_network.json and checked against the route
registry into frozen records. Every capacity, volume and time carries its sources and date, or says
that none was found (`Figure.sourced` is False): such an element is no limit and adds no time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from dashboard.registry.model import Network, Source, frozen_mapping
from dashboard.registry.problems import ProblemLog
from dashboard.validation import Fields, read_object, record_name, records

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


class _CorridorFields(Fields):
    """The corridor file's own field types over the common reads: a nested object, a figure, volumes."""

    def within(self, name: str, required: bool = False) -> "_CorridorFields":
        """The reader of an object field (its fields named `name.field`); an absent one reads as empty
        (noted if `required`), anything else than an object is noted."""
        value = self.props.get(name)
        if not isinstance(value, dict) and (value is not None or required):
            self.problem(name, "is missing" if value is None else f"must be an object, not {value!r}")
        return _CorridorFields(self.log, self.file, self.feature, value if isinstance(value, dict) else {},
                               prefix=f"{self.prefix}{name}.")

    def figure(self, name: str, ranged: bool) -> Figure:
        """A sourced, dated figure (a value, or `ranged`: low..high days), or {"unsourced": true, "note":
        why}; a time may instead be counted in another element (included_in) or not apply."""
        raw = self.props.get(name)
        if not isinstance(raw, dict):
            self.problem(name, "needs a sourced figure or {\"unsourced\": true, \"note\": ...}")
            return UNSOURCED
        inner = self.within(name)
        note = inner.text("note", required=False)
        if raw.get("unsourced") is True or (ranged and (raw.get("included_in") or raw.get("not_applicable") is True)):
            if not note.strip():
                self.problem(name, "an unsourced, included or inapplicable figure says why (note)")
            return Figure(note=note, included_in=inner.text("included_in", required=False),
                          not_applicable=raw.get("not_applicable") is True)
        sources = inner.sources()
        if not sources:
            self.problem(name, "a figure needs its sources (or mark it unsourced)")
        as_of = inner.text("as_of", required=False)
        if not as_of.strip():
            self.problem(name, "a figure needs its date (as_of: a year, or 'undated')")
        basis = inner.choice("basis", BASES)
        if basis == "derived" and not note.strip():
            self.problem(name, "a derived figure says how (note)")
        common = dict(as_of=as_of, basis=basis, sources=sources, note=note)
        if not ranged:
            return Figure(value=inner.number("value"), **common)
        low, high = inner.number("low", unit="days"), inner.number("high", unit="days")
        if low is None or high is None:
            return Figure(**common)
        if low > high:
            self.problem(name, f"needs low <= high, and {low:g} is above {high:g} days")
            return Figure(**common)
        return Figure(low=low, high=high, **common)

    def volumes(self, name: str, raw: Any = None) -> tuple[Volume, ...]:
        """The list of {unit, value, year, sources, scope} in the field `name` (or `raw`, read as if it were)."""
        found = []
        for index, item in records(self.props.get(name) if raw is None else raw, self.file, self.feature,
                                   self.prefix + name, self.log):
            volume = _CorridorFields(self.log, self.file, self.feature, item, prefix=f"{self.prefix}{name}[{index}].")
            unit = volume.choice("unit", UNITS)
            value = volume.number("value", unit=unit)
            year = volume.whole_number("year", "the year it was carried")
            sources = volume.sources(required=True, what="a volume")
            if value is not None:
                found.append(Volume(unit, value, year or 0, sources, volume.text("scope", required=False)))
        return tuple(found)


def load_corridor_network(path: Path, network: Network, log: ProblemLog) -> CorridorNetwork | None:
    data = read_object(path, LABEL, log)
    if data is None:
        return None
    top = _CorridorFields(log, LABEL, "", data)
    elements: dict[str, Element] = {}
    seen: set[str] = set()
    for index, raw in records(data.get("elements"), LABEL, "", "elements", log):
        element = _element(_CorridorFields(log, LABEL, record_name(raw, index), raw), seen, network)
        if element is not None:
            elements[element.id] = element
    source, sink = top.text("source"), top.text("sink")
    if source and not any(e.start == source for e in elements.values()):
        top.problem("source", f"no element leaves {source!r}")
    if sink and not any(e.end == sink for e in elements.values()):
        top.problem("sink", f"no element reaches {sink!r}")
    seen_branches: set[str] = set()
    branches = tuple(branch for index, raw in records(data.get("branches"), LABEL, "", "branches", log)
                     if (branch := _branch(_CorridorFields(log, LABEL, f"branch {record_name(raw, index)}", raw),
                                           seen_branches, elements, source)) is not None)
    what_ifs_raw = top.within("what_ifs", required=True).props
    what_ifs = _what_ifs(_CorridorFields(log, LABEL, "what_ifs", what_ifs_raw), elements)
    for element in elements.values():
        for part in (element.running, element.waiting):
            if part.included_in and part.included_in not in elements:
                log.add(LABEL, element.id, "time", f"included_in {part.included_in!r} is not an element")
        if element.enabled_by and element.enabled_by not in KNOBS:
            log.add(LABEL, element.id, "enabled_by", f"{element.enabled_by!r} is not a what-if")
    seen_targets: set[str] = set()
    targets = [target for index, raw in records(data.get("targets"), LABEL, "", "targets", log)
               if (target := _target(_CorridorFields(log, LABEL, record_name(raw, index), raw), seen_targets))]
    return CorridorNetwork(
        source=source, sink=sink, elements=frozen_mapping(dict(sorted(elements.items()))), branches=branches,
        volumes=top.volumes("corridor_volume"), china_leg=top.figure("china_leg", ranged=True),
        targets=tuple(sorted(targets, key=lambda t: t.id)), what_ifs=what_ifs)


def _element(fields: _CorridorFields, seen: set[str], network: Network) -> Element | None:
    element_id = fields.identifier(seen)
    if not element_id:
        return None
    legs = fields.text_list("legs", required=False)
    for leg in legs:
        if leg not in network.legs:
            fields.problem("legs", f"{leg!r} is not a leg of the route registry")
    place = fields.text("place")
    if place and place not in network.nodes:
        fields.problem("place", f"{place!r} is not a place of the route registry")
    capacity = fields.within("capacity", required=True)
    for unit in sorted(set(capacity.props) - set(UNITS)):
        fields.problem("capacity", f"unit {unit!r} is not one of {', '.join(UNITS)}")
    time = fields.within("time", required=True)
    return Element(
        id=element_id, label=fields.text("label", required=False) or element_id, kind=fields.choice("kind", KINDS),
        start=fields.text("from"), end=fields.text("to"), place=place, legs=legs,
        capacity=frozen_mapping({unit: capacity.figure(unit, ranged=False) for unit in UNITS}),
        running=time.figure("running", ranged=True), waiting=time.figure("waiting", ranged=True),
        volumes=fields.volumes("volume"), enabled_by=fields.text("enabled_by", required=False))


def _branch(fields: _CorridorFields, seen: set[str], elements: Mapping[str, Element], source: str) -> Branch | None:
    branch_id = fields.identifier(seen)
    ids = fields.text_list("elements")
    unknown = [e for e in ids if e not in elements]
    if unknown:
        fields.problem("elements", f"names unknown elements {unknown}")
    at = source
    for element_id in ids if not unknown else ():  # a branch is one path, each element starting where the last ended
        if elements[element_id].start != at:
            fields.problem("elements", f"{element_id!r} does not start at {at!r}, where the path has got to")
            break
        at = elements[element_id].end
    published = fields.within("published", required=True)
    if not branch_id or unknown:
        return None
    return Branch(branch_id, fields.text("label", required=False) or branch_id, fields.text("covers", required=False),
                  ids, published.text("text"), published.sources(), fields.text("enabled_by", required=False))


def _target(fields: _CorridorFields, seen: set[str]) -> Target | None:
    target_id = fields.identifier(seen)
    unit, value = fields.choice("unit", UNITS + ("days",)), fields.number("value")
    year = fields.whole_number("year", "the year it is set for")
    sources = fields.sources(required=True, what="a target")
    if not target_id or value is None:
        return None
    return Target(target_id, unit, value, year or 0, fields.text("label", required=False) or target_id, sources)


def _set_capacities(fields: _CorridorFields, name: str, elements: Mapping[str, Element],
                    element: str = "", unit: str = "") -> tuple[SetCapacity, ...]:
    """The capacities a what-if sets, each {element, unit, value, sources, note}; `element` and `unit`,
    when given, are the same for every item and not repeated in it."""
    found = []
    for index, item in records(fields.props.get(name), fields.file, fields.feature, fields.prefix + name, fields.log):
        stated = _CorridorFields(fields.log, fields.file, fields.feature, item, prefix=f"{fields.prefix}{name}[{index}].")
        element_id = element or stated.text("element")
        if element_id and element_id not in elements:
            stated.problem("element", f"{element_id!r} is not an element")
        item_unit = unit or stated.choice("unit", UNITS)
        value = stated.number("value", unit=item_unit)
        sources = stated.sources(required=True, what="a stated capacity")
        if element_id in elements and value is not None:
            found.append(SetCapacity(element_id, item_unit, value, sources, stated.text("note", required=False)))
    return tuple(found)


def _what_ifs(fields: _CorridorFields, elements: Mapping[str, Element]) -> WhatIfData:
    knobs = {knob: fields.within(knob, required=True) for knob in KNOBS}
    ferries, ports, btk = knobs["ferries"], knobs["ports"], knobs["btk"]
    dwell, anaklia, northern = knobs["dwell"], knobs["anaklia"], knobs["northern"]
    for reader in (ferries, btk):
        if (element := reader.text("element")) and element not in elements:
            reader.problem("element", f"{element!r} is not an element")
    fleet = ferries.whole_number("fleet", "today's fleet (a positive whole number)")
    if fleet is not None and fleet <= 0:
        ferries.problem("fleet", f"{fleet} must be today's fleet (a positive whole number)")
    dwell_elements = dwell.text_list("elements")
    for element_id in dwell_elements:
        if element_id not in elements:
            dwell.problem("elements", f"{element_id!r} is not an element")
    btk_unit = btk.choice("unit", UNITS) if "unit" in btk.props else "Mt/y"
    northern_by_unit = northern.within("volume", required=True).props
    return WhatIfData(
        ferries_element=ferries.props.get("element", ""), ferries_unit=ferries.choice("unit", UNITS),
        fleet=fleet if fleet and fleet > 0 else 1, ferries_suggested=ferries.whole_number("suggested") or 1,
        ferries_basis=ferries.text("basis", required=False), ferries_sources=ferries.sources(),
        ports=_set_capacities(ports, "capacities", elements),
        btk_element=str(btk.props.get("element", "")), btk_unit=btk_unit,
        btk_stated=_set_capacities(btk, "stated", elements, element=str(btk.props.get("element", "")), unit=btk_unit),
        dwell_elements=tuple(sorted(dwell_elements)), dwell_suggested=dwell.whole_number("suggested") or 0,
        dwell_basis=dwell.text("basis", required=False), anaklia_sources=anaklia.sources(),
        northern_volumes=northern.volumes("volume", [dict(v, unit=unit) if isinstance(v, dict) else v
                                                     for unit, v in sorted(northern_by_unit.items())]),
        northern_note=northern.text("note", required=False),
        labels=frozen_mapping({knob: reader.text("label", required=False) or knob for knob, reader in knobs.items()}))
