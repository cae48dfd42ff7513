"""The map as a reader sees it, at the sizes people use: the whole corridor in frame, the map most of
the screen, names that never overlap, the legend in view, no toolbar button that talks to another host."""

import pytest

from devtools.browser import console_errors, hover_then_click, until, wait_drawn

GD = "document.querySelector('#route-map .js-plotly-plot')"
MIDDLE_CORRIDOR = ("lianyungang", "xian", "khorgos", "dostyk", "almaty", "aktau", "kuryk", "alat", "baku", "tbilisi",
                   "poti", "batumi", "constanta", "kars", "istanbul")

# Where each node is drawn, in CSS px of the page, and the plot area's box.
NODES_DRAWN = f"""
const gd = {GD}, geo = gd._fullLayout.geo._subplot, size = gd._fullLayout._size;
const box = gd.getBoundingClientRect();
const nodes = {{}};
for (const trace of gd.data) {{
  if (trace.customdata && trace.lon) trace.customdata.forEach((id, i) => {{
    const [x, y] = geo.projection([trace.lon[i], trace.lat[i]]);
    nodes[id] = [box.left + size.l + x, box.top + size.t + y];
  }});
}}
return {{nodes, area: [box.left + size.l, box.top + size.t, box.left + size.l + size.w, box.top + size.t + size.h],
         viewport: [innerWidth, innerHeight]}};
"""

# The names shown (not decluttered away), with their boxes.
SHOWN_NAMES = f"""
const gd = {GD};
return [...gd.querySelectorAll('.scattergeo text')]
  .filter(t => t.textContent && t.style.display !== 'none' && t.closest('.trace').__data__[0].trace.meta
               && t.closest('.trace').__data__[0].trace.meta.labels !== undefined
               && t.closest('.trace').__data__[0].trace.visible === true)
  .map(t => {{ const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.top, r.right, r.bottom]; }});
"""


def open_at(driver, url, width, height, mobile=False):
    if mobile:  # a real phone's width: a desktop window cannot be narrower than ~500 px
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    else:
        driver.set_window_size(width, height)
    driver.get(url)
    wait_drawn(driver)
    until(driver, lambda d: d.execute_script(f"return !!{GD}.__routeMapLabels"))


def overlaps(names):
    pairs = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]:
                pairs.append((a[0], b[0]))
    return pairs


SIZES = [(1920, 1080, False, "/"), (1366, 768, False, "/"), (360, 740, True, "/"), (800, 500, False, "/embed")]


@pytest.mark.parametrize("width, height, mobile, path", SIZES)
def test_the_whole_middle_corridor_is_in_frame(driver, server_url, width, height, mobile, path):
    open_at(driver, server_url + path, width, height, mobile)
    drawn = driver.execute_script(NODES_DRAWN)
    left, top, right, bottom = drawn["area"]
    outside = [n for n in MIDDLE_CORRIDOR
               if not (left <= drawn["nodes"][n][0] <= right and top <= drawn["nodes"][n][1] <= bottom)]
    assert outside == []
    assert console_errors(driver) == []


# The drawn map (Plotly's geo frame), not its box: on a portrait phone the page gives the map the
# portrait frame, which Plotly draws over the whole box (tests/browser/test_phone_browser.py).
@pytest.mark.parametrize("width, height, mobile, share", [(1920, 1080, False, 0.55), (1366, 768, False, 0.55),
                                                          (360, 740, True, 0.6)])
def test_the_map_is_most_of_the_first_screen(driver, server_url, width, height, mobile, share):
    open_at(driver, server_url, width, height, mobile)
    shown = driver.execute_script(
        f"const r = {GD}.querySelector('.geolayer .bg').getBoundingClientRect();"
        "const w = Math.min(r.right, innerWidth) - Math.max(r.left, 0);"
        "const h = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);"
        "return (w * h) / (innerWidth * innerHeight);")
    assert shown >= share, f"the map is {shown:.0%} of the screen"


@pytest.mark.parametrize("width, height, mobile", [(1920, 1080, False), (1366, 768, False), (360, 740, True)])
def test_names_never_overlap_at_the_frame_and_after_a_zoom(driver, server_url, width, height, mobile):
    open_at(driver, server_url, width, height, mobile)
    names = driver.execute_script(SHOWN_NAMES)
    assert {"Kazakhstan", "Caspian Sea", "Aktau", "Baku"} <= {n[0] for n in names} or width < 1000
    assert overlaps(names) == []
    driver.execute_script(f"Plotly.relayout({GD}, {{'geo.projection.scale': {GD}._fullLayout.geo.projection.scale * 2.5,"
                          "'geo.center.lon': 47, 'geo.center.lat': 42})")
    until(driver, lambda d: "Tbilisi" in {n[0] for n in d.execute_script(SHOWN_NAMES)})
    zoomed = driver.execute_script(SHOWN_NAMES)
    assert len(zoomed) > 0 and overlaps(zoomed) == []
    assert {"Baku", "Tbilisi", "Aktau"} <= {n[0] for n in zoomed}
    assert console_errors(driver) == []


def test_a_selection_names_its_own_places_first(driver, server_url):
    open_at(driver, server_url + "/?route=middle_corridor_black_sea", 1366, 768)
    until(driver, lambda d: d.execute_script(f"return {GD}.data.at(-1).lon.length > 0"))
    until(driver, lambda d: {"Poti", "Constanța"} <= {n[0] for n in d.execute_script(SHOWN_NAMES)})
    names = driver.execute_script(SHOWN_NAMES)
    assert overlaps(names) == [] and len([n for n in names if n[0] == "Poti"]) == 1


@pytest.mark.parametrize("width, height, mobile", [(1920, 1080, False), (1366, 768, False), (360, 740, True)])
def test_the_legend_is_on_the_map_and_in_view(driver, server_url, width, height, mobile):
    open_at(driver, server_url, width, height, mobile)
    legend = driver.execute_script(
        "const l = document.querySelector('.map-panel .map-legend'); const r = l.getBoundingClientRect();"
        "return [r.top, r.bottom, l.open, innerHeight, l.textContent];")
    top, bottom, is_open, inner_height, text = legend
    assert 0 <= top and bottom <= inner_height
    if width >= 1900:
        assert is_open and "Disrupted" in text and "Event" in text and "what binds" in text


def test_no_toolbar_button_sends_the_map_elsewhere_or_saves_it_bare(driver, server_url):
    open_at(driver, server_url, 1366, 768)
    buttons = driver.execute_script(
        "return [...document.querySelectorAll('.modebar-btn')].map(b => (b.getAttribute('data-title') || '') + ' '"
        " + (b.getAttribute('data-attr') || '') + ' ' + (b.getAttribute('data-val') || ''))")
    joined = " ".join(buttons).lower()
    assert buttons and "cloud" not in joined and "chart studio" not in joined and "png" not in joined
    assert "zoom" in joined and "pan" in joined


def test_share_is_a_control_that_opens_the_link_and_the_embed_code(driver, server_url):
    from selenium.webdriver.common.by import By

    from dashboard import ids
    open_at(driver, server_url, 1366, 768)
    link = driver.find_element(By.ID, ids.SHARE_LINK)
    assert not link.is_displayed()
    driver.find_element(By.CSS_SELECTOR, ".share-control > summary").click()
    until(driver, lambda d: link.is_displayed())
    assert link.get_attribute("value").startswith(server_url)
    assert driver.find_element(By.ID, ids.EMBED_CODE).is_displayed()


def _point_on(driver, route_id):
    """Page coordinates of the vertex of a route's line farthest from any place marker (a click near
    a place picks the place: places win over the lines beneath them)."""
    return driver.execute_script(
        f"const gd = {GD}, geo = gd._fullLayout.geo._subplot, r = gd.getBoundingClientRect(), s = gd._fullLayout._size;"
        "const px = (lon, lat) => { const p = geo.projection([lon, lat]); return [r.left + s.l + p[0], r.top + s.t + p[1]]; };"
        "const nodes = gd.data.filter(t => t.customdata).flatMap(t => t.lon.map((lon, i) => px(lon, t.lat[i])));"
        "const t = gd.data.find(t => t.meta && t.meta.route === arguments[0] && !t.name.includes('casing'));"
        "let best = null, far = -1;"
        "t.lon.forEach((lon, i) => { if (lon === null) return; const p = px(lon, t.lat[i]);"
        "  if (p[0] < r.left + 40 || p[0] > r.right - 40 || p[1] < r.top + 60 || p[1] > r.bottom - 60) return;"
        "  const d = Math.min(...nodes.map(n => Math.hypot(n[0] - p[0], n[1] - p[1])));"
        "  if (d > far) { far = d; best = p; } });"
        "return best;", route_id)


def test_a_click_on_a_line_selects_it(driver, server_url):
    open_at(driver, server_url, 1366, 768)
    x, y = _point_on(driver, "middle_corridor_black_sea")
    hover_then_click(driver, x, y)
    until(driver, lambda d: "route=middle_corridor" in d.current_url)


def test_a_drag_from_a_line_pans_without_selecting_and_the_link_keeps_the_pan(driver, server_url):
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    open_at(driver, server_url, 1366, 768)
    x, y = _point_on(driver, "middle_corridor_black_sea")
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(x), int(y)).pointer_down()
    actions.pointer_action.move_to_location(int(x) + 60, int(y) + 20).move_to_location(int(x) + 120, int(y) + 40)
    actions.pointer_action.pointer_up()
    actions.perform()
    until(driver, lambda d: "rotate=" in d.current_url)
    assert "route=" not in driver.current_url
    rotation = driver.execute_script(f"return {GD}._fullLayout.geo.projection.rotation")
    link = driver.current_url
    driver.get(link)
    wait_drawn(driver)
    until(driver, lambda d: abs(d.execute_script(
        f"return {GD}._fullLayout.geo.projection.rotation.lon") - rotation["lon"]) < 0.01)
    assert console_errors(driver) == []


def test_a_named_view_is_one_click_and_a_link(driver, server_url):
    from selenium.webdriver.common.by import By

    open_at(driver, server_url, 1366, 768)
    driver.find_element(By.LINK_TEXT, "Middle Corridor").click()
    until(driver, lambda d: "russia=avoids" in d.current_url)
    until(driver, lambda d: d.execute_script(
        f"return {GD}.data.filter(t => t.meta && t.meta.route && t.visible === true)"
        ".every(t => t.meta.route.startsWith('middle_corridor'))"))
    assert driver.find_element(By.CSS_SELECTOR, "#russia-filter input[value='avoids']").is_selected()
    driver.find_element(By.LINK_TEXT, "Through Russia").click()
    until(driver, lambda d: "russia=crosses" in d.current_url and "layers=" not in d.current_url)
    until(driver, lambda d: d.execute_script(
        f"return {GD}.data.some(t => t.meta && t.meta.route === 'cpc' && t.visible === true)"))
    assert console_errors(driver) == []


def test_search_finds_a_place_frames_and_rings_it_and_the_link_keeps_it(driver, server_url):
    from selenium.webdriver.common.by import By

    open_at(driver, server_url, 1366, 768)
    driver.find_element(By.ID, "search").click()  # Dash's dropdown opens a search field
    box = until(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".dash-dropdown-search"))
    box.send_keys("Poti")
    option = until(driver, lambda d: next(
        (o for o in d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option") if o.text == "Poti · Place"), None))
    option.click()
    until(driver, lambda d: "place=poti" in d.current_url)
    until(driver, lambda d: d.execute_script(f"return {GD}._fullLayout.geo.projection.scale") == 9)
    # Ringed, and its name the first a selection tries (the lowest priority of the ringed places').
    until(driver, lambda d: d.execute_script(
        f"const t = {GD}.data.find(t => t.name === 'Highlighted places');"
        "const shown = t.text.map((text, i) => [t.meta.labels[i], text]).filter(([p], i) => p !== null"
        "  && t.marker.opacity[i] === 1).sort((a, b) => a[0] - b[0]); return shown.length && shown[0][1];") == "Poti")
    drawn = driver.execute_script(NODES_DRAWN)
    left, top, right, bottom = drawn["area"]
    x, y = drawn["nodes"]["poti"]
    assert abs(x - (left + right) / 2) < 5 and abs(y - (top + bottom) / 2) < 5  # framed: in the middle
    assert console_errors(driver) == []
