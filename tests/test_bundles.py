"""Lines on a shared way drawn side by side: each line on the ground in its own lane, the lanes a fixed
width apart and on the same side all along a stretch, a route's ends still at its places."""

import math
from types import MappingProxyType

import pytest

from dashboard.figure.bundles import bundled_lines, lane_width, shared_stretches
from dashboard.figure.frame import project
from dashboard.registry.model import Leg, Network, Route, TransitDifference

WAY = ((44.0, 41.0), (46.0, 41.2), (48.0, 40.8), (50.0, 40.4))  # a west-east way through the Caucasus
LANE = 0.01


def _route(route_id, leg_ids, commodity="oil"):
    return Route(id=route_id, name=route_id, short_name=route_id, commodity=commodity, commodity_detail="",
                 status="operating", status_as_of="2024", status_note="", status_sources=(), operator="",
                 published_transit_countries=(), leg_ids=tuple(leg_ids), length=None, capacity=None, figures=(),
                 events=(), sources=(), transit_differs=TransitDifference())


def _network(legs: dict, routes: dict) -> Network:
    legs = {leg_id: Leg(leg_id, start, end, "pipeline", False, tuple(coords), False,
                        tuple(r for r, ids in routes.items() if leg_id in ids))
            for leg_id, (start, end, coords) in legs.items()}
    return Network(nodes=MappingProxyType({}), legs=MappingProxyType(legs),
                   routes=MappingProxyType({r: _route(r, ids) for r, ids in routes.items()}))


def _apart(p, q) -> float:
    (x0, y0), (x1, y1) = project(*p), project(*q)
    return math.hypot(x1 - x0, y1 - y0)


def test_a_leg_alone_on_its_way_is_drawn_where_it_is():
    net = _network({"l1": ("a", "b", WAY)}, {"r1": ["l1"]})
    assert bundled_lines(net, {}, LANE) == {}


def test_two_lines_on_one_way_are_a_lane_apart_and_meet_at_their_ends():
    net = _network({"btc": ("baku", "tbilisi", WAY), "scp": ("baku", "tbilisi", WAY[::-1])},
                   {"BTC": ["btc"], "SCP": ["scp"]})
    lines = bundled_lines(net, {}, LANE)
    assert set(lines) == {"btc", "scp"}
    btc, scp = lines["btc"], lines["scp"][::-1]
    assert _apart(btc[1], scp[1]) == pytest.approx(LANE, rel=0.05)  # a vertex inside the stretch
    assert btc[0] == WAY[0] and btc[-1] == WAY[-1] and scp[0] == WAY[0]  # both routes end at these places


def test_lanes_keep_their_side_all_along_a_stretch_whichever_way_each_line_runs():
    net = _network({"btc": ("baku", "tbilisi", WAY), "scp": ("baku", "tbilisi", WAY[::-1])},
                   {"BTC": ["btc"], "SCP": ["scp"]})
    lines = bundled_lines(net, {"BTC": 0, "SCP": 1}, LANE)
    btc, scp = lines["btc"], lines["scp"][::-1]
    sides = {math.copysign(1, project(*b)[1] - project(*s)[1]) for b, s in zip(btc[1:-1], scp[1:-1])}
    assert len(sides) == 1


def test_the_side_order_decides_which_lane_is_which():
    legs = {"btc": ("baku", "tbilisi", WAY), "scp": ("baku", "tbilisi", WAY)}
    first = bundled_lines(_network(legs, {"BTC": ["btc"], "SCP": ["scp"]}), {"BTC": 0, "SCP": 1}, LANE)
    swapped = bundled_lines(_network(legs, {"BTC": ["btc"], "SCP": ["scp"]}), {"BTC": 1, "SCP": 0}, LANE)
    assert first["btc"][1] == swapped["scp"][1] and first["scp"][1] == swapped["btc"][1]


def test_routes_on_one_leg_share_its_line():
    """Four routes leave Atyrau by the one Atyrau-Samara pipe: drawn as four pipes, the map would lie."""
    net = _network({"atyrau-samara": ("atyrau", "samara", WAY), "samara-north": ("samara", "x", ((50, 40.4), (52, 45)))},
                   {"R1": ["atyrau-samara"], "R2": ["atyrau-samara", "samara-north"]})
    assert bundled_lines(net, {}, LANE) == {}
    assert all(len(legs) == 1 for legs in shared_stretches(net).values())


def test_a_route_passing_through_a_place_keeps_its_lane_there():
    net = _network({"a1": ("a", "m", WAY[:3]), "a2": ("m", "z", WAY[2:]), "b": ("a", "z", WAY)},
                   {"A": ["a1", "a2"], "B": ["b"]})
    lines = bundled_lines(net, {}, LANE)
    assert lines["a1"][-1] != WAY[2] and lines["a1"][-1] == pytest.approx(lines["a2"][0], abs=1e-9)


def test_the_lane_is_a_few_pixels_at_the_default_view():
    from dashboard.figure.bundles import LANE_PX, REFERENCE_MAP_PX
    from dashboard.figure.frame import GEO_FRAME, _landscape_width
    px_per_unit = REFERENCE_MAP_PX * GEO_FRAME["projection"]["scale"] / _landscape_width()
    assert lane_width() * px_per_unit == pytest.approx(LANE_PX)


def test_on_the_real_map_every_line_sharing_a_way_has_a_lane_of_its_own(registry):
    """Between Baku and Tbilisi the oil and gas pipelines and the railway followed one drawn line."""
    network = registry.network
    lines = bundled_lines(network, {}, LANE)
    shared = [legs for legs in shared_stretches(network).values() if len(legs) > 1]
    assert shared and lines
    for legs in shared:
        for leg_id in legs:
            assert leg_id in lines


def test_a_wide_line_takes_a_wide_lane_so_its_neighbours_lie_beside_its_casing():
    """The Middle Corridor is drawn on an 8 px casing: in a lane as narrow as a pipeline's, the tanker
    lines across the Caspian lay under its casing and read as ticks along its edge."""
    legs = {"ferry": ("aktau", "alat", WAY), "tanker": ("aktau", "alat", WAY)}
    routes = {"MC": ["ferry"], "TANKER": ["tanker"]}
    even = bundled_lines(_network(legs, routes), {"MC": 1, "TANKER": 0}, LANE)
    wide = bundled_lines(_network(legs, routes), {"MC": 1, "TANKER": 0}, LANE, widths={"ferry": 9.0})
    assert _apart(even["ferry"][1], even["tanker"][1]) == pytest.approx(LANE, rel=0.05)
    assert _apart(wide["ferry"][1], wide["tanker"][1]) == pytest.approx(LANE * (9.0 / 2.6 + 1) / 2, rel=0.05)


def test_the_map_s_lanes_give_the_middle_corridor_its_casing_s_width(registry):
    from dashboard.figure.bundles import drawn_lanes
    lines = drawn_lanes(registry.network)
    ferry, tanker = registry.network.legs["aktau-alat-ferry"], registry.network.legs["aktau-sangachal-sea"]
    assert ferry.id in lines and tanker.id in lines
    middle = len(ferry.coords) // 2
    apart = min(_apart(lines[ferry.id][middle], point) for point in lines[tanker.id])
    assert apart > 2.2 * lane_width()  # beside the casing, not under it (lanes of one width: 2.0)


def test_legs_drawn_alike_share_a_lane_where_they_share_a_way():
    """The Middle Corridor's ferries from Aktau and from Kuryk, on one sea way to Alat, in lanes side by
    side: their dashes ran out of step, a staircase of blocks on the story's headline crossing."""
    legs = {"aktau": ("aktau", "alat", WAY), "kuryk": ("kuryk", "alat", WAY), "tanker": ("aktau", "baku", WAY)}
    lines = bundled_lines(_network(legs, {"MC": ["aktau", "kuryk"], "TANKER": ["tanker"]}), {"MC": 1, "TANKER": 0},
                          LANE)
    assert _apart(lines["aktau"][1], lines["kuryk"][1]) < 1e-9 * LANE + 1e-12
    assert _apart(lines["aktau"][1], lines["tanker"][1]) == pytest.approx(LANE, rel=0.05)


def test_the_middle_corridors_two_branches_ferries_share_a_lane_on_the_real_map(registry):
    """Aktau's ferry carries both branches, Kuryk's one: drawn alike, one lane where they share the way."""
    from dashboard.figure.bundles import drawn_lanes
    lines, legs = drawn_lanes(registry.network), registry.network.legs
    aktau, kuryk = legs["aktau-alat-ferry"], legs["kuryk-alat-ferry"]
    shared = set(aktau.coords[1:-1]) & set(kuryk.coords[1:-1])
    assert shared
    drawn = {leg_id: dict(zip(legs[leg_id].coords, lines[leg_id])) for leg_id in (aktau.id, kuryk.id)}
    point = sorted(shared)[len(shared) // 2]
    assert _apart(drawn[aktau.id][point], drawn[kuryk.id][point]) < 0.1 * lane_width()
