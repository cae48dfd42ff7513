"""Find a route, a place, a sea or a country by any of its names, and the view that shows it.

The entries come from the registry (routes' short and full names, places' names and their map
names) and from the map's own names (dashboard/figure/labels.py: seas and countries), so a new
route or place is searchable the moment it is in the data. Choosing an entry frames it and selects
it: a route is selected (its details open), a place is ringed; a sea or a country is framed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dashboard.figure.frame import GEO_FRAME, project
from dashboard.figure.labels import AREA_LABELS, place_name
from dashboard.registry.load import Registry
from dashboard.view import SCALE_RANGE, View

PLACE_SCALE = 9.0  # a port and its approaches
AREA_SCALE = 4.5  # a country or a sea of the corridor
MAX_ROUTE_SCALE = 12.0
KIND_LABELS = {"route": "Route", "place": "Place", "sea": "Sea", "country": "Country"}


@dataclass(frozen=True)
class SearchEntry:
    key: str  # "route:cpc", "place:aktau", "sea:Caspian Sea", "country:Kazakhstan"
    label: str
    kind: str
    names: tuple[str, ...]  # every name it is found by
    lon: float
    lat: float
    scale: float


def _route_frame(registry: Registry, route_id: str) -> tuple[float, float, float]:
    """Centre and scale that show the whole route: its projected extent against the default frame's."""
    coords = [c for leg in registry.network.route_legs(route_id) for c in leg.coords]
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    points = [project(lon, lat) for lon, lat in coords]
    width = max(p[0] for p in points) - min(p[0] for p in points)
    height = max(p[1] for p in points) - min(p[1] for p in points)
    story = (project(122.5, 43)[0] - project(25.5, 43)[0], project(72, 54.5)[1] - project(72, 32.5)[1])
    zoom = min(story[0] / max(width, 1e-6), story[1] / max(height, 1e-6)) * 0.8
    scale = min(MAX_ROUTE_SCALE, max(SCALE_RANGE[0], GEO_FRAME["projection"]["scale"] * zoom))
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2, round(scale, 3)


def search_entries(registry: Registry) -> tuple[SearchEntry, ...]:
    entries = []
    for route in registry.network.routes.values():
        lon, lat, scale = _route_frame(registry, route.id)
        entries.append(SearchEntry(f"route:{route.id}", route.short_name, "route",
                                   tuple(dict.fromkeys((route.short_name, route.name))), lon, lat, scale))
    for node in registry.network.nodes.values():
        entries.append(SearchEntry(f"place:{node.id}", place_name(node), "place",
                                   tuple(dict.fromkeys((place_name(node), node.name, node.country))),
                                   node.lon, node.lat, PLACE_SCALE))
    for area in AREA_LABELS:
        kind = "sea" if area.kind == "sea" else "country"
        entries.append(SearchEntry(f"{kind}:{area.text}", area.text, kind, (area.text,), area.lon, area.lat,
                                   AREA_SCALE))
    return tuple(sorted(entries, key=lambda e: (list(KIND_LABELS).index(e.kind), e.label.casefold())))


def find(entries: tuple[SearchEntry, ...], text: str) -> list[SearchEntry]:
    """Entries any of whose names contains every word of the text (case and accents as typed)."""
    words = text.casefold().split()
    return [e for e in entries if all(any(w in name.casefold() for name in e.names) for w in words)]


def view_for(entry: SearchEntry, view: View) -> View:
    """The view that frames the entry and selects it; the layers and filters stay as they were."""
    framed = replace(view, center=(round(entry.lon, 4), round(entry.lat, 4)), scale=entry.scale, rotation=None)
    if entry.kind == "route":
        return replace(framed, route=entry.key.split(":", 1)[1], panel="details", place=None)
    if entry.kind == "place":
        return replace(framed, place=entry.key.split(":", 1)[1])
    return replace(framed, place=None)


def dropdown_options(entries: tuple[SearchEntry, ...]) -> list[dict]:
    """dcc.Dropdown's options: the label with its kind; every name searchable."""
    return [{"label": f"{e.label} · {KIND_LABELS[e.kind]}", "value": e.key, "search": " ".join(e.names)}
            for e in entries]
