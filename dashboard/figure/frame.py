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
