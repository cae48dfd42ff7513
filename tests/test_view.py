from dashboard.registry.model import STATUSES
from dashboard.view import (DEFAULT_LAYERS, View, clear_selection, select_route, select_statement, with_layers,
                            with_statuses)


def test_default_view_shows_everything_and_selects_nothing():
    view = View()
    assert view.layers == DEFAULT_LAYERS and view.statuses == frozenset(STATUSES)
    assert view.route is None and view.statement is None


def test_store_round_trip():
    view = View(layers=frozenset({"china", "oil"}), statuses=frozenset({"planned"}), route="cpc", statement="s-1")
    assert View.from_store(view.to_store()) == view


def test_store_lists_are_in_registry_order():
    assert View(layers=frozenset({"oil", "china"})).to_store()["layers"] == ["china", "oil"]


def test_from_store_drops_unknown_values():
    view = View.from_store({"layers": ["china", "mars"], "statuses": ["operating", "imaginary"], "route": 3})
    assert view.layers == {"china"} and view.statuses == {"operating"} and view.route is None


def test_from_empty_store_is_default():
    assert View.from_store(None) == View() == View.from_store({})


def test_with_layers_and_statuses_ignore_unknown():
    assert with_layers(View(), ["oil", "x"]).layers == {"oil"}
    assert with_layers(View(), None).layers == frozenset()
    assert with_statuses(View(), ["planned", "x"]).statuses == {"planned"}


def test_selecting_a_route_twice_clears_it():
    view = select_route(View(), "cpc")
    assert view.route == "cpc" and select_route(view, "cpc").route is None


def test_selecting_a_route_keeps_the_statement():
    view = select_route(select_statement(View(), "s-1"), "cpc")
    assert view.statement == "s-1" and view.route == "cpc"


def test_clear_selection():
    assert clear_selection(View(route="cpc", statement="s")) == View()
