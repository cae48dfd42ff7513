"""Reading seeds/: each article is NAME.txt (the text as published) beside NAME.json (who, where,
when), plus seeds/topics.json. Adding an article in the same form adds its statements; no code
changes. Every problem is collected and raised at once, naming the file and the field.

A problem is a file the dashboard cannot read as an article (missing, not UTF-8, metadata without a
required field): it stops the start. What a well-formed article merely lacks (a quotation whose
speaker is not identified, a quotation mark never closed, no statement at all) is a warning:
`Corpus.warnings`, listed by `python -m dashboard check`, never a reason not to start."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from dashboard.registry.model import read_sources
from dashboard.registry.problems import Problem, ProblemLog
from dashboard.statements.extract import extract_statements, quotation_warnings
from dashboard.statements.links import Gazetteer, gazetteer_for, link_statement
from dashboard.statements.model import Article, Speaker, Statement, Topic
from dashboard.statements.query import StatementIndex, build_index
from dashboard.validation import Fields, read_object, record_name, records

TOPICS_FILE = "topics.json"
ARTICLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAX_ARTICLE_BYTES = 1_000_000
REQUIRED_TEXT = ("title", "outlet", "published", "place", "occasion")


@dataclass(frozen=True)
class Corpus:
    """The articles and their statements, indexed once when built (by id, by route, for search), so
    nothing a request asks of it walks every article."""

    articles: tuple[Article, ...]
    topics: tuple[Topic, ...]
    warnings: tuple[Problem, ...] = ()  # what `check` lists without failing: unattributed quotations and the like
    index: StatementIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", build_index(self.articles))

    @property
    def statements(self) -> tuple[Statement, ...]:
        return self.index.statements

    def statement(self, statement_id: str) -> Statement | None:
        entry = self.index.by_id.get(statement_id)
        return entry.statement if entry else None

    def article(self, article_id: str) -> Article:
        return self.index.articles[article_id]

    def statements_for_route(self, route_id: str) -> tuple[Statement, ...]:
        return self.index.for_route(route_id)


def load_topics(path: Path, label: str, log: ProblemLog) -> tuple[Topic, ...]:
    data = read_object(path, label, log)
    if data is None:
        return ()
    if not isinstance(data.get("topics"), list):
        log.add(label, "", "topics", "must be a list")
        return ()
    topics, seen = [], set()
    for index, raw in records(data["topics"], label, "", "topics", log):
        fields = Fields(log, label, record_name(raw, index), raw)
        name = fields.identifier(seen)
        if not name:
            continue
        lists = {key: fields.text_list(key) for key in ("patterns", "routes", "nodes", "commodities")}
        if not lists["patterns"] and isinstance(raw.get("patterns"), list):
            fields.problem("patterns", "a topic needs at least one pattern")
        since = raw.get("since", {})
        if not isinstance(since, dict) or not all(isinstance(v, str) and _iso_date(v) for v in since.values()):
            fields.problem("since", "must map place or route ids to ISO dates (YYYY-MM-DD)")
            since = {}
        topics.append(Topic(name, fields.text("label") or name, lists["patterns"], lists["routes"], lists["nodes"],
                            lists["commodities"], dict(since)))
    return tuple(topics)


def _speakers(raw: Any, label: str, log: ProblemLog) -> tuple[Speaker, ...]:
    if not isinstance(raw, list) or not raw:
        log.add(label, "", "speakers", "must list at least one speaker with name and role")
        return ()
    speakers = []
    for index, item in records(raw, label, "", "speakers", log):
        fields = Fields(log, label, "", item, prefix=f"speakers[{index}].")
        name, role = fields.text("name"), fields.text("role")
        spellings = fields.text_list("spellings_in_text", required=False)
        referred_to_as = fields.text_list("referred_to_as", required=False)
        if name and role:
            speakers.append(Speaker(name, role, spellings, referred_to_as))
    return tuple(speakers)


def paragraphs_of(text: str) -> tuple[str, tuple[str, ...]]:
    """(headline, body paragraphs): the first line with a letter is the headline; decorative lines
    (an emoji, a rule) before it are not part of the article."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lines = [line for line in lines if any(ch.isalpha() for ch in line)]
    if not lines:
        return "", ()
    return lines[0], tuple(lines[1:])


def load_article(text_path: Path, topics: tuple[Topic, ...], log: ProblemLog, warnings: ProblemLog | None = None,
                 gazetteer: Gazetteer = Gazetteer()) -> Article | None:
    article_id = text_path.stem
    label = f"seeds/{text_path.name}"
    meta_label = f"seeds/{article_id}.json"
    problems_before = len(log.problems)
    if not ARTICLE_ID.match(article_id):
        log.add(label, "", "", "file name must be lower-case letters, digits and hyphens (it becomes the article id)")
    try:
        raw_bytes = text_path.read_bytes()
    except OSError as exc:
        log.add(label, "", "", f"cannot be read ({exc})")
        return None
    if len(raw_bytes) > MAX_ARTICLE_BYTES:
        log.add(label, "", "", f"is larger than {MAX_ARTICLE_BYTES:,} bytes")
        return None
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        log.add(label, "", "", f"is not UTF-8 text (byte {exc.start})")
        return None
    meta = read_object(text_path.with_suffix(".json"), meta_label, log)
    if meta is None:
        return None
    fields = Fields(log, meta_label, "", meta)
    for key in REQUIRED_TEXT:
        fields.text(key)
    try:
        published = dt.date.fromisoformat(str(meta.get("published", "")))
    except ValueError:
        log.add(meta_label, "", "published", f"{meta.get('published')!r} is not a date (YYYY-MM-DD)")
        published = dt.date.min
    url = meta.get("url", "")
    if not isinstance(url, str) or (url and not url.startswith(("http://", "https://"))):
        log.add(meta_label, "", "url", "must be an http(s) address or empty")
        url = ""
    if not url and not str(meta.get("url_note", "")).strip():
        log.add(meta_label, "", "url_note", "without a url, say where the text comes from")
    marks = fields.text_list("editor_marks", required=False)
    headline, paragraphs = paragraphs_of(text)
    if not paragraphs:
        log.add(label, "", "", "has no body text after its headline")
    speakers = _speakers(meta.get("speakers"), meta_label, log)
    if len(log.problems) > problems_before:
        return None
    article = Article(
        id=article_id, title=str(meta["title"]), outlet=str(meta["outlet"]), published=published,
        place=str(meta["place"]), occasion=str(meta["occasion"]), url=url, url_note=str(meta.get("url_note", "")),
        corroboration=read_sources(meta.get("corroboration"), "corroboration",
                                   lambda field_name, message: log.add(meta_label, "", field_name, message)), speakers=speakers, paragraphs=paragraphs,
        editor_marks=marks)
    statements = tuple(link_statement(s, topics, gazetteer, article.published.isoformat())
                       for s in extract_statements(article))
    warnings = warnings if warnings is not None else ProblemLog()
    if not statements:
        warnings.add(label, "", "", "no statement was found: no quotation and no reported speech")
    for statement in statements:
        if not statement.speaker.identified:
            warnings.add(label, statement.id, "", f"paragraph {statement.paragraph + 1}: quotation "
                         f"\u201c{_excerpt(statement.text)}\u201d: speaker not identified (shown as such)")
    for message in quotation_warnings(article):
        warnings.add(label, "", "", message)
    return replace(article, statements=statements)


def _excerpt(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length] + "\u2026"


def load_corpus(seeds_dir: Path, known_routes: Mapping | None = None, known_nodes: Mapping | None = None) -> Corpus:
    """Every article in seeds/ with its statements, linked to the routes and places of the registry
    given (`known_routes`, `known_nodes`: the network's records) and to the topics; raises DataError
    listing every problem."""
    log = ProblemLog()
    topics = load_topics(seeds_dir / TOPICS_FILE, f"seeds/{TOPICS_FILE}", log)
    for topic in topics:
        for kind, ids, known in (("routes", topic.route_ids, known_routes), ("nodes", topic.node_ids, known_nodes)):
            for item in ids:
                if known is not None and item not in known:
                    log.add(f"seeds/{TOPICS_FILE}", topic.id, kind, f"{item!r} is not in the route registry")
    texts = sorted(seeds_dir.glob("*.txt"))
    if not texts:
        log.add("seeds/", "", "", "holds no article (*.txt)")
    for meta_path in sorted(seeds_dir.glob("*.json")):
        if meta_path.name != TOPICS_FILE and not meta_path.with_suffix(".txt").exists():
            log.add(f"seeds/{meta_path.name}", "", "", "has no article text beside it (.txt)")
    warnings = ProblemLog()
    gazetteer = gazetteer_for(known_routes, known_nodes, topics)
    articles = [a for path in texts if (a := load_article(path, topics, log, warnings, gazetteer)) is not None]
    log.raise_if_any()
    return Corpus(articles=tuple(articles), topics=topics, warnings=tuple(warnings.problems))


def _iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
