"""The page, assembled from small named builders. build_layout reads like the page from top to bottom."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.captions import ATTRIBUTION, TITLE
from dashboard.figure.map_figure import build_figure
from dashboard.figure.styles import COMMODITY_LABELS, STATUS_STYLES
from dashboard.registry.layers import LAYERS
from dashboard.registry.model import COMMODITIES
from dashboard.ui.legend import legend, line_sample
from dashboard.ui.panels import details_placeholder, statements_panel
from dashboard.view import PANELS, View, view_classes

def header(data: AppData) -> html.Header:
    return html.Header(className="page-header", children=[
        html.H1(TITLE),
        html.P(className="subtitle", children=(
            "The Trans-Caspian International Transport Route (China → Kazakhstan → Caspian Sea → Azerbaijan → "
            "Georgia → Europe) beside the routes Kazakhstan exports oil and gas by, and what was said about it.")),
        html.P(f"Data as of {data.data_as_of}. Every figure links to its source.", className="as-of"),
    ])


def layer_toggles(view: View) -> html.Fieldset:
    return html.Fieldset(className="control", children=[
        html.Legend("Layers"),
        dcc.Checklist(id=ids.LAYER_TOGGLES, options=[{"label": layer.label, "value": layer.id} for layer in LAYERS],
                      value=[layer.id for layer in LAYERS if layer.id in view.layers], className="checklist"),
    ])


def status_filter(view: View) -> html.Fieldset:
    return html.Fieldset(className="control", children=[
        html.Legend("Status"),
        dcc.Checklist(id=ids.STATUS_FILTER,
                      options=[{"label": style.label, "value": status} for status, style in STATUS_STYLES.items()],
                      value=[status for status in STATUS_STYLES if status in view.statuses], className="checklist"),
    ])


def route_list(data: AppData) -> html.Nav:
    """Every route as a button: the keyboard's way to select what the mouse clicks on the map."""
    groups = []
    for commodity in COMMODITIES:
        routes = [r for r in data.registry.network.routes.values() if r.commodity == commodity]
        groups.append(html.Li([
            html.Span(COMMODITY_LABELS[commodity], className="group-label"),
            html.Ul([html.Li(html.Button(route.short_name, id={"type": ids.ROUTE_LINK, "id": route.id}, n_clicks=0,
                                         className="route-button", **{"aria-pressed": "false"}))
                     for route in routes]),
        ]))
    return html.Nav(className="route-list", **{"aria-label": "Routes"}, children=[
        html.H2("Routes"), html.Ul(groups),
        html.Button("Clear selection", id=ids.CLEAR_SELECTION, n_clicks=0, className="clear"),
    ])


def map_panel(data: AppData, view: View, topojson_url: str) -> html.Section:
    return html.Section(className="map-panel", **{"aria-label": "Map"}, children=[
        dcc.Graph(
            id=ids.MAP, figure=build_figure(data.registry, data.corpus, view), className="map-graph",
            config={"topojsonURL": topojson_url, "displaylogo": False, "scrollZoom": True, "responsive": True,
                    "modeBarButtonsToRemove": ["select2d", "lasso2d"]},
        ),
    ])


def map_table(data: AppData) -> html.Div:
    """The map as text: what a screen reader or a copy-paste gets instead of the picture."""
    rows = []
    for route in data.registry.network.routes.values():
        capacity = route.capacity
        rows.append(html.Tr([
            html.Th(route.short_name, scope="row"),
            html.Td([line_sample("#333", "solid", 2), COMMODITY_LABELS[route.commodity]]),
            html.Td(STATUS_STYLES[route.status].label),
            html.Td(f"{capacity.value_text} {capacity.unit}" if capacity else "unsourced"),
            html.Td(" → ".join(data.computed[route.id].transit_countries)),
        ], **{"data-route": route.id}))
    return html.Div(className="map-table", children=[
        html.H2("The map as a table"),
        html.Table(id=ids.MAP_TABLE, children=[
            html.Thead(html.Tr([html.Th(h, scope="col") for h in ("Route", "Commodity", "Status", "Capacity",
                                                                      "Countries (computed)")])),
            html.Tbody(rows),
        ]),
    ])


def share_controls() -> html.Section:
    """Copy a link to exactly this view, or the iframe snippet that embeds it."""
    return html.Section(className="share", **{"aria-label": "Share this view"}, children=[
        html.Label(["Link to this view", dcc.Input(id=ids.SHARE_LINK, type="text", readOnly=True, value="",
                                                   className="share-field")]),
        dcc.Clipboard(id=ids.COPY_LINK, target_id=ids.SHARE_LINK, title="Copy link", className="copy",
                      content=None),
        html.Label(["Embed code", dcc.Textarea(id=ids.EMBED_CODE, readOnly=True, value="", rows=3,
                                               className="share-field")]),
        dcc.Clipboard(id=ids.COPY_EMBED, target_id=ids.EMBED_CODE, title="Copy embed code", className="copy"),
    ])


def panel_tabs(view: View) -> html.Div:
    labels = {"statements": "What was said", "details": "Route details", "table": "Table"}
    return html.Div(className="panel-tabs", role="tablist", children=[
        html.Button(labels[panel], id={"type": ids.PANEL_TAB, "id": panel}, n_clicks=0, role="tab",
                    className="panel-tab", **{"aria-selected": str(panel == view.panel).lower()})
        for panel in PANELS
    ])


def notice() -> html.Div:
    """Says which parts of a link could not be used; empty (and silent) otherwise."""
    return html.Div(id=ids.NOTICE, className="notice", role="status", **{"aria-live": "polite"}, children=[])


def footer() -> html.Footer:
    return html.Footer(className="page-footer", children=[html.P(ATTRIBUTION)])


def build_layout(data: AppData, topojson_url: str) -> html.Div:
    view = View()
    return html.Div(id=ids.APP_ROOT, className=view_classes(view), children=[
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.VIEW_STORE, data=view.to_store()),
        dcc.Store(id=ids.MAP_POSITION, data=None),
        header(data),
        notice(),
        html.Main(className="main", children=[
            html.Div(className="map-column", children=[map_panel(data, view, topojson_url), share_controls()]),
            html.Aside(className="sidebar", children=[layer_toggles(view), status_filter(view), route_list(data),
                                                      legend()]),
            html.Aside(className="panels", children=[
                panel_tabs(view),
                html.Section(statements_panel(data), id=ids.STATEMENTS_PANEL, role="tabpanel",
                             className="panel-section statements-section"),
                html.Section(details_placeholder(), id=ids.DETAILS_PANEL, role="tabpanel",
                             className="panel-section details-section", **{"aria-live": "polite"}),
                html.Section(map_table(data), role="tabpanel", className="panel-section table-section"),
            ]),
        ]),
        footer(),
    ])
