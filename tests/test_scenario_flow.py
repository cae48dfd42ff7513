"""Today, the floor and the ceiling: first on small networks worked out by hand, then on the
registry's real figures (the numbers the README documents)."""

import random
from dataclasses import replace
from types import MappingProxyType

import pytest

from dashboard.registry.model import Source
from dashboard.scenario.flow import (Scenario, export_capacity, hhi, hhi_bounds, scenario_for_event, solve,
                                     what_if_for_event)
from dashboard.scenario.network import FlowEdge, OilNetwork, RouteVolume, Switch

SRC = (Source("test", "https://example.org"),)


def edge(id, start, end, capacity, route="", expandable_to=None):
    return FlowEdge(id, start, end, capacity, route, (), "figure", id, SRC, expandable_to)


def network(edges, supply=100.0, markets=("m1", "m2"), russia=("r1",), switches=(), volumes=None):
    routes = sorted({e.route for e in edges if e.end in markets})
    volumes = volumes if volumes is not None else {route: 0.0 for route in routes}
    return OilNetwork(supply=supply, supply_label="", supply_sources=SRC, markets=markets,
                      crosses_russia=frozenset(russia), edges=MappingProxyType({e.id: e for e in edges}),
                      switches=MappingProxyType({s.id: s for s in switches}),
                      volumes=tuple(RouteVolume(r, v, 2025, r, SRC) for r, v in volumes.items()))


def routes_of(bound):
    return {r.route: (r.low, r.high) for r in bound.routes}


# kz_oil -> hub (unbounded) -> m1 via r1 (60, crosses Russia) and -> m2 via r2 (30, avoids Russia);
# today r1 carries 50 and r2 10.
TWO_ROUTES = [edge("in", "kz_oil", "hub", None), edge("e1", "hub", "m1", 60, "r1"), edge("e2", "hub", "m2", 30, "r2")]
TODAY = {"r1": 50.0, "r2": 10.0}
CUT_R1 = (Switch("s1", "r1 out", ("e1",)),)
_SOLVE = solve  # the solver itself, for the tests that count its calls


def test_today_is_the_volumes_not_a_flow_the_solver_picks():
    result = export_capacity(network(TWO_ROUTES, supply=60, volumes=TODAY))
    assert result.today == 60 and not result.changed
    assert routes_of(result.floor) == {"r1": (50, 50), "r2": (10, 10)} and result.floor.decided
    assert result.floor.russia == (pytest.approx(50 / 60, abs=1e-4),) * 2
    assert result.floor.hhi == (hhi([50 / 60, 10 / 60]),) * 2


def test_when_the_supply_binds_the_ceiling_says_the_split_is_open():
    result = export_capacity(network(TWO_ROUTES, supply=60, volumes=TODAY))
    ceiling = result.ceiling
    assert ceiling.total == 60 and ceiling.supply_binds and ceiling.binds == ()
    assert routes_of(ceiling) == {"r1": (30, 60), "r2": (0, 30)} and not ceiling.decided
    assert ceiling.russia == (0.5, 1.0)


def test_a_route_cut_gives_the_floor_and_the_ceiling():
    result = export_capacity(network(TWO_ROUTES, supply=60, volumes=TODAY, switches=CUT_R1), Scenario(off=frozenset({"s1"})))
    assert result.floor.total == 10 and result.ceiling.total == 30  # r2 as today; r2 at its capacity
    assert result.ceiling.binds == ("e2",) and not result.ceiling.supply_binds
    assert result.floor.russia == result.ceiling.russia == (0, 0) and result.ceiling.hhi == (10_000, 10_000)
    assert result.edges_off == ("e1",)


def test_series_legs_bind_at_the_narrowest():
    edges = [edge("in", "kz_oil", "a", None), edge("a_b", "a", "b", 6, "r2"), edge("b_c", "b", "c", 10, "r2"),
             edge("c_m", "c", "m2", 10, "r2")]
    result = export_capacity(network(edges, markets=("m2",)))
    assert result.ceiling.total == 6 and result.ceiling.binds == ("a_b",)


def test_every_edge_of_some_minimum_cut_binds():
    """Two legs in series of the same size: either could be the cut; both are said to bind."""
    edges = [edge("in", "kz_oil", "a", None), edge("a_b", "a", "b", 10, "r2"), edge("b_m", "b", "m2", 10, "r2")]
    assert export_capacity(network(edges, markets=("m2",))).ceiling.binds == ("a_b", "b_m")


def test_a_shared_leg_leaves_the_split_to_the_data():
    """A port of 5 feeds two routes of 4 each: the ceiling is 5, but who carries it is not decided."""
    edges = [edge("port", "kz_oil", "port", 5), edge("e1", "port", "m1", 4, "r1"), edge("e2", "port", "m2", 4, "r2")]
    result = export_capacity(network(edges, volumes={"r1": 2.0, "r2": 1.0}))
    assert result.ceiling.total == 5 and routes_of(result.ceiling) == {"r1": (1, 4), "r2": (1, 4)}
    assert result.ceiling.russia == (0.2, 0.8) and result.ceiling.binds == ("port",)
    low, high = result.ceiling.hhi
    assert low == hhi([0.5, 0.5]) and high == hhi([0.8, 0.2])


def test_growing_a_leg():
    edges = [edge("in", "kz_oil", "hub", None), edge("sea", "hub", "m2", 1.5, "r2", expandable_to=20)]
    net = network(edges, markets=("m2",), volumes={"r2": 1.5})
    assert export_capacity(net).ceiling.total == 1.5
    grown = export_capacity(net, Scenario(capacities=(("sea", 12.0),)))
    assert grown.ceiling.total == 12 and grown.floor.total == 1.5  # growing adds room, not today's oil


def test_nothing_open_exports_nothing():
    switches = (Switch("all", "all out", ("e1", "e2")),)
    result = export_capacity(network(TWO_ROUTES, switches=switches, volumes=TODAY), Scenario(off=frozenset({"all"})))
    for bound in (result.floor, result.ceiling):
        assert bound.total == 0 and bound.routes == () and bound.russia == (0, 0) and bound.hhi == (0, 0)


@pytest.mark.parametrize("shares, expected", [([1.0], 10_000), ([0.5, 0.5], 5_000), ([0.25] * 4, 2_500), ([], 0)])
def test_hhi(shares, expected):
    assert hhi(shares) == expected


@pytest.mark.parametrize("ranges, total, expected", [
    ([(5, 5), (5, 5)], 10, (5_000, 5_000)),  # decided
    ([(0, 10), (0, 10)], 10, (5_000, 10_000)),  # anything from even to all on one
    ([(6, 10), (0, 10)], 10, (hhi([0.6, 0.4]), 10_000)),  # the even split is out of reach
    ([], 0, (0, 0)),
])
def test_hhi_bounds(ranges, total, expected):
    assert hhi_bounds(ranges, total) == pytest.approx(expected, abs=0.1)


# The real network: the figures the README quotes.
def test_today_equals_the_sourced_volumes(app_data):
    oil = app_data.oil
    result = export_capacity(oil)
    sourced = {v.route: v.value for v in oil.volumes if v.value}
    assert {r.route: r.low for r in result.floor.routes} == sourced
    assert {r.route: r.high for r in result.floor.routes} == sourced
    assert sourced == {"cpc": 64.8, "uzen_atyrau_samara": 8.8, "kazakhstan_china_oil": 1.0,
                       "aktau_makhachkala": 2.2, "trans_caspian_oil_btc": 1.5}
    assert 0 <= oil.supply - result.today <= oil.supply_tolerance and oil.tolerance_reason
    assert result.floor.russia[0] == pytest.approx(0.968, abs=0.001)
    assert result.floor.hhi[0] == pytest.approx(6_988.5, abs=1)
    assert result.ceiling.total == pytest.approx(78.7) and result.ceiling.supply_binds


def test_cpc_terminal_out_floor_and_ceiling(app_data):
    result = export_capacity(app_data.oil, Scenario(off=frozenset({"cpc_terminal"})))
    assert result.floor.total == pytest.approx(13.5) and result.ceiling.total == pytest.approx(28.7)
    assert set(result.ceiling.binds) == {"aktau_port", "atyrau_samara", "kenkiyak_atyrau"}
    assert not result.ceiling.decided  # Aktau's 5.2 Mt/y may go to Baku or to Makhachkala
    assert result.ceiling.russia == (pytest.approx(0.610, abs=0.001), pytest.approx(0.686, abs=0.001))


def test_cpc_out_with_the_20_mt_target_as_a_what_if(app_data):
    target = app_data.event("2022-11-20mt-target")
    what_if = what_if_for_event(target)
    result = export_capacity(app_data.oil, replace(what_if, off=frozenset({"cpc_terminal"})))
    assert result.ceiling.total == pytest.approx(37.7) and {"btc", "baku_supsa"} <= set(result.ceiling.binds)


def test_every_scenario_reports_floor_below_ceiling_with_both_explained(app_data):
    oil = app_data.oil
    scenarios = [scenario_for_event(e) for e in app_data.timeline]
    scenarios += [Scenario(off=frozenset({s})) for s in oil.switches]
    for scenario in scenarios:
        result = export_capacity(oil, scenario)
        assert result.floor.total <= result.ceiling.total + 1e-9
        assert result.ceiling.supply_binds or result.ceiling.binds  # what binds at the ceiling is said
        for route in result.floor.routes:  # no route carries more than today at the floor
            assert route.high <= oil.volume_of[route.route] + 1e-9


def test_events_are_modelled_as_they_happened(app_data):
    court = app_data.event("2022-07-cpc-court")
    assert court.kind == "none" and not court.changes_network
    assert export_capacity(app_data.oil, scenario_for_event(court)) == export_capacity(app_data.oil)
    march, august = app_data.event("2022-03-cpc-storm"), app_data.event("2022-08-cpc-spm-cracks")
    assert march.kind == august.kind == "cap" and march.capacities == august.capacities  # one mooring left, both times
    assert march.duration and august.duration


def test_targets_and_agreements_change_no_capacity(app_data):
    marks = [e for e in app_data.timeline if e.kind in ("target", "agreement", "none")]
    assert {e.kind for e in marks} == {"target", "agreement", "none"}
    for event in marks:
        assert event.off == () and event.capacities == ()
        assert scenario_for_event(event) == Scenario()
    target = app_data.event("2022-11-20mt-target")
    assert target.stated and target.what_if_capacities == (("aktau_port", 20.0),)


def test_every_event_names_known_switches_and_legs(app_data):
    for event in app_data.timeline:
        assert set(event.off) | set(event.what_if_off) <= set(app_data.oil.switches)
        assert {e for e, _ in event.capacities + event.what_if_capacities} <= set(app_data.oil.edges)
        assert event.sources


def shuffled(oil: OilNetwork, seed: int) -> OilNetwork:
    rng = random.Random(seed)
    edges, switches, volumes = list(oil.edges.values()), list(oil.switches.values()), list(oil.volumes)
    for items in (edges, switches, volumes):
        rng.shuffle(items)
    return replace(oil, edges=MappingProxyType({e.id: e for e in edges}),
                   switches=MappingProxyType({s.id: s for s in switches}), volumes=tuple(volumes),
                   markets=tuple(rng.sample(oil.markets, len(oil.markets))))


@pytest.mark.parametrize("seed", range(4))
def test_results_do_not_depend_on_the_order_of_the_data(app_data, seed):
    oil = app_data.oil
    scenarios = [Scenario(), Scenario(off=frozenset({"cpc_terminal"})),
                 Scenario(off=frozenset({"cpc_terminal"}), capacities=(("aktau_port", 20.0),))]
    scenarios += [scenario_for_event(e) for e in app_data.timeline]
    for scenario in scenarios:
        assert export_capacity(shuffled(oil, seed), scenario) == export_capacity(oil, scenario)


def test_a_scenario_is_solved_once_whoever_asks(monkeypatch):
    """A click restyles the map and renders the panels, each asking for the view's result: the second
    ask, with an equal scenario (a new View decoded from the same URL gives a new, equal one), is
    answered without solving."""
    from dashboard.scenario import flow

    solved = []
    monkeypatch.setattr(flow, "solve", lambda *args, **kwargs: solved.append(args) or _SOLVE(*args, **kwargs))
    net = network(TWO_ROUTES, supply=60, volumes=TODAY, switches=CUT_R1)
    first = export_capacity(net, Scenario(off=frozenset({"s1"})))
    assert len(solved) == 2  # the floor and the ceiling
    assert export_capacity(net, Scenario(off=frozenset({"s1"}))) is first
    assert len(solved) == 2
    export_capacity(net, Scenario())
    assert len(solved) == 4, "another scenario is solved"
    export_capacity(replace(net), Scenario(off=frozenset({"s1"})))
    assert len(solved) == 6, "another network, equal or not, is solved"


def test_the_map_and_the_panels_share_one_solve(app_data, monkeypatch):
    from dashboard.figure.map_figure import restyle_for_view, scenario_result
    from dashboard.scenario import flow
    from dashboard.view import View

    solved = []
    monkeypatch.setattr(flow, "solve", lambda *args, **kwargs: solved.append(args) or _SOLVE(*args, **kwargs))
    oil = replace(app_data.oil)  # a network of its own, so no earlier test has solved it
    view = View(off=frozenset({"cpc_terminal"}))
    restyled = restyle_for_view(app_data.registry, app_data.corpus, view, oil, app_data.corridor)
    assert len(solved) == 2
    assert scenario_result(View(off=frozenset({"cpc_terminal"})), oil) is scenario_result(view, oil)
    assert restyle_for_view(app_data.registry, app_data.corpus, view, oil, app_data.corridor) == restyled
    assert len(solved) == 2
