"""Frozen records of the registry. Everything the UI, the figure and the tests know comes from these."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

COMMODITIES = ("oil", "gas", "cargo")
MODES = ("pipeline", "rail", "sea", "ferry", "road")
STATUSES = ("operating", "expanding", "planned", "disrupted")
CONFIDENCES = ("sourced", "approximate", "unsourced")
NODE_KINDS = ("port", "terminal", "border", "junction", "field", "pump station")
UNDATED = "undated"
# What a figure measures, said in the data so that nothing guesses it from the metric's words. A
# capacity (what a line, port or plant can carry or handle) is not a flow (what it carried, shipped
# or delivered), and a target (a plan, aim, forecast or scenario) or an agreement (what a contract or
# an offer allows) is neither; then a length, a time (a transit time), a share (of a total), a change
# (a difference from an earlier period or from another way: a fall in volumes, a detour's extra
# days) and a date (when something began).
FIGURE_KINDS = ("capacity", "flow", "target", "agreement", "length", "time", "share", "change", "date")


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Figure:
    metric: str
    value: float | None  # None when the published value is not one number ("20-25", "3x Northern")
    value_text: str
    unit: str
    as_of: str  # a year or date, or UNDATED when the source gives none
    sources: tuple[Source, ...]
    kind: str  # one of FIGURE_KINDS
    confidence: str = ""
    note: str = ""


@dataclass(frozen=True)
class Event:
    date: str
    event: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    kind: str
    country: str
    lon: float
    lat: float
    confidence: str
    coord_source: str
    offshore: bool = False

    @property
    def approximate(self) -> bool:
        return self.confidence != "sourced"


@dataclass(frozen=True)
class Leg:
    id: str
    start: str
    end: str
    mode: str
    subsea: bool
    coords: tuple[tuple[float, float], ...]  # (lon, lat), densified along great circles
    approximate: bool
    route_ids: tuple[str, ...]

    @property
    def on_water(self) -> bool:
        return self.mode in ("sea", "ferry") or self.subsea


@dataclass(frozen=True)
class TransitDifference:
    """Where the countries computed from the drawn geometry knowingly differ from the published list."""

    extra: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    why: str = ""


@dataclass(frozen=True)
class Route:
    id: str
    name: str
    short_name: str
    commodity: str
    commodity_detail: str
    status: str
    status_as_of: str
    status_note: str
    status_sources: tuple[Source, ...]
    operator: str
    published_transit_countries: tuple[str, ...]
    leg_ids: tuple[str, ...]
    length: Figure | None
    capacity: Figure | None
    figures: tuple[Figure, ...]
    events: tuple[Event, ...]
    sources: tuple[Source, ...]
    main_line: tuple[str, ...] = ()  # the legs the published length measures (a branchy route has several paths)
    transit_differs: TransitDifference = None  # type: ignore[assignment]  # set by the loader
    length_differs: str = ""  # why the drawn length is not comparable with the published one, if it is not
    notes: str = ""


@dataclass(frozen=True)
class CountryShape:
    name: str
    layer: str
    geojson: Mapping  # one GeoJSON Feature, read-only
    base_map_code: str = ""  # the base map's country it is (the map fills that shape); none for the Caspian


@dataclass(frozen=True)
class Network:
    nodes: Mapping[str, Node]
    legs: Mapping[str, Leg]
    routes: Mapping[str, Route]

    def route_legs(self, route_id: str) -> tuple[Leg, ...]:
        return tuple(self.legs[leg_id] for leg_id in self.routes[route_id].leg_ids)

    def route_node_ids(self, route_id: str) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for leg in self.route_legs(route_id):
            seen.setdefault(leg.start)
            seen.setdefault(leg.end)
        return tuple(seen)


def frozen_mapping(items: dict) -> Mapping:
    return MappingProxyType(dict(items))


def read_sources(raw: object, field_name: str, problem, blank_url_allowed: bool = False) -> tuple[Source, ...]:
    """A list of {title, url} as Sources, for every file that cites: the registry, the oil network and
    the seeds' metadata. Each bad item is reported as problem(field, message) and left out; anything
    but a list (or nothing) is one problem. `blank_url_allowed`: the fact sheet names a few sources
    whose address was not recorded."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problem(field_name, "must be a list of {title, url}")
        return ()
    sources = []
    for index, item in enumerate(raw):
        title, url = (item.get("title"), item.get("url")) if isinstance(item, dict) else (None, None)
        if (isinstance(title, str) and title.strip() and isinstance(url, str)
                and (url.startswith(("http://", "https://")) or (blank_url_allowed and url == ""))):
            sources.append(Source(title, url))
        else:
            problem(f"{field_name}[{index}]", f"{item!r} needs a title and an http(s) url"
                    + (" (or an empty one)" if blank_url_allowed else ""))
    return tuple(sources)
