"""The map's frame, on d3's conic conformal projection, without a browser."""

import json

import pytest
import shapely

from dashboard.figure.frame import (DEVICE_FRAMES, GEO_FRAME, MAP_EXTENT, PORTRAIT_ASPECT, PORTRAIT_TOP_LAT, STORY_BOX,
                                    frame_center, frame_scale, geo_frame, portrait_center, portrait_view, project,
                                    projected_bounds, range_box_bounds, unproject)
from geodata.extent import BASE_MAP_REACH


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


def test_plotly_fits_the_landscape_extent_to_the_bounds_the_frame_is_worked_out_on():
    """Plotly's range box has great-circle edges; on the extent they give the same bounds as parallels."""
    assert range_box_bounds(MAP_EXTENT["lon"], MAP_EXTENT["lat"]) == pytest.approx(projected_bounds(MAP_EXTENT), abs=1e-4)


def _fit(width, height, bounds):
    x0, x1, y0, y1 = bounds
    return min(width / (x1 - x0), height / (y1 - y0))


def test_the_portrait_box_fills_a_portrait_panel_at_the_landscape_zoom():
    """A phone's box is filled (the range box has its shape), and a projection scale is the same zoom
    as on a laptop: Plotly fits both range boxes to the same width of the phone's box."""
    portrait = DEVICE_FRAMES["portrait"]
    bounds = range_box_bounds(portrait["lonaxis"]["range"], portrait["lataxis"]["range"])
    width, height = 1.0, 1 / PORTRAIT_ASPECT
    fit = _fit(width, height, bounds)
    assert (bounds[1] - bounds[0]) * fit == pytest.approx(width, rel=1e-4)
    assert (bounds[3] - bounds[2]) * fit == pytest.approx(height, rel=1e-4)
    assert fit == pytest.approx(_fit(width, height, range_box_bounds(MAP_EXTENT["lon"], MAP_EXTENT["lat"])), rel=1e-4)


def _shown(lon, lat, scale=None):
    """Where a place is in a portrait panel at the frame's zoom: 0..1 across, 0..1 up."""
    scale = scale or GEO_FRAME["projection"]["scale"]
    extent = range_box_bounds(MAP_EXTENT["lon"], MAP_EXTENT["lat"])
    width = (extent[1] - extent[0]) / scale
    cx, cy = project(*portrait_center())
    x, y = project(lon, lat)
    return (x - cx) / width + 0.5, (y - cy) / (width / PORTRAIT_ASPECT) + 0.5


@pytest.mark.parametrize("place, lon, lat", [("Lianyungang", 119.45, 34.73), ("Xi'an", 108.93, 34.26),
                                             ("Constanța", 28.65, 44.17), ("Istanbul", 28.95, 41.01),
                                             ("Ceyhan", 35.93, 36.88), ("Samara", 50.15, 53.2)])
def test_the_portrait_view_holds_the_story_with_a_margin(place, lon, lat):
    x, y = _shown(lon, lat)
    assert 0.03 < x < 0.97 and 0.1 < y < 0.9


def test_the_portrait_view_spends_its_height_south_not_on_the_arctic():
    n_x, n_y = _shown(portrait_center()[0], PORTRAIT_TOP_LAT)
    assert n_y == pytest.approx(1.0, abs=0.01)  # the top, on the middle meridian, is at PORTRAIT_TOP_LAT
    assert portrait_center()[1] < frame_center()[1]


@pytest.mark.parametrize("scale", [DEVICE_FRAMES["portrait"]["projection"]["minscale"], GEO_FRAME["projection"]["scale"]])
def test_the_base_map_reaches_all_a_phone_shows(scale):
    """Down to the portrait zoom-out limit, a phone shows base map everywhere (geodata/extent.py)."""
    reach = shapely.union_all([shapely.box(*part) for part in BASE_MAP_REACH])
    outside = [(round(lon, 1), round(lat, 1)) for lon, lat in portrait_view(scale, steps=40)
               if not reach.covers(shapely.Point(lon, lat))]
    assert outside == []


def test_the_page_is_given_both_frames():
    portrait, landscape = DEVICE_FRAMES["portrait"], DEVICE_FRAMES["landscape"]
    assert landscape["lonaxis"] == GEO_FRAME["lonaxis"] and landscape["center"] == GEO_FRAME["center"]
    assert landscape["projection"]["minscale"] == GEO_FRAME["projection"]["minscale"]
    assert portrait["projection"]["minscale"] < GEO_FRAME["projection"]["scale"]
    assert set(portrait) == set(landscape) and json.loads(json.dumps(DEVICE_FRAMES)) == DEVICE_FRAMES


@pytest.mark.parametrize("frame", DEVICE_FRAMES["between"], ids=lambda f: str(f["aspect"]))
def test_a_box_between_a_phone_s_and_a_laptop_s_shape_gets_a_range_box_of_its_shape(frame):
    x0, x1, y0, y1 = range_box_bounds(frame["lonaxis"]["range"], frame["lataxis"]["range"])
    assert (x1 - x0) / (y1 - y0) == pytest.approx(frame["aspect"], rel=1e-3)


@pytest.mark.parametrize("frame", DEVICE_FRAMES["between"], ids=lambda f: str(f["aspect"]))
def test_the_base_map_reaches_all_a_box_between_shows_and_the_story_is_in_it(frame):
    from dashboard.figure.frame import _landscape_width
    reach = shapely.union_all([shapely.box(*part) for part in BASE_MAP_REACH])
    cx, cy = project(frame["center"]["lon"], frame["center"]["lat"])
    width = _landscape_width() / GEO_FRAME["projection"]["scale"]
    height = width / frame["aspect"]
    shown = [unproject(cx + width * (i / 40 - 0.5), cy + height * (j / 40 - 0.5)) for i in range(41) for j in range(41)]
    assert [p for p in shown if not reach.covers(shapely.Point(*p))] == []
    for lon, lat in [(119.45, 34.73), (28.65, 44.17), (35.93, 36.88), (50.15, 53.2)]:  # Lianyungang … Samara
        x, y = project(lon, lat)
        assert abs(x - cx) < width / 2 and abs(y - cy) < height / 2
