"""Callbacks, registered on one app instance. Each unpacks its inputs, calls pure functions and returns.

The view lives in the URL and, while the page is open, in a dcc.Store. One callback folds every user
event (or an opened URL) into the view, writes it back to the URL and sends the map's restyle with it
(only the trace properties that change, applied in the browser by assets/page.js); the others render
the panels, the comparison and the share links.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.export.jobs import ExportRequestError, dashboard_request
from dashboard.export.queue import as_stored
from dashboard.export.renderer import ExportFailed, ExportUnavailable
from dashboard.export.report_figure import report_figure
from dashboard.figure.map_figure import build_figure, highlighted_routes, restyle_for_view, restyle_groups, route_at
from dashboard.registry.layers import LAYER_IDS
from dashboard.registry.model import STATUSES
from dashboard.ui.panels import details_placeholder, route_details
from dashboard.compare import comparison_rows, next_sort, sort_rows, to_csv
from dashboard.ui.compare_panel import (COLUMNS, SOURCE_COLUMNS, capacity_chart, compare_panel, compare_table,
                                        comparison_key)
from dashboard.ui.scenario_panel import event_detail, scenario_controls, scenario_panel, scenario_result_view
from dashboard.url_state import Vocabulary, decode, encode
from dashboard.view import (View, choose_route, clear_selection, select_route, select_statement, view_classes, with_capacity,
                            with_event, with_layers, with_map_position, with_panel, with_statuses, with_switches)

EMBED_PATH = "embed"
EMBED_SIZE = (800, 500)


def route_from_click(click_data: dict | None, registry) -> str | None:
    """The route id a click on the map landed on, or None for a place marker or empty map."""
    points = (click_data or {}).get("points") or []
    if not points or not isinstance(points[0], dict):
        return None
    return route_at(registry, points[0].get("curveNumber"))


def apply_event(view: View, trigger: object, value: object, data: AppData, prop: str = "") -> View:
    """The next view after one user event; unknown or empty events leave the view as it was."""
    routes = data.registry.network.routes
    if trigger == ids.MAP and prop == "relayoutData":
        return with_map_position(view, value)
    if trigger == ids.LAYER_TOGGLES:
        return with_layers(view, value)
    if trigger == ids.STATUS_FILTER:
        return with_statuses(view, value)
    if trigger == ids.MAP:
        route_id = route_from_click(value, data.registry)
        return select_route(view, route_id) if route_id in routes else view
    if trigger == ids.CLEAR_SELECTION:
        return clear_selection(view) if value else view
    if isinstance(trigger, dict) and trigger.get("type") in SCENARIO_CONTROLS:
        return apply_scenario_event(view, trigger, value, data)
    if isinstance(trigger, dict) and value:
        kind, target = trigger.get("type"), trigger.get("id")
        if kind == ids.ROUTE_LINK and target in routes:
            return select_route(view, target)
        if kind == ids.STATEMENT_CARD and data.corpus.statement(target):
            return select_statement(view, target)
        if kind == ids.PANEL_TAB:
            return with_panel(view, target)
    if isinstance(trigger, dict) and trigger.get("type") == ids.COMPARE_ROW and value:
        return choose_route(view, trigger.get("id")) if trigger.get("id") in routes else view
    return view


SCENARIO_CONTROLS = (ids.SCENARIO_CAP, ids.SCENARIO_OFF, ids.EVENT_SLIDER, ids.SCENARIO_RESET)


def apply_scenario_event(view: View, trigger: dict, value: object, data: AppData) -> View:
    """The next view after a scenario control changed. A control that shows what the view already
    is changes nothing: that is also how the controls arrive when the Scenarios tab is first built."""
    kind, target = trigger.get("type"), trigger.get("id")
    leg = [target] if kind == ids.SCENARIO_CAP and target in data.oil.edges else []
    off, position, capacities = scenario_controls(view, data, leg)
    if leg and isinstance(value, (int, float)):
        if value == capacities[0]:
            return view
        edge = data.oil.edges[target]
        return with_capacity(view, edge.id, None if value == edge.capacity else value)
    if kind == ids.SCENARIO_OFF and isinstance(value, list):
        chosen = sorted(s for s in value if s in data.oil.switches)
        return view if chosen == off else with_switches(view, chosen)
    if kind == ids.EVENT_SLIDER and isinstance(value, int) and value != position:
        return with_event(view, data.timeline[value] if 0 <= value < len(data.timeline) else None)
    if kind == ids.SCENARIO_RESET and value:
        return with_event(view, None)
    return view


def view_from_location(pathname: str | None, search: str | None, vocabulary: Vocabulary) -> tuple[View, tuple]:
    """The view a URL asks for: its query, plus embedding when the path ends in /embed."""
    query = (search or "").lstrip("?")
    if (pathname or "").rstrip("/").endswith("/" + EMBED_PATH) and "embed=" not in query:
        query = f"{query}&embed=1" if query else "embed=1"
    return decode(query, vocabulary)


def share_links(href: str | None, view: View, title: str) -> tuple[str, str]:
    """(link to this view, iframe snippet embedding it), from the page's own address."""
    if not href:
        return "", ""
    parts = urlsplit(href)
    path = parts.path
    if path.rstrip("/").endswith("/" + EMBED_PATH):
        path = path.rstrip("/")[: -len(EMBED_PATH)]
    base = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    query = encode(View(**{**view.__dict__, "embed": False, "embed_panels": frozenset()}))
    link = base + (f"?{query}" if query else "")
    embed_query = encode(View(**{**view.__dict__, "embed": True}))
    width, height = EMBED_SIZE
    src = f"{base.rstrip('/')}/{EMBED_PATH}?{embed_query}"
    snippet = (f'<iframe src="{_attr(src)}" width="{width}" height="{height}" style="border:0" '
               f'title="{_attr(title)}" loading="lazy"></iframe>')
    return link, snippet


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def notice_children(ignored: tuple[str, ...]) -> list:
    if not ignored:
        return []
    return [html.Strong("Parts of this link could not be used and were ignored: "),
            html.Ul([html.Li(item) for item in ignored])]


def export_failed_result(message: str) -> object:
    """The Export callback's outputs for a failed export, as a finished job stores them: the queue
    manager answers with these when Redis is gone or no worker takes the job."""
    return as_stored([no_update, f"Export failed: {message}"])


def register_export_callback(app: Dash, data: AppData, manager, client) -> None:
    """The Export button: a background job (progress shown, button disabled meanwhile) that renders
    through the warm render service and hands the file to the browser."""

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
        except (ExportRequestError, ExportUnavailable, ExportFailed) as exc:
            set_progress((0, ""))
            return no_update, f"Export failed: {exc}"
        set_progress((3, ""))
        return dcc.send_bytes(content, filename), f"Exported {filename} ({len(content) / 1e6:.1f} MB)."


def register_callbacks(app: Dash, data: AppData, full_figure_updates: bool = False) -> None:
    """`full_figure_updates` rebuilds and resends the whole figure on every change, as a naive app
    would: kept only so bench/selection.py can measure what the in-browser restyle saves."""
    vocabulary = data.vocabulary

    def map_style(view: View):
        """The map's restyle for a view, sent with the view itself: no second round trip before the map
        changes. (The naive variant rebuilds the figure in a callback of its own instead.)"""
        if full_figure_updates:
            return no_update
        return restyle_groups(restyle_for_view(data.registry, data.corpus, view, data.oil))

    @app.callback(
        Output(ids.VIEW_STORE, "data"),
        Output(ids.URL, "search"),
        Output(ids.LAYER_TOGGLES, "value"),
        Output(ids.STATUS_FILTER, "value"),
        Output(ids.NOTICE, "children"),
        Output(ids.MAP_POSITION, "data"),
        Output(ids.every(ids.SCENARIO_OFF), "value"),
        Output(ids.every(ids.EVENT_SLIDER), "value"),
        Output({"type": ids.SCENARIO_CAP, "id": ALL}, "value"),
        Output(ids.MAP_STYLE, "data"),
        Input(ids.URL, "search"),
        Input(ids.LAYER_TOGGLES, "value"),
        Input(ids.STATUS_FILTER, "value"),
        Input(ids.MAP, "clickData"),
        Input(ids.MAP, "relayoutData"),
        Input(ids.CLEAR_SELECTION, "n_clicks"),
        Input({"type": ids.ROUTE_LINK, "id": ALL}, "n_clicks"),
        Input({"type": ids.STATEMENT_CARD, "id": ALL}, "n_clicks"),
        Input({"type": ids.PANEL_TAB, "id": ALL}, "n_clicks"),
        Input(ids.every(ids.SCENARIO_OFF), "value"),
        Input(ids.every(ids.EVENT_SLIDER), "value"),
        Input({"type": ids.SCENARIO_CAP, "id": ALL}, "value"),
        Input(ids.every(ids.SCENARIO_RESET), "n_clicks"),
        Input({"type": ids.COMPARE_ROW, "id": ALL}, "n_clicks"),
        State(ids.URL, "pathname"),
        State(ids.VIEW_STORE, "data"),
    )
    def update_view(search, _layers, _statuses, _click, _relayout, _clear, _routes, _cards, _tabs, _off, _event,
                    _caps, _reset, _table_rows, pathname, stored):
        trigger = ctx.triggered_id
        cap_ids = [item["id"]["id"] for item in ctx.outputs_list[8]]
        # The Scenarios tab's controls: none until it is first opened, then one of each.
        controls_shown = (len(ctx.outputs_list[6]), len(ctx.outputs_list[7]), len(cap_ids))
        unchanged_controls = tuple([no_update] * n for n in controls_shown)
        if trigger is None or trigger == ids.URL:  # the page was opened, or Back/Forward changed the URL
            view, ignored = view_from_location(pathname, search, vocabulary)
            if view.event and not view.off and not view.capacities:  # a link that names only the event
                view = with_event(view, data.event(view.event))
            if view == View.from_store(stored) and not ignored:  # the page as served is already this view
                return (no_update,) * 6 + unchanged_controls + (no_update,)
            return (view.to_store(), no_update, [x for x in LAYER_IDS if x in view.layers],
                    [x for x in STATUSES if x in view.statuses], notice_children(ignored),
                    {"center": view.center, "scale": view.scale},
                    *control_values(scenario_controls(view, data, cap_ids), controls_shown), map_style(view))
        view = View.from_store(stored)
        updated = view
        # A click on the map can arrive with a (zero) pan in the same request: fold every event in.
        for (prop_id, component), item in zip(ctx.triggered_prop_ids.items(), ctx.triggered):
            # Each input's own value: n_clicks is 0 when a button was only (re)created.
            updated = apply_event(updated, component, item["value"], data, prop_id.rsplit(".", 1)[-1])
        if updated == view:
            return (no_update,) * 6 + unchanged_controls + (no_update,)
        query = encode(updated)
        # Replaying an event or going back to today moves the switches and sliders with it.
        replayed = isinstance(trigger, dict) and trigger.get("type") in (ids.EVENT_SLIDER, ids.SCENARIO_RESET)
        controls = (control_values(scenario_controls(updated, data, cap_ids), controls_shown) if replayed
                    else unchanged_controls)
        return (updated.to_store(), (f"?{query}" if query else ""), no_update, no_update, no_update, no_update,
                *controls, map_style(updated))

    if full_figure_updates:
        @app.callback(Output(ids.MAP, "figure"), Input(ids.VIEW_STORE, "data"), prevent_initial_call=True)
        def rebuild_map(stored):
            return build_figure(data.registry, data.corpus, View.from_store(stored), data.oil, data.timeline)
    else:
        app.clientside_callback(ClientsideFunction("routeMap", "restyle"), Output(ids.MAP_APPLIED, "data"),
                                Input(ids.MAP_STYLE, "data"), prevent_initial_call=True)

    # Only when a URL names a position: the user's own pans and zooms stay with Plotly (uirevision).
    app.clientside_callback(ClientsideFunction("routeMap", "position"),
                            Output(ids.MAP_APPLIED, "data", allow_duplicate=True),
                            Input(ids.MAP_POSITION, "data"), prevent_initial_call=True)

    @app.callback(
        Output(ids.DETAILS_PANEL, "children"),
        Output({"type": ids.STATEMENT_CARD, "id": ALL}, "className"),
        Output({"type": ids.STATEMENT_CARD, "id": ALL}, "aria-pressed"),
        Output({"type": ids.ROUTE_LINK, "id": ALL}, "className"),
        Output({"type": ids.ROUTE_LINK, "id": ALL}, "aria-pressed"),
        Output({"type": ids.PANEL_TAB, "id": ALL}, "aria-selected"),
        Output(ids.APP_ROOT, "className"),
        Output(ids.every(ids.SCENARIO_RESULT), "children"),
        Output(ids.every(ids.EVENT_DETAIL), "children"),
        Output(ids.DETAILS_ROUTE, "data"),
        Input(ids.VIEW_STORE, "data"),
        State({"type": ids.STATEMENT_CARD, "id": ALL}, "className"),
        State({"type": ids.ROUTE_LINK, "id": ALL}, "className"),
        State(ids.APP_ROOT, "className"),
        State(ids.DETAILS_ROUTE, "data"),
        prevent_initial_call=True,  # the layout is already rendered for the default view
    )
    def render_panels(stored, card_classes, button_classes, root_class, details_route):
        # Only what changed is sent: re-sending an unchanged class to the page's root would make React
        # walk the whole page again, which costs seconds on a large layout.
        view = View.from_store(stored)
        route = data.registry.network.routes.get(view.route) if view.route else None
        details = (route_details(route, data) if route else details_placeholder()) \
            if (view.route or "") != (details_route or "") else no_update
        card_ids = [item["id"]["id"] for item in ctx.outputs_list[1]]
        highlighted = highlighted_routes(view, data.corpus)
        route_ids = [item["id"]["id"] for item in ctx.outputs_list[3]]
        tab_ids = [item["id"]["id"] for item in ctx.outputs_list[5]]
        classes = view_classes(view)
        return (details,
                only_changed([statement_card_class(sid, view, data) for sid in card_ids], card_classes),
                [str(sid == view.statement).lower() for sid in card_ids],
                only_changed(["route-button is-selected" if rid in highlighted else "route-button"
                              for rid in route_ids], button_classes),
                [str(rid == view.route).lower() for rid in route_ids],
                [str(tab == view.panel).lower() for tab in tab_ids],
                classes if classes != root_class else no_update,
                [scenario_result_view(data, view) for _ in ctx.outputs_list[7]],
                [event_detail(data, view) for _ in ctx.outputs_list[8]], view.route or "")

    @app.callback(
        Output(ids.SCENARIO_SECTION, "children"),
        Output(ids.SCENARIO_BUILT, "data"),
        Input(ids.VIEW_STORE, "data"),
        State(ids.SCENARIO_BUILT, "data"),
        prevent_initial_call=True,  # the page opens on the statements
    )
    def open_scenarios(stored, built):
        view = View.from_store(stored)
        if built or view.panel != "scenario":
            return no_update, no_update
        return scenario_panel(data, view), True

    @app.callback(
        Output(ids.COMPARE_SORT, "data"),
        Input({"type": ids.SORT_BUTTON, "id": ALL}, "n_clicks"),
        State(ids.COMPARE_SORT, "data"),
        prevent_initial_call=True,
    )
    def sort_compare(_clicks, sort):
        if not ctx.triggered or not ctx.triggered[0]["value"]:  # headers re-rendered, not clicked
            return no_update
        return next_sort(sort, ctx.triggered_id["id"])

    @app.callback(
        Output(ids.COMPARE_SECTION, "children"),
        Output(ids.every(ids.COMPARE_TABLE), "children"),
        Output(ids.every(ids.COMPARE_CHART), "figure"),
        Output(ids.COMPARE_KEY, "data"),
        Input(ids.VIEW_STORE, "data"),
        Input(ids.COMPARE_SORT, "data"),
        State(ids.COMPARE_KEY, "data"),
        prevent_initial_call=True,
    )
    def render_compare(stored, sort, shown):
        # Built when the Compare tab is first opened; after that the chart follows the selection and
        # the table is rebuilt only when its rows or their order change: rebuilding it on every
        # selection made Dash re-index its buttons, a second a click.
        view = View.from_store(stored)
        tables, charts = len(ctx.outputs_list[1]), len(ctx.outputs_list[2])
        if shown is None and view.panel != "table":
            return no_update, [no_update] * tables, [no_update] * charts, no_update
        rows = comparison_rows(data, view)
        key = comparison_key(rows, sort)
        if shown is None:
            return compare_panel(data, rows, sort, view.route), [no_update] * tables, [no_update] * charts, key
        table = compare_table(rows, sort, view.route) if key != shown else no_update
        return no_update, [table] * tables, [capacity_chart(rows, view.route)] * charts, key

    @app.callback(
        Output(ids.COMPARE_DOWNLOAD, "data"),
        Input(ids.every(ids.COMPARE_CSV), "n_clicks"),
        State(ids.VIEW_STORE, "data"),
        State(ids.COMPARE_SORT, "data"),
        prevent_initial_call=True,
    )
    def download_compare(_clicks, stored, sort):
        if not ctx.triggered or not ctx.triggered[0]["value"]:  # the button was only (re)created
            return no_update
        rows = sort_rows(comparison_rows(data, View.from_store(stored)), (sort or {}).get("column"),
                         bool((sort or {}).get("descending")))
        return dcc.send_string(to_csv(rows, COLUMNS + SOURCE_COLUMNS), "middle-corridor-routes.csv")

    @app.callback(
        Output(ids.SHARE_LINK, "value"),
        Output(ids.EMBED_CODE, "value"),
        Input(ids.VIEW_STORE, "data"),
        State(ids.URL, "href"),
    )
    def render_share(stored, href):
        return share_links(href, View.from_store(stored), app.title)


def control_values(values: tuple, shown: tuple[int, int, int]) -> tuple:
    """The scenario controls' values as their (pattern-matching) outputs take them: one list per kind,
    as long as the controls on the page (none before the Scenarios tab is built)."""
    off, position, capacities = values
    return [off] * shown[0], [position] * shown[1], capacities[:shown[2]]


def only_changed(new: list, old: list) -> list:
    return [value if value != previous else no_update for value, previous in zip(new, old or [None] * len(new))]


def statement_card_class(statement_id: str, view: View, data: AppData) -> str:
    """Selected, related to the selected route, unrelated to it, or neutral."""
    classes = ["statement-card"]
    if statement_id == view.statement:
        classes.append("is-selected")
    if view.route:
        statement = data.corpus.statement(statement_id)
        classes.append("is-related" if statement and view.route in statement.route_ids else "is-unrelated")
    return " ".join(classes)

