"""Embedding in a portal: the builder under Share, and the embedded page as a portal's reader sees it."""

from selenium.webdriver.common.by import By

from dashboard import ids
from devtools.browser import console_errors, requested_urls, until, wait_drawn

STATEMENT = "uk-kazakhstan-export-routes-3"
GD = "document.querySelector('#route-map .js-plotly-plot')"


def open_page(driver, url, width, height):
    driver.set_window_size(width, height)
    driver.get(url)
    wait_drawn(driver)


def test_the_embed_builder_makes_the_code_for_the_panels_and_size_chosen(driver, server_url):
    requested_urls(driver)  # what earlier tests asked for is not this page's
    open_page(driver, server_url + "/?route=cpc", 1366, 900)
    # The preview is a second dashboard in an iframe: a page load must not load it behind closed Share.
    until(driver, lambda d: d.find_element(By.ID, ids.SHARE_LINK).get_attribute("value"))
    assert not [u for u in requested_urls(driver) if "/embed" in u]
    assert not driver.find_element(By.ID, ids.EMBED_PREVIEW).get_dom_attribute("src")
    driver.find_element(By.CSS_SELECTOR, ".share-control > summary").click()
    code = driver.find_element(By.ID, ids.EMBED_CODE)
    until(driver, lambda d: "panels=legend" in code.get_attribute("value"))
    driver.find_element(By.CSS_SELECTOR, f"#{ids.EMBED_PANEL_PICK} input[value='statements']").click()
    driver.find_element(By.CSS_SELECTOR, f"#{ids.EMBED_SIZE_PICK} input[value='1200x700']").click()
    until(driver, lambda d: "panels=legend,statements" in code.get_attribute("value")
          and 'width="1200" height="700"' in code.get_attribute("value"))
    assert "route=cpc" in code.get_attribute("value") and "/embed?" in code.get_attribute("value")
    preview = driver.find_element(By.ID, ids.EMBED_PREVIEW).get_attribute("src")
    assert "/embed?" in preview and "panels=legend,statements" in preview
    assert "DASHBOARD_FRAME_ANCESTORS" in driver.find_element(By.CSS_SELECTOR, ".framing-note").text
    assert console_errors(driver) == []


def test_an_embed_with_panels_names_itself_links_back_and_keeps_the_map_large(driver, server_url):
    open_page(driver, server_url + f"/embed?panels=legend,statements&statement={STATEMENT}", 800, 500)
    bar = driver.find_element(By.CSS_SELECTOR, ".embed-bar")
    assert "Middle Corridor" in bar.text and "Natural Earth" in bar.text and "data as of" in bar.text
    full = driver.find_element(By.ID, ids.EMBED_OPEN_FULL)
    until(driver, lambda d: f"statement={STATEMENT}" in full.get_attribute("href"))
    assert "/embed" not in full.get_attribute("href") and full.get_attribute("target") == "_blank"
    share = driver.execute_script(
        f"const r = {GD}.getBoundingClientRect(); return r.width * r.height / (innerWidth * innerHeight);")
    assert share >= 0.5, f"the map is {share:.0%} of the frame"
    page_scrolls = driver.execute_script(
        "const s = getComputedStyle(document.body).overflow;"
        "return document.documentElement.scrollHeight > innerHeight + 1 && s !== 'hidden';")
    assert not page_scrolls  # one scrollbar at most: the statements panel's own
    until(driver, lambda d: d.execute_script(
        "const c = document.querySelector('.statement-card.is-selected');"
        "const p = c && c.closest('.panels').getBoundingClientRect(); const b = c && c.getBoundingClientRect();"
        "return !!c && b.top >= p.top - 1 && b.top < p.bottom;"))
    assert console_errors(driver) == []


def _map_fill(driver) -> tuple[float, float]:
    """The drawn map's share of its box, across and down (Plotly draws it at its range box's shape)."""
    return driver.execute_script(f"""
        const gd = {GD}, box = gd.getBoundingClientRect();
        const map = gd.querySelector('.geo .layer.bg rect').getBoundingClientRect();
        return [map.width / box.width, map.height / box.height];""")


def test_a_map_box_of_any_shape_is_filled_by_the_map(driver, server_url):
    """An 800 x 500 embed beside its statements gives the map a box about 1.15:1, a full-screen 16:9
    page one about 1.6:1: Plotly drew the laptop's 1.8:1 frame in them with bands of page above and
    below (85 px each in the embed). The page gives such a box the frame nearest its shape."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 800, "height": 500, "deviceScaleFactor": 1, "mobile": False})
    try:
        driver.get(server_url + "/embed?panels=statements")
        wait_drawn(driver)  # the statements come after the map: the box narrows, and the frame follows
        until(driver, lambda d: (lambda a, b: a > 0.97 and b > 0.93)(*_map_fill(d)), "the map filling its box")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
        driver.get(server_url + "/")
        wait_drawn(driver)
        until(driver, lambda d: (lambda a, b: a > 0.97 and b > 0.93)(*_map_fill(d)), "the map filling its box")
        assert console_errors(driver) == []
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
