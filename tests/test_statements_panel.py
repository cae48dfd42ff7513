"""The statements panel as the page serves it costs the same whatever the corpus holds: the first
screen of cards (the rest of the page when asked for, the same cards as a whole page), and a timeline
of at most MAX_PERIODS marks."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard import ids
from dashboard.appdata import load_app_data
from dashboard.paths import DataPaths
from dashboard.statements.query import PAGE_SIZE
from dashboard.statements.timeline import MAX_PERIODS, months_per_period, period_label, said_periods
from dashboard.ui.panels import (FIRST_SCREEN, list_is_current, list_key, statement_list, statement_list_rest,
                                 statements_panel, statements_timeline, view_results)
from dashboard.view import View
from devtools.synthetic_corpus import write_corpus

D = dt.date


def as_json(components) -> list:
    return json.loads(json.dumps(components, cls=PlotlyJSONEncoder))


def nodes(tree, wanted=lambda node: True) -> list[dict]:
    """Every component in a layout (as JSON) that `wanted` accepts."""
    found = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict) and "props" in node:
            if wanted(node):
                found.append(node)
            walk(node["props"].get("children"))

    walk(tree)
    return found


def is_card(node: dict) -> bool:
    return isinstance(node["props"].get("id"), dict) and node["props"]["id"]["type"] == ids.STATEMENT_CARD


def is_said_mark(node: dict) -> bool:
    return node["props"].get("className", "").startswith("mark") and "event" not in node["props"]["className"]


@pytest.mark.parametrize("first, last, label", [
    (0, 0, "Jan 0"),
    (2023 * 12 + 2, 2023 * 12 + 2, "Mar 2023"),
    (2023 * 12, 2023 * 12 + 2, "Jan–Mar 2023"),
    (2023 * 12 + 10, 2024 * 12 + 1, "Nov 2023–Feb 2024"),
])
def test_a_period_is_named_by_its_months(first, last, label):
    assert period_label(first, last) == label


@pytest.mark.parametrize("first, last, months", [
    (D(2023, 3, 1), D(2023, 3, 31), 1),
    (D(2020, 1, 1), D(2024, 12, 31), 1),  # 60 months: one a mark
    (D(2020, 1, 1), D(2025, 1, 1), 2),  # 61 months
    (D(2000, 1, 1), D(2024, 12, 31), 5),  # 300 months
])
def test_periods_are_as_few_whole_months_as_fit(first, last, months):
    assert months_per_period(first, last) == months


@pytest.mark.parametrize("said, found, expected", [
    ([], [], ()),
    ([D(2023, 3, 9)], [], (("Mar 2023", D(2023, 3, 9), 1, 0),)),
    ([D(2023, 3, 20), D(2023, 3, 9), D(2023, 3, 9), D(2023, 5, 1)], [D(2023, 3, 9)],
     (("Mar 2023", D(2023, 3, 9), 3, 1), ("May 2023", D(2023, 5, 1), 1, 0))),
])
def test_statements_are_counted_by_the_month_they_were_made_in(said, found, expected):
    assert [(p.label, p.first_day, p.said, p.found) for p in said_periods(said, found)] == list(expected)


def test_a_corpus_of_many_years_has_at_most_max_periods_marks():
    daily = [D(2000, 1, 1) + dt.timedelta(days=n) for n in range(25 * 365)]
    periods = said_periods(daily, daily[:100])
    assert len(periods) <= MAX_PERIODS < len(periods) * 2
    assert sum(p.said for p in periods) == len(daily) and sum(p.found for p in periods) == 100
    assert periods[0].label == "Jan–May 2000"
    assert [p.first_day for p in periods] == sorted(p.first_day for p in periods)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpora")
    return {n: load_app_data(DataPaths(seeds=write_corpus(folder / f"seeds-{n}", n))) for n in (1, 10, 200)}


def test_the_served_panel_has_no_cards_and_the_first_list_a_screen_of_them_and_a_bounded_timeline(corpora):
    # The page is served without cards (they come once the map has drawn, ui/callbacks/statements.py):
    # its size is the same whatever the corpus.
    served = {n: as_json(statements_panel(data)) for n, data in corpora.items()}
    for panel in served.values():
        assert nodes(panel, is_card) == [] and nodes(panel, is_said_mark) == []
        assert nodes(panel, lambda node: ids.DEFERRED in (node["props"].get("className") or "").split())
    assert len({len(json.dumps(panel)) for panel in served.values()}) <= 3  # counts in the summary differ
    panels, first_page = {}, {}
    for n, data in corpora.items():
        found, page = view_results(data.corpus.index, View())
        panels[n] = as_json(statement_list(data, page, found, shown=FIRST_SCREEN) + statements_timeline(data, found))
        first_page[n] = [e.statement.id for e in page.entries]
    for n, panel in panels.items():
        assert [c["props"]["id"]["id"] for c in nodes(panel, is_card)] == first_page[n][:FIRST_SCREEN]
        assert 1 <= len(nodes(panel, is_said_mark)) <= MAX_PERIODS
    more = {n: nodes(panel, lambda node: node["props"].get("id") == ids.MORE_BUTTON) for n, panel in panels.items()}
    assert [len(more[n]) for n in (1, 10, 200)] == [0, 1, 1]  # one article's 7 statements are served whole
    assert f"other {PAGE_SIZE - FIRST_SCREEN} statements ({FIRST_SCREEN + 1}–{PAGE_SIZE})" in \
        more[200][0]["props"]["children"]
    # Beyond the timeline's marks (at most MAX_PERIODS), the panel is no larger with 200 articles than with 10.
    sizes = {n: len(json.dumps(panel)) - sum(len(json.dumps(m)) for m in nodes(panel, is_said_mark))
             for n, panel in panels.items()}
    assert abs(sizes[200] - sizes[10]) < 0.1 * sizes[10]


@pytest.mark.parametrize("shown", [FIRST_SCREEN, 3])  # the rest begins with an article, or within one
def test_the_first_screen_and_the_rest_are_the_whole_page(corpora, shown):
    data = corpora[10]
    found, page = view_results(data.corpus.index, View())
    whole = as_json(statement_list(data, page, found))
    first = as_json(statement_list(data, page, found, shown=shown))
    button = first.pop()
    assert button["props"]["id"] == ids.REST_OF_PAGE
    assert first + as_json(statement_list_rest(data, page, shown)) == whole
    assert len(nodes(whole, is_card)) == PAGE_SIZE and len(nodes(first, is_card)) == shown
    within = page.entries[shown - 1].article == page.entries[shown].article
    assert within == (shown == 3)


def test_a_page_no_longer_than_the_first_screen_has_no_button(corpora):
    data = corpora[10]
    found, page = view_results(data.corpus.index, View(search="zephyr003"))
    assert len(page.entries) == 1
    served = as_json(statement_list(data, page, found, shown=FIRST_SCREEN))
    assert not nodes(served, lambda node: node["props"].get("id") == ids.REST_OF_PAGE)


def key(ids_shown, more=False, pinned=None, filters="f") -> dict:
    return {"ids": list(ids_shown), "more": more, "pinned": pinned, "filters": filters}


WHOLE = key("abcdef")


@pytest.mark.parametrize("shown, selected, current", [
    (None, None, False),  # nothing shown yet
    (WHOLE, None, True),
    (WHOLE, "e", True),
    (key("abc", more=True), None, True),  # the served first screen: the rest comes when asked for
    (key("abc", more=True), "b", True),
    (key("abc", more=True), "z", True),  # no such statement: nothing more to show
    (key("abc", more=True), "e", False),  # the selected statement is among the rest: show the page
    (key("abc"), None, False),  # not a first screen: another list
    (key("abd", more=True), None, False),
    (key("abc", more=True, filters="g"), None, False),
    (key("abc", more=True, pinned="z"), None, False),
    (key("abcdefg"), None, False),
])
def test_the_list_is_rebuilt_only_when_it_does_not_show_what_the_view_asks(shown, selected, current):
    assert list_is_current(shown, WHOLE, selected) is current


def test_the_served_key_names_the_first_screen_and_the_rest(corpora):
    data = corpora[10]
    found, page = view_results(data.corpus.index, View())
    served, whole = list_key(page, View(), shown=FIRST_SCREEN), list_key(page, View())
    assert served["more"] and not whole["more"] and len(served["ids"]) == FIRST_SCREEN
    assert list_is_current(served, whole, None) and not list_is_current(whole, served, None)
