"""Deterministic RFC 7946 GeoJSON writing shared by the build steps.

Coordinates are rounded and rings oriented counter-clockwise (RFC 7946 §3.1.6), and keys are
written in a fixed order, so a rebuild from the same sources gives byte-identical files and the
manifest's sha256 only changes when the data does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

import shapely
from shapely.geometry import mapping

COORDINATE_DECIMALS = 3  # ~110 m: finer than any Natural Earth 1:50m vertex we keep


def _round(coords: Any, decimals: int) -> Any:
    if isinstance(coords, (float, int)):
        return round(float(coords), decimals)
    return [_round(c, decimals) for c in coords]


def feature(geometry, properties: dict[str, Any], decimals: int = COORDINATE_DECIMALS) -> dict:
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        geometry = shapely.orient_polygons(geometry, exterior_cw=False)
    geo = mapping(geometry)
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": geo["type"], "coordinates": _round(geo["coordinates"], decimals)},
    }


def write_collection(path: Path, features: Iterable[dict], name: str) -> None:
    collection = {"type": "FeatureCollection", "name": name, "features": list(features)}
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")
