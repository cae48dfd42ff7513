"""The map's names: countries, seas, the story's places and the route names, as text traces.

Each label has a priority (lower first: the story's countries, seas and key places, then context).
The browser keeps a label only where it overlaps no label of higher priority and lies inside the map
(assets/map_labels.js, on screen after every draw and in every export), so fewer show at the default
view and on small presets and more as the reader zooms in. A selection names its own places before
any other place (the highlight trace: map_figure.selected_name_priority). No name sits on a mark (an
event's diamond, a selection's ring, a scenario's cross): a place's name stands off the marks at its
own place, and a name that would cover another's mark tries its other places or is left out.

A label may have more than one place (a country's anchors, a place's sides, a route's points along
it), preferred first; map_labels.js shows a name once, at the first that fits.

Anchors of country and sea names are cartographic choices (inside the country or sea as framed,
clear of the routes), not data: they are here, beside the style, not in the registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.figure.frame import GEO_FRAME
from dashboard.figure.styles import HALO, LABEL_STYLES, ROUTE_ROLES, STATUS_STYLES, route_colour
from dashboard.registry.load import Registry
from dashboard.registry.model import Node


@dataclass(frozen=True)
class AreaLabel:
    text: str
    lon: float
    lat: float
    kind: str  # "focus", "focus-small" (the story's small countries), "country" or "sea"
    priority: float
    more: tuple[tuple[float, float], ...] = ()  # other anchors (lon, lat), tried in turn where the first collides
    printed: float | None = None  # its priority on a printed map, which cannot be zoomed for more names

    @property
    def anchors(self) -> tuple[tuple[float, float], ...]:
        return ((self.lon, self.lat),) + self.more


@dataclass(frozen=True)
class PlaceLabel:
    node: str  # a registry node id
    text: str
    position: str  # Plotly textposition: which side of the symbol the name sits on
    priority: int
    more: tuple[str, ...] = ()  # other sides, tried in turn where the first collides
    zoom: float = 0.0  # the least projection scale it is named at (0: any)

    @property
    def positions(self) -> tuple[str, ...]:
        return (self.position,) + self.more


@dataclass(frozen=True)
class RouteLabel:
    route: str
    text: str
    # Where the name may sit, preferred first: how far along the route's drawn line (a fraction of
    # its vertices) and on which side (a Plotly textposition).
    places: tuple[tuple[float, str], ...]
    priority: int


# Priorities, lower first: the story's route and countries, its seas, the corridor's stops from end
# to end, then the other names of the story, then context (dropped first where they would collide).
AREA_LABELS: tuple[AreaLabel, ...] = (
    # The article's subject: before even the route's name; where a selection's rings fill the middle of
    # the country, further north.
    AreaLabel("Kazakhstan", 68.0, 48.3, "focus", 0, ((70.0, 49.2), (66.0, 47.6), (72.0, 48.0), (69.0, 50.6),
                                                     (74.5, 49.3))),
    AreaLabel("China", 100.5, 35.0, "focus", 2, ((95.5, 37.5), (104.0, 38.0))),  # above the page's open legend
    AreaLabel("Caspian Sea", 51.6, 37.5, "sea", 3, ((51.4, 37.9), (51.3, 38.3), (50.8, 41.8))),
    AreaLabel("Black Sea", 32.6, 43.1, "sea", 4),  # the open western basin, clear of the CPC terminal's marks
    # The story's small countries, anchored where the corridor's stops leave room: northern Azerbaijan,
    # between the Caucasus and the railway to Tbilisi; Georgia astride the railway from Tbilisi to the
    # sea. At the scale of a whole-corridor map, Tbilisi's name and the two cannot all fit. On screen,
    # where a reader zooms in for more names, Tbilisi comes first and they follow where there is room;
    # printed, where the map cannot be zoomed, they come before the selection's names and the
    # corridor's stops (a reader of a printed report must find them).
    AreaLabel("Azerbaijan", 47.5, 41.6, "focus-small", 18.4, ((47.8, 41.85), (48.2, 41.45), (47.0, 41.3),
                                                                     (46.5, 40.8), (47.6, 40.95), (47.3, 40.4)),
              printed=4.2),
    AreaLabel("Georgia", 43.5, 42.0, "focus-small", 18.5, ((44.0, 42.4), (43.0, 41.6), (42.5, 41.6), (44.6, 42.45),
                                                          (45.0, 42.8)), printed=4.3),
    AreaLabel("Mediterranean Sea", 27.5, 34.2, "sea", 30),
    AreaLabel("Russia", 54.0, 56.3, "country", 20),
    AreaLabel("Türkiye", 34.0, 39.0, "country", 21),
    AreaLabel("Iran", 54.5, 33.5, "country", 22),
    AreaLabel("Turkmenistan", 59.0, 39.0, "country", 23),
    AreaLabel("Uzbekistan", 64.0, 42.0, "country", 24),
    AreaLabel("Mongolia", 103.0, 46.5, "country", 25),
    AreaLabel("Baltic Sea", 19.5, 57.0, "sea", 39),
    AreaLabel("Yellow Sea", 123.0, 35.5, "sea", 39),
    AreaLabel("Kyrgyzstan", 75.0, 41.6, "country", 40),
    AreaLabel("Ukraine", 32.0, 49.0, "country", 41),
    AreaLabel("Romania", 25.0, 46.0, "country", 42),
    AreaLabel("Afghanistan", 66.0, 34.5, "country", 43),
)

ZOOMED = round(2 * GEO_FRAME["projection"]["scale"], 2)

PLACE_LABELS: tuple[PlaceLabel, ...] = (
    PlaceLabel("lianyungang", "Lianyungang", "middle left", 5),
    PlaceLabel("xian", "Xi'an", "bottom center", 6, ("top center", "middle right")),
    PlaceLabel("dostyk", "Dostyk", "top center", 7),
    PlaceLabel("khorgos", "Khorgos", "bottom center", 8),
    PlaceLabel("aktau", "Aktau", "middle right", 9, ("bottom right", "top right", "middle left", "top left",
                                                     "top center", "bottom center")),
    PlaceLabel("baku", "Baku", "middle right", 10, ("bottom right", "top right", "bottom center", "top center",
                                                   "top left")),
    PlaceLabel("poti", "Poti", "top left", 11, ("middle left", "top center")),
    PlaceLabel("constanta", "Constanța", "middle left", 12, ("top left", "bottom left", "top center")),
    PlaceLabel("istanbul", "Istanbul", "bottom center", 13),
    PlaceLabel("almaty", "Almaty", "bottom center", 17),
    PlaceLabel("tbilisi", "Tbilisi", "bottom center", 18, ("bottom right", "middle right", "top center")),
    PlaceLabel("cpc_terminal", "CPC terminal", "bottom left", 19, ("middle left", "top left")),  # over the sea
    PlaceLabel("ceyhan", "Ceyhan", "bottom center", 26),
    PlaceLabel("atyrau", "Atyrau", "top left", 27, ("top center", "middle left")),
    PlaceLabel("tengiz", "Tengiz", "middle right", 28, ("bottom right", "top right")),
    PlaceLabel("kuryk", "Kuryk", "middle right", 29, ("bottom right", "bottom center", "middle left")),
    PlaceLabel("alat", "Alat", "bottom center", 31, ("bottom left", "middle left")),
    PlaceLabel("batumi", "Batumi", "bottom left", 32, ("middle left",)),  # over the sea
    PlaceLabel("samara", "Samara", "top center", 33),
    PlaceLabel("kars", "Kars", "bottom center", 34),
    PlaceLabel("novorossiysk", "Novorossiysk", "top left", 35, ("middle right", "bottom right")),
    PlaceLabel("urumqi", "Ürümqi", "top center", 36),
    PlaceLabel("beyneu", "Beyneu", "top center", 37, ("top right", "middle right")),
    PlaceLabel("supsa", "Supsa", "middle left", 50),
    PlaceLabel("kulevi", "Kulevi", "middle left", 51),
    PlaceLabel("ust_luga", "Ust-Luga", "middle right", 52),
    PlaceLabel("turkmenbashi", "Türkmenbaşy", "bottom center", 53),
    PlaceLabel("makhachkala", "Makhachkala", "middle right", 54),  # over the Caspian, not Georgia
    PlaceLabel("alashankou", "Alashankou", "bottom right", 55),
    PlaceLabel("kashagan", "Kashagan", "top center", 56),
    PlaceLabel("shymkent", "Shymkent", "bottom center", 57),
    PlaceLabel("tikhoretsk", "Tikhoretsk", "top center", 58),
    PlaceLabel("schwedt", "Schwedt", "top center", 59),
    PlaceLabel("duisburg", "Duisburg", "top center", 60),
    PlaceLabel("sangachal", "Sangachal", "bottom right", 61, ("bottom center",)),
    PlaceLabel("kropotkinskaya", "Kropotkinskaya", "top center", 63),
    # Places the default view leaves unnamed, named once the reader zooms in (ZOOMED: twice the default
    # scale, as the Caucasus close-up): an unnamed dot there is a puzzle, but at the default view these
    # names crowded the map the story needs (and cost its first draw their measuring).
    PlaceLabel("karachaganak", "Karachaganak", "top center", 70, ("bottom center",), zoom=ZOOMED),
    PlaceLabel("erzurum", "Erzurum", "bottom center", 71, ("top center",), zoom=ZOOMED),
    PlaceLabel("uzen", "Zhanaozen", "bottom center", 73, ("middle right",), zoom=ZOOMED),
    PlaceLabel("kenkiyak", "Kenkiyak", "top center", 74, ("middle right",), zoom=ZOOMED),
    PlaceLabel("eskene", "Eskene", "middle right", 78, ("bottom center",), zoom=ZOOMED),
    PlaceLabel("akhalkalaki", "Akhalkalaki", "bottom center", 79, zoom=ZOOMED),
    PlaceLabel("anaklia", "Anaklia", "middle left", 80, zoom=ZOOMED),
    PlaceLabel("nukus", "Nukus", "top center", 88, zoom=ZOOMED),
)

# A route's name has places to go: where the first collides (on a phone's smaller map the Middle
# Corridor's would sit on KAZAKHSTAN), the next is tried; map_labels.js shows a name once.
ROUTE_LABELS: tuple[RouteLabel, ...] = (
    RouteLabel("middle_corridor_black_sea", "Middle Corridor",
               # First along the empty stretch from Ürümqi to Xi'an, clear of the Kazakh stops' names
               ((0.22, "top center"), (0.42, "top center"), (0.58, "top center"), (0.36, "bottom center"),
                (0.5, "top center"), (0.3, "top center"), (0.66, "bottom center")), 0),
    RouteLabel("cpc", "CPC", ((0.55, "bottom center"), (0.4, "bottom center")), 17),
    RouteLabel("trans_caspian_oil_btc", "BTC", ((0.78, "bottom center"), (0.7, "bottom center")), 38),
    RouteLabel("northern_corridor", "Northern corridor (via Russia)", ((0.5, "top center"), (0.4, "top center")), 38),
)


PLACE_LABEL_BY_NODE = {label.node: label for label in PLACE_LABELS}
UNLABELLED_PRIORITY = 99

# How far a place's name stands off its point, as the diameter of an invisible marker (Plotly sets text
# off by a marker's radius): clear of the place's dot, or of an event's diamond where one is drawn.
NAME_OFFSET = 8
NAME_OFFSET_AT_EVENT = 13


def place_priority(node_id: str) -> int:
    label = PLACE_LABEL_BY_NODE.get(node_id)
    return label.priority if label else UNLABELLED_PRIORITY


def place_sides(node_id: str) -> tuple[str, ...]:
    label = PLACE_LABEL_BY_NODE.get(node_id)
    return label.positions if label else ("middle right",)


def place_name(node: Node) -> str:
    """A place's short name on the map: the label's, or the registry's name before any bracket."""
    for label in PLACE_LABELS:
        if label.node == node.id:
            return label.text
    return node.name.split(" (")[0]


def _textfont(kind: str, colour: str | None = None) -> dict:
    style = LABEL_STYLES[kind]
    return {"size": style.size, "color": colour or style.colour, "weight": style.weight, "style": style.style,
            "textcase": style.case, "shadow": HALO}


def _text_trace(name: str, lons: list, lats: list, texts: list, positions: list | str, priorities: list,
                textfont: dict) -> dict:
    # `meta.labels` is what map_labels.js reads: one priority per point.
    return {"type": "scattergeo", "mode": "text", "name": name, "lon": lons, "lat": lats, "text": texts,
            "textposition": positions, "textfont": textfont, "hoverinfo": "skip", "showlegend": False,
            "meta": {"labels": priorities}}


def area_label_trace(kind: str) -> dict:
    points = [(label, anchor) for label in AREA_LABELS if label.kind == kind for anchor in label.anchors]
    trace = _text_trace(f"Names: {kind}", [a[0] for _, a in points], [a[1] for _, a in points],
                        [label.text for label, _ in points], "middle center", [label.priority for label, _ in points],
                        _textfont(kind))
    # A country's or sea's name may lie over a place's dot or a selection's ring, as on any atlas page.
    trace["meta"]["area"] = True
    if any(label.printed is not None for label, _ in points):
        trace["meta"]["printed"] = [label.priority if label.printed is None else label.printed for label, _ in points]
    return trace


def for_print(trace: dict) -> dict:
    """A name trace with the priorities of a printed map (`meta.printed`), where it has its own."""
    meta = trace.get("meta") or {}
    return {**trace, "meta": {**meta, "labels": meta["printed"]}} if "printed" in meta else trace


def place_label_trace(registry: Registry, event_places: frozenset[str] = frozenset()) -> dict:
    """Every place's name, once per side it may take; an invisible marker at each sets the name off
    its place by the size of what is drawn there."""
    points = [(label, side) for label in PLACE_LABELS if label.node in registry.network.nodes
              for side in label.positions]
    nodes = [registry.network.nodes[label.node] for label, _ in points]
    trace = _text_trace("Names: places", [n.lon for n in nodes], [n.lat for n in nodes],
                        [label.text for label, _ in points], [side for _, side in points],
                        [label.priority for label, _ in points], _textfont("place"))
    trace["mode"] = "markers+text"
    trace["marker"] = {"size": [NAME_OFFSET_AT_EVENT if label.node in event_places else NAME_OFFSET
                                for label, _ in points], "opacity": 0, "color": "rgba(0,0,0,0)"}
    trace["meta"]["zooms"] = [label.zoom for label, _ in points]  # map_labels.js: named from this scale on
    return trace


def route_label_point(registry: Registry, route_id: str, fraction: float) -> tuple[float, float]:
    """The vertex of the route's drawn line nearest `fraction` of its vertices along it."""
    coords = [c for leg in registry.network.route_legs(route_id) for c in leg.coords]
    return coords[min(len(coords) - 1, max(0, round(fraction * (len(coords) - 1))))]


def route_label_trace(label: RouteLabel, registry: Registry) -> dict:
    route = registry.network.routes[label.route]
    points = [route_label_point(registry, label.route, fraction) for fraction, _ in label.places]
    trace = _text_trace(f"Name: {route.short_name}", [p[0] for p in points], [p[1] for p in points],
                        [label.text] * len(points), [side for _, side in label.places], [label.priority] * len(points),
                        _textfont("route", route_colour(route.id, route.commodity)))
    # Dimmed and restored with its route, here and in page.js's instant selection.
    trace["meta"].update({"route": route.id, "opacity": STATUS_STYLES[route.status].opacity})
    return trace


def is_story(route_id: str) -> bool:
    return route_id in ROUTE_ROLES and ROUTE_ROLES[route_id].casing > 0
