"""The one reader of {title, url} source lists that the registry, the oil network and the seeds share."""

import pytest

from dashboard.registry.model import Source, read_sources


def read(raw, **options):
    problems = []
    sources = read_sources(raw, "sources", lambda field, message: problems.append((field, message)), **options)
    return sources, problems


def test_good_sources_are_read_in_order():
    sources, problems = read([{"title": "KazMunayGas", "url": "https://kmg.kz"}, {"title": "CPC", "url": "http://cpc.ru"}])
    assert sources == (Source("KazMunayGas", "https://kmg.kz"), Source("CPC", "http://cpc.ru")) and problems == []


def test_nothing_is_no_source_and_no_problem():
    assert read(None) == ((), [])


@pytest.mark.parametrize("raw", [{"title": "x", "url": "https://x"}, "https://x", 3])
def test_anything_but_a_list_is_one_problem(raw):
    assert read(raw) == ((), [("sources", "must be a list of {title, url}")])


@pytest.mark.parametrize("item", [
    {"title": "", "url": "https://x"}, {"title": "  ", "url": "https://x"}, {"url": "https://x"},
    {"title": "x", "url": "ftp://x"}, {"title": "x"}, {"title": 3, "url": "https://x"}, "https://x",
])
def test_each_bad_item_is_named_by_its_index_and_left_out(item):
    sources, problems = read([{"title": "ok", "url": "https://ok"}, item])
    assert sources == (Source("ok", "https://ok"),)
    assert problems[0][0] == "sources[1]" and "needs a title and an http(s) url" in problems[0][1]


def test_a_blank_url_only_where_allowed():
    assert read([{"title": "Fact sheet", "url": ""}], blank_url_allowed=True) == ((Source("Fact sheet", ""),), [])
    assert read([{"title": "Fact sheet", "url": ""}])[1][0][0] == "sources[0]"
