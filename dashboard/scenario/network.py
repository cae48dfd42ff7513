"""The oil export network (geodata/oil_network.json) and the timeline (geodata/events.json), read
and checked against the route registry, into frozen records.

Two quantities are kept apart: what each export route carried in a recent year (`RouteVolume`, today's
split) and what each edge can carry (`FlowEdge.capacity`, with its basis). An event records what it
did: only outages and caps change the network; a court order that changed nothing, an agreement and a
target are marks on the timeline, a target with the what-if a user may apply."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from dashboard.registry.model import Network, Source
from dashboard.registry.problems import ProblemLog
from dashboard.validation import Fields, read_object, record_name, records

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


LABEL = "geodata/oil_network.json"
TIMELINE_LABEL = "geodata/events.json"


def load_oil_network(path: Path, network: Network, log: ProblemLog) -> OilNetwork | None:
    data = read_object(path, LABEL, log)
    if data is None:
        return None
    supply = _object(data, "supply", LABEL, "", log)
    supply_fields = Fields(log, LABEL, "supply", supply)
    supply_value = supply_fields.number("value", unit="Mt/y")
    if supply_value == 0:
        supply_fields.problem("value", "must be more than nothing (Mt/y): it is the oil there is to move")
    edges = _edges(data.get("edges"), network, log)
    switches = _switches(data.get("switches"), edges, log)
    file_fields = Fields(log, LABEL, "", data)
    crosses_russia = file_fields.text_list("crosses_russia")
    for route_id in crosses_russia:
        if route_id not in network.routes:
            file_fields.problem("crosses_russia", f"{route_id!r} is not a route id of the registry")
    markets = file_fields.text_list("markets")
    edges_read = isinstance(data.get("edges"), list)  # else noted once; what is reached is not checked
    if edges_read and not any(e.start == SOURCE for e in edges.values()):
        file_fields.problem("edges", f"no edge leaves {SOURCE!r}")
    for market in markets if edges_read else ():
        if not any(e.end == market for e in edges.values()):
            log.add(LABEL, market, "markets", "no edge reaches this market")
    volumes = _volumes(data.get("volumes"), edges if edges_read else None, markets, network, log)
    tolerance = supply_fields.number("tolerance", unit="Mt")
    tolerance_reason = supply_fields.text("tolerance_reason")
    known = sum(v.value or 0 for v in volumes)
    if supply_value and tolerance is not None and not 0 <= supply_value - known <= tolerance + 1e-9:
        log.add(LABEL, "volumes", "value", f"the route volumes sum to {known:.1f} Mt, not within {tolerance:g} Mt "
                                           f"below the supply of {supply_value:g} Mt")
    return OilNetwork(
        supply=supply_value or 0.0, supply_label=supply_fields.text("label", required=False),
        supply_sources=supply_fields.sources(required=True, what="the supply"), markets=markets,
        crosses_russia=frozenset(crosses_russia), edges=edges, switches=switches, volumes=volumes,
        supply_tolerance=tolerance or 0.0, tolerance_reason=tolerance_reason)


def _object(data: Mapping[str, Any], name: str, label: str, where: str, log: ProblemLog) -> Mapping[str, Any]:
    """A field that holds an object; anything else is noted, and read as an empty one."""
    value = data.get(name)
    if isinstance(value, dict):
        return value
    log.add(label, where, name, "is missing" if value is None else f"must be an object, not {value!r}")
    return {}


def _edges(raw: Any, network: Network, log: ProblemLog) -> dict[str, FlowEdge]:
    edges: dict[str, FlowEdge] = {}
    seen: set[str] = set()
    for index, item in records(raw, LABEL, "", "edges", log):
        fields = Fields(log, LABEL, record_name(item, index), item)
        edge_id = fields.identifier(seen)
        if not edge_id:
            continue
        capacity = fields.number("capacity", required=False, unit="Mt/y, or null for none")
        basis = fields.choice("basis", BASES)
        if basis == "unbounded" and capacity is not None:
            fields.problem("basis", "an unbounded edge has no capacity")
        route = fields.text("route", required=False)
        if route and route not in network.routes:
            fields.problem("route", f"{route!r} is not in the route registry")
        legs = fields.text_list("legs", required=False)
        for leg in legs:
            if leg not in network.legs:
                fields.problem("legs", f"{leg!r} is not in the route registry")
        edges[edge_id] = FlowEdge(
            id=edge_id, start=fields.text("from"), end=fields.text("to"), capacity=capacity, route=route, legs=legs,
            basis=basis, label=fields.text("label", required=False) or edge_id,
            sources=fields.sources(required=capacity is not None, what="a capacity"),
            expandable_to=fields.number("expandable_to", required=False, unit="Mt/y"),
            what_if=fields.text("what_if", required=False))
    return edges


def _switches(raw: Any, edges: Mapping[str, FlowEdge], log: ProblemLog) -> dict[str, Switch]:
    switches: dict[str, Switch] = {}
    seen: set[str] = set()
    for index, item in records(raw, LABEL, "", "switches", log):
        fields = Fields(log, LABEL, record_name(item, index), item)
        switch_id = fields.identifier(seen)
        switched = fields.text_list("edges")
        missing = [e for e in switched if e not in edges]
        if missing:
            fields.problem("edges", f"names unknown edges {missing}")
        if switch_id:
            switches[switch_id] = Switch(switch_id, fields.text("label", required=False) or switch_id, switched)
    return switches


def _volumes(raw: Any, edges: Mapping[str, FlowEdge] | None, markets: tuple[str, ...], network: Network,
             log: ProblemLog) -> tuple[RouteVolume, ...]:
    """Each export route's recent volume. Every route that reaches a market needs one, so that today's
    split is the sources' and never the solver's (not checked when the edges could not be read: None)."""
    volumes = []
    for index, item in records(raw, LABEL, "", "volumes", log):
        fields = Fields(log, LABEL, f"volumes[{index}]", item)
        route = fields.text("route")
        if route and route not in network.routes:
            fields.problem("route", f"{route!r} is not a route of the registry")
        value = fields.number("value", required=False, unit="Mt, or null if none is published")
        year = fields.whole_number("year", "the year it was carried")
        sources = fields.sources(required=value is not None, what="a volume")
        if route in network.routes:
            volumes.append(RouteVolume(route, value, year or 0, fields.text("label", required=False), sources))
    named = [v.route for v in volumes]
    for route in sorted({r for r in named if named.count(r) > 1}):
        log.add(LABEL, "volumes", "route", f"{route!r} has more than one volume")
    if edges is None:
        return tuple(volumes)
    exits = {e.route for e in edges.values() if e.end in markets}
    for route in sorted(exits - set(named)):
        log.add(LABEL, "volumes", "route", f"export route {route!r} has no volume (give null if none is published)")
    for route in sorted(set(named) - exits):
        log.add(LABEL, "volumes", "route", f"{route!r} does not reach a market in the network")
    return tuple(volumes)


def load_timeline(path: Path, oil: OilNetwork | None, network: Network, log: ProblemLog) -> tuple[TimelineEvent, ...]:
    data = read_object(path, TIMELINE_LABEL, log)
    if data is None:
        return ()
    events = []
    seen: set[str] = set()
    for index, item in records(data.get("events"), TIMELINE_LABEL, "", "events", log):
        fields = Fields(log, TIMELINE_LABEL, record_name(item, index), item)
        event_id, date, title = fields.identifier(seen), fields.text("date"), fields.text("title")
        kind_known = item.get("kind") in EVENT_KINDS
        kind = fields.choice("kind", EVENT_KINDS)
        off, caps = _scenario(fields, "effect", oil, lowers_only=True)
        what_if_off, what_if_caps = _scenario(fields, "what_if", oil, lowers_only=False)
        if kind_known:  # an unknown kind is one problem, not followed by the rules of a kind it is not
            _check_kind(fields, kind)
        place = fields.text("place")
        if place and place not in network.nodes:
            fields.problem("place", f"{place!r} is not a place of the route registry")
        sources = fields.sources(required=True, what="an event")
        if not (event_id and date and title):
            continue
        changes = kind in CHANGES_NETWORK
        events.append(TimelineEvent(
            event_id, date, title, off if changes else (), caps if changes else (), sources, place, kind=kind,
            duration=fields.text("duration", required=False), note=fields.text("note", required=False),
            stated=fields.text("stated", required=False), what_if_off=what_if_off, what_if_capacities=what_if_caps))
    return tuple(sorted(events, key=lambda e: (e.date, e.id)))


def _check_kind(fields: Fields, kind: str) -> None:
    """What an event of each kind may do: only an outage or a cap changes the network, only a target
    has a what-if. Read from what the event names, well-formed or not (that is noted apart)."""
    effect, what_if = (fields.props.get(name) if isinstance(fields.props.get(name), dict) else {}
                       for name in ("effect", "what_if"))
    switches_off, capped = bool(effect.get("off")), bool(effect.get("cap"))
    if kind not in CHANGES_NETWORK and (switches_off or capped):
        fields.problem("effect", f"a {kind!r} event changes nothing in the network: put a scenario in what_if")
    if kind in CHANGES_NETWORK and not (switches_off or capped):
        fields.problem("effect", f"an {kind!r} event needs what it switched off or capped")
    if kind == "outage" and capped and not switches_off:
        fields.problem("kind", "an event that only caps capacities is a 'cap'")
    if kind in CHANGES_NETWORK and "duration" not in fields.props:
        fields.problem("duration", "say how long it lasted (or that no source says)")
    if (what_if.get("off") or what_if.get("cap")) and kind != "target":
        fields.problem("what_if", "only a target has a what-if")


def _scenario(fields: Fields, name: str, oil: OilNetwork | None,
              lowers_only: bool) -> tuple[tuple[str, ...], tuple[tuple[str, float], ...]]:
    """An event's {off: [switch ids], cap: {edge id: Mt/y}}; `lowers_only`: what happened can only lower
    a capacity (a what-if may raise one)."""
    raw = fields.props.get(name)
    if raw is None:
        return (), ()
    if not isinstance(raw, dict):
        fields.problem(name, "must be an object with off (switch ids) and cap (edge id: Mt/y)")
        return (), ()
    scenario = Fields(fields.log, fields.file, fields.feature, raw, prefix=f"{fields.prefix}{name}.")
    off = tuple(sorted(scenario.text_list("off", required=False)))
    raw_caps = raw.get("cap") or {}
    if not isinstance(raw_caps, dict):
        scenario.problem("cap", "must be an object of edge id: Mt/y")
        raw_caps = {}
    capped = Fields(fields.log, fields.file, fields.feature, raw_caps, prefix=f"{scenario.prefix}cap.")
    caps = tuple(sorted((edge, value) for edge in raw_caps if (value := capped.number(edge, unit="Mt/y")) is not None))
    if oil:
        for switch in off:
            if switch not in oil.switches:
                scenario.problem("off", f"{switch!r} is not a switch of the oil network")
        for edge, value in caps:
            if edge not in oil.edges:
                scenario.problem("cap", f"{edge!r} is not an edge of the oil network")
            elif lowers_only and (capacity := oil.edges[edge].capacity) is not None and value > capacity:
                capped.problem(edge, f"an event can only lower a capacity, and {value:g} is above {capacity:g} Mt/y")
    return off, caps
