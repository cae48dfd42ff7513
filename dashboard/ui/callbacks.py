"""Callbacks, registered on one app instance. Each unpacks its inputs, calls pure functions and returns.

The view lives in a dcc.Store; one callback folds every user event into it, and two others render it:
the map as a Patch (a few properties of the traces that change, never the whole figure) and the
panels.
"""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, Patch, State, ctx, no_update

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.figure.map_figure import highlighted_routes, restyle_for_view, route_at
from dashboard.ui.panels import details_placeholder, route_details
from dashboard.view import View, clear_selection, select_route, select_statement, with_layers, with_statuses


def route_from_click(click_data: dict | None, registry) -> str | None:
    """The route id a click on the map landed on, or None for a place marker or empty map."""
    points = (click_data or {}).get("points") or []
    if not points or not isinstance(points[0], dict):
        return None
    return route_at(registry, points[0].get("curveNumber"))


def apply_event(view: View, trigger: object, value: object, data: AppData) -> View:
    """The next view after one user event; unknown or empty events leave the view as it was."""
    routes = data.registry.network.routes
    if trigger == ids.LAYER_TOGGLES:
        return with_layers(view, value)
    if trigger == ids.STATUS_FILTER:
        return with_statuses(view, value)
    if trigger == ids.MAP:
        route_id = route_from_click(value, data.registry)
        return select_route(view, route_id) if route_id in routes else view
    if trigger == ids.CLEAR_SELECTION:
        return clear_selection(view) if value else view
    if isinstance(trigger, dict) and value:
        if trigger.get("type") == ids.ROUTE_LINK and trigger.get("id") in routes:
            return select_route(view, trigger["id"])
        if trigger.get("type") == ids.STATEMENT_CARD and data.corpus.statement(trigger.get("id")):
            return select_statement(view, trigger["id"])
    return view


def register_callbacks(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(ids.VIEW_STORE, "data"),
        Input(ids.LAYER_TOGGLES, "value"),
        Input(ids.STATUS_FILTER, "value"),
        Input(ids.MAP, "clickData"),
        Input(ids.CLEAR_SELECTION, "n_clicks"),
        Input({"type": ids.ROUTE_LINK, "id": ALL}, "n_clicks"),
        Input({"type": ids.STATEMENT_CARD, "id": ALL}, "n_clicks"),
        State(ids.VIEW_STORE, "data"),
        prevent_initial_call=True,
    )
    def update_view(layers, statuses, click, clear, route_clicks, statement_clicks, stored):
        # The triggering input's own value: n_clicks is 0 when a button was only (re)created.
        value = ctx.triggered[0]["value"] if ctx.triggered else None
        view = View.from_store(stored)
        updated = apply_event(view, ctx.triggered_id, value, data)
        return no_update if updated == view else updated.to_store()

    @app.callback(Output(ids.MAP, "figure"), Input(ids.VIEW_STORE, "data"), prevent_initial_call=True)
    def restyle_map(stored):
        patch = Patch()
        for index, change in restyle_for_view(data.registry, data.corpus, View.from_store(stored)).items():
            for prop, value in change.items():
                target = patch["data"][index]
                for part in prop.split(".")[:-1]:
                    target = target[part]
                target[prop.split(".")[-1]] = value
        return patch

    @app.callback(
        Output(ids.DETAILS_PANEL, "children"),
        Output({"type": ids.STATEMENT_CARD, "id": ALL}, "className"),
        Output({"type": ids.STATEMENT_CARD, "id": ALL}, "aria-pressed"),
        Output({"type": ids.ROUTE_LINK, "id": ALL}, "className"),
        Output({"type": ids.ROUTE_LINK, "id": ALL}, "aria-pressed"),
        Input(ids.VIEW_STORE, "data"),
        prevent_initial_call=True,  # the layout is already rendered for the initial view
    )
    def render_panels(stored):
        view = View.from_store(stored)
        route = data.registry.network.routes.get(view.route) if view.route else None
        details = route_details(route, data) if route else details_placeholder()
        card_ids = [item["id"]["id"] for item in ctx.outputs_list[1]]
        cards = [statement_card_class(sid, view, data) for sid in card_ids]
        highlighted = highlighted_routes(view, data.corpus)
        route_ids = [item["id"]["id"] for item in ctx.outputs_list[3]]
        buttons = ["route-button is-selected" if rid in highlighted else "route-button" for rid in route_ids]
        return (details, cards, [str(sid == view.statement).lower() for sid in card_ids], buttons,
                [str(rid == view.route).lower() for rid in route_ids])


def statement_card_class(statement_id: str, view: View, data: AppData) -> str:
    """Selected, related to the selected route, unrelated to it, or neutral."""
    classes = ["statement-card"]
    if statement_id == view.statement:
        classes.append("is-selected")
    if view.route:
        statement = data.corpus.statement(statement_id)
        classes.append("is-related" if statement and view.route in statement.route_ids else "is-unrelated")
    return " ".join(classes)
