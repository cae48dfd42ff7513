"""The Export button's callback: a background job (progress shown, button disabled meanwhile) that
renders through the warm render service and hands the file to the browser. Here, beside the export
code, so the job runners (export/queue.py, the Celery worker) never import the UI."""

from __future__ import annotations

from dash import Dash, Input, Output, State, dcc, no_update

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.export.jobs import ExportRequestError, dashboard_request
from dashboard.export.presets import SizeError
from dashboard.export.queue import as_stored
from dashboard.export.renderer import ExportFailed, ExportUnavailable
from dashboard.export.report_figure import report_figure
from dashboard.view import View


def export_failed_result(message: str) -> object:
    """The Export callback's outputs for a failed export, as a finished job stores them: the queue
    manager answers with these when Redis is gone or no worker takes the job."""
    return as_stored([no_update, f"Export failed: {message}"])


def register_export_callback(app: Dash, data: AppData, manager, client) -> None:
    @app.callback(
        Output(ids.EXPORT_DOWNLOAD, "data"),
        Output(ids.EXPORT_STATUS, "children"),
        Input(ids.EXPORT_BUTTON, "n_clicks"),
        State(ids.VIEW_STORE, "data"),
        State(ids.EXPORT_FORMAT, "value"),
        State(ids.EXPORT_PRESET, "value"),
        State(ids.EXPORT_WIDTH, "value"),
        State(ids.EXPORT_HEIGHT, "value"),
        State(ids.EXPORT_SCALE, "value"),
        State(ids.EXPORT_QUOTE, "value"),
        State(ids.URL, "href"),
        background=True,
        manager=manager,
        running=[(Output(ids.EXPORT_BUTTON, "disabled"), True, False),
                 (Output(ids.EXPORT_PROGRESS, "hidden"), False, True)],
        progress=[Output(ids.EXPORT_PROGRESS, "value"), Output(ids.EXPORT_STEP, "children")],
        # The same view exported again is the same file: the click count must not make it a new job.
        cache_args_to_ignore=[0],
        interval=500,  # ms between polls: a warm export takes about a second
        prevent_initial_call=True,
    )
    def run_export(set_progress, clicks, stored, fmt, preset, width, height, scale, quote, href):
        if not clicks:
            return no_update, no_update
        set_progress((1, "Preparing the figure…"))
        try:
            size, fmt, filename, link, with_quote = dashboard_request(
                View.from_store(stored), fmt, preset, width, height, scale, quote, href)
            figure = report_figure(data, View.from_store(stored), size, link=link, quote=with_quote)
            set_progress((2, "Rendering in the browser…"))
            content = client.render(figure, size, fmt)
        except (ExportRequestError, SizeError, ExportUnavailable, ExportFailed) as exc:
            set_progress((0, ""))
            return no_update, f"Export failed: {exc}"
        set_progress((3, ""))
        return dcc.send_bytes(content, filename), f"Exported {filename} ({len(content) / 1e6:.1f} MB)."
