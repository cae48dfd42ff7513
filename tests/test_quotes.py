import pytest

from dashboard.statements.quotes import mask_quotes, quote_spans, sentence_bounds, spans_with_open_end, top_level, \
    unclosed_opening


def inner(text):
    return [(s.depth, s.inner(text)) for s in quote_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "yes".', [(0, "yes")]),
    ('"a "b" c," he said.', [(0, 'a "b" c,'), (1, "b")]),
    ('\u201ca \u201cb\u201d c\u201d', [(0, "a \u201cb\u201d c"), (1, "b")]),
    ('no quotes here', []),
    ('an unbalanced " mark', []),
    ('("bracketed")', [(0, "bracketed")]),
    ('x "one" and "two"', [(0, "one"), (0, "two")]),
    ("'We will go,' he said.", [(0, "We will go,")]),
    ("\u2018We don\u2019t,\u2019 he said.", [(0, "We don\u2019t,")]),
    ('"We won\'t go," he said.', [(0, "We won't go,")]),
    ('"The \'90s were hard," he said.', [(0, "The '90s were hard,")]),  # an unclosed single mark is an apostrophe
    ('"Kazakhstan\'s \'best\' route," he said.', [(0, "Kazakhstan's 'best' route,"), (1, "best")]),
    ('<b>"Bold," he said.</b>', [(0, "Bold,")]),
])
def test_quote_spans(text, expected):
    assert inner(text) == expected


def test_nested_middle_corridor_quote_from_the_seed():
    text = ('"We talked about the development of the "Middle Corridor" project (Trans-Caspian International '
            'Transport Route - approx. TASS) in order to export," he said.')
    spans = quote_spans(text)
    assert [s.depth for s in spans] == [0, 1]
    assert spans[1].inner(text) == "Middle Corridor"
    assert spans[0].inner(text).endswith("in order to export,")


def test_mask_keeps_length_and_blanks_only_top_level_insides():
    text = 'a "b c" d'
    masked = mask_quotes(text, quote_spans(text))
    assert len(masked) == len(text)
    assert masked.startswith('a "') and masked.endswith('" d') and "b" not in masked[2:7]


def test_sentences_do_not_split_inside_quotes():
    text = '"One. Two (approx. TASS) three," he said. Next sentence here.'
    bounds = sentence_bounds(text, quote_spans(text))
    assert [text[a:b] for a, b in bounds] == ['"One. Two (approx. TASS) three," he said.', "Next sentence here."]


def test_sentence_ending_in_a_quote_keeps_its_closing_mark():
    text = 'He added "we will." Then more.'
    bounds = sentence_bounds(text, quote_spans(text))
    assert text[bounds[0][0]:bounds[0][1]] == 'He added "we will."'


def test_top_level_filters_nested():
    assert [s.depth for s in top_level(quote_spans('"a "b" c"'))] == [0]


def test_a_quotation_left_open_runs_to_the_end_of_the_paragraph():
    text = 'He said: "We will act. We will "really" act.'
    assert unclosed_opening(text) == 9
    assert [(s.depth, s.inner(text)) for s in spans_with_open_end(text)] == [
        (0, 'We will act. We will "really" act.'), (1, "really")]
    assert unclosed_opening('"closed," he said.') is None
