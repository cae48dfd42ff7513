"""The routes side by side: one row per route the map shows, in harmonised units, each cell with its
source. Pure: the Compare tab renders these rows, its CSV download carries them whole."""

from __future__ import annotations

from dashboard.appdata import RUSSIA, AppData
from dashboard.compare_columns import COLUMNS, SORT_KEYS, SOURCE_COLUMNS, TABLE_COLUMNS  # noqa: F401
from dashboard.figure.map_figure import trace_keys, trace_visible
from dashboard.registry.model import Figure, Route, Source
from dashboard.view import View

UNIT_COLUMNS = (("capacity_mt_y", "Mt/y"), ("capacity_bbl_d", "bbl/d"), ("capacity_bcm_y", "bcm/y"),
                ("capacity_teu", "TEU"))


def _sources_text(sources: tuple[Source, ...]) -> str:
    return "; ".join(f"{s.title} <{s.url}>" if s.url else s.title for s in sources)


def recent_volume(route: Route) -> Figure | None:
    """The latest volume in tonnes the route's figures say it carried: a flow (its kind, in the data),
    never a capacity, a target or an agreement that happens to be in tonnes. Of two flows of the same
    year (BTC's first half and January-August of 2025) the later-listed, which the data lists as the
    longer period; the cell names the figure's metric, so a part of a year never reads as a whole one."""
    volumes = [(f.as_of, order, f) for order, f in enumerate(route.figures)
               if f.kind == "flow" and f.value is not None and f.unit.startswith("Mt") and not f.unit.startswith("Mt/y")
               and f.as_of[:4].isdigit()]
    return max(volumes, key=lambda entry: entry[:2])[2] if volumes else None


def transit_time(route: Route) -> Figure | None:
    times = [f for f in route.figures if f.kind == "time" and f.unit.startswith("days")]
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
    row["capacity"] = f"{capacity.value_text} {capacity.unit}" if capacity else ""
    row["capacity_key"] = (_unit_rank(capacity.unit), capacity.value if capacity.value is not None else 0.0) \
        if capacity else None
    volume = recent_volume(route)
    row["recent_volume"] = f"{volume.value_text} {volume.unit}: {volume.metric} ({volume.as_of})" if volume else ""
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
                "capacity_bcm_y": "capacity_source", "capacity_teu": "capacity_source", "capacity": "capacity_source",
                "recent_volume": "volume_source", "transit_time": "transit_time_source"}
COMPUTED_NOTE = "computed from the drawn (schematic) geometry of the registry"


def sort_rows(rows: list[dict], column: str | None, descending: bool) -> list[dict]:
    """Rows sorted by a column, empty cells last whichever the direction."""
    if not column:
        return rows
    key = SORT_KEYS.get(column, column)
    filled = [r for r in rows if r.get(key) not in (None, "")]
    empty = [r for r in rows if r.get(key) in (None, "")]
    if key == "capacity_key":  # units stay in their order (Mt/y, bbl/d, bcm/y, TEU); numbers sort within each
        return sorted(filled, key=lambda r: (r[key][0], -r[key][1] if descending else r[key][1])) + empty
    return sorted(filled, key=lambda r: r[key], reverse=descending) + empty


def _unit_rank(unit: str) -> int:
    return next((i for i, (_, prefix) in enumerate(UNIT_COLUMNS) if unit.startswith(prefix)), len(UNIT_COLUMNS))


def sort_of(view: View) -> dict | None:
    """The Compare sort a view names (compare_by=column, or -column for descending)."""
    if not view.compare_by:
        return None
    return {"column": view.compare_by.lstrip("-"), "descending": view.compare_by.startswith("-")}


def next_sort(current: str | None, column: str) -> str:
    """Clicking a column sorts by it, ascending; clicking it again reverses (as compare_by= reads)."""
    return f"-{column}" if current == column else column


def to_csv(rows: list[dict], columns: list[tuple[str, str]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([name for _, name in columns])
    for row in rows:
        writer.writerow(["" if row.get(key) is None else row.get(key) for key, _ in columns])
    return out.getvalue()
