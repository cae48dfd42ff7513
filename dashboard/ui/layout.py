"""The page, assembled from small named builders. build_layout reads like the page from top to bottom."""

from __future__ import annotations

import json

from dash import dcc, html

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.export.presets import FORMATS, PRESETS
from dashboard.captions import ATTRIBUTION, TITLE
from dashboard.figure.frame import DEVICE_FRAMES
from dashboard.figure.map_figure import build_figure, highlighted_routes
from dashboard.figure.styles import COMMODITY_LABELS, STATUS_STYLES
from dashboard.registry.layers import LAYERS
from dashboard.registry.model import COMMODITIES
from dashboard.ui.corridor_panel import CORRIDOR_SECTION
from dashboard.ui.legend import legend
from dashboard.ui.map_summary import map_summary
from dashboard.ui.panels import details_placeholder, filter_dropdowns, statements_panel
from dashboard.ui.placeholders import deferred, tab_placeholder
from dashboard.panels import SIDE_PANELS, Panel
from dashboard.named_views import NAMED_VIEWS
from dashboard.links import EMBED_LABELS, framing_note
from dashboard.view import EMBED_PANELS, RUSSIA_FILTERS, View, view_classes

def header(data: AppData, frame_ancestors: tuple[str, ...] = ("'self'",)) -> html.Header:
    return html.Header(className="page-header", children=[
        html.Div(className="titles", children=[
            html.H1(TITLE),
            html.P(className="subtitle", children=[
                "The Trans-Caspian International Transport Route (China → Kazakhstan → Caspian Sea → Azerbaijan → "
                "Georgia → Europe) beside the routes Kazakhstan exports oil and gas by, and what was said about it. ",
                html.Span(f"Data as of {data.data_as_of}; every figure links to its source.", className="as-of"),
            ]),
        ]),
        search_box(data),
        share_controls(frame_ancestors),
    ])


def search_box(data: AppData) -> html.Div:
    """Find a route, place, sea or country by any of its names: choosing one frames and selects it."""
    return html.Div(className="search", role="search", children=[
        # Its options come once the map has drawn (ui/callbacks/deferred.py): indexing them for search
        # cost the first draw ~40 ms.
        dcc.Dropdown(id=ids.SEARCH, options=[], value=None, searchable=True,
                     clearable=True, placeholder="Find a route, place, sea or country…", optionHeight=32,
                     className="search-box"),
    ])


def layer_toggles(view: View) -> html.Fieldset:
    return html.Fieldset(className="control", children=[
        html.Legend("Layers"),
        dcc.Checklist(id=ids.LAYER_TOGGLES, className="checklist",
                      options=[{"label": layer.label, "value": layer.id, "title": layer.description}
                               for layer in LAYERS],
                      value=[layer.id for layer in LAYERS if layer.id in view.layers]),
    ])


def status_filter(view: View) -> html.Fieldset:
    return html.Fieldset(className="control", children=[
        html.Legend("Status"),
        dcc.Checklist(id=ids.STATUS_FILTER,
                      options=[{"label": style.label, "value": status} for status, style in STATUS_STYLES.items()],
                      value=[status for status in STATUS_STYLES if status in view.statuses], className="checklist"),
    ])


def russia_filter(view: View) -> html.Fieldset:
    """Answer "which routes avoid Russia?" on the map (the crossing is computed from each line)."""
    return html.Fieldset(className="control", children=[
        html.Legend("Russia"),
        dcc.RadioItems(id=ids.RUSSIA_FILTER, value=view.russia or "all", className="checklist",
                       options=[{"label": "All routes", "value": "all"}]
                       + [{"label": label, "value": value} for value, label in RUSSIA_FILTERS.items()]),
    ])


def named_views_bar() -> html.Nav:
    """The questions people open the map with, each a link to its view."""
    return html.Nav(id=ids.NAMED_VIEWS, className="named-views", **{"aria-label": "Named views"}, children=[
        dcc.Link(named.label, href=f"?{named.query}" if named.query else "?", title=named.description,
                 className="named-view")
        for named in NAMED_VIEWS
    ])


def route_list(data: AppData, view: View | None = None) -> html.Ul:
    """Every route as a button: the keyboard's way to select what the mouse clicks on the map. With a
    view, its selected routes are shown pressed (what ui/callbacks/panels.py keeps up to date)."""
    highlighted = highlighted_routes(view, data.corpus) if view else set()
    groups = []
    for commodity in COMMODITIES:
        routes = [r for r in data.registry.network.routes.values() if r.commodity == commodity]
        groups.append(html.Li([
            html.Span(COMMODITY_LABELS[commodity], className="group-label"),
            html.Ul([html.Li(html.Button(route.short_name, id={"type": ids.ROUTE_LINK, "id": route.id}, n_clicks=0,
                                         className="route-button is-selected" if route.id in highlighted
                                         else "route-button",
                                         **{"aria-pressed": str(view is not None and route.id == view.route).lower()}))
                     for route in routes]),
        ]))
    return html.Ul(groups)


def route_list_nav() -> html.Nav:
    """The routes' list as served: its buttons come once the map has drawn (ui/callbacks/deferred.py)."""
    return html.Nav(id=ids.ROUTE_LIST, className="route-list", tabIndex="-1", **{"aria-label": "Routes"}, children=[
        html.H2("Routes"),
        html.Div(deferred("the routes"), id=ids.ROUTE_BUTTONS),
        html.Button("Clear selection", id=ids.CLEAR_SELECTION, n_clicks=0, className="clear"),
    ])


# Plotly's own buttons that would send the figure to another host (Chart Studio) or save a bare
# image without the report's legend and sources (the Export tab makes that): zoom, pan and reset stay.
MODE_BAR_REMOVED = ["select2d", "lasso2d", "toImage", "sendDataToCloud", "editInChartStudio"]


def map_config(topojson_url: str) -> dict:
    return {"topojsonURL": topojson_url, "displaylogo": False, "scrollZoom": True, "responsive": True,
            "showSendToCloud": False, "showEditInChartStudio": False, "modeBarButtonsToRemove": MODE_BAR_REMOVED}


def map_panel(data: AppData, view: View, topojson_url: str, instant_selection: bool = True) -> html.Section:
    """The map, with its legend on it (open by default, folds away), and the map in words for screen
    readers, announced when it changes (ui/map_summary.py). The page frames the map by its box's shape
    (data-frames: a phone's portrait box, drawn at --portrait-aspect, gets the portrait frame)."""
    return html.Section(id=ids.MAP_REGION, className="map-panel", tabIndex="-1",
                        style={"--portrait-aspect": str(DEVICE_FRAMES["aspect"])},
                        **{"aria-label": "Map", "aria-describedby": ids.MAP_SUMMARY,
                           "data-frames": json.dumps(DEVICE_FRAMES, separators=(",", ":"))}, children=[
        dcc.Graph(
            id=ids.MAP, figure=build_figure(data.registry, data.corpus, view, data.oil, data.timeline,
                                            instant_selection=instant_selection, corridor=data.corridor),
            className="map-graph", config=map_config(topojson_url),
        ),
        named_views_bar(),
        html.Details([html.Summary("Legend"),
                      html.Div(deferred("the legend"), id=ids.LEGEND_SLOT, className="legend-slot")],
                     open=True, className="map-legend"),
        html.P(map_summary(view, data), id=ids.MAP_SUMMARY, className="visually-hidden", role="status",
               **{"aria-live": "polite"}),
    ])


def skip_links() -> html.Nav:
    """The first stops of the Tab key: past the header and the controls, to the map or the route list."""
    return html.Nav(id=ids.SKIP_LINKS, className="skip-links", **{"aria-label": "Skip links"}, children=[
        html.A("Skip to the map", href=f"#{ids.MAP_REGION}", className="skip-link"),
        html.A("Skip to the routes", href=f"#{ids.ROUTE_LIST}", className="skip-link skip-to-routes"),
    ])


def share_controls(frame_ancestors: tuple[str, ...] = ("'self'",)) -> html.Details:
    """Copy a link to exactly this view, or build the iframe that embeds it in a portal: which panels,
    which size, a preview, the code, and whether this server lets another address frame it."""
    return html.Details(className="share-control", children=[
        html.Summary("Share", id=ids.SHARE_OPEN),
        html.Section(className="share", **{"aria-label": "Share this view"}, children=[
            html.Label(["Link to this view", dcc.Input(id=ids.SHARE_LINK, type="text", readOnly=True, value="",
                                                       className="share-field")]),
            dcc.Clipboard(id=ids.COPY_LINK, target_id=ids.SHARE_LINK, title="Copy link", className="copy",
                          content=None),
            html.Fieldset(className="control embed-options", children=[
                html.Legend("Embed in a portal: beside the map"),
                dcc.Checklist(id=ids.EMBED_PANEL_PICK, value=["legend"], inline=True, className="checklist",
                              options=[{"label": EMBED_PANEL_LABELS[p], "value": p} for p in EMBED_PANELS]),
                html.Legend("Size"),
                dcc.RadioItems(id=ids.EMBED_SIZE_PICK, value="800x500", inline=True, className="checklist",
                               options=[{"label": label, "value": key} for key, label in EMBED_LABELS.items()]),
            ]),
            html.Label(["Embed code", dcc.Textarea(id=ids.EMBED_CODE, readOnly=True, value="", rows=3,
                                                   className="share-field")]),
            dcc.Clipboard(id=ids.COPY_EMBED, target_id=ids.EMBED_CODE, title="Copy embed code", className="copy"),
            html.P(framing_note(frame_ancestors), className="hint framing-note"),
            html.Div(className="embed-preview", children=[
                html.Span("Preview (half size)", className="hint"),
                html.Iframe(id=ids.EMBED_PREVIEW, src="", title="Preview of the embedded view", className="preview"),
            ]),
        ]),
    ])


EMBED_PANEL_LABELS = {"legend": "Legend", "statements": "What was said", "details": "Route details"}


def embed_bar(data: AppData) -> html.Div:
    """In an embed only: the title, the attribution and the data's date, and the way to the full dashboard."""
    return html.Div(className="embed-bar", children=[
        html.Strong(TITLE, className="embed-title"),
        html.Span(f"Natural Earth boundaries · data as of {data.data_as_of}", className="embed-credit"),
        html.A("Open the full dashboard ↗", id=ids.EMBED_OPEN_FULL, href="", target="_blank", rel="noopener"),
    ])


def panel_tabs(view: View) -> html.Div:
    return html.Div(className="panel-tabs", role="tablist", children=[
        html.Button(panel.label, id={"type": ids.PANEL_TAB, "id": panel.id}, n_clicks=0, role="tab",
                    className="panel-tab", **{"aria-selected": str(panel.id == view.panel).lower()})
        for panel in SIDE_PANELS
    ])


def notice() -> html.Div:
    """Says which parts of a link could not be used; empty (and silent) otherwise."""
    return html.Div(id=ids.NOTICE, className="notice", role="status", **{"aria-live": "polite"}, children=[])


def footer() -> html.Footer:
    return html.Footer(className="page-footer", children=[html.P(ATTRIBUTION)])


def export_panel(unavailable: str) -> html.Div:
    """Download the current view as a report figure. Without a browser on the server, says why."""
    presets = [{"label": size.label, "value": key} for key, size in PRESETS.items()]
    presets.append({"label": "Custom size", "value": "custom"})
    disabled = bool(unavailable)
    return html.Div(className="export", children=[
        html.H2("Export this view"),
        html.P("A figure for a report: the map as you see it, with title, legend, sources, attribution and "
               "the link that reopens this view.", className="hint"),
        html.Fieldset(className="control", children=[
            html.Legend("Format"),
            dcc.RadioItems(id=ids.EXPORT_FORMAT, value="png", className="checklist", inline=True,
                           options=[{"label": f.upper(), "value": f} for f in FORMATS]),
        ]),
        html.Fieldset(className="control", children=[
            html.Legend("Size"),
            dcc.RadioItems(id=ids.EXPORT_PRESET, value="a4-landscape", options=presets, className="checklist"),
            html.Div(className="custom-size", children=[
                # No min/max on the inputs: an out-of-range number reaches the server, which says what the
                # limit is, instead of the browser silently sending nothing.
                html.Label(["Width (px)", dcc.Input(id=ids.EXPORT_WIDTH, type="number", value=1200)]),
                html.Label(["Height (px)", dcc.Input(id=ids.EXPORT_HEIGHT, type="number", value=800)]),
                html.Label(["Scale (PNG)", dcc.Input(id=ids.EXPORT_SCALE, type="number", value=2, step=0.25)]),
            ]),
        ]),
        dcc.Checklist(id=ids.EXPORT_QUOTE, value=[], className="checklist",
                      options=[{"label": "Add the selected statement as a pull quote", "value": "quote"}]),
        html.Button("Export", id=ids.EXPORT_BUTTON, n_clicks=0, className="export-button", disabled=disabled),
        html.Progress(id=ids.EXPORT_PROGRESS, max=3, value=0, hidden=True),
        html.Div(id=ids.EXPORT_STEP, className="hint", role="status"),
        html.Div(unavailable, id=ids.EXPORT_STATUS, className="export-status", role="status"),
        dcc.Download(id=ids.EXPORT_DOWNLOAD),
        html.H2("The data of this view"),
        html.P("The routes, legs and places the map shows, with every figure and its sources: GeoJSON for a GIS "
               "(WGS 84 longitude/latitude), CSV for a spreadsheet (the routes, as in Compare).", className="hint"),
        html.Div(className="data-buttons", children=[
            html.Button("Download GeoJSON", id=ids.DATA_GEOJSON, n_clicks=0, className="data-button"),
            html.Button("Download CSV", id=ids.DATA_CSV, n_clicks=0, className="data-button"),
        ]),
        dcc.Download(id=ids.DATA_DOWNLOAD),
    ])


# Each tab's section: its id (where a callback fills it) and what it holds when the page is served.
SECTION_IDS = {"statements": ids.STATEMENTS_PANEL, "details": ids.DETAILS_PANEL, "table": ids.COMPARE_SECTION,
               "scenario": ids.SCENARIO_SECTION, "corridor": CORRIDOR_SECTION, "export": ids.EXPORT_SECTION}


def section_contents(panel: Panel, data: AppData):
    if panel.lazy:  # built when first opened (ui/callbacks/): half the page's components, seldom needed at once
        return tab_placeholder(f"the {panel.label.lower()}")
    return {"statements": lambda: statements_panel(data), "details": details_placeholder,
            "export": lambda: deferred("the export options")}[panel.id]()


def deferred_parts(data: AppData, export_note: str = "") -> dict:
    """Parts of the page it is served without, by the id of the part that holds them: the Export tab,
    which the first view does not show, the statements' four filter dropdowns, which index their
    options as they mount, and the legend on the map, 54 components that React mounts (~0.6 ms each,
    cold) before the graph's. With the page, they held the map's first draw back by ~100 ms and ~30 ms.
    They come once the map has drawn (ui/callbacks/deferred.py); the filters built for the default view,
    which the view callback then sets to the page's (callbacks/view.py). The legend's box keeps its
    place meanwhile (assets/style.css), so the map's names avoid it from the first draw on.

    Only a part whose controls no callback listens to before it has come may wait: a callback that
    fires (on a change of the view, say) while one of its plain-id inputs is missing is an error. The
    Export tab's callbacks fire on its own buttons only; the filters' ids are pattern-matching."""
    return {ids.EXPORT_SECTION: export_panel(export_note), ids.FILTER_DROPDOWNS: filter_dropdowns(data, View()),
            ids.LEGEND_SLOT: legend()}


def section_attributes(panel: Panel) -> dict:
    attributes = {"id": SECTION_IDS[panel.id]} if panel.id in SECTION_IDS else {}
    if panel.id == "details":
        attributes["aria-live"] = "polite"
    return attributes


def build_layout(data: AppData, topojson_url: str,
                 instant_selection: bool = True, frame_ancestors: tuple[str, ...] = ("'self'",)) -> html.Div:
    """The page for the default view. `instant_selection` lets the page draw a clicked selection
    before the server answers (off only for the naive variant bench/selection.py compares with)."""
    view = View()
    return html.Div(id=ids.APP_ROOT, className=view_classes(view), children=[
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.VIEW_STORE, data=view.to_store()),
        dcc.Store(id=ids.MAP_POSITION, data=None),
        dcc.Store(id=ids.MAP_CLICK, data=None),
        dcc.Store(id=ids.MAP_STYLE, data=None),
        dcc.Store(id=ids.MAP_APPLIED, data=None),
        dcc.Store(id=ids.DETAILS_ROUTE, data=""),  # the route the details panel shows now
        dcc.Store(id=ids.COMPARE_KEY, data=None),  # None until the Compare tab is first opened
        dcc.Download(id=ids.COMPARE_DOWNLOAD),
        dcc.Store(id=ids.SCENARIO_BUILT, data=False),
        dcc.Store(id=ids.MAP_DRAWN, data=False),
        skip_links(),
        header(data, frame_ancestors),
        embed_bar(data),
        notice(),
        html.Main(className="main", children=[
            html.Div(className="map-column", children=[map_panel(data, view, topojson_url, instant_selection)]),
            html.Aside(className="sidebar", children=[layer_toggles(view), status_filter(view), russia_filter(view),
                                                      route_list_nav()]),
            html.Aside(className="panels", children=[panel_tabs(view)] + [
                html.Section(section_contents(panel, data), role="tabpanel",
                             className=f"panel-section {panel.id}-section", **section_attributes(panel))
                for panel in SIDE_PANELS]),
        ]),
        footer(),
    ])
