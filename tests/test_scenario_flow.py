"""Maximum flow, shares and concentration, first on small networks worked out by hand, then on the
registry's real figures (the numbers the README documents)."""

from types import MappingProxyType

import pytest

from dashboard.registry.model import Source
from dashboard.scenario.flow import Scenario, export_capacity, hhi, scenario_for_event
from dashboard.scenario.network import FlowEdge, OilNetwork, Switch

SRC = (Source("test", "https://example.org"),)


def edge(id, start, end, capacity, route="", expandable_to=None):
    return FlowEdge(id, start, end, capacity, route, (), "figure", id, SRC, expandable_to)


def network(edges, supply=100.0, markets=("m1", "m2"), russia=("r1",), switches=()):
    return OilNetwork(supply=supply, supply_label="", supply_sources=SRC, markets=markets,
                      crosses_russia=frozenset(russia), edges=MappingProxyType({e.id: e for e in edges}),
                      switches=MappingProxyType({s.id: s for s in switches}))


# kz_oil -> hub (unbounded) -> m1 via r1 (60, crosses Russia) and -> m2 via r2 (30, avoids Russia)
TWO_ROUTES = [edge("in", "kz_oil", "hub", None), edge("e1", "hub", "m1", 60, "r1"), edge("e2", "hub", "m2", 30, "r2")]


def test_network_bound_flow_is_the_sum_of_exit_capacities():
    result = export_capacity(network(TWO_ROUTES, supply=100))
    assert result.total == 90 and dict(result.by_route) == {"r1": 60, "r2": 30}
    assert result.russia_share == pytest.approx(60 / 90, abs=1e-4)
    assert result.hhi == pytest.approx((60 / 90 * 100) ** 2 + (30 / 90 * 100) ** 2, abs=0.1)
    assert result.bottlenecks == ("e1", "e2")


def test_supply_bound_flow_sends_the_least_through_russia():
    result = export_capacity(network(TWO_ROUTES, supply=50))
    assert result.total == 50 and dict(result.by_route) == {"r2": 30, "r1": 20}
    assert result.russia_share == pytest.approx(0.4) and result.bottlenecks == ()


def test_switching_a_route_off():
    switches = (Switch("s1", "r1 out", ("e1",)),)
    result = export_capacity(network(TWO_ROUTES, switches=switches), Scenario(off=frozenset({"s1"})))
    assert result.total == 30 and result.russia_share == 0 and result.hhi == 10_000
    assert result.edges_off == ("e1",) and result.bottlenecks == ("e2",)


def test_series_legs_bind_at_the_narrowest():
    edges = [edge("in", "kz_oil", "a", None), edge("a_b", "a", "b", 6, "r2"), edge("b_c", "b", "c", 10, "r2"),
             edge("c_m", "c", "m2", 10, "r2")]
    result = export_capacity(network(edges, markets=("m2",)))
    assert result.total == 6 and result.bottlenecks == ("a_b",)


def test_growing_a_leg():
    edges = [edge("in", "kz_oil", "hub", None), edge("sea", "hub", "m2", 1.5, "r2", expandable_to=20)]
    net = network(edges, markets=("m2",))
    assert export_capacity(net).total == 1.5
    assert export_capacity(net, Scenario(capacities=(("sea", 12.0),))).total == 12


def test_nothing_open_exports_nothing():
    switches = (Switch("all", "all out", ("e1", "e2")),)
    result = export_capacity(network(TWO_ROUTES, switches=switches), Scenario(off=frozenset({"all"})))
    assert result.total == 0 and result.by_route == () and result.russia_share == 0 and result.hhi == 0


@pytest.mark.parametrize("shares, expected", [([1.0], 10_000), ([0.5, 0.5], 5_000), ([0.25] * 4, 2_500), ([], 0)])
def test_hhi(shares, expected):
    assert hhi(shares) == expected


# The real network: the figures the README quotes.
def test_today_the_2025_exports_fit_and_most_must_cross_russia(app_data):
    result = export_capacity(app_data.oil)
    assert result.total == pytest.approx(78.7) and result.bottlenecks == ()
    assert result.russia_share == pytest.approx(0.905, abs=0.001)


def test_cpc_terminal_out_leaves_about_a_third(app_data):
    result = export_capacity(app_data.oil, Scenario(off=frozenset({"cpc_terminal"})))
    assert result.total == pytest.approx(27.2)
    assert set(result.bottlenecks) == {"aktau_baku", "aktau_makhachkala", "atyrau_samara", "kenkiyak_atyrau"}
    assert result.russia_share == pytest.approx(0.724, abs=0.001)


def test_cpc_out_with_the_20_mt_caspian_target(app_data):
    result = export_capacity(app_data.oil, Scenario(off=frozenset({"cpc_terminal"}),
                                                    capacities=(("aktau_baku", 20.0),)))
    assert result.total == pytest.approx(37.7) and {"btc", "baku_supsa"} <= set(result.bottlenecks)


def test_kropotkinskaya_event_cuts_cpc_by_thirty_percent(app_data):
    event = app_data.event("2025-02-kropotkinskaya")
    result = export_capacity(app_data.oil, scenario_for_event(event))
    assert result.total == pytest.approx(77.95) and "cpc" in result.bottlenecks


def test_every_event_names_known_switches_and_legs(app_data):
    for event in app_data.timeline:
        assert set(event.off) <= set(app_data.oil.switches)
        assert {e for e, _ in event.capacities} <= set(app_data.oil.edges)
        assert event.sources
