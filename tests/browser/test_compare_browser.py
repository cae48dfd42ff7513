"""The Compare tab in the browser: sort, select a route from the table, download the CSV."""

import csv
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from tests.browser.harness import MAP_READY, console_errors


def first_column(driver):
    return driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.COMPARE_TABLE} tbody .row-button')].map(b => b.textContent)")


def sort_state(driver, column):
    return driver.execute_script(
        f"const b = document.querySelector('#{ids.COMPARE_TABLE} button[id*=\"{column}\"]');"
        "return b ? b.closest('th').getAttribute('aria-sort') : null;")


def test_compare_sort_select_and_download(driver, server_url, tmp_path):
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    driver.get(server_url + "/?panel=table&layers=oil,nodes")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
    names = first_column(driver)
    assert "CPC" in names and "TAP" not in names  # follows the map's layers
    sort = "button[id*='\"id\":\"capacity_mt_y\"']"
    driver.find_element(By.CSS_SELECTOR, sort).click()
    WebDriverWait(driver, 10).until(lambda d: sort_state(d, "capacity_mt_y") == "ascending")
    driver.find_element(By.CSS_SELECTOR, sort).click()  # again: descending
    WebDriverWait(driver, 10).until(lambda d: sort_state(d, "capacity_mt_y") == "descending")
    assert first_column(driver)[0] == "CPC"
    driver.find_element(By.CSS_SELECTOR, "button[id*='\"type\":\"compare-row\"'][id*='\"id\":\"kazakhstan_china_oil\"']").click()
    WebDriverWait(driver, 10).until(lambda d: "route=kazakhstan_china_oil" in d.current_url)
    driver.find_element(By.ID, ids.COMPARE_CSV).click()
    deadline = time.time() + 20
    while time.time() < deadline and not list(tmp_path.glob("*.csv")):
        time.sleep(0.2)
    (path,) = list(tmp_path.glob("*.csv"))
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows[0]["Route"] == "CPC" and "daryo" in rows[0]["Capacity source"].lower()
    assert console_errors(driver) == []
