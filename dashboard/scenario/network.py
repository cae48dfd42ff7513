"""The oil export network (geodata/oil_network.json) and the timeline (geodata/events.json), read
and checked against the route registry, into frozen records.

Two quantities are kept apart: what each export route carried in a recent year (`RouteVolume`, today's
split) and what each edge can carry (`FlowEdge.capacity`, with its basis). An event records what it
did: only outages and caps change the network; a court order that changed nothing, an agreement and a
target are marks on the timeline, a target with the what-if a user may apply."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from dashboard.registry.model import Network, Source, read_sources
from dashboard.registry.problems import ProblemLog
from dashboard.validation import read_object

BASES = ("figure", "derived", "volume", "unbounded")
SOURCE = "kz_oil"
EVENT_KINDS = ("outage", "cap", "none", "agreement", "target")
CHANGES_NETWORK = ("outage", "cap")  # the only kinds the timeline applies


@dataclass(frozen=True)
class FlowEdge:
    id: str
    start: str
    end: str
    capacity: float | None  # Mt/y; None = not a constraint
    route: str
    legs: tuple[str, ...]
    basis: str
    label: str
    sources: tuple[Source, ...]
    expandable_to: float | None = None
    what_if: str = ""  # why growing this edge is a what-if (a target, not a capacity)


@dataclass(frozen=True)
class RouteVolume:
    """What an export route carried in a recent year: today's split is made of these."""

    route: str
    value: float | None  # Mt; None = not published (counted as none, and said so)
    year: int
    label: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Switch:
    id: str
    label: str
    edges: tuple[str, ...]


@dataclass(frozen=True)
class OilNetwork:
    supply: float
    supply_label: str
    supply_sources: tuple[Source, ...]
    markets: tuple[str, ...]
    crosses_russia: frozenset[str]  # route ids
    edges: Mapping[str, FlowEdge]
    switches: Mapping[str, Switch]
    volumes: tuple[RouteVolume, ...] = ()
    supply_tolerance: float = 0.0  # Mt the route volumes may fall short of the supply, with its reason
    tolerance_reason: str = ""

    @property
    def volume_of(self) -> Mapping[str, float]:
        """Each export route's recent volume, Mt/y (an unpublished one as 0)."""
        return {v.route: v.value or 0.0 for v in self.volumes}

    @property
    def volume_year(self) -> int:
        return max((v.year for v in self.volumes), default=0)

    @property
    def expandable(self) -> tuple[FlowEdge, ...]:
        return tuple(e for e in self.edges.values() if e.expandable_to is not None)


@dataclass(frozen=True)
class TimelineEvent:
    id: str
    date: str
    title: str
    off: tuple[str, ...]  # what it switched off: only for an outage
    capacities: tuple[tuple[str, float], ...]  # what it capped: only for an outage or a cap
    sources: tuple[Source, ...]
    place: str  # node id where it happened, for the events layer
    kind: str = "outage"
    duration: str = ""
    note: str = ""
    stated: str = ""  # a target's or announcement's words, as reported
    what_if_off: tuple[str, ...] = ()  # a target's scenario, applied only when a user asks
    what_if_capacities: tuple[tuple[str, float], ...] = ()

    @property
    def changes_network(self) -> bool:
        return bool(self.off or self.capacities)


def _sources(raw: Any, label: str, where: str, log: ProblemLog) -> tuple[Source, ...]:
    return read_sources(raw, "sources", lambda field_name, message: log.add(label, where, field_name, message))


def _capacity(value: Any) -> float | None | bool:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0:
        return float(value)
    return False


def load_oil_network(path: Path, network: Network, log: ProblemLog) -> OilNetwork | None:
    label = "geodata/oil_network.json"
    data = read_object(path, label, log)
    if data is None:
        return None
    supply = data.get("supply") or {}
    supply_value = _capacity(supply.get("value"))
    if not supply_value:
        log.add(label, "supply", "value", "must be a positive number (Mt/y)")
    edges: dict[str, FlowEdge] = {}
    for index, raw in enumerate(data.get("edges") or []):
        where = str(raw.get("id", f"#{index}")) if isinstance(raw, dict) else f"#{index}"
        if not isinstance(raw, dict) or not raw.get("id"):
            log.add(label, where, "id", "is missing")
            continue
        capacity = _capacity(raw.get("capacity"))
        if capacity is False:
            log.add(label, where, "capacity", f"{raw.get('capacity')!r} must be a non-negative number or null")
            capacity = None
        if raw.get("basis") not in BASES:
            log.add(label, where, "basis", f"{raw.get('basis')!r} is not one of {', '.join(BASES)}")
        if raw.get("route") and raw["route"] not in network.routes:
            log.add(label, where, "route", f"{raw['route']!r} is not in the route registry")
        for leg in raw.get("legs", []):
            if leg not in network.legs:
                log.add(label, where, "legs", f"{leg!r} is not in the route registry")
        sources = _sources(raw.get("sources"), label, where, log)
        if capacity is not None and not sources:
            log.add(label, where, "sources", "a capacity needs its source")
        if raw.get("basis") == "unbounded" and capacity is not None:
            log.add(label, where, "basis", "an unbounded edge has no capacity")
        expandable = _capacity(raw.get("expandable_to"))
        edges[raw["id"]] = FlowEdge(
            id=raw["id"], start=str(raw.get("from", "")), end=str(raw.get("to", "")), capacity=capacity,
            route=str(raw.get("route", "")), legs=tuple(raw.get("legs", [])), basis=str(raw.get("basis")),
            label=str(raw.get("label", raw["id"])), sources=sources,
            expandable_to=expandable if expandable not in (None, False) else None,
            what_if=str(raw.get("what_if", "")))
    switches = {}
    for raw in data.get("switches") or []:
        missing = [e for e in raw.get("edges", []) if e not in edges]
        if missing:
            log.add(label, raw.get("id", "?"), "edges", f"names unknown edges {missing}")
        switches[raw.get("id")] = Switch(raw.get("id"), raw.get("label", raw.get("id")), tuple(raw.get("edges", [])))
    for route_id in data.get("crosses_russia") or []:
        if route_id not in network.routes:
            log.add(label, "", "crosses_russia", f"{route_id!r} is not a route id of the registry")
    markets = tuple(data.get("markets") or [])
    if not any(e.start == SOURCE for e in edges.values()):
        log.add(label, "", "edges", f"no edge leaves {SOURCE!r}")
    for market in markets:
        if not any(e.end == market for e in edges.values()):
            log.add(label, market, "markets", "no edge reaches this market")
    volumes = _volumes(data.get("volumes"), edges, markets, network, label, log)
    tolerance = _capacity(supply.get("tolerance"))
    if tolerance in (None, False) or not supply.get("tolerance_reason"):
        log.add(label, "supply", "tolerance", "needs a non-negative number (Mt) and its reason (tolerance_reason)")
    known = sum(v.value or 0 for v in volumes)
    if supply_value and tolerance not in (None, False) and not 0 <= supply_value - known <= tolerance + 1e-9:
        log.add(label, "volumes", "value", f"the route volumes sum to {known:.1f} Mt, not within {tolerance:g} Mt "
                                            f"below the supply of {supply_value:g} Mt")
    return OilNetwork(
        supply=float(supply_value or 0), supply_label=str(supply.get("label", "")),
        supply_sources=_sources(supply.get("sources"), label, "supply", log), markets=markets,
        crosses_russia=frozenset(data.get("crosses_russia") or ()), edges=edges, switches=switches,
        volumes=volumes, supply_tolerance=float(tolerance or 0), tolerance_reason=str(supply.get("tolerance_reason", "")))


def _volumes(raw_list: Any, edges: Mapping[str, FlowEdge], markets: tuple[str, ...], network: Network,
             label: str, log: ProblemLog) -> tuple[RouteVolume, ...]:
    """Each export route's recent volume. Every route that reaches a market needs one, so that today's
    split is the sources' and never the solver's."""
    volumes = []
    for index, raw in enumerate(raw_list or []):
        where = f"volumes[{index}]"
        if not isinstance(raw, dict) or raw.get("route") not in network.routes:
            log.add(label, where, "route", "must name a route of the registry")
            continue
        value = _capacity(raw.get("value"))
        if value is False:
            log.add(label, where, "value", f"{raw.get('value')!r} must be a non-negative number (Mt) or null")
            value = None
        if not isinstance(raw.get("year"), int):
            log.add(label, where, "year", "a volume needs the year it was carried")
        sources = _sources(raw.get("sources"), label, where, log)
        if value is not None and not sources:
            log.add(label, where, "sources", "a volume needs its source")
        volumes.append(RouteVolume(raw["route"], value, raw.get("year") or 0, str(raw.get("label", "")), sources))
    exits = {e.route for e in edges.values() if e.end in markets}
    named = [v.route for v in volumes]
    for route in sorted(exits - set(named)):
        log.add(label, "volumes", "route", f"export route {route!r} has no volume (give null if none is published)")
    for route in sorted({r for r in named if named.count(r) > 1}):
        log.add(label, "volumes", "route", f"{route!r} has more than one volume")
    for route in sorted(set(named) - exits):
        log.add(label, "volumes", "route", f"{route!r} does not reach a market in the network")
    return tuple(volumes)


def load_timeline(path: Path, oil: OilNetwork | None, network: Network, log: ProblemLog) -> tuple[TimelineEvent, ...]:
    label = "geodata/events.json"
    data = read_object(path, label, log)
    if data is None:
        return ()
    events = []
    for index, raw in enumerate(data.get("events") or []):
        where = raw.get("id", f"#{index}") if isinstance(raw, dict) else f"#{index}"
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("date") or not raw.get("title"):
            log.add(label, where, "", "an event needs an id, a date and a title")
            continue
        kind = raw.get("kind")
        if kind not in EVENT_KINDS:
            log.add(label, where, "kind", f"{kind!r} is not one of {', '.join(EVENT_KINDS)}")
        off, caps = _scenario(raw.get("effect"), oil, label, where, "effect", log)
        what_if_off, what_if_caps = _scenario(raw.get("what_if"), oil, label, where, "what_if", log)
        if kind not in CHANGES_NETWORK and (off or caps):
            log.add(label, where, "effect", f"a {kind!r} event changes nothing in the network: put a scenario in what_if")
        if kind in CHANGES_NETWORK and not (off or caps):
            log.add(label, where, "effect", f"an {kind!r} event needs what it switched off or capped")
        if kind == "outage" and caps and not off:
            log.add(label, where, "kind", "an event that only caps capacities is a 'cap'")
        if kind in CHANGES_NETWORK and "duration" not in raw:
            log.add(label, where, "duration", "say how long it lasted (or that no source says)")
        if (what_if_off or what_if_caps) and kind != "target":
            log.add(label, where, "what_if", "only a target has a what-if")
        sources = _sources(raw.get("sources"), label, where, log)
        if not sources:
            log.add(label, where, "sources", "an event needs its source")
        if raw.get("place") not in network.nodes:
            log.add(label, where, "place", f"{raw.get('place')!r} is not a place of the route registry")
        changes = kind in CHANGES_NETWORK
        events.append(TimelineEvent(
            raw["id"], raw["date"], raw["title"], off if changes else (), caps if changes else (), sources,
            str(raw.get("place")), kind=str(kind), duration=str(raw.get("duration", "")), note=str(raw.get("note", "")),
            stated=str(raw.get("stated", "")), what_if_off=what_if_off, what_if_capacities=what_if_caps))
    return tuple(sorted(events, key=lambda e: (e.date, e.id)))


def _scenario(raw: Any, oil: OilNetwork | None, label: str, where: str, field_name: str,
              log: ProblemLog) -> tuple[tuple[str, ...], tuple[tuple[str, float], ...]]:
    raw = raw if isinstance(raw, dict) else {}
    off = tuple(sorted(str(s) for s in raw.get("off", [])))
    caps = []
    for edge, value in (raw.get("cap") or {}).items():
        number = _capacity(value)
        if number in (None, False):
            log.add(label, where, f"{field_name}.cap", f"{edge}: {value!r} must be a non-negative number (Mt/y)")
            continue
        caps.append((str(edge), number))
    if oil:
        for switch in off:
            if switch not in oil.switches:
                log.add(label, where, f"{field_name}.off", f"{switch!r} is not a switch of the oil network")
        for edge, value in caps:
            if edge not in oil.edges:
                log.add(label, where, f"{field_name}.cap", f"{edge!r} is not an edge of the oil network")
            elif field_name == "effect" and value > (oil.edges[edge].capacity or 0):
                log.add(label, where, f"{field_name}.cap", f"{edge}: an event can only lower a capacity, and "
                                                           f"{value:g} is above {oil.edges[edge].capacity} Mt/y")
    return off, tuple(sorted(caps))
