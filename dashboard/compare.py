"""The routes side by side: one row per route the map shows, in harmonised units, each cell with its
source. Pure: the Compare tab renders these rows, its CSV download carries them whole."""

from __future__ import annotations

import re

from dashboard.appdata import RUSSIA, AppData
from dashboard.figure.map_figure import trace_keys, trace_visible
from dashboard.registry.model import Figure, Route, Source
from dashboard.view import View

VOLUME_METRIC = re.compile(r"volume|cargo|throughput|shipments|exports|via BTC|toward BTC|into CPC|carried",
                           re.IGNORECASE)
UNIT_COLUMNS = (("capacity_mt_y", "Mt/y"), ("capacity_bbl_d", "bbl/d"), ("capacity_bcm_y", "bcm/y"),
                ("capacity_teu", "TEU"))


def _sources_text(sources: tuple[Source, ...]) -> str:
    return "; ".join(f"{s.title} <{s.url}>" if s.url else s.title for s in sources)


def recent_volume(route: Route) -> Figure | None:
    """The latest annual volume in tonnes the route's figures give (not a capacity, not a target)."""
    volumes = [f for f in route.figures
               if f.value is not None and f.unit.startswith("Mt") and not f.unit.startswith("Mt/y")
               and VOLUME_METRIC.search(f.metric) and "target" not in f.metric and "plan" not in f.metric
               and f.as_of[:4].isdigit()]
    return max(volumes, key=lambda f: f.as_of) if volumes else None


def transit_time(route: Route) -> Figure | None:
    times = [f for f in route.figures if f.unit.startswith("days") and "transit" in f.metric]
    return max(times, key=lambda f: f.as_of) if times else None


def mode_changes(data: AppData, route: Route) -> int:
    """Changes of mode (transshipments) along the route's main line, in leg order."""
    modes = [data.registry.network.legs[leg_id].mode for leg_id in (route.main_line or route.leg_ids)]
    return sum(1 for a, b in zip(modes, modes[1:]) if a != b)


def visible_route_ids(data: AppData, view: View) -> list[str]:
    keys = trace_keys(data.registry)
    shown = {k[1] for k in keys if k[0] == "route" and trace_visible(k, data.registry, view)}
    return [route_id for route_id in data.registry.network.routes if route_id in shown]


def comparison_row(data: AppData, route: Route) -> dict:
    computed = data.computed[route.id]
    capacity = route.capacity
    row = {
        "id": route.id, "route": route.short_name, "commodity": route.commodity, "status": route.status,
        "length_published_km": route.length.value if route.length else None,
        "length_computed_km": round(computed.main_line_km),
        "transit_countries": " → ".join(computed.transit_countries),
        "border_crossings": max(0, len(computed.transit_countries) - 1),
        "mode_changes": mode_changes(data, route),
        "crosses_russia": "yes" if RUSSIA in computed.transit_countries else "no",
        "statements": data.corpus.index.route_count(route.id),
        "status_source": _sources_text(route.status_sources),
        "length_source": _sources_text(route.length.sources) if route.length else "",
        "capacity_as_of": capacity.as_of if capacity else "",
        "capacity_source": _sources_text(capacity.sources) if capacity else "capacity unsourced",
    }
    for column, unit in UNIT_COLUMNS:
        row[column] = capacity.value if capacity and capacity.unit.startswith(unit) else None
    volume = recent_volume(route)
    row["recent_volume"] = f"{volume.value_text} {volume.unit} ({volume.as_of})" if volume else ""
    row["volume_source"] = _sources_text(volume.sources) if volume else ""
    time = transit_time(route)
    row["transit_time"] = f"{time.value_text} {time.unit}" if time else ""
    row["transit_time_source"] = _sources_text(time.sources) if time else ""
    return row


def comparison_rows(data: AppData, view: View) -> list[dict]:
    """One row per route the map shows under the view's layers and status filter."""
    routes = data.registry.network.routes
    return [comparison_row(data, routes[route_id]) for route_id in visible_route_ids(data, view)]


# What each displayed column's cell is sourced by, for the cells' hover text.
CELL_SOURCES = {"status": "status_source", "length_published_km": "length_source",
                "capacity_mt_y": "capacity_source", "capacity_bbl_d": "capacity_source",
                "capacity_bcm_y": "capacity_source", "capacity_teu": "capacity_source",
                "recent_volume": "volume_source", "transit_time": "transit_time_source"}
COMPUTED_NOTE = "computed from the drawn (schematic) geometry of the registry"


def sort_rows(rows: list[dict], column: str | None, descending: bool) -> list[dict]:
    """Rows sorted by a column, empty cells last whichever the direction."""
    if not column:
        return rows
    filled = [r for r in rows if r.get(column) not in (None, "")]
    empty = [r for r in rows if r.get(column) in (None, "")]
    return sorted(filled, key=lambda r: r[column], reverse=descending) + empty


def next_sort(current: dict | None, column: str) -> dict:
    """Clicking a column sorts by it, ascending; clicking it again reverses."""
    if current and current.get("column") == column:
        return {"column": column, "descending": not current.get("descending", False)}
    return {"column": column, "descending": False}


# The table's columns (key, heading), in order; the CSV adds the sources of each cell.
COLUMNS = [
    ("route", "Route"), ("commodity", "Commodity"), ("status", "Status"),
    ("capacity_mt_y", "Capacity Mt/y"), ("capacity_bbl_d", "Capacity bbl/d"), ("capacity_bcm_y", "Capacity bcm/y"),
    ("capacity_teu", "Capacity TEU"), ("capacity_as_of", "Capacity as of"), ("recent_volume", "Recent volume"),
    ("length_published_km", "Length km (published)"), ("length_computed_km", "Length km (computed)"),
    ("transit_countries", "Countries (computed)"), ("border_crossings", "Border crossings"),
    ("mode_changes", "Changes of mode"), ("crosses_russia", "Crosses Russia"),
    ("transit_time", "Transit time (published)"), ("statements", "Statements"),
]
SOURCE_COLUMNS = [("status_source", "Status source"), ("length_source", "Length source"),
                  ("capacity_source", "Capacity source"), ("volume_source", "Volume source"),
                  ("transit_time_source", "Transit time source"), ("id", "Route id")]


def to_csv(rows: list[dict], columns: list[tuple[str, str]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([name for _, name in columns])
    for row in rows:
        writer.writerow(["" if row.get(key) is None else row.get(key) for key, _ in columns])
    return out.getvalue()
