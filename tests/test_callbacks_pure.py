"""The logic behind the callbacks, called as plain functions."""

import pytest

from dashboard import ids
from dashboard.ui.callbacks import apply_event, route_from_click, statement_card_class
from dashboard.view import View


@pytest.mark.parametrize("click, expected", [
    (None, None), ({}, None), ({"points": []}, None),
    ({"points": [{"customdata": "cpc"}]}, "cpc"),
    ({"points": [{"customdata": ["x"]}]}, None),
])
def test_route_from_click(click, expected):
    assert route_from_click(click) == expected


def test_layer_toggle_event(app_data):
    assert apply_event(View(), ids.LAYER_TOGGLES, ["oil"], app_data).layers == {"oil"}


def test_status_filter_event(app_data):
    assert apply_event(View(), ids.STATUS_FILTER, ["planned"], app_data).statuses == {"planned"}


def test_map_click_selects_a_known_route_only(app_data):
    assert apply_event(View(), ids.MAP, {"points": [{"customdata": "cpc"}]}, app_data).route == "cpc"
    assert apply_event(View(), ids.MAP, {"points": [{"customdata": "aktau"}]}, app_data) == View()


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
