"""What the user is looking at: visible layers, status filter and selection. Pure and frozen.

A View is the one description of a screen: the figure, the panels and (later) the URL are all
derived from it, so two users never share one and a link can reproduce it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from typing import Any, Mapping

from dashboard.figure.frame import GEO_FRAME
from dashboard.panels import PANELS
from dashboard.registry.layers import LAYER_IDS, LAYERS
from dashboard.registry.model import STATUSES
from dashboard.statements.query import NEWEST, ORDERS, StatementFilters, normal_search

RUSSIA_FILTERS = {"crosses": "Only routes through Russia", "avoids": "Only routes that avoid Russia"}
DEFAULT_LAYERS = frozenset(layer.id for layer in LAYERS if layer.visible_by_default)
EMBED_PANELS = ("legend", "statements", "details")  # what an embedded map may show beside itself
# Plotly geo projection scale: from a little more than the whole corridor to a port, as the map allows.
SCALE_RANGE = (GEO_FRAME["projection"]["minscale"], float(GEO_FRAME["projection"]["maxscale"]))


@dataclass(frozen=True)
class View:
    layers: frozenset[str] = DEFAULT_LAYERS
    statuses: frozenset[str] = frozenset(STATUSES)
    route: str | None = None
    statement: str | None = None
    center: tuple[float, float] | None = None  # (lon, lat) of the map's middle, from a link; None = the frame
    rotation: tuple[float, float] | None = None  # (lon, lat) the projection turns to when the user pans
    russia: str | None = None  # "crosses" or "avoids": only the routes that cross Russia, or only those that do not
    place: str | None = None  # a place found by search: ringed on the map
    compare_by: str | None = None  # the Compare table's sort: a column, or -column for descending
    scale: float | None = None  # projection scale once the user has zoomed; None = the frame
    panel: str = PANELS[0]
    embed: bool = False
    embed_panels: frozenset[str] = frozenset()
    off: frozenset[str] = frozenset()  # scenario: switches of the oil network turned off
    capacities: tuple[tuple[str, float], ...] = ()  # scenario: (edge id, Mt/y), sorted by edge id
    event: str | None = None  # the timeline event whose scenario this is, if it is one
    corridor: tuple[tuple[str, float], ...] = ()  # the corridor's what-if: (knob, number), sorted (corridor/whatif.py)
    # The statements panel: what the analyst filters by and searches for, the order and the page.
    search: str = ""
    speakers: frozenset[str] = frozenset()  # speaker slugs (statements.query.slug)
    outlets: frozenset[str] = frozenset()  # outlet slugs
    topics: frozenset[str] = frozenset()  # topic ids
    about: frozenset[str] = frozenset()  # route and place ids
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None
    order: str = NEWEST
    page: int = 1

    def to_store(self) -> dict[str, Any]:
        """A JSON-able dict, with lists in registry order so equal views give equal dicts."""
        return {
            "layers": [layer_id for layer_id in LAYER_IDS if layer_id in self.layers],
            "statuses": [status for status in STATUSES if status in self.statuses],
            "route": self.route,
            "statement": self.statement,
            "center": list(self.center) if self.center else None,
            "rotation": list(self.rotation) if self.rotation else None,
            "russia": self.russia,
            "place": self.place,
            "compare_by": self.compare_by,
            "scale": self.scale,
            "panel": self.panel,
            "embed": self.embed,
            "embed_panels": [p for p in EMBED_PANELS if p in self.embed_panels],
            "off": sorted(self.off),
            "capacities": [list(item) for item in self.capacities],
            "event": self.event,
            "corridor": [list(item) for item in self.corridor],
            "search": self.search,
            "speakers": sorted(self.speakers),
            "outlets": sorted(self.outlets),
            "topics": sorted(self.topics),
            "about": sorted(self.about),
            "date_from": self.date_from,
            "date_to": self.date_to,
            "order": self.order,
            "page": self.page,
        }

    @classmethod
    def from_store(cls, data: Mapping[str, Any] | None) -> "View":
        if not data:
            return cls()
        center = data.get("center")
        scale = data.get("scale")
        return cls(
            layers=frozenset(x for x in data.get("layers", ()) if x in LAYER_IDS),
            statuses=frozenset(x for x in data.get("statuses", ()) if x in STATUSES),
            route=data.get("route") if isinstance(data.get("route"), str) else None,
            statement=data.get("statement") if isinstance(data.get("statement"), str) else None,
            center=_pair(center),
            rotation=_pair(data.get("rotation")),
            russia=data.get("russia") if data.get("russia") in RUSSIA_FILTERS else None,
            place=data.get("place") if isinstance(data.get("place"), str) else None,
            compare_by=data.get("compare_by") if isinstance(data.get("compare_by"), str) else None,
            scale=float(scale) if isinstance(scale, (int, float)) else None,
            panel=data.get("panel") if data.get("panel") in PANELS else PANELS[0],
            embed=data.get("embed") is True,
            embed_panels=frozenset(p for p in data.get("embed_panels", ()) if p in EMBED_PANELS),
            off=frozenset(x for x in data.get("off", ()) if isinstance(x, str)),
            capacities=tuple(sorted((str(k), float(v)) for k, v in data.get("capacities", ())
                                    if isinstance(v, (int, float)))),
            event=data.get("event") if isinstance(data.get("event"), str) else None,
            corridor=tuple(sorted((str(k), float(v)) for k, v in data.get("corridor", ())
                                  if isinstance(v, (int, float)) and not isinstance(v, bool))),
            **statement_filters_from_store(data),
        )


def with_layers(view: View, layers: list[str] | None) -> View:
    return replace(view, layers=frozenset(x for x in (layers or ()) if x in LAYER_IDS))


def with_russia(view: View, value: str | None) -> View:
    return replace(view, russia=value if value in RUSSIA_FILTERS else None)


def with_statuses(view: View, statuses: list[str] | None) -> View:
    return replace(view, statuses=frozenset(x for x in (statuses or ()) if x in STATUSES))


def select_route(view: View, route_id: str | None) -> View:
    """Selecting a route opens its details; selecting it again (or nothing) clears it. A selected
    statement stays, so its quote remains highlighted while the user reads the routes it names."""
    if route_id == view.route:
        return replace(view, route=None, panel=PANELS[0] if view.panel == "details" else view.panel)
    return replace(view, route=route_id, panel="details" if route_id else view.panel)


def choose_route(view: View, route_id: str) -> View:
    """Selecting from the comparison table: the route is highlighted, the table stays open."""
    return replace(view, route=route_id)


def select_statement(view: View, statement_id: str | None) -> View:
    if statement_id == view.statement:
        statement_id = None
    return replace(view, statement=statement_id)


def with_panel(view: View, panel: str | None) -> View:
    return replace(view, panel=panel) if panel in PANELS else view


def with_map_position(view: View, relayout: Mapping[str, Any] | None) -> View:
    """The view after the user panned or zoomed the map (Plotly's relayoutData); other relayout
    events (autosize, a reset) leave it alone or return it to the frame."""
    if not relayout:
        return view
    moved = ("geo.projection.scale", "geo.center.lon", "geo.projection.rotation.lon")
    if all(relayout.get(key) is None for key in moved):
        if relayout.get("geo") is not None or "geo.fitbounds" in relayout:  # the map's reset: back to the frame
            return replace(view, center=None, scale=None, rotation=None)
        return view
    # A pan on this conic map turns the projection (Plotly reports its rotation), it does not move a centre.
    rotation = view.rotation
    rlon, rlat = relayout.get("geo.projection.rotation.lon"), relayout.get("geo.projection.rotation.lat", 0.0)
    if _finite(rlon) and _finite(rlat):
        rotation = (round(min(180.0, max(-180.0, float(rlon))), 4), round(min(90.0, max(-90.0, float(rlat))), 4))
    center = view.center
    lon, lat = relayout.get("geo.center.lon"), relayout.get("geo.center.lat")
    if _finite(lon) and _finite(lat):  # a client may send anything: on the globe, or not at all
        center = (round(min(180.0, max(-180.0, float(lon))), 4), round(min(90.0, max(-90.0, float(lat))), 4))
    scale = relayout.get("geo.projection.scale", view.scale)
    if _finite(scale):
        low, high = SCALE_RANGE
        scale = round(min(high, max(low, float(scale))), 4)
    else:
        scale = view.scale
    return replace(view, center=center, scale=scale, rotation=rotation)


def _pair(value: object) -> tuple[float, float] | None:
    if isinstance(value, list) and len(value) == 2 and all(_finite(v) for v in value):
        return float(value[0]), float(value[1])
    return None


def _finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def clear_selection(view: View) -> View:
    return replace(view, route=None, statement=None)


def view_classes(view: View) -> str:
    """The page's root classes: which side panel is open and, embedded, which parts show."""
    classes = ["app", f"panel-{view.panel}"]
    if view.embed:
        classes.append("is-embed")
        classes += [f"embed-{panel}" for panel in EMBED_PANELS if panel in view.embed_panels]
    return " ".join(classes)


def with_switches(view: View, off: list[str] | None) -> View:
    """Switching routes or places off by hand leaves the timeline: the scenario is the user's own."""
    return replace(view, off=frozenset(off or ()), event=None)


def with_capacity(view: View, edge_id: str, value: float | None) -> View:
    capacities = dict(view.capacities)
    if value is None:
        capacities.pop(edge_id, None)
    else:
        capacities[edge_id] = round(float(value), 2)
    return replace(view, capacities=tuple(sorted(capacities.items())), event=None)


def with_event(view: View, event) -> View:
    """The view with an event's scenario applied (or today's, for None)."""
    if event is None:
        return replace(view, off=frozenset(), capacities=(), event=None)
    return replace(view, off=frozenset(event.off), capacities=tuple(sorted(event.capacities)), event=event.id)


# The statements panel's filters: the View's field for each control (ui: its pattern-matching id).
STATEMENT_FILTER_FIELDS = ("search", "speakers", "outlets", "topics", "about", "date_from", "date_to", "order")
_SET_FIELDS = ("speakers", "outlets", "topics", "about")


def iso_date(value: object) -> str | None:
    """A date as YYYY-MM-DD, or None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def statement_filter_value(field: str, value: object):
    """A control's value as the View keeps it; anything a client could send is made valid."""
    if field in _SET_FIELDS:
        items = value if isinstance(value, (list, tuple, set, frozenset)) else ()
        return frozenset(x for x in items if isinstance(x, str) and x)
    if field == "search":
        return normal_search(value) if isinstance(value, str) else ""
    if field == "order":
        return value if value in ORDERS else NEWEST
    return iso_date(value)


def statement_filters_from_store(data: Mapping[str, Any]) -> dict[str, Any]:
    page = data.get("page")
    return {field: statement_filter_value(field, data.get(field)) for field in STATEMENT_FILTER_FIELDS} | {
        "page": page if isinstance(page, int) and not isinstance(page, bool) and page >= 1 else 1}


def with_statement_filter(view: View, field: str, value: object) -> View:
    """One filter changed: back to the first page. A control that shows what the view already is
    changes nothing (that is also how a control set from an opened link comes back)."""
    if field not in STATEMENT_FILTER_FIELDS:
        return view
    value = statement_filter_value(field, value)
    return view if value == getattr(view, field) else replace(view, **{field: value}, page=1)


def clear_statement_filters(view: View) -> View:
    return replace(view, **{field: getattr(View(), field) for field in STATEMENT_FILTER_FIELDS}, page=1)


def with_page(view: View, page: int) -> View:
    return replace(view, page=max(1, int(page)))


def statement_filters(view: View) -> StatementFilters:
    """What the statements panel asks of the corpus's index (statements.query.find)."""
    return StatementFilters(
        text=view.search, speakers=view.speakers, outlets=view.outlets, topics=view.topics, about=view.about,
        date_from=dt.date.fromisoformat(view.date_from) if view.date_from else None,
        date_to=dt.date.fromisoformat(view.date_to) if view.date_to else None, order=view.order)


def with_page_step(view: View, action: str, pages: int) -> View:
    """The pager's buttons: first, previous, next or last of `pages` (a page past the last counts as it)."""
    current = min(view.page, pages)
    target = {"first": 1, "prev": current - 1, "next": current + 1, "last": pages}.get(action, current)
    return with_page(view, min(max(1, target), pages))
