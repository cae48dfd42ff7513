"""The attribution grammar, one form a line, and who a pronoun or a description resolves to."""

import datetime as dt

import pytest

from dashboard.statements.attribution import DESCRIPTION, NAME, PRONOUN, Who, after_quote, before_quote, parse_who
from dashboard.statements.extract import extract_statements, quotation_warnings
from dashboard.statements.model import DIRECT, REPORTED, Article, Speaker


@pytest.mark.parametrize("phrase, who", [
    ("he", Who(PRONOUN, "he")),
    ("a ministry spokesperson", Who(DESCRIPTION, "a ministry spokesperson")),
    ("A ministry spokesperson", Who(DESCRIPTION, "a ministry spokesperson")),
    ("the Kremlin", Who(DESCRIPTION, "the Kremlin")),
    ("officials", Who(DESCRIPTION, "officials")),
    ("Talgat Lastayev, chairman of KTZ", Who(NAME, "Talgat Lastayev", "chairman of KTZ")),
    ("Lastayev, the chairman of KTZ,", Who(NAME, "Lastayev", "chairman of KTZ")),
    ("Transport Minister Marat Karabayev", Who(NAME, "Marat Karabayev", "Transport Minister")),
    ("the head of KTZ, Talgat Lastayev", Who(NAME, "Talgat Lastayev", "head of KTZ")),
    ("Mr Lastayev", Who(NAME, "Lastayev", "Mr")),
    ("Lastayev, who met him on Friday", Who(NAME, "Lastayev")),
    ("it was", None),
    ("which officials", None),
    ("", None),
])
def test_parse_who(phrase, who):
    assert parse_who(phrase) == who


@pytest.mark.parametrize("inner, after, text, name", [
    ("We will act,", " he said.", "he said", "he"),
    ("We will act,", " a ministry spokesperson said at a briefing.", "a ministry spokesperson said at a briefing",
     "a ministry spokesperson"),
    ("We will act,", " said Talgat Lastayev, chairman of KTZ, at the port.",
     "said Talgat Lastayev, chairman of KTZ, at the port", "Talgat Lastayev"),
    ("We will act", ", according to Transport Minister Marat Karabayev.",
     "according to Transport Minister Marat Karabayev", "Marat Karabayev"),
    ("We will act,", " Lastayev, the chairman of KTZ, told reporters.", "Lastayev, the chairman of KTZ, told reporters",
     "Lastayev"),
    ("We will act,", " the ministry said in a statement.", "the ministry said in a statement", "the ministry"),
    ("We will act,", " he also added.", "he also added", "he"),
    ("We will act,", " it was said.", None, None),
    ("Middle Corridor", " project, which officials said would grow.", None, None),  # not set off: a quoted name
    ("We will act,", " said at a briefing.", None, None),
])
def test_after_quote(inner, after, text, name):
    found = after_quote(after, inner)
    assert (found.text, found.who.name) == (text, name) if text else found is None


@pytest.mark.parametrize("before, text, name", [
    ("Lastayev added: ", "Lastayev added", "Lastayev"),
    ("He said, ", "He said", "he"),
    ("In a statement, the ministry said: ", "In a statement, the ministry said", "the ministry"),
    ("According to the minister, ", "According to the minister", "the minister"),
    ("The minister told reporters: ", "The minister told reporters", "the minister"),
    (', he said, adding: ', "he said, adding", "he"),
    ("He added ", "He added", "he"),
    ("They will study ", None, None),
    ("The ports, ", None, None),
])
def test_before_quote(before, text, name):
    found = before_quote(before)
    assert (found.text, found.who.name) == (text, name) if text else found is None


def article(*paragraphs, speakers=(Speaker("Murat Nurtleu", "Foreign Minister", referred_to_as=("the minister",)),)):
    return Article(id="a", title="T", outlet="O", published=dt.date(2024, 1, 1), place="P", occasion="o", url="",
                   url_note="n", corroboration=(), speakers=speakers, paragraphs=paragraphs, editor_marks=())


def speakers_of(*paragraphs):
    return [(s.kind, s.text, s.speaker.name) for s in extract_statements(article(*paragraphs))]


def test_pronoun_refers_back_to_the_last_speaker_an_attribution_named():
    assert speakers_of('"A," said Talgat Lastayev, chairman of KTZ.', "The port was busy.", '"B," he said.') == [
        (DIRECT, "A", "Talgat Lastayev"), (DIRECT, "B", "Talgat Lastayev")]


def test_before_anyone_is_named_a_pronoun_is_the_first_listed_speaker():
    assert speakers_of('"A," he said.') == [(DIRECT, "A", "Murat Nurtleu")]


def test_descriptions_match_listed_and_earlier_speakers():
    assert speakers_of('"A," said Talgat Lastayev, chairman of KTZ.', '"B," the minister said.',
                       '"C," the chairman added.') == [
        (DIRECT, "A", "Talgat Lastayev"), (DIRECT, "B", "Murat Nurtleu"), (DIRECT, "C", "Talgat Lastayev")]


def test_a_quote_before_a_later_attribution_in_its_paragraph_takes_it():
    assert speakers_of('"A." "B," said Lastayev.') == [(DIRECT, "A.", "Lastayev"), (DIRECT, "B", "Lastayev")]


def test_a_quotation_over_two_paragraphs_takes_the_attribution_of_the_second():
    assert speakers_of('"A. B.', '"C," said Lastayev.') == [(DIRECT, "A. B.", "Lastayev"), (DIRECT, "C", "Lastayev")]


def test_a_quotation_left_open_without_a_next_paragraph_is_kept_and_warned():
    assert speakers_of('"A. B.') == [(DIRECT, "A. B.", "speaker not identified")]
    assert quotation_warnings(article('"A. B.')) == (
        "paragraph 1: the quotation mark before \u201cA. B.\u201d is never closed; the rest of the paragraph is "
        "read as the quotation",)


def test_a_sentence_reporting_speech_without_that():
    assert speakers_of("Lastayev said the ferries were ordered in March.") == [
        (REPORTED, "Lastayev said the ferries were ordered in March.", "Lastayev")]


def test_a_sentence_closing_with_its_attribution():
    statements = extract_statements(article("KTZ has ordered ferries, the company said on Monday.",
                                             "The ferries sail on Mondays, Tuesdays and Fridays."))
    assert [(s.kind, s.text, s.speaker.name, s.attribution) for s in statements] == [
        (REPORTED, "KTZ has ordered ferries, the company said on Monday.", "the company", "the company said on Monday")]


def test_a_partial_quote_in_the_outlets_sentence_is_the_subjects():
    assert speakers_of('The minister called the route "a lifeline for our exports".') == [
        (DIRECT, "a lifeline for our exports", "Murat Nurtleu")]


def test_a_quoted_name_is_not_a_statement():
    assert speakers_of('The so-called "Middle Corridor" runs through Georgia.') == []
