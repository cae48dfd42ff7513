"""Links both ways: from a statement to the routes and places it concerns, and from a route to what
was said about it."""

from selenium.webdriver.common.by import By

from dashboard import ids
from devtools.browser import console_errors, until, wait_drawn

STATEMENT = "uk-kazakhstan-export-routes-3"


def test_a_statement_names_its_routes_and_a_route_its_statements(driver, server_url):
    driver.set_window_size(1366, 900)
    driver.get(server_url + f"/?statement={STATEMENT}")
    wait_drawn(driver)
    link = until(driver, lambda d: d.find_element(
        By.CSS_SELECTOR, f"button[id*='route:middle_corridor_black_sea@{STATEMENT}@list']"))
    assert link.text == "Middle Corridor (Black Sea)"
    link.click()
    until(driver, lambda d: "route=middle_corridor_black_sea" in d.current_url)
    assert f"statement={STATEMENT}" in driver.current_url  # the statement stays selected
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.PANEL_TAB, "id": "details"})).click()
    show = until(driver, lambda d: d.find_element(
        By.CSS_SELECTOR, f"button[id*='{ids.DETAILS_STATEMENT}'][id*='{STATEMENT}']"))
    driver.get(server_url + "/?route=cpc&panel=details")
    wait_drawn(driver)
    show = until(driver, lambda d: d.find_element(
        By.CSS_SELECTOR, f"button[id*='{ids.DETAILS_STATEMENT}']"))
    show.click()
    until(driver, lambda d: "statement=" in d.current_url and "panel=statements" in d.current_url)
    until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".statement-card.is-selected"))
    assert console_errors(driver) == []
