"""The view in the URL's query string, and back: one pure codec.

    encode(view) -> "layers=...&route=cpc&center=49.2,41.3&scale=2.5&panel=details"
    decode(query, vocabulary) -> (the nearest valid View, what was ignored)

Defaults are left out, so a fresh dashboard's URL is bare and a shared one says only what differs.
decode never raises: unknown names, unknown ids, garbage and out-of-range numbers are dropped or
clamped, and each one is listed (shortened, as plain text) so the page can say what it ignored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode

from dashboard.registry.layers import LAYER_IDS
from dashboard.registry.model import STATUSES
from dashboard.view import DEFAULT_LAYERS, EMBED_PANELS, PANELS, SCALE_RANGE, View

MAX_QUERY_CHARS = 2000
MAX_SHOWN_CHARS = 40
LIST_SEPARATOR = ","
PARAMETERS = ("layers", "status", "route", "statement", "center", "scale", "panel", "embed", "panels", "off", "cap",
              "event")


@dataclass(frozen=True)
class Vocabulary:
    """The ids a URL may name: known routes and statements (layers and statuses are fixed)."""

    routes: frozenset[str]
    statements: frozenset[str]
    switches: frozenset[str] = frozenset()
    capacity_ranges: tuple[tuple[str, float, float], ...] = ()  # (edge id, lowest, highest) in Mt/y
    events: frozenset[str] = frozenset()


def default_panel(route: str | None) -> str:
    """A link that names a route opens on its details unless it says otherwise."""
    return "details" if route else PANELS[0]


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def encode(view: View) -> str:
    params: list[tuple[str, str]] = []
    if view.layers != DEFAULT_LAYERS:
        params.append(("layers", LIST_SEPARATOR.join(x for x in LAYER_IDS if x in view.layers)))
    if view.statuses != frozenset(STATUSES):
        params.append(("status", LIST_SEPARATOR.join(x for x in STATUSES if x in view.statuses)))
    if view.route:
        params.append(("route", view.route))
    if view.statement:
        params.append(("statement", view.statement))
    if view.center is not None:
        params.append(("center", f"{_number(view.center[0])},{_number(view.center[1])}"))
    if view.scale is not None:
        params.append(("scale", _number(view.scale)))
    if view.panel != default_panel(view.route):
        params.append(("panel", view.panel))
    if view.off:
        params.append(("off", LIST_SEPARATOR.join(sorted(view.off))))
    if view.capacities:
        params.append(("cap", LIST_SEPARATOR.join(f"{edge}:{_number(value)}" for edge, value in view.capacities)))
    if view.event:
        params.append(("event", view.event))
    if view.embed:
        params.append(("embed", "1"))
        if view.embed_panels:
            params.append(("panels", LIST_SEPARATOR.join(x for x in EMBED_PANELS if x in view.embed_panels)))
    return urlencode(params, safe=",:")


def _shown(text: str) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS - 1] + "…"


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _id_list(name: str, value: str, allowed: tuple[str, ...], ignored: list[str]) -> frozenset[str]:
    items = [x for x in value.split(LIST_SEPARATOR) if x != ""]
    unknown = [x for x in items if x not in allowed]
    if unknown:
        ignored.append(f"{name}: unknown {', '.join(_shown(x) for x in unknown[:5])}"
                       + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""))
    return frozenset(x for x in items if x in allowed)


def _center(value: str, ignored: list[str]) -> tuple[float, float] | None:
    parts = value.split(LIST_SEPARATOR)
    numbers = [_float(p) for p in parts] if len(parts) == 2 else [None]
    if any(n is None for n in numbers):
        ignored.append(f"center: {_shown(value)!r} is not 'longitude,latitude'")
        return None
    lon, lat = numbers
    clamped = (min(180.0, max(-180.0, lon)), min(90.0, max(-90.0, lat)))
    if clamped != (lon, lat):
        ignored.append(f"center: {_shown(value)} is off the globe, moved to {_number(clamped[0])},{_number(clamped[1])}")
    return clamped


def _scale(value: str, ignored: list[str]) -> float | None:
    number = _float(value)
    if number is None:
        ignored.append(f"scale: {_shown(value)!r} is not a number")
        return None
    low, high = SCALE_RANGE
    clamped = min(high, max(low, number))
    if clamped != number:
        ignored.append(f"scale: {_shown(value)} is out of range {_number(low)}-{_number(high)}, "
                       f"set to {_number(clamped)}")
    return clamped


def _capacities(value: str, vocabulary: Vocabulary, ignored: list[str]) -> tuple[tuple[str, float], ...]:
    ranges = {edge: (low, high) for edge, low, high in vocabulary.capacity_ranges}
    found: dict[str, float] = {}
    for item in (x for x in value.split(LIST_SEPARATOR) if x):
        edge, _, number_text = item.partition(":")
        number = _float(number_text)
        if edge not in ranges or number is None:
            ignored.append(f"cap: {_shown(item)!r} is not EDGE:Mt/y for a resizable leg")
            continue
        low, high = ranges[edge]
        clamped = min(high, max(low, number))
        if clamped != number:
            ignored.append(f"cap: {_shown(edge)} {_number(number)} is out of range {_number(low)}-{_number(high)}, "
                           f"set to {_number(clamped)}")
        found[edge] = round(clamped, 2)
    return tuple(sorted(found.items()))


def decode(query: str, vocabulary: Vocabulary) -> tuple[View, tuple[str, ...]]:
    ignored: list[str] = []
    query = (query or "").lstrip("?")
    if len(query) > MAX_QUERY_CHARS:
        ignored.append(f"the query string is {len(query):,} characters long; only the first "
                       f"{MAX_QUERY_CHARS:,} were read")
        query = query[:MAX_QUERY_CHARS]
    view = View()
    seen: set[str] = set()
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name not in PARAMETERS:
            ignored.append(f"unknown parameter {_shown(name)!r}")
            continue
        if name in seen:
            ignored.append(f"{name}: given twice, the first one was used")
            continue
        seen.add(name)
        if name == "layers":
            view = replace(view, layers=_id_list(name, value, LAYER_IDS, ignored))
        elif name == "status":
            view = replace(view, statuses=_id_list(name, value, STATUSES, ignored))
        elif name in ("route", "statement"):
            known = vocabulary.routes if name == "route" else vocabulary.statements
            if value in known:
                view = replace(view, **{name: value})
            elif value:
                ignored.append(f"{name}: unknown {_shown(value)!r}")
        elif name == "center":
            view = replace(view, center=_center(value, ignored))
        elif name == "scale":
            view = replace(view, scale=_scale(value, ignored))
        elif name == "panel":
            if value in PANELS:
                view = replace(view, panel=value)
            else:
                ignored.append(f"panel: unknown {_shown(value)!r}")
        elif name == "embed":
            if value in ("1", "true", "yes", ""):
                view = replace(view, embed=True)
            elif value not in ("0", "false", "no"):
                ignored.append(f"embed: {_shown(value)!r} is not 1 or 0")
        elif name == "panels":
            view = replace(view, embed_panels=_id_list(name, value, EMBED_PANELS, ignored))
        elif name == "off":
            view = replace(view, off=_id_list(name, value, tuple(sorted(vocabulary.switches)), ignored))
        elif name == "cap":
            view = replace(view, capacities=_capacities(value, vocabulary, ignored))
        elif name == "event":
            if value in vocabulary.events:
                view = replace(view, event=value)
            elif value:
                ignored.append(f"event: unknown {_shown(value)!r}")
    if "panel" not in seen:
        view = replace(view, panel=default_panel(view.route))
    if view.embed_panels and not view.embed:
        ignored.append("panels: only used with embed=1")
        view = replace(view, embed_panels=frozenset())
    return view, tuple(ignored)
