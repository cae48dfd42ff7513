"""New articles added the documented way (seeds/NAME.txt + NAME.json), written here: every quoted span
becomes a statement with the right speaker or a warned unattributed quote, the dashboard loads with
each, and statements find the routes and places they name without a topic."""

import datetime as dt
import hashlib
import json

import pytest
from hypothesis import given, settings, strategies as st

from dashboard.appdata import load_app_data
from dashboard.figure.map_figure import highlighted_routes
from dashboard.registry.problems import DataError
from dashboard.statements.extract import extract_statements
from dashboard.statements.model import PLACE, ROUTE, SEA, UNIDENTIFIED, Article, Speaker
from dashboard.statements.quotes import spans_with_open_end, top_level
from dashboard.statements.seeds import load_corpus
from dashboard.view import View

NOT_IDENTIFIED = None

META = {"outlet": "Caspian Wire", "published": "2024-05-14", "place": "Astana", "occasion": "Briefing",
        "url_note": "Written for the test suite.", "editor_marks": ["Ed."]}

# name -> (text, speakers in the metadata, [(quoted words, speaker's name or NOT_IDENTIFIED)])
ARTICLES = {
    "ministry-briefing": (
        "Kazakhstan to double ferry capacity\n"
        '"The ferries will carry twice as much cargo by 2027," a ministry spokesperson said at a briefing.\n',
        [{"name": "Marat Karabayev", "role": "Minister of Transport of Kazakhstan"}],
        [("The ferries will carry twice as much cargo by 2027", "a ministry spokesperson")],
    ),
    "ktz-ferries": (
        "KTZ orders ferries\n"
        '"Capacity on the crossing will double by 2027," said Talgat Lastayev, chairman of Kazakhstan Temir Zholy.\n'
        'Lastayev added: "We have ordered twelve new ferries. The first two arrive in spring."\n'
        "\u201cThe port is ready,\u201d according to Transport Minister Marat Karabayev. \u201cNow the ships must come.\u201d\n"
        '"We will act," he said, "and we will act soon."\n'
        "'We call it the \"new Silk Road\" and we mean it,' the chairman said.\n",
        [{"name": "Marat Karabayev", "role": "Minister of Transport of Kazakhstan"}],
        [("Capacity on the crossing will double by 2027", "Talgat Lastayev"),
         ("We have ordered twelve new ferries. The first two arrive in spring.", "Talgat Lastayev"),
         ("The port is ready", "Marat Karabayev"),
         ("Now the ships must come.", "Marat Karabayev"),
         ("We will act", "Marat Karabayev"),
         ("and we will act soon.", "Marat Karabayev"),
         ('We call it the "new Silk Road" and we mean it', "Talgat Lastayev")],
    ),
    "nurtleu-briefing": (
        '<script>alert("title")</script> Nurtleu on the <b>corridor</b>\n'
        'Speaking at a briefing, Foreign Minister Murat Nurtleu said: "Trade is our priority. It grew by two '
        'thirds last year."\n'
        '"The port is ready. The railway is ready." "Now we need the ships," he said.\n'
        '"We shall build the new terminal.\n'
        '"And we shall finish it by 2026," he added.\n'
        '"<script>alert(1)</script> is not a plan," a spokesperson for the <b>ministry</b> said.\n'
        '"The corridor will carry ten million tonnes a year."\n'
        "The <i>corridor</i> runs from China through Kazakhstan to Azerbaijan and Georgia.\n",
        [{"name": "Murat Nurtleu", "role": "Foreign Minister of Kazakhstan", "referred_to_as": ["the minister"]}],
        [("Trade is our priority. It grew by two thirds last year.", "Murat Nurtleu"),
         ("The port is ready. The railway is ready.", "Murat Nurtleu"),
         ("Now we need the ships", "Murat Nurtleu"),
         ("We shall build the new terminal.", "Murat Nurtleu"),
         ("And we shall finish it by 2026", "Murat Nurtleu"),
         ("<script>alert(1)</script> is not a plan", "a spokesperson for the <b>ministry</b>"),
         ("The corridor will carry ten million tonnes a year.", NOT_IDENTIFIED)],
    ),
}


def write_article(seeds, name, text, speakers, **meta):
    (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
    title = text.splitlines()[0]
    (seeds / f"{name}.json").write_text(json.dumps({**META, "title": title, "speakers": speakers, **meta}),
                                        encoding="utf-8")


@pytest.mark.parametrize("name", ARTICLES)
def test_every_quoted_span_is_a_statement_with_its_speaker_or_a_warning(data_copy, registry, name):
    text, speakers, expected = ARTICLES[name]
    write_article(data_copy.seeds, name, text, speakers)
    corpus = load_corpus(data_copy.seeds, registry.network.routes, registry.network.nodes)
    article = corpus.article(name)
    found = [(s.text, s.speaker.name if s.speaker.identified else NOT_IDENTIFIED) for s in article.statements]
    assert found == expected
    for index, paragraph in enumerate(article.paragraphs):
        for span in top_level(spans_with_open_end(paragraph)):
            assert any(s.paragraph == index and span.inner(paragraph).rstrip(",") in s.text
                       for s in article.statements), span.inner(paragraph)
    unidentified = {s.id for s in article.statements if not s.speaker.identified}
    warned = {w.feature for w in corpus.warnings if w.file == f"seeds/{name}.txt"}
    assert unidentified == warned


def test_the_dashboard_starts_with_the_new_articles_and_shows_markup_as_text(data_copy):
    from plotly.utils import PlotlyJSONEncoder

    from dashboard.app import create_app
    from dashboard.config import AppConfig
    from dashboard.ui.panels import FIRST_SCREEN, statement_list_rest, view_results

    for name, (text, speakers, _) in ARTICLES.items():
        write_article(data_copy.seeds, name, text, speakers)
    data = load_app_data(data_copy)
    assert {"ministry-briefing", "ktz-ferries", "nurtleu-briefing"} <= {a.id for a in data.corpus.articles}
    assert data.corpus.article("nurtleu-briefing").title == '<script>alert("title")</script> Nurtleu on the <b>corridor</b>'
    app = create_app(AppConfig(paths=data_copy), data=data)
    texts, types = [], set()

    def walk(node):
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            types.add(node.get("type"))
            walk(node.get("props", {}).get("children"))

    walk(json.loads(app.server.test_client().get("/_dash-layout").get_data(as_text=True)))
    # The page is served with the first screen of cards; the rest of its first page, as the button brings it.
    found, page = view_results(data.corpus.index, View())
    walk(json.loads(json.dumps(statement_list_rest(data, page, FIRST_SCREEN), cls=PlotlyJSONEncoder)))
    assert "<script>alert(1)</script> is not a plan" in texts  # a text child, which React never runs
    assert any("speaker not identified" in text for text in texts)
    assert "Script" not in types


def test_only_quote_attributed_with_an_indefinite_article_is_not_lost(data_copy):
    """The issue's case: this article's only quote used to vanish and stop the dashboard."""
    for path in data_copy.seeds.glob("uk-*"):
        path.unlink()
    text, speakers, _ = ARTICLES["ministry-briefing"]
    write_article(data_copy.seeds, "ministry-briefing", text, speakers)
    (statement,) = load_app_data(data_copy).corpus.statements
    assert statement.speaker.name == "a ministry spokesperson"
    assert statement.attribution == "a ministry spokesperson said at a briefing"


def test_a_malformed_article_still_stops_the_start_naming_the_file(data_copy):
    write_article(data_copy.seeds, "broken", "Title\nBody.\n", [])
    with pytest.raises(DataError) as info:
        load_app_data(data_copy)
    assert [str(p) for p in info.value.problems] == [
        "seeds/broken.json: field 'speakers': must list at least one speaker with name and role"]


def test_a_fresh_article_finds_the_registry_places_and_routes_it_names(data_copy, registry):
    topics_before = hashlib.sha256((data_copy.seeds / "topics.json").read_bytes()).hexdigest()
    write_article(data_copy.seeds, "tankers", (
        "Tankers\n"
        '"Tankers from Aktau now reach Baku every week, and more of our oil goes through BTC to Ceyhan '
        'and across the Caspian," a KazMunayGas spokesperson said.\n'), [{"name": "A", "role": "B"}])
    corpus = load_corpus(data_copy.seeds, registry.network.routes, registry.network.nodes)
    (statement,) = corpus.article("tankers").statements
    assert statement.topic_ids == ()
    assert "trans_caspian_oil_btc" in statement.route_ids
    assert {"aktau", "baku", "ceyhan"} <= set(statement.node_ids)
    assert statement.seas == ("caspian_sea",)
    assert statement.reasons(ROUTE, "trans_caspian_oil_btc") == ("names 'BTC'",)
    assert statement.reasons(PLACE, "aktau") == ("names 'Aktau'",)
    assert statement.reasons(SEA, "caspian_sea") == ("names 'Caspian'",)
    assert "trans_caspian_oil_btc" in highlighted_routes(View(statement=statement.id), corpus)
    assert hashlib.sha256((data_copy.seeds / "topics.json").read_bytes()).hexdigest() == topics_before


def test_topics_add_to_the_registry_names_and_say_so(corpus):
    quote = next(s for s in corpus.statements if "Middle Corridor" in s.text)
    assert quote.reasons(ROUTE, "middle_corridor_black_sea") == ("topic: Middle Corridor (TITR)",
                                                                 "topic: Alternative export routes")
    assert quote.reasons(ROUTE, "cpc") == ("topic: Interruptions in oil and gas supply",)
    assert "Kazakhstan" in quote.countries


def test_a_topic_pattern_that_is_a_registry_name_overrides_it(data_copy, registry):
    path = data_copy.seeds / "topics.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["topics"].append({"id": "btc-only", "label": "BTC", "patterns": ["BTC"], "routes": ["trans_caspian_oil_btc"],
                           "nodes": ["ceyhan"], "commodities": ["oil"]})
    path.write_text(json.dumps(data), encoding="utf-8")
    write_article(data_copy.seeds, "btc", 'BTC\n"BTC is full," he said.\n', [{"name": "A", "role": "B"}])
    corpus = load_corpus(data_copy.seeds, registry.network.routes, registry.network.nodes)
    (statement,) = corpus.article("btc").statements
    assert statement.link_reasons == ("topic: BTC",)
    assert statement.node_ids == ("ceyhan",)


QUOTE_MARKS = st.sampled_from(['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"])
WORDS = st.sampled_from(["he said", "said", "according to", "A spokesperson", "the minister", "Aktau", ",", ".", ":",
                         " ", "We will", "added:", "Lastayev", "(", ")", "- Ed.", "\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(QUOTE_MARKS, WORDS, st.text(max_size=6)), max_size=40))
def test_any_text_gives_statements_without_failing(pieces):
    paragraphs = tuple(p.strip() for p in "".join(pieces).split("\n") if p.strip())
    article = Article(id="x", title="T", outlet="O", published=dt.date(2024, 1, 1), place="P",
                      occasion="O", url="", url_note="n", corroboration=(), speakers=(Speaker("N M", "R"),),
                      paragraphs=paragraphs, editor_marks=("Ed.",))
    for statement in extract_statements(article):
        assert statement.text.strip(",") in paragraphs[statement.paragraph]
        assert statement.speaker.identified or statement.speaker == UNIDENTIFIED
