"""The base map handed to Plotly with the page's scripts (dashboard/base_map_script.py)."""

import json
import re

import pytest

from dashboard.app import create_app
from dashboard.base_map_script import SCRIPT_PATH, base_map_script, script_url


def registered(script: str) -> tuple[str, dict]:
    """What the script registers, read back the way a browser would evaluate it."""
    match = re.search(r"topojson\[(\"[^\"]+\")\]=JSON\.parse\((.*)\);\n$", script, re.S)
    assert match, script[:200]
    return json.loads(match.group(1)), json.loads(json.loads(match.group(2)))


def test_script_registers_the_file_under_its_stem(tmp_path):
    topojson = tmp_path / "world_50m.json"
    topojson.write_text(json.dumps({"type": "Topology", "objects": {"land": {}}, "note": "Ça \"quoted\" </script>"}))
    name, value = registered(base_map_script(topojson))
    assert name == "world_50m"
    assert value == json.loads(topojson.read_text())


def test_script_keeps_whatever_plotly_registered_first(tmp_path):
    topojson = tmp_path / "world_50m.json"
    topojson.write_text("{}")
    script = base_map_script(topojson)
    assert script.startswith("window.PlotlyGeoAssets=window.PlotlyGeoAssets||")
    assert "window.PlotlyGeoAssets.topojson=window.PlotlyGeoAssets.topojson||{}" in script


def test_broken_base_map_fails_at_start(tmp_path):
    topojson = tmp_path / "world_50m.json"
    topojson.write_text('{"type": ')
    with pytest.raises(ValueError):
        base_map_script(topojson)


def test_url_is_under_the_prefix_and_versioned(tmp_path):
    topojson = tmp_path / "world_50m.json"
    topojson.write_text("{}")
    url = script_url("/portal/routes/", topojson)
    assert url.startswith("/portal/routes/" + SCRIPT_PATH + "?v=")


def test_page_loads_the_script_and_it_is_served_compressed_and_cacheable(app_data):
    client = create_app(data=app_data).server.test_client()
    page = client.get("/").get_data(as_text=True)
    src = re.search(r'<script src="(/_base-map\.js\?v=\d+)"', page)
    assert src, "the page does not load the base-map script"
    # before Dash's renderer, which mounts the graph that draws with it
    assert page.index(src.group(1)) < page.index("dash_renderer")
    response = client.get(src.group(1), headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.mimetype == "application/javascript"
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
