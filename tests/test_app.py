"""The app over HTTP, through Flask's test client: no browser, no network."""

import json

import pytest

from dashboard.app import create_app
from dashboard.config import AppConfig
from dashboard.registry.problems import DataError
from tests.conftest import edit_json, feature


@pytest.fixture(scope="module")
def client(app_data):
    return create_app(AppConfig(), data=app_data).server.test_client()


def test_index_serves_local_scripts_only(client):
    page = client.get("/").get_data(as_text=True)
    assert "<title>The Middle Corridor and Kazakhstan's export routes</title>" in page
    scripts = [line for line in page.splitlines() if "<script src=" in line]
    assert scripts and all('src="/' in line for line in scripts)
    assert "cdn.plot.ly" not in page and "unpkg.com" not in page


def test_partial_plotly_bundle_replaces_the_full_one(client):
    page = client.get("/").get_data(as_text=True)
    assert "/assets/plotly-geo.min.js" in page
    assert "package_data/plotly.min.js" not in page


def test_babel_polyfill_is_left_out_and_the_regenerator_runtime_comes_before_dash(client):
    page = client.get("/").get_data(as_text=True)
    assert "polyfill@" not in page
    scripts = [line for line in page.splitlines() if "<script src=" in line]
    runtime = next(i for i, line in enumerate(scripts) if "/assets/regenerator-runtime.js" in line)
    first_dash_bundle = next(i for i, line in enumerate(scripts) if "dash_renderer" in line or "/dcc/" in line)
    assert runtime < first_dash_bundle
    assert client.get("/assets/regenerator-runtime.js").status_code == 200


def test_base_map_topojson_is_served_from_assets(client):
    response = client.get("/assets/topojson/world_50m.json")
    assert response.status_code == 200 and json.loads(response.get_data())["type"] == "Topology"


def test_layout_points_plotly_at_local_topojson(client):
    layout = client.get("/_dash-layout").get_json()
    text = json.dumps(layout)
    assert '"topojsonURL": "/assets/topojson/"' in text


def test_first_layout_leaves_the_compare_and_scenarios_tabs_to_be_built_when_opened(client):
    text = json.dumps(client.get("/_dash-layout").get_json())
    assert '"id": "compare-section"' in text and '"id": "scenario-section"' in text
    for kind in ("scenario-off", "event-slider", "scenario-cap", "compare-table", "compare-chart", "sort-button"):
        assert f'"type": "{kind}"' not in text


def test_responses_are_compressed(client):
    response = client.get("/assets/plotly-geo.min.js", headers={"Accept-Encoding": "gzip, br"})
    assert response.headers.get("Content-Encoding") in ("gzip", "br")


def test_app_refuses_to_start_on_bad_data(data_copy):
    edit_json(data_copy.routes / "legs.geojson",
              lambda c: feature(c, "aktau-alat-ferry")["properties"].update(mode="boat"))
    with pytest.raises(DataError, match="aktau-alat-ferry"):
        create_app(AppConfig(paths=data_copy))


def test_two_apps_in_one_process_keep_their_own_callbacks(app_data):
    import inspect

    from dash._callback import GLOBAL_CALLBACK_LIST

    first = create_app(AppConfig(), data=app_data)
    second = create_app(AppConfig(url_prefix="/other/"), data=app_data)
    for app, page in ((first, "/"), (second, "/other/")):  # Dash adds module-level callbacks at the first request
        assert app.server.test_client().get(page).status_code == 200
    assert not GLOBAL_CALLBACK_LIST
    assert first.callback_map.keys() == second.callback_map.keys()
    functions = {key: inspect.unwrap(entry["callback"]) for key, entry in first.callback_map.items()
                 if entry.get("callback")}  # clientside callbacks have none
    assert functions, "no server callback registered"
    shared = [function.__qualname__ for key, function in functions.items()
              if inspect.unwrap(second.callback_map[key]["callback"]) is function]
    assert not shared, f"the two apps share these callbacks' functions: {shared}"


def test_no_shipped_asset_names_a_cdn_or_tile_host():
    import re

    from dashboard.paths import PROJECT_ROOT

    pattern = re.compile(rb"https?://(cdn\.|fonts\.|unpkg|cdnjs|api\.mapbox)")
    for path in (PROJECT_ROOT / "assets").rglob("*"):
        if path.is_file():
            assert not pattern.search(path.read_bytes()), path
