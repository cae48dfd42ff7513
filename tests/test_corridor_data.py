"""The shipped corridor network: every capacity, volume and time sourced and dated or marked as not
found; the loader names each problem; no what-if's value is a target; the real answers as worked."""

from __future__ import annotations

import json

import pytest

from dashboard.appdata import load_app_data
from dashboard.corridor.model import binding_legs, corridor_result
from dashboard.corridor.network import UNITS
from dashboard.corridor.whatif import CorridorWhatIf
from dashboard.registry.problems import DataError
from tests.conftest import edit_json


@pytest.fixture(scope="module")
def corridor(app_data):
    return app_data.corridor


def test_every_figure_is_sourced_and_dated_or_says_none_was_found(corridor):
    for element in corridor.elements.values():
        figures = [element.capacity[u] for u in UNITS] + [element.running, element.waiting]
        for figure in figures:
            if figure.sourced:
                assert figure.as_of and figure.basis in ("figure", "derived"), element.id
                assert figure.basis != "derived" or figure.note, element.id
            else:
                assert figure.note, f"{element.id}: an unsourced figure says why"
        for volume in element.volumes:
            assert volume.sources and volume.year, element.id
    for volume in corridor.volumes:
        assert volume.sources and volume.year


def test_both_branches_run_on_the_registry(corridor, app_data):
    legs = {leg for e in corridor.elements.values() for leg in e.legs}
    assert legs <= set(app_data.registry.network.legs)
    main_lines = {leg for r in ("middle_corridor_black_sea", "middle_corridor_turkey")
                  for leg in app_data.registry.network.routes[r].main_line}
    assert {"aktau-alat-ferry", "tbilisi-poti-rail", "tbilisi-akhalkalaki-rail"} <= legs & main_lines
    assert {b.id for b in corridor.branches} >= {"black_sea", "turkey"}


def test_no_what_if_value_is_a_target(corridor):
    targets = {(t.unit, t.value) for t in corridor.targets}
    data = corridor.what_ifs
    applied = {(s.unit, s.value) for s in data.ports + data.btk_stated}
    assert not applied & targets
    element = corridor.elements[data.ferries_element]
    suggested = element.capacity[data.ferries_unit].value * (data.fleet + data.ferries_suggested) / data.fleet
    assert (data.ferries_unit, suggested) not in targets
    result = corridor_result(corridor, CorridorWhatIf(ferries=data.ferries_suggested))
    assert all((c.unit, c.capacity) not in targets for c in result.cuts)


def test_today_the_caspian_crossing_binds(corridor):
    result = corridor_result(corridor)
    assert result.cut("Mt/y").capacity == 4.5 and result.cut("Mt/y").binds == ("caspian_crossing",)
    assert result.cut("TEU/y").capacity == 89000 and result.cut("TEU/y").binds == ("caspian_crossing",)
    assert binding_legs(corridor, result) == ("aktau-alat-ferry", "kuryk-alat-ferry")
    black_sea = result.branch("black_sea")
    assert black_sea.total == (15.93, 29.22)


def test_more_vessels_move_the_container_bind_to_alat(corridor):
    result = corridor_result(corridor, CorridorWhatIf(ferries=6))
    assert result.cut("TEU/y").capacity == 100000 and result.cut("TEU/y").binds == ("alat_port",)
    assert result.branch("black_sea").total < corridor_result(corridor).branch("black_sea").total


def test_a_missing_source_or_date_is_one_named_problem(data_copy):
    def break_it(data):
        crossing = next(e for e in data["elements"] if e["id"] == "caspian_crossing")
        crossing["capacity"]["Mt/y"].pop("sources")
        crossing["time"]["running"].pop("as_of")
    edit_json(data_copy.geodata / "corridor_network.json", break_it)
    with pytest.raises(DataError) as caught:
        load_app_data(data_copy)
    text = str(caught.value)
    assert "corridor_network.json: feature 'caspian_crossing': field 'capacity.Mt/y': a figure needs its sources" in text
    assert "field 'time.running': a figure needs its date" in text


def test_an_unknown_leg_or_a_broken_branch_is_named(data_copy):
    def break_it(data):
        data["elements"][0]["legs"].append("no-such-leg")
        data["branches"][0]["elements"].reverse()
    edit_json(data_copy.geodata / "corridor_network.json", break_it)
    with pytest.raises(DataError) as caught:
        load_app_data(data_copy)
    assert "'no-such-leg' is not a leg of the route registry" in str(caught.value)
    assert "does not start at 'china'" in str(caught.value)


@pytest.mark.parametrize("sentence, elements", [
    ("More ferries are needed across the Caspian.", {"caspian_crossing", "aktau_port", "kuryk_port", "alat_port"}),
    ("The new seaport will take the largest ships.", {"georgian_ports", "anaklia_port", "alat_port"}),
    ("Transit time has fallen to 15 days.", {"khorgos_crossing", "dostyk_crossing", "btk"}),
])
def test_a_statement_on_ferries_ports_or_transit_days_links_to_the_corridors_elements(app_data, corridor, sentence,
                                                                                     elements):
    from dataclasses import replace

    from dashboard.statements.links import gazetteer_for, link_statement
    statement = app_data.corpus.statements[0]
    network = app_data.registry.network
    linked = link_statement(replace(statement, segments=(replace(statement.segments[0], text=sentence),),
                                    topic_ids=(), route_ids=(), node_ids=(), commodities=(), links=()),
                            app_data.corpus.topics, gazetteer_for(network.routes, network.nodes, app_data.corpus.topics))
    touched = {e.id for e in corridor.elements.values() if e.place in linked.node_ids}
    assert elements <= touched


def test_the_manifest_lists_the_corridor_network_with_its_hash():
    import hashlib

    from dashboard.paths import PROJECT_ROOT
    manifest = json.loads((PROJECT_ROOT / "geodata" / "manifest.json").read_text())
    entry = next(e for e in manifest["data"] if e["file"] == "corridor_network.json")
    path = PROJECT_ROOT / "geodata" / "corridor_network.json"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], "update geodata/manifest.json"
    assert "corridor_network.json" in (PROJECT_ROOT / "geodata" / "README.md").read_text()
