"""The map in words, for a reader who cannot see it: which routes it shows, which are highlighted
and why, and a scenario's result. A visually hidden live region beside the map holds it (ui/layout.py)
and the panels callback keeps it current, so a screen reader announces each change. Pure text from
the View, by the figure's own rules (route_shown, highlighted_routes, scenario_result); no Dash."""

from __future__ import annotations

from dashboard.appdata import AppData
from dashboard.figure.map_figure import highlighted_routes, route_shown, scenario_result
from dashboard.figure.styles import STATUS_STYLES
from dashboard.registry.layers import LAYERS
from dashboard.registry.model import STATUSES
from dashboard.scenario.summary import headline
from dashboard.view import View

QUOTE_WORDS = 14  # enough of a statement to recognise it; the card beside the map has the rest


def map_summary(view: View, data: AppData) -> str:
    return " ".join(part for part in (shown_sentence(view, data), selection_sentence(view, data),
                                      scenario_sentence(view, data)) if part)


def shown_sentence(view: View, data: AppData) -> str:
    routes = data.registry.network.routes
    shown = sum(route_shown(route, view) for route in routes.values())
    filters = []
    hidden_layers = [layer.label for layer in LAYERS if layer.id not in view.layers]
    if hidden_layers:
        filters.append("layers off: " + ", ".join(hidden_layers))
    if set(view.statuses) != set(STATUSES):
        filters.append("statuses shown: " + (", ".join(STATUS_STYLES[s].label for s in STATUSES if s in view.statuses)
                                             or "none"))
    return (f"The map shows {shown} of {len(routes)} routes of the Middle Corridor and Kazakhstan's exports"
            + (f" ({'; '.join(filters)})" if filters else "") + ".")


def selection_sentence(view: View, data: AppData) -> str:
    routes = data.registry.network.routes
    highlighted = highlighted_routes(view, data.corpus)
    if not highlighted:
        return "Nothing is selected: choose a route or a statement to highlight its routes."
    parts = []
    if view.route in routes:
        parts.append(f"Selected route: {routes[view.route].name}.")
    statement = data.corpus.statement(view.statement) if view.statement else None
    if statement:
        words = statement.text.split()
        excerpt = " ".join(words[:QUOTE_WORDS]) + ("…" if len(words) > QUOTE_WORDS else "")
        parts.append(f"Selected statement, {statement.speaker.name}: “{excerpt}”"
                     + (f", which concerns {names(statement.route_ids, data)}." if statement.route_ids
                        else ", which names no route on the map."))
    hidden = [route_id for route_id in highlighted if route_id in routes and not route_shown(routes[route_id], view)]
    parts.append(f"Highlighted: {len(highlighted)} route{'s' if len(highlighted) != 1 else ''}, the others faded"
                 + (f"; {len(hidden)} of them hidden by the layers or statuses chosen" if hidden else "") + ".")
    return " ".join(parts)


def scenario_sentence(view: View, data: AppData) -> str:
    result = scenario_result(view, data.oil)
    if result is None or not result.changed:
        return ""
    event = data.event(view.event)
    if event:
        what = f"Scenario: {event.date}, {event.title}."
    else:
        off = [data.oil.switches[s].label for s in sorted(view.off) if s in data.oil.switches]
        resized = [data.oil.edges[e].label for e, _ in view.capacities if e in data.oil.edges]
        what = "Scenario: " + "; ".join(filter(None, ("switched off: " + ", ".join(off) if off else "",
                                                      "resized: " + ", ".join(resized) if resized else ""))) + "."
    return f"{what} {headline(result, data.oil.volume_year)}"


def names(route_ids, data: AppData) -> str:
    routes = data.registry.network.routes
    return ", ".join(routes[r].short_name for r in route_ids if r in routes)
