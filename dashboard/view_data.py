"""The data of the current view, for analysts to take away: the routes, legs and places the map
shows, as GeoJSON (RFC 7946: WGS 84 longitude/latitude, no CRS member) with every figure and its
sources as properties, and as CSV (the Compare table's rows and columns). Pure: the Export tab's
buttons and `python -m dashboard data` both call these."""

from __future__ import annotations

import json

from dashboard.appdata import RUSSIA, AppData
from dashboard.compare import COLUMNS, SOURCE_COLUMNS, comparison_rows, to_csv
from dashboard.registry.model import Figure, Source
from dashboard.view import View

GEOJSON_MEDIA_TYPE = "application/geo+json"


def _sources(sources: tuple[Source, ...]) -> list[dict]:
    return [{"title": s.title, "url": s.url} for s in sources]


def _figure(figure: Figure | None) -> dict | None:
    if figure is None:
        return None
    return {"metric": figure.metric, "kind": figure.kind, "value": figure.value, "value_text": figure.value_text,
            "unit": figure.unit, "as_of": figure.as_of, "confidence": figure.confidence, "note": figure.note,
            "sources": _sources(figure.sources)}


def _line(coords) -> list[list[float]]:
    return [[round(lon, 5), round(lat, 5)] for lon, lat in coords]


def view_geojson(data: AppData, view: View) -> dict:
    """A FeatureCollection of the view's routes (MultiLineString), their legs (LineString) and the
    places on them (Point); `feature_kind` tells them apart."""
    network = data.registry.network
    rows = {row["id"]: row for row in comparison_rows(data, view)}
    features = []
    leg_ids: dict[str, None] = {}
    node_ids: dict[str, None] = {}
    for route_id in rows:
        route = network.routes[route_id]
        legs = network.route_legs(route_id)
        leg_ids.update(dict.fromkeys(route.leg_ids))
        node_ids.update(dict.fromkeys(network.route_node_ids(route_id)))
        computed = data.computed[route_id]
        features.append({"type": "Feature", "id": route.id, "geometry": {
            "type": "MultiLineString", "coordinates": [_line(leg.coords) for leg in legs]}, "properties": {
            "feature_kind": "route", "id": route.id, "name": route.name, "short_name": route.short_name,
            "commodity": route.commodity, "status": route.status, "status_as_of": route.status_as_of,
            "status_sources": _sources(route.status_sources), "operator": route.operator,
            "capacity": _figure(route.capacity), "length_published": _figure(route.length),
            "length_computed_km": round(computed.main_line_km),
            "transit_countries_computed": list(computed.transit_countries),
            "crosses_russia": RUSSIA in computed.transit_countries,
            "figures": [_figure(f) for f in route.figures], "sources": _sources(route.sources),
            "geometry_note": "schematic: drawn between sourced places, not a surveyed alignment",
        }})
    for leg_id in leg_ids:
        leg = network.legs[leg_id]
        features.append({"type": "Feature", "id": leg.id, "geometry": {"type": "LineString",
                                                                       "coordinates": _line(leg.coords)},
                          "properties": {"feature_kind": "leg", "id": leg.id, "start": leg.start, "end": leg.end,
                                         "mode": leg.mode, "subsea": leg.subsea, "approximate": leg.approximate,
                                         "routes": [r for r in leg.route_ids if r in rows]}})
    for node_id in node_ids:
        node = network.nodes[node_id]
        features.append({"type": "Feature", "id": node.id, "geometry": {
            "type": "Point", "coordinates": [round(node.lon, 5), round(node.lat, 5)]}, "properties": {
            "feature_kind": "place", "id": node.id, "name": node.name, "kind": node.kind, "country": node.country,
            "position_confidence": node.confidence, "position_source": node.coord_source}})
    return {"type": "FeatureCollection", "features": features}


def view_geojson_text(data: AppData, view: View) -> str:
    return json.dumps(view_geojson(data, view), ensure_ascii=False, indent=1)


def view_csv(data: AppData, view: View) -> str:
    """The view's routes as the Compare table's CSV: every column, every cell's source."""
    return to_csv(comparison_rows(data, view), COLUMNS + SOURCE_COLUMNS)


def data_filename(view: View, fmt: str) -> str:
    subject = view.route or ("avoiding-russia" if view.russia == "avoids" else "through-russia" if view.russia
                             else "view")
    return f"middle-corridor-{subject.replace('_', '-')}.{'geojson' if fmt == 'geojson' else 'csv'}"
