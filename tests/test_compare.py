"""The comparison table's rows, sorting and CSV, without a browser."""

import csv
import io

import pytest

from dashboard.compare import (comparison_rows, mode_changes, next_sort, recent_volume,
                               sort_rows, to_csv)
from dashboard.compare import COLUMNS, SOURCE_COLUMNS
from dashboard.view import View


def test_rows_follow_the_maps_filters(app_data):
    all_rows = comparison_rows(app_data, View())
    assert len(all_rows) == len(app_data.registry.network.routes)
    oil_only = comparison_rows(app_data, View(layers=frozenset({"oil"}), statuses=frozenset({"operating"})))
    assert oil_only and {r["commodity"] for r in oil_only} == {"oil"} and {r["status"] for r in oil_only} == {"operating"}


def test_harmonised_units_go_to_their_own_columns(app_data):
    rows = {r["id"]: r for r in comparison_rows(app_data, View())}
    assert rows["cpc"]["capacity_mt_y"] == 72.5 and rows["cpc"]["capacity_bbl_d"] is None
    assert rows["baku_supsa_wrep"]["capacity_bbl_d"] == 90000 and rows["baku_supsa_wrep"]["capacity_mt_y"] is None
    assert rows["tap"]["capacity_bcm_y"] == 10
    assert rows["northern_corridor"]["capacity_mt_y"] is None and rows["northern_corridor"]["capacity_source"] == \
        "capacity unsourced"


def test_every_shown_figure_cell_has_its_source(app_data):
    for row in comparison_rows(app_data, View()):
        assert row["status_source"]
        if row["capacity_mt_y"] is not None:
            assert "http" in row["capacity_source"]
        if row["recent_volume"]:
            assert row["volume_source"]
        if row["transit_time"]:
            assert row["transit_time_source"]


def test_russia_crossings_and_changes_of_mode(app_data):
    rows = {r["id"]: r for r in comparison_rows(app_data, View())}
    assert rows["cpc"]["crosses_russia"] == "yes" and rows["trans_caspian_oil_btc"]["crosses_russia"] == "no"
    assert rows["middle_corridor_black_sea"]["crosses_russia"] == "no"
    assert rows["northern_corridor"]["crosses_russia"] == "yes"
    route = app_data.registry.network.routes["middle_corridor_black_sea"]
    assert mode_changes(app_data, route) == 2  # rail -> ferry -> rail along the main line
    assert rows["middle_corridor_black_sea"]["border_crossings"] == 4


def test_recent_volume_is_the_latest_annual_tonnage(app_data):
    volume = recent_volume(app_data.registry.network.routes["middle_corridor_black_sea"])
    assert volume.as_of == "2025" and volume.value == 4.119


def test_sorting_puts_empty_cells_last_both_ways():
    rows = [{"x": 2}, {"x": None}, {"x": 5}]
    assert [r["x"] for r in sort_rows(rows, "x", False)] == [2, 5, None]
    assert [r["x"] for r in sort_rows(rows, "x", True)] == [5, 2, None]
    assert sort_rows(rows, None, False) == rows


def test_next_sort_toggles():
    assert next_sort(None, "a") == "a"
    assert next_sort("a", "a") == "-a"
    assert next_sort("-a", "b") == "b"
    assert next_sort("-a", "a") == "a"


def test_capacity_shows_in_its_sourced_unit_and_sorts_by_unit_then_number(app_data):
    from dashboard.compare import sort_rows
    rows = comparison_rows(app_data, View())
    cpc = next(r for r in rows if r["id"] == "cpc")
    assert cpc["capacity"].endswith(app_data.registry.network.routes["cpc"].capacity.unit)
    ordered = [r["capacity_key"] for r in sort_rows(rows, "capacity", False) if r["capacity_key"]]
    assert ordered == sorted(ordered)


def test_the_compare_sort_is_a_link(app_data):
    from dashboard.url_state import decode, encode
    view = View(panel="table", compare_by="-capacity")
    assert encode(view) == "panel=table&compare_by=-capacity"
    assert decode(encode(view), app_data.vocabulary) == (view, ())
    assert decode("compare_by=colour", app_data.vocabulary)[1] == ("compare_by: unknown column 'colour'",)


def test_csv_carries_every_column_and_source(app_data):
    text = to_csv(comparison_rows(app_data, View()), COLUMNS + SOURCE_COLUMNS)
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][:3] == ["Route", "Commodity", "Status"] and "Capacity source" in table[0]
    assert len(table) == 1 + len(app_data.registry.network.routes)


def _figure(metric, kind, value, unit, as_of):
    from dashboard.registry.model import Figure, Source
    return Figure(metric, value, f"{value}", unit, as_of, (Source("a source", "https://example.org"),), kind)


@pytest.mark.parametrize("figures, expected", [
    # A flow is chosen by its kind, whatever its metric says (the label regex missed 'deliveries').
    ([_figure("deliveries to Germany", "flow", 2.1, "Mt", "2025")], "deliveries to Germany"),
    # A capacity, a target or an agreement in tonnes is not a volume carried, however recent.
    ([_figure("cargo", "flow", 4.1, "Mt", "2024"), _figure("World Bank scenario volume", "target", 11, "Mt", "2030")],
     "cargo"),
    ([_figure("shipments", "flow", 1.0, "Mt", "2023"), _figure("SPM loading", "capacity", 3.5, "Mt", "2025")],
     "shipments"),
    ([_figure("volume offered", "agreement", 5, "Mt", "2025")], None),
    # A rate in Mt/y, an undated figure and a volume given in words are left out.
    ([_figure("throughput (run-rate)", "flow", 11, "Mt/y", "2025"), _figure("volume", "flow", 1, "Mt", "undated")],
     None),
    ([_figure("volume", "flow", None, "Mt", "2025"), _figure("volume", "flow", 2.0, "Mt", "2021")], "volume"),
])
def test_recent_volume_is_a_flow_by_the_datas_kind(app_data, figures, expected):
    from dataclasses import replace
    route = replace(app_data.registry.network.routes["cpc"], figures=tuple(figures))
    volume = recent_volume(route)
    assert (volume.metric if volume else None) == expected


def test_transit_time_is_a_time_not_a_detours_extra_days(app_data):
    from dataclasses import replace

    from dashboard.compare import transit_time
    route = replace(app_data.registry.network.routes["northern_corridor"],
                    figures=(_figure("transit time China-Europe", "time", None, "days", "2023"),
                             _figure("Cape diversion penalty", "change", None, "days", "2024")))
    assert transit_time(route).metric == "transit time China-Europe"


def test_the_shipped_volumes_and_times_are_what_the_sources_say_was_carried(app_data):
    rows = {r["id"]: r for r in comparison_rows(app_data, View())}
    assert rows["druzhba_kazakh_oil_germany"]["recent_volume"].startswith("2.1 Mt (approx.): ")
    assert rows["aktau_makhachkala"]["recent_volume"].startswith("2.2 Mt: ")
    # Three flows of 2025 on BTC (first half, January-August, the year): the year's, named as such.
    assert rows["trans_caspian_oil_btc"]["recent_volume"] == "1.5 Mt (approx.): Kazakh oil via BTC full year (2025)"
    assert rows["northern_corridor"]["transit_time"].startswith("12-18 days")
    routes = app_data.registry.network.routes
    for route in routes.values():
        volume = recent_volume(route)
        assert volume is None or volume.kind == "flow", route.id
