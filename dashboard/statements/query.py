"""Finding statements in a corpus: filters (speaker, outlet, dates, topic, the routes and places a
statement concerns), full-text search and order (newest first, or by relevance), and the page of
results a panel shows. Pure and independent of Dash.

The index is built once per corpus (`Corpus.index`, when the seeds are loaded at start-up): every
statement with its article, its facets as ids and its words folded for search, in newest-first
order. A query then walks that one tuple; at a hundred articles it answers in a few milliseconds.

Search: every word of the query must begin a word of the statement, its speaker's name or role
("export" finds "exports"), letters folded ("Constanta" finds "Constanța"). By relevance, statements
are ranked by BM25 over those words, a statement holding the query as a phrase first among equals.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, Mapping

from dashboard.statements.model import Article, Statement

NEWEST, RELEVANCE = "newest", "relevance"
ORDERS = (NEWEST, RELEVANCE)
MAX_SEARCH_CHARS = 200
PAGE_SIZE = 15
_WORD = re.compile(r"[a-z0-9]+")
# BM25's usual constants: how fast repeated words saturate, and how much a long statement is discounted.
_K1, _B = 1.2, 0.75


def fold(text: str) -> str:
    """Lower case without accents: what search compares."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words_of(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def slug(text: str) -> str:
    """An id for a speaker or an outlet, as links carry it: 'James Cleverly' -> 'james-cleverly'."""
    return "-".join(words_of(text)) or "unnamed"


def normal_search(text: str) -> str:
    """A search as the view keeps it: spaces collapsed, at most MAX_SEARCH_CHARS characters."""
    return " ".join(text.split())[:MAX_SEARCH_CHARS].strip()


@dataclass(frozen=True)
class Entry:
    """One statement as the index holds it."""

    statement: Statement
    article: Article
    position: int  # in the corpus's own order (articles by file name, statements as printed)
    speaker: str  # slug of the speaker's name
    outlet: str  # slug of the article's outlet
    topics: frozenset[str]
    about: frozenset[str]  # the route and place ids it concerns
    words: tuple[str, ...]  # folded words of the statement, its speaker's name and role, in order
    vocabulary: tuple[str, ...]  # the same, distinct and sorted, for prefix search
    phrase_text: str  # folded words joined by single spaces, for phrase matching

    @property
    def published(self) -> dt.date:
        return self.article.published


@dataclass(frozen=True)
class Facet:
    id: str
    label: str
    count: int


@dataclass(frozen=True)
class StatementIndex:
    entries: tuple[Entry, ...]  # newest first; equal dates in corpus order
    statements: tuple[Statement, ...]  # corpus order
    by_id: Mapping[str, Entry]
    articles: Mapping[str, Article]
    by_route: Mapping[str, tuple[Statement, ...]]
    speakers: tuple[Facet, ...]  # most statements first
    outlets: tuple[Facet, ...]
    topic_counts: Mapping[str, int]
    about_counts: Mapping[str, int]  # route and place ids
    average_words: float

    def for_route(self, route_id: str) -> tuple[Statement, ...]:
        return self.by_route.get(route_id, ())

    def route_count(self, route_id: str) -> int:
        """How many statements concern a route: 'mentioned in N statements'."""
        return len(self.by_route.get(route_id, ()))

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(entry.published for entry in self.entries)


def _facets(counts: Counter, labels: Mapping[str, str]) -> tuple[Facet, ...]:
    return tuple(Facet(key, labels[key], count) for key, count in sorted(counts.items(),
                                                                       key=lambda kv: (-kv[1], labels[kv[0]])))


def _entry(statement: Statement, article: Article, position: int) -> Entry:
    speaker = statement.speaker
    words = tuple(words_of(" ".join((statement.text, speaker.name, speaker.role))))
    return Entry(statement=statement, article=article, position=position, speaker=slug(speaker.name),
                 outlet=slug(article.outlet), topics=frozenset(statement.topic_ids),
                 about=frozenset(statement.route_ids) | frozenset(statement.node_ids), words=words,
                 vocabulary=tuple(sorted(set(words))), phrase_text=" ".join(words))


def build_index(articles: Iterable[Article]) -> StatementIndex:
    articles = tuple(articles)
    entries = [_entry(s, a, i) for i, (a, s) in enumerate((a, s) for a in articles for s in a.statements)]
    by_route: dict[str, list[Statement]] = {}
    for entry in entries:
        for route_id in entry.statement.route_ids:
            by_route.setdefault(route_id, []).append(entry.statement)
    speaker_labels = {e.speaker: e.statement.speaker.name for e in entries}
    outlet_labels = {e.outlet: e.article.outlet for e in entries}
    return StatementIndex(
        entries=tuple(sorted(entries, key=lambda e: (-e.published.toordinal(), e.position))),
        statements=tuple(e.statement for e in entries),
        by_id=MappingProxyType({e.statement.id: e for e in entries}),
        articles=MappingProxyType({a.id: a for a in articles}),
        by_route=MappingProxyType({k: tuple(v) for k, v in by_route.items()}),
        speakers=_facets(Counter(e.speaker for e in entries), speaker_labels),
        outlets=_facets(Counter(e.outlet for e in entries), outlet_labels),
        topic_counts=MappingProxyType(dict(Counter(t for e in entries for t in e.topics))),
        about_counts=MappingProxyType(dict(Counter(t for e in entries for t in e.about))),
        average_words=sum(len(e.words) for e in entries) / len(entries) if entries else 1.0,
    )


@dataclass(frozen=True)
class StatementFilters:
    """What the analyst asked for; empty sets and None mean 'any'."""

    text: str = ""
    speakers: frozenset[str] = frozenset()
    outlets: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    about: frozenset[str] = frozenset()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    order: str = NEWEST


def _has_prefix(vocabulary: tuple[str, ...], term: str) -> bool:
    at = bisect.bisect_left(vocabulary, term)
    return at < len(vocabulary) and vocabulary[at].startswith(term)


def _passes(entry: Entry, filters: StatementFilters) -> bool:
    return ((not filters.speakers or entry.speaker in filters.speakers)
            and (not filters.outlets or entry.outlet in filters.outlets)
            and (not filters.topics or not filters.topics.isdisjoint(entry.topics))
            and (not filters.about or not filters.about.isdisjoint(entry.about))
            and (filters.date_from is None or entry.published >= filters.date_from)
            and (filters.date_to is None or entry.published <= filters.date_to))


def _bm25(entry: Entry, terms: tuple[str, ...], frequency: Mapping[str, int], total: int, average: float) -> float:
    score = 0.0
    length_norm = _K1 * (1 - _B + _B * len(entry.words) / average)
    for term in terms:
        tf = sum(1 for word in entry.words if word.startswith(term))
        idf = math.log(1 + (total - frequency[term] + 0.5) / (frequency[term] + 0.5))
        score += idf * tf * (_K1 + 1) / (tf + length_norm)
    return score


def find(index: StatementIndex, filters: StatementFilters) -> tuple[Entry, ...]:
    """The statements that pass every filter and hold every searched word, in the order asked for."""
    terms = tuple(dict.fromkeys(words_of(filters.text)))
    found = [e for e in index.entries if _passes(e, filters)
             and all(_has_prefix(e.vocabulary, term) for term in terms)]
    if filters.order != RELEVANCE or not terms:
        return tuple(found)  # the index is newest first already
    # Document frequency over the whole corpus, so a word's weight does not change with the filters.
    frequency = {term: sum(1 for e in index.entries if _has_prefix(e.vocabulary, term)) for term in terms}
    phrase = " ".join(terms)
    total = len(index.entries)
    scored = [(-(_bm25(e, terms, frequency, total, index.average_words) + (1.0 if phrase in e.phrase_text else 0.0)),
               -e.published.toordinal(), e.position, e) for e in found]
    return tuple(item[-1] for item in sorted(scored, key=lambda item: item[:3]))


@dataclass(frozen=True)
class Page:
    """One screen of results, and the selected statement pinned above it when it is not on it."""

    entries: tuple[Entry, ...]
    number: int  # 1-based, within 1..count
    count: int  # pages (at least 1)
    total: int  # statements found
    pinned: Entry | None = None
    pinned_outside: bool = False  # the pinned statement is not among those found at all

    @property
    def first(self) -> int:
        """The 1-based rank of the page's first statement (0 when nothing was found)."""
        return (self.number - 1) * PAGE_SIZE + 1 if self.entries else 0


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, math.ceil(total / size))


def page_of(found: tuple[Entry, ...], number: int, selected: str | None, index: StatementIndex,
            size: int = PAGE_SIZE) -> Page:
    """The page asked for (clamped to those there are), with the selected statement pinned when it is
    on another page or filtered out: a link that names a statement always shows it."""
    count = page_count(len(found), size)
    number = min(max(1, number), count)
    entries = found[(number - 1) * size:number * size]
    pinned = None
    outside = False
    if selected and selected in index.by_id and all(e.statement.id != selected for e in entries):
        pinned = index.by_id[selected]
        outside = all(e.statement.id != selected for e in found)
    return Page(entries=entries, number=number, count=count, total=len(found), pinned=pinned, pinned_outside=outside)


def page_with(found: tuple[Entry, ...], statement_id: str, size: int = PAGE_SIZE) -> int | None:
    """The page a statement is on among those found, or None."""
    for rank, entry in enumerate(found):
        if entry.statement.id == statement_id:
            return rank // size + 1
    return None
