"""How far the shipped base map reaches.

BASE_MAP_EXTENT (lon0, lat0, lon1, lat1) is the landscape map's: the figure sets its geo ranges to it
and holds the zoom out inside it (dashboard/figure/frame.py), and the country layers are cut to it.
BASE_MAP_REACH adds what a portrait phone shows around it (frame.py's portrait frame, down to its
zoom-out limit: tests/test_frame.py holds the two together): the Indian Ocean in the south, Iceland to
Kamchatka in the north, as bands that follow the view's curved edges. The base map is cut to their union.
"""

BASE_MAP_EXTENT = (-5.0, 0.0, 150.0, 82.0)
# Where the map's close-ups look, and so where the base map keeps its detail (geodata/base_map.py):
# the Bosphorus and Ceyhan to Samara, the Black Sea to the Chinese border at Khorgos and Dostyk.
DETAIL_BOX = (25.0, 35.0, 84.0, 55.0)
BASE_MAP_REACH = (
    BASE_MAP_EXTENT,
    (37.0, -15.0, 111.0, 0.0),
    (-9.0, 50.0, 162.0, 55.0),
    (-24.0, 55.0, 178.0, 60.0),
    (-32.0, 60.0, 178.0, 65.0),
    (-29.0, 65.0, 173.0, 70.0),
    (-23.0, 70.0, 167.0, 75.0),
    (-13.0, 75.0, 157.0, 80.0),
    (7.0, 80.0, 138.0, 85.0),
)
