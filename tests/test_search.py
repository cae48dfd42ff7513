"""Search: every route, place, sea and country of the data is found by its names and framed."""

import pytest

from dashboard.figure.map_figure import highlighted_nodes
from dashboard.search import dropdown_options, find, view_for
from dashboard.view import SCALE_RANGE, View


def test_every_route_and_place_of_the_registry_is_an_entry(app_data):
    keys = {e.key for e in app_data.search}
    assert {f"route:{r}" for r in app_data.registry.network.routes} <= keys
    assert {f"place:{n}" for n in app_data.registry.network.nodes} <= keys
    assert {"sea:Caspian Sea", "sea:Black Sea", "country:Kazakhstan"} <= keys


@pytest.mark.parametrize("text, key", [("aktau", "place:aktau"), ("port of aktau", "place:aktau"),
                                       ("caspian pipeline", "route:cpc"), ("CPC", "route:cpc"),
                                       ("black sea", "sea:Black Sea"), ("georgia", "country:Georgia"),
                                       ("middle corridor türkiye", "route:middle_corridor_turkey")])
def test_found_by_any_of_its_names(app_data, text, key):
    assert key in {e.key for e in find(app_data.search, text)}


def test_choosing_a_route_selects_and_frames_it(app_data):
    entry = next(e for e in app_data.search if e.key == "route:cpc")
    view = view_for(entry, View(layers=frozenset({"oil"})))
    assert view.route == "cpc" and view.panel == "details" and view.layers == {"oil"}
    assert SCALE_RANGE[0] <= view.scale <= SCALE_RANGE[1] and 37 < view.center[0] < 54


def test_choosing_a_place_rings_it_first_and_frames_it(app_data):
    entry = next(e for e in app_data.search if e.key == "place:poti")
    view = view_for(entry, View(route="cpc"))
    assert view.place == "poti" and view.center == (round(entry.lon, 4), round(entry.lat, 4)) and view.scale == 9.0
    assert highlighted_nodes(view, app_data.registry, app_data.corpus)[0] == "poti"


def test_the_dropdown_searches_every_name(app_data):
    options = dropdown_options(app_data.search)
    aktau = next(o for o in options if o["value"] == "place:aktau")
    assert "Port of Aktau" in aktau["search"] and aktau["label"] == "Aktau · Place"
