"""The map's frame, on d3's conic conformal projection, without a browser."""

import pytest

from dashboard.figure.frame import (MAP_EXTENT, STORY_BOX, frame_center, frame_scale, geo_frame, project,
                                    projected_bounds, unproject)


@pytest.mark.parametrize("lon, lat", [(72, 45), (28.65, 44.17), (119.45, 34.73), (-20, 10), (150, 75)])
def test_unproject_inverts_project(lon, lat):
    assert unproject(*project(lon, lat)) == pytest.approx((lon, lat), abs=1e-9)


def test_north_is_up_and_east_is_right_on_the_middle_meridian():
    x0, y0 = project(72, 40)
    assert project(72, 50)[1] > y0 and project(80, 40)[0] > x0 and project(72, 40)[0] == pytest.approx(0)


def test_a_box_is_a_wedge_whose_southern_edge_bows_below_its_corners():
    x0, x1, y0, y1 = projected_bounds({"lon": (60, 84), "lat": (40, 50)})
    corners = [project(lon, lat) for lon in (60, 84) for lat in (40, 50)]
    assert x1 - x0 >= max(c[0] for c in corners) - min(c[0] for c in corners)
    assert y0 < min(c[1] for c in corners)  # parallels are arcs around the cone's apex, in the north


def test_the_story_fits_the_maps_width_with_the_extent_around_it():
    story, extent = projected_bounds(STORY_BOX), projected_bounds(MAP_EXTENT)
    assert story[0] > extent[0] and story[1] < extent[1] and story[2] > extent[2] and story[3] < extent[3]
    for aspect in (1.0, 1.3, 1.5, 1.78, 2.0, 2.4):  # phone to wide slide: the story box inside the panel
        fit_extent = min(aspect / (extent[1] - extent[0]), 1 / (extent[3] - extent[2]))
        shown_width = aspect / (fit_extent * frame_scale())
        shown_height = 1 / (fit_extent * frame_scale())
        assert shown_width >= (story[1] - story[0]) - 1e-9 and shown_height >= (story[3] - story[2]) - 1e-9


def test_the_frame_is_centred_on_the_story_and_cannot_zoom_out_past_the_base_map():
    geo = geo_frame()
    lon, lat = frame_center()
    assert STORY_BOX["lon"][0] < lon < STORY_BOX["lon"][1] and STORY_BOX["lat"][0] < lat < STORY_BOX["lat"][1]
    assert geo["projection"]["minscale"] < geo["projection"]["scale"] < geo["projection"]["maxscale"]
    assert geo["lonaxis"]["range"] == list(MAP_EXTENT["lon"]) and geo["lataxis"]["range"] == list(MAP_EXTENT["lat"])


@pytest.mark.parametrize("place, lon, lat", [("Lianyungang", 119.45, 34.73), ("Xi'an", 108.93, 34.26),
                                             ("Constanța", 28.65, 44.17), ("Istanbul", 28.95, 41.01),
                                             ("Ceyhan", 35.93, 36.88), ("Samara", 50.15, 53.2)])
def test_the_story_box_holds_the_corridors_ends(place, lon, lat):
    assert STORY_BOX["lon"][0] < lon < STORY_BOX["lon"][1] and STORY_BOX["lat"][0] < lat < STORY_BOX["lat"][1]
