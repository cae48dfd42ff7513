"""The next view after a user event, and the view an address asks for: pure, tested without Dash's
server. The callbacks (ui/callbacks/view.py) unpack what Dash sends and call these."""

from __future__ import annotations

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.figure.map_figure import route_at
from dataclasses import replace

from dashboard.compare import next_sort
from dashboard.links import EMBED_PATH
from dashboard.search import view_for
from dashboard.ui.scenario_panel import scenario_controls
from dashboard.statements.query import find, page_count
from dashboard.url_state import Vocabulary, decode
from dashboard.view import (clear_statement_filters, statement_filters, with_page_step,
                            with_statement_filter)
from dashboard.view import (View, choose_route, clear_selection, select_route, select_statement, with_capacity,
                            with_event, with_layers, with_map_position, with_panel, with_russia, with_statuses,
                            with_switches)

SCENARIO_CONTROLS = (ids.SCENARIO_CAP, ids.SCENARIO_OFF, ids.EVENT_SLIDER, ids.SCENARIO_RESET)


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
    if trigger == ids.RUSSIA_FILTER:
        return with_russia(view, value)
    if trigger == ids.SEARCH:
        entry = next((e for e in data.search if e.key == value), None)
        return view_for(entry, view) if entry else view
    if trigger == ids.MAP_CLICK:
        route_id = route_from_click(value, data.registry)
        return select_route(view, route_id) if route_id in routes else view
    if trigger == ids.CLEAR_SELECTION:
        return clear_selection(view) if value else view
    if isinstance(trigger, dict) and trigger.get("type") in SCENARIO_CONTROLS:
        return apply_scenario_event(view, trigger, value, data)
    if isinstance(trigger, dict) and trigger.get("type") in (ids.STATEMENT_FILTER, ids.STATEMENT_ACTION):
        return apply_statement_event(view, trigger, value, data)
    if isinstance(trigger, dict) and value:
        kind, target = trigger.get("type"), trigger.get("id")
        if kind == ids.ROUTE_LINK and target in routes:
            return select_route(view, target)
        if kind == ids.STATEMENT_CARD and data.corpus.statement(target):
            return select_statement(view, target)
        if kind == ids.PANEL_TAB:
            return with_panel(view, target)
    if isinstance(trigger, dict) and trigger.get("type") == ids.STATEMENT_LINK and value:
        return follow_statement_link(view, str(trigger.get("id")), data)
    if isinstance(trigger, dict) and trigger.get("type") == ids.DETAILS_STATEMENT and value:
        target = trigger.get("id")
        return replace(view, statement=target, panel="statements") if data.corpus.statement(target) else view
    if isinstance(trigger, dict) and trigger.get("type") == ids.SORT_BUTTON and value:
        return replace(view, compare_by=next_sort(view.compare_by, trigger.get("id")))
    if isinstance(trigger, dict) and trigger.get("type") == ids.COMPARE_ROW and value:
        return choose_route(view, trigger.get("id")) if trigger.get("id") in routes else view
    return view


def follow_statement_link(view: View, link_id: str, data: AppData) -> View:
    """A route or place named beside a statement: the route is selected (the panel stays with the
    statements), the place framed and ringed, as search does."""
    kind, _, rest = link_id.partition(":")
    target = rest.split("@", 1)[0]
    if kind == "route" and target in data.registry.network.routes:
        return choose_route(view, target)
    entry = next((e for e in data.search if e.key == f"place:{target}"), None) if kind == "place" else None
    return view_for(entry, view) if entry else view


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


def apply_statement_event(view: View, trigger: dict, value: object, data: AppData) -> View:
    """A filter of the statements panel changed, or its pager or 'Clear filters' was pressed (a button
    only (re)created has n_clicks 0 and changes nothing)."""
    if trigger.get("type") == ids.STATEMENT_FILTER:
        return with_statement_filter(view, trigger.get("id"), value)
    if not value:
        return view
    if trigger.get("id") == "clear":
        return clear_statement_filters(view)
    found = find(data.corpus.index, statement_filters(view))
    return with_page_step(view, trigger.get("id"), page_count(len(found)))


def view_from_location(pathname: str | None, search: str | None, vocabulary: Vocabulary) -> tuple[View, tuple]:
    """The view a URL asks for: its query, plus embedding when the path ends in /embed."""
    query = (search or "").lstrip("?")
    if (pathname or "").rstrip("/").endswith("/" + EMBED_PATH) and "embed=" not in query:
        query = f"{query}&embed=1" if query else "embed=1"
    return decode(query, vocabulary)
