"""The timeline reads at every width and plays: the events step by, the map and the link follow."""

import pytest
from selenium.webdriver.common.by import By

from dashboard import ids
from devtools.browser import console_errors, dash_prop, until, wait_drawn, wait_settled

SLIDER = ids.css(ids.in_tab(ids.EVENT_SLIDER))
PLAY = ids.css(ids.in_tab(ids.TIMELINE_PLAY))
TICK = ids.in_tab(ids.TIMELINE_TICK)
LABEL_BOXES = ("return [...document.querySelectorAll(arguments[0] + ' .dash-slider-mark')]"
               ".filter(e => e.textContent.trim()).map(e => { const r = e.getBoundingClientRect();"
               " return [e.textContent.trim(), r.left, r.right]; })")


def open_scenarios(driver, url, width):
    driver.set_window_size(width, 900)
    driver.get(url + "/?panel=scenario")
    wait_drawn(driver)
    until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, PLAY))


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
    until(driver, lambda d: "event=2022-03" in d.current_url)
    assert driver.find_element(By.CSS_SELECTOR, PLAY).get_attribute("aria-pressed") == "true"
    until(driver, lambda d: "event=2022-07" in d.current_url)
    driver.find_element(By.CSS_SELECTOR, PLAY).click()  # pause
    until(driver, lambda d: d.find_element(By.CSS_SELECTOR, PLAY).get_attribute("aria-pressed") == "false")
    # Paused, its ticker is stopped: a disabled dcc.Interval sets no timer, so nothing moves the
    # timeline on (watching for a while that nothing happens would prove less, and take time).
    until(driver, lambda d: dash_prop(d, TICK, "disabled") is True, "the timeline's ticker to stop")
    wait_settled(driver)  # a step already on its way has landed, and did not start the ticker again
    assert dash_prop(driver, TICK, "disabled") is True
    assert driver.find_element(By.CSS_SELECTOR, PLAY).get_attribute("aria-pressed") == "false"
    assert console_errors(driver) == []
