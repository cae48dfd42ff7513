"""Read and validate the shipped geodata into frozen records.

Every problem is collected (file, feature, field) before anything is raised, so `python -m dashboard
check` and a failed server start list them all in one message and nothing half-loads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from dashboard.paths import DataPaths
from dashboard.registry.layers import AREA_LAYERS
from dashboard.registry.model import (
    COMMODITIES, CONFIDENCES, FIGURE_KINDS, MODES, NODE_KINDS, STATUSES, CountryShape, Event, Figure, Leg, Network,
    Node, Route, Source, TransitDifference, frozen_mapping, read_sources,
)
from dashboard.registry.positions import PublishedPosition, load_published_positions
from dashboard.registry.problems import ProblemLog
from dashboard.validation import Fields, feature_ids, read_feature_collection, record_name

ENDPOINT_TOLERANCE_DEG = 1e-3


@dataclass(frozen=True)
class Registry:
    network: Network
    areas: Mapping[str, tuple[CountryShape, ...]]  # layer id -> its shapes
    # node id -> where its sources put it (None: unpublished), to check the drawn places against
    published_positions: Mapping[str, PublishedPosition | None] = field(default_factory=lambda: MappingProxyType({}))
    # the routes whose drawn line crosses or ends in Russia, computed from the geometry at start-up
    # (appdata.py): the map's and Compare's "through Russia" / "avoiding Russia" filter
    russia_routes: frozenset[str] = frozenset()
    # leg id -> its line as drawn, in a lane of its own where it shares a way with other legs (the
    # Baku-Tbilisi pipelines and railway): dashboard/figure/bundles.py, at start-up (appdata.py)
    lanes: Mapping[str, tuple[tuple[float, float], ...]] = field(default_factory=lambda: MappingProxyType({}))

    def drawn_coords(self, leg: Leg) -> tuple[tuple[float, float], ...]:
        """The leg's line on the map: in its lane, or where it runs if it shares its way with none."""
        return self.lanes.get(leg.id, leg.coords)


class _RouteFields(Fields):
    """The registry's own field types, over the common reads."""

    def transit_difference(self, name: str) -> TransitDifference:
        raw = self.props.get(name)
        if not isinstance(raw, dict):
            self.problem(name, "must be an object with extra, missing and why")
            return TransitDifference()
        lists = {}
        for key in ("extra", "missing"):
            value = raw.get(key, [])
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                self.problem(f"{name}.{key}", "must be a list of country names")
                value = []
            lists[key] = tuple(value)
        why = raw.get("why", "")
        if (lists["extra"] or lists["missing"]) and not (isinstance(why, str) and why.strip()):
            self.problem(f"{name}.why", "a difference from the published countries needs its reason")
        return TransitDifference(lists["extra"], lists["missing"], why if isinstance(why, str) else "")

    def cited(self, value: Any, name: str) -> tuple[Source, ...]:
        """A list of {title, url} that must be there (the fact sheet left a few addresses blank)."""
        if value is None:
            self.problem(name, "is missing: a list of {title, url}")
            return ()
        return read_sources(value, name, self.problem, blank_url_allowed=True)

    def figure(self, value: Any, name: str, required: bool = False, kind: str = "") -> Figure | None:
        """A figure of the route; `kind`: the one kind the field holds (a route's capacity is a capacity)."""
        if value is None:
            if required:
                self.problem(name, "is missing")
            return None
        if not isinstance(value, dict):
            self.problem(name, "must be an object")
            return None
        number = value.get("value")
        if number is not None and (not isinstance(number, (int, float)) or isinstance(number, bool)
                                   or not math.isfinite(number)):
            self.problem(name, f"value {number!r} must be a finite number or null")
            number = None
        for key in ("metric", "value_text", "as_of"):
            if not isinstance(value.get(key), str) or not value[key].strip():
                self.problem(f"{name}.{key}", "is missing")
        figure_kind = Fields(self.log, self.file, self.feature, value, prefix=f"{name}.").choice("kind", FIGURE_KINDS)
        if kind and value.get("kind") in FIGURE_KINDS and value["kind"] != kind:
            self.problem(f"{name}.kind", f"the route's {name} is a {kind}, not a {value['kind']}")
        sources = self.cited(value.get("sources"), f"{name}.sources")
        if not sources:
            self.problem(f"{name}.sources", f"figure {value.get('metric')!r} has no source")
        return Figure(metric=str(value.get("metric", "")), value=number, value_text=str(value.get("value_text", "")),
                      unit=str(value.get("unit") or ""), as_of=str(value.get("as_of", "")), sources=sources,
                      kind=figure_kind,
                      confidence=str(value.get("confidence") or ""), note=str(value.get("note") or ""))


def _lonlat(coord: Any) -> tuple[float, float] | None:
    if (isinstance(coord, list) and len(coord) >= 2 and all(isinstance(c, (int, float)) for c in coord[:2])
            and -180 <= coord[0] <= 180 and -90 <= coord[1] <= 90):
        return float(coord[0]), float(coord[1])
    return None


def _identified_features(features: list[dict], label: str, log: ProblemLog):
    """(feature, its property reader, its id) for each feature of a file whose ids must be unique."""
    seen: set[str] = set()
    for index, feat in enumerate(features):
        fields = _RouteFields(log, label, record_name(feat, index), feat["properties"])
        yield feat, fields, fields.identifier(seen)


def load_nodes(features: list[dict], label: str, log: ProblemLog) -> dict[str, Node]:
    nodes: dict[str, Node] = {}
    for feat, fields, node_id in _identified_features(features, label, log):
        geom = feat["geometry"]
        if geom is None:
            continue  # noted when read
        point = _lonlat(geom.get("coordinates")) if geom.get("type") == "Point" else None
        if point is None:
            fields.problem("geometry", "must be a Point with longitude -180..180 and latitude -90..90")
            continue
        nodes[node_id] = Node(id=node_id, name=fields.text("name"), kind=fields.choice("kind", NODE_KINDS),
                              country=fields.text("country"), lon=point[0], lat=point[1],
                              confidence=fields.choice("confidence", CONFIDENCES),
                              coord_source=fields.text("coord_source"), offshore=fields.flag("offshore"))
    return nodes


def load_legs(features: list[dict], label: str, nodes: Mapping[str, Node], node_ids: frozenset[str] | None,
              log: ProblemLog) -> dict[str, Leg]:
    """The legs. `node_ids`: the places nodes.geojson declares, or None if it could not be read, and
    then what refers to a place is not checked (that is one problem, already noted)."""
    legs: dict[str, Leg] = {}
    for feat, fields, leg_id in _identified_features(features, label, log):
        start, end = fields.text("from"), fields.text("to")
        for name, node_id in (("from", start), ("to", end)):
            if node_id and node_ids is not None and node_id not in node_ids:
                fields.problem(name, f"names node {node_id!r}, which is not in nodes.geojson")
        geom = feat["geometry"]
        if geom is None:
            continue  # noted when read
        raw = geom.get("coordinates") if geom.get("type") == "LineString" else None
        coords = [_lonlat(c) for c in raw] if isinstance(raw, list) else []
        if len(coords) < 2 or any(c is None for c in coords):
            fields.problem("geometry", "must be a LineString of at least two valid lon/lat positions")
            continue
        for name, node_id, coord in (("from", start, coords[0]), ("to", end, coords[-1])):
            node = nodes.get(node_id)
            if node and max(abs(node.lon - coord[0]), abs(node.lat - coord[1])) > ENDPOINT_TOLERANCE_DEG:
                fields.problem("geometry", f"does not {'start' if name == 'from' else 'end'} at node {node_id!r}")
        legs[leg_id] = Leg(id=leg_id, start=start, end=end, mode=fields.choice("mode", MODES),
                           subsea=fields.flag("subsea"), coords=tuple(coords), approximate=fields.flag("approximate"),
                           route_ids=fields.text_list("routes"))
    return legs


def load_routes(features: list[dict], label: str, legs: Mapping[str, Leg], declared_legs: frozenset[str] | None,
                log: ProblemLog) -> dict[str, Route]:
    """The routes. `declared_legs`: the legs legs.geojson declares, or None if it could not be read, and
    then the legs a route names are not checked."""
    routes: dict[str, Route] = {}
    for feat, fields, route_id in _identified_features(features, label, log):
        props = feat["properties"]
        leg_ids = fields.text_list("legs")
        if not leg_ids:
            fields.problem("legs", "a route needs at least one leg")
        for leg_id in leg_ids if declared_legs is not None else ():
            if leg_id not in declared_legs:
                fields.problem("legs", f"names leg {leg_id!r}, which is not in legs.geojson")
            elif leg_id in legs and route_id not in legs[leg_id].route_ids:
                fields.problem("legs", f"leg {leg_id!r} does not list this route in its 'routes'")
        raw_figures = props.get("figures")
        if not isinstance(raw_figures, list):
            fields.problem("figures", "must be a list")
            raw_figures = []
        events = []
        for i, raw in enumerate(props.get("events") or []):
            if not isinstance(raw, dict) or not isinstance(raw.get("date"), str) or not isinstance(raw.get("event"), str):
                fields.problem(f"events[{i}]", "needs a date and an event text")
                continue
            events.append(Event(raw["date"], raw["event"], fields.cited(raw.get("sources"), f"events[{i}].sources")))
        routes[route_id] = Route(
            id=route_id, name=fields.text("name"), short_name=fields.text("short_name"),
            commodity=fields.choice("commodity", COMMODITIES), commodity_detail=fields.text("commodity_detail", False),
            status=fields.choice("status", STATUSES), status_as_of=fields.text("status_as_of"),
            status_note=fields.text("status_note"),
            status_sources=fields.cited(props.get("status_sources"), "status_sources"),
            operator=fields.text("operator", False),
            published_transit_countries=fields.text_list("published_transit_countries"), leg_ids=leg_ids,
            length=fields.figure(props.get("length"), "length", kind="length"),
            capacity=fields.figure(props.get("capacity"), "capacity", kind="capacity"),
            figures=tuple(f for i, raw in enumerate(raw_figures) if (f := fields.figure(raw, f"figures[{i}]", True))),
            events=tuple(events), sources=fields.cited(props.get("sources"), "sources"),
            main_line=fields.text_list("main_line"), transit_differs=fields.transit_difference("transit_differs"),
            length_differs=fields.text("length_differs", False),
            notes=fields.text("notes", False))
        for leg_id in routes[route_id].main_line:
            if leg_id not in leg_ids:
                fields.problem("main_line", f"names leg {leg_id!r}, which is not one of the route's legs")
        if not routes[route_id].status_sources:
            fields.problem("status_sources", "the status needs a source")
    return routes


def load_areas(paths: DataPaths, log: ProblemLog) -> dict[str, tuple[CountryShape, ...]]:
    areas = {}
    for area in AREA_LAYERS:
        label = f"geodata/{area.file}"
        shapes = []
        for index, feat in enumerate(read_feature_collection(paths.geodata / area.file, label, log) or []):
            fields = Fields(log, label, f"#{index}", feat["properties"])
            name, code = fields.text("name"), fields.text("base_map_code", False)
            if not name or feat["geometry"] is None:
                continue
            if feat["geometry"].get("type") not in ("Polygon", "MultiPolygon"):
                log.add(label, name, "geometry", "must be a Polygon or MultiPolygon")
                continue
            shapes.append(CountryShape(name=name, layer=area.id, geojson=feat, base_map_code=code))
        if not shapes and not any(p.file == label for p in log.problems):
            log.add(label, "", "features", "the layer has no features")
        areas[area.id] = tuple(shapes)
    return areas


def load_registry(paths: DataPaths = DataPaths()) -> Registry:
    """Everything the map draws, validated; raises DataError listing every problem found."""
    log = ProblemLog()
    files = {name: read_feature_collection(paths.routes / f"{name}.geojson", f"geodata/routes/{name}.geojson", log)
             for name in ("nodes", "legs", "routes")}
    nodes = load_nodes(files["nodes"] or [], "geodata/routes/nodes.geojson", log)
    legs = load_legs(files["legs"] or [], "geodata/routes/legs.geojson", nodes, feature_ids(files["nodes"]), log)
    routes = load_routes(files["routes"] or [], "geodata/routes/routes.geojson", legs, feature_ids(files["legs"]), log)
    route_ids = feature_ids(files["routes"])
    for leg in legs.values():
        for route_id in leg.route_ids:
            if route_ids is not None and route_id not in route_ids:
                log.add("geodata/routes/legs.geojson", leg.id, "routes", f"names route {route_id!r}, which does not exist")
    areas = load_areas(paths, log)
    published = load_published_positions(paths.geodata / "published_positions.json", log)
    log.raise_if_any()
    network = Network(nodes=frozen_mapping(nodes), legs=frozen_mapping(legs), routes=frozen_mapping(routes))
    return Registry(network=network, areas=frozen_mapping(areas), published_positions=frozen_mapping(published))
