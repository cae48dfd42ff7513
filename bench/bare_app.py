"""The baseline: a bare Dash page drawing one offline geo map, as a Dash user first writes it.

Dash defaults (the full plotly.js bundle Dash serves from the plotly package, no compression) and
one Scattergeo line on Plotly's 50m base map from the same local folder, so both pages are offline
and draw the same base map.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from dash import Dash, dcc, html

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def create_bare_app() -> Dash:
    # An assets folder holding only the base map, so the dashboard's partial bundle is not picked up.
    folder = Path(tempfile.mkdtemp(prefix="bare-assets-"))
    (folder / "topojson").mkdir()
    (folder / "topojson" / "world_50m.json").write_bytes((ASSETS / "topojson" / "world_50m.json").read_bytes())
    app = Dash(__name__, assets_folder=str(folder))
    figure = {
        "data": [{"type": "scattergeo", "mode": "lines", "lon": [51.15, 49.41], "lat": [43.65, 39.95]}],
        "layout": {"geo": {"resolution": 50, "projection": {"type": "conic conformal"},
                           "lonaxis": {"range": [10, 95]}, "lataxis": {"range": [30, 62]}},
                   "margin": {"l": 0, "r": 0, "t": 0, "b": 0}},
    }
    app.layout = html.Div([dcc.Graph(figure=figure, config={"topojsonURL": app.get_asset_url("topojson/")},
                                     style={"height": "80vh"})])
    return app
