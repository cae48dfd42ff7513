"""The route map as a Plotly figure dict (Scattergeo and Choropleth on a conic projection: SVG, no
tiles, no token), and the small patches that restyle it when the view changes.

Traces are laid out by `trace_keys`, a fixed order derived from the registry, so a callback can
change one trace's visibility or opacity by index without resending the figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import shapely
from shapely.geometry import mapping, shape

from dashboard.figure.scenario_traces import (bottleneck_data, bottleneck_trace, corridor_binding_trace, events_trace,
                                              lines_of, off_line_trace, off_routes, off_veil_trace, out_data,
                                              out_trace)
from dashboard.corridor.model import binding_legs, corridor_result
from dashboard.corridor.network import CorridorNetwork
from dashboard.corridor.whatif import CorridorWhatIf
from dashboard.figure.frame import GEO_FRAME
from dashboard.figure.labels import (ROUTE_LABELS, area_label_trace, is_story, place_label_trace, place_name,
                                     place_priority, place_sides, route_label_trace)
from dashboard.figure.styles import (
    BORDER_COLOUR, CASING_COLOUR, COAST_COLOUR, DIMMED_OPACITY, HALO, HIGHLIGHT_COLOUR, LAND_COLOUR, MARK_EVERY,
    MODE_DASHES, MODE_LABELS, NODE_COLOUR, NODE_SYMBOLS, ROUTE_ROLES, SEA_COLOUR, STATUS_STYLES, STORY, route_colour,
    route_width,
)
from dashboard.registry.layers import AREA_LAYERS, layer
from dashboard.registry.load import Registry
from dashboard.registry.model import Leg, Node, Route
from dashboard.scenario.flow import FlowResult, Scenario, export_capacity
from dashboard.scenario.network import OilNetwork, TimelineEvent
from dashboard.statements.seeds import Corpus
from dashboard.view import View

TraceKey = tuple[str, ...]
UIREVISION = "route-map"  # constant: pan and zoom survive every update of the figure
SELECTED_MAIN_BELOW = 20  # a place whose label's priority is below this is one of the story's main places
SELECTED_FROM = 4.5  # selected places' names: after the story's countries and seas, before any other place's
HIGHLIGHT_MARKER = {"symbol": "circle-open", "size": 14, "color": HIGHLIGHT_COLOUR, "line": {"width": 3}}


def _route_order(route: Route) -> int:
    """The alternative at the bottom (beneath the story's casing: where the Northern corridor shares the
    Middle Corridor's line in China, its grey dashes would show through the gaps in the story's), the
    context above the casing, the story's route on top of everything."""
    role = ROUTE_ROLES.get(route.id)
    return 2 if role is STORY else 0 if role else 1


def trace_keys(registry: Registry) -> tuple[TraceKey, ...]:
    """The figure's traces, bottom to top: one per area layer; per (route, mode) - a route's legs of
    one mode share a style, so they share a trace, which keeps the figure to a few dozen traces - the
    alternative's, then a casing beneath the story's routes, the context's and the story's; over them
    what a scenario switched off; per kind of place; then the names, the selection, and the countries'
    and seas' names on top: they may lie over a selection's rings (map_labels.js) and stay legible there."""
    keys: list[TraceKey] = [("area", area.id) for area in AREA_LAYERS]
    keys.append(("scenario", "bottleneck"))  # under the routes, so the binding legs glow beneath them
    keys.append(("corridor", "binds"))  # likewise the corridor's binding element (Corridor tab)
    routes = sorted(registry.network.routes.values(), key=_route_order)
    route_modes = [(route, dict.fromkeys(leg.mode for leg in registry.network.route_legs(route.id)))
                   for route in routes]
    route_keys = [("route", route.id, mode) for route, modes in route_modes for mode in modes]
    alternative = [key for key in route_keys if key[1] in ROUTE_ROLES and not is_story(key[1])]
    keys += alternative
    keys += [("casing", route.id, mode) for route, modes in route_modes if is_story(route.id) for mode in modes]
    keys += [key for key in route_keys if key not in alternative]
    keys += [("scenario", "off-veil"), ("scenario", "off-line")]  # over the routes: a switched-off one fades
    keys += [("nodes", "sourced"), ("nodes", "approximate"), ("events", "markers"), ("scenario", "out")]
    keys += [("route-label", label.route) for label in ROUTE_LABELS if label.route in registry.network.routes]
    keys += [("labels", "place"), ("highlight", "nodes")]
    keys += [("labels", kind) for kind in ("country", "sea", "focus-small", "focus")]
    return tuple(keys)


def route_at(registry: Registry, curve_number: object) -> str | None:
    """The route drawn by the trace at this index (what a click on the map reports), if any."""
    keys = trace_keys(registry)
    if isinstance(curve_number, int) and 0 <= curve_number < len(keys) and keys[curve_number][0] in ("route",
                                                                                                     "casing"):
        return keys[curve_number][1]
    return None


def highlighted_routes(view: View, corpus: Corpus) -> frozenset[str]:
    routes = set()
    if view.route:
        routes.add(view.route)
    statement = corpus.statement(view.statement) if view.statement else None
    if statement:
        routes.update(statement.route_ids)
    return frozenset(routes)


def highlighted_nodes(view: View, registry: Registry, corpus: Corpus) -> tuple[str, ...]:
    nodes: dict[str, None] = {}
    statement = corpus.statement(view.statement) if view.statement else None
    if statement:
        nodes.update(dict.fromkeys(n for n in statement.node_ids if n in registry.network.nodes))
    if view.route in registry.network.routes:
        nodes.update(dict.fromkeys(registry.network.route_node_ids(view.route)))
    if view.place in registry.network.nodes:
        nodes = {view.place: None, **nodes}  # the place searched for is named first
    return tuple(nodes)


def route_shown(route: Route, view: View, russia_routes: frozenset[str] = frozenset()) -> bool:
    """Its commodity's layer is on, its status is shown, and it passes the Russia filter."""
    if view.russia and (route.id in russia_routes) != (view.russia == "crosses"):
        return False
    return layer(route.commodity).id in view.layers and route.status in view.statuses


def trace_visible(key: TraceKey, registry: Registry, view: View) -> bool:
    if key[0] == "area":
        return key[1] in view.layers
    if key[0] in ("route", "casing", "route-label"):
        return route_shown(registry.network.routes[key[1]], view, registry.russia_routes)
    if key[0] in ("nodes", "events"):
        return key[0] in view.layers
    if key == ("labels", "place"):
        return "nodes" in view.layers
    return True


def resting_opacity(route: Route) -> float:
    return STATUS_STYLES[route.status].opacity


def route_opacity(route: Route, highlighted: frozenset[str]) -> float:
    """A selection is shown by opacity alone: the selected routes at full strength, the others faint.
    (Only opacity: it is the one line property Plotly restyles without recomputing and redrawing the
    whole geo subplot, so a selection is drawn in a few milliseconds, not a hundred and fifty.)"""
    if not highlighted:
        return resting_opacity(route)
    return 1.0 if route.id in highlighted else DIMMED_OPACITY


def _route_hover(route: Route, mode: str, legs: list[Leg]) -> str:
    capacity = route.capacity
    subsea = " (part subsea)" if any(leg.subsea for leg in legs) else ""
    parts = [
        f"<b>{route.short_name}</b>",
        f"{MODE_LABELS[mode]}{subsea} · {STATUS_STYLES[route.status].label}",
        f"Capacity: {capacity.value_text} {capacity.unit} ({capacity.as_of})" if capacity else "Capacity: unsourced",
    ]
    if any(leg.approximate for leg in legs):
        parts.append("<i>some positions on this line are approximate</i>")
    parts.append("<i>click for figures and sources</i>")
    return "<br>".join(parts)


def _mode_line(registry: Registry, route: Route, mode: str) -> tuple[list[Leg], list, list]:
    legs = [leg for leg in registry.network.route_legs(route.id) if leg.mode == mode]
    lons: list[float | None] = []
    lats: list[float | None] = []
    for leg in legs:
        if lons:
            lons.append(None)  # a gap between legs of one trace
            lats.append(None)
        coords = registry.drawn_coords(leg)  # in its lane where it shares a way (figure/bundles.py)
        lons += [c[0] for c in coords]
        lats += [c[1] for c in coords]
    return legs, lons, lats


def _route_trace(registry: Registry, route: Route, mode: str) -> dict:
    legs, lons, lats = _mode_line(registry, route, mode)
    colour = route_colour(route.id, route.commodity)
    trace: dict[str, Any] = {
        "type": "scattergeo", "mode": "lines", "name": route.short_name, "lon": lons, "lat": lats,
        # One label for the whole trace, so it goes in the template itself: a scalar `text` does not
        # reach the points of a scattergeo line.
        "hovertemplate": _route_hover(route, mode, legs) + "<extra></extra>",
        "line": {"color": colour, "width": route_width(route.id, route.status, mode), "dash": MODE_DASHES[mode]},
        "showlegend": False,
        # The route's opacity when nothing is selected: page.js draws a click's selection with it at
        # once, before the server's restyle (which sets the same values) arrives.
        "meta": {"route": route.id, "mode": mode, "opacity": resting_opacity(route)},
    }
    if STATUS_STYLES[route.status].marked:
        trace["mode"] = "lines+markers"
        trace["marker"] = {"symbol": "x-thin", "line": {"width": 2, "color": colour},
                           "size": [10 if i % MARK_EVERY == MARK_EVERY // 2 and lons[i] is not None else 0
                                    for i in range(len(lons))]}
    return trace


def _casing_trace(registry: Registry, route: Route, mode: str) -> dict:
    """A pale line beneath a story route, so it stays legible where other lines cross it."""
    _, lons, lats = _mode_line(registry, route, mode)
    return {"type": "scattergeo", "mode": "lines", "name": f"{route.short_name} (casing)", "lon": lons, "lat": lats,
            "line": {"color": CASING_COLOUR, "width": ROUTE_ROLES[route.id].casing}, "hoverinfo": "skip",
            "showlegend": False, "meta": {"route": route.id, "mode": mode, "opacity": resting_opacity(route)}}


def plotly_winding(feature: dict) -> dict:
    """The feature with clockwise outer rings. RFC 7946 files wind them counter-clockwise, but d3-geo,
    which draws Plotly's geo traces, reads a counter-clockwise ring as 'everything but this polygon'
    and would paint the whole globe."""
    geometry = shapely.orient_polygons(shape(feature["geometry"]), exterior_cw=True)
    return {"type": "Feature", "properties": dict(feature["properties"]), "geometry": mapping(geometry)}


def _area_trace(registry: Registry, area_id: str) -> dict:
    """A layer of countries is filled with the base map's own country shapes, by code: the page has
    loaded them already, and the fills meet the borders drawn over them. Shapes of their own (the
    Caspian) travel with the figure."""
    shapes = registry.areas[area_id]
    fill = layer(area_id).fill
    if all(s.base_map_code for s in shapes):
        where = {"locationmode": "ISO-3", "locations": [s.base_map_code for s in shapes]}
    else:
        where = {"geojson": {"type": "FeatureCollection", "features": [plotly_winding(s.geojson) for s in shapes]},
                 "featureidkey": "properties.name", "locations": [s.name for s in shapes]}
    return {
        "type": "choropleth", "name": layer(area_id).label, **where, "z": [1] * len(shapes),
        "colorscale": [[0, fill], [1, fill]], "showscale": False, "hoverinfo": "skip",
        "marker": {"line": {"color": BORDER_COLOUR, "width": 0.6}},
    }


def _node_trace(registry: Registry, approximate: bool) -> dict:
    nodes = [n for n in registry.network.nodes.values() if n.approximate == approximate]
    label = "approximate position" if approximate else "sourced position"
    return {
        "type": "scattergeo", "mode": "markers", "name": f"Places ({label})",
        "lon": [n.lon for n in nodes], "lat": [n.lat for n in nodes], "customdata": [n.id for n in nodes],
        "text": [f"<b>{n.name}</b><br>{n.kind.capitalize()}, {n.country}<br>Position: {n.confidence}"
                 f"<br><i>{n.coord_source}</i>" for n in nodes],
        "hovertemplate": "%{text}<extra></extra>",
        "marker": {"symbol": NODE_SYMBOLS[approximate], "size": 6, "color": NODE_COLOUR,
                   "line": {"width": 1.3, "color": NODE_COLOUR}},
        "showlegend": False,
        # No place's name may sit on another place's dot (map_labels.js): "Novorossiysk" on Constanța's
        # read as Constanța's name. A place's own name stands off its dot (labels.py NAME_OFFSET).
        "meta": {"marks": "dots"},
    }


def selected_name_priority(node_id: str, view: View) -> float:
    """The order a selected place's name is tried in: the place searched for first of all; the
    selection's main places after the story's first names (KAZAKHSTAN, the Middle Corridor, CHINA, the
    seas, and on a printed map GEORGIA and AZERBAIJAN, which a selection of many Caucasian places would
    otherwise crowd out) and before any other place's; its lesser places after every main place's name,
    selected or not (a statement that names Alat, the ferry port, should not cost the map Baku's name)."""
    if node_id == view.place:
        return 0
    own = place_priority(node_id)
    return SELECTED_FROM + own / 100 if own < SELECTED_MAIN_BELOW else SELECTED_MAIN_BELOW - 1 + own / 1000


def ring_points(registry: Registry) -> tuple[tuple[Node, str], ...]:
    """Every place, once per side its name may take (its everyday label's, preferred first): the
    selection's rings and names are drawn for all of them once, and a selection only shows some."""
    return tuple((node, side) for node in registry.network.nodes.values() for side in place_sides(node.id))


def highlight_trace_data(view: View, registry: Registry, corpus: Corpus) -> dict[str, Any]:
    """Which rings and names show: a ring's opacity, 1 or 0, and a name's priority, None where its place
    is not selected (map_labels.js then hides it, and tries the others in order of priority; it shows
    a name at the first of its sides that fits). Only styles, at the points ring_points fixes: the page
    applies them to the drawn map (assets/page.js), where a change of points or texts would make Plotly
    recompute and redraw the whole geo subplot."""
    selected = set(highlighted_nodes(view, registry, corpus))
    points = ring_points(registry)
    return {"marker": {**HIGHLIGHT_MARKER, "opacity": [1 if n.id in selected else 0 for n, _ in points]},
            # Rings are marks no place's name may cover; a country's or sea's may (map_labels.js): a
            # statement's places ring most of Georgia on a slide, which then went unnamed.
            "meta": {"labels": [selected_name_priority(n.id, view) if n.id in selected else None for n, _ in points],
                     "marks": "rings"}}


# The selection's rings and names: what the page restyles on a selection and the report column draws
# smaller (export/report_figure.py) find the trace by this name.
HIGHLIGHT_TRACE_NAME = "Highlighted places"


def _highlight_trace(registry: Registry) -> dict:
    """Every place, ringed and named before most names where it is selected (highlight_trace_data);
    the rings are marks no name may sit on. No hover of its own: an unselected place's unseen ring
    would take the hover from the place beneath it."""
    points = ring_points(registry)
    return {
        "type": "scattergeo", "mode": "markers+text", "name": HIGHLIGHT_TRACE_NAME,
        "lon": [n.lon for n, _ in points], "lat": [n.lat for n, _ in points],
        "text": [place_name(n) for n, _ in points], "textposition": [side for _, side in points],
        "textfont": {"size": 12, "color": "#1f1f1f", "weight": "bold", "shadow": HALO},
        "hoverinfo": "skip", "showlegend": False,
    }


def scenario_result(view: View, oil: OilNetwork | None) -> FlowResult | None:
    return export_capacity(oil, Scenario(off=view.off, capacities=view.capacities)) if oil else None


def selection_table() -> dict:
    """What the page needs to draw a selection the moment it is clicked, before the server answers
    (assets/page.js `routeMapInstantSelect`): the opacity of what is not selected. The routes each
    statement names travel on its card (dashboard/ui/panels.py statement_card), so the figure does
    not grow with the corpus. The rules are those of highlighted_routes and route_opacity; browser
    tests hold the two to agreeing, from the default view and from random ones."""
    return {"dimmed": DIMMED_OPACITY}


@dataclass(frozen=True)
class MapData:
    """What the figure is drawn from."""

    registry: Registry
    corpus: Corpus
    oil: OilNetwork | None = None
    timeline: tuple[TimelineEvent, ...] = ()
    corridor: CorridorNetwork | None = None


@dataclass(frozen=True)
class ViewState:
    """What a view decides for every trace, worked out once per view."""

    view: View
    highlighted: frozenset[str]
    result: FlowResult | None


def _view_state(data: MapData, view: View) -> ViewState:
    return ViewState(view, highlighted_routes(view, data.corpus), scenario_result(view, data.oil))


# Each kind of trace: its static part (what no view changes) and its dynamic part (what a view
# sets). build_figure draws static + dynamic; restyle_for_view sends only the dynamic part, so the two
# cannot disagree. Every dynamic part includes `visible`.
def _route_static(data: MapData, key: TraceKey) -> dict:
    return _route_trace(data.registry, data.registry.network.routes[key[1]], key[2])


def _casing_static(data: MapData, key: TraceKey) -> dict:
    return _casing_trace(data.registry, data.registry.network.routes[key[1]], key[2])


def _route_dynamic(data: MapData, key: TraceKey, state: ViewState) -> dict:
    return {"opacity": route_opacity(data.registry.network.routes[key[1]], state.highlighted)}


def _route_label_dynamic(data: MapData, key: TraceKey, state: ViewState) -> dict:
    """A route's name is dimmed with its line (instantly, by page.js) and then hidden while another
    selection is shown: a faint name reads as a fault, not as context. Hidden by its priorities (None:
    map_labels.js hides it), not by its visibility: the page applies that without Plotly redrawing the
    map."""
    meta = _route_label_static(data, key)["meta"]
    hidden = bool(state.highlighted) and key[1] not in state.highlighted
    return {**_route_dynamic(data, key, state), "meta": {**meta, "labels": None if hidden else meta["labels"]}}


def _route_label_static(data: MapData, key: TraceKey) -> dict:
    label = next(label for label in ROUTE_LABELS if label.route == key[1])
    return route_label_trace(label, data.registry)


def _highlight_dynamic(data: MapData, key: TraceKey, state: ViewState) -> dict:
    return highlight_trace_data(state.view, data.registry, data.corpus)


def _bottleneck_dynamic(data: MapData, key: TraceKey, state: ViewState) -> dict:
    return bottleneck_data(data.registry, data.oil, state.result)


def corridor_binding_data(data: MapData, view: View) -> dict[str, list]:
    """The legs of the corridor's binding element, while the Corridor tab is open or a what-if is set."""
    if data.corridor is None or (view.panel != "corridor" and not view.corridor):
        return {"lon": [], "lat": []}
    result = corridor_result(data.corridor, CorridorWhatIf.from_pairs(view.corridor))
    legs = [data.registry.network.legs[leg] for leg in binding_legs(data.corridor, result)
            if leg in data.registry.network.legs]
    return lines_of(data.registry, legs)


def _corridor_dynamic(data: MapData, key: TraceKey, state: ViewState) -> dict:
    return corridor_binding_data(data, state.view)


def _out_dynamic(data: MapData, key: TraceKey, state: ViewState) -> dict:
    return out_data(data.registry, data.oil, state.result)


def switched_off_data(data: MapData, state: ViewState) -> dict[str, list]:
    """The lines of the routes the scenario switched off, where the map shows them: a veil and a grey
    dotted line go over them, so they read as out while their own traces keep the opacity a selection
    gives them (page.js draws a click from those alone)."""
    shown = [route for route in off_routes(data.oil, state.result) if route in data.registry.network.routes
             and route_shown(data.registry.network.routes[route], state.view, data.registry.russia_routes)]
    return lines_of(data.registry, (leg for route in shown for leg in data.registry.network.route_legs(route)))


def _off_dynamic(data: MapData, key: TraceKey, state: ViewState) -> dict:
    return switched_off_data(data, state)


def _nothing(data: MapData, key: TraceKey, state: ViewState) -> dict:
    return {}


@dataclass(frozen=True)
class TraceKind:
    static: Callable[[MapData, TraceKey], dict]
    dynamic: Callable[[MapData, TraceKey, ViewState], dict] = _nothing


TRACE_KINDS: dict[tuple[str, ...], TraceKind] = {
    ("area",): TraceKind(lambda data, key: _area_trace(data.registry, key[1])),
    ("scenario", "bottleneck"): TraceKind(lambda data, key: bottleneck_trace(), _bottleneck_dynamic),
    ("corridor", "binds"): TraceKind(lambda data, key: corridor_binding_trace(), _corridor_dynamic),
    ("casing",): TraceKind(_casing_static, _route_dynamic),
    ("route",): TraceKind(_route_static, _route_dynamic),
    ("nodes",): TraceKind(lambda data, key: _node_trace(data.registry, key[1] == "approximate")),
    ("events",): TraceKind(lambda data, key: events_trace(data.registry, data.timeline)),
    ("scenario", "out"): TraceKind(lambda data, key: out_trace(), _out_dynamic),
    ("scenario", "off-veil"): TraceKind(lambda data, key: off_veil_trace(), _off_dynamic),
    ("scenario", "off-line"): TraceKind(lambda data, key: off_line_trace(), _off_dynamic),
    ("labels", "place"): TraceKind(lambda data, key: place_label_trace(
        data.registry, frozenset(event.place for event in data.timeline))),
    ("labels",): TraceKind(lambda data, key: area_label_trace(key[1])),
    ("route-label",): TraceKind(_route_label_static, _route_label_dynamic),
    ("highlight",): TraceKind(lambda data, key: _highlight_trace(data.registry), _highlight_dynamic),
}


def trace_kind(key: TraceKey) -> TraceKind:
    return TRACE_KINDS.get(key) or TRACE_KINDS[key[:1]]


def dynamic_part(data: MapData, key: TraceKey, state: ViewState) -> dict[str, Any]:
    return {"visible": trace_visible(key, data.registry, state.view), **trace_kind(key).dynamic(data, key, state)}


def base_layout() -> dict:
    # The sea is the map's background, not the base map's ocean polygon: the frame never shows beyond
    # the base map's reach (frame.py), so every part of it that is not land is sea, and the first draw
    # projects a fifth fewer points (the ocean's ring runs along every coast, ~11,000 points).
    return {
        "geo": {
            **GEO_FRAME, "resolution": 50, "showland": True, "landcolor": LAND_COLOUR, "showocean": False,
            "showlakes": True, "lakecolor": SEA_COLOUR, "showcountries": True,
            "countrycolor": BORDER_COLOUR, "countrywidth": 0.5, "showcoastlines": True, "coastlinecolor": COAST_COLOUR,
            "coastlinewidth": 0.6, "showframe": False, "bgcolor": SEA_COLOUR,
        },
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "uirevision": UIREVISION,
        "showlegend": False,
        "hovermode": "closest",
        "hoverlabel": {"bgcolor": "white", "font": {"size": 12}},
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"},
        "dragmode": "pan",
    }


def build_figure(registry: Registry, corpus: Corpus, view: View, oil: OilNetwork | None = None,
                 timeline: tuple[TimelineEvent, ...] = (), instant_selection: bool = False,
                 corridor: CorridorNetwork | None = None) -> dict:
    """The whole figure for a view. Called once per page load; later changes go through patches.
    `instant_selection` adds the selection_table the page draws clicks with (the dashboard's map only)."""
    data = MapData(registry, corpus, oil, timeline, corridor)
    state = _view_state(data, view)
    traces = [{**trace_kind(key).static(data, key), **dynamic_part(data, key, state)} for key in trace_keys(registry)]
    layout = base_layout()
    if instant_selection:
        layout["meta"] = {"selection": selection_table()}
    return {"data": traces, "layout": layout}


def restyle_for_view(registry: Registry, corpus: Corpus, view: View, oil: OilNetwork | None = None,
                     corridor: CorridorNetwork | None = None) -> dict[int, dict[str, Any]]:
    """Per trace index, the properties a view changes (visibility, opacity, highlighted places,
    scenario overlays): what a callback patches instead of resending the figure."""
    data = MapData(registry, corpus, oil, corridor=corridor)
    state = _view_state(data, view)
    return {index: dynamic_part(data, key, state) for index, key in enumerate(trace_keys(registry))}


def restyle_groups(changes: dict[int, dict[str, Any]]) -> list[dict]:
    """Changes as Plotly.restyle calls: traces that change the same properties in one call, each
    property a list with one value per trace (an array property is a list of arrays)."""
    groups: dict[tuple[str, ...], dict] = {}
    for index, change in changes.items():
        props = tuple(sorted(change))
        group = groups.setdefault(props, {"indices": [], "update": {prop: [] for prop in props}})
        group["indices"].append(index)
        for prop in props:
            group["update"][prop].append(change[prop])
    return list(groups.values())
