"""The logic behind the callbacks, called as plain functions."""

import pytest

from dashboard import ids
from dashboard.figure.map_figure import trace_keys
from dashboard.ui.callbacks.panels import statement_card_class
from dashboard.ui.callbacks.view import control_values
from dashboard.ui.view_events import apply_event, route_from_click
from dashboard.ui.scenario_panel import scenario_controls
from dashboard.view import View


def test_route_from_click(registry):
    cpc = trace_keys(registry).index(("route", "cpc", "pipeline"))
    assert route_from_click({"points": [{"curveNumber": cpc}]}, registry) == "cpc"
    for click in (None, {}, {"points": []}, {"points": ["x"]}, {"points": [{"curveNumber": 0}]},
                  {"points": [{"curveNumber": "cpc"}]}):
        assert route_from_click(click, registry) is None


def test_layer_toggle_event(app_data):
    assert apply_event(View(), ids.LAYER_TOGGLES, ["oil"], app_data).layers == {"oil"}


def test_status_filter_event(app_data):
    assert apply_event(View(), ids.STATUS_FILTER, ["planned"], app_data).statuses == {"planned"}


def test_map_click_selects_a_route_but_not_a_place(app_data):
    keys = trace_keys(app_data.registry)
    click = {"points": [{"curveNumber": keys.index(("route", "cpc", "pipeline"))}]}
    assert apply_event(View(), ids.MAP_CLICK, click, app_data).route == "cpc"
    places = {"points": [{"curveNumber": keys.index(("nodes", "sourced"))}]}
    assert apply_event(View(), ids.MAP_CLICK, places, app_data) == View()


def test_route_button_event(app_data):
    trigger = {"type": ids.ROUTE_LINK, "id": "tap"}
    assert apply_event(View(), trigger, 1, app_data).route == "tap"
    assert apply_event(View(), trigger, 0, app_data) == View()  # a button being (re)created is not a click


def test_statement_card_event(app_data):
    trigger = {"type": ids.STATEMENT_CARD, "id": "uk-kazakhstan-export-routes-3"}
    assert apply_event(View(), trigger, 1, app_data).statement == "uk-kazakhstan-export-routes-3"
    assert apply_event(View(), {"type": ids.STATEMENT_CARD, "id": "forged"}, 1, app_data) == View()


def test_clear_event(app_data):
    assert apply_event(View(route="cpc"), ids.CLEAR_SELECTION, 2, app_data) == View()


def test_unknown_trigger_leaves_view(app_data):
    assert apply_event(View(route="cpc"), "something-else", 1, app_data) == View(route="cpc")


def test_statement_card_classes(app_data):
    quote = "uk-kazakhstan-export-routes-3"
    assert statement_card_class(quote, View(statement=quote), app_data) == "statement-card is-selected"
    assert "is-related" in statement_card_class(quote, View(route="cpc"), app_data)
    assert "is-unrelated" in statement_card_class("uk-kazakhstan-export-routes-7", View(route="cpc"), app_data)


# The Scenarios tab's controls have pattern-matching ids (the tab is built when first opened).
OFF, SLIDER, RESET = ids.in_tab(ids.SCENARIO_OFF), ids.in_tab(ids.EVENT_SLIDER), ids.in_tab(ids.SCENARIO_RESET)


def cap(edge_id: str) -> dict:
    return {"type": ids.SCENARIO_CAP, "id": edge_id}


def test_switching_a_route_off_leaves_the_timeline(app_data):
    replayed = View(off=frozenset({"btc"}), event="2025-08-btc-contamination")
    view = apply_event(replayed, OFF, ["btc", "cpc_terminal"], app_data)
    assert view.off == {"btc", "cpc_terminal"} and view.event is None


def test_unknown_switches_are_dropped(app_data):
    assert apply_event(View(), OFF, ["btc", "no-such-switch"], app_data).off == {"btc"}


def test_moving_the_slider_replays_an_event(app_data):
    view = apply_event(View(), SLIDER, 0, app_data)
    assert view.event == "2022-03-cpc-storm" and view.off == frozenset()
    assert view.capacities == (("cpc_marine_terminal", 42.0),)  # one mooring of three kept loading


def test_moving_the_slider_to_today_clears_the_scenario(app_data):
    replayed = apply_event(View(), SLIDER, 0, app_data)
    assert apply_event(replayed, SLIDER, len(app_data.timeline), app_data) == View()


def test_growing_a_leg(app_data):
    assert apply_event(View(), cap("aktau_port"), 20, app_data).capacities == (("aktau_port", 20.0),)


def test_a_leg_back_at_its_capacity_is_not_a_change_of_scenario(app_data):
    grown = apply_event(View(), cap("aktau_port"), 20, app_data)
    assert apply_event(grown, cap("aktau_port"), 5.2, app_data).capacities == ()


def test_an_unknown_leg_or_a_non_number_changes_nothing(app_data):
    assert apply_event(View(), cap("no-such-leg"), 5, app_data) == View()
    assert apply_event(View(), cap("aktau_baku"), "lots", app_data) == View()


def test_back_to_today_only_on_a_click(app_data):
    replayed = apply_event(View(), SLIDER, 0, app_data)
    assert apply_event(replayed, RESET, 0, app_data) == replayed
    assert apply_event(replayed, RESET, 1, app_data) == View()


@pytest.mark.parametrize("view", [
    View(), View(off=frozenset({"btc"}), event="2025-08-btc-contamination"),
    View(off=frozenset({"btc", "cpc_terminal"})), View(capacities=(("kcts", 23.0),)),
    View(event="2022-11-20mt-target", capacities=(("aktau_baku", 20.0),)),
])
def test_controls_that_show_the_view_change_nothing(app_data, view):
    """How the controls arrive when the Scenarios tab is first built: each showing the view."""
    off, position, capacities = scenario_controls(view, app_data, ["aktau_baku", "kcts"])
    assert apply_event(view, OFF, off, app_data) == view
    assert apply_event(view, SLIDER, position, app_data) == view
    assert apply_event(view, cap("aktau_baku"), capacities[0], app_data) == view
    assert apply_event(view, cap("kcts"), capacities[1], app_data) == view
    assert apply_event(view, RESET, 0, app_data) == view


def test_control_values_fit_the_controls_on_the_page():
    values = (["btc"], 3, [1.5, 0.0])
    assert control_values(values, (0, 0, 0)) == ([], [], [])
    assert control_values(values, (1, 1, 2)) == ([["btc"]], [3], [1.5, 0.0])


def test_a_route_named_beside_a_statement_selects_it_and_the_panel_stays(app_data):
    from dashboard.ui.view_events import apply_event
    view = View(statement="uk-kazakhstan-export-routes-3")
    link = {"type": ids.STATEMENT_LINK, "id": "route:cpc@uk-kazakhstan-export-routes-3@list"}
    after = apply_event(view, link, 1, app_data)
    assert after.route == "cpc" and after.panel == view.panel and after.statement == view.statement


def test_a_place_named_beside_a_statement_is_framed_and_ringed(app_data):
    from dashboard.ui.view_events import apply_event
    link = {"type": ids.STATEMENT_LINK, "id": "place:aktau@uk-kazakhstan-export-routes-3@list"}
    after = apply_event(View(), link, 1, app_data)
    assert after.place == "aktau" and after.center == (51.15, 43.65) and after.scale


def test_a_statement_in_route_details_opens_it_in_what_was_said(app_data):
    from dashboard.ui.view_events import apply_event
    after = apply_event(View(route="cpc", panel="details"),
                        {"type": ids.DETAILS_STATEMENT, "id": "uk-kazakhstan-export-routes-3"}, 1, app_data)
    assert after.statement == "uk-kazakhstan-export-routes-3" and after.panel == "statements" and after.route == "cpc"
    assert apply_event(View(), {"type": ids.DETAILS_STATEMENT, "id": "nope"}, 1, app_data) == View()
