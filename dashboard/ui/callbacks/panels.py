"""What follows the view outside the map: route details, which cards and buttons are selected, the
open tab, the scenario's result; and the Scenarios tab, built when first opened."""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.figure.map_figure import highlighted_routes
from dashboard.ui.map_summary import map_summary
from dashboard.ui.panels import details_placeholder, route_details
from dashboard.ui.scenario_panel import event_detail, scenario_panel, scenario_result_view
from dashboard.view import View, view_classes


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        output={"details": Output(ids.DETAILS_PANEL, "children"),
                "card_classes": Output({"type": ids.STATEMENT_CARD, "id": ALL}, "className"),
                "card_pressed": Output({"type": ids.STATEMENT_CARD, "id": ALL}, "aria-pressed"),
                "route_classes": Output({"type": ids.ROUTE_LINK, "id": ALL}, "className"),
                "route_pressed": Output({"type": ids.ROUTE_LINK, "id": ALL}, "aria-pressed"),
                "tabs": Output({"type": ids.PANEL_TAB, "id": ALL}, "aria-selected"),
                "root": Output(ids.APP_ROOT, "className"),
                "results": Output(ids.every(ids.SCENARIO_RESULT), "children"),
                "event_details": Output(ids.every(ids.EVENT_DETAIL), "children"),
                "details_route": Output(ids.DETAILS_ROUTE, "data"),
                "summary": Output(ids.MAP_SUMMARY, "children")},
        inputs={"stored": Input(ids.VIEW_STORE, "data"),
                "card_classes": State({"type": ids.STATEMENT_CARD, "id": ALL}, "className"),
                "route_classes": State({"type": ids.ROUTE_LINK, "id": ALL}, "className"),
                "root_class": State(ids.APP_ROOT, "className"),
                "details_route": State(ids.DETAILS_ROUTE, "data")},
        prevent_initial_call=True,  # the layout is already rendered for the default view
    )
    def render_panels(stored, card_classes, route_classes, root_class, details_route):
        # Only what changed is sent: re-sending an unchanged class to the page's root would make React
        # walk the whole page again, which costs seconds on a large layout.
        view = View.from_store(stored)
        outputs = ctx.outputs_grouping
        route = data.registry.network.routes.get(view.route) if view.route else None
        details = (route_details(route, data) if route else details_placeholder()) \
            if (view.route or "") != (details_route or "") else no_update
        card_ids = [item["id"]["id"] for item in outputs["card_classes"]]
        route_ids = [item["id"]["id"] for item in outputs["route_classes"]]
        tab_ids = [item["id"]["id"] for item in outputs["tabs"]]
        highlighted = highlighted_routes(view, data.corpus)
        classes = view_classes(view)
        return {
            "details": details,
            "card_classes": only_changed([statement_card_class(sid, view, data) for sid in card_ids], card_classes),
            "card_pressed": [str(sid == view.statement).lower() for sid in card_ids],
            "route_classes": only_changed(["route-button is-selected" if rid in highlighted else "route-button"
                                           for rid in route_ids], route_classes),
            "route_pressed": [str(rid == view.route).lower() for rid in route_ids],
            "tabs": [str(tab == view.panel).lower() for tab in tab_ids],
            "root": classes if classes != root_class else no_update,
            "results": [scenario_result_view(data, view) for _ in outputs["results"]],
            "event_details": [event_detail(data, view) for _ in outputs["event_details"]],
            "details_route": view.route or "",
            "summary": map_summary(view, data),
        }

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
