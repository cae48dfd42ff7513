"""Routes that share a way, drawn side by side.

Between Baku and Tbilisi the BTC oil pipeline, the South Caucasus gas pipeline, the Baku–Supsa line and
two rail routes follow the same drawn line; drawn on it, the top one hid the rest, and a reader could not
tell which routes cross the Caucasus (the map's "knot"). As on a metro map, each route on a shared stretch
gets its own lane: offset sideways from the shared line by a fixed width, in the order of ROUTE_RANK on
every stretch, so lanes keep their side along a bundle. A route's lanes meet its own ends (its first and
last place), so a line still starts and ends at its place.

Offsets are made in the map's projection (frame.project: a sideways offset is sideways as drawn) and are
a fixed distance on the map, so they grow with zoom: about LANE_PX apart at the default view, wider when
zoomed in on the Caucasus, where a reader looks to tell the routes apart.
"""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import Mapping

from dashboard.figure.frame import GEO_FRAME, _landscape_width, project, unproject
from dashboard.figure.styles import ROUTE_ROLES, route_width
from dashboard.registry.model import Network

LANE_PX = 2.6  # lanes apart at the default view: a context line's width and a hair of gap
LANE_GAP_PX = 1.0  # between a line and the next lane, at the default view
REFERENCE_MAP_PX = 1230  # a laptop's map panel (1920 x 1080 page), on which LANE_PX is measured
SAME_POINT = 4  # decimals of a degree (about 10 m): vertices this close are one


Point = tuple[float, float]


def lane_width() -> float:
    """LANE_PX as a distance in the projection's units: Plotly fits the extent's width to the panel
    at scale 1, so at the default scale one unit is REFERENCE_MAP_PX * scale / width px."""
    return LANE_PX * _landscape_width() / (REFERENCE_MAP_PX * GEO_FRAME["projection"]["scale"])


def _key(a: Point, b: Point) -> frozenset:
    return frozenset({(round(a[0], SAME_POINT), round(a[1], SAME_POINT)),
                      (round(b[0], SAME_POINT), round(b[1], SAME_POINT))})


def shared_stretches(network: Network) -> dict[frozenset, tuple[str, ...]]:
    """Each drawn segment and the legs (lines on the ground) that run along it, in either direction."""
    members: dict[frozenset, dict[str, None]] = {}
    for leg in network.legs.values():
        for a, b in zip(leg.coords, leg.coords[1:]):
            members.setdefault(_key(a, b), {})[leg.id] = None
    return {key: tuple(legs) for key, legs in members.items()}


def _ends(network: Network, route_id: str) -> set[str]:
    """The route's own ends: places only one of its legs reaches."""
    count: dict[str, int] = {}
    for leg in network.route_legs(route_id):
        for node in (leg.start, leg.end):
            count[node] = count.get(node, 0) + 1
    return {node for node, n in count.items() if n == 1}


def _segment_offset(a: Point, b: Point, lane: float) -> Point:
    """The sideways shift of a segment's lane, to the left of the segment as drawn west to east (so
    every route on a stretch agrees which side is which, whichever way it runs)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx < 0 or (dx == 0 and dy < 0):
        dx, dy = -dx, -dy
    length = math.hypot(dx, dy)
    if length == 0:
        return 0.0, 0.0
    return -dy / length * lane, dx / length * lane


def bundled_lines(network: Network, side: Mapping[str, int], lane: float | None = None,
                  widths: Mapping[str, float] = MappingProxyType({})) -> dict[str, tuple[Point, ...]]:
    """Per leg on a stretch it shares with another leg, its line in its own lane. A lane is a leg's:
    routes that use one leg (the Atyrau–Samara pipe on its way to Novorossiysk, Ust-Luga and Schwedt;
    the Middle Corridor's two branches on one railway) are one line on the ground and stay one line,
    and legs drawn alike (the same mode, the same routes or roles: _drawn_as) share a lane where
    they share a way.
    `side` orders lanes across a stretch by their routes (lowest first); then by leg id. A lane is
    `lane` wide (projection units; LANE_PX at the default view), or `widths[leg]` times LANE_PX's
    share of it: a line drawn wide (the Middle Corridor on its casing) takes a wide lane, so the lines
    beside it lie beside its casing, not under it."""
    lane = lane_width() if lane is None else lane
    per_px = lane / LANE_PX
    stretches = shared_stretches(network)
    rank = {leg_id: min((side.get(r, 0) for r in leg.route_ids), default=0) for leg_id, leg in network.legs.items()}
    drawn_as = {leg_id: _drawn_as(leg) for leg_id, leg in network.legs.items()}
    xy = {leg_id: [project(lon, lat) for lon, lat in leg.coords] for leg_id, leg in network.legs.items()}
    shifts: dict[str, list[Point]] = {}
    for leg in network.legs.values():
        points = xy[leg.id]
        shifts[leg.id] = []
        for (a, b), (pa, pb) in zip(zip(leg.coords, leg.coords[1:]), zip(points, points[1:])):
            here = sorted(stretches[_key(a, b)], key=lambda leg_id: (rank[leg_id], leg_id))
            lanes = list(dict.fromkeys(drawn_as[leg_id] for leg_id in here))
            sizes = [max(widths.get(leg_id, LANE_PX) for leg_id in here if drawn_as[leg_id] == kind) * per_px
                     for kind in lanes]
            mine = lanes.index(drawn_as[leg.id])
            offset = sum(sizes[:mine]) + sizes[mine] / 2 - sum(sizes) / 2  # the lane's middle, from the bundle's
            shifts[leg.id].append(_segment_offset(pa, pb, offset if len(lanes) > 1 else 0.0))
    at_node = _node_shifts(network, shifts)
    out: dict[str, tuple[Point, ...]] = {}
    for leg in network.legs.values():
        if not any(dx or dy for dx, dy in shifts[leg.id]) and not any(
                at_node[(leg.id, node)] != (0.0, 0.0) for node in (leg.start, leg.end)):
            continue
        last = len(xy[leg.id]) - 1
        line = []
        for i, (x, y) in enumerate(xy[leg.id]):
            if i in (0, last):
                dx, dy = at_node[(leg.id, leg.start if i == 0 else leg.end)]
            else:
                dx, dy = _mean(shifts[leg.id][i - 1:i + 1])
            line.append(unproject(x + dx, y + dy) if (dx or dy) else leg.coords[i])
        out[leg.id] = tuple(line)
    return out


def _drawn_as(leg) -> tuple:
    """What a leg looks like on the map: its mode and its routes, a route with a role in the story by
    its role (the Middle Corridor's two branches are drawn alike). Two legs drawn alike on one way (the
    corridor's ferries from Aktau and from Kuryk on their way to Alat) are one line to a reader: in
    lanes side by side their dashes ran out of step and the crossing read as a staircase of blocks."""
    return leg.mode, tuple(sorted({ROUTE_ROLES[r].label if r in ROUTE_ROLES else r for r in leg.route_ids}))


def _mean(points: list[Point]) -> Point:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _node_shifts(network: Network, shifts: Mapping[str, list[Point]]) -> dict[tuple[str, str], Point]:
    """Where a leg meets a place: at a route's own end, the place itself (its lane comes back to it);
    where a route goes on by another leg, the mean of the two legs' lanes there, which both legs end
    at, so the route's line does not jog at the place."""
    def end_shift(leg_id: str, node: str) -> Point:
        leg = network.legs[leg_id]
        return shifts[leg_id][0] if node == leg.start else shifts[leg_id][-1]

    route_ends = {route_id: _ends(network, route_id) for route_id in network.routes}
    out: dict[tuple[str, str], Point] = {}
    for leg in network.legs.values():
        for node in (leg.start, leg.end):
            going_on = {other for route_id in leg.route_ids for other in network.routes[route_id].leg_ids
                        if other != leg.id and node in (network.legs[other].start, network.legs[other].end)}
            ends_here = any(node in route_ends[route_id] for route_id in leg.route_ids)
            out[(leg.id, node)] = (0.0, 0.0) if ends_here or not going_on else _mean(
                [end_shift(leg.id, node)] + [end_shift(other, node) for other in sorted(going_on)])
    return out


def drawn_lanes(network: Network) -> dict[str, tuple[Point, ...]]:
    """The map's lanes: across a shared way, the oil lines on one side of the corridors' (the Middle
    Corridor and its alternative), the gas lines on the other."""
    side = {route.id: 1 if route.id in ROUTE_ROLES else COMMODITY_SIDE.get(route.commodity, 1)
            for route in network.routes.values()}
    widths = {leg.id: max(LANE_PX, max(_drawn_width(network.routes[r], leg.mode) for r in leg.route_ids) + LANE_GAP_PX)
              for leg in network.legs.values() if leg.route_ids}
    return bundled_lines(network, side, widths=widths)


def _drawn_width(route, mode: str) -> float:
    role = ROUTE_ROLES.get(route.id)
    return max(role.casing, route_width(route.id, route.status, mode)) if role else route_width(route.id, route.status, mode)


COMMODITY_SIDE = {"oil": 0, "gas": 2}
