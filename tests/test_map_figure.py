"""The figure builder and its patches, without a browser."""

import pytest
from hypothesis import HealthCheck, given, settings
import shapely
from shapely.geometry import shape

from dashboard.figure.labels import PLACE_LABELS, for_print, place_priority
from dashboard.figure.map_figure import (UIREVISION, build_figure, highlight_trace_data, highlighted_nodes,
                                         highlighted_routes, plotly_winding, restyle_for_view, route_at, route_opacity,
                                         SELECTED_FROM, selected_name_priority, trace_keys, trace_visible)
from dashboard.figure.styles import DIMMED_OPACITY, STATUS_STYLES
from dashboard.registry.layers import AREA_LAYERS
from dashboard.view import View
from tests.test_url_state import views

STATEMENT = "uk-kazakhstan-export-routes-3"  # the "Middle Corridor" quote


@pytest.fixture(scope="module")
def figure(app_data):
    return build_figure(app_data.registry, app_data.corpus, View())


def test_one_trace_per_key(figure, registry):
    assert len(figure["data"]) == len(trace_keys(registry))


def test_trace_keys_cover_areas_every_route_leg_and_places(registry):
    keys = trace_keys(registry)
    assert [k for k in keys if k[0] == "area"] == [("area", a.id) for a in AREA_LAYERS]
    route_keys = [k for k in keys if k[0] == "route"]
    assert {k[1] for k in route_keys} == set(registry.network.routes)
    assert ("route", "middle_corridor_black_sea", "ferry") in route_keys
    assert len(route_keys) < sum(len(r.leg_ids) for r in registry.network.routes.values())
    # The selection over every mark and place name; the countries' and seas' names over the selection's
    # rings, which they may cross (map_labels.js).
    assert keys[-5:] == (("highlight", "nodes"),) + tuple(("labels", kind) for kind in
                                                          ("country", "sea", "focus-small", "focus"))


def test_projection_is_conic_and_offline(figure):
    geo = figure["layout"]["geo"]
    assert geo["projection"]["type"].startswith("conic")
    assert figure["layout"]["uirevision"] == UIREVISION
    assert "mapbox" not in figure["layout"]


def test_the_sea_is_the_maps_background_not_a_polygon_to_project(figure):
    geo = figure["layout"]["geo"]
    assert geo["showocean"] is False and geo["bgcolor"] == geo["lakecolor"]
    assert geo["showland"] and geo["showcoastlines"]


def test_only_svg_geo_traces(figure):
    assert {t["type"] for t in figure["data"]} == {"scattergeo", "choropleth"}


def test_lines_are_densified_for_hover_and_legs_separated_by_gaps(figure, registry):
    ferry = next(t for t in figure["data"] if (t.get("meta") or {}).get("route") == "middle_corridor_black_sea"
                 and t["meta"]["mode"] == "ferry")
    legs = [registry.network.legs["aktau-alat-ferry"], registry.network.legs["kuryk-alat-ferry"]]
    assert len(ferry["lon"]) == sum(len(leg.coords) for leg in legs) + 1 and ferry["lon"].count(None) == 1
    assert len(ferry["lon"]) > 40


def test_route_at_maps_a_clicked_trace_back_to_its_route(registry):
    keys = trace_keys(registry)
    assert route_at(registry, keys.index(("route", "tap", "pipeline"))) == "tap"
    assert route_at(registry, 0) is None and route_at(registry, 10_000) is None and route_at(registry, "3") is None


def test_area_rings_are_clockwise_for_plotly(figure):
    caspian = next(t for t in figure["data"] if t.get("name") == "Caspian Sea")["geojson"]["features"][0]
    geometry = shape(caspian["geometry"])
    assert shapely.orient_polygons(geometry, exterior_cw=True).equals_exact(geometry, 0)


def test_country_fills_are_the_base_maps_shapes_by_code_not_geometry_of_their_own(figure, registry):
    """The page has the base map's countries already: a fill by code ships no polygon (it was two
    thirds of the first page's layout) and meets the borders drawn over it."""
    areas = {t["name"]: t for t in figure["data"] if t["type"] == "choropleth"}
    europe = areas["Europe"]
    assert europe["locationmode"] == "ISO-3" and "geojson" not in europe
    assert {"XKX", "ROU", "GBR"} <= set(europe["locations"]) and areas["China"]["locations"] == ["CHN"]
    assert "geojson" in areas["Caspian Sea"]  # a sea, not a country of the base map


def test_plotly_winding_keeps_properties():
    feature = {"type": "Feature", "properties": {"name": "x"},
               "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}
    assert plotly_winding(feature)["properties"] == {"name": "x"}


def test_disrupted_route_has_cross_marks(figure):
    cpc = next(t for t in figure["data"] if (t.get("meta") or {}).get("route") == "cpc")
    assert cpc["mode"] == "lines+markers" and max(cpc["marker"]["size"]) > 0


def test_approximate_places_use_an_open_symbol(figure):
    approx = next(t for t in figure["data"] if t.get("name") == "Places (approximate position)")
    sourced = next(t for t in figure["data"] if t.get("name") == "Places (sourced position)")
    assert approx["marker"]["symbol"] == "circle-open" and sourced["marker"]["symbol"] == "circle"
    assert "cpc_terminal" in approx["customdata"] and "aktau" in sourced["customdata"]


def test_visibility_follows_layers_and_status(registry):
    assert not trace_visible(("area", "china"), registry, View(layers=frozenset()))
    assert trace_visible(("route", "cpc", "pipeline"), registry, View())
    assert not trace_visible(("route", "cpc", "pipeline"), registry, View(statuses=frozenset({"operating"})))
    assert not trace_visible(("route", "tap", "pipeline"), registry,
                             View(layers=frozenset({"oil", "cargo"})))


def test_styles_dim_others_when_something_is_highlighted(registry):
    cpc, tap = registry.network.routes["cpc"], registry.network.routes["tap"]
    assert route_opacity(cpc, frozenset()) == STATUS_STYLES["disrupted"].opacity
    assert route_opacity(cpc, frozenset({"cpc"})) == 1.0
    assert route_opacity(tap, frozenset({"cpc"})) == DIMMED_OPACITY


def test_statement_highlights_its_routes_and_places(app_data):
    view = View(statement=STATEMENT)
    routes = highlighted_routes(view, app_data.corpus)
    assert {"middle_corridor_black_sea", "middle_corridor_turkey", "cpc"} <= routes
    assert "aktau" in highlighted_nodes(view, app_data.registry, app_data.corpus)


def test_route_selection_highlights_its_places(app_data):
    nodes = highlighted_nodes(View(route="cpc"), app_data.registry, app_data.corpus)
    assert nodes == ("tengiz", "atyrau", "kropotkinskaya", "cpc_terminal")


def test_unknown_statement_highlights_nothing(app_data):
    assert highlighted_routes(View(statement="nope"), app_data.corpus) == frozenset()


def shown_names(trace: dict) -> list[str]:
    """The names a highlight trace shows (the points with a priority), in the order they are tried."""
    shown = sorted((label, index) for index, label in enumerate(trace["meta"]["labels"]) if label is not None)
    return [trace["text"][index] for _, index in shown]


def test_restyle_changes_only_style_properties(app_data):
    changes = restyle_for_view(app_data.registry, app_data.corpus, View(route="cpc"))
    keys = trace_keys(app_data.registry)
    assert set(changes) == set(range(len(keys)))
    for index, change in changes.items():
        assert set(change) <= {"visible", "opacity", "lon", "lat", "text", "meta", "marker"}
    cpc_index = keys.index(("route", "cpc", "pipeline"))
    tap_index = keys.index(("route", "tap", "pipeline"))
    assert changes[cpc_index]["opacity"] == 1.0 and changes[tap_index]["opacity"] == DIMMED_OPACITY
    figure = build_figure(app_data.registry, app_data.corpus, View(route="cpc"))
    highlight = figure["data"][keys.index(("highlight", "nodes"))]
    rings = [(lon, lat) for lon, lat, opacity in zip(highlight["lon"], highlight["lat"], highlight["marker"]["opacity"])
             if opacity]
    assert len(set(rings)) == 4 and set(shown_names(highlight)) == {"Tengiz", "Atyrau", "Kropotkinskaya", "CPC terminal"}
    assert len(highlight["meta"]["labels"]) == len(highlight["text"]) == len(highlight["marker"]["opacity"])


# What assets/page.js draws on the map itself, without Plotly: a trace's opacity, its markers' opacities
# and its meta (which only map_labels.js reads). Any other change makes Plotly redraw the whole map.
IN_PLACE = {"opacity", "meta"}


def changed_out_of_place(before: dict[int, dict], after: dict[int, dict]) -> list[str]:
    found = []
    for index, change in after.items():
        for prop, value in change.items():
            old = before[index].get(prop)
            if value == old or prop in IN_PLACE:
                continue
            if prop == "marker" and {k: v for k, v in value.items() if k != "opacity"} == \
                    {k: v for k, v in old.items() if k != "opacity"} and len(value["opacity"]) == len(old["opacity"]):
                continue
            found.append(f"trace {index}: {prop}")
    return found


@pytest.mark.parametrize("selection", [{"route": "cpc"}, {"statement": STATEMENT}, {"place": "poti"},
                                       {"route": "tap", "statement": STATEMENT}])
@pytest.mark.parametrize("start", [{}, {"route": "middle_corridor_black_sea"}, {"off": frozenset({"cpc_terminal"})}])
def test_a_selection_changes_only_what_the_page_draws_in_place(app_data, start, selection):
    """Selecting (or clearing) a route, a statement or a place changes only opacities and names'
    priorities, which the page applies without Plotly recomputing and redrawing the geo subplot."""
    def restyle(view):
        return restyle_for_view(app_data.registry, app_data.corpus, view, app_data.oil, app_data.corridor)

    before, after = View(**start), View(**{**start, **selection})
    assert changed_out_of_place(restyle(before), restyle(after)) == []
    assert changed_out_of_place(restyle(after), restyle(before)) == []


def test_another_selection_hides_a_routes_name_by_its_priorities_not_its_visibility(app_data):
    keys = trace_keys(app_data.registry)
    cpc_name = keys.index(("route-label", "cpc"))
    plain = restyle_for_view(app_data.registry, app_data.corpus, View())[cpc_name]
    other = restyle_for_view(app_data.registry, app_data.corpus, View(route="tap"))[cpc_name]
    own = restyle_for_view(app_data.registry, app_data.corpus, View(route="cpc"))[cpc_name]
    assert plain["visible"] and other["visible"] and own["visible"]
    assert other["meta"]["labels"] is None and plain["meta"]["labels"] == own["meta"]["labels"]
    assert other["meta"]["route"] == "cpc"  # page.js still dims it with its route


def test_restyle_of_default_view_matches_the_built_figure(app_data, figure):
    for index, change in restyle_for_view(app_data.registry, app_data.corpus, View()).items():
        trace = figure["data"][index]
        assert trace.get("visible", True) == change["visible"]
        if "opacity" in change:
            assert trace["opacity"] == change["opacity"]


def _restyled(figure: dict, changes: dict) -> list[dict]:
    return [{**trace, **changes.get(index, {})} for index, trace in enumerate(figure["data"])]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(views())
def test_restyling_the_default_figure_draws_any_view_as_building_it_would(app_data, view):
    """One table of trace kinds: a view's patch on the default figure is the view's own figure."""
    default = build_figure(app_data.registry, app_data.corpus, View(), app_data.oil, app_data.timeline,
                           corridor=app_data.corridor)
    changes = restyle_for_view(app_data.registry, app_data.corpus, view, app_data.oil, app_data.corridor)
    built = build_figure(app_data.registry, app_data.corpus, view, app_data.oil, app_data.timeline,
                         corridor=app_data.corridor)
    assert _restyled(default, changes) == built["data"]


def test_the_story_route_is_drawn_last_of_the_routes_on_a_casing(registry, figure):
    keys = trace_keys(registry)
    route_keys = [k for k in keys if k[0] == "route"]
    assert route_keys[-1][1] in ("middle_corridor_black_sea", "middle_corridor_turkey")
    casings = [i for i, k in enumerate(keys) if k[0] == "casing"]
    # The alternative beneath the casing (in China it shares the story's line and must not show through
    # the gaps in its dashes); every other route above it.
    alternative = [i for i, k in enumerate(keys) if k[0] == "route" and k[1] == "northern_corridor"]
    others = [i for i, k in enumerate(keys) if k[0] == "route" and k[1] != "northern_corridor"]
    assert casings and alternative and max(alternative) < min(casings) and max(casings) < min(others)
    story = figure["data"][keys.index(route_keys[-1])]
    context = figure["data"][keys.index(("route", "cpc", "pipeline"))]
    assert story["line"]["width"] >= 2 * context["line"]["width"]
    northern = figure["data"][keys.index(("route", "northern_corridor", "rail"))]
    assert northern["line"]["color"] != story["line"]["color"]


def test_a_click_on_the_story_routes_casing_selects_the_route(registry):
    keys = trace_keys(registry)
    casing = next(i for i, k in enumerate(keys) if k[0] == "casing")
    assert route_at(registry, casing) == keys[casing][1]


def test_label_traces_carry_priorities_for_every_point(figure):
    labelled = [t for t in figure["data"] if (t.get("meta") or {}).get("labels") is not None]
    texts = {text for t in labelled for text in (t.get("text") or [])}
    for name in ("Kazakhstan", "Caspian Sea", "Black Sea", "Aktau", "Baku", "Poti", "Constanța", "Khorgos",
                 "Middle Corridor", "CPC", "BTC"):
        assert name in texts, name
    for trace in labelled:
        labels = trace["meta"]["labels"]
        assert isinstance(labels, int) or len(labels) == len(trace["text"])
        assert trace["mode"] in ("text", "markers+text")
        assert trace["textfont"]["shadow"]  # a halo, so names read over lines and fills


def test_the_corridors_binding_element_glows_while_its_tab_is_open(app_data):
    keys = trace_keys(app_data.registry)
    index = keys.index(("corridor", "binds"))
    closed = restyle_for_view(app_data.registry, app_data.corpus, View(), app_data.oil, app_data.corridor)[index]
    opened = restyle_for_view(app_data.registry, app_data.corpus, View(panel="corridor"), app_data.oil,
                              app_data.corridor)[index]
    assert closed["lon"] == [] and len([x for x in opened["lon"] if x is not None]) > 2
    ferry = app_data.registry.drawn_coords(app_data.registry.network.legs["aktau-alat-ferry"])[0]
    assert ferry[0] in opened["lon"]  # today the Caspian crossing binds


def test_the_story_is_the_strongest_mark_on_its_sea_legs_too(registry, figure):
    """Dots leave less ink than dashes: the story's sea and ferry legs are drawn wider than its rail, every
    one of them wider than any context route, on a casing wider still."""
    keys = trace_keys(registry)
    story = {k[2]: figure["data"][i] for i, k in enumerate(keys) if k[:2] == ("route", "middle_corridor_black_sea")}
    casing = {k[2]: figure["data"][i] for i, k in enumerate(keys) if k[:2] == ("casing", "middle_corridor_black_sea")}
    widest_context = max(STATUS_STYLES[s].width for s in STATUS_STYLES)
    assert story["sea"]["line"]["width"] > story["rail"]["line"]["width"] > 1.5 * widest_context
    assert story["ferry"]["line"]["width"] > story["rail"]["line"]["width"]
    assert all(casing[m]["line"]["width"] > story[m]["line"]["width"] for m in story)


def test_a_selected_main_place_is_named_before_a_selected_port_beside_it(app_data):
    """Baku before Alat: a statement that selects Alat, the ferry port, leaves Baku's everyday name
    before it; two selected, the main one first; the place searched for before everything."""
    view = View(statement=STATEMENT)
    assert "alat" in highlighted_nodes(view, app_data.registry, app_data.corpus)
    assert selected_name_priority("baku", view) < place_priority("baku") < selected_name_priority("alat", view)
    assert selected_name_priority("aktau", view) < place_priority("aktau")
    assert selected_name_priority("alat", View(place="alat")) == 0
    highlight = build_figure(app_data.registry, app_data.corpus, view)["data"][
        trace_keys(app_data.registry).index(("highlight", "nodes"))]
    order = list(dict.fromkeys(shown_names(highlight)))
    assert order.index("Aktau") < order.index("Alat")
    assert highlight["meta"]["marks"] == "rings"  # marks no place's name may cover; a country's may
    assert highlight_trace_data(view, app_data.registry, app_data.corpus)["meta"] == highlight["meta"]


def test_a_scenario_fades_the_route_it_switched_off_and_leaves_its_opacity_to_the_selection(app_data):
    keys = trace_keys(app_data.registry)
    veil, line = keys.index(("scenario", "off-veil")), keys.index(("scenario", "off-line"))
    cpc = keys.index(("route", "cpc", "pipeline"))
    assert max(i for i, k in enumerate(keys) if k[0] == "route") < veil < line
    plain = restyle_for_view(app_data.registry, app_data.corpus, View(), app_data.oil)
    off = restyle_for_view(app_data.registry, app_data.corpus, View(off=frozenset({"cpc_terminal"})), app_data.oil)
    assert plain[veil]["lon"] == [] and plain[line]["lon"] == []
    cpc_start = app_data.registry.network.route_legs("cpc")[0].coords[0]
    assert cpc_start[0] in off[line]["lon"] and off[veil]["lon"] == off[line]["lon"]
    assert off[cpc]["opacity"] == plain[cpc]["opacity"]  # page.js draws a click from the opacities alone
    hidden = restyle_for_view(app_data.registry, app_data.corpus,
                              View(off=frozenset({"cpc_terminal"}), layers=frozenset({"gas"})), app_data.oil)
    assert hidden[line]["lon"] == []  # the oil layer off: nothing of the route is drawn, nor its veil


def test_names_stand_off_the_marks_at_their_place_and_no_name_covers_a_mark(app_data):
    """Event diamonds, selection rings and a scenario's crosses are marks map_labels.js keeps names off;
    a place's name is set off its point by an invisible marker, further where an event's diamond is."""
    figure = build_figure(app_data.registry, app_data.corpus, View(), app_data.oil, app_data.timeline)
    marked = {t["name"] for t in figure["data"] if (t.get("meta") or {}).get("marks")}
    assert {"Events", "Out in this scenario"} <= marked
    names = next(t for t in figure["data"] if t["name"] == "Names: places")
    assert names["mode"] == "markers+text" and names["marker"]["opacity"] == 0
    assert len(names["text"]) == len(names["textposition"]) == len(names["meta"]["labels"]) == len(names["lon"])
    sizes = dict(zip(names["text"], names["marker"]["size"]))
    assert "aktau" in {event.place for event in app_data.timeline}
    assert sizes["Aktau"] > sizes["Almaty"]
    # A name with other sides to try has a point for each, its preferred side first.
    aktau = [side for text, side in zip(names["text"], names["textposition"]) if text == "Aktau"]
    assert len(aktau) > 1 and aktau[0] == "middle right"


def test_the_story_small_countries_are_named_among_the_first_names_of_a_printed_map(figure):
    """Printed, GEORGIA and AZERBAIJAN come before every place's name; on screen, where a reader zooms
    in for more names, after Tbilisi's."""
    small = next(t for t in figure["data"] if t["name"] == "Names: focus-small")
    assert {"Georgia", "Azerbaijan"} <= set(small["text"])
    printed = for_print(small)["meta"]["labels"]
    assert max(printed) < min(SELECTED_FROM, min(label.priority for label in PLACE_LABELS))
    assert min(small["meta"]["labels"]) > place_priority("tbilisi")
    place_names = next(t for t in figure["data"] if t["name"] == "Names: places")
    assert for_print(place_names) is place_names
