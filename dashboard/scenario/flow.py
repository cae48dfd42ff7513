"""What a scenario leaves Kazakhstan able to export, as a range the sources can defend.

Today is what the routes carried (the sources' volumes), not a flow the solver picks. A disruption is
read as two flows through the network it leaves:

- the floor: no route carries more than it does today, so the others go on as they are;
- the ceiling: every route may carry up to its capacity, all of it at most the oil there is to move.

Both are maximum flows, and a maximum flow is rarely unique: when the oil can go several ways, the
data do not decide which. So nothing here is apportioned by the solver's tie-breaking. Each route's
carriage is reported as the least and the most it carries over every maximum flow, and so are the
share through Russia and the concentration index (bounds from those ranges); what binds at the ceiling
is every edge that lies in some minimum cut. All of these are properties of the network, the same
whatever the order of its routes and edges. Capacities are integers of kilotonnes inside the solver,
which network simplex needs to be exact."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import networkx as nx

from dashboard.scenario.network import SOURCE, OilNetwork

SUPER_SOURCE = "__supply__"
SINK = "__markets__"
KT = 1000  # kilotonnes per Mt: the solver's integer unit


@dataclass(frozen=True)
class Scenario:
    off: frozenset[str] = frozenset()  # switch ids
    capacities: tuple[tuple[str, float], ...] = ()  # (edge id, Mt/y), for edges the user resized

    def capacity_of(self, edge_id: str, default: float | None) -> float | None:
        return dict(self.capacities).get(edge_id, default)


@dataclass(frozen=True)
class RouteFlow:
    route: str
    low: float  # Mt/y: the least this route carries in any maximum flow
    high: float  # Mt/y: the most

    @property
    def decided(self) -> bool:
        return self.high - self.low < 0.0005


@dataclass(frozen=True)
class Bound:
    """One end of a scenario's range: how much moves, by which routes, and what the data leave open."""

    total: float  # Mt/y; unique
    routes: tuple[RouteFlow, ...]  # routes that can carry oil, most first
    russia: tuple[float, float]  # share of the total crossing Russia, least..most (0..1)
    hhi: tuple[float, float]  # Herfindahl-Hirschman index of routes, bounds (0..10,000)
    binds: tuple[str, ...] = ()  # edges in some minimum cut (the ceiling's bottlenecks)
    supply_binds: bool = False  # the oil there is to move, not the network, limits it

    @property
    def decided(self) -> bool:
        """Whether the data decide the split: every route's carriage is one number."""
        return all(r.decided for r in self.routes)


@dataclass(frozen=True)
class FlowResult:
    supply: float  # Mt/y there is to move (the export total)
    today: float  # Mt/y the routes carried, by the sources' volumes
    floor: Bound
    ceiling: Bound
    changed: bool  # whether the scenario changes the network at all
    edges_off: tuple[str, ...]

    @property
    def total(self) -> float:
        """The ceiling, for callers that quote one number: say it is the ceiling."""
        return self.ceiling.total

    @property
    def bottlenecks(self) -> tuple[str, ...]:
        return self.ceiling.binds


def hhi(shares: list[float]) -> float:
    """Herfindahl-Hirschman index of shares that sum to 1: 10,000 for one route, 10,000/n for n equal ones."""
    return round(sum((share * 100) ** 2 for share in shares), 1)


def hhi_bounds(ranges: list[tuple[float, float]], total: float) -> tuple[float, float]:
    """The least and the most the index can be when each route carries between its low and high and
    all of them carry `total`. Where every range is one number, both are that split's index."""
    if total <= 0 or not ranges:
        return 0.0, 0.0
    lows = [lo for lo, _ in ranges]
    highs = [hi for _, hi in ranges]
    # Least: as even as the ranges allow (every route at one level, clipped to its range).
    level_lo, level_hi = min(lows), max(highs)
    for _ in range(100):
        level = (level_lo + level_hi) / 2
        if sum(min(max(level, lo), hi) for lo, hi in ranges) < total:
            level_lo = level
        else:
            level_hi = level
    least = [min(max(level_hi, lo), hi) for lo, hi in ranges]
    # Most: a convex function peaks at a corner, where every route but one is at an end of its range.
    most = least
    for free in range(len(ranges)):
        others = [i for i in range(len(ranges)) if i != free]
        for ends in product((0, 1), repeat=len(others)):
            split = {i: ranges[i][end] for i, end in zip(others, ends)}
            rest = total - sum(split.values())
            if lows[free] - 1e-6 <= rest <= highs[free] + 1e-6:
                split[free] = rest
                candidate = [split[i] for i in range(len(ranges))]
                if sum(x * x for x in candidate) > sum(x * x for x in most):
                    most = candidate
    return hhi([x / total for x in least]), hhi([x / total for x in most])


def exit_routes(network: OilNetwork) -> tuple[str, ...]:
    """The routes by which oil leaves for a market, in a fixed order (by id)."""
    return tuple(sorted({e.route for e in network.edges.values() if e.end in network.markets}))


def off_edges(network: OilNetwork, scenario: Scenario) -> tuple[str, ...]:
    return tuple(sorted({edge for switch in scenario.off if switch in network.switches
                         for edge in network.switches[switch].edges}))


def build_graph(network: OilNetwork, scenario: Scenario, route_limits: dict[str, float] | None = None) -> nx.DiGraph:
    """The flow graph of a scenario. Every route's oil reaches the markets through its own exit node, so
    that what a route carries is one edge's flow; `route_limits` caps those edges (the floor)."""
    switched_off = set(off_edges(network, scenario))
    graph = nx.DiGraph()
    graph.add_edge(SUPER_SOURCE, SOURCE, capacity=round(network.supply * KT), edge_id="")
    for edge in sorted(network.edges.values(), key=lambda e: e.id):
        capacity = 0.0 if edge.id in switched_off else scenario.capacity_of(edge.id, edge.capacity)
        end = ("exit", edge.route) if edge.end in network.markets else edge.end
        attributes = {"edge_id": edge.id}
        if capacity is not None:  # networkx reads a missing capacity as unbounded
            attributes["capacity"] = round(capacity * KT)
        graph.add_edge(edge.start, end, **attributes)
    for route in exit_routes(network):
        attributes = {"edge_id": "", "route": route}
        if route_limits is not None:
            attributes["capacity"] = round(route_limits.get(route, 0.0) * KT)
        graph.add_edge(("exit", route), SINK, **attributes)
    return graph


def _extreme(graph: nx.DiGraph, routes: set[str], sign: int) -> int:
    """The least (sign 1) or most (sign -1) kilotonnes `routes` carry together over all maximum flows."""
    for u, v, data in graph.edges(data=True):
        data["weight"] = sign if v == SINK and data.get("route") in routes else 0
    flows = nx.max_flow_min_cost(graph, SUPER_SOURCE, SINK)
    return sum(flows[("exit", route)][SINK] for route in routes if ("exit", route) in flows)


def _in_some_minimum_cut(graph: nx.DiGraph, flows: dict) -> tuple[set[str], bool]:
    """The edges that lie in some minimum cut: saturated, and with a side of a cut that holds the supply
    and the edge's tail but neither its head nor the markets (the residual graph says which)."""
    residual = nx.DiGraph()
    for u, v, data in graph.edges(data=True):
        flow = flows[u][v]
        if "capacity" not in data or flow < data["capacity"]:
            residual.add_edge(u, v)
        if flow > 0:
            residual.add_edge(v, u)
    from_supply = nx.descendants(residual, SUPER_SOURCE) | {SUPER_SOURCE} if SUPER_SOURCE in residual else {SUPER_SOURCE}
    binds, supply_binds = set(), False
    for u, v, data in graph.edges(data=True):
        if "capacity" not in data or data["capacity"] == 0 or flows[u][v] < data["capacity"]:
            continue
        side = from_supply | ({u} | nx.descendants(residual, u) if u in residual else {u})
        if v in side or SINK in side:
            continue
        if data.get("edge_id"):
            binds.add(data["edge_id"])
        elif u == SUPER_SOURCE:
            supply_binds = True
    return binds, supply_binds


def solve(network: OilNetwork, graph: nx.DiGraph, with_binds: bool) -> Bound:
    total_kt, flows = nx.maximum_flow(graph, SUPER_SOURCE, SINK)
    routes = []
    for route in exit_routes(network):
        low, high = _extreme(graph, {route}, 1), _extreme(graph, {route}, -1)
        if high > 0:
            routes.append(RouteFlow(route, low / KT, high / KT))
    routes.sort(key=lambda r: (-r.high, -r.low, r.route))
    russian = {r.route for r in routes if r.route in network.crosses_russia}
    total = total_kt / KT
    if total > 0 and russian:
        russia = (_extreme(graph, russian, 1) / total_kt, _extreme(graph, russian, -1) / total_kt)
    else:
        russia = (0.0, 0.0)
    binds, supply_binds = _in_some_minimum_cut(graph, flows) if with_binds else (set(), False)
    return Bound(total=round(total, 3),
                 routes=tuple(RouteFlow(r.route, round(r.low, 3), round(r.high, 3)) for r in routes),
                 russia=(round(russia[0], 4), round(russia[1], 4)),
                 hhi=hhi_bounds([(r.low, r.high) for r in routes], total),
                 binds=tuple(sorted(binds)), supply_binds=supply_binds)


class _Loaded:
    """An oil network as a cache key, by identity: it is loaded once and never changed, and its edges
    and switches are mappings, which have no hash. The key holds the network, so while an entry lives
    no other network can take its id."""

    __slots__ = ("network",)

    def __init__(self, network: OilNetwork):
        self.network = network

    def __hash__(self) -> int:
        return id(self.network)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Loaded) and other.network is self.network


def export_capacity(network: OilNetwork, scenario: Scenario = Scenario()) -> FlowResult:
    """The scenario's floor and ceiling. A pure function of a frozen network and a hashable scenario,
    so each is solved once: a click restyles the map and renders the panels, and both ask for the
    same view's result."""
    return _solved(_Loaded(network), scenario)


# Bounded: a scenario comes from the URL (any switches, any capacities in their ranges), and each
# result is a few hundred bytes.
@lru_cache(maxsize=256)
def _solved(loaded: _Loaded, scenario: Scenario) -> FlowResult:
    network = loaded.network
    volumes = network.volume_of
    floor = solve(network, build_graph(network, scenario, route_limits=dict(volumes)), with_binds=False)
    ceiling = solve(network, build_graph(network, scenario), with_binds=True)
    return FlowResult(supply=network.supply, today=round(sum(volumes.values()), 3), floor=floor, ceiling=ceiling,
                      changed=bool(scenario.off or scenario.capacities), edges_off=off_edges(network, scenario))


def scenario_for_event(event) -> Scenario:
    """What an event did to the network (nothing, for a court order, an agreement or a target)."""
    return Scenario(off=frozenset(event.off), capacities=event.capacities)


def what_if_for_event(event) -> Scenario:
    """A target's scenario, as a user may apply it explicitly."""
    return Scenario(off=frozenset(event.what_if_off), capacities=event.what_if_capacities)


def legs_of(network: OilNetwork, edge_ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(leg for edge_id in edge_ids for leg in network.edges[edge_id].legs))
