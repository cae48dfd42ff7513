"""Debian's headless Chromium driven by Selenium, started as the probe of this machine does:
background networking off, so the only requests are the page's own."""

from __future__ import annotations

import inspect
import json
import shutil
from typing import Callable, TypeVar

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
T = TypeVar("T")

# How long a wait may last before it counts as a failure. Every wait ends as soon as its condition
# holds, so these only bound a failure: on an idle machine a page is drawn in 2-3 s and a callback
# answers in well under one; with both cores of a two-core machine busy, ten times that was seen.
PAGE_S = 120
CALLBACK_S = 60

CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage")

# The map is drawn: Plotly has loaded the base map and drawn the geo subplot (layers may be off), and
# what the page asks for once its map has drawn (ui/callbacks/deferred.py) has come.
MAP_READY = f"""
const gd = document.querySelector('{ids.css(ids.MAP)} .js-plotly-plot');
const geo = gd && gd._fullLayout && gd._fullLayout.geo && gd._fullLayout.geo._subplot;
return !!(geo && geo.topojson && gd.querySelectorAll('.geo .layer path').length > 0
          && !gd.classList.contains('dash-graph--pending') && !document.querySelector('.{ids.DEFERRED}'));
"""

# Plotly has found a point under the pointer (what a click there will report).
MAP_HOVERED = f"""
const gd = document.querySelector('{ids.css(ids.MAP)} .js-plotly-plot');
return !!(gd && gd._hoverdata && gd._hoverdata.length);
"""

# Dash has nothing to do: no callback requested, waiting or running (the store's queues that
# dash.testing's wait_for_callbacks reads), and the map shows the last restyle the server sent
# (assets/page.js applies it after the callback; a redraw of the graph's own reapplies it).
SETTLED = f"""
const store = window.store;
if (!store) return false;
const state = store.getState(), queues = Object.assign({{}}, state.callbacks);
delete queues.stored;
delete queues.completed;
if (state.isLoading || Object.values(queues).some(queue => queue.length)) return false;
const gd = document.querySelector('{ids.css(ids.MAP)} .js-plotly-plot');
return !!(gd && gd._fullLayout && !gd.classList.contains('dash-graph--pending')
          && (!gd.__routeMapLast || routeMapUnchanged(gd, gd.__routeMapLast)));
"""

# A component's property as Dash holds it in its store: what the page's callbacks read, also for a
# component that draws nothing (a dcc.Interval). Found by the store's own index of ids (a dict id by its
# sorted keys, as Dash keys it); [found, value].
DASH_PROP = """
const id = arguments[0], state = window.store && window.store.getState();
if (!state) return [false, null];
let path = null;
if (typeof id === 'object') {
  const keys = Object.keys(id).sort(), values = JSON.stringify(keys.map(key => id[key]));
  const entry = (state.paths.objs[keys.join(',')] || []).find(e => JSON.stringify(e.values) === values);
  path = entry ? entry.path : null;
} else {
  path = state.paths.strs[id] || null;
}
const node = path && path.reduce((at, step) => at && at[step], state.layout);
return node && node.props ? [true, node.props[arguments[1]]] : [false, null];
"""


def chrome(width: int = 1600, height: int = 1000) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def until(driver, condition: Callable[..., T], what: str | None = None, timeout_s: float = CALLBACK_S,
          ignored: tuple = ()) -> T:
    """Ask `condition(driver)` until it answers something true, and return that. After `timeout_s`, an
    AssertionError that says what was awaited (`what`, or the condition's source line) and where."""
    try:
        return WebDriverWait(driver, timeout_s, ignored_exceptions=ignored).until(condition)
    except TimeoutException:
        raise AssertionError(f"waited {timeout_s:.0f} s for {what or _described(condition)} "
                             f"(the page is at {driver.current_url})") from None


def _described(condition) -> str:
    try:
        return inspect.getsource(condition).strip()
    except (OSError, TypeError):
        return getattr(condition, "__name__", repr(condition))


def wait_drawn(driver, timeout_s: float = PAGE_S) -> None:
    """Wait until the page's map is drawn and the callbacks the page sent as it loaded have answered
    (what a test reads next is then the page's, not a step on its way)."""
    until(driver, lambda d: d.execute_script(MAP_READY), "the map to be drawn", timeout_s)
    wait_settled(driver, timeout_s)


def wait_settled(driver, timeout_s: float = CALLBACK_S) -> None:
    """Wait until every callback has answered and the map shows what the server sent last."""
    until(driver, lambda d: d.execute_script(SETTLED), "every callback to answer and the map to follow", timeout_s)


def dash_prop(driver, component_id: str | dict, prop: str):
    """The property of a component in Dash's store; AssertionError if no such component is there."""
    found, value = driver.execute_script(DASH_PROP, component_id, prop)
    assert found, f"no component {component_id!r} in the page"
    return value


def hover_then_click(driver, x: float, y: float) -> None:
    """Move the pointer to (x, y) in the page, wait until Plotly has found what is under it, then click:
    Plotly's click reports what its hover found, and under load the hover of the last move can still
    be pending (Plotly throttles it) when a click sent straight after arrives."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    move = ActionBuilder(driver)
    move.pointer_action.move_to_location(int(x), int(y))
    move.perform()
    until(driver, lambda d: d.execute_script(MAP_HOVERED), "Plotly to find a trace under the pointer")
    click = ActionBuilder(driver)
    click.pointer_action.click()
    click.perform()


def open_drawn(driver, url: str, timeout_s: float = PAGE_S) -> None:
    """Load the page and wait until its map is drawn."""
    driver.get(url)
    wait_drawn(driver, timeout_s)


def sent_requests(driver) -> list[dict]:
    """Every request the page sent since the last call (Chrome's performance log): url, postData."""
    sent = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            sent.append(message["params"]["request"])
    return sent


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for since the last call."""
    return [sent["url"] for sent in sent_requests(driver)]


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
