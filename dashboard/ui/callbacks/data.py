"""The Export tab's data buttons: the current view's routes, legs and places as GeoJSON or CSV."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, dcc, no_update

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.view import View
from dashboard.view_data import GEOJSON_MEDIA_TYPE, data_filename, view_csv, view_geojson_text


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(ids.DATA_DOWNLOAD, "data"),
        Input(ids.DATA_GEOJSON, "n_clicks"),
        Input(ids.DATA_CSV, "n_clicks"),
        State(ids.VIEW_STORE, "data"),
        prevent_initial_call=True,
    )
    def download_data(_geojson, _csv, stored):
        if not ctx.triggered or not ctx.triggered[0]["value"]:
            return no_update
        view = View.from_store(stored)
        if ctx.triggered_id == ids.DATA_GEOJSON:
            return dcc.send_string(view_geojson_text(data, view), data_filename(view, "geojson"),
                                   type=GEOJSON_MEDIA_TYPE)
        return dcc.send_string(view_csv(data, view), data_filename(view, "csv"), type="text/csv")
