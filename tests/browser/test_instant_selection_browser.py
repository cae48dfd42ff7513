"""A clicked route or statement is drawn by the page at once (assets/page.js), before the server's
restyle arrives: the two must agree, or the map would flicker from one to the other."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from dashboard import ids
from devtools.browser import console_errors, until, wait_drawn, wait_settled

OPACITIES = """
return document.querySelector('#route-map .js-plotly-plot').data
  .filter(t => t.meta && t.meta.route).map(t => t.meta.route + '/' + t.meta.mode + '=' + t.opacity);
"""
# Route traces whose drawn opacity (their group on the map, as the reader sees it) is not the one in
# the plot's data: the page must set both, or Plotly's next draw would undo what was shown.
UNDRAWN = """
const gd = document.querySelector('#route-map .js-plotly-plot');
return [...gd.querySelectorAll('.scattergeo.trace')].filter(g => {
  const t = g.__data__[0].trace;
  return t.meta && t.meta.route && Number(getComputedStyle(g).opacity) !== gd.data[t.index].opacity;
}).map(g => {
  const t = g.__data__[0].trace;
  return t.meta.route + '/' + t.meta.mode + ': drawn ' + getComputedStyle(g).opacity + ', data ' + gd.data[t.index].opacity;
});
"""
# What the plot's data says of the selection's rings and the names that is not what is drawn: a ring
# drawn at another opacity than its point's marker.opacity, a name shown whose priority is null (not a
# name now: an unselected place's, a route's while another is selected).
RINGS_AND_NAMES_UNDRAWN = """
const gd = document.querySelector('#route-map .js-plotly-plot'), found = [];
for (const group of gd.querySelectorAll('.scattergeo.trace')) {
  const t = group.__data__[0].trace, data = gd.data[t.index];
  if (data.name === 'Highlighted places') {
    const points = [...group.querySelectorAll('path.point')];
    if (points.length !== data.marker.opacity.length) found.push(`${points.length} rings for ${data.marker.opacity.length} points`);
    points.forEach((p, i) => { if (Number(getComputedStyle(p).opacity) !== data.marker.opacity[i])
      found.push(`ring ${data.text[i]}: drawn ${getComputedStyle(p).opacity}, data ${data.marker.opacity[i]}`); });
  }
  const labels = data.meta && data.meta.labels;
  if (labels === undefined || data.visible === false) continue;
  group.querySelectorAll('text').forEach((text, i) => {
    const priority = Array.isArray(labels) ? labels[i] : labels;
    if (priority === null && text.style.display !== 'none') found.push(`${data.name}: ${text.textContent} shown`);
  });
}
return found;
"""
# Counts the map's redraws by Plotly from now on.
COUNT_REDRAWS = """
const gd = document.querySelector('#route-map .js-plotly-plot');
window.redraws = 0;
gd.on('plotly_afterplot', () => { window.redraws += 1; });
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
    until(driver, lambda d: d.execute_script("return window.location.search") == expected_query,
          f"the address to be {expected_query!r}")
    wait_settled(driver)  # the restyle follows the URL in the same response: drawn once Dash is done
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
    wait_drawn(driver)
    before = driver.execute_script(OPACITIES)
    driver.execute_script(COUNT_REDRAWS)
    for selector, query in steps:
        instant = driver.execute_script(CLICK_THEN_READ, selector)
        assert instant != before, f"{selector}: nothing was drawn before the server answered"
        # what the page set is what is drawn, before the server answers (not only in the plot's data)
        assert driver.execute_script(UNDRAWN) == []
        final = settle(driver, query)
        assert instant == final, f"{selector}: the page drew {set(instant) - set(final)}, the server {set(final) - set(instant)}"
        assert driver.execute_script(UNDRAWN) == []
        assert driver.execute_script(RINGS_AND_NAMES_UNDRAWN) == []
        before = final
    # The server's answers (rings, names, opacities) were drawn on the map itself, not by Plotly
    # recomputing and redrawing the whole geo subplot (assets/page.js routeMapDrawInPlace).
    assert driver.execute_script("return window.redraws") == 0
    assert console_errors(driver) == []


def test_a_selection_still_reaches_the_panels(driver, server_url):
    driver.get(server_url)
    wait_drawn(driver)
    driver.find_element(By.CSS_SELECTOR, route("kazakhstan_china_oil")).click()
    until(driver, lambda d: "Atasu" in d.find_element(By.ID, ids.DETAILS_PANEL).text)
    assert "route=kazakhstan_china_oil" in driver.execute_script("return window.location.search")
