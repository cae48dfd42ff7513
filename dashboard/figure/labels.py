"""The map's names: countries, seas, the story's places and the route names, as text traces.

Each label has a priority (lower first: the story's countries, seas and key places, then context).
The browser keeps a label only where it overlaps no label of higher priority and lies inside the map
(assets/map_labels.js, on screen after every draw and in every export), so fewer show at the default
view and on small presets and more as the reader zooms in. A selection labels its own places first
(the highlight trace, priority 0).

Anchors of country and sea names are cartographic choices (inside the country or sea as framed,
clear of the routes), not data: they are here, beside the style, not in the registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.figure.styles import HALO, LABEL_STYLES, ROUTE_ROLES, STATUS_STYLES, route_colour
from dashboard.registry.load import Registry
from dashboard.registry.model import Node


@dataclass(frozen=True)
class AreaLabel:
    text: str
    lon: float
    lat: float
    kind: str  # "focus", "country" or "sea"
    priority: int


@dataclass(frozen=True)
class PlaceLabel:
    node: str  # a registry node id
    text: str
    position: str  # Plotly textposition: which side of the symbol the name sits on
    priority: int


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
    AreaLabel("Kazakhstan", 68.0, 48.3, "focus", 0),  # the article's subject: before even the route's name
    AreaLabel("China", 100.5, 35.0, "focus", 2),
    AreaLabel("Caspian Sea", 51.3, 38.3, "sea", 3),
    AreaLabel("Black Sea", 32.6, 43.1, "sea", 4),  # the open western basin, clear of the CPC terminal's marks
    AreaLabel("Azerbaijan", 47.6, 40.95, "focus", 15),
    AreaLabel("Georgia", 43.3, 42.35, "focus", 16),
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

PLACE_LABELS: tuple[PlaceLabel, ...] = (
    PlaceLabel("lianyungang", "Lianyungang", "middle left", 5),
    PlaceLabel("xian", "Xi'an", "bottom center", 6),
    PlaceLabel("dostyk", "Dostyk", "top center", 7),
    PlaceLabel("khorgos", "Khorgos", "bottom center", 8),
    PlaceLabel("aktau", "Aktau", "middle right", 9),
    PlaceLabel("baku", "Baku", "middle right", 10),
    PlaceLabel("poti", "Poti", "top left", 11),
    PlaceLabel("constanta", "Constanța", "middle left", 12),
    PlaceLabel("istanbul", "Istanbul", "bottom center", 13),
    PlaceLabel("almaty", "Almaty", "bottom center", 17),
    PlaceLabel("tbilisi", "Tbilisi", "bottom center", 18),
    PlaceLabel("cpc_terminal", "CPC terminal", "bottom left", 19),
    PlaceLabel("ceyhan", "Ceyhan", "bottom center", 26),
    PlaceLabel("atyrau", "Atyrau", "top left", 27),
    PlaceLabel("tengiz", "Tengiz", "middle right", 28),
    PlaceLabel("kuryk", "Kuryk", "middle right", 29),
    PlaceLabel("alat", "Alat", "bottom center", 31),
    PlaceLabel("batumi", "Batumi", "bottom left", 32),
    PlaceLabel("samara", "Samara", "top center", 33),
    PlaceLabel("kars", "Kars", "bottom center", 34),
    PlaceLabel("novorossiysk", "Novorossiysk", "top left", 35),
    PlaceLabel("urumqi", "Ürümqi", "top center", 36),
    PlaceLabel("beyneu", "Beyneu", "top center", 37),
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
    PlaceLabel("sangachal", "Sangachal", "bottom right", 61),
    PlaceLabel("kropotkinskaya", "Kropotkinskaya", "top center", 63),
)

# A route's name has places to go: where the first collides (on a phone's smaller map the Middle
# Corridor's would sit on KAZAKHSTAN), the next is tried; map_labels.js shows a name once.
ROUTE_LABELS: tuple[RouteLabel, ...] = (
    RouteLabel("middle_corridor_black_sea", "Middle Corridor",
               ((0.42, "top center"), (0.58, "top center"), (0.36, "bottom center")), 0),
    RouteLabel("cpc", "CPC", ((0.55, "bottom center"), (0.4, "bottom center")), 14),
    RouteLabel("trans_caspian_oil_btc", "BTC", ((0.78, "bottom center"), (0.7, "bottom center")), 38),
    RouteLabel("northern_corridor", "Northern corridor (via Russia)", ((0.5, "top center"), (0.4, "top center")), 38),
)


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
    labels = [label for label in AREA_LABELS if label.kind == kind]
    return _text_trace(f"Names: {kind}", [label.lon for label in labels], [label.lat for label in labels],
                       [label.text for label in labels], "middle center", [label.priority for label in labels],
                       _textfont(kind))


def place_label_trace(registry: Registry) -> dict:
    labels = [label for label in PLACE_LABELS if label.node in registry.network.nodes]
    nodes = [registry.network.nodes[label.node] for label in labels]
    return _text_trace("Names: places", [n.lon for n in nodes], [n.lat for n in nodes],
                       [label.text for label in labels], [label.position for label in labels],
                       [label.priority for label in labels], _textfont("place"))


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
