"""The Compare tab in the browser: sort, select a route from the table, download the CSV."""

import csv

from selenium.webdriver.common.by import By

from dashboard import ids
from devtools.browser import console_errors, until, wait_drawn
from devtools.waiting import downloaded

TABLE = ids.css(ids.in_tab(ids.COMPARE_TABLE))


def first_column(driver):
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0] + ' tbody .row-button')].map(b => b.textContent)", TABLE)


def sort_state(driver, column):
    return driver.execute_script(
        "const b = document.querySelector(arguments[0] + ` button[id*='${arguments[1]}']`);"
        "return b ? b.closest('th').getAttribute('aria-sort') : null;", TABLE, column)


def test_compare_sort_select_and_download(driver, server_url, tmp_path):
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    driver.get(server_url + "/?panel=table&layers=oil,nodes")
    wait_drawn(driver)
    names = until(driver, first_column)
    assert "CPC" in names and "TAP" not in names  # follows the map's layers
    sort = "button[id*='\"id\":\"capacity\"']"
    driver.find_element(By.CSS_SELECTOR, sort).click()
    until(driver, lambda d: sort_state(d, "capacity") == "ascending")
    assert "compare_by=capacity" in driver.current_url
    driver.find_element(By.CSS_SELECTOR, sort).click()  # again: descending (Mt/y first, the largest first)
    until(driver, lambda d: sort_state(d, "capacity") == "descending")
    assert first_column(driver)[0] == "CPC" and "compare_by=-capacity" in driver.current_url
    # The sorted table is a link: reopened, it is in the same order.
    driver.get(driver.current_url)
    until(driver, lambda d: sort_state(d, "capacity") == "descending")
    assert first_column(driver)[0] == "CPC"
    # The route column stays in view as the table scrolls sideways.
    left = driver.execute_script(
        "const scroller = document.querySelector(arguments[0]); scroller.scrollLeft = 2000;"
        "return [scroller.scrollLeft, scroller.querySelector('th[scope=row]').getBoundingClientRect().left"
        " - scroller.getBoundingClientRect().left];", TABLE)
    assert left[0] > 0 and abs(left[1]) < 2
    driver.find_element(By.CSS_SELECTOR, "button[id*='\"type\":\"compare-row\"'][id*='\"id\":\"kazakhstan_china_oil\"']").click()
    until(driver, lambda d: "route=kazakhstan_china_oil" in d.current_url)
    driver.find_element(By.CSS_SELECTOR, ids.css(ids.in_tab(ids.COMPARE_CSV))).click()
    path = downloaded(tmp_path, ".csv")
    assert list(tmp_path.glob("*.csv")) == [path]
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows[0]["Route"] == "CPC" and "daryo" in rows[0]["Capacity source"].lower()
    assert console_errors(driver) == []


def test_the_tab_is_built_when_first_opened_with_the_selection(driver, server_url):
    driver.get(server_url + "/")
    wait_drawn(driver)
    assert driver.find_elements(By.CSS_SELECTOR, TABLE) == []  # not in the first page
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.ROUTE_LINK, "id": "cpc"})).click()
    until(driver, lambda d: "route=cpc" in d.current_url)
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.PANEL_TAB, "id": "table"})).click()
    until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f"{TABLE} tr.is-selected"))
    selected = driver.find_element(By.CSS_SELECTOR, f"{TABLE} tr.is-selected .row-button").text
    assert selected == "CPC" and len(first_column(driver)) > 10
    chart = ids.css(ids.in_tab(ids.COMPARE_CHART))
    until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f"{chart} .scatterlayer .point"))
    assert console_errors(driver) == []
