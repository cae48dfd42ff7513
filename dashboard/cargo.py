"""China to Europe by container: the Middle Corridor against the Northern corridor through Russia and
the sea route through Suez, from geodata/cargo_comparison.json. Loaded and checked at start-up with
the rest of the data; every cell carries its sources (or says it has none)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.registry.model import Source, read_sources
from dashboard.registry.problems import ProblemLog
from dashboard.validation import Fields, read_object, record_name, records


@dataclass(frozen=True)
class CargoCell:
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class CargoRow:
    route: str
    label: str
    cells: tuple[tuple[str, CargoCell], ...]  # (column, cell), in the file's column order


CARGO_LABEL = "geodata/cargo_comparison.json"


def load_cargo_comparison(path: Path, log: ProblemLog) -> tuple[CargoRow, ...]:
    """The China-Europe container routes compared; every malformed row or cell is noted in `log`."""
    data = read_object(path, CARGO_LABEL, log)
    if data is None:
        return ()
    columns = Fields(log, CARGO_LABEL, "", data).text_list("columns")
    if not columns:
        if data.get("columns") == []:
            log.add(CARGO_LABEL, "", "columns", "needs at least one column")
        return ()
    rows = []
    for index, raw in records(data.get("rows"), CARGO_LABEL, "", "rows", log):
        where = record_name(raw, index, key="route")
        fields = Fields(log, CARGO_LABEL, where, raw)
        if not (fields.text("route") and fields.text("label")):
            continue
        cells = []
        for column in columns:
            cell = raw.get(column)
            if not isinstance(cell, dict) or not isinstance(cell.get("text"), str) or not cell["text"].strip():
                log.add(CARGO_LABEL, where, column, "needs a text (and a list of sources, which may be empty)")
                continue
            sources = read_sources(cell.get("sources"), f"{column}.sources",
                                   lambda field_name, message: log.add(CARGO_LABEL, where, field_name, message))
            cells.append((column, CargoCell(cell["text"], sources)))
        rows.append(CargoRow(raw["route"], raw["label"], tuple(cells)))
    if not rows:
        log.add(CARGO_LABEL, "", "rows", "no rows to compare")
    return tuple(rows)
