"""Seeds: the article format, adding an article, and bad seeds."""

import json
import shutil

import pytest

from dashboard.registry.problems import DataError
from dashboard.statements.seeds import load_corpus, paragraphs_of

ARTICLE = "uk-kazakhstan-export-routes"


def corpus_problems(seeds, **known):
    with pytest.raises(DataError) as info:
        load_corpus(seeds, **known)
    return [str(p) for p in info.value.problems]


def test_metadata_of_the_real_article(corpus):
    article = corpus.articles[0]
    assert article.outlet == "TASS" and article.dateline == "Saturday 18 March 2023"
    assert article.speakers[0].name == "James Cleverly" and "Cleverley" in article.speakers[0].spellings_in_text
    assert article.title == "The UK intends to help Kazakhstan in finding alternative oil export routes"


def test_headline_skips_decorative_lines():
    headline, body = paragraphs_of("\n🛢\n\nHeadline here\nFirst para.\n\nSecond.\n")
    assert headline == "Headline here" and body == ("First para.", "Second.")


def test_adding_an_article_adds_its_statements_without_code(data_copy):
    seeds = data_copy.seeds
    (seeds / "second-visit.txt").write_text(
        "Second visit\n\"The Middle Corridor matters to us,\" he said.\n", encoding="utf-8")
    meta = json.loads((seeds / f"{ARTICLE}.json").read_text())
    (seeds / "second-visit.json").write_text(json.dumps({**meta, "published": "2024-04-24"}), encoding="utf-8")
    corpus = load_corpus(seeds)
    added = [s for s in corpus.statements if s.article_id == "second-visit"]
    assert len(added) == 1 and "middle-corridor" in added[0].topic_ids
    assert len(corpus.articles) == 2


def test_markup_in_a_seed_is_kept_as_text(data_copy):
    seeds = data_copy.seeds
    (seeds / "markup.txt").write_text('Title\n"<script>alert(1)</script> <b>bold</b>," he said.\n', encoding="utf-8")
    shutil.copy(seeds / f"{ARTICLE}.json", seeds / "markup.json")
    statement = next(s for s in load_corpus(seeds).statements if s.article_id == "markup")
    assert statement.text == "<script>alert(1)</script> <b>bold</b>"


def test_article_without_metadata(data_copy):
    (data_copy.seeds / f"{ARTICLE}.json").unlink()
    assert f"seeds/{ARTICLE}.json: file is missing" in corpus_problems(data_copy.seeds)


def test_metadata_without_article(data_copy):
    shutil.copy(data_copy.seeds / f"{ARTICLE}.json", data_copy.seeds / "orphan.json")
    assert "seeds/orphan.json: has no article text beside it (.txt)" in corpus_problems(data_copy.seeds)


def test_bad_date_and_missing_fields_are_all_named(data_copy):
    path = data_copy.seeds / f"{ARTICLE}.json"
    meta = json.loads(path.read_text())
    meta.update(published="18/03/2023", outlet="")
    del meta["speakers"]
    path.write_text(json.dumps(meta), encoding="utf-8")
    problems = corpus_problems(data_copy.seeds)
    assert any("field 'published': '18/03/2023' is not a date" in p for p in problems)
    assert any("field 'outlet': is empty" in p for p in problems)
    assert any("field 'speakers'" in p for p in problems)


def test_article_that_is_not_utf8(data_copy):
    (data_copy.seeds / f"{ARTICLE}.txt").write_bytes(b"Title\n\xff\xfe broken")
    assert any("is not UTF-8 text" in p for p in corpus_problems(data_copy.seeds))


def test_article_with_no_statement_is_a_warning_not_a_failure(data_copy):
    (data_copy.seeds / f"{ARTICLE}.txt").write_text("Title\nThe route runs through Georgia.\n", encoding="utf-8")
    corpus = load_corpus(data_copy.seeds)
    assert corpus.statements == () and len(corpus.articles) == 1
    assert [str(w) for w in corpus.warnings] == [
        f"seeds/{ARTICLE}.txt: no statement was found: no quotation and no reported speech"]


def test_topic_naming_an_unknown_route(data_copy, registry):
    path = data_copy.seeds / "topics.json"
    data = json.loads(path.read_text())
    data["topics"][0]["routes"].append("teleport")
    path.write_text(json.dumps(data), encoding="utf-8")
    problems = corpus_problems(data_copy.seeds, known_routes=registry.network.routes,
                               known_nodes=registry.network.nodes)
    assert any("'teleport' is not in the route registry" in p for p in problems)


def test_bad_file_name(data_copy):
    shutil.copy(data_copy.seeds / f"{ARTICLE}.txt", data_copy.seeds / "Bad Name.txt")
    shutil.copy(data_copy.seeds / f"{ARTICLE}.json", data_copy.seeds / "Bad Name.json")
    assert any("file name must be lower-case" in p for p in corpus_problems(data_copy.seeds))


def test_a_statement_links_only_to_what_was_news_when_it_was_said(app_data):
    """The March 2023 remark on interruptions concerns the CPC, not a pump station first in the news
    when it was attacked in February 2025 (seeds/topics.json 'since')."""
    statement = app_data.corpus.statement("uk-kazakhstan-export-routes-3")
    assert "supply-interruptions" in statement.topic_ids
    assert "kropotkinskaya" not in statement.node_ids and "cpc_terminal" in statement.node_ids


def test_since_applies_to_statements_made_on_or_after_the_date():
    from dashboard.statements.links import link_statement
    from dashboard.statements.model import Topic
    statement = next(iter(_any_statements()))
    topic = Topic("t", "T", (statement.text.split()[0].lower(),), (), ("pump",), (), {"pump": "2025-02-17"})
    assert "pump" not in link_statement(statement, (topic,), said_on="2023-03-18").node_ids
    assert "pump" in link_statement(statement, (topic,), said_on="2025-02-17").node_ids


def _any_statements():
    from dashboard.appdata import load_app_data
    return load_app_data().corpus.statements
