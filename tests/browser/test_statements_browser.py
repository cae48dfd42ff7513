"""The statements panel on a generated corpus of 50 articles (350 statements): the map and the first
screen of statements appear, the rest of the page when asked for, paging reaches the last statement,
filters and search follow the URL, and a linked statement that is not on the first screen or the
first page is shown."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard import ids
from dashboard.app import create_app
from dashboard.appdata import load_app_data
from dashboard.config import AppConfig
from dashboard.paths import DataPaths
from dashboard.statements.query import PAGE_SIZE, StatementFilters, find, page_count
from dashboard.ui.panels import FIRST_SCREEN
from devtools.browser import console_errors, dash_prop, until, wait_drawn
from devtools.servers import serving
from devtools.synthetic_corpus import ARTICLE_WORDS, STATEMENTS_PER_ARTICLE, article_name, write_corpus
from tests.browser.axe import report, violations

ARTICLES = 50
CARDS = "#statement-list .statement-card"


@pytest.fixture(scope="module")
def corpus_seeds(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "seeds", ARTICLES)


@pytest.fixture(scope="module")
def corpus_data(corpus_seeds):
    return load_app_data(DataPaths(seeds=corpus_seeds))


@pytest.fixture(scope="module")
def corpus_url(corpus_seeds):
    """The dashboard reading its seeds from the generated folder, as a deployment would."""
    app = create_app(AppConfig(paths=DataPaths(seeds=corpus_seeds)))
    with serving(app.server) as url:
        yield url


def card_ids(driver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(c => JSON.parse(c.id).id)", CARDS)


def open_page(driver, url):
    driver.get(url)
    wait_drawn(driver)


def pager_says(driver, text):
    return until(driver, lambda d: text in d.find_element(By.CSS_SELECTOR, ids.css(ids.STATEMENT_PAGER)).text)


def test_the_map_and_the_first_screen_appear_and_paging_reaches_the_last_statement(driver, corpus_url, corpus_data):
    found = find(corpus_data.corpus.index, StatementFilters())
    pages = page_count(len(found))
    assert len(found) == STATEMENTS_PER_ARTICLE * ARTICLES and pages > 20
    open_page(driver, corpus_url)
    assert card_ids(driver) == [e.statement.id for e in found[:FIRST_SCREEN]]
    assert f"Page 1 of {pages}" in driver.find_element(By.CSS_SELECTOR, ids.css(ids.STATEMENT_PAGER)).text
    more = driver.find_element(By.CSS_SELECTOR, ids.css(ids.MORE_BUTTON))
    assert f"other {PAGE_SIZE - FIRST_SCREEN} statements" in more.text
    found_violations = violations(driver)
    assert not found_violations, report(found_violations)
    more.click()
    until(driver, lambda d: card_ids(d) == [e.statement.id for e in found[:PAGE_SIZE]])
    assert not driver.find_elements(By.CSS_SELECTOR, ids.css(ids.MORE_BUTTON))
    next_button = driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.STATEMENT_ACTION, "id": "next"}))
    next_button.click()
    pager_says(driver, f"Page 2 of {pages}")
    until(driver, lambda d: card_ids(d) == [e.statement.id for e in found[PAGE_SIZE:2 * PAGE_SIZE]])
    assert "page=2" in driver.current_url
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.STATEMENT_ACTION, "id": "last"})).click()
    pager_says(driver, f"Page {pages} of {pages}")
    until(driver, lambda d: found[-1].statement.id in card_ids(d))
    assert driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.STATEMENT_ACTION, "id": "next"})).get_property(
        "disabled")
    # A card on a later page is selected like any other: the map and the URL follow.
    last = found[-1].statement.id
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.STATEMENT_CARD, "id": last})).click()
    until(driver, lambda d: f"statement={last}" in d.current_url)
    until(driver, lambda d: "is-selected" in d.find_element(
        By.CSS_SELECTOR, ids.css({"type": ids.STATEMENT_CARD, "id": last})).get_attribute("class"))
    assert console_errors(driver) == []


def test_a_linked_statement_off_the_first_page_is_shown_selected(driver, corpus_url, corpus_data):
    last = find(corpus_data.corpus.index, StatementFilters())[-1].statement.id
    open_page(driver, f"{corpus_url}/?statement={last}")
    card = until(driver, lambda d: d.find_elements(
        By.CSS_SELECTOR, f".pinned {ids.css({'type': ids.STATEMENT_CARD, 'id': last})}"))[0]
    until(driver, lambda d: "is-selected" in card.get_attribute("class"))
    assert len(card_ids(driver)) == FIRST_SCREEN + 1  # pinned above the page's first screen
    # One on the first page but not among its first screen: the whole page is shown.
    later = find(corpus_data.corpus.index, StatementFilters())[FIRST_SCREEN + 2].statement.id
    open_page(driver, f"{corpus_url}/?statement={later}")
    card = until(driver, lambda d: d.find_elements(
        By.CSS_SELECTOR, ids.css({"type": ids.STATEMENT_CARD, "id": later})))[0]
    until(driver, lambda d: "is-selected" in card.get_attribute("class"))
    assert len(card_ids(driver)) == PAGE_SIZE and not driver.find_elements(By.CSS_SELECTOR, ".pinned")
    assert console_errors(driver) == []


def test_search_and_filters_follow_the_url_both_ways(driver, corpus_url, corpus_data):
    word = ARTICLE_WORDS[17]
    open_page(driver, f"{corpus_url}/?q={word}")
    until(driver, lambda d: len(card_ids(d)) == 1)
    assert card_ids(driver)[0].startswith(article_name(17))
    box = driver.find_element(By.CSS_SELECTOR, f"{ids.css({'type': ids.STATEMENT_FILTER, 'id': 'search'})}")
    assert box.get_attribute("value") == word
    box.clear()
    box.send_keys(ARTICLE_WORDS[23], Keys.ENTER)
    until(driver, lambda d: f"q={ARTICLE_WORDS[23]}" in d.current_url)
    until(driver, lambda d: [c.startswith(article_name(23)) for c in card_ids(d)] == [True])
    driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.STATEMENT_ACTION, "id": "clear"})).click()
    until(driver, lambda d: "q=" not in d.current_url and len(card_ids(d)) == PAGE_SIZE)
    assert box.get_attribute("value") == ""
    open_page(driver, f"{corpus_url}/?speaker=marat-karabayev&outlet=tass")
    expected = find(corpus_data.corpus.index, StatementFilters(speakers=frozenset({"marat-karabayev"}),
                                                               outlets=frozenset({"tass"})))
    # a fresh page's first list is its first screen
    until(driver, lambda d: card_ids(d) == [e.statement.id for e in expected[:PAGE_SIZE]][:FIRST_SCREEN])
    # The dropdowns come after the map has drawn, built for the default view: they show the link's.
    speakers, outlets = ({"type": ids.STATEMENT_FILTER, "id": field} for field in ("speakers", "outlets"))
    until(driver, lambda d: dash_prop(d, speakers, "value") == ["marat-karabayev"]
          and dash_prop(d, outlets, "value") == ["tass"])
    assert not driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.STATEMENT_ACTION, "id": "clear"})
                                   ).get_attribute("disabled")
    assert console_errors(driver) == []
