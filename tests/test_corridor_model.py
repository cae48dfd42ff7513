"""The corridor model held to small networks worked by hand: capacity is the minimum cut and every
element of some minimum cut binds; times add along a branch; each what-if changes only what it names;
nothing depends on the order of the data."""

from __future__ import annotations

import random

import pytest

from dashboard.corridor.model import binding_legs, corridor_result
from dashboard.corridor.network import (Branch, CorridorNetwork, Element, Figure, SetCapacity, Target,
                                        Volume, WhatIfData)
from dashboard.corridor.whatif import CorridorWhatIf, encode, parse
from dashboard.registry.model import Source, frozen_mapping

SOURCE = (Source("a source", "https://example.org"),)
NONE = Figure(note="no source found")


def cap(mt=None, teu=None):
    return {"Mt/y": Figure(value=mt, as_of="2024", basis="figure", sources=SOURCE) if mt is not None else NONE,
            "TEU/y": Figure(value=teu, as_of="2024", basis="figure", sources=SOURCE) if teu is not None else NONE}


def days(low, high):
    return Figure(low=low, high=high, as_of="2024", basis="figure", sources=SOURCE)


def element(id, start, end, mt=None, teu=None, running=NONE, waiting=NONE, enabled_by="", legs=()):
    return Element(id=id, label=id, kind="rail", start=start, end=end, place="x", legs=legs or (f"{id}-leg",),
                   capacity=frozen_mapping(cap(mt, teu)), running=running, waiting=waiting, enabled_by=enabled_by)


def what_if_data(**overrides) -> WhatIfData:
    base = dict(ferries_element="sea", ferries_unit="TEU/y", fleet=4, ferries_suggested=2, ferries_basis="",
                ferries_sources=SOURCE, ports=(SetCapacity("port", "Mt/y", 9.0, SOURCE),), btk_element="btk",
                btk_unit="Mt/y", btk_stated=(SetCapacity("btk", "Mt/y", 17.0, SOURCE),), dwell_elements=("border",),
                dwell_suggested=50, dwell_basis="", anaklia_sources=SOURCE,
                northern_volumes=(Volume("TEU/y", 400.0, 2024, SOURCE, ""),), northern_note="", labels=frozen_mapping({}))
    return WhatIfData(**(base | overrides))


def network(elements, branches=(), volumes=()) -> CorridorNetwork:
    return CorridorNetwork(source="s", sink="t", elements=frozen_mapping({e.id: e for e in elements}),
                           branches=tuple(branches), volumes=tuple(volumes), china_leg=NONE,
                           targets=(Target("x", "Mt/y", 11, 2030, "11 Mt", SOURCE),), what_ifs=what_if_data())


# s -border(5)-> a -port(3)-> b -sea(4, 100 TEU)-> t, and a -btk(2)-> t in parallel:
# the cut {port, btk} = 5 Mt/y equals the cut {border} = 5: both bind; TEU: only the sea has a figure.
DIAMOND = [
    element("border", "s", "a", mt=5, waiting=days(1, 2)),
    element("port", "a", "b", mt=3, running=days(0, 0), waiting=days(2, 4)),
    element("sea", "b", "t", mt=4, teu=100, running=days(1, 2), waiting=days(1, 3)),
    element("btk", "a", "t", mt=2, running=days(3, 5)),
]
BRANCHES = [Branch("sea_branch", "sea", "s to t", ("border", "port", "sea"), "", ()),
            Branch("rail_branch", "rail", "s to t", ("border", "btk"), "", ())]


def test_capacity_is_the_minimum_cut_and_every_cut_binds():
    result = corridor_result(network(DIAMOND, BRANCHES, [Volume("Mt/y", 4.0, 2025, SOURCE, "")]))
    mt = result.cut("Mt/y")
    assert mt.capacity == 5.0
    assert mt.binds == ("border", "btk", "port")  # two minimum cuts, {border} and {port, btk}
    assert mt.utilisation == 0.8
    teu = result.cut("TEU/y")
    assert teu.capacity is None  # the rail branch has no TEU figure: nothing sourced limits it
    assert teu.binds == ()


def test_a_single_limit_binds_alone_and_an_unbounded_element_never_binds():
    chain = [element("a", "s", "m", mt=7), element("b", "m", "n"), element("c", "n", "t", mt=3)]
    result = corridor_result(network(chain))
    assert result.cut("Mt/y").capacity == 3.0 and result.cut("Mt/y").binds == ("c",)


def test_times_add_along_a_branch_running_and_waiting_apart():
    result = corridor_result(network(DIAMOND, BRANCHES))
    sea = result.branch("sea_branch")
    assert sea.running == (1.0, 2.0) and sea.waiting == (4.0, 9.0) and sea.total == (5.0, 11.0)
    rail = result.branch("rail_branch")
    assert rail.total == (4.0, 7.0) and rail.missing == ("border", "btk")  # no running, no waiting given


def test_a_time_no_source_gives_is_named_not_counted():
    chain = [element("a", "s", "t", mt=1, running=days(1, 2))]
    result = corridor_result(network(chain, [Branch("b", "b", "", ("a",), "", ())]))
    assert result.branch("b").total == (1.0, 2.0) and result.branch("b").missing == ("a",)


@pytest.mark.parametrize("what_if, changed", [
    (CorridorWhatIf(ferries=4), {("sea", "TEU/y")}),
    (CorridorWhatIf(ports=True), {("port", "Mt/y")}),
    (CorridorWhatIf(btk=17.0), {("btk", "Mt/y")}),
    (CorridorWhatIf(dwell=50), set()),
])
def test_each_what_if_changes_only_what_it_names(what_if, changed):
    from dashboard.corridor.model import capacities, times
    net = network(DIAMOND, BRANCHES)
    before, after = capacities(net, CorridorWhatIf()), capacities(net, what_if)
    assert {key for key in before if before[key] != after[key]} == changed
    timed_before, timed_after = times(net, CorridorWhatIf()), times(net, what_if)
    moved = {e for e in timed_before if timed_before[e] != timed_after[e]}
    expected = {"sea"} if what_if.ferries else {"border"} if what_if.dwell else set()
    assert moved == expected


def test_more_vessels_scale_the_fleet_and_its_wait():
    net = network(DIAMOND, BRANCHES)
    result = corridor_result(net, CorridorWhatIf(ferries=4))  # fleet 4 -> 8
    assert result.cut("TEU/y").capacity is None  # still unbounded through the rail branch
    from dashboard.corridor.model import capacities, times
    assert capacities(net, CorridorWhatIf(ferries=4))[("sea", "TEU/y")] == 200
    assert times(net, CorridorWhatIf(ferries=4))["sea"][1].high == 1.5


def test_growing_the_binding_element_moves_what_binds():
    chain = [element("port", "s", "m", mt=3), element("btk", "m", "t", mt=5)]
    net = network(chain)
    assert corridor_result(net).cut("Mt/y").binds == ("port",)
    grown = corridor_result(net, CorridorWhatIf(ports=True))  # port to 9
    assert grown.cut("Mt/y").capacity == 5.0 and grown.cut("Mt/y").binds == ("btk",)


def test_a_planned_element_counts_only_when_its_what_if_is_on():
    parts = DIAMOND + [element("anaklia", "a", "t", mt=6, enabled_by="anaklia")]
    net = network(parts, BRANCHES)
    assert corridor_result(net).cut("Mt/y").capacity == 5.0
    assert corridor_result(net, CorridorWhatIf(anaklia=True)).cut("Mt/y").capacity == 5.0  # the border binds
    assert corridor_result(net, CorridorWhatIf(anaklia=True)).cut("Mt/y").binds == ("border",)


def test_the_northern_cargo_fits_into_the_spare_capacity_only():
    chain = [element("sea", "s", "t", mt=3, teu=150)]
    net = network(chain, volumes=[Volume("TEU/y", 100.0, 2025, SOURCE, "")])
    fits = {f.unit: f for f in corridor_result(net, CorridorWhatIf(northern=True)).northern}
    assert fits["TEU/y"].fits == 50.0 and fits["TEU/y"].offered.value == 400
    assert fits["Mt/y"].fits is None  # no Northern tonnage and no corridor tonnage: not said


def test_results_do_not_depend_on_the_order_of_the_data():
    parts = DIAMOND + [element("anaklia", "a", "t", mt=6, enabled_by="anaklia")]
    what_if = CorridorWhatIf(ferries=2, ports=True, anaklia=True, dwell=30)
    expected = corridor_result(network(parts, BRANCHES), what_if)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = parts[:]
        rng.shuffle(shuffled)
        branches = BRANCHES[::-1]
        assert corridor_result(network(shuffled, branches), what_if) == expected


def test_binding_legs_are_the_binding_elements_legs():
    net = network(DIAMOND, BRANCHES)
    assert binding_legs(net, corridor_result(net)) == ("border-leg", "btk-leg", "port-leg")


@pytest.mark.parametrize("text, expected, ignored", [
    ("ferries:+4,btk:17", CorridorWhatIf(ferries=4, btk=17.0), 0),
    ("ferries: 4", CorridorWhatIf(ferries=4), 0),  # a '+' a query decoded as a space
    ("ports:1,anaklia:1,northern:1,dwell:50", CorridorWhatIf(ports=True, anaklia=True, northern=True, dwell=50), 0),
    ("ferries:99", CorridorWhatIf(ferries=12), 1),
    ("bogus:1,ferries:x", CorridorWhatIf(), 2),
    ("", CorridorWhatIf(), 0),
])
def test_the_link_form_reads_back(text, expected, ignored):
    what_if, problems = parse(text)
    assert what_if == expected and len(problems) == ignored
    assert parse(encode(what_if) or "")[0] == what_if
