"""Statement extraction, on the real seed and on small hand-made articles."""

import datetime as dt

import pytest

from dashboard.statements.extract import editorial_pattern, extract_statements, segments_of
from dashboard.statements.links import link_topics
from dashboard.statements.model import DIRECT, REPORTED, Article, Speaker, Topic

SPEAKER = Speaker("James Cleverly", "UK Foreign Secretary", ("Cleverley",))


def article(*paragraphs, marks=("approx. TASS",), speakers=(SPEAKER,)):
    return Article(id="a", title="T", outlet="TASS", published=dt.date(2023, 3, 18), place="Astana", occasion="o",
                   url="", url_note="n", corroboration=(), speakers=speakers, paragraphs=paragraphs,
                   editor_marks=marks)


def test_real_seed_gives_three_direct_quotes_and_four_reported(corpus):
    statements = corpus.statements
    assert [s.kind for s in statements].count(DIRECT) == 3
    assert [s.kind for s in statements].count(REPORTED) == 4


def test_real_seed_statements_are_verbatim_substrings_of_the_article(corpus):
    text = (corpus.articles[0].title + "\n" + "\n".join(corpus.articles[0].paragraphs))
    for statement in corpus.statements:
        assert statement.text in text, statement.id


def test_real_seed_attributes_correctly_spelled_speaker_but_quotes_the_misspelling(corpus):
    assert {s.speaker.name for s in corpus.statements} == {"James Cleverly"}
    assert any("Cleverley" in s.text or "Cleverley" in s.attribution for s in corpus.statements)


def test_real_seed_middle_corridor_quote_has_tass_note_as_editorial(corpus):
    quote = next(s for s in corpus.statements if "Middle Corridor" in s.text)
    assert quote.kind == DIRECT and quote.attribution == "he said"
    kinds = [seg.kind for seg in quote.segments]
    assert kinds == ["words", "editorial", "words"]
    assert quote.segments[1].text == "(Trans-Caspian International Transport Route - approx. TASS)"
    assert quote.segments[1].note_by == "TASS"
    assert '"Middle Corridor"' in quote.segments[0].text
    assert quote.text.startswith("I had the opportunity") and quote.text.endswith("economic base")


def test_real_seed_links_statements_to_routes(corpus):
    quote = next(s for s in corpus.statements if "Middle Corridor" in s.text)
    assert {"middle_corridor_black_sea", "cpc"} <= set(quote.route_ids)
    assert "middle-corridor" in quote.topic_ids and "supply-interruptions" in quote.topic_ids
    minerals = next(s for s in corpus.statements if "rare earth" in s.text)
    assert "rare-earths" in minerals.topic_ids and "rare earths" in minerals.commodities


def test_statement_ids_are_stable_and_unique(corpus):
    ids = [s.id for s in corpus.statements]
    assert len(ids) == len(set(ids))
    assert ids[0] == "uk-kazakhstan-export-routes-1"


@pytest.mark.parametrize("paragraph, kind, attribution", [
    ('"We will act," he said.', DIRECT, "he said"),
    ('"We will act," the minister added.', DIRECT, "the minister added"),
    ('Cleverly said: "We will act."', DIRECT, "Cleverly said"),
    ("According to the Minister, London is interested.", REPORTED, "According to the Minister"),
    ("Cleverley also recalled that the parties will sign.", REPORTED, "Cleverley also recalled"),
])
def test_kinds_and_attributions(paragraph, kind, attribution):
    (statement,) = extract_statements(article(paragraph))
    assert statement.kind == kind and statement.attribution == attribution


def test_this_was_stated_makes_the_previous_sentence_reported():
    statements = extract_statements(article("The UK will help. This was stated on Saturday by the minister."))
    assert [(s.kind, s.text) for s in statements] == [(REPORTED, "The UK will help.")]


def test_background_prose_is_not_a_statement():
    assert extract_statements(article("The route runs through China and Kazakhstan.")) == ()


def test_short_quoted_phrase_inside_reported_sentence_stays_reported():
    (statement,) = extract_statements(article('According to him, they will study "ways to protect" the base.'))
    assert statement.kind == REPORTED and '"ways to protect"' in statement.text


def test_editorial_pattern_uses_the_articles_marks_only():
    assert editorial_pattern(("approx. TASS",)).search("(Trans-Caspian - approx. TASS)")
    assert not editorial_pattern(("approx. TASS",)).search("(as we said - he noted)")
    assert segments_of("a (b - Ed.) c", ("Ed.",), "X")[1].kind == "editorial"


def test_segments_without_marks_are_one_run():
    assert [s.kind for s in segments_of("plain words", (), "TASS")] == ["words"]


def test_second_speaker_named_in_the_sentence_is_attributed():
    other = Speaker("Murat Nurtleu", "Foreign Minister of Kazakhstan", ())
    statements = extract_statements(article('"Yes," Nurtleu said.', speakers=(SPEAKER, other)))
    assert statements[0].speaker == other


def test_link_topics_is_case_insensitive_and_unions_routes():
    topics = (Topic("t1", "T1", ("middle corridor",), ("r1",), ("n1",), ("cargo",)),
              Topic("t2", "T2", ("oil",), ("r1", "r2"), (), ("oil",)))
    (statement,) = extract_statements(article('"The Middle Corridor carries oil," he said.'))
    linked = link_topics(statement, topics)
    assert linked.topic_ids == ("t1", "t2") and linked.route_ids == ("r1", "r2") and linked.commodities == ("cargo", "oil")
