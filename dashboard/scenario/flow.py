"""How much oil Kazakhstan can export under a scenario: maximum flow through the export network,
the routes that carry it, the share that crosses Russia, how concentrated it is (Herfindahl-Hirschman
index) and the legs that bind (the minimum cut).

A maximum flow is rarely unique: when the supply, not the network, is what binds, many splits over
the routes move the same total. The one shown is the split that sends the least through Russia
(a minimum-cost flow where only routes crossing Russia cost anything), so the Russian share reads as
"at least this much must cross Russia". Capacities are integers of kilotonnes inside the solver,
which network simplex needs to be exact."""

from __future__ import annotations

from dataclasses import dataclass
import networkx as nx

from dashboard.scenario.network import SOURCE, OilNetwork

SUPER_SOURCE = "__supply__"
SINK = "__markets__"


@dataclass(frozen=True)
class Scenario:
    off: frozenset[str] = frozenset()  # switch ids
    capacities: tuple[tuple[str, float], ...] = ()  # (edge id, Mt/y), for edges the user resized

    def capacity_of(self, edge_id: str, default: float | None) -> float | None:
        return dict(self.capacities).get(edge_id, default)


@dataclass(frozen=True)
class FlowResult:
    total: float  # Mt/y Kazakhstan can export
    supply: float
    by_route: tuple[tuple[str, float], ...]  # exit route id -> Mt/y, largest first
    russia_share: float  # 0..1 of total
    hhi: float  # 0..10000
    bottlenecks: tuple[str, ...]  # edge ids of the minimum cut; () when the supply binds
    edges_off: tuple[str, ...]


def hhi(shares: list[float]) -> float:
    """Herfindahl-Hirschman index of shares that sum to 1: 10,000 for one route, 10,000/n for n equal ones."""
    return round(sum((share * 100) ** 2 for share in shares), 1)


KT = 1000  # kilotonnes per Mt: the solver's integer unit


def build_graph(network: OilNetwork, scenario: Scenario) -> tuple[nx.DiGraph, tuple[str, ...]]:
    off_edges = {edge for switch in scenario.off if switch in network.switches
                 for edge in network.switches[switch].edges}
    graph = nx.DiGraph()
    graph.add_edge(SUPER_SOURCE, SOURCE, capacity=round(network.supply * KT), weight=0, edge_id="")
    for edge in network.edges.values():
        capacity = 0.0 if edge.id in off_edges else scenario.capacity_of(edge.id, edge.capacity)
        attributes = {"edge_id": edge.id, "weight": 1 if edge.route in network.crosses_russia else 0}
        if capacity is not None:  # networkx reads a missing capacity as unbounded
            attributes["capacity"] = round(capacity * KT)
        graph.add_edge(edge.start, edge.end, **attributes)
    for market in network.markets:
        graph.add_edge(market, SINK, edge_id="", weight=0)
    return graph, tuple(sorted(off_edges))


def export_capacity(network: OilNetwork, scenario: Scenario = Scenario()) -> FlowResult:
    graph, off_edges = build_graph(network, scenario)
    flows = nx.max_flow_min_cost(graph, SUPER_SOURCE, SINK)
    total = sum(flows[SUPER_SOURCE].values()) / KT
    by_route: dict[str, float] = {}
    for edge in network.edges.values():
        if edge.end in network.markets:
            carried = flows[edge.start][edge.end] / KT
            if carried > 1e-9:
                by_route[edge.route] = by_route.get(edge.route, 0.0) + carried
    shares = [v / total for v in by_route.values()] if total > 0 else []
    russia = sum(v for route, v in by_route.items() if route in network.crosses_russia)
    bottlenecks: tuple[str, ...] = ()
    if total < network.supply - 1e-9:
        _, (reachable, _) = nx.minimum_cut(graph, SUPER_SOURCE, SINK)
        # The cut's edges that carry oil: a switched-off or unbuilt (zero) edge is not a bottleneck.
        bottlenecks = tuple(sorted(
            data["edge_id"] for u, v, data in graph.edges(data=True)
            if u in reachable and v not in reachable and data.get("edge_id") and data.get("capacity", 0) > 0))
    return FlowResult(
        total=round(total, 3), supply=network.supply,
        by_route=tuple(sorted(((r, round(v, 3)) for r, v in by_route.items()), key=lambda item: -item[1])),
        russia_share=round(russia / total, 4) if total > 0 else 0.0, hhi=hhi(shares), bottlenecks=bottlenecks,
        edges_off=off_edges)


def scenario_for_event(event) -> Scenario:
    """An event's scenario: its switches out and its capacities, the rest as today."""
    return Scenario(off=frozenset(event.off), capacities=event.capacities)


def legs_of(network: OilNetwork, edge_ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(leg for edge_id in edge_ids for leg in network.edges[edge_id].legs))
