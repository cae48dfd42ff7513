"""Is the geometry believable? Pure checks of legs and nodes against the country and Caspian polygons.

- Sea and ferry legs, and subsea pipelines, run over water: apart from the stretch next to their
  ports (ports are on land), they must not cross land.
- Rail, road and onshore pipeline legs run over land: no stretch over water longer than a strait.
- Every node lies in the country it claims (within the simplification of a coastline), and within 30 km
  of its published position unless it is flagged approximate (positions.py).
- A route's transit countries are computed from its legs, not typed by hand.

Buffers are in degrees on purpose: the tolerances are a few kilometres, where the distortion of
lon/lat degrees at these latitudes (a degree of longitude is 56-93 km) does not change a verdict.
Lengths that are reported are geodesic (WGS 84).
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from pyproj import Geod
from shapely.geometry import LineString, Point, shape

from dashboard.registry.load import Registry
from dashboard.registry.model import Leg, Network, Node
from dashboard.registry.positions import position_problems
from dashboard.registry.problems import Problem

GEOD = Geod(ellps="WGS84")
PORT_CLEARANCE_DEG = 0.3  # a ship's first and last ~25 km may cross the coast its port sits on
WATER_LEG_MAX_LAND_KM = 1.0
LAND_LEG_MAX_WATER_KM = 15.0  # the Dardanelles, river mouths, a simplified coastline
NODE_TOLERANCE_DEG = 0.12  # coastal ports sit on a 2 km-simplified coastline
OFFSHORE_MAX_COAST_DEG = 1.5
MIN_TRANSIT_KM = 10.0  # shorter runs through a country are border slivers of simplified lines
LEGS_FILE = "geodata/routes/legs.geojson"
NODES_FILE = "geodata/routes/nodes.geojson"


@dataclass(frozen=True)
class Countries:
    by_name: dict[str, object]  # country name -> shapely (Multi)Polygon
    land: object
    caspian: object


def countries_from_registry(registry: Registry) -> Countries:
    by_name = {}
    caspian = None
    for layer_id, shapes in registry.areas.items():
        for country in shapes:
            geom = shapely.make_valid(shape(country.geojson["geometry"]))
            if layer_id == "caspian_sea":
                caspian = geom
            else:
                by_name[country.name] = geom
    land = shapely.union_all(list(by_name.values()))
    shapely.prepare(land)
    return Countries(by_name=by_name, land=land, caspian=caspian)


def geodesic_km(geometry) -> float:
    if geometry.is_empty:
        return 0.0
    return GEOD.geometry_length(geometry) / 1000.0


def _pieces(geometry):
    return [g for g in getattr(geometry, "geoms", [geometry]) if not g.is_empty and g.length > 0]


def leg_line(leg: Leg) -> LineString:
    return LineString(leg.coords)


def leg_length_km(leg: Leg) -> float:
    return geodesic_km(leg_line(leg))


def route_length_km(network: Network, route_id: str) -> float:
    return sum(leg_length_km(leg) for leg in network.route_legs(route_id))


def water_leg_problems(leg: Leg, countries: Countries) -> list[Problem]:
    line = leg_line(leg)
    ends = Point(leg.coords[0]).buffer(PORT_CLEARANCE_DEG).union(Point(leg.coords[-1]).buffer(PORT_CLEARANCE_DEG))
    on_land = geodesic_km(line.difference(ends).intersection(countries.land))
    if on_land > WATER_LEG_MAX_LAND_KM:
        return [Problem(LEGS_FILE, leg.id, "geometry",
                        f"{leg.mode} leg crosses {on_land:.0f} km of land away from its ports")]
    return []


def land_leg_problems(leg: Leg, countries: Countries) -> list[Problem]:
    wet = [geodesic_km(p) for p in _pieces(leg_line(leg).difference(countries.land))]
    longest = max(wet, default=0.0)
    if longest > LAND_LEG_MAX_WATER_KM:
        return [Problem(LEGS_FILE, leg.id, "geometry",
                        f"{leg.mode} leg runs {longest:.0f} km over water; only sea, ferry and subsea legs may")]
    return []


def node_problems(node: Node, countries: Countries) -> list[Problem]:
    claimed = countries.by_name.get(node.country)
    if claimed is None:
        return [Problem(NODES_FILE, node.id, "country", f"{node.country!r} is not a country on any layer")]
    point = Point(node.lon, node.lat)
    if node.offshore:
        nearest = min(countries.by_name, key=lambda name: countries.by_name[name].distance(point))
        if countries.land.contains(point) or nearest != node.country:
            return [Problem(NODES_FILE, node.id, "country",
                            f"offshore node should lie at sea off {node.country}, nearest coast is {nearest}")]
        if claimed.distance(point) > OFFSHORE_MAX_COAST_DEG:
            return [Problem(NODES_FILE, node.id, "geometry", "offshore node is too far from its country's coast")]
        return []
    if claimed.distance(point) > NODE_TOLERANCE_DEG:
        inside = [name for name, geom in countries.by_name.items() if geom.contains(point)]
        found = inside[0] if inside else "no country (at sea)"
        return [Problem(NODES_FILE, node.id, "country", f"claims {node.country} but lies in {found}")]
    return []


def country_at(lon: float, lat: float, countries: Countries) -> str | None:
    """The country a point lies in, allowing for a coastline simplified by a couple of km; None at sea."""
    point = Point(lon, lat)
    for name, geom in countries.by_name.items():
        if geom.contains(point):
            return name
    nearest = min(countries.by_name, key=lambda name: countries.by_name[name].distance(point))
    return nearest if countries.by_name[nearest].distance(point) <= NODE_TOLERANCE_DEG else None


def transit_countries(network: Network, route_id: str, countries: Countries) -> tuple[str, ...]:
    """Countries a route passes through, in the order met along its legs: those its lines cross for at
    least MIN_TRANSIT_KM, and those its end points lie in (a terminal a few km inside a border counts)."""
    first_met: dict[str, tuple[int, float]] = {}
    for leg_index, leg in enumerate(network.route_legs(route_id)):
        line = leg_line(leg)
        for name, geom in countries.by_name.items():
            if not line.intersects(geom):
                continue
            inside = line.intersection(geom)
            if geodesic_km(inside) < MIN_TRANSIT_KM:
                continue
            start = min(line.project(Point(p.coords[0])) for p in _pieces(inside))
            first_met.setdefault(name, (leg_index, start))
        for position, node_id in ((0.0, leg.start), (line.length, leg.end)):
            node = network.nodes[node_id]
            name = None if node.offshore else country_at(node.lon, node.lat, countries)
            if name is not None:
                first_met[name] = min(first_met.get(name, (leg_index, position)), (leg_index, position))
    return tuple(sorted(first_met, key=first_met.get))


def main_line_length_km(network: Network, route_id: str) -> float:
    route = network.routes[route_id]
    return sum(leg_length_km(network.legs[leg_id]) for leg_id in (route.main_line or route.leg_ids))


def believability_problems(registry: Registry) -> list[Problem]:
    """Every geometry problem of the registry, as Problems naming the feature."""
    countries = countries_from_registry(registry)
    network = registry.network
    problems: list[Problem] = []
    for leg in network.legs.values():
        check = water_leg_problems if leg.on_water else land_leg_problems
        problems += check(leg, countries)
    for node in network.nodes.values():
        problems += node_problems(node, countries)
    return problems + position_problems(network, registry.published_positions)
