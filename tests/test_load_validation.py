"""Broken data: every problem is reported at once, naming file, feature and field; nothing loads."""

import json

import pytest

from dashboard.appdata import load_app_data
from dashboard.registry.load import load_registry
from dashboard.registry.problems import DataError
from tests.conftest import edit_json, feature


def problems_of(paths):
    with pytest.raises(DataError) as info:
        load_app_data(paths)
    return [str(p) for p in info.value.problems]


def test_real_copy_loads(data_copy):
    assert load_registry(data_copy).network.routes


def test_missing_file_is_named(data_copy):
    (data_copy.routes / "nodes.geojson").unlink()
    problems = problems_of(data_copy)
    assert "geodata/routes/nodes.geojson: file is missing" in problems


def test_invalid_json_gives_line_and_column(data_copy):
    (data_copy.routes / "legs.geojson").write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    (problem,) = [p for p in problems_of(data_copy) if "legs.geojson" in p and "JSON" in p]
    assert "line 1" in problem


def test_not_a_feature_collection(data_copy):
    (data_copy.layers / "china.geojson").write_text('{"type": "Feature"}', encoding="utf-8")
    assert "geodata/layers/china.geojson: field 'type': is not a GeoJSON FeatureCollection" in problems_of(data_copy)


def test_bad_mode_names_feature_and_field(data_copy):
    edit_json(data_copy.routes / "legs.geojson",
              lambda c: feature(c, "aktau-alat-ferry")["properties"].update(mode="boat"))
    problems = problems_of(data_copy)
    assert any("feature 'aktau-alat-ferry': field 'mode': 'boat' is not one of" in p for p in problems)


def test_several_problems_are_reported_together(data_copy):
    def break_routes(c):
        feature(c, "cpc")["properties"]["status"] = "sort of"
        feature(c, "tap")["properties"]["capacity"]["sources"] = []
        feature(c, "tanap")["properties"]["legs"].append("nowhere")
    edit_json(data_copy.routes / "routes.geojson", break_routes)
    problems = problems_of(data_copy)
    assert any("'cpc': field 'status'" in p for p in problems)
    assert any("'tap': field 'capacity.sources'" in p for p in problems)
    assert any("'tanap': field 'legs': names leg 'nowhere'" in p for p in problems)


def test_leg_must_start_at_its_node(data_copy):
    edit_json(data_copy.routes / "legs.geojson",
              lambda c: feature(c, "tengiz-atyrau")["geometry"]["coordinates"].__setitem__(0, [10.0, 10.0]))
    assert any("'tengiz-atyrau': field 'geometry': does not start at node 'tengiz'" in p for p in problems_of(data_copy))


def test_out_of_range_coordinates(data_copy):
    edit_json(data_copy.routes / "nodes.geojson",
              lambda c: feature(c, "aktau")["geometry"].update(coordinates=[251.15, 43.65]))
    assert any("'aktau': field 'geometry'" in p for p in problems_of(data_copy))


def test_duplicate_ids(data_copy):
    def duplicate(c):
        c["features"].append(json.loads(json.dumps(feature(c, "aktau"))))
    edit_json(data_copy.routes / "nodes.geojson", duplicate)
    assert any("'aktau': field 'id': 'aktau' is used twice" in p for p in problems_of(data_copy))


def test_figure_value_must_be_a_number(data_copy):
    edit_json(data_copy.routes / "routes.geojson",
              lambda c: feature(c, "cpc")["properties"]["capacity"].update(value="lots"))
    assert any("'cpc': field 'capacity': value 'lots'" in p for p in problems_of(data_copy))


def test_source_without_http_url_is_refused(data_copy):
    edit_json(data_copy.routes / "routes.geojson",
              lambda c: feature(c, "cpc")["properties"]["status_sources"].__setitem__(0, {"title": "x",
                                                                                        "url": "javascript:alert(1)"}))
    assert any("'cpc': field 'status_sources[0]'" in p and "javascript" in p for p in problems_of(data_copy))


def test_seed_and_data_problems_come_in_one_message(data_copy):
    edit_json(data_copy.routes / "legs.geojson",
              lambda c: feature(c, "aktau-alat-ferry")["properties"].update(mode="boat"))
    (data_copy.seeds / "uk-kazakhstan-export-routes.json").write_text("{", encoding="utf-8")
    problems = problems_of(data_copy)
    assert any("legs.geojson" in p for p in problems) and any("seeds/" in p for p in problems)
