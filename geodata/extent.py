"""How far the shipped base map reaches (lon0, lat0, lon1, lat1): beyond anything the map lets a
reader pan or zoom out to (dashboard/figure/frame.py holds the zoom to it), so never a void. One
number for both: the build clips the base map to it, the figure sets its geo ranges to it."""

BASE_MAP_EXTENT = (-5.0, 0.0, 150.0, 82.0)
