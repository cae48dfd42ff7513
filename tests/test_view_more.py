from dashboard.links import share_links
from dashboard.ui.view_events import view_from_location
from dashboard.url_state import Vocabulary
from dashboard.view import SCALE_RANGE, View, select_route, view_classes, with_map_position, with_panel

VOCABULARY = Vocabulary(routes=frozenset({"cpc"}), statements=frozenset())


def test_selecting_a_route_opens_details_and_deselecting_returns():
    view = select_route(View(), "cpc")
    assert view.panel == "details"
    assert select_route(view, "cpc").panel == "statements"


def test_with_panel_ignores_unknown():
    assert with_panel(View(), "table").panel == "table" and with_panel(View(), "x") == View()


def test_map_position_from_relayout():
    view = with_map_position(View(), {"geo.center.lon": 49.123456, "geo.center.lat": 41.5,
                                      "geo.projection.scale": 2.0})
    assert view.center == (49.1235, 41.5) and view.scale == 2.0


def test_map_zoom_is_clamped_and_autosize_ignored():
    assert with_map_position(View(), {"geo.projection.scale": 1000}).scale == SCALE_RANGE[1]
    assert with_map_position(View(), {"autosize": True}) == View()
    assert with_map_position(View(), None) == View()


def test_map_reset_returns_to_the_frame():
    moved = View(center=(1.0, 2.0), scale=3.0)
    assert with_map_position(moved, {"geo": {}}) == View()


def test_embed_path_turns_on_embedding():
    view, ignored = view_from_location("/portal/routes/embed", "?panels=legend&embed=1", VOCABULARY)
    assert view.embed and view.embed_panels == {"legend"} and ignored == ()
    assert view_from_location("/", "", VOCABULARY)[0] == View()


def test_view_classes():
    assert view_classes(View()) == "app panel-statements"
    assert view_classes(View(embed=True, embed_panels=frozenset({"legend"}), panel="details")) == \
        "app panel-details is-embed embed-legend"


def test_share_links_under_a_prefix():
    link, snippet = share_links("http://portal.example.org/portal/routes/?old=1", View(route="cpc"), 'A "map"')
    assert link == "http://portal.example.org/portal/routes/?route=cpc&panel=details" or link.startswith(
        "http://portal.example.org/portal/routes/?route=cpc")
    assert 'src="http://portal.example.org/portal/routes/embed?route=cpc' in snippet
    assert 'title="A &quot;map&quot;"' in snippet and "embed=1" in snippet


def test_share_links_from_the_embed_page_point_at_the_full_dashboard():
    link, _ = share_links("http://h/embed?embed=1", View(embed=True), "t")
    assert link == "http://h/"


def test_share_links_without_an_address():
    assert share_links(None, View(), "t") == ("", "")
