"""The view in the URL's query string, and back: one pure codec.

    encode(view) -> "layers=...&route=cpc&center=49.2,41.3&scale=2.5&panel=details"
    decode(query, vocabulary) -> (the nearest valid View, what was ignored)

Defaults are left out, so a fresh dashboard's URL is bare and a shared one says only what differs.
decode never raises: unknown names, unknown ids, garbage and out-of-range numbers are dropped or
clamped, and each one is listed (shortened, as plain text) so the page can say what it ignored.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Callable
from urllib.parse import parse_qsl, urlencode

from dashboard.corridor.whatif import decode_parameter as decode_corridor, encode_parameter as encode_corridor
from dashboard.registry.layers import LAYER_IDS
from dashboard.registry.model import STATUSES
from dashboard.compare_columns import SORTABLE
from dashboard.panels import PANELS
from dashboard.statements.query import MAX_SEARCH_CHARS, NEWEST, ORDERS, normal_search
from dashboard.view import iso_date
from dashboard.view import DEFAULT_LAYERS, EMBED_PANELS, RUSSIA_FILTERS, SCALE_RANGE, View

MAX_QUERY_CHARS = 2000
MAX_SHOWN_CHARS = 40
LIST_SEPARATOR = ","


@dataclass(frozen=True)
class Vocabulary:
    """The ids a URL may name: known routes and statements (layers and statuses are fixed)."""

    routes: frozenset[str]
    statements: frozenset[str]
    switches: frozenset[str] = frozenset()
    capacity_ranges: tuple[tuple[str, float, float], ...] = ()  # (edge id, lowest, highest) in Mt/y
    events: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    # The statements' speakers, outlets, topics and the routes and places they concern (slugs and ids,
    # statements.query). None: not checked here, any well-formed id is kept (it then finds nothing).
    speakers: frozenset[str] | None = None
    outlets: frozenset[str] | None = None
    topics: frozenset[str] | None = None
    about: frozenset[str] | None = None


def with_statement_facets(vocabulary: Vocabulary, index) -> Vocabulary:
    """The vocabulary with what the corpus's statements can be filtered by (a StatementIndex)."""
    return replace(vocabulary, speakers=frozenset(f.id for f in index.speakers),
                   outlets=frozenset(f.id for f in index.outlets), topics=frozenset(index.topic_counts),
                   about=frozenset(index.about_counts))


def default_panel(route: str | None) -> str:
    """A link that names a route opens on its details unless it says otherwise."""
    return "details" if route else PANELS[0]


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def encode(view: View) -> str:
    params = [(p.name, value) for p in PARAMETERS if (value := p.encode(view)) is not None]
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


def _id_list(name: str, value: str, allowed: tuple[str, ...], ignored: list[str],
             default: frozenset[str] = frozenset()) -> frozenset[str]:
    """The known ids of a list. A list that names only unknown ids keeps the default: a link with a
    typo should not hide the whole map (an empty list still means none)."""
    items = [x for x in value.split(LIST_SEPARATOR) if x != ""]
    unknown = [x for x in items if x not in allowed]
    known = frozenset(x for x in items if x in allowed)
    if unknown:
        kept = " (the default kept)" if items and not known and default else ""
        ignored.append(f"{name}: unknown {', '.join(_shown(x) for x in unknown[:5])}"
                       + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "") + kept)
        if not known:
            return default
    return known


def _lon_lat(name: str, value: str, ignored: list[str]) -> tuple[float, float] | None:
    parts = value.split(LIST_SEPARATOR)
    numbers = [_float(p) for p in parts] if len(parts) == 2 else [None]
    if any(n is None for n in numbers):
        ignored.append(f"{name}: {_shown(value)!r} is not 'longitude,latitude'")
        return None
    lon, lat = numbers
    clamped = (min(180.0, max(-180.0, lon)), min(90.0, max(-90.0, lat)))
    if clamped != (lon, lat):
        ignored.append(f"{name}: {_shown(value)} is off the globe, moved to {_number(clamped[0])},{_number(clamped[1])}")
    return clamped


def _center(value: str, ignored: list[str]) -> tuple[float, float] | None:
    return _lon_lat("center", value, ignored)


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
    seen: dict[str, int] = {}
    unknown: dict[str, int] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        parameter = BY_NAME.get(name)
        if parameter is None:
            unknown[name] = unknown.get(name, 0) + 1
            continue
        seen[name] = seen.get(name, 0) + 1
        if seen[name] == 1:
            view = parameter.decode(view, value, vocabulary, ignored)
    for name in list(unknown)[:5]:
        ignored.append(f"unknown parameter {_shown(name)!r}")
    if len(unknown) > 5:
        ignored.append(f"and {len(unknown) - 5} more unknown parameters")
    for name, count in seen.items():
        if count > 1:
            ignored.append(f"{name}: given {'twice' if count == 2 else f'{count} times'}, the first one was used")
    if "panel" not in seen:
        view = replace(view, panel=default_panel(view.route))
    if view.embed_panels and not view.embed:
        ignored.append("panels: only used with embed=1")
        view = replace(view, embed_panels=frozenset())
    return view, tuple(ignored)


def _known_id(field: str, known: Callable[[Vocabulary], frozenset[str]]) -> Callable:
    def decode_id(view: View, value: str, vocabulary: Vocabulary, ignored: list[str]) -> View:
        if value in known(vocabulary):
            return replace(view, **{field: value})
        if value:
            ignored.append(f"{field}: unknown {_shown(value)!r}")
        return view
    return decode_id


def _one_of(name: str, field: str, allowed: Callable[[str], bool], refusal: str) -> Callable:
    """A parameter that takes one value from a known set; `refusal` says why another was ignored
    ({value} stands for the value as given)."""
    def decode(view: View, value: str, vocabulary: Vocabulary, ignored: list[str]) -> View:
        if allowed(value):
            return replace(view, **{field: value})
        ignored.append(f"{name}: " + refusal.format(value=repr(_shown(value))))
        return view
    return decode


_decode_russia = _one_of("russia", "russia", lambda v: v in RUSSIA_FILTERS,
                         "{value} is not " + " or ".join(RUSSIA_FILTERS))
_decode_compare_by = _one_of("compare_by", "compare_by", lambda v: v.lstrip("-") in SORTABLE, "unknown column {value}")
_decode_panel = _one_of("panel", "panel", lambda v: v in PANELS, "unknown {value}")


def _decode_embed(view: View, value: str, vocabulary: Vocabulary, ignored: list[str]) -> View:
    if value in ("1", "true", "yes", ""):
        return replace(view, embed=True)
    if value not in ("0", "false", "no"):
        ignored.append(f"embed: {_shown(value)!r} is not 1 or 0")
    return view


@dataclass(frozen=True)
class Parameter:
    """One part of the address: its name, how a view writes it (None: the default, left out) and how
    it is read back into a view (anything unusable is named in `ignored`). The table below is the
    one place a parameter is defined: encode, decode and the URL's order all come from it."""

    name: str
    encode: Callable[[View], str | None]
    decode: Callable[[View, str, Vocabulary, list[str]], View]


def _joined(order: tuple[str, ...], chosen: frozenset[str]) -> str:
    return LIST_SEPARATOR.join(x for x in order if x in chosen)


PARAMETERS: tuple[Parameter, ...] = (
    Parameter("layers", lambda v: _joined(LAYER_IDS, v.layers) if v.layers != DEFAULT_LAYERS else None,
              lambda v, value, voc, ignored: replace(
                  v, layers=_id_list("layers", value, LAYER_IDS, ignored, DEFAULT_LAYERS))),
    Parameter("status", lambda v: _joined(STATUSES, v.statuses) if v.statuses != frozenset(STATUSES) else None,
              lambda v, value, voc, ignored: replace(
                  v, statuses=_id_list("status", value, STATUSES, ignored, frozenset(STATUSES)))),
    Parameter("russia", lambda v: v.russia, _decode_russia),
    Parameter("route", lambda v: v.route or None, _known_id("route", lambda voc: voc.routes)),
    Parameter("statement", lambda v: v.statement or None, _known_id("statement", lambda voc: voc.statements)),
    Parameter("place", lambda v: v.place or None, _known_id("place", lambda voc: voc.places)),
    Parameter("center", lambda v: f"{_number(v.center[0])},{_number(v.center[1])}" if v.center is not None else None,
              lambda v, value, voc, ignored: replace(v, center=_center(value, ignored))),
    Parameter("rotate", lambda v: f"{_number(v.rotation[0])},{_number(v.rotation[1])}" if v.rotation else None,
              lambda v, value, voc, ignored: replace(v, rotation=_lon_lat("rotate", value, ignored))),
    Parameter("scale", lambda v: _number(v.scale) if v.scale is not None else None,
              lambda v, value, voc, ignored: replace(v, scale=_scale(value, ignored))),
    Parameter("panel", lambda v: v.panel if v.panel != default_panel(v.route) else None, _decode_panel),
    Parameter("compare_by", lambda v: v.compare_by, _decode_compare_by),
    Parameter("off", lambda v: LIST_SEPARATOR.join(sorted(v.off)) or None,
              lambda v, value, voc, ignored: replace(
                  v, off=_id_list("off", value, tuple(sorted(voc.switches)), ignored))),
    Parameter("cap", lambda v: LIST_SEPARATOR.join(f"{edge}:{_number(value)}" for edge, value in v.capacities) or None,
              lambda v, value, voc, ignored: replace(v, capacities=_capacities(value, voc, ignored))),
    Parameter("event", lambda v: v.event or None, _known_id("event", lambda voc: voc.events)),
    Parameter("corridor", encode_corridor, decode_corridor),
    Parameter("embed", lambda v: "1" if v.embed else None, _decode_embed),
    Parameter("panels", lambda v: _joined(EMBED_PANELS, v.embed_panels) if v.embed and v.embed_panels else None,
              lambda v, value, voc, ignored: replace(
                  v, embed_panels=_id_list("panels", value, EMBED_PANELS, ignored))),
)
_FACET_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
MAX_PAGE = 100_000


def _facet(name: str, field: str) -> Callable:
    """A list of speakers, outlets, topics or routes and places to filter the statements by."""
    def decode_facet(view: View, value: str, vocabulary: Vocabulary, ignored: list[str]) -> View:
        known = getattr(vocabulary, field)
        items = [x for x in value.split(LIST_SEPARATOR) if x]
        allowed = tuple(sorted(known)) if known is not None else tuple(x for x in items if _FACET_ID.match(x))
        return replace(view, **{field: _id_list(name, value, allowed, ignored)})
    return decode_facet


def _decode_search(view: View, value: str, vocabulary: Vocabulary, ignored: list[str]) -> View:
    text = normal_search("".join(ch if ch.isprintable() else " " for ch in value))
    if len(" ".join(value.split())) > MAX_SEARCH_CHARS:
        ignored.append(f"q: longer than {MAX_SEARCH_CHARS} characters, cut")
    return replace(view, search=text)


def _date(name: str, field: str) -> Callable:
    def decode_date(view: View, value: str, vocabulary: Vocabulary, ignored: list[str]) -> View:
        date = iso_date(value) if len(value) == 10 else None
        if date is None and value:
            ignored.append(f"{name}: {_shown(value)!r} is not a date (YYYY-MM-DD)")
        return replace(view, **{field: date})
    return decode_date


def _decode_order(view: View, value: str, vocabulary: Vocabulary, ignored: list[str]) -> View:
    if value in ORDERS:
        return replace(view, order=value)
    ignored.append(f"sort: {_shown(value)!r} is not {' or '.join(ORDERS)}")
    return view


def _decode_page(view: View, value: str, vocabulary: Vocabulary, ignored: list[str]) -> View:
    if value.isdigit() and 1 <= int(value) <= MAX_PAGE:
        return replace(view, page=int(value))
    ignored.append(f"page: {_shown(value)!r} is not a page number")
    return view


# The statements panel's filters, order and page (README: Filtering statements). A page past the last
# is shown as the last; a filter changed goes back to the first.
PARAMETERS += (
    Parameter("q", lambda v: v.search or None, _decode_search),
    Parameter("speaker", lambda v: LIST_SEPARATOR.join(sorted(v.speakers)) or None, _facet("speaker", "speakers")),
    Parameter("outlet", lambda v: LIST_SEPARATOR.join(sorted(v.outlets)) or None, _facet("outlet", "outlets")),
    Parameter("topic", lambda v: LIST_SEPARATOR.join(sorted(v.topics)) or None, _facet("topic", "topics")),
    Parameter("about", lambda v: LIST_SEPARATOR.join(sorted(v.about)) or None, _facet("about", "about")),
    Parameter("from", lambda v: v.date_from, _date("from", "date_from")),
    Parameter("to", lambda v: v.date_to, _date("to", "date_to")),
    Parameter("sort", lambda v: v.order if v.order != NEWEST else None, _decode_order),
    Parameter("page", lambda v: str(v.page) if v.page != 1 else None, _decode_page),
)
BY_NAME = {parameter.name: parameter for parameter in PARAMETERS}
