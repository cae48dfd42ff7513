"""The Compare table's columns, declared once (pure data: the URL's `compare_by=` is checked against
them without loading the comparison code). The table shows one capacity column in the unit its
source gives; the CSV keeps a numeric column per unit beside it, for a spreadsheet to sum."""

from __future__ import annotations

# (key, heading), in order: what the CSV carries; the sources of each cell follow in SOURCE_COLUMNS.
COLUMNS = [
    ("route", "Route"), ("commodity", "Commodity"), ("status", "Status"),
    ("capacity", "Capacity (as sourced)"),
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
# What the table shows: one capacity column (its unit beside the number), not four mostly empty ones.
TABLE_COLUMNS = [c for c in COLUMNS if c[0] not in ("capacity_mt_y", "capacity_bbl_d", "capacity_bcm_y", "capacity_teu")]
SORTABLE = tuple(key for key, _ in TABLE_COLUMNS)
# A column whose cells sort by another key: capacity by unit, then number (Mt/y beside bcm/y is no order).
SORT_KEYS = {"capacity": "capacity_key"}
