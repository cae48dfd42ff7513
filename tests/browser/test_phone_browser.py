"""The map on a phone (360 x 740 CSS px, as Chrome emulates one): drawn once in the portrait frame
(dashboard/figure/frame.py, set by assets/page.js before the first draw), most of the first screen,
base map wherever it shows, and in view while the reader taps statements and routes."""

import pytest
import shapely
from selenium.webdriver.common.by import By

from dashboard.figure.frame import DEVICE_FRAMES
from devtools.browser import console_errors, until, wait_drawn
from geodata.extent import BASE_MAP_REACH

GD = "document.querySelector('#route-map .js-plotly-plot')"
PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
TURNED = {**PHONE, "width": 740, "height": 360}
PORTRAIT, LANDSCAPE = DEVICE_FRAMES["portrait"], DEVICE_FRAMES["landscape"]

# The lon/lat under a grid of points over the drawn map (Plotly's geo frame), and the frame's box.
SHOWN = f"""
const gd = {GD}, sp = gd._fullLayout.geo._subplot, size = gd._fullLayout._size;
const graph = gd.getBoundingClientRect(), bg = gd.querySelector('.geolayer .bg').getBoundingClientRect();
const points = [];
for (let i = 0; i <= 20; i++) for (let j = 0; j <= 20; j++) {{
  const x = bg.left + 0.5 + (bg.width - 1) * i / 20, y = bg.top + 0.5 + (bg.height - 1) * j / 20;
  points.push(sp.projection.invert([x - graph.left - size.l, y - graph.top - size.t]));
}}
return {{points, bg: [bg.left, bg.top, bg.width, bg.height], graph: [graph.left, graph.top, graph.width, graph.height],
         screen: [innerWidth, innerHeight]}};
"""


def open_on_phone(driver, url, metrics=PHONE):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.get(url)
    wait_drawn(driver)
    until(driver, lambda d: d.execute_script(f"return !!{GD}.__routeMapLabels"))


def frame_of(driver):
    return driver.execute_script(f"const g = {GD}._fullLayout.geo; return [g.lataxis.range, g.center, "
                                 f"g.projection.minscale, {GD}._fullLayout.geo._subplot.viewInitial]")


def test_a_phone_draws_its_map_in_the_portrait_frame_from_the_first_draw(driver, server_url):
    open_on_phone(driver, server_url)
    lat_range, center, minscale, initial = frame_of(driver)
    assert lat_range == PORTRAIT["lataxis"]["range"] and minscale == PORTRAIT["projection"]["minscale"]
    assert center == PORTRAIT["center"]
    # Plotly keeps the view of its first draw (its reset button goes back to it): the portrait one
    assert initial["center.lat"] == PORTRAIT["center"]["lat"]
    assert "center=" not in driver.current_url and "scale=" not in driver.current_url  # not taken for a pan
    assert console_errors(driver) == []


def test_the_drawn_map_fills_its_box_and_most_of_the_first_screen(driver, server_url):
    open_on_phone(driver, server_url)
    shown = driver.execute_script(SHOWN)
    (bx, by, bw, bh), (gx, gy, gw, gh) = shown["bg"], shown["graph"]
    assert abs(bw - gw) <= 1.5 and abs(bh - gh) <= 1.5 and abs(by - gy) <= 1.5
    assert bw * bh >= 0.6 * 360 * 740 and by + bh <= 740
    statements_top = driver.execute_script("return document.querySelector('.panels').getBoundingClientRect().top")
    assert statements_top < 740  # the statements start on the first screen


@pytest.mark.parametrize("zoom_out", [False, True])
def test_base_map_everywhere_the_phone_shows_down_to_its_zoom_out_limit(driver, server_url, zoom_out):
    open_on_phone(driver, server_url)
    if zoom_out:
        driver.execute_script(f"Plotly.relayout({GD}, {{'geo.projection.scale': {PORTRAIT['projection']['minscale']}}})")
        until(driver, lambda d: d.execute_script(
            f"return {GD}._fullLayout.geo.projection.scale") == PORTRAIT["projection"]["minscale"])
    reach = shapely.union_all([shapely.box(*part) for part in BASE_MAP_REACH])
    points = driver.execute_script(SHOWN)["points"]
    void = [(round(lon, 1), round(lat, 1)) for lon, lat in points if not reach.covers(shapely.Point(lon, lat))]
    assert len(points) == 441 and void == []


def test_the_map_stays_in_view_while_statements_and_routes_are_tapped(driver, server_url):
    open_on_phone(driver, server_url)
    cards = driver.find_elements(By.CSS_SELECTOR, "#statement-list .statement-card")
    card = cards[min(4, len(cards) - 1)]
    driver.execute_script("arguments[0].scrollIntoView({block: 'end'})", card)  # under the sticky map
    card.click()
    until(driver, lambda d: "statement=" in d.current_url)
    until(driver, lambda d: "is-selected" in card.get_attribute("class"))
    panel, shown = driver.execute_script(
        "const m = document.querySelector('.map-panel').getBoundingClientRect(), c = arguments[0].getBoundingClientRect();"
        "return [[m.top, m.bottom], [c.top, c.bottom]];", card)
    assert -1 <= panel[0] and panel[1] <= 740  # the whole map on the screen
    assert panel[1] - 1 <= shown[0] < 740  # and the card under it
    route = driver.find_element(By.CSS_SELECTOR, "button.route-button")
    driver.execute_script("arguments[0].scrollIntoView({block: 'end'})", route)
    route.click()
    until(driver, lambda d: "route=" in d.current_url)
    top, bottom = driver.execute_script("const m = document.querySelector('.map-panel').getBoundingClientRect();"
                                        "return [m.top, m.bottom];")
    assert -1 <= top and bottom <= 740
    assert console_errors(driver) == []


def test_a_turned_phone_gets_the_landscape_frame_and_back(driver, server_url):
    open_on_phone(driver, server_url)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", TURNED)
    until(driver, lambda d: frame_of(d)[0] == LANDSCAPE["lataxis"]["range"])
    assert frame_of(driver)[1] == LANDSCAPE["center"]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    until(driver, lambda d: frame_of(d)[0] == PORTRAIT["lataxis"]["range"])
    assert frame_of(driver)[1] == PORTRAIT["center"]
    assert "center=" not in driver.current_url
    assert console_errors(driver) == []


def test_a_link_zoomed_out_further_than_a_phone_allows_opens_at_the_phones_limit(driver, server_url):
    open_on_phone(driver, server_url + "/?scale=1.8")  # a laptop's zoom out, below the portrait limit
    until(driver, lambda d: d.execute_script(f"return {GD}._fullLayout.geo.projection.scale")
          == PORTRAIT["projection"]["minscale"])
    reach = shapely.union_all([shapely.box(*part) for part in BASE_MAP_REACH])
    assert all(reach.covers(shapely.Point(p)) for p in driver.execute_script(SHOWN)["points"])
