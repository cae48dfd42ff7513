"""The China-Europe container comparison: the shipped file, and one clear problem per malformed part."""

import json

import pytest

from dashboard.appdata import load_app_data
from dashboard.cargo import load_cargo_comparison
from dashboard.paths import PROJECT_ROOT
from dashboard.registry.problems import DataError, ProblemLog

SHIPPED = PROJECT_ROOT / "geodata" / "cargo_comparison.json"


def load(tmp_path, content) -> tuple[tuple, list[str]]:
    path = tmp_path / "cargo_comparison.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    log = ProblemLog()
    rows = load_cargo_comparison(path, log)
    return rows, [str(p) for p in log.problems]


def shipped() -> dict:
    return json.loads(SHIPPED.read_text())


def test_shipped_cells_are_sourced_or_say_so():
    log = ProblemLog()
    rows = load_cargo_comparison(SHIPPED, log)
    assert not log.problems
    assert [row.label for row in rows] == ["Middle Corridor (TITR)", "Northern Corridor (via Russia)",
                                           "Sea route via Suez"]
    for row in rows:
        assert [column for column, _ in row.cells] == ["distance", "transit_days", "volume"]
        for _, cell in row.cells:
            assert cell.sources or "not sourced" in cell.text


def test_missing_file(tmp_path):
    log = ProblemLog()
    assert load_cargo_comparison(tmp_path / "nope.json", log) == ()
    assert [str(p) for p in log.problems] == ["geodata/cargo_comparison.json: file is missing"]


def test_not_json(tmp_path):
    rows, problems = load(tmp_path, "{rows: ")
    assert rows == () and len(problems) == 1 and "is not valid JSON" in problems[0]


def test_not_an_object(tmp_path):
    assert load(tmp_path, [1, 2])[1] == ["geodata/cargo_comparison.json: must be a JSON object"]


def test_columns_must_be_named(tmp_path):
    data = shipped()
    data["columns"] = "distance"
    assert load(tmp_path, data)[1] == ["geodata/cargo_comparison.json: field 'columns': must be a list of text"]


def test_a_row_without_a_label_is_named_and_left_out(tmp_path):
    data = shipped()
    del data["rows"][1]["label"]
    rows, problems = load(tmp_path, data)
    assert len(rows) == 2
    assert problems == ["geodata/cargo_comparison.json: feature 'northern_corridor': field 'label': is missing"]


def test_a_cell_without_text_names_its_row_and_column(tmp_path):
    data = shipped()
    data["rows"][0]["volume"] = {"sources": []}
    problems = load(tmp_path, data)[1]
    assert problems == ["geodata/cargo_comparison.json: feature 'middle_corridor_black_sea': field 'volume': "
                        "needs a text (and a list of sources, which may be empty)"]


def test_a_source_without_an_address_names_where(tmp_path):
    data = shipped()
    data["rows"][2]["volume"]["sources"] = [{"title": "The Diplomat"}]
    problems = load(tmp_path, data)[1]
    assert len(problems) == 1
    assert problems[0].startswith("geodata/cargo_comparison.json: feature 'suez_sea_route': field 'volume.sources[0]'")


def test_no_rows(tmp_path):
    data = shipped()
    data["rows"] = []
    assert load(tmp_path, data)[1] == ["geodata/cargo_comparison.json: field 'rows': no rows to compare"]


def test_app_refuses_to_start_on_a_bad_cargo_file(data_copy):
    path = data_copy.geodata / "cargo_comparison.json"
    data = json.loads(path.read_text())
    data["rows"][0]["distance"] = "4,764 km"
    path.write_text(json.dumps(data))
    with pytest.raises(DataError, match="cargo_comparison.json: feature 'middle_corridor_black_sea': field 'distance'"):
        load_app_data(data_copy)
