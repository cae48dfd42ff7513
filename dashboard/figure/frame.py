"""The map's frame: where the default view looks, and how far the base map reaches around it.

Plotly draws a conic map's base map only inside its `lonaxis`/`lataxis` ranges and fits that box to
the plot at projection scale 1. Drawn tight around the corridor, a pan or a zoom out showed a white
wedge where the base map stopped. So the ranges are a box far larger than anything a reader needs
(MAP_EXTENT, the shipped base map's own extent), the zoom out is held above its edges (`minscale`), and the default view is that box
zoomed in (FRAME_SCALE) on the story: Lianyungang and Xi'an to Constanța and Istanbul, Ceyhan to
Samara (STORY_BOX).

The scale that frames the story is worked out on d3's conic conformal projection, which draws
Plotly's geo subplot, for every panel shape from square to 2.4:1; a taller panel shows more north
and south. Plotly keeps the extent's shape, so the extent is about as wide as a laptop's map panel
(1.8:1): a panel of another shape has a band of page beside or above the map, never a void in it.

A portrait phone's map box (PORTRAIT_ASPECT) would be a short band across the top of it that way, so the
page gives it a portrait frame (portrait_frame): a range box of the box's own shape that Plotly fits to
the same width as the extent, so a projection scale means the same zoom on a phone as on a laptop (the
story, a place's close-up, a link's zoom), and the map fills the box. The phone shows far more north and
south than the story needs; the spare height goes south (Arabia, India, the Arabian Sea) rather than to
the empty Arctic, and the base map reaches what the phone can show (geodata/extent.py BASE_MAP_REACH).
"""

from __future__ import annotations

import math

from geodata.extent import BASE_MAP_EXTENT

ROTATION_LON = 72.0  # the corridor's middle meridian: China's coast and the Black Sea bend alike
PARALLELS = (36.0, 50.0)  # standard parallels through the corridor, where shapes are true
STORY_BOX = {"lon": (25.5, 122.5), "lat": (32.5, 54.5)}
MAP_EXTENT = {"lon": (BASE_MAP_EXTENT[0], BASE_MAP_EXTENT[2]), "lat": (BASE_MAP_EXTENT[1], BASE_MAP_EXTENT[3])}
MIN_SCALE_FRACTION = 0.8  # of the frame: the whole story with room around it, the base map's edge never


def _constants() -> tuple[float, float]:
    y0, y1 = (math.radians(p) for p in PARALLELS)
    n = math.log(math.cos(y0) / math.cos(y1)) / math.log(_tany(y1) / _tany(y0))
    return n, math.cos(y0) * _tany(y0) ** n / n


def _tany(y: float) -> float:
    return math.tan((math.pi / 2 + y) / 2)


def project(lon: float, lat: float) -> tuple[float, float]:
    """d3.geoConicConformal (unit scale, y up) at this frame's rotation and parallels."""
    n, f = _constants()
    rho = f / _tany(math.radians(lat)) ** n
    x = math.radians(lon - ROTATION_LON)
    return rho * math.sin(n * x), f - rho * math.cos(n * x)


def unproject(x: float, y: float) -> tuple[float, float]:
    n, f = _constants()
    fy = f - y
    rho = math.copysign(math.hypot(x, fy), n)
    lon = math.degrees(math.atan2(x, fy) / n) + ROTATION_LON
    lat = math.degrees(2 * math.atan((f / rho) ** (1 / n)) - math.pi / 2)
    return lon, lat


def projected_bounds(box: dict) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) of a lon/lat box's outline: on a conic map it is a wedge, not a rectangle."""
    (lon0, lon1), (lat0, lat1) = box["lon"], box["lat"]
    steps = [i / 60 for i in range(61)]
    outline = ([(lon0 + (lon1 - lon0) * t, lat) for t in steps for lat in (lat0, lat1)]
               + [(lon, lat0 + (lat1 - lat0) * t) for t in steps for lon in (lon0, lon1)])
    points = [project(lon, lat) for lon, lat in outline]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), max(xs), min(ys), max(ys)


PANEL_ASPECTS = tuple(a / 10 for a in range(10, 25))  # width / height of a map panel or export: 1.0 to 2.4


def _fit(aspect: float, bounds: tuple[float, float, float, float]) -> float:
    """The scale at which Plotly fits these projected bounds into a panel of this shape (height 1)."""
    x0, x1, y0, y1 = bounds
    return min(aspect / (x1 - x0), 1 / (y1 - y0))


def frame_scale() -> float:
    """The projection scale at which the whole story box shows in a panel of any shape: Plotly fits
    the extent to the panel, so the story fits at the smallest ratio of the two fits."""
    story, extent = projected_bounds(STORY_BOX), projected_bounds(MAP_EXTENT)
    return round(min(_fit(a, story) / _fit(a, extent) for a in PANEL_ASPECTS), 3)


def frame_center() -> tuple[float, float]:
    """The lon/lat at the middle of the story box as drawn."""
    x0, x1, y0, y1 = projected_bounds(STORY_BOX)
    lon, lat = unproject((x0 + x1) / 2, (y0 + y1) / 2)
    return round(lon, 3), round(lat, 3)


def geo_frame() -> dict:
    """The geo subplot's projection, ranges and default view."""
    scale = frame_scale()
    lon, lat = frame_center()
    return {
        "projection": {"type": "conic conformal", "parallels": list(PARALLELS), "rotation": {"lon": ROTATION_LON},
                       "scale": scale, "minscale": round(scale * MIN_SCALE_FRACTION, 3), "maxscale": 60},
        "lonaxis": {"range": list(MAP_EXTENT["lon"])},
        "lataxis": {"range": list(MAP_EXTENT["lat"])},
        "center": {"lon": lon, "lat": lat},
    }


GEO_FRAME = geo_frame()

# Plotly fits its lon/lat ranges as a polygon of 11 vertices, 0.001 deg inside the ranges, whose edges d3
# draws as great circles (plotly.js src/plots/geo/geo.js, makeRangeBox): a southern edge bows south.
RANGE_BOX_PAD = 1e-3
PORTRAIT_ASPECT = 0.78  # width / height of a phone's map box (assets/style.css draws it so): 62 % of 360 x 740
PORTRAIT_TOP_LAT = 82.0  # the portrait view's top, on its middle meridian: the landscape extent's north edge
PORTRAIT_MIN_SCALE_FRACTION = 0.95  # of the frame: the phone already shows the equator to the Arctic
PORTRAIT_RANGE_TOP = 88.0  # the portrait range box's north edge: a box reaching the pole made d3 fit it 260x too small


def _great_circle(a: tuple[float, float], b: tuple[float, float], steps: int = 24) -> list[tuple[float, float]]:
    """Points along the great circle from a to b (lon, lat in degrees), both ends included."""
    def vector(lon: float, lat: float) -> tuple[float, float, float]:
        lon, lat = math.radians(lon), math.radians(lat)
        return math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)
    u, v = vector(*a), vector(*b)
    angle = math.acos(max(-1.0, min(1.0, sum(p * q for p, q in zip(u, v)))))
    if angle < 1e-12:
        return [a, b]
    points = []
    for i in range(steps + 1):
        wa, wb = (math.sin(w * angle) / math.sin(angle) for w in (1 - i / steps, i / steps))
        x, y, z = (wa * p + wb * q for p, q in zip(u, v))
        points.append((math.degrees(math.atan2(y, x)), math.degrees(math.asin(max(-1.0, min(1.0, z))))))
    return points


def range_box_bounds(lon_range: tuple[float, float], lat_range: tuple[float, float]) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) of the box Plotly fits to the panel for these geo ranges (none reaching 180 deg)."""
    lon0, lon1 = lon_range[0] + RANGE_BOX_PAD, lon_range[1] - RANGE_BOX_PAD
    lat0, lat1 = lat_range[0] + RANGE_BOX_PAD, lat_range[1] - RANGE_BOX_PAD
    quarter = (lon1 - lon0) / 4
    ring = ([(lon0, lat0)] + [(lon0 + quarter * k, lat1) for k in range(5)]
            + [(lon1 - quarter * k, lat0) for k in range(5)])
    points = [p for a, b in zip(ring, ring[1:] + ring[:1]) for p in _great_circle(a, b)]
    xs, ys = zip(*(project(lon, lat) for lon, lat in points))
    return min(xs), max(xs), min(ys), max(ys)


def _landscape_width() -> float:
    x0, x1, _, _ = range_box_bounds(MAP_EXTENT["lon"], MAP_EXTENT["lat"])
    return x1 - x0


def _lat_at_radius(rho: float) -> float:
    n, f = _constants()
    return math.degrees(2 * math.atan((f / rho) ** (1 / n)) - math.pi / 2)


def portrait_ranges(aspect: float = PORTRAIT_ASPECT) -> tuple[tuple[float, float], tuple[float, float]]:
    """Lon and lat ranges whose box, as Plotly fits it, has a portrait panel's shape and the landscape
    extent's width: a cap from near the pole down past the equator around the middle meridian. Its width
    is about 2 rho sin(n L) (rho the southern edge's radius, L the half span), its height about rho."""
    n, _ = _constants()
    width = _landscape_width()
    half, rho = math.degrees(math.asin(aspect / 2) / n), width / aspect
    for _ in range(50):
        x0, x1, y0, y1 = range_box_bounds((ROTATION_LON - half, ROTATION_LON + half),
                                          (_lat_at_radius(rho), PORTRAIT_RANGE_TOP))
        shape = (x1 - x0) / (y1 - y0)
        if abs(shape / aspect - 1) < 1e-9 and abs((x1 - x0) / width - 1) < 1e-9:
            break
        half, rho = half * aspect / shape, rho * width / (x1 - x0)
    return (ROTATION_LON - half, ROTATION_LON + half), (_lat_at_radius(rho), PORTRAIT_RANGE_TOP)


def portrait_center(aspect: float = PORTRAIT_ASPECT) -> tuple[float, float]:
    """The middle of the portrait view: the story's middle across, and so far south that the view's top
    meets PORTRAIT_TOP_LAT on that meridian."""
    n, f = _constants()
    x0, x1, _, _ = projected_bounds(STORY_BOX)
    x = (x0 + x1) / 2
    top_radius = f / _tany(math.radians(PORTRAIT_TOP_LAT)) ** n
    top = f - math.sqrt(top_radius ** 2 - x ** 2)
    shown_height = _landscape_width() / GEO_FRAME["projection"]["scale"] / aspect
    lon, lat = unproject(x, top - shown_height / 2)
    return round(lon, 3), round(lat, 3)


def portrait_view(scale: float, aspect: float = PORTRAIT_ASPECT, steps: int = 24) -> list[tuple[float, float]]:
    """Lon/lat of a grid over what a portrait panel shows around the portrait centre at this scale."""
    cx, cy = project(*portrait_center(aspect))
    width = _landscape_width() / scale
    height = width / aspect
    return [unproject(cx + width * (i / steps - 0.5), cy + height * (j / steps - 0.5))
            for i in range(steps + 1) for j in range(steps + 1)]


def portrait_frame(aspect: float = PORTRAIT_ASPECT) -> dict:
    """What the page sets on the geo subplot when its map box has the portrait shape."""
    (lon_range, lat_range), (lon, lat) = portrait_ranges(aspect), portrait_center(aspect)
    return {"lonaxis": {"range": [round(v, 4) for v in lon_range]},
            "lataxis": {"range": [round(v, 4) for v in lat_range]},
            "center": {"lon": lon, "lat": lat},
            "projection": {"minscale": round(GEO_FRAME["projection"]["scale"] * PORTRAIT_MIN_SCALE_FRACTION, 3)}}


# Map boxes between a phone's and a laptop's shape (an 800 x 500 embed beside its statements, a full-
# screen 16:9 page): Plotly drew the landscape frame in them with bands of page above and below. Each
# gets a range box of its own shape (as the phone's), the page picking the nearest; the view stays on
# the story's middle unless that would spend the extra height on the Arctic.
BETWEEN_ASPECTS = (0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7)


def between_frame(aspect: float) -> dict:
    lon_range, lat_range = portrait_ranges(aspect)
    lon, lat = min(frame_center(), portrait_center(aspect), key=lambda point: point[1])
    return {"aspect": aspect, "lonaxis": {"range": [round(v, 4) for v in lon_range]},
            "lataxis": {"range": [round(v, 4) for v in lat_range]}, "center": {"lon": lon, "lat": lat},
            "projection": {"minscale": round(GEO_FRAME["projection"]["scale"] * PORTRAIT_MIN_SCALE_FRACTION, 3)}}


def device_frames() -> dict:
    """The frames the page picks from by its map box's shape: the portrait one, those between, and the
    landscape one the figure is built with (the page goes back to it when a phone is turned)."""
    landscape = {key: GEO_FRAME[key] for key in ("lonaxis", "lataxis", "center")}
    return {"aspect": PORTRAIT_ASPECT, "portrait": portrait_frame(),
            "between": [between_frame(aspect) for aspect in BETWEEN_ASPECTS],
            "landscape": {**landscape, "projection": {"minscale": GEO_FRAME["projection"]["minscale"]}}}


DEVICE_FRAMES = device_frames()


def extent_aspect() -> float:
    """The shape Plotly draws the landscape map at (width / height): its range box's, fitted inside
    whatever plot area it is given. An export's plot area is made this shape (export/report_layout.py),
    or the map would sit in bands of white."""
    x0, x1, y0, y1 = range_box_bounds(MAP_EXTENT["lon"], MAP_EXTENT["lat"])
    return (x1 - x0) / (y1 - y0)


EXTENT_ASPECT = extent_aspect()
