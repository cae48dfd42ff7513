"""The Compare tab: built when first opened, then kept current (its sort is the view's, in the URL);
its CSV download."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, dcc, no_update

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.compare import COLUMNS, SOURCE_COLUMNS, comparison_rows, sort_of, sort_rows, to_csv
from dashboard.ui.compare_panel import capacity_chart, compare_panel, compare_table, comparison_key
from dashboard.view import View


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        output={"section": Output(ids.COMPARE_SECTION, "children"),
                "tables": Output(ids.every(ids.COMPARE_TABLE), "children"),
                "charts": Output(ids.every(ids.COMPARE_CHART), "figure"),
                "key": Output(ids.COMPARE_KEY, "data")},
        inputs={"stored": Input(ids.VIEW_STORE, "data"), "shown": State(ids.COMPARE_KEY, "data")},
        prevent_initial_call=True,
    )
    def render_compare(stored, shown):
        # Built when the Compare tab is first opened; after that the chart follows the selection and
        # the table is rebuilt only when its rows or their order change: rebuilding it on every
        # selection made Dash re-index its buttons, a second a click.
        view = View.from_store(stored)
        sort = sort_of(view)
        tables, charts = len(ctx.outputs_grouping["tables"]), len(ctx.outputs_grouping["charts"])
        nothing = {"section": no_update, "tables": [no_update] * tables, "charts": [no_update] * charts,
                   "key": no_update}
        if shown is None and view.panel != "table":
            return nothing
        rows = comparison_rows(data, view)
        key = comparison_key(rows, sort)
        if shown is None:
            return nothing | {"section": compare_panel(data, rows, sort, view.route), "key": key}
        table = compare_table(rows, sort, view.route) if key != shown else no_update
        return nothing | {"tables": [table] * tables, "charts": [capacity_chart(rows, view.route)] * charts,
                          "key": key}

    @app.callback(
        Output(ids.COMPARE_DOWNLOAD, "data"),
        Input(ids.every(ids.COMPARE_CSV), "n_clicks"),
        State(ids.VIEW_STORE, "data"),
        prevent_initial_call=True,
    )
    def download_compare(_clicks, stored):
        if not ctx.triggered or not ctx.triggered[0]["value"]:  # the button was only (re)created
            return no_update
        view = View.from_store(stored)
        sort = sort_of(view) or {}
        rows = sort_rows(comparison_rows(data, view), sort.get("column"), bool(sort.get("descending")))
        return dcc.send_string(to_csv(rows, COLUMNS + SOURCE_COLUMNS), "middle-corridor-routes.csv")
