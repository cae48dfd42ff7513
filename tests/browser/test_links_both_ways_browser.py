"""Links both ways: from a statement to the routes and places it concerns, and from a route to what
was said about it."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from devtools.browser import MAP_READY, console_errors

STATEMENT = "uk-kazakhstan-export-routes-3"


def test_a_statement_names_its_routes_and_a_route_its_statements(driver, server_url):
    driver.set_window_size(1366, 900)
    driver.get(server_url + f"/?statement={STATEMENT}")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
    link = WebDriverWait(driver, 10).until(lambda d: d.find_element(
        By.CSS_SELECTOR, f"button[id*='route:middle_corridor_black_sea@{STATEMENT}@list']"))
    assert link.text == "Middle Corridor (Black Sea)"
    link.click()
    WebDriverWait(driver, 10).until(lambda d: "route=middle_corridor_black_sea" in d.current_url)
    assert f"statement={STATEMENT}" in driver.current_url  # the statement stays selected
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.PANEL_TAB, "id": "details"})).click()
    show = WebDriverWait(driver, 10).until(lambda d: d.find_element(
        By.CSS_SELECTOR, f"button[id*='{ids.DETAILS_STATEMENT}'][id*='{STATEMENT}']"))
    driver.get(server_url + "/?route=cpc&panel=details")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
    show = WebDriverWait(driver, 10).until(lambda d: d.find_element(
        By.CSS_SELECTOR, f"button[id*='{ids.DETAILS_STATEMENT}']"))
    show.click()
    WebDriverWait(driver, 10).until(lambda d: "statement=" in d.current_url and "panel=statements" in d.current_url)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".statement-card.is-selected"))
    assert console_errors(driver) == []
