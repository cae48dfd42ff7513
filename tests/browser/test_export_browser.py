"""The Export panel: a background job with progress, a real download, the dashboard usable meanwhile."""

import struct

import pytest
from selenium.webdriver.common.by import By

from dashboard import ids
from devtools.browser import console_errors, until, wait_drawn
from devtools.waiting import downloaded

pytestmark = pytest.mark.export


def open_export_panel(driver, url, query):
    driver.get(url + "/?" + query)
    wait_drawn(driver)


def test_export_downloads_the_current_view(driver, server_url, tmp_path):
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    open_export_panel(driver, server_url, "route=cpc&panel=export&scale=1.5")
    driver.find_element(By.CSS_SELECTOR, f"#{ids.EXPORT_PRESET} input[value='slide-16x9']").click()
    button = driver.find_element(By.ID, ids.EXPORT_BUTTON)
    button.click()
    until(driver, lambda d: not d.find_element(By.ID, ids.EXPORT_PROGRESS).get_attribute("hidden")
          or "Exported" in d.find_element(By.ID, ids.EXPORT_STATUS).text)
    # The rest of the dashboard keeps working while the job runs.
    driver.find_element(By.CSS_SELECTOR, "button[id*='\"id\":\"tap\"']").click()
    png = downloaded(tmp_path, ".png")
    assert png.name == "middle-corridor-cpc-slide-16x9.png"
    content = png.read_bytes()
    assert struct.unpack(">II", content[16:24]) == (1920, 1080)
    until(driver, lambda d: "Exported" in d.find_element(By.ID, ids.EXPORT_STATUS).get_attribute("textContent"))
    assert console_errors(driver) == []


def test_a_bad_custom_size_is_said_and_nothing_downloads(driver, server_url, tmp_path):
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    open_export_panel(driver, server_url, "panel=export")
    driver.find_element(By.CSS_SELECTOR, f"#{ids.EXPORT_PRESET} input[value='custom']").click()
    width = driver.find_element(By.ID, ids.EXPORT_WIDTH)
    width.clear()
    width.send_keys("90000")
    driver.find_element(By.ID, ids.EXPORT_BUTTON).click()
    until(driver, lambda d: "Export failed" in d.find_element(By.ID, ids.EXPORT_STATUS).text)
    assert "width 90000" in driver.find_element(By.ID, ids.EXPORT_STATUS).text
    assert list(tmp_path.iterdir()) == []
