"""The data of a view: GeoJSON that a GIS reads (geopandas), matching what the map shows, with sources."""

import json

import geopandas
import pytest

from dashboard.compare import visible_route_ids
from dashboard.view import View
from dashboard.view_data import data_filename, view_csv, view_geojson, view_geojson_text


@pytest.mark.parametrize("view", [View(), View(russia="avoids"), View(layers=frozenset({"gas", "nodes"}))],
                         ids=["default", "avoiding-russia", "gas"])
def test_geojson_reads_in_geopandas_and_matches_the_view(app_data, view, tmp_path):
    path = tmp_path / "view.geojson"
    path.write_text(view_geojson_text(app_data, view), encoding="utf-8")
    frame = geopandas.read_file(path)
    assert frame.crs.to_epsg() == 4326  # RFC 7946: WGS 84, no CRS member needed
    routes = frame[frame.feature_kind == "route"]
    assert sorted(routes["id"]) == sorted(visible_route_ids(app_data, view))
    assert set(frame.geom_type) <= {"MultiLineString", "LineString", "Point"}
    assert frame.total_bounds[0] >= -180 and frame.total_bounds[2] <= 180


def test_every_route_carries_its_figures_with_sources(app_data):
    collection = view_geojson(app_data, View())
    assert "crs" not in collection
    for feature in (f for f in collection["features"] if f["properties"]["feature_kind"] == "route"):
        properties = feature["properties"]
        assert properties["status_sources"] and properties["sources"]
        if properties["capacity"]:
            assert properties["capacity"]["sources"] and properties["capacity"]["as_of"]
        assert "schematic" in properties["geometry_note"]
    json.dumps(collection)  # plain JSON throughout


def test_legs_and_places_are_those_of_the_routes_shown(app_data):
    collection = view_geojson(app_data, View(russia="avoids", layers=frozenset({"cargo", "nodes"})))
    places = {f["id"] for f in collection["features"] if f["properties"]["feature_kind"] == "place"}
    assert "lianyungang" in places and "constanta" in places and "novorossiysk" not in places


def test_csv_has_a_row_per_route_shown(app_data):
    lines = view_csv(app_data, View(russia="crosses")).strip().splitlines()
    assert len(lines) - 1 == len(visible_route_ids(app_data, View(russia="crosses")))


def test_file_names_say_what_they_hold():
    assert data_filename(View(route="cpc"), "geojson") == "middle-corridor-cpc.geojson"
    assert data_filename(View(russia="avoids"), "csv") == "middle-corridor-avoiding-russia.csv"


def test_the_command_line_writes_the_same_geojson(app_data, tmp_path):
    from dashboard.__main__ import main
    out = tmp_path / "avoiding.geojson"
    assert main(["data", "--view", "russia=avoids", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == view_geojson(app_data, View(russia="avoids"))
    assert main(["data", "--view", "russia=sideways", "--out", str(out)]) == 2
