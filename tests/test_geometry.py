"""Geometry checks on tiny hand-made shapes, in lon/lat (OGC:CRS84), so each verdict is obvious."""

from types import MappingProxyType

import pytest
from shapely.geometry import box

from dashboard.registry.geometry import (Countries, country_at, land_leg_problems, node_problems,
                                         transit_countries, water_leg_problems)
from dashboard.registry.model import Leg, Network, Node, Route, TransitDifference

WEST = box(0, 0, 10, 10)  # "Westland"
EAST = box(10, 0, 20, 10)  # "Eastland"
PENINSULA = box(30, 4, 34, 6)  # a spit of land in the sea east of both
COUNTRIES = Countries(by_name={"Westland": WEST, "Eastland": EAST, "Spit": PENINSULA},
                      land=WEST.union(EAST).union(PENINSULA), caspian=box(20, 0, 40, 10))


def leg(coords, mode="pipeline", subsea=False, start="a", end="b"):
    return Leg(id="l", start=start, end=end, mode=mode, subsea=subsea, coords=tuple(coords), approximate=False,
               route_ids=("r",))


def node(lon, lat, country, offshore=False):
    return Node(id="n", name="N", kind="port", country=country, lon=lon, lat=lat, confidence="sourced",
                coord_source="test", offshore=offshore)


def test_sea_leg_over_open_water_is_fine():
    assert water_leg_problems(leg([(21, 1), (29, 1)], "sea"), COUNTRIES) == []


def test_sea_leg_across_a_peninsula_is_a_problem():
    (problem,) = water_leg_problems(leg([(25, 5), (38, 5)], "ferry"), COUNTRIES)
    assert "crosses" in problem.message and "land" in problem.message


def test_sea_leg_may_cross_the_coast_at_its_port():
    assert water_leg_problems(leg([(19.9, 5), (25, 5)], "sea"), COUNTRIES) == []


def test_subsea_pipeline_is_checked_as_water():
    assert water_leg_problems(leg([(25, 5), (38, 5)], subsea=True), COUNTRIES)


def test_land_leg_over_land_is_fine():
    assert land_leg_problems(leg([(1, 5), (19, 5)]), COUNTRIES) == []


def test_land_leg_across_the_sea_is_a_problem():
    (problem,) = land_leg_problems(leg([(19, 5), (31, 5)], "rail"), COUNTRIES)
    assert "over water" in problem.message


def test_land_leg_may_cross_a_narrow_strait():
    strait = Countries(by_name={"A": box(0, 0, 10, 10), "B": box(10.05, 0, 20, 10)},
                       land=box(0, 0, 10, 10).union(box(10.05, 0, 20, 10)), caspian=None)
    assert land_leg_problems(leg([(5, 5), (15, 5)]), strait) == []


def test_node_in_its_country_is_fine():
    assert node_problems(node(5, 5, "Westland"), COUNTRIES) == []


def test_node_in_the_wrong_country_is_named():
    (problem,) = node_problems(node(15, 5, "Westland"), COUNTRIES)
    assert "claims Westland but lies in Eastland" in problem.message


def test_coastal_node_just_off_the_simplified_coast_is_fine():
    assert node_problems(node(20.05, 5, "Eastland"), COUNTRIES) == []


def test_node_claiming_an_unknown_country():
    (problem,) = node_problems(node(5, 5, "Atlantis"), COUNTRIES)
    assert "not a country on any layer" in problem.message


def test_offshore_node_must_be_at_sea_off_its_country():
    assert node_problems(node(21, 5, "Eastland", offshore=True), COUNTRIES) == []
    assert node_problems(node(5, 5, "Westland", offshore=True), COUNTRIES)
    assert node_problems(node(21, 5, "Westland", offshore=True), COUNTRIES)


@pytest.mark.parametrize("lon, lat, expected", [(5, 5, "Westland"), (15, 5, "Eastland"), (25, 5, None),
                                                (20.05, 5, "Eastland")])
def test_country_at(lon, lat, expected):
    assert country_at(lon, lat, COUNTRIES) == expected


def _network(legs):
    nodes = {"a": node(2, 5, "Westland"), "b": node(18, 5, "Eastland"), "c": node(25, 5, "Eastland")}
    nodes = {k: Node(**{**v.__dict__, "id": k}) for k, v in nodes.items()}
    route = Route(id="r", name="R", short_name="R", commodity="oil", commodity_detail="", status="operating",
                  status_as_of="2024", status_note="", status_sources=(), operator="", published_transit_countries=(),
                  leg_ids=tuple(l.id for l in legs), length=None, capacity=None, figures=(), events=(), sources=(),
                  transit_differs=TransitDifference())
    return Network(nodes=MappingProxyType(nodes), legs=MappingProxyType({l.id: l for l in legs}),
                   routes=MappingProxyType({"r": route}))


def test_transit_countries_in_order_along_the_route():
    legs = [Leg("l1", "a", "b", "pipeline", False, ((2, 5), (18, 5)), False, ("r",))]
    assert transit_countries(_network(legs), "r", COUNTRIES) == ("Westland", "Eastland")


def test_transit_counts_an_end_point_a_few_km_inside_a_border():
    legs = [Leg("l1", "a", "b", "pipeline", False, ((2, 5), (10.02, 5)), False, ("r",))]
    net = _network(legs)
    net = Network(nodes=MappingProxyType({**net.nodes, "b": Node("b", "B", "port", "Eastland", 10.02, 5, "sourced", "t")}),
                  legs=net.legs, routes=net.routes)
    assert transit_countries(net, "r", COUNTRIES) == ("Westland", "Eastland")


def test_transit_ignores_a_sliver_shorter_than_the_threshold():
    legs = [Leg("l1", "a", "c", "pipeline", False, ((2, 5), (2, 9.99), (10.03, 9.99), (2, 9.98)), False, ("r",))]
    net = _network(legs)
    net = Network(nodes=MappingProxyType({**net.nodes, "c": Node("c", "C", "port", "Westland", 2, 9.98, "sourced", "t")}),
                  legs=net.legs, routes=net.routes)
    assert transit_countries(net, "r", COUNTRIES) == ("Westland",)
