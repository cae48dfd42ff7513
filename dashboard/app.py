"""The app factory: create_app(config) loads the data, builds the layout and registers callbacks on
that one instance, so two apps in one process never share state or steal each other's callbacks."""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
from pathlib import Path

from dash import Dash
from flask import jsonify

from dashboard.appdata import AppData, load_app_data
from dashboard.base_map_script import add_base_map_script, script_url
from dashboard.config import AppConfig, ConfigError, ready_cache_dir
from dashboard.page_scripts import LeanDash
from dashboard.http_headers import (content_security_policy, install_security_headers, refuse_malformed_callbacks,
                                    security_headers)
from dashboard.export.queue import export_manager
from dashboard.export.renderer import find_browser
from dashboard.export.service import RenderClient
from dashboard.export.callback import export_failed_result, register_export_callback
from dashboard.ui.callbacks import register_callbacks
from dashboard import ids
from dashboard.captions import TITLE
from dashboard.ui.id_skeleton import id_skeleton
from dashboard.ui.layout import build_layout, deferred_parts
from dashboard.view import View

HEALTH_PATH = "healthz"
KEY_BYTES = 32


def create_app(config: AppConfig | None = None, data: AppData | None = None, full_figure_updates: bool = False,
               manager=None) -> Dash:
    """A ready Dash app. Raises DataError, listing every problem, if the data or seeds are not valid.

    `manager` runs the export jobs; by default the one the configuration asks for (export_manager).
    The Celery worker passes its own, so the export task is registered on the app it serves."""
    config = config or AppConfig()
    data = data or load_app_data(config.paths)
    # Behind a proxy that strips the prefix, Dash routes at / but tells the browser to ask for the
    # prefix; otherwise both are the prefix.
    routes_prefix = "/" if config.proxy_strips_prefix else config.url_prefix
    app = LeanDash(
        __name__,
        title=TITLE,
        update_title=None,
        assets_folder=str(config.paths.assets),
        routes_pathname_prefix=routes_prefix,
        requests_pathname_prefix=config.url_prefix,
        serve_locally=True,
        compress=True,
        meta_tags=[{"name": ids.PAGE_SCRIPT_META, "content": json.dumps(ids.page_script_ids())}],
        external_scripts=[script_url(config.url_prefix, config.paths.base_map)],
    )
    add_base_map_script(app.server, routes_prefix, config.paths.base_map)
    export_note = "" if find_browser() else (
        "Export is unavailable: the server has no Chrome or Chromium (install Debian's chromium). "
        "Everything else works.")
    app.layout = build_layout(data, topojson_url=app.get_asset_url("topojson/"), frame_ancestors=config.frame_ancestors,
                              instant_selection=not full_figure_updates)
    parts = deferred_parts(data, export_note)
    app.validation_layout = id_skeleton(app.layout, *parts.values())
    register_callbacks(app, data, parts, full_figure_updates)
    cache = ready_cache_dir(config.cache_dir)
    manager = manager or export_manager(config.redis_url, cache, lambda: data.data_as_of, export_failed_result)
    # Background-job handles are signed with the server's secret key: one for all workers, or a poll
    # that reaches another worker than the one that started the job is refused.
    app.server.secret_key = config.secret_key or shared_key(cache, "server.key")
    register_export_callback(app, data, manager, RenderClient(cache, render_key(cache)))
    add_health_endpoint(app, data, routes_prefix)
    refuse_malformed_callbacks(app.server, routes_prefix + "_dash-update-component", lambda: app.callback_map,
                               {ids.VIEW_STORE: View.from_store})
    install_security_headers(app.server, security_headers(
        content_security_policy(config.frame_ancestors, app.csp_hashes())))
    return app


def render_key(cache: Path) -> bytes:
    """The render service's key, shared by every worker through the cache folder (owner-only)."""
    return shared_key(cache, "render.key")


def shared_key(cache: Path, name: str) -> bytes:
    """A random key made once and read by every worker from the cache folder (owner-only): whichever
    worker starts first makes it, the others read the same. ConfigError if the file is not such a key.

    The key is written whole to a temporary file and then linked into place, which fails if another
    worker's is already there: a worker starting at the same moment never reads a half-written (empty)
    key, and the first key made is the one all use."""
    path = cache / name
    if not path.exists():
        key = secrets.token_bytes(KEY_BYTES)
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=cache)  # owner-only
        try:
            with os.fdopen(handle, "w") as out:
                out.write(key.hex())
            os.link(temporary, path)
            return key
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    return read_key(path)


def read_key(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError as exc:
        raise ConfigError(f"cannot read the key {path} ({exc.strerror or exc})") from None
    if not re.fullmatch(f"[0-9a-fA-F]{{{2 * KEY_BYTES}}}", text):
        found = ("it is empty" if not text else f"{len(text)} characters, not {2 * KEY_BYTES}"
                 if len(text) != 2 * KEY_BYTES else "not hex digits")
        raise ConfigError(f"{path} is not a key this dashboard made ({found}); delete it and a new one is made "
                          "at the next start")
    return bytes.fromhex(text)


def add_health_endpoint(app: Dash, data: AppData, routes_prefix: str) -> None:
    """For the portal's monitoring: the app is up and its data loaded."""
    summary = {"status": "ok", "routes": len(data.registry.network.routes),
               "statements": len(data.corpus.statements), "data_as_of": data.data_as_of}
    app.server.add_url_rule(routes_prefix + HEALTH_PATH, "healthz", lambda: jsonify(summary))
