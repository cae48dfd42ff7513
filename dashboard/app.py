"""The app factory: create_app(config) loads the data, builds the layout and registers callbacks on
that one instance, so two apps in one process never share state or steal each other's callbacks."""

from __future__ import annotations

from dash import Dash

from dashboard.appdata import AppData, load_app_data
from dashboard.config import AppConfig
from dashboard.ui.callbacks import register_callbacks
from dashboard.ui.layout import TITLE, build_layout


def create_app(config: AppConfig | None = None, data: AppData | None = None) -> Dash:
    """A ready Dash app. Raises DataError, listing every problem, if the data or seeds are not valid."""
    config = config or AppConfig()
    data = data or load_app_data(config.paths)
    app = Dash(
        __name__,
        title=TITLE,
        update_title=None,
        assets_folder=str(config.paths.assets),
        url_base_pathname=config.url_prefix,
        serve_locally=True,
        compress=True,
    )
    app.layout = build_layout(data, topojson_url=app.get_asset_url("topojson/"))
    register_callbacks(app, data)
    return app
