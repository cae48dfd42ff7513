"""Disruptions in the browser: switch CPC off and watch the exportable volume and the map change."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard import ids
from devtools.browser import console_errors, until, wait_drawn, wait_settled

GD = "document.querySelector('#route-map .js-plotly-plot')"
RESULT, DETAIL = ids.css(ids.in_tab(ids.SCENARIO_RESULT)), ids.css(ids.in_tab(ids.EVENT_DETAIL))
SWITCHES, SLIDER = ids.css(ids.in_tab(ids.SCENARIO_OFF)), ids.css(ids.in_tab(ids.EVENT_SLIDER))


def overlay_points(driver, name):
    return driver.execute_script(
        f"const t = {GD}.data.find(t => t.name === arguments[0]); return t.lon.filter(x => x !== null).length;", name)


def result_text(driver):
    found = driver.find_elements(By.CSS_SELECTOR, RESULT)  # none until the tab is built
    return found[0].get_attribute("textContent") if found else ""


def test_switching_off_cpc_changes_the_volume_and_the_map(driver, server_url):
    driver.get(server_url + "/?panel=scenario")
    wait_drawn(driver)
    until(driver, lambda d: "78.7 Mt/y" in result_text(d))
    assert overlay_points(driver, "Bottlenecks") == 0
    driver.find_element(By.CSS_SELECTOR, f"{SWITCHES} input[value='cpc_terminal']").click()
    until(driver, lambda d: "28.7 Mt/y" in result_text(d))
    assert "13.5 Mt/y" in result_text(driver) and "floor 81 %" in result_text(driver)
    assert "Atyrau-Samara" in result_text(driver)
    until(driver, lambda d: overlay_points(d, "Bottlenecks") > 10)
    assert overlay_points(driver, "Out in this scenario") == 1
    assert "off=cpc_terminal" in driver.current_url
    assert console_errors(driver) == []


def test_replaying_an_event_from_the_timeline(driver, server_url):
    driver.get(server_url + "/?panel=scenario")
    wait_drawn(driver)
    handle = until(driver, lambda d: d.find_element(By.CSS_SELECTOR, f"{SLIDER} [role='slider']"))
    handle.click()
    handle.send_keys(Keys.ARROW_LEFT)  # from "today" back one event: the attack on CPC's SPM-2, Nov 2025
    until(driver, lambda d: "event=2025-11-cpc-spm2-attack" in d.current_url)
    assert "SPM-2" in driver.find_element(By.CSS_SELECTOR, DETAIL).text
    until(driver, lambda d: "28.7 Mt/y" in result_text(d))
    checked = driver.execute_script(
        "return [...document.querySelectorAll(arguments[0] + ' input')].filter(i => i.checked).map(i => i.value)",
        SWITCHES)
    assert checked == ["cpc_terminal"] and console_errors(driver) == []


def test_a_scenario_link_restores_it(driver, server_url):
    driver.get(server_url + "/?panel=scenario&off=cpc_terminal&cap=aktau_port:20")
    wait_drawn(driver)
    until(driver, lambda d: "37.7 Mt/y" in result_text(d))
    assert driver.find_element(By.CSS_SELECTOR, f"{SWITCHES} input[value='cpc_terminal']").is_selected()


def test_the_tab_is_built_when_first_opened_and_keeps_the_scenario_of_the_link(driver, server_url):
    """A link with a scenario, opened on another tab: the Scenarios tab is not in the page until it is
    opened, and then shows that scenario without changing it (its controls arrive showing the view)."""
    driver.get(server_url + "/?off=cpc_terminal&cap=aktau_port:20")
    wait_drawn(driver)
    assert driver.find_elements(By.CSS_SELECTOR, SWITCHES) == []
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.PANEL_TAB, "id": "scenario"})).click()
    until(driver, lambda d: "37.7 Mt/y" in result_text(d))
    assert driver.find_element(By.CSS_SELECTOR, f"{SWITCHES} input[value='cpc_terminal']").is_selected()
    wait_settled(driver)  # any callback the new controls set off has answered
    assert "panel=scenario" in driver.current_url
    assert "off=cpc_terminal" in driver.current_url and "cap=aktau_port:20" in driver.current_url
    assert console_errors(driver) == []
