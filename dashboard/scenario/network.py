"""The oil export network (geodata/oil_network.json) and the timeline (geodata/events.json), read
and checked against the route registry, into frozen records."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from dashboard.registry.model import Network, Source, read_sources
from dashboard.registry.problems import ProblemLog, read_json

BASES = ("figure", "derived", "volume", "unbounded")
SOURCE = "kz_oil"


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

    @property
    def expandable(self) -> tuple[FlowEdge, ...]:
        return tuple(e for e in self.edges.values() if e.expandable_to is not None)


@dataclass(frozen=True)
class TimelineEvent:
    id: str
    date: str
    title: str
    off: tuple[str, ...]
    capacities: tuple[tuple[str, float], ...]
    sources: tuple[Source, ...]
    place: str  # node id where it happened, for the events layer


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
    data = read_json(path, label, log)
    if not isinstance(data, dict):
        if data is not None:
            log.add(label, "", "", "must be a JSON object")
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
        expandable = _capacity(raw.get("expandable_to"))
        edges[raw["id"]] = FlowEdge(
            id=raw["id"], start=str(raw.get("from", "")), end=str(raw.get("to", "")), capacity=capacity,
            route=str(raw.get("route", "")), legs=tuple(raw.get("legs", [])), basis=str(raw.get("basis")),
            label=str(raw.get("label", raw["id"])), sources=sources,
            expandable_to=expandable if expandable not in (None, False) else None)
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
    return OilNetwork(
        supply=float(supply_value or 0), supply_label=str(supply.get("label", "")),
        supply_sources=_sources(supply.get("sources"), label, "supply", log), markets=markets,
        crosses_russia=frozenset(data.get("crosses_russia") or ()), edges=edges, switches=switches)


def load_timeline(path: Path, oil: OilNetwork | None, network: Network, log: ProblemLog) -> tuple[TimelineEvent, ...]:
    label = "geodata/events.json"
    data = read_json(path, label, log)
    if not isinstance(data, dict):
        return ()
    events = []
    for index, raw in enumerate(data.get("events") or []):
        where = raw.get("id", f"#{index}") if isinstance(raw, dict) else f"#{index}"
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("date") or not raw.get("title"):
            log.add(label, where, "", "an event needs an id, a date and a title")
            continue
        scenario = raw.get("scenario") or {}
        off = tuple(scenario.get("off", []))
        caps = tuple(sorted((str(k), float(v)) for k, v in (scenario.get("cap") or {}).items()))
        if oil:
            for switch in off:
                if switch not in oil.switches:
                    log.add(label, where, "scenario.off", f"{switch!r} is not a switch of the oil network")
            for edge, _ in caps:
                if edge not in oil.edges:
                    log.add(label, where, "scenario.cap", f"{edge!r} is not an edge of the oil network")
        sources = _sources(raw.get("sources"), label, where, log)
        if not sources:
            log.add(label, where, "sources", "an event needs its source")
        if raw.get("place") not in network.nodes:
            log.add(label, where, "place", f"{raw.get('place')!r} is not a place of the route registry")
        events.append(TimelineEvent(raw["id"], raw["date"], raw["title"], off, caps, sources, str(raw.get("place"))))
    return tuple(sorted(events, key=lambda e: e.date))
