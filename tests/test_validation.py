"""One validation module: a file that cannot be read is reported once, never followed by what depends
on it; a feature is named by its id; the same error reads the same in every file."""

import json

import pytest

from dashboard.appdata import load_app_data
from dashboard.registry.problems import DataError
from tests.conftest import edit_json


def problems_of(paths):
    with pytest.raises(DataError) as info:
        load_app_data(paths)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("name", ["nodes", "legs", "routes"])
def test_a_truncated_registry_file_is_one_problem(data_copy, name):
    path = data_copy.routes / f"{name}.geojson"
    path.write_bytes(path.read_bytes()[:3000])
    (problem,) = problems_of(data_copy)
    assert problem.startswith(f"geodata/routes/{name}.geojson: is not valid JSON (line 1, column ")


def test_a_null_geometry_is_named_by_its_id_and_nothing_else_is_reported(data_copy):
    def drop_geometry(collection):
        collection["features"][5]["geometry"] = None
    edit_json(data_copy.routes / "legs.geojson", drop_geometry)
    leg_id = json.loads((data_copy.routes / "legs.geojson").read_text())["features"][5]["properties"]["id"]
    assert problems_of(data_copy) == [f"geodata/routes/legs.geojson: feature {leg_id!r}: field 'geometry': is missing"]


def test_a_feature_without_an_id_is_named_by_its_place(data_copy):
    edit_json(data_copy.routes / "nodes.geojson", lambda c: c["features"][3]["properties"].pop("id"))
    assert "geodata/routes/nodes.geojson: feature '#3': field 'id': is missing" in problems_of(data_copy)
