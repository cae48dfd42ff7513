"""WCAG 2.2 AA in the browser (issue 17): axe-core finds no violation at levels A and AA on any view a
user can reach, and what axe cannot see is checked by hand: skip links, keyboard focus, the map's text
alternative announced as it changes, reduced motion."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard import ids
from devtools.browser import console_errors, until, wait_drawn
from tests.browser.axe import report, violations

LAPTOP = (1366, 768)  # the audit
PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
STATEMENT = "uk-kazakhstan-export-routes-3"


def present(css: str) -> str:
    return f"return !!document.querySelector({css!r})"


def text_has(css: str, words: str) -> str:
    return f"const e = document.querySelector({css!r}); return !!e && e.textContent.includes({words!r})"


DETAILS_READY = text_has(f"#{ids.DETAILS_PANEL}", "Caspian Pipeline Consortium")
# Each view, and what shows that it is all drawn (a tab built when first opened has its contents).
VIEWS = {
    "/": present(".statement-card"),
    "/?panel=details&route=cpc": DETAILS_READY,
    "/?panel=table": present(ids.css(ids.in_tab(ids.COMPARE_TABLE)) + " tbody tr"),
    "/?panel=scenario": present(ids.css(ids.in_tab(ids.SCENARIO_RESULT)) + " table"),
    "/?panel=corridor": present(".corridor-binds"),
    "/?panel=export": present(f"#{ids.EXPORT_BUTTON}"),
    "/embed": present(".is-embed"),
    "/embed?panels=legend": present(".embed-legend"),
    "/embed?panels=statements": present(".embed-statements .statement-card"),
    "/embed?panels=details&route=cpc": DETAILS_READY,
    "/embed?panels=legend,statements": present(".embed-statements"),
}
PHONE_VIEWS = ["/", "/?panel=scenario", "/?panel=table", "/?panel=corridor", "/embed?panels=statements"]


def open_view(driver, url: str, ready: str) -> None:
    driver.get(url)
    wait_drawn(driver)
    until(driver, lambda d: d.execute_script(ready))


def assert_no_violations(driver, where: str) -> None:
    found = violations(driver)
    assert not found, f"axe-core (WCAG 2.2 A/AA) on {where}:\n{report(found)}"


@pytest.mark.parametrize("path", list(VIEWS))
def test_every_view_passes_axe(driver, server_url, path):
    driver.set_window_size(*LAPTOP)
    open_view(driver, server_url + path, VIEWS[path])
    assert_no_violations(driver, path)
    assert console_errors(driver) == []


@pytest.mark.parametrize("path", PHONE_VIEWS)
def test_every_view_passes_axe_on_a_phone(driver, server_url, path):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    open_view(driver, server_url + path, VIEWS[path])
    assert_no_violations(driver, f"{path} at 360x740")


def test_selections_a_scenario_and_share_pass_axe(driver, server_url):
    driver.set_window_size(*LAPTOP)
    open_view(driver, server_url + "/", VIEWS["/"])
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.ROUTE_LINK, "id": "cpc"})).click()
    until(driver, lambda d: d.execute_script(DETAILS_READY))
    assert_no_violations(driver, "a route selected")

    card = driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.STATEMENT_CARD, "id": STATEMENT}))
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.PANEL_TAB, "id": "statements"})).click()
    card.click()
    until(driver, lambda d: "is-selected" in card.get_attribute("class"))
    assert_no_violations(driver, "a route and a statement selected")

    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.PANEL_TAB, "id": "scenario"})).click()
    until(driver, lambda d: d.execute_script(VIEWS["/?panel=scenario"]))
    switches = ids.css(ids.in_tab(ids.SCENARIO_OFF))
    driver.find_element(By.CSS_SELECTOR, f"{switches} input[value='cpc_terminal']").click()
    until(driver, lambda d: d.execute_script(
        text_has(ids.css(ids.in_tab(ids.SCENARIO_RESULT)), "28.7 Mt/y")))
    assert_no_violations(driver, "a scenario (CPC's terminal off)")

    driver.find_element(By.CSS_SELECTOR, ".share-control > summary").click()
    until(driver, lambda d: d.execute_script(
        f"return document.getElementById({ids.SHARE_LINK!r}).value.includes('off=cpc_terminal')"))
    assert_no_violations(driver, "Share opened")
    assert console_errors(driver) == []


def test_dash_option_lists_are_plain_checkboxes_to_a_screen_reader(driver, server_url):
    """Dash 4 draws a checklist as a listbox of options around checkboxes; page.js makes it a group of
    labelled checkboxes, and keeps it so when Dash redraws it after a change."""
    open_view(driver, server_url + "/", VIEWS["/"])
    box = driver.find_element(By.CSS_SELECTOR, f"#{ids.LAYER_TOGGLES} input[value='gas']")
    box.click()
    until(driver, lambda d: "layers=" in d.current_url)
    roles = driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.LAYER_TOGGLES}, #{ids.LAYER_TOGGLES} label')]"
        ".map(e => (e.getAttribute('role') || '') + (e.getAttribute('aria-selected') || ''))")
    assert roles[0] == "group" and set(roles[1:]) == {""}
    assert box.accessible_name == "Gas routes" and box.aria_role == "checkbox"


def test_sliders_are_named_and_say_what_their_position_means(driver, server_url):
    open_view(driver, server_url + "/?panel=scenario", VIEWS["/?panel=scenario"])
    timeline = driver.find_element(By.CSS_SELECTOR, ids.css(ids.in_tab(ids.EVENT_SLIDER)) + " [role='slider']")
    assert timeline.accessible_name == "Timeline of events"
    assert timeline.get_attribute("aria-valuetext") == "Today"
    timeline.send_keys(Keys.HOME)
    until(driver, lambda d: "event=" in d.current_url)
    assert timeline.get_attribute("aria-valuetext").startswith("2022-")
    capacity = driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.SCENARIO_CAP, "id": "aktau_port"})
                                   + " [role='slider']")
    assert capacity.accessible_name.startswith("Aktau port")
    assert capacity.get_attribute("aria-valuetext").endswith(" Mt/y")


def focused(driver) -> dict:
    return driver.execute_script(
        "const e = document.activeElement, s = getComputedStyle(e);"
        "return {id: e.id, text: e.textContent.slice(0, 40), outline: s.outlineStyle, width: s.outlineWidth,"
        "        shadow: s.boxShadow}")


def tab_until(driver, text: str, most: int) -> int:
    for presses in range(1, most + 1):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if focused(driver)["text"] == text:
            return presses
    raise AssertionError(f"{text!r} not reached in {most} Tab presses (at {focused(driver)})")


def assert_focus_visible(state: dict) -> None:
    assert state["outline"] != "none" and state["width"] != "0px" and state["shadow"] != "none", state


def test_the_map_is_reached_in_three_tab_presses_with_a_visible_focus(driver, server_url):
    open_view(driver, server_url + "/", VIEWS["/"])
    skip = driver.find_element(By.CSS_SELECTOR, ".skip-link")
    assert not skip.is_displayed() or skip.size["width"] <= 1  # shown only when focused
    presses = tab_until(driver, "Skip to the map", 3)
    assert_focus_visible(focused(driver))
    assert skip.is_displayed() and skip.size["height"] >= 24
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    until(driver, lambda d: focused(d)["id"] == ids.MAP_REGION)
    assert presses <= 3
    assert_focus_visible(focused(driver))
    region = driver.find_element(By.ID, ids.MAP_REGION)
    assert region.accessible_name == "Map"
    assert driver.execute_script(f"return document.getElementById({ids.MAP_SUMMARY!r}).getAttribute('aria-live')") \
        == "polite"


def test_a_route_is_selected_from_the_keyboard_alone(driver, server_url):
    open_view(driver, server_url + "/", VIEWS["/"])
    tab_until(driver, "Skip to the routes", 3)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    until(driver, lambda d: focused(d)["id"] == ids.ROUTE_LIST)
    ActionChains(driver).send_keys(Keys.TAB).perform()
    first_route = focused(driver)
    assert "route-link" in first_route["id"]
    assert_focus_visible(first_route)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    until(driver, lambda d: "route=" in d.current_url)
    assert driver.execute_script(f"return document.activeElement.getAttribute('aria-pressed')") == "true"


def test_the_map_summary_is_announced_as_the_view_changes(driver, server_url):
    open_view(driver, server_url + "/", VIEWS["/"])
    summary = driver.find_element(By.ID, ids.MAP_SUMMARY)
    assert summary.get_attribute("role") == "status" and summary.get_attribute("aria-live") == "polite"
    assert "Nothing is selected" in summary.get_attribute("textContent")
    assert summary.size["width"] <= 1  # visually hidden, read by screen readers
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.ROUTE_LINK, "id": "cpc"})).click()
    until(driver, lambda d: "Selected route: Caspian Pipeline Consortium" in summary.get_attribute("textContent"))
    driver.get(server_url + "/?off=cpc_terminal")
    wait_drawn(driver)
    until(driver, lambda d: "Scenario: switched off" in
          d.find_element(By.ID, ids.MAP_SUMMARY).get_attribute("textContent"))


DURATIONS = """
return [...document.querySelectorAll('*')].flatMap(e => { const s = getComputedStyle(e);
    return [s.transitionDuration, s.animationDuration]; }).flatMap(d => d.split(', ')).map(parseFloat);
"""


def test_motion_stops_for_readers_who_ask_for_less(driver, server_url):
    open_view(driver, server_url + "/?panel=scenario", VIEWS["/?panel=scenario"])
    assert max(driver.execute_script(DURATIONS)) > 0.1  # the sliders' handles glide
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    assert max(driver.execute_script(DURATIONS)) <= 0.001
