"""The base map handed to Plotly with the page's scripts, instead of fetched when it first draws.

Plotly asks for its base map (assets/topojson/world_50m.json) only once the graph has mounted, after
Dash has rendered the whole layout: the page then waited on a request and a 600 KB parse in the middle
of its first draw. A script in the page's head puts the same file where Plotly looks before fetching
(`window.PlotlyGeoAssets.topojson[name]`), so the download runs beside the other scripts and the first
draw goes straight through. Kaleido's export page loads the same script (export/renderer.py). The JSON
file stays where it was: a graph drawn without the script still fetches it from topojsonURL."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Flask, Response

SCRIPT_PATH = "_base-map.js"
CACHE_SECONDS = 365 * 24 * 3600  # the URL carries the file's version


def base_map_script(topojson: Path) -> str:
    """A script that registers the topojson file with Plotly under its name (the file's stem, which
    is what Plotly asks for). JSON.parse of a string literal parses faster than a JS object literal."""
    text = topojson.read_text(encoding="utf-8")
    json.loads(text)  # a broken file fails here, at start-up, naming nothing less than the JSON error
    return ("window.PlotlyGeoAssets=window.PlotlyGeoAssets||{topojson:{}};"
            "window.PlotlyGeoAssets.topojson=window.PlotlyGeoAssets.topojson||{};"
            f"window.PlotlyGeoAssets.topojson[{json.dumps(topojson.stem)}]=JSON.parse({json.dumps(text)});\n")


def script_url(requests_prefix: str, topojson: Path) -> str:
    """The script's address as the browser asks for it, versioned by the file's modification time so
    that it can be cached for good."""
    return f"{requests_prefix}{SCRIPT_PATH}?v={int(topojson.stat().st_mtime)}"


def add_base_map_script(server: Flask, routes_prefix: str, topojson: Path) -> None:
    """Serve the script at the routes prefix; built once, at start-up."""
    body = base_map_script(topojson)

    def serve() -> Response:
        response = Response(body, mimetype="application/javascript")
        response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}, immutable"
        return response

    server.add_url_rule(routes_prefix + SCRIPT_PATH, "base_map_script", serve)
