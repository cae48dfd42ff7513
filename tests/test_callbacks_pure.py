"""The logic behind the callbacks, called as plain functions."""


from dashboard import ids
from dashboard.figure.map_figure import trace_keys
from dashboard.ui.callbacks import apply_event, route_from_click, statement_card_class
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
    assert apply_event(View(), ids.MAP, click, app_data).route == "cpc"
    places = {"points": [{"curveNumber": keys.index(("nodes", "sourced"))}]}
    assert apply_event(View(), ids.MAP, places, app_data) == View()


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
