"""The dashboard as a user drives it, in headless Chromium: load, toggle, select, read."""

from urllib.parse import urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard import ids
from dashboard.statements.query import PAGE_SIZE
from devtools.browser import console_errors, hover_then_click, requested_urls, until, wait_drawn

TRACES = "return document.querySelector('#route-map .js-plotly-plot').data.map(t => [t.meta ? t.meta.route : t.name, t.visible, t.opacity]);"


def open_dashboard(driver, url):
    driver.get(url)
    wait_drawn(driver)


def traces(driver):
    return driver.execute_script(TRACES)


def test_page_loads_map_cleanly_and_offline(driver, server_url, app_data):
    open_dashboard(driver, server_url)
    hosts = {urlparse(u).hostname for u in requested_urls(driver) if u.startswith("http")}
    assert hosts == {"127.0.0.1"}, hosts
    assert console_errors(driver) == []
    assert driver.execute_script("return typeof Plotly !== 'undefined' && !!Plotly.register;")
    cards = driver.find_elements(By.CSS_SELECTOR, f"{ids.css(ids.STATEMENTS_PANEL)} .statement-card")
    assert len(cards) == min(len(app_data.corpus.statements), PAGE_SIZE)


def test_toggling_a_layer_hides_it(driver, server_url):
    open_dashboard(driver, server_url)
    assert traces(driver)[0][1] is not False  # China visible
    driver.find_element(By.CSS_SELECTOR, f"#{ids.LAYER_TOGGLES} input[value='china']").click()
    until(driver, lambda d: traces(d)[0][1] is False)
    driver.find_element(By.CSS_SELECTOR, f"#{ids.LAYER_TOGGLES} input[value='gas']").click()
    until(driver, lambda d: all(v is False for r, v, _ in traces(d) if r == "tap"))
    assert any(v is not False for r, v, _ in traces(driver) if r == "cpc")
    assert console_errors(driver) == []


def test_status_filter_hides_planned_routes(driver, server_url):
    open_dashboard(driver, server_url)
    driver.find_element(By.CSS_SELECTOR, f"#{ids.STATUS_FILTER} input[value='planned']").click()
    planned = ("kcts_planned", "trans_caspian_gas_pipeline")
    until(driver, lambda d: all(v is False for r, v, _ in traces(d) if r in planned))


def test_selecting_a_route_from_the_list_opens_its_details(driver, server_url):
    open_dashboard(driver, server_url)
    driver.find_element(By.CSS_SELECTOR, "button[id*='\"id\":\"cpc\"']").click()
    until(driver, lambda d: "Caspian Pipeline Consortium" in d.find_element(By.ID, ids.DETAILS_PANEL).text)
    details = driver.find_element(By.ID, ids.DETAILS_PANEL).text
    assert "1,511 km" in details and "computed" in details and "Disrupted" in details
    assert driver.find_elements(By.CSS_SELECTOR, f"#{ids.DETAILS_PANEL} a.source-link")
    until(driver, lambda d: all(o == 1.0 for r, v, o in traces(d) if r == "cpc") and
        any(o < 0.5 for r, v, o in traces(d) if r == "tap"))
    assert "Middle Corridor" in driver.find_element(By.CSS_SELECTOR, f"#{ids.DETAILS_PANEL} .route-statements").text
    related = driver.find_elements(By.CSS_SELECTOR, ".statement-card.is-related")
    assert related and "Middle Corridor" in related[0].get_attribute("textContent")
    assert "route=cpc" in driver.current_url
    assert console_errors(driver) == []


def test_clicking_a_route_on_the_map_selects_it(driver, server_url, registry):
    open_dashboard(driver, server_url)
    ceyhan_leg = registry.network.legs["erzurum-ceyhan"]
    lon, lat = ceyhan_leg.coords[len(ceyhan_leg.coords) // 2]
    # Where Plotly draws that point, from its own projection (px within the graph), in the page.
    x, y = driver.execute_script(
        "const gd = document.querySelector('#route-map .js-plotly-plot'), box = gd.getBoundingClientRect();"
        "const [x, y] = gd._fullLayout.geo._subplot.projection(arguments[0]); return [box.left + x, box.top + y];",
        [lon, lat])
    hover_then_click(driver, x, y)
    until(driver, lambda d: "Baku" in d.find_element(By.ID, ids.DETAILS_PANEL).text)
    assert "BTC" in driver.find_element(By.ID, ids.DETAILS_PANEL).text


def test_clicking_a_statement_highlights_its_routes(driver, server_url):
    open_dashboard(driver, server_url)
    card = driver.find_element(By.CSS_SELECTOR, "div[id*='uk-kazakhstan-export-routes-3']")
    assert "approx. TASS" in card.text and "direct quote" in card.text.lower()
    card.click()
    until(driver, lambda d: "is-selected" in card.get_attribute("class"))
    until(driver, lambda d: all(o == 1.0 for r, v, o in traces(d) if r in ("middle_corridor_black_sea", "cpc")) and
        all(o < 0.5 for r, v, o in traces(d) if r == "tap"))
    # The map rings and names a selection's places (by their short names): those with a priority.
    until(driver, lambda d: "Aktau" in d.execute_script(
        "const t = document.querySelector('#route-map .js-plotly-plot').data.find(t => t.name === 'Highlighted places');"
        "return t.text.filter((text, i) => t.meta.labels[i] !== null && t.marker.opacity[i] === 1);"))
    assert console_errors(driver) == []


def test_statement_card_works_from_the_keyboard(driver, server_url):
    open_dashboard(driver, server_url)
    card = driver.find_element(By.CSS_SELECTOR, "div[id*='uk-kazakhstan-export-routes-7']")
    assert card.get_attribute("tabindex") == "0" and card.get_attribute("role") == "button"
    card.send_keys(Keys.ENTER)
    until(driver, lambda d: "is-selected" in card.get_attribute("class"))
    route_button = driver.find_element(By.CSS_SELECTOR, "button[id*='\"id\":\"tap\"']")
    route_button.send_keys(Keys.SPACE)
    until(driver, lambda d: "Trans Adriatic" in d.find_element(By.ID, ids.DETAILS_PANEL).text)


def test_a_tab_opens_at_once_and_the_server_agrees(driver, server_url):
    """The page shows a clicked tab's panel in the click itself (assets/page.js), not after the view's
    round trip; the server then sends the same root class and tab states."""
    open_dashboard(driver, server_url)
    shown = driver.execute_script(
        "const tab = document.getElementById(arguments[0]); tab.click();"
        "const root = document.getElementById(arguments[1]);"
        "return [root.className, getComputedStyle(document.querySelector('.export-section')).display,"
        "        tab.getAttribute('aria-selected')];",
        '{"id":"export","type":"panel-tab"}', ids.APP_ROOT)
    assert "panel-export" in shown[0].split() and shown[1] != "none" and shown[2] == "true"
    until(driver, lambda d: "panel=export" in d.current_url)
    # What the server then sends is what the page already shows: the same class, one tab selected.
    until(driver, lambda d: d.execute_script(
        "return document.querySelectorAll('.panel-tab[aria-selected=true]').length") == 1)
    assert driver.find_element(By.ID, ids.APP_ROOT).get_attribute("class") == "app panel-export"
    assert console_errors(driver) == []


def test_the_statements_date_filters_are_wide_enough_to_read_a_date(driver, server_url):
    """Dash 4 wraps an input in a flex container in which a date input shrank to its calendar icon
    (30 and 16 px at 1920 px): a date typed or picked could not be read."""
    open_dashboard(driver, server_url)
    widths = driver.execute_script(
        "return [...document.querySelectorAll('.date-range input[type=date]')]"
        ".map(i => i.getBoundingClientRect().width)")
    assert len(widths) == 2 and min(widths) >= 120, widths
