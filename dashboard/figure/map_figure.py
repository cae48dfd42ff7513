"""The route map as a Plotly figure dict (Scattergeo and Choropleth on a conic projection: SVG, no
tiles, no token), and the small patches that restyle it when the view changes.

Traces are laid out by `trace_keys`, a fixed order derived from the registry, so a callback can
change one trace's visibility or opacity by index without resending the figure.
"""

from __future__ import annotations

from typing import Any

import shapely
from shapely.geometry import mapping, shape

from dashboard.figure.scenario_traces import (bottleneck_data, bottleneck_trace, events_trace, out_data,
                                              out_trace)
from dashboard.figure.styles import (
    COMMODITY_COLOURS, DIMMED_OPACITY, HIGHLIGHT_COLOUR, MARK_EVERY, MODE_DASHES,
    MODE_LABELS, NODE_COLOUR, NODE_SYMBOLS, STATUS_STYLES,
)
from dashboard.registry.layers import AREA_LAYERS, layer
from dashboard.registry.load import Registry
from dashboard.registry.model import Leg, Route
from dashboard.scenario.flow import FlowResult, Scenario, export_capacity
from dashboard.scenario.network import OilNetwork, TimelineEvent
from dashboard.statements.seeds import Corpus
from dashboard.view import View

TraceKey = tuple[str, ...]
UIREVISION = "route-map"  # constant: pan and zoom survive every update of the figure

# The frame: Lianyungang to the Danube mouth, Ust-Luga to Ceyhan; a conic projection with standard
# parallels through the corridor keeps 20-90°E shapes and distances faithful.
GEO_FRAME = {
    "projection": {"type": "conic conformal", "parallels": [38, 52], "rotation": {"lon": 55}},
    "lonaxis": {"range": [10, 95]},
    "lataxis": {"range": [30, 62]},
    "center": {"lon": 52, "lat": 46},
}


def trace_keys(registry: Registry) -> tuple[TraceKey, ...]:
    """One trace per area layer, per (route, mode) - a route's legs of one mode share a style, so they
    share a trace, which keeps the figure to a few dozen traces - and per kind of place."""
    keys: list[TraceKey] = [("area", area.id) for area in AREA_LAYERS]
    keys.append(("scenario", "bottleneck"))  # under the routes, so the binding legs glow beneath them
    for route in registry.network.routes.values():
        modes = dict.fromkeys(leg.mode for leg in registry.network.route_legs(route.id))
        keys += [("route", route.id, mode) for mode in modes]
    keys += [("nodes", "sourced"), ("nodes", "approximate"), ("events", "markers"), ("scenario", "out"),
             ("highlight", "nodes")]
    return tuple(keys)


def route_at(registry: Registry, curve_number: object) -> str | None:
    """The route drawn by the trace at this index (what a click on the map reports), if any."""
    keys = trace_keys(registry)
    if isinstance(curve_number, int) and 0 <= curve_number < len(keys) and keys[curve_number][0] == "route":
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
    return tuple(nodes)


def trace_visible(key: TraceKey, registry: Registry, view: View) -> bool:
    if key[0] == "area":
        return key[1] in view.layers
    if key[0] == "route":
        route = registry.network.routes[key[1]]
        return layer(route.commodity).id in view.layers and route.status in view.statuses
    if key[0] in ("nodes", "events"):
        return key[0] in view.layers
    return True


def route_opacity(route: Route, highlighted: frozenset[str]) -> float:
    """A selection is shown by opacity alone: the selected routes at full strength, the others faint.
    (Only opacity: it is the one line property Plotly restyles without recomputing and redrawing the
    whole geo subplot, so a selection is drawn in a few milliseconds, not a hundred and fifty.)"""
    if not highlighted:
        return STATUS_STYLES[route.status].opacity
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


def _route_trace(route: Route, mode: str, registry: Registry, opacity: float, visible: bool) -> dict:
    legs = [leg for leg in registry.network.route_legs(route.id) if leg.mode == mode]
    lons: list[float | None] = []
    lats: list[float | None] = []
    for leg in legs:
        if lons:
            lons.append(None)  # a gap between legs of one trace
            lats.append(None)
        lons += [c[0] for c in leg.coords]
        lats += [c[1] for c in leg.coords]
    status = STATUS_STYLES[route.status]
    trace: dict[str, Any] = {
        "type": "scattergeo", "mode": "lines", "name": route.short_name, "lon": lons, "lat": lats,
        # One label for the whole trace, so it goes in the template itself: a scalar `text` does not
        # reach the points of a scattergeo line.
        "hovertemplate": _route_hover(route, mode, legs) + "<extra></extra>",
        "line": {"color": COMMODITY_COLOURS[route.commodity], "width": status.width, "dash": MODE_DASHES[mode]},
        "opacity": opacity, "visible": visible, "showlegend": False,
        # The route's opacity when nothing is selected: page.js draws a click's selection with it at
        # once, before the server's restyle (which sets the same values) arrives.
        "meta": {"route": route.id, "mode": mode, "opacity": status.opacity},
    }
    if status.marked:
        trace["mode"] = "lines+markers"
        trace["marker"] = {"symbol": "x-thin", "line": {"width": 2, "color": COMMODITY_COLOURS[route.commodity]},
                           "size": [10 if i % MARK_EVERY == MARK_EVERY // 2 and lons[i] is not None else 0
                                    for i in range(len(lons))]}
    return trace


def plotly_winding(feature: dict) -> dict:
    """The feature with clockwise outer rings. RFC 7946 files wind them counter-clockwise, but d3-geo,
    which draws Plotly's geo traces, reads a counter-clockwise ring as 'everything but this polygon'
    and would paint the whole globe."""
    geometry = shapely.orient_polygons(shape(feature["geometry"]), exterior_cw=True)
    return {"type": "Feature", "properties": dict(feature["properties"]), "geometry": mapping(geometry)}


def _area_trace(area_id: str, registry: Registry, visible: bool) -> dict:
    shapes = registry.areas[area_id]
    fill = layer(area_id).fill
    return {
        "type": "choropleth", "name": layer(area_id).label,
        "geojson": {"type": "FeatureCollection", "features": [plotly_winding(s.geojson) for s in shapes]},
        "featureidkey": "properties.name", "locations": [s.name for s in shapes], "z": [1] * len(shapes),
        "colorscale": [[0, fill], [1, fill]], "showscale": False, "hoverinfo": "skip",
        "marker": {"line": {"color": "#8c8c8c", "width": 0.6}}, "visible": visible,
    }


def _node_trace(approximate: bool, registry: Registry, visible: bool) -> dict:
    nodes = [n for n in registry.network.nodes.values() if n.approximate == approximate]
    label = "approximate position" if approximate else "sourced position"
    return {
        "type": "scattergeo", "mode": "markers", "name": f"Places ({label})",
        "lon": [n.lon for n in nodes], "lat": [n.lat for n in nodes], "customdata": [n.id for n in nodes],
        "text": [f"<b>{n.name}</b><br>{n.kind.capitalize()}, {n.country}<br>Position: {n.confidence}"
                 f"<br><i>{n.coord_source}</i>" for n in nodes],
        "hovertemplate": "%{text}<extra></extra>",
        "marker": {"symbol": NODE_SYMBOLS[approximate], "size": 7, "color": NODE_COLOUR,
                   "line": {"width": 1.5, "color": NODE_COLOUR}},
        "visible": visible, "showlegend": False,
    }


def highlight_trace_data(view: View, registry: Registry, corpus: Corpus) -> dict[str, list]:
    nodes = [registry.network.nodes[n] for n in highlighted_nodes(view, registry, corpus)]
    return {"lon": [n.lon for n in nodes], "lat": [n.lat for n in nodes], "text": [n.name for n in nodes]}


def _highlight_trace(view: View, registry: Registry, corpus: Corpus) -> dict:
    return {
        "type": "scattergeo", "mode": "markers", "name": "Highlighted places",
        **highlight_trace_data(view, registry, corpus),
        "marker": {"symbol": "circle-open", "size": 15, "color": HIGHLIGHT_COLOUR, "line": {"width": 3}},
        "hovertemplate": "%{text}<extra></extra>", "showlegend": False,
    }


def scenario_result(view: View, oil: OilNetwork | None) -> FlowResult | None:
    return export_capacity(oil, Scenario(off=view.off, capacities=view.capacities)) if oil else None


def selection_table(registry: Registry, corpus: Corpus) -> dict:
    """What the page needs to draw a selection the moment it is clicked, before the server answers
    (assets/page.js `routeMapInstantSelect`): the routes each statement names, and the opacity of
    what is not selected. The rules are those of highlighted_routes and route_opacity; a browser
    test holds the two to agreeing."""
    return {"dimmed": DIMMED_OPACITY, "statements": {s.id: list(s.route_ids) for s in corpus.statements}}


def build_figure(registry: Registry, corpus: Corpus, view: View, oil: OilNetwork | None = None,
                 timeline: tuple[TimelineEvent, ...] = (), instant_selection: bool = False) -> dict:
    """The whole figure for a view. Called once per page load; later changes go through patches.
    `instant_selection` adds the selection_table the page draws clicks with (the dashboard's map only)."""
    highlighted = highlighted_routes(view, corpus)
    result = scenario_result(view, oil)
    data = []
    for key in trace_keys(registry):
        visible = trace_visible(key, registry, view)
        if key[0] == "area":
            data.append(_area_trace(key[1], registry, visible))
        elif key[0] == "route":
            route = registry.network.routes[key[1]]
            data.append(_route_trace(route, key[2], registry, route_opacity(route, highlighted), visible))
        elif key[0] == "nodes":
            data.append(_node_trace(key[1] == "approximate", registry, visible))
        elif key == ("scenario", "bottleneck"):
            data.append(bottleneck_trace(bottleneck_data(registry, oil, result)))
        elif key == ("scenario", "out"):
            data.append(out_trace(out_data(registry, oil, result)))
        elif key[0] == "events":
            data.append(events_trace(registry, timeline, visible))
        else:
            data.append(_highlight_trace(view, registry, corpus))
    layout = {
        "geo": {
            **GEO_FRAME, "resolution": 50, "showland": True, "landcolor": "#f4f3ef", "showocean": True,
            "oceancolor": "#dfeaf2", "showlakes": True, "lakecolor": "#dfeaf2", "showcountries": True,
            "countrycolor": "#b5b5b5", "countrywidth": 0.5, "showcoastlines": True, "coastlinecolor": "#9aa9b5",
            "coastlinewidth": 0.6, "showframe": False, "bgcolor": "rgba(0,0,0,0)",
        },
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "uirevision": UIREVISION,
        "showlegend": False,
        "hovermode": "closest",
        "hoverlabel": {"bgcolor": "white", "font": {"size": 12}},
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"},
    }
    if instant_selection:
        layout["meta"] = {"selection": selection_table(registry, corpus)}
    return {"data": data, "layout": layout}


def restyle_for_view(registry: Registry, corpus: Corpus, view: View,
                     oil: OilNetwork | None = None) -> dict[int, dict[str, Any]]:
    """Per trace index, the properties a view changes (visibility, opacity, highlighted places,
    scenario overlays): what a callback patches instead of resending the figure."""
    highlighted = highlighted_routes(view, corpus)
    result = scenario_result(view, oil)
    changes: dict[int, dict[str, Any]] = {}
    for index, key in enumerate(trace_keys(registry)):
        change: dict[str, Any] = {"visible": trace_visible(key, registry, view)}
        if key[0] == "route":
            change["opacity"] = route_opacity(registry.network.routes[key[1]], highlighted)
        elif key[0] == "highlight":
            change.update(highlight_trace_data(view, registry, corpus))
        elif key == ("scenario", "bottleneck"):
            change.update(bottleneck_data(registry, oil, result))
        elif key == ("scenario", "out"):
            change.update(out_data(registry, oil, result))
        changes[index] = change
    return changes


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
