"""The shipped registry itself: provenance, figures with sources, believable geometry, and the
README telling users about every layer and route."""

import hashlib
import json

import geopandas as gpd
import pytest

from dashboard.paths import PROJECT_ROOT
from dashboard.registry.geometry import believability_problems, countries_from_registry, transit_countries
from dashboard.registry.layers import AREA_LAYERS, LAYERS
from dashboard.registry.model import UNDATED

MANIFEST = json.loads((PROJECT_ROOT / "geodata" / "manifest.json").read_text())
ROUTE_IDS = [f["properties"]["id"] for f in
             json.loads((PROJECT_ROOT / "geodata/routes/routes.geojson").read_text())["features"]]
LENGTH_TOLERANCE = 0.25  # schematic lines between sourced places vs surveyed published lengths


@pytest.mark.parametrize("entry", MANIFEST["files"], ids=lambda e: e["file"])
def test_manifest_entry_matches_file(entry):
    path = PROJECT_ROOT / "geodata" / entry["file"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], "rebuild with `make geodata`"
    collection = json.loads(path.read_text())
    assert len(collection["features"]) == entry["features"]
    types = {f["geometry"]["type"] for f in collection["features"]}
    assert types == {entry["geometry_type"]} if isinstance(entry["geometry_type"], str) else set(entry["geometry_type"])
    assert entry["crs"] == "OGC:CRS84"


def test_manifest_lists_every_shipped_geojson():
    shipped = {p.relative_to(PROJECT_ROOT / "geodata").as_posix()
               for p in (PROJECT_ROOT / "geodata").rglob("*.geojson")}
    assert shipped == {e["file"] for e in MANIFEST["files"]}


def test_every_area_layer_file_is_in_the_manifest():
    assert {layer.file for layer in AREA_LAYERS} <= {e["file"] for e in MANIFEST["files"]}


@pytest.mark.parametrize("entry", MANIFEST["files"], ids=lambda e: e["file"])
def test_files_follow_rfc7946(entry):
    collection = json.loads((PROJECT_ROOT / "geodata" / entry["file"]).read_text())
    assert "crs" not in collection  # RFC 7946 §4: no crs member, WGS 84 lon/lat implied
    frame = gpd.read_file(PROJECT_ROOT / "geodata" / entry["file"])  # opens as QGIS would, through GDAL
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.is_valid.all()
    minx, miny, maxx, maxy = frame.total_bounds
    assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90
    if entry["geometry_type"] in ("Polygon", "MultiPolygon"):
        # RFC 7946 §3.1.6: exterior rings counter-clockwise
        import shapely
        assert all(shapely.orient_polygons(g, exterior_cw=False).equals_exact(g, 0) for g in frame.geometry)


def test_whole_map_ships_in_a_few_hundred_kb():
    total = sum(e["bytes"] for e in MANIFEST["files"])
    assert total < 600_000, f"geodata is {total:,} bytes"


def test_geodata_is_believable(registry):
    assert believability_problems(registry) == []


def test_every_route_figure_has_a_source_and_an_as_of(registry):
    for route in registry.network.routes.values():
        for figure in [f for f in (route.length, route.capacity) if f] + list(route.figures):
            assert figure.sources, (route.id, figure.metric)
            assert figure.as_of, (route.id, figure.metric)
            assert all(s.title for s in figure.sources)


def test_most_figures_are_dated(registry):
    figures = [f for r in registry.network.routes.values() for f in r.figures]
    assert sum(f.as_of == UNDATED for f in figures) <= 2


def test_every_route_has_a_sourced_status(registry):
    for route in registry.network.routes.values():
        assert route.status_sources and route.status_as_of and route.status_note, route.id


@pytest.mark.parametrize("route_id", ["cpc", "uzen_atyrau_samara", "druzhba_kazakh_oil_germany", "kazakhstan_china_oil",
                                      "trans_caspian_oil_btc", "baku_supsa_wrep", "middle_corridor_black_sea",
                                      "middle_corridor_turkey", "northern_corridor", "central_asia_china_gas",
                                      "central_asia_center_gas", "south_caucasus_pipeline", "tanap", "tap",
                                      "trans_caspian_gas_pipeline", "transneft_samara_ust_luga"])
def test_required_routes_are_present(registry, route_id):
    assert route_id in registry.network.routes


def test_middle_corridor_has_the_legs_the_brief_names(registry):
    legs = set(registry.network.routes["middle_corridor_black_sea"].leg_ids)
    assert {"urumqi-khorgos-rail", "alashankou-dostyk-rail", "aktau-alat-ferry", "kuryk-alat-ferry",
            "tbilisi-poti-rail", "tbilisi-batumi-rail", "poti-constanta-sea"} <= legs
    turkey = set(registry.network.routes["middle_corridor_turkey"].leg_ids)
    assert {"tbilisi-akhalkalaki-rail", "akhalkalaki-kars-rail", "kars-istanbul-rail"} <= turkey


def test_aktau_alat_ferry_does_not_take_the_straight_line(registry):
    ferry = registry.network.legs["aktau-alat-ferry"]
    assert len(ferry.coords) > 10 and max(lon for lon, _ in ferry.coords) > 50.4  # rounds the Absheron peninsula


@pytest.mark.parametrize("route_id", ROUTE_IDS)
def test_transit_countries_computed_from_geometry_match_published(registry, route_id):
    route = registry.network.routes[route_id]
    computed = set(transit_countries(registry.network, route_id, countries_from_registry(registry)))
    expected = (set(route.published_transit_countries) | set(route.transit_differs.extra)) - set(
        route.transit_differs.missing)
    assert computed == {c for c in expected if not c.startswith("(")}


def test_computed_lengths_are_close_to_published(app_data):
    compared = 0
    for route in app_data.registry.network.routes.values():
        if route.length is None or route.length.value is None or route.length_differs:
            continue
        ratio = app_data.computed[route.id].main_line_km / route.length.value
        assert abs(ratio - 1) <= LENGTH_TOLERANCE, (route.id, round(ratio, 2))
        compared += 1
    assert compared >= 10


def test_approximate_nodes_keep_their_flag(registry):
    nodes = registry.network.nodes
    assert nodes["cpc_terminal"].confidence == "unsourced" and nodes["cpc_terminal"].approximate
    assert not nodes["aktau"].approximate


def test_readme_describes_every_layer_and_route(registry):
    readme = (PROJECT_ROOT / "README.md").read_text() + (PROJECT_ROOT / "geodata" / "README.md").read_text()
    for layer in LAYERS:
        assert layer.label in readme, layer.label
    for route_id in registry.network.routes:
        assert f"`{route_id}`" in readme, route_id
