"""Disruptions in the browser: switch CPC off and watch the exportable volume and the map change."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from tests.browser.harness import MAP_READY, console_errors

GD = "document.querySelector('#route-map .js-plotly-plot')"


def overlay_points(driver, name):
    return driver.execute_script(
        f"const t = {GD}.data.find(t => t.name === arguments[0]); return t.lon.filter(x => x !== null).length;", name)


def result_text(driver):
    return driver.find_element(By.ID, ids.SCENARIO_RESULT).get_attribute("textContent")


def test_switching_off_cpc_changes_the_volume_and_the_map(driver, server_url):
    driver.get(server_url + "/?panel=scenario")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
    assert "78.7 Mt/y" in result_text(driver) and overlay_points(driver, "Bottlenecks") == 0
    driver.find_element(By.CSS_SELECTOR, f"#{ids.SCENARIO_OFF} input[value='cpc_terminal']").click()
    WebDriverWait(driver, 10).until(lambda d: "27.2 Mt/y" in result_text(d))
    assert "Atyrau-Samara" in result_text(driver) and "72%" in result_text(driver)
    WebDriverWait(driver, 10).until(lambda d: overlay_points(d, "Bottlenecks") > 10)
    assert overlay_points(driver, "Out in this scenario") == 1
    assert "off=cpc_terminal" in driver.current_url
    assert console_errors(driver) == []


def test_replaying_an_event_from_the_timeline(driver, server_url):
    driver.get(server_url + "/?panel=scenario")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
    handle = driver.find_element(By.CSS_SELECTOR, f"#{ids.EVENT_SLIDER} [role='slider']")
    handle.click()
    handle.send_keys(Keys.ARROW_LEFT)  # from "today" back one event: the attack on CPC's SPM-2, Nov 2025
    WebDriverWait(driver, 10).until(lambda d: "event=2025-11-cpc-spm2-attack" in d.current_url)
    assert "SPM-2" in driver.find_element(By.ID, ids.EVENT_DETAIL).text
    WebDriverWait(driver, 10).until(lambda d: "27.2 Mt/y" in result_text(d))
    checked = driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.SCENARIO_OFF} input')].filter(i => i.checked).map(i => i.value)")
    assert checked == ["cpc_terminal"] and console_errors(driver) == []


def test_a_scenario_link_restores_it(driver, server_url):
    driver.get(server_url + "/?panel=scenario&off=cpc_terminal&cap=aktau_baku:20")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
    WebDriverWait(driver, 10).until(lambda d: "37.7 Mt/y" in result_text(d))
    assert driver.find_element(By.CSS_SELECTOR, f"#{ids.SCENARIO_OFF} input[value='cpc_terminal']").is_selected()
