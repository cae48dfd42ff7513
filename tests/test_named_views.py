"""Named starting views and the Russia filter: what each shows, from the data."""

import pytest

from dashboard.compare import visible_route_ids
from dashboard.named_views import NAMED_VIEWS
from dashboard.url_state import decode
from dashboard.view import View

STORY = {"middle_corridor_black_sea", "middle_corridor_turkey"}


@pytest.mark.parametrize("named", NAMED_VIEWS, ids=lambda n: n.id)
def test_each_named_view_is_a_link_to_itself(named, app_data):
    assert decode(named.query, app_data.vocabulary) == (named.view, ())


def test_the_middle_corridor_view_shows_both_branches_and_nothing_else(app_data):
    named = next(n for n in NAMED_VIEWS if n.id == "middle-corridor")
    assert set(visible_route_ids(app_data, named.view)) == STORY


def test_through_and_avoiding_russia_split_every_route_by_its_drawn_line(app_data):
    through = set(visible_route_ids(app_data, View(russia="crosses")))
    avoiding = set(visible_route_ids(app_data, View(russia="avoids")))
    assert through | avoiding == set(app_data.registry.network.routes) and not through & avoiding
    assert {"cpc", "northern_corridor", "uzen_atyrau_samara", "aktau_makhachkala"} <= through
    assert {"trans_caspian_oil_btc", "kazakhstan_china_oil", "tap"} | STORY <= avoiding
    for route_id in through:
        assert "Russia" in app_data.computed[route_id].transit_countries


def test_oil_today_leaves_out_what_is_only_planned(app_data):
    named = next(n for n in NAMED_VIEWS if n.id == "oil-today")
    shown = visible_route_ids(app_data, named.view)
    routes = app_data.registry.network.routes
    assert shown and all(routes[r].commodity == "oil" and routes[r].status != "planned" for r in shown)
    assert "kcts_planned" not in shown


def test_the_caucasus_close_up_frames_the_knot(app_data):
    named = next(n for n in NAMED_VIEWS if n.id == "caucasus")
    from dashboard.view import SCALE_RANGE
    assert SCALE_RANGE[0] < named.view.scale <= SCALE_RANGE[1]
    lon, lat = named.view.center
    for place in ("baku", "tbilisi", "poti", "aktau"):
        node = app_data.registry.network.nodes[place]
        assert abs(node.lon - lon) < 6 and abs(node.lat - lat) < 3
