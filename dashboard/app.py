"""The app factory: create_app(config) loads the data, builds the layout and registers callbacks on
that one instance, so two apps in one process never share state or steal each other's callbacks."""

from __future__ import annotations

from dash import Dash
from flask import jsonify

from dashboard.appdata import AppData, load_app_data
from dashboard.config import AppConfig
from dashboard.http_headers import content_security_policy, install_security_headers, security_headers
from dashboard.ui.callbacks import register_callbacks
from dashboard.captions import TITLE
from dashboard.ui.layout import build_layout

HEALTH_PATH = "healthz"


def create_app(config: AppConfig | None = None, data: AppData | None = None) -> Dash:
    """A ready Dash app. Raises DataError, listing every problem, if the data or seeds are not valid."""
    config = config or AppConfig()
    data = data or load_app_data(config.paths)
    # Behind a proxy that strips the prefix, Dash routes at / but tells the browser to ask for the
    # prefix; otherwise both are the prefix.
    routes_prefix = "/" if config.proxy_strips_prefix else config.url_prefix
    app = Dash(
        __name__,
        title=TITLE,
        update_title=None,
        assets_folder=str(config.paths.assets),
        routes_pathname_prefix=routes_prefix,
        requests_pathname_prefix=config.url_prefix,
        serve_locally=True,
        compress=True,
    )
    app.layout = build_layout(data, topojson_url=app.get_asset_url("topojson/"))
    register_callbacks(app, data)
    add_health_endpoint(app, data, routes_prefix)
    install_security_headers(app.server, security_headers(
        content_security_policy(config.frame_ancestors, app.csp_hashes())))
    return app


def add_health_endpoint(app: Dash, data: AppData, routes_prefix: str) -> None:
    """For the portal's monitoring: the app is up and its data loaded."""
    summary = {"status": "ok", "routes": len(data.registry.network.routes),
               "statements": len(data.corpus.statements), "data_as_of": data.data_as_of}
    app.server.add_url_rule(routes_prefix + HEALTH_PATH, "healthz", lambda: jsonify(summary))
