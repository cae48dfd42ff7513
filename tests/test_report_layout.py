"""A report's arrangement: the map's frame exactly the map's shape (no band of white above, below or
beside it), as large as the page allows, the legend and pull quote beside it, above it or on its empty
south, never over each other; text wrapped to the width it is drawn at."""

import pytest

from dashboard.export.presets import PRESETS, SizeError
from dashboard.export.report_figure import pull_quote_lines, report_figure
from dashboard.export.report_layout import GAP_PX, QUOTE_FILL, QUOTE_PAD_PX, plan, quote_height
from dashboard.export.text_metrics import lines_height, text_width, wrap
from dashboard.figure.frame import EXTENT_ASPECT
from dashboard.figure.map_figure import HIGHLIGHT_TRACE_NAME
from dashboard.view import View

def _plot_area(layout: dict) -> tuple[float, float]:
    margin = layout["margin"]
    return layout["width"] - margin["l"] - margin["r"], layout["height"] - margin["t"] - margin["b"]


def _figure(app_data, preset: str, quote: bool) -> dict:
    view = View(statement="uk-kazakhstan-export-routes-3") if quote else View()
    return report_figure(app_data, view, PRESETS[preset], quote=quote)


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("quote", [False, True])
def test_the_plot_area_is_the_map_s_own_shape_so_plotly_leaves_no_band(app_data, preset, quote):
    layout = _figure(app_data, preset, quote)["layout"]
    width, height = _plot_area(layout)
    assert width / height == pytest.approx(EXTENT_ASPECT, rel=2e-3)
    assert layout["margin"]["autoexpand"] is False  # a legend wider than planned may not shrink the map


@pytest.mark.parametrize("preset, share", [("a4-landscape", 0.9), ("slide-16x9", 0.7), ("report-column", 0.7)])
def test_the_map_takes_most_of_the_page_s_width(app_data, preset, share):
    layout = _figure(app_data, preset, False)["layout"]
    assert _plot_area(layout)[0] >= share * layout["width"]


@pytest.mark.parametrize("preset", list(PRESETS))
def test_with_a_quote_the_map_keeps_most_of_its_size(app_data, preset):
    without, with_quote = (_plot_area(_figure(app_data, preset, q)["layout"])[0] for q in (False, True))
    assert with_quote >= 0.8 * without


@pytest.mark.parametrize("preset, legend", [("a4-landscape", "h"), ("slide-16x9", None)])
def test_the_legend_goes_where_the_map_is_largest(app_data, preset, legend):
    """An A4 page under its title is taller than the map: the legend on the map's empty south lets the map
    take the page's width. A slide is wide: the legend beside the map costs the map nothing."""
    layout = _figure(app_data, preset, False)["layout"]
    assert layout["showlegend"] and layout["legend"].get("orientation") == legend
    if legend == "h":
        assert layout["legend"]["y"] == 0 and layout["legend"]["yanchor"] == "bottom"
    else:
        assert layout["legend"]["x"] > 1


def test_a_report_column_states_its_legend_in_the_caption(app_data):
    layout = _figure(app_data, "report-column", False)["layout"]
    assert not layout["showlegend"]
    assert any("Key — Corridors" in a["text"] for a in layout["annotations"])


def test_a_report_column_draws_the_selection_s_rings_smaller(app_data):
    view = View(route="cpc")
    rings = {name: next(t for t in report_figure(app_data, view, PRESETS[name])["data"]
                        if t.get("name") == HIGHLIGHT_TRACE_NAME)["marker"]
             for name in ("report-column", "a4-landscape")}
    assert any(rings["report-column"]["opacity"])  # the selection's places are ringed
    assert rings["report-column"]["size"] < rings["a4-landscape"]["size"]


def test_a_report_column_s_quote_sits_beside_the_map_not_above_it(app_data):
    """Above it, four lines of quote left a map a third of the column's width. Beside it, the quote
    lines up with the title, and its box ends before the map begins."""
    from dashboard.export.report_figure import QUOTE_FONT_PX
    layout = _figure(app_data, "report-column", True)["layout"]
    quote = next(a for a in layout["annotations"] if a.get("bgcolor") == "#fbf4f8")
    title = layout["annotations"][0]
    assert quote["xanchor"] == "left" and quote["yanchor"] == "top" and quote["y"] == 1
    left = layout["margin"]["l"] + quote["xshift"]
    assert left == pytest.approx(layout["margin"]["l"] + title["xshift"] + QUOTE_PAD_PX)
    assert quote["font"]["size"] == QUOTE_FONT_PX  # cut to its room: not set larger
    widest = max(text_width(line, QUOTE_FONT_PX) for line in quote["text"].replace("<i>", "").replace("</i>", "")
                 .split("<br>"))
    assert left + widest + 2 * QUOTE_PAD_PX <= layout["margin"]["l"]


def _fake_quote(words: int):
    text = " ".join(["word"] * words)

    def quote_at(width: float, most: int):
        attribution = wrap("— A Speaker, quoted by An Outlet, 1 January 2026", width, 11)
        body = wrap(text, width, 11)[: max(1, most - len(attribution))]
        return body, attribution
    return quote_at


@pytest.mark.parametrize("width, height", [(1123, 794), (1280, 720), (680, 454), (1600, 500), (800, 1200)])
@pytest.mark.parametrize("words", [10, 80])
def test_a_quote_never_covers_the_map_and_the_map_keeps_its_shape(width, height, words):
    made = plan(width, height, 80, 140, 250, _fake_quote(words), 14.3, on_map_px=800, sentence_px=50)
    (map_w, map_h), margin = made.map_px, made.margin
    assert width - margin["l"] - margin["r"] == pytest.approx(map_w)
    assert height - margin["t"] - margin["b"] == pytest.approx(map_h)
    assert map_w / map_h == pytest.approx(EXTENT_ASPECT)
    if made.quote == "beside":
        assert margin["l"] >= made.quote_width + GAP_PX
        assert quote_height(made.quote_lines, 14.3 * made.quote_scale) <= map_h
    else:
        assert margin["t"] >= made.head_px + quote_height(made.quote_lines, 14.3)


def test_a_short_quote_in_a_roomy_column_is_set_larger_and_whole():
    """At the base size a slide's quote filled a third of its column and left the rest blank."""
    made = plan(1280, 720, 80, 110, 250, _fake_quote(60), 14.3, on_map_px=800, sentence_px=50)
    assert made.quote == "beside" and made.quote_scale > 1
    assert " ".join(made.quote_lines[0]).split() == ["word"] * 60  # whole: not cut
    assert quote_height(made.quote_lines, 14.3 * made.quote_scale) <= QUOTE_FILL * made.map_px[1]
    widest = max(text_width(line, 11 * made.quote_scale) for line in made.quote_lines[0] + made.quote_lines[1])
    assert widest <= made.quote_width + 0.5
    long = plan(1280, 720, 80, 110, 250, _fake_quote(400), 14.3, on_map_px=800, sentence_px=50)
    assert long.quote_scale == 1  # a quote that is cut is not made larger


def test_on_a_wide_page_nothing_goes_over_the_map_or_takes_its_height():
    """The map is as tall as the page allows whatever stands beside it: the legend stays beside it (a
    tie goes to what covers nothing), and the quote goes beside it too (above, it took the map's height)."""
    assert plan(2400, 700, 80, 140, 250, None, on_map_px=800).legend == "beside"
    made = plan(2400, 700, 80, 140, 250, _fake_quote(10), 14.3, on_map_px=800)
    assert (made.legend, made.quote) == ("beside", "beside")


def test_a_legend_too_wide_for_the_map_s_foot_is_not_put_there():
    made = plan(1123, 794, 80, 140, 250, None, on_map_px=5000, sentence_px=60)
    assert made.legend != "on-map"


def test_a_page_too_small_for_its_map_says_so():
    with pytest.raises(SizeError, match="240×240 px page has no room for the map"):
        plan(240, 240, 120, 200, 0)


def test_wrapped_lines_fit_their_width_and_keep_every_word():
    text = "The Middle Corridor carries containers from Lianyungang to Constanța, across the Caspian Sea."
    for width in (60, 120, 300):
        lines = wrap(text, width, 10)
        assert all(text_width(line, 10) <= width for line in lines)
        assert " ".join(lines) == text


def test_a_no_break_space_keeps_a_name_on_one_line():
    lines = wrap("Routes shown: Northern\u00a0Corridor\u00a0(via\u00a0Russia); CPC", 200, 10)
    assert any("Northern\u00a0Corridor\u00a0(via\u00a0Russia);" in line for line in lines)


def test_a_link_longer_than_a_line_is_cut_where_it_fills_one():
    link = "https://maps.example/?" + "route=cpc&" * 20
    lines = wrap(link, 200, 10)
    assert "".join(lines) == link and len(lines) > 1 and all(text_width(line, 10) <= 200 for line in lines)


def test_text_widths_are_helvetica_s():
    assert text_width("ii", 10) < text_width("MM", 10)
    assert text_width("0123456789", 10) == pytest.approx(55.6)
    assert text_width("Oil", 10, bold=True) > text_width("Oil", 10)
    assert lines_height(3, 10) == pytest.approx(39) and lines_height(0, 10) == 0


def test_a_quote_cut_to_its_room_is_marked_and_keeps_its_attribution_whole(app_data):
    view = View(statement="uk-kazakhstan-export-routes-3")
    body, attribution = pull_quote_lines(app_data, view, 160, 6)
    assert len(body) + len(attribution) <= 6 and body[-1].endswith("…”")
    assert " ".join(attribution).startswith("— James Cleverly") and "18 March 2023" in " ".join(attribution)
    assert all(text_width(line, 11) <= 160 for line in body + attribution)


def test_an_editors_insertion_is_printed_in_square_brackets_and_said_to_be_theirs(app_data):
    """TASS's "(Trans-Caspian International Transport Route - approx. TASS)" in the speaker's round
    brackets read as James Cleverly's words; the page says whose it is, and so does the print."""
    body, attribution = pull_quote_lines(app_data, View(statement="uk-kazakhstan-export-routes-3"), 2000, 8)
    text = " ".join(body)
    assert "[Trans-Caspian International Transport Route - approx. TASS]" in text and "(Trans-Caspian" not in text
    assert "in square brackets: TASS's note" in " ".join(attribution)
    assert text.endswith("diversify the economic base”")  # room for all of it: none of it cut
