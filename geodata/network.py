"""The route registry: nodes, legs and routes, built from network.toml and the fact sheet.

Writes three files that QGIS and geopandas open directly:
  routes/nodes.geojson   Point per place (port, terminal, border crossing, junction, field)
  routes/legs.geojson    LineString per physical leg, one mode each, densified along great circles
  routes/routes.geojson  MultiLineString per route with its figures, sources and status

Lines are densified because both Plotly (hover fires only near vertices) and RFC 7946 (a segment is
straight in lon/lat) need the vertices: the drawn line, the checked line and the measured line are
then one and the same.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from pyproj import Geod
from shapely.geometry import LineString, MultiLineString, Point

from geodata.geojson_io import feature, write_collection
from geodata.source_titles import source_record, titles_from_markdown

GEOD = Geod(ellps="WGS84")
DENSIFY_KM = 20.0
LINE_DECIMALS = 4  # ~10 m; lines must end exactly on their nodes' rounded coordinates
COUNTRY_SPELLING = {"Turkiye": "Türkiye"}
UNDATED = "undated"


def great_circle_path(points: list[tuple[float, float]], step_km: float = DENSIFY_KM) -> list[tuple[float, float]]:
    """Vertices along the great circles through `points` (lon, lat), no two further apart than step_km."""
    out: list[tuple[float, float]] = [points[0]]
    for (lon1, lat1), (lon2, lat2) in zip(points, points[1:]):
        _, _, dist_m = GEOD.inv(lon1, lat1, lon2, lat2)
        extra = int(dist_m / 1000.0 // step_km)
        if extra > 0:
            out.extend(GEOD.npts(lon1, lat1, lon2, lat2, extra))
        out.append((lon2, lat2))
    return out


def geodesic_length_km(coords: list[tuple[float, float]]) -> float:
    lons, lats = zip(*coords)
    return GEOD.line_length(lons, lats) / 1000.0


def _as_of(year: Any) -> str:
    return str(year) if year not in (None, "") else UNDATED


def _figure(metric: str, kind: str, value: Any, unit: str | None, year: Any, sources: list[dict[str, str]],
            confidence: str | None = None, note: str | None = None) -> dict[str, Any]:
    numeric = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    return {
        "metric": metric,
        "kind": kind,
        "value": numeric,
        "value_text": f"{value:,}" if numeric is not None else str(value),
        "unit": unit or "",
        "as_of": _as_of(year),
        "confidence": confidence or "",
        "note": note or "",
        "sources": sources,
    }


def _source_records(value: Any, titles: dict[str, str]) -> list[dict[str, str]]:
    """Source records from the fact sheet's source field: URLs, "derived from URL", or a named source
    whose URL was not recorded (kept, with an empty url, rather than dropped)."""
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    records = []
    for item in items:
        if not isinstance(item, str) or item.strip() in ("", "unsourced"):
            continue
        url_at = item.find("http")
        if url_at == 0:
            records.append(source_record(item, titles))
        elif url_at > 0:
            record = source_record(item[url_at:].split()[0], titles)
            record["title"] = f"{item[:url_at].strip()} {record['title']}"
            records.append(record)
        else:
            records.append({"title": item.strip(), "url": ""})
    return records


def route_record(spec: dict[str, Any], fact: dict[str, Any], titles: dict[str, str]) -> dict[str, Any]:
    """One route's properties: the authored spec (legs, status) joined with its fact-sheet entry."""
    length = None
    if fact.get("length_km") is not None:
        length = _figure("length (published)", "length", fact["length_km"], "km", fact.get("length_year"),
                         _source_records(fact.get("length_sources"), titles), note=fact.get("length_note"))
    cap = fact.get("capacity") or {}
    capacity = None
    if cap.get("value") is not None:
        capacity = _figure("capacity", "capacity", cap["value"], cap.get("unit"), cap.get("year"),
                           _source_records(cap.get("source"), titles), note=cap.get("note"))
    figures = [
        _figure(f["metric"], f["kind"], f["value"], f.get("unit"), f.get("year"), _source_records(f.get("source"), titles),
                f.get("confidence"), f.get("note"))
        for f in fact.get("figures", [])
    ]
    events = [
        {"date": e["date"], "event": e["event"], "sources": _source_records(e.get("sources"), titles)}
        for e in fact.get("events", [])
    ]
    return {
        "id": spec["id"],
        "name": fact["name"],
        "short_name": spec["short_name"],
        "commodity": spec["commodity"],
        "commodity_detail": fact.get("commodity", ""),
        "status": spec["status"],
        "status_as_of": spec["status_as_of"],
        "status_note": spec["status_note"],
        "status_sources": [source_record(u, titles) for u in spec["status_sources"]],
        "operator": fact.get("operator") or "",
        "published_transit_countries": [COUNTRY_SPELLING.get(c, c) for c in fact.get("transit_countries", [])],
        "legs": list(spec["legs"]),
        "main_line": list(spec.get("main_line", spec["legs"])),
        "transit_differs": spec.get("transit_differs", {"extra": [], "missing": [], "why": ""}),
        "length_differs": spec.get("length_differs", ""),
        "length": length,
        "length_note": fact.get("length_note") or "",
        "capacity": capacity,
        "capacity_note": "" if capacity else "capacity unsourced in the fact sheet",
        "figures": figures,
        "events": events,
        "notes": fact.get("notes") or "",
        "sources": _source_records(fact.get("sources"), titles),
    }


def _leg_line(leg: dict[str, Any], nodes: dict[str, Any]) -> list[tuple[float, float]]:
    start, end = nodes[leg["from"]], nodes[leg["to"]]
    points = [(start["lon"], start["lat"])] + [tuple(p) for p in leg.get("via", [])] + [(end["lon"], end["lat"])]
    return great_circle_path(points)


def build_network(network_toml: Path, facts_json: Path, facts_md: Path, out_dir: Path) -> list[Path]:
    spec = tomllib.loads(network_toml.read_text(encoding="utf-8"))
    facts = {f["id"]: f for f in json.loads(facts_json.read_text(encoding="utf-8"))}
    titles = titles_from_markdown(facts_md.read_text(encoding="utf-8"))
    nodes, legs, routes = spec["nodes"], spec["legs"], spec["routes"]

    unknown = [(r["id"], leg) for r in routes for leg in r["legs"] + r.get("main_line", []) if leg not in legs]
    unknown += [(leg_id, end) for leg_id, leg in legs.items() for end in (leg["from"], leg["to"]) if end not in nodes]
    unknown += [(r["id"], "fact sheet entry") for r in routes if r["id"] not in facts]
    if unknown:
        raise SystemExit(f"{network_toml}: references to nothing: {unknown}")
    unclassified = [(route_id, f["metric"]) for route_id, fact in facts.items() for f in fact.get("figures", [])
                    if not f.get("kind")]
    if unclassified:
        raise SystemExit(f"{facts_json}: figures without their kind (what they measure): {unclassified}")

    used_by: dict[str, list[str]] = {leg_id: [] for leg_id in legs}
    for route in routes:
        for leg_id in route["legs"]:
            used_by[leg_id].append(route["id"])

    node_features = [
        feature(Point(n["lon"], n["lat"]), {
            "id": node_id, "name": n["name"], "kind": n["kind"], "country": n["country"],
            "confidence": n["confidence"], "approximate": n["confidence"] != "sourced",
            "offshore": bool(n.get("offshore", False)), "coord_source": n["coord_source"],
        })
        for node_id, n in nodes.items()
    ]
    leg_lines = {leg_id: _leg_line(leg, nodes) for leg_id, leg in legs.items()}
    leg_features = [
        feature(LineString(leg_lines[leg_id]), {
            "id": leg_id, "from": leg["from"], "to": leg["to"], "mode": leg["mode"],
            "subsea": bool(leg.get("subsea", False)), "alignment": "schematic",
            "approximate": any(nodes[n]["confidence"] != "sourced" for n in (leg["from"], leg["to"])),
            "routes": used_by[leg_id],
            "length_km_computed": round(geodesic_length_km(leg_lines[leg_id]), 1),
        }, decimals=LINE_DECIMALS)
        for leg_id, leg in legs.items()
    ]
    route_features = [
        feature(MultiLineString([leg_lines[leg_id] for leg_id in r["legs"]]),
                route_record(r, facts[r["id"]], titles), decimals=LINE_DECIMALS)
        for r in routes
    ]
    written = []
    for name, features in (("nodes", node_features), ("legs", leg_features), ("routes", route_features)):
        path = out_dir / f"{name}.geojson"
        write_collection(path, features, name)
        written.append(path)
    return written
