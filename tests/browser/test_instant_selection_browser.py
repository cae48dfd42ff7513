"""A clicked route or statement is drawn by the page at once (assets/page.js), before the server's
restyle arrives: the two must agree, or the map would flicker from one to the other."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from devtools.browser import MAP_READY, console_errors

OPACITIES = """
return document.querySelector('#route-map .js-plotly-plot').data
  .filter(t => t.meta && t.meta.route).map(t => t.meta.route + '/' + t.meta.mode + '=' + t.opacity);
"""
# Click, and read the map's opacities in the same script: what the page drew before Dash, let alone
# the server, has seen the click.
CLICK_THEN_READ = "document.querySelector(arguments[0]).click();" + OPACITIES


def card(statement_id: str) -> str:
    return f"div.statement-card[id*='\"{statement_id}\"']"


def route(route_id: str) -> str:
    return f"button.route-button[id*='\"{route_id}\"']"


def settle(driver, expected_query: str) -> list[str]:
    """The opacities once the server's view and restyle have arrived."""
    try:
        WebDriverWait(driver, 15).until(lambda d: d.execute_script("return window.location.search") == expected_query)
    except Exception:
        raise AssertionError(f"the address is {driver.execute_script('return window.location.search')!r}, "
                             f"not {expected_query!r}") from None
    time.sleep(1.0)  # the restyle follows the URL in the same response; give the draw its time
    return driver.execute_script(OPACITIES)


STEPS = [
    (route("cpc"), "?route=cpc"),
    (card("uk-kazakhstan-export-routes-3"), "?route=cpc&statement=uk-kazakhstan-export-routes-3"),
    (route("tap"), "?route=tap&statement=uk-kazakhstan-export-routes-3"),
    (route("tap"), "?statement=uk-kazakhstan-export-routes-3"),
    (card("uk-kazakhstan-export-routes-3"), ""),
]


@pytest.mark.parametrize("steps", [STEPS], ids=["route, statement, another route, both cleared"])
def test_the_instant_selection_agrees_with_the_server(driver, server_url, steps):
    driver.get(server_url)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
    before = driver.execute_script(OPACITIES)
    for selector, query in steps:
        instant = driver.execute_script(CLICK_THEN_READ, selector)
        assert instant != before, f"{selector}: nothing was drawn before the server answered"
        final = settle(driver, query)
        assert instant == final, f"{selector}: the page drew {set(instant) - set(final)}, the server {set(final) - set(instant)}"
        before = final
    assert console_errors(driver) == []


def test_a_selection_still_reaches_the_panels(driver, server_url):
    driver.get(server_url)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
    driver.find_element(By.CSS_SELECTOR, route("kazakhstan_china_oil")).click()
    WebDriverWait(driver, 10).until(lambda d: "Atasu" in d.find_element(By.ID, ids.DETAILS_PANEL).text)
    assert "route=kazakhstan_china_oil" in driver.execute_script("return window.location.search")
