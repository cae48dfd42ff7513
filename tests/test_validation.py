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


def _first(key, value):
    return lambda items: next(item for item in items if item.get(key) == value)


def _edge(data, edge_id):
    return _first("id", edge_id)(data["edges"])


def _event(data, event_id):
    return _first("id", event_id)(data["events"])


def _element(data, element_id):
    return _first("id", element_id)(data["elements"])


# (file, how it is broken, the one problem it gives): every loader names the file, the record and the
# field the same way, through dashboard/validation.py's readers.
ONE_PROBLEM = [
    ("oil_network.json", lambda d: _edge(d, "cpc_marine_terminal").update(capacity="lots"),
     "geodata/oil_network.json: feature 'cpc_marine_terminal': field 'capacity': 'lots' must be a non-negative "
     "number (Mt/y, or null for none)"),
    ("oil_network.json", lambda d: _edge(d, "cpc_marine_terminal").update(basis="guess"),
     "geodata/oil_network.json: feature 'cpc_marine_terminal': field 'basis': 'guess' is not one of figure, "
     "derived, volume, unbounded"),
    ("oil_network.json", lambda d: d["edges"].append(dict(d["edges"][0])),
     "geodata/oil_network.json: feature 'to_tengiz': field 'id': 'to_tengiz' is used twice"),
    ("oil_network.json", lambda d: d["volumes"][0].update(year="recently"),
     "geodata/oil_network.json: feature 'volumes[0]': field 'year': 'recently' must be the year it was carried"),
    ("oil_network.json", lambda d: d["supply"].pop("tolerance_reason"),
     "geodata/oil_network.json: feature 'supply': field 'tolerance_reason': is missing"),
    ("oil_network.json", lambda d: d["switches"][0].update(edges="cpc_marine_terminal"),
     "geodata/oil_network.json: feature 'cpc_terminal': field 'edges': must be a list of text"),
    ("events.json", lambda d: _event(d, "2022-03-cpc-storm").update(kind="rumour"),
     "geodata/events.json: feature '2022-03-cpc-storm': field 'kind': 'rumour' is not one of outage, cap, none, "
     "agreement, target"),
    ("events.json", lambda d: _event(d, "2022-03-cpc-storm")["effect"]["cap"].update(cpc_marine_terminal=-5),
     "geodata/events.json: feature '2022-03-cpc-storm': field 'effect.cap.cpc_marine_terminal': -5 must be a "
     "non-negative number (Mt/y)"),
    ("events.json", lambda d: _event(d, "2022-07-cpc-court").update(place=7),
     "geodata/events.json: feature '2022-07-cpc-court': field 'place': must be text, not 7"),
    ("events.json", lambda d: d["events"].append("a storm"),
     "geodata/events.json: field 'events[9]': must be an object, not 'a storm'"),
    ("corridor_network.json", lambda d: _element(d, "caspian_crossing").update(kind="boat"),
     "geodata/corridor_network.json: feature 'caspian_crossing': field 'kind': 'boat' is not one of border, rail, "
     "port, ferry, sea"),
    ("corridor_network.json", lambda d: _element(d, "caspian_crossing")["capacity"]["Mt/y"].update(value="big"),
     "geodata/corridor_network.json: feature 'caspian_crossing': field 'capacity.Mt/y.value': 'big' must be a "
     "non-negative number"),
    ("corridor_network.json", lambda d: _element(d, "dostyk_crossing")["time"]["waiting"].update(low=5),
     "geodata/corridor_network.json: feature 'dostyk_crossing': field 'time.waiting': needs low <= high, and 5 is "
     "above 0.38 days"),
    ("corridor_network.json", lambda d: d["targets"][0].update(unit="barrels"),
     "geodata/corridor_network.json: feature 'teu_2029': field 'unit': 'barrels' is not one of Mt/y, TEU/y, days"),
    ("corridor_network.json", lambda d: d["what_ifs"]["ferries"].update(fleet=0),
     "geodata/corridor_network.json: feature 'what_ifs': field 'ferries.fleet': 0 must be today's fleet (a "
     "positive whole number)"),
    ("corridor_network.json", lambda d: d["corridor_volume"][0].pop("year"),
     "geodata/corridor_network.json: field 'corridor_volume[0].year': is missing"),
    ("corridor_network.json", lambda d: d["branches"][0]["elements"].append("nowhere"),
     "geodata/corridor_network.json: feature 'branch black_sea': field 'elements': names unknown elements "
     "['nowhere']"),
]


@pytest.mark.parametrize("name, break_it, expected", ONE_PROBLEM,
                         ids=[f"{name}: {expected.split(': ', 1)[1][:60]}" for name, _, expected in ONE_PROBLEM])
def test_a_malformed_record_of_the_networks_is_one_named_problem(app_data, tmp_path, name, break_it, expected):
    from dashboard.corridor.network import load_corridor_network
    from dashboard.paths import DataPaths
    from dashboard.registry.problems import ProblemLog
    from dashboard.scenario.network import load_oil_network, load_timeline

    shipped = DataPaths().geodata
    for file in ("oil_network.json", "events.json", "corridor_network.json"):
        (tmp_path / file).write_bytes((shipped / file).read_bytes())
    edit_json(tmp_path / name, break_it)
    log, network = ProblemLog(), app_data.registry.network
    oil = load_oil_network(tmp_path / "oil_network.json", network, log)
    load_timeline(tmp_path / "events.json", oil, network, log)
    load_corridor_network(tmp_path / "corridor_network.json", network, log)
    assert [str(p) for p in log.problems] == [expected]


def _route_figure(route_id, field, change):
    from tests.conftest import feature

    def edit(collection):
        figure = feature(collection, route_id)["properties"][field]
        change(figure[0] if isinstance(figure, list) else figure)
    return edit


@pytest.mark.parametrize("field, change, expected", [
    ("figures", lambda f: f.update(kind="volume"),
     "feature 'cpc': field 'figures[0].kind': 'volume' is not one of capacity, flow, target, agreement, length, "
     "time, share, change, date"),
    ("figures", lambda f: f.pop("kind"),
     "feature 'cpc': field 'figures[0].kind': None is not one of capacity, flow, target, agreement, length, time, "
     "share, change, date"),
    ("capacity", lambda f: f.update(kind="flow"), "feature 'cpc': field 'capacity.kind': the route's capacity is a "
                                                  "capacity, not a flow"),
])
def test_a_figure_says_what_it_measures(data_copy, field, change, expected):
    edit_json(data_copy.routes / "routes.geojson", _route_figure("cpc", field, change))
    assert problems_of(data_copy) == [f"geodata/routes/routes.geojson: {expected}"]
