"""Views in the URL, embedding, prefixes and framing, as a portal and its users meet them."""

from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By

from dashboard import ids
from dashboard.app import create_app
from dashboard.config import AppConfig
from devtools.browser import chrome, console_errors, requested_urls, until, wait_drawn, wait_settled
from devtools.servers import serving

GD = "document.querySelector('#route-map .js-plotly-plot')"


def wait_map(driver):
    wait_drawn(driver)


def visible_traces(driver, route):
    return driver.execute_script(
        f"return {GD}.data.filter(t => t.meta && t.meta.route === arguments[0]).map(t => t.visible !== false);", route)


def test_opening_a_url_restores_the_view(driver, server_url):
    driver.get(server_url + "/?layers=kazakhstan,oil,nodes&status=disrupted,operating&route=cpc&center=49,44"
                            "&scale=3&panel=details")
    wait_map(driver)
    until(driver, lambda d: "Caspian Pipeline Consortium" in d.find_element(By.ID, ids.DETAILS_PANEL).text)
    until(driver, lambda d: d.execute_script(f"return {GD}._fullLayout.geo.projection.scale") == 3)
    assert driver.execute_script(f"return {GD}.data[0].visible") is False  # China off
    assert visible_traces(driver, "tap") == [False]  # gas layer off
    assert not visible_traces(driver, "trans_caspian_gas_pipeline")[0]
    checked = driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.LAYER_TOGGLES} input')].filter(i => i.checked).map(i => i.value)")
    assert checked == ["kazakhstan", "oil", "nodes"]
    center = driver.execute_script(f"return {GD}._fullLayout.geo.center")
    assert round(center["lon"]) == 49 and round(center["lat"]) == 44
    assert console_errors(driver) == []


def test_clicks_update_the_url_without_reloading(driver, server_url):
    driver.get(server_url)
    wait_map(driver)
    driver.execute_script("window.__sameDocument = true")
    driver.find_element(By.CSS_SELECTOR, f"#{ids.LAYER_TOGGLES} input[value='china']").click()
    driver.find_element(By.CSS_SELECTOR, "button[id*='\"id\":\"tap\"']").click()
    until(driver, lambda d: "route=tap" in d.current_url)
    assert "layers=kazakhstan" in driver.current_url and "china" not in driver.current_url.split("layers=")[1]
    assert driver.execute_script("return window.__sameDocument") is True
    link = driver.find_element(By.ID, ids.SHARE_LINK).get_attribute("value")
    assert "route=tap" in link and link.startswith(server_url)


def test_pan_and_zoom_go_into_the_url_and_survive_updates(driver, server_url):
    driver.get(server_url)
    wait_map(driver)
    driver.execute_script(f"Plotly.relayout({GD}, arguments[0])",
                          {"geo.projection.scale": 2.5, "geo.center.lon": 45, "geo.center.lat": 42})
    until(driver, lambda d: "scale=2.5" in d.current_url and "center=45,42" in d.current_url)
    driver.find_element(By.CSS_SELECTOR, f"#{ids.LAYER_TOGGLES} input[value='europe']").click()
    driver.find_element(By.CSS_SELECTOR, "button[id*='\"id\":\"cpc\"']").click()
    until(driver, lambda d: "route=cpc" in d.current_url)
    wait_settled(driver)  # the updates are all drawn
    assert driver.execute_script(f"return {GD}._fullLayout.geo.projection.scale") == 2.5


def test_a_copied_link_opens_the_same_view_in_a_fresh_browser(driver, server_url):
    driver.get(server_url)
    wait_map(driver)
    driver.find_element(By.CSS_SELECTOR, "div[id*='uk-kazakhstan-export-routes-3']").click()
    driver.find_element(By.CSS_SELECTOR, f"#{ids.STATUS_FILTER} input[value='planned']").click()
    until(driver, lambda d: "status=" in d.find_element(By.ID, ids.SHARE_LINK).get_attribute("value"))
    link = driver.find_element(By.ID, ids.SHARE_LINK).get_attribute("value")
    fresh = chrome()
    try:
        fresh.get(link)
        wait_map(fresh)
        card = fresh.find_element(By.CSS_SELECTOR, "div[id*='uk-kazakhstan-export-routes-3']")
        until(fresh, lambda d: "is-selected" in card.get_attribute("class"))
        assert not any(visible_traces(fresh, "kcts_planned"))
        assert fresh.find_element(By.ID, ids.SHARE_LINK).get_attribute("value") == link
    finally:
        fresh.quit()


def test_a_bad_url_renders_the_nearest_view_with_a_notice(driver, server_url):
    driver.get(server_url + "/?route=%3Cscript%3Ealert(1)%3C%2Fscript%3E&scale=1e309&layers=oil,mars&foo=bar"
                            "&statement=cpc&panel=details")
    wait_map(driver)
    notice = until(driver, lambda d: d.find_element(By.ID, ids.NOTICE).text or None)
    assert "<script>alert(1)</script>" in notice and "mars" in notice and "foo" in notice
    assert not driver.find_elements(By.CSS_SELECTOR, f"#{ids.NOTICE} script")
    assert visible_traces(driver, "cpc")[0] is True and driver.execute_script(f"return {GD}.data[0].visible") is False
    assert console_errors(driver) == []


def test_embed_view_shows_the_map_without_chrome(driver, server_url):
    driver.set_window_size(800, 500)
    driver.get(server_url + "/embed?panels=statements&route=cpc")
    wait_map(driver)
    assert not driver.find_element(By.CSS_SELECTOR, ".page-header").is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, ".sidebar").is_displayed()
    assert driver.find_element(By.ID, ids.STATEMENTS_PANEL).is_displayed()
    graph = driver.find_element(By.CSS_SELECTOR, "#route-map .js-plotly-plot").rect
    inner_height = driver.execute_script("return window.innerHeight")
    assert graph["width"] > 400 and graph["height"] >= 0.9 * inner_height
    code = driver.find_element(By.ID, ids.EMBED_CODE).get_attribute("value")
    assert code.startswith("<iframe") and "/embed?" in code and "panels=statements" in code


def test_embed_fits_a_tiny_frame(driver, server_url):
    driver.set_window_size(320, 240)
    driver.get(server_url + "/embed")
    wait_map(driver)
    graph = driver.find_element(By.CSS_SELECTOR, "#route-map .js-plotly-plot").rect
    width = driver.execute_script("return window.innerWidth")
    assert 0 < graph["width"] <= width and graph["height"] >= 150
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("size", [(360, 740), (800, 500), (3840, 2160)])
def test_layout_from_phone_to_4k_keeps_the_map_first(driver, server_url, size):
    driver.set_window_size(*size)
    driver.get(server_url)
    wait_map(driver)
    map_top = driver.find_element(By.CSS_SELECTOR, ".map-panel").rect["y"]
    panels_top = driver.find_element(By.CSS_SELECTOR, ".panels").rect["y"]
    sidebar_top = driver.find_element(By.CSS_SELECTOR, ".sidebar").rect["y"]
    if size[0] < 1100:
        assert map_top < panels_top and map_top < sidebar_top
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert driver.find_element(By.CSS_SELECTOR, "#route-map .js-plotly-plot").rect["width"] > 250


class StripPrefix:
    """What a reverse proxy that strips the portal's prefix does before the request reaches us."""

    def __init__(self, app, prefix):
        self.app, self.prefix = app, prefix.rstrip("/")

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith(self.prefix):
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"outside the prefix"]
        environ["PATH_INFO"] = path[len(self.prefix):] or "/"
        return self.app(environ, start_response)


@pytest.mark.parametrize("strips", [False, True], ids=["proxy-keeps-prefix", "proxy-strips-prefix"])
def test_served_under_a_prefix(driver, app_data, strips):
    prefix = "/portal/routes/"
    app = create_app(AppConfig(url_prefix=prefix, proxy_strips_prefix=strips), data=app_data)
    wsgi = StripPrefix(app.server, prefix) if strips else app.server
    with serving(wsgi) as url:
        driver.get(url + prefix + "?route=tap")
        wait_map(driver)
        until(driver, lambda d: "Trans Adriatic" in d.find_element(By.ID, ids.DETAILS_PANEL).text)
        paths = [urlparse(u).path for u in requested_urls(driver) if u.startswith("http")]
        assert paths and all(p.startswith(prefix) for p in paths), [p for p in paths if not p.startswith(prefix)]
        # the base map comes with the page's scripts, under the prefix; Plotly never fetches it again
        assert any(p.endswith("_base-map.js") for p in paths), paths
        assert not any(p.endswith("topojson/world_50m.json") for p in paths), paths
        assert console_errors(driver) == []


HOST_PAGE = b"<!doctype html><title>portal</title><iframe id='frame' src='%s' width='800' height='500'></iframe>"


@pytest.mark.parametrize("allowed", [True, False], ids=["origin-allowed", "origin-refused"])
def test_framing_follows_frame_ancestors(driver, app_data, allowed):
    # The portal runs on its own port, so it is another origin than the dashboard.
    def host_app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/html")])
        return [HOST_PAGE % host_app.target.encode()]
    with serving(host_app) as portal_url:
        ancestors = (portal_url,) if allowed else ("'self'",)
        app = create_app(AppConfig(frame_ancestors=ancestors), data=app_data)
        with serving(app.server) as dashboard_url:
            host_app.target = dashboard_url + "/embed"
            driver.get(portal_url)
            driver.switch_to.frame(driver.find_element(By.ID, "frame"))
            errors = []

            def refusals(d) -> list[str]:
                errors.extend(console_errors(d))  # the log is handed out once: kept as it comes
                return [m for m in errors if "frame-ancestors" in m or "Refused to frame" in m]

            if allowed:
                wait_map(driver)
                assert refusals(driver) == []
            else:  # Chrome says it refused, and its error page stands in the frame instead
                until(driver, refusals, "Chrome to refuse to frame the dashboard")
                assert not driver.find_elements(By.ID, "route-map")
            driver.switch_to.default_content()
