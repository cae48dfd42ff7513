"""The view: one callback folds every user event (or an opened URL) into it, writes it back to the
URL and sends the map's restyle with it (only the trace properties that change, applied in the
browser by assets/page.js), so the map changes without a second round trip."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, html, no_update

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.figure.map_figure import build_figure, restyle_for_view, restyle_groups
from dashboard.registry.layers import LAYER_IDS
from dashboard.registry.model import STATUSES
from dashboard.ui.scenario_panel import scenario_controls
from dashboard.ui.view_events import apply_event, view_from_location
from dashboard.ui.callbacks.statements import control_updates
from dashboard.url_state import encode, with_statement_facets
from dashboard.view import View, with_event

# The view callback's outputs by name; the scenario controls are pattern-matching (none on the page
# until the Scenarios tab is first opened, then one of each).
OUTPUTS = {
    "store": Output(ids.VIEW_STORE, "data"),
    "search": Output(ids.URL, "search"),
    "layers": Output(ids.LAYER_TOGGLES, "value"),
    "statuses": Output(ids.STATUS_FILTER, "value"),
    "russia": Output(ids.RUSSIA_FILTER, "value"),
    "notice": Output(ids.NOTICE, "children"),
    "position": Output(ids.MAP_POSITION, "data"),
    "off": Output(ids.every(ids.SCENARIO_OFF), "value"),
    "event": Output(ids.every(ids.EVENT_SLIDER), "value"),
    "caps": Output({"type": ids.SCENARIO_CAP, "id": ALL}, "value"),
    "map_style": Output(ids.MAP_STYLE, "data"),
    "statement_filters": Output({"type": ids.STATEMENT_FILTER, "id": ALL}, "value"),
    "search_pick": Output(ids.SEARCH, "value"),
}
EVENT_INPUTS = {
    "search": Input(ids.URL, "search"),
    "layers": Input(ids.LAYER_TOGGLES, "value"),
    "statuses": Input(ids.STATUS_FILTER, "value"),
    "russia": Input(ids.RUSSIA_FILTER, "value"),
    "search_pick": Input(ids.SEARCH, "value"),
    "click": Input(ids.MAP_CLICK, "data"),
    "relayout": Input(ids.MAP, "relayoutData"),
    "clear": Input(ids.CLEAR_SELECTION, "n_clicks"),
    "routes": Input({"type": ids.ROUTE_LINK, "id": ALL}, "n_clicks"),
    "cards": Input({"type": ids.STATEMENT_CARD, "id": ALL}, "n_clicks"),
    "tabs": Input({"type": ids.PANEL_TAB, "id": ALL}, "n_clicks"),
    "off": Input(ids.every(ids.SCENARIO_OFF), "value"),
    "event": Input(ids.every(ids.EVENT_SLIDER), "value"),
    "caps": Input({"type": ids.SCENARIO_CAP, "id": ALL}, "value"),
    "reset": Input(ids.every(ids.SCENARIO_RESET), "n_clicks"),
    "table_rows": Input({"type": ids.COMPARE_ROW, "id": ALL}, "n_clicks"),
    "table_sort": Input({"type": ids.SORT_BUTTON, "id": ALL}, "n_clicks"),
    "statement_links": Input({"type": ids.STATEMENT_LINK, "id": ALL}, "n_clicks"),
    "details_statements": Input({"type": ids.DETAILS_STATEMENT, "id": ALL}, "n_clicks"),
    "statement_filters": Input({"type": ids.STATEMENT_FILTER, "id": ALL}, "value"),
    "statement_actions": Input({"type": ids.STATEMENT_ACTION, "id": ALL}, "n_clicks"),
    "pathname": State(ids.URL, "pathname"),
    "stored": State(ids.VIEW_STORE, "data"),
}


def notice_children(ignored: tuple[str, ...]) -> list:
    if not ignored:
        return []
    return [html.Strong("Parts of this link could not be used and were ignored: "),
            html.Ul([html.Li(item) for item in ignored])]


def control_values(values: tuple, shown: tuple[int, int, int]) -> tuple:
    """The scenario controls' values as their (pattern-matching) outputs take them: one list per kind,
    as long as the controls on the page (none before the Scenarios tab is built)."""
    off, position, capacities = values
    return [off] * shown[0], [position] * shown[1], capacities[:shown[2]]


def register(app: Dash, data: AppData, full_figure_updates: bool = False) -> None:
    """`full_figure_updates` rebuilds and resends the whole figure on every change, as a naive app
    would: kept only so bench/selection.py can measure what the in-browser restyle saves."""
    vocabulary = with_statement_facets(data.vocabulary, data.corpus.index)

    def map_style(view: View):
        if full_figure_updates:
            return no_update
        return restyle_groups(restyle_for_view(data.registry, data.corpus, view, data.oil, data.corridor))

    @app.callback(output=OUTPUTS, inputs=EVENT_INPUTS)
    def update_view(search, pathname, stored, **_events):
        outputs = ctx.outputs_grouping
        cap_ids = [item["id"]["id"] for item in outputs["caps"]]
        shown = (len(outputs["off"]), len(outputs["event"]), len(cap_ids))
        unchanged = dict.fromkeys(OUTPUTS, no_update) | {"off": [no_update] * shown[0],
                                                           "event": [no_update] * shown[1],
                                                           "caps": [no_update] * shown[2],
                                                           "statement_filters": [no_update] * len(
                                                               outputs["statement_filters"])}

        def with_statement_controls(view: View) -> dict:  # a link, 'Clear filters' or a tidied search
            return {"statement_filters": control_updates(view, _events["statement_filters"],
                                                         outputs["statement_filters"])}

        def with_controls(view: View) -> dict:
            off, event, caps = control_values(scenario_controls(view, data, cap_ids), shown)
            return {"off": off, "event": event, "caps": caps}

        trigger = ctx.triggered_id
        # The page was opened (every input counts as triggered then), or Back/Forward changed the URL.
        if trigger is None or f"{ids.URL}.search" in ctx.triggered_prop_ids:
            view, ignored = view_from_location(pathname, search, vocabulary)
            if view.event and not view.off and not view.capacities:  # a link that names only the event
                view = with_event(view, data.event(view.event))
            if view == View.from_store(stored) and not ignored:  # the page as served is already this view
                # ... but for controls that came later, built for the default view (the filter
                # dropdowns, layout.deferred_parts): set them to it.
                return unchanged | with_statement_controls(view)
            return unchanged | with_controls(view) | with_statement_controls(view) | {
                "store": view.to_store(), "layers": [x for x in LAYER_IDS if x in view.layers],
                "statuses": [x for x in STATUSES if x in view.statuses], "russia": view.russia or "all",
                "notice": notice_children(ignored),
                "position": {"center": view.center, "scale": view.scale, "rotation": view.rotation},
                "map_style": map_style(view)}
        view = View.from_store(stored)
        updated = view
        # A click on the map can arrive with a (zero) pan in the same request: fold every event in.
        for (prop_id, component), item in zip(ctx.triggered_prop_ids.items(), ctx.triggered):
            # Each input's own value: n_clicks is 0 when a button was only (re)created.
            updated = apply_event(updated, component, item["value"], data, prop_id.rsplit(".", 1)[-1])
        if updated == view:  # e.g. buttons that came (n_clicks 0), with the filters built for the default view
            return unchanged | with_statement_controls(view)
        query = encode(updated)
        # Replaying an event or going back to today moves the switches and sliders with it.
        replayed = isinstance(trigger, dict) and trigger.get("type") in (ids.EVENT_SLIDER, ids.SCENARIO_RESET)
        # A search result moves the map there (the position the view names) and empties the box.
        framed = trigger == ids.SEARCH or (isinstance(trigger, dict) and trigger.get("type") == ids.STATEMENT_LINK
                                            and updated.place != view.place)
        found = {"position": {"center": updated.center, "scale": updated.scale, "rotation": None},
                 "search_pick": None if trigger == ids.SEARCH else no_update} if framed else {}
        return unchanged | (with_controls(updated) if replayed else {}) | with_statement_controls(updated) | {
            "store": updated.to_store(), "search": f"?{query}" if query else "", "map_style": map_style(updated)} | found

    if full_figure_updates:
        @app.callback(Output(ids.MAP, "figure"), Input(ids.VIEW_STORE, "data"), prevent_initial_call=True)
        def rebuild_map(stored):
            return build_figure(data.registry, data.corpus, View.from_store(stored), data.oil, data.timeline,
                                corridor=data.corridor)
    else:
        app.clientside_callback(ClientsideFunction("routeMap", "restyle"), Output(ids.MAP_APPLIED, "data"),
                                Input(ids.MAP_STYLE, "data"), prevent_initial_call=True)

    # A click on the map reaches the view only if it was not the end of a drag (page.js).
    app.clientside_callback(ClientsideFunction("routeMap", "click"), Output(ids.MAP_CLICK, "data"),
                            Input(ids.MAP, "clickData"), prevent_initial_call=True)

    # Only when a URL names a position: the user's own pans and zooms stay with Plotly (uirevision).
    app.clientside_callback(ClientsideFunction("routeMap", "position"),
                            Output(ids.MAP_APPLIED, "data", allow_duplicate=True),
                            Input(ids.MAP_POSITION, "data"), prevent_initial_call=True)
