"""Map overlays for the scenario: the legs that bind (the minimum cut), the routes and places switched
off, and the timeline's events where they happened.

Each has a look of its own, named in the legends: what binds is a green glow (the selection's rings
are pink, and the two are often on the map together), a switched-off route is faded under a grey
dotted line, with a dark red cross where it was cut."""

from __future__ import annotations

from dashboard.registry.load import Registry
from dashboard.figure.styles import LAND_COLOUR
from dashboard.scenario.flow import FlowResult, legs_of
from dashboard.scenario.network import OilNetwork, TimelineEvent

BOTTLENECK_COLOUR = "#009E73"  # bluish green: apart from the pink selection and every route
OUT_COLOUR = "#8B0000"
EVENT_COLOUR = "#E69F00"
EVENT_SIZE = 11
CORRIDOR_BINDS_COLOUR = "#F0B400"  # amber: apart from the oil scenario's green glow and every route's colour


def lines_of(registry: Registry, legs) -> dict[str, list]:
    """The legs as one trace's lon/lat as the map draws them (each in its lane), a gap (None) between legs."""
    lons: list = []
    lats: list = []
    for leg in legs:
        if lons:
            lons.append(None)
            lats.append(None)
        coords = registry.drawn_coords(leg)
        lons += [c[0] for c in coords]
        lats += [c[1] for c in coords]
    return {"lon": lons, "lat": lats}


def bottleneck_data(registry: Registry, oil: OilNetwork | None, result: FlowResult | None) -> dict[str, list]:
    if oil is None or result is None:
        return {"lon": [], "lat": []}
    return lines_of(registry, (registry.network.legs[leg_id] for leg_id in legs_of(oil, result.bottlenecks)))


def out_data(registry: Registry, oil: OilNetwork | None, result: FlowResult | None) -> dict[str, list]:
    """A cross where each switched-off part starts (the terminal, the pump station, the pipeline head)."""
    if oil is None or result is None:
        return {"lon": [], "lat": [], "text": []}
    places = {}
    for edge_id in result.edges_off:
        edge = oil.edges[edge_id]
        node = registry.network.nodes.get(edge.start)
        if node:
            places.setdefault(node.id, (node, edge.label))
    return {"lon": [n.lon for n, _ in places.values()], "lat": [n.lat for n, _ in places.values()],
            "text": [f"<b>Out in this scenario</b><br>{label}" for _, label in places.values()]}


OFF_LINE_COLOUR = "#5f5f5f"
OFF_VEIL_OPACITY = 0.72  # of the land's colour over the route: what shows of it is about a quarter


def off_routes(oil: OilNetwork | None, result: FlowResult | None) -> tuple[str, ...]:
    """The routes a scenario switched off: those a switched-off edge belongs to."""
    if oil is None or result is None:
        return ()
    return tuple(dict.fromkeys(oil.edges[edge].route for edge in result.edges_off
                                if edge in oil.edges and oil.edges[edge].route))


def off_veil_trace() -> dict:
    """A band of the land's colour over a switched-off route: it fades the line (and its crosses)
    without touching its trace's opacity, which a selection owns."""
    return {"type": "scattergeo", "mode": "lines", "name": "Switched off (veil)", "hoverinfo": "skip",
            "line": {"color": LAND_COLOUR, "width": 7}, "opacity": OFF_VEIL_OPACITY, "showlegend": False}


def off_line_trace() -> dict:
    return {"type": "scattergeo", "mode": "lines", "name": "Switched off", "hoverinfo": "skip",
            "line": {"color": OFF_LINE_COLOUR, "width": 1.6, "dash": "dot"}, "showlegend": False}


def bottleneck_trace() -> dict:
    return {"type": "scattergeo", "mode": "lines", "name": "Bottlenecks", "hoverinfo": "skip",
            "line": {"color": BOTTLENECK_COLOUR, "width": 11}, "opacity": 0.45, "showlegend": False}


def corridor_binding_trace() -> dict:
    """The Middle Corridor's binding element (Corridor tab): a wide amber glow under its line."""
    return {"type": "scattergeo", "mode": "lines", "name": "Corridor: what binds", "hoverinfo": "skip",
            "line": {"color": CORRIDOR_BINDS_COLOUR, "width": 13}, "opacity": 0.5, "showlegend": False}


def out_trace() -> dict:
    return {"type": "scattergeo", "mode": "markers", "name": "Out in this scenario",
            "hovertemplate": "%{text}<extra></extra>", "showlegend": False,
            "marker": {"symbol": "x", "size": 16, "color": OUT_COLOUR, "line": {"width": 1, "color": "white"}},
            "meta": {"marks": True}}  # no name may sit on it (map_labels.js)


MARK_WORDS = {"none": "changed nothing", "agreement": "agreement: no capacity added",
              "target": "a stated target, not capacity"}


def event_hover(event: TimelineEvent) -> str:
    """An event as it happened: what it did, and for how long; a mark that changed nothing says so."""
    said = MARK_WORDS.get(event.kind) or (f"lasted {event.duration}" if event.duration else "")
    return f"<b>{event.date}</b> {event.title}" + (f" <i>({said})</i>" if said else "")


def events_trace(registry: Registry, timeline: tuple[TimelineEvent, ...]) -> dict:
    places: dict[str, list[TimelineEvent]] = {}
    for event in timeline:
        places.setdefault(event.place, []).append(event)
    nodes = [registry.network.nodes[p] for p in places]
    texts = ["<br>".join(event_hover(e) for e in places[n.id]) for n in nodes]
    return {"type": "scattergeo", "mode": "markers", "name": "Events", "lon": [n.lon for n in nodes],
            "lat": [n.lat for n in nodes], "text": texts, "hovertemplate": "%{text}<extra></extra>",
            "marker": {"symbol": "diamond", "size": EVENT_SIZE, "color": EVENT_COLOUR,
                       "line": {"width": 1, "color": "#333"}},
            "showlegend": False, "meta": {"marks": True}}  # no name may sit on it (map_labels.js)
