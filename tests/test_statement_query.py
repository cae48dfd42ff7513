"""Filtering, searching, ordering and paging statements (dashboard/statements/query.py) on a corpus the
tests generate (devtools/synthetic_corpus.py: speakers, outlets and dates varied), each filter's round
trip through the URL, and the statement counts per route."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings, strategies as st

from dashboard.appdata import load_app_data
from dashboard.compare import comparison_rows
from dashboard.paths import DataPaths
from dashboard.statements.query import (NEWEST, PAGE_SIZE, RELEVANCE, StatementFilters, find, fold, page_of,
                                        page_with, slug)
from dashboard.url_state import decode, encode, with_statement_facets
from dashboard.view import (View, clear_statement_filters, statement_filters, with_page, with_statement_filter)
from devtools.synthetic_corpus import (ARTICLE_WORDS, STATEMENTS_PER_ARTICLE, article_date, article_name, article_outlet,
                                       write_corpus)

ARTICLES = 30


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    seeds = write_corpus(tmp_path_factory.mktemp("corpus") / "seeds", ARTICLES)
    return load_app_data(DataPaths(seeds=seeds))


@pytest.fixture(scope="module")
def index(data):
    return data.corpus.index


def ids(entries) -> list[str]:
    return [e.statement.id for e in entries]


def test_the_generated_corpus_varies_speakers_outlets_and_dates(index):
    assert len(index.entries) == STATEMENTS_PER_ARTICLE * ARTICLES
    assert len(index.speakers) >= 6 and len(index.outlets) >= 5
    assert len({e.published for e in index.entries}) == ARTICLES


def test_no_filter_finds_every_statement_newest_first(index):
    found = find(index, StatementFilters())
    assert len(found) == STATEMENTS_PER_ARTICLE * ARTICLES
    dates = [e.published for e in found]
    assert dates == sorted(dates, reverse=True)
    newest = max(range(ARTICLES), key=article_date)
    assert found[0].article.id == article_name(newest)


@pytest.mark.parametrize("field", ["speakers", "outlets", "topics", "about"])
def test_each_facet_keeps_exactly_the_statements_that_have_it(index, field):
    attribute = {"speakers": "speaker", "outlets": "outlet", "topics": "topics", "about": "about"}[field]
    values = sorted({v for e in index.entries for v in ((getattr(e, attribute),) if field in ("speakers", "outlets")
                                                          else getattr(e, attribute))})
    chosen = frozenset(values[:2])
    found = find(index, replace(StatementFilters(), **{field: chosen}))

    def has(entry):
        value = getattr(entry, attribute)
        return (value in chosen) if isinstance(value, str) else bool(chosen & value)
    assert found and set(ids(found)) == {e.statement.id for e in index.entries if has(e)}
    assert len(found) < len(index.entries)


def test_speaker_and_outlet_filters_use_names_as_links_carry_them(index):
    found = find(index, StatementFilters(speakers=frozenset({slug("Marat Karabayev")}),
                                         outlets=frozenset({slug(article_outlet(0))})))
    assert found and all(e.statement.speaker.name == "Marat Karabayev" and e.article.outlet == article_outlet(0)
                         for e in found)


def test_a_date_range_is_inclusive_at_both_ends(index):
    day = article_date(7)
    found = find(index, StatementFilters(date_from=day, date_to=day))
    assert {e.article.id for e in found} == {article_name(7)}
    later = find(index, StatementFilters(date_from=day))
    assert all(e.published >= day for e in later) and len(later) == STATEMENTS_PER_ARTICLE * sum(
        1 for n in range(ARTICLES) if article_date(n) >= day)


def test_search_needs_every_word_and_matches_word_beginnings_without_accents(index):
    found = find(index, StatementFilters(text=ARTICLE_WORDS[11]))
    assert [e.article.id for e in found] == [article_name(11)]
    assert ids(find(index, StatementFilters(text=ARTICLE_WORDS[11].upper() + " DETAIL"))) == ids(found)
    assert find(index, StatementFilters(text=f"{ARTICLE_WORDS[11]} {ARTICLE_WORDS[12]}")) == ()
    prefix = find(index, StatementFilters(text="ferr"))  # "ferries"
    assert prefix and all("ferr" in fold(e.statement.text) for e in prefix)
    assert find(index, StatementFilters(text="Karabáyev")) == find(index, StatementFilters(text="karabayev"))


def test_search_finds_the_speaker_and_role_too(index):
    found = find(index, StatementFilters(text="temir zholy"))
    assert found and all(e.statement.speaker.name == "Talgat Lastayev" for e in found)


def test_relevance_puts_the_statements_that_say_it_most_first(index):
    newest = find(index, StatementFilters(text="aktau"))
    relevant = find(index, StatementFilters(text="aktau", order=RELEVANCE))
    assert sorted(ids(newest)) == sorted(ids(relevant))
    phrase = find(index, StatementFilters(text="export routes", order=RELEVANCE))
    assert "export routes" in fold(phrase[0].statement.text)
    # Without words to weigh, relevance is the newest first.
    assert find(index, StatementFilters(order=RELEVANCE)) == find(index, StatementFilters(order=NEWEST))


def test_filters_combine(index):
    both = find(index, StatementFilters(text="aktau", outlets=frozenset({"tass"})))
    assert set(ids(both)) == set(ids(find(index, StatementFilters(text="aktau")))) & set(
        ids(find(index, StatementFilters(outlets=frozenset({"tass"})))))


def test_pages_cover_every_statement_once_and_are_clamped(index):
    found = find(index, StatementFilters())
    pages = page_of(found, 1, None, index).count
    seen = [sid for number in range(1, pages + 1) for sid in ids(page_of(found, number, None, index).entries)]
    assert seen == ids(found)
    assert page_of(found, 10_000, None, index).number == pages
    assert page_of(found, 0, None, index).number == 1
    assert page_of((), 3, None, index) .count == 1


def test_the_selected_statement_is_pinned_when_not_on_the_page(index):
    found = find(index, StatementFilters())
    last = found[-1].statement.id
    page = page_of(found, 1, last, index)
    assert page.pinned.statement.id == last and not page.pinned_outside
    assert page_with(found, last) == page.count
    assert page_of(found, page.count, last, index).pinned is None  # on its own page it is not repeated
    filtered = find(index, StatementFilters(text=ARTICLE_WORDS[3]))
    outside = page_of(filtered, 1, last, index)
    assert outside.pinned.statement.id == last and outside.pinned_outside


def test_statement_counts_per_route_in_the_index_details_and_compare(data, index):
    counted = {route_id: index.route_count(route_id) for route_id in data.registry.network.routes}
    expected = {route_id: sum(1 for e in index.entries if route_id in e.statement.route_ids)
                for route_id in data.registry.network.routes}
    assert counted == expected and counted["cpc"] > 0 and 0 in counted.values()
    rows = {row["id"]: row for row in comparison_rows(data, View())}
    assert all(rows[r]["statements"] == expected[r] for r in rows)


def test_the_count_is_said_in_route_details(data, index):
    from dashboard.ui.panels import route_details
    route = data.registry.network.routes["cpc"]
    assert f"Mentioned in {index.route_count('cpc')} statements" in str(route_details(route, data))


# The URL: each filter alone, then all of them at once, round trip through the address.
@pytest.mark.parametrize("field, value, query", [
    ("search", "middle corridor", "q=middle+corridor"),
    ("speakers", frozenset({"marat-karabayev", "talgat-lastayev"}), "speaker=marat-karabayev,talgat-lastayev"),
    ("outlets", frozenset({"tass"}), "outlet=tass"),
    ("topics", frozenset({"middle-corridor"}), "topic=middle-corridor"),
    ("about", frozenset({"cpc", "aktau"}), "about=aktau,cpc"),
    ("date_from", "2023-01-31", "from=2023-01-31"),
    ("date_to", "2024-12-01", "to=2024-12-01"),
    ("order", RELEVANCE, "sort=relevance"),
])
def test_each_filter_round_trips_through_the_url(data, index, field, value, query):
    vocabulary = with_statement_facets(data.vocabulary, index)
    view = with_statement_filter(View(), field, value)
    assert getattr(view, field) == value and encode(view) == query
    assert decode(query, vocabulary) == (view, ())


def test_all_filters_and_the_page_round_trip_and_a_filter_change_goes_back_to_page_one(data, index):
    vocabulary = with_statement_facets(data.vocabulary, index)
    view = View(search="aktau", speakers=frozenset({"marat-karabayev"}), outlets=frozenset({"tass", "trend"}),
                topics=frozenset({"diversification"}), about=frozenset({"aktau"}), date_from="2022-02-01",
                date_to="2025-01-01", order=RELEVANCE, page=3)
    assert decode(encode(view), vocabulary) == (view, ())
    assert with_statement_filter(view, "outlets", ["tass"]).page == 1
    assert with_statement_filter(view, "outlets", ["trend", "tass"]) == view  # as it was: nothing changes
    assert clear_statement_filters(view) == View()
    assert with_page(view, 0).page == 1


def test_a_link_with_unknown_or_malformed_filters_opens_with_a_notice(data, index):
    vocabulary = with_statement_facets(data.vocabulary, index)
    view, ignored = decode("speaker=nobody&outlet=tass&from=2023-13-01&sort=loudest&page=-2", vocabulary)
    assert view == View(outlets=frozenset({"tass"}))
    assert len(ignored) == 4 and any("nobody" in item for item in ignored)


def test_statement_filters_are_what_the_view_says(index):
    view = View(search="cpc", date_from="2023-01-01", order=RELEVANCE)
    filters = statement_filters(view)
    assert filters.date_from == dt.date(2023, 1, 1) and filters.date_to is None and filters.text == "cpc"


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["q", "speaker", "outlet", "topic", "about", "from", "to", "sort", "page"]),
                       st.text(max_size=60), max_size=9))
def test_any_filter_values_in_a_link_give_a_view_the_panel_can_show(data, index, params):
    view, _ = decode(urlencode(params), with_statement_facets(data.vocabulary, index))
    found = find(index, statement_filters(view))
    page = page_of(found, view.page, view.statement, index)
    assert 1 <= page.number <= page.count and len(page.entries) <= PAGE_SIZE
