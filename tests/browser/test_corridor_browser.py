"""The Corridor tab in the browser: open it, add a Caspian vessel, and see what binds and the transit
range change in the panel and the what-if appear in the address."""

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard import ids
from dashboard.ui.corridor_panel import CORRIDOR_KNOB, CORRIDOR_RESULT
from devtools.browser import console_errors, until, wait_drawn

RESULT = ids.css(ids.in_tab(CORRIDOR_RESULT))
FERRIES = ids.css({"type": CORRIDOR_KNOB, "id": "ferries"})
TAB = ids.css({"type": ids.PANEL_TAB, "id": "corridor"})


def result_text(driver):
    found = driver.find_elements(By.CSS_SELECTOR, RESULT)  # none until the tab is built
    return found[0].get_attribute("textContent") if found else ""


def binds_text(driver):
    # Read in one step in the page: the result is redrawn as the what-if applies, and an element found
    # first and read after could be gone by then.
    return driver.execute_script("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';",
                                 f"{RESULT} .corridor-binds")


def add_one_vessel(driver) -> bool:
    # The tab may still be settling as it is first drawn: a handle replaced meanwhile is found again.
    handle = driver.find_element(By.CSS_SELECTOR, f"{FERRIES} [role='slider']")
    handle.click()
    handle.send_keys(Keys.HOME, Keys.ARROW_RIGHT)  # one more vessel than today
    return True


def test_more_ferries_move_what_binds_and_shorten_the_transit(driver, server_url):
    driver.get(server_url + "/")
    wait_drawn(driver)
    driver.find_element(By.CSS_SELECTOR, TAB).click()
    until(driver, lambda d: "89,000 TEU/y" in result_text(d))
    assert "Caspian crossing to Alat (TEU/y)" in binds_text(driver)
    assert "15.9–29.2 days" in result_text(driver)
    until(driver, add_one_vessel, ignored=(StaleElementReferenceException,))
    until(driver, lambda d: "corridor=ferries:1" in d.current_url)
    until(driver, lambda d: "Baku International Sea Trade Port (TEU/y)" in binds_text(d))
    assert "100,000 TEU/y" in result_text(driver) and "15.9–29.2 days" not in result_text(driver)
    assert "panel=corridor" in driver.current_url
    assert console_errors(driver) == []


def test_a_corridor_link_restores_the_what_if(driver, server_url):
    driver.get(server_url + "/?panel=corridor&corridor=ferries:6,ports:1")
    wait_drawn(driver)
    until(driver, lambda d: "178,000 TEU/y" in result_text(d))
    assert "ports at their announced phases" in result_text(driver)
    assert console_errors(driver) == []
