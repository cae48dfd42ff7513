"""The Compare tab: the routes the map shows, side by side, sortable, downloadable as CSV with the
source of every cell; a chart of their capacities; and the China-Europe cargo routes compared.

A plain HTML table with sort buttons in its headers: keyboard-reachable, screen-reader friendly, and
free of Dash's DataTable, which Dash 4 deprecates."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.cargo import CargoRow
from dashboard.compare import CELL_SOURCES, COMPUTED_NOTE, TABLE_COLUMNS, sort_rows
from dashboard.figure.styles import COMMODITY_COLOURS
from dashboard.ui.panels import source_links

COMPUTED = {"length_computed_km", "transit_countries", "border_crossings", "mode_changes", "crosses_russia"}
STATEMENTS_NOTE = "statements in the seeded articles that concern the route (What was said)"


def _cell(row: dict, column: str):
    value = row.get(column)
    text = "—" if value in (None, "") else (f"{value:,}" if isinstance(value, (int, float)) else str(value))
    source = row.get(CELL_SOURCES.get(column, ""), "") if column in CELL_SOURCES else (
        COMPUTED_NOTE if column in COMPUTED else STATEMENTS_NOTE if column == "statements" else "")
    if column == "route":
        return html.Th(html.Button(text, id={"type": ids.COMPARE_ROW, "id": row["id"]}, n_clicks=0,
                                   className="row-button"), scope="row")
    title = f"Source: {source}" if source and column in CELL_SOURCES else source
    # Focusable, so a tap (or Tab) shows the source where there is no hover (assets/style.css).
    return html.Td(text, title=title, tabIndex="0") if title else html.Td(text)


def table_body(rows: list[dict], selected: str | None) -> list:
    # The selected row is marked when the table is built; selecting later marks the map and the
    # chart, not the table, which is only rebuilt when its rows change.
    return [html.Tr([_cell(row, column) for column, _ in TABLE_COLUMNS],
                    className="is-selected" if row["id"] == selected else "") for row in rows]


def table_head(sort: dict | None) -> html.Thead:
    def header(column, name):
        arrow = ""
        if sort and sort.get("column") == column:
            arrow = " ▼" if sort.get("descending") else " ▲"
        return html.Th(html.Button(name + arrow, id={"type": ids.SORT_BUTTON, "id": column}, n_clicks=0,
                                   className="sort-button"), scope="col",
                       **{"aria-sort": ("descending" if sort.get("descending") else "ascending")
                          if sort and sort.get("column") == column else "none"})
    return html.Thead(html.Tr([header(c, n) for c, n in TABLE_COLUMNS]))


def compare_table(rows: list[dict], sort: dict | None, selected: str | None) -> html.Table:
    rows = sort_rows(rows, (sort or {}).get("column"), bool((sort or {}).get("descending")))
    return html.Table(className="compare-table", children=[table_head(sort), html.Tbody(table_body(rows, selected))])


def capacity_chart(rows: list[dict], selected: str | None) -> dict:
    """Capacity in Mt/y of the routes shown, as a lollipop chart (scatter: in the partial plotly bundle)."""
    rows = sorted((r for r in rows if r["capacity_mt_y"] is not None), key=lambda r: r["capacity_mt_y"])
    xs, ys = [], []
    for row in rows:
        xs += [0, row["capacity_mt_y"], None]
        ys += [row["route"], row["route"], None]
    return {
        "data": [{"type": "scatter", "mode": "lines", "x": xs, "y": ys, "line": {"color": "#bbb", "width": 2},
                  "hoverinfo": "skip", "showlegend": False},
                 {"type": "scatter", "mode": "markers", "x": [r["capacity_mt_y"] for r in rows],
                  "y": [r["route"] for r in rows], "showlegend": False,
                  "marker": {"size": [14 if r["id"] == selected else 9 for r in rows],
                             "color": [COMMODITY_COLOURS[r["commodity"]] for r in rows],
                             "line": {"width": 1, "color": "#333"}},
                  "hovertemplate": "%{y}: %{x} Mt/y<extra></extra>"}],
        "layout": {"height": max(160, 26 * len(rows) + 60), "margin": {"l": 10, "r": 10, "t": 28, "b": 30},
                   "title": {"text": "Capacity, Mt/y (sourced; capacities in other units not shown)",
                             "font": {"size": 12}, "x": 0},
                   "xaxis": {"rangemode": "tozero", "gridcolor": "#eee"}, "yaxis": {"automargin": True},
                   "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)", "font": {"size": 11}},
    }


def cargo_table(rows: tuple[CargoRow, ...]) -> html.Table:
    return html.Table(className="figures cargo", children=[
        html.Caption("China to Europe by container: three routes"),
        html.Thead(html.Tr([html.Th(h, scope="col") for h in ("Route", "Distance", "Transit time", "Volumes")])),
        html.Tbody([html.Tr([html.Th(row.label, scope="row"), *[
            html.Td([cell.text, html.Div(source_links(cell.sources) if cell.sources else "no source",
                                         className="figure-note")])
            for _, cell in row.cells]]) for row in rows]),
    ])


def comparison_key(rows: list[dict], sort: dict | None) -> dict:
    """What the table shows: its rows and their order. The table is rebuilt only when this changes."""
    return {"rows": [row["id"] for row in rows], "sort": sort}


def compare_panel(data: AppData, rows: list[dict], sort: dict | None, selected: str | None) -> html.Div:
    """The tab's contents, built when the tab is first opened (the page's first load does not pay for
    a table most visits never look at); the callbacks keep the table and chart current."""
    return html.Div(className="compare", children=[
        html.H2("Compare the routes"),
        html.P("The routes the map shows, in the units their sources give; hover or tap a cell for its source; "
               "click a column to sort (the link keeps the order), a route to select it on the map.",
               className="hint"),
        html.Button("Download CSV (with every source)", id=ids.in_tab(ids.COMPARE_CSV), n_clicks=0, className="clear"),
        html.Div(compare_table(rows, sort, selected), id=ids.in_tab(ids.COMPARE_TABLE), className="table-scroll"),
        dcc.Graph(id=ids.in_tab(ids.COMPARE_CHART), figure=capacity_chart(rows, selected),
                  config={"displaylogo": False}),
        cargo_table(data.cargo),
    ])
