"""The timeline reads at every width and plays: the events step by, the map and the link follow."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from devtools.browser import MAP_READY, console_errors

SLIDER = ids.css(ids.in_tab(ids.EVENT_SLIDER))
PLAY = ids.css(ids.in_tab(ids.TIMELINE_PLAY))
LABEL_BOXES = ("return [...document.querySelectorAll(arguments[0] + ' .dash-slider-mark')]"
               ".filter(e => e.textContent.trim()).map(e => { const r = e.getBoundingClientRect();"
               " return [e.textContent.trim(), r.left, r.right]; })")


def open_scenarios(driver, url, width):
    driver.set_window_size(width, 900)
    driver.get(url + "/?panel=scenario")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, PLAY))


@pytest.mark.parametrize("width", [1920, 1366, 800])
def test_the_timeline_labels_never_overlap(driver, server_url, width):
    open_scenarios(driver, server_url, width)
    labels = driver.execute_script(LABEL_BOXES, SLIDER)
    texts = [text for text, _, _ in labels]
    assert texts == ["\u201922", "\u201924", "\u201925", "Today"]  # no position numbers
    spans = sorted((left, right) for _, left, right in labels)
    assert all(a[1] <= b[0] + 0.5 for a, b in zip(spans, spans[1:]))


def test_play_steps_through_the_events_with_the_link_following_and_pauses(driver, server_url):
    open_scenarios(driver, server_url, 1366)
    driver.find_element(By.CSS_SELECTOR, PLAY).click()
    WebDriverWait(driver, 10).until(lambda d: "event=2022-03" in d.current_url)
    assert driver.find_element(By.CSS_SELECTOR, PLAY).get_attribute("aria-pressed") == "true"
    WebDriverWait(driver, 10).until(lambda d: "event=2022-07" in d.current_url)
    driver.find_element(By.CSS_SELECTOR, PLAY).click()  # pause
    WebDriverWait(driver, 5).until(
        lambda d: d.find_element(By.CSS_SELECTOR, PLAY).get_attribute("aria-pressed") == "false")
    paused_at = driver.current_url
    import time
    time.sleep(3)  # longer than a step: a paused timeline must not move (a wait on nothing happening)
    assert driver.current_url == paused_at
    assert console_errors(driver) == []
