"""Export sizes and the report figure, without a browser."""

import pytest

from dashboard.export.jobs import ExportRequestError, check_output, read_batch, resolve_size, strict_view, view_link
from dashboard.export.presets import PRESETS, SizeError, custom_size, render_options
from dashboard.export.report_figure import caption_lines, report_figure, visible_routes
from dashboard.view import View


@pytest.mark.parametrize("preset, pixels, page_mm", [
    ("a4-landscape", (3508, 2480), (297, 210)),
    ("slide-16x9", (1920, 1080), (338.7, 190.5)),
    ("report-column", (2126, 1419), (180, 120)),
])
def test_presets(preset, pixels, page_mm):
    size = PRESETS[preset]
    assert size.pixel_size == pixels
    assert size.page_mm == pytest.approx(page_mm, abs=0.3)


def test_png_uses_the_scale_and_vector_formats_do_not():
    size = PRESETS["a4-landscape"]
    assert render_options(size, "png")["scale"] == size.scale
    assert render_options(size, "pdf")["scale"] == render_options(size, "svg")["scale"] == 1


@pytest.mark.parametrize("width, height, scale, message", [
    (100, 500, 1, "width 100"), (500, 90_000, 1, "height 90000"), (800, 600, 50, "scale 50"),
    (4000, 4000, 8, "MP, over the"), (float("nan"), 500, 1, "width nan"),
])
def test_custom_sizes_beyond_sane_limits_are_refused(width, height, scale, message):
    with pytest.raises(SizeError, match=message):
        custom_size(width, height, scale)


def test_custom_size():
    assert custom_size(1000, 500, 2).pixel_size == (2000, 1000)


def test_resolve_size_errors():
    with pytest.raises(ExportRequestError, match="unknown preset"):
        resolve_size("poster")
    with pytest.raises(ExportRequestError, match="needs a width and a height"):
        resolve_size("custom")
    assert resolve_size("custom", 800, 600).scale == 1.0


def test_strict_view_refuses_what_a_browser_would_ignore(app_data):
    assert strict_view("route=cpc", app_data).route == "cpc"
    with pytest.raises(ExportRequestError, match="route: unknown 'atlantis'"):
        strict_view("route=atlantis&scale=1", app_data)


def test_check_output(tmp_path):
    check_output(tmp_path / "map.png")
    with pytest.raises(ExportRequestError, match="does not exist"):
        check_output(tmp_path / "missing" / "map.png")
    with pytest.raises(ExportRequestError, match="is a folder"):
        check_output(tmp_path)


def test_read_batch(tmp_path):
    path = tmp_path / "views.txt"
    path.write_text("# report 2026\ncpc\troute=cpc\n\nlayers=oil\n", encoding="utf-8")
    items = read_batch(path)
    assert [(i.name, i.query) for i in items] == [("cpc", "route=cpc"), ("view-2", "layers=oil")]
    path.write_text("bad name!\troute=cpc\n", encoding="utf-8")
    with pytest.raises(ExportRequestError, match="name"):
        read_batch(path)
    path.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(ExportRequestError, match="lists no view"):
        read_batch(path)


def test_view_link():
    assert view_link("http://h/", View(route="cpc", panel="details")) == "http://h/?route=cpc"
    assert view_link("http://h/", View()) == "http://h/"


def test_report_figure_frames_the_view(app_data):
    view = View(route="cpc", center=(48.0, 42.0), scale=2.2, statement="uk-kazakhstan-export-routes-3")
    figure = report_figure(app_data, view, PRESETS["slide-16x9"], link="http://h/?route=cpc", quote=True)
    layout = figure["layout"]
    assert layout["width"] == 1280 and layout["height"] == 720 and layout["showlegend"]
    assert layout["geo"]["center"] == {"lon": 48.0, "lat": 42.0} and layout["geo"]["projection"]["scale"] == 2.2
    texts = " ".join(a["text"] for a in layout["annotations"]).replace("<br>", " ")
    assert "Middle Corridor and Kazakhstan" in texts and "Natural Earth" in texts and "http://h/?route=cpc" in texts
    assert "James Cleverly" in texts and "I had the opportunity" in texts
    assert "uirevision" not in layout
    legend_names = [t["name"] for t in figure["data"] if t.get("showlegend")]
    assert "Oil" in legend_names and "Disrupted at times (crossed)" in legend_names


def test_caption_lists_every_route_shown_and_only_those(app_data):
    view = View(layers=frozenset({"oil", "nodes"}), statuses=frozenset({"operating"}))
    text = " ".join(caption_lines(app_data, view, "", 2000)).replace("\u00a0", " ")
    shown = visible_routes(app_data, view)
    assert shown and all(r.short_name in text for r in shown)
    assert "TAP" not in text.split("Sources:")[0] and "CPC;" not in text
    assert "Data as of 2026-01" in text


def test_labels_escape_markup(app_data):
    from dashboard.export.report_figure import _text
    assert _text("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"


def test_the_compact_key_says_each_look_once_and_keeps_names_with_commas_whole(app_data):
    from dashboard.export.report_figure import legend_sentence, legend_traces
    key = legend_sentence(legend_traces(app_data, View(), True))
    assert "(crossed) (crosses)" not in key and "Operating · Operating, expanding (thicker)" in key


def test_a_caption_cut_short_says_where_the_rest_is_and_never_claims_the_map_names_every_route(app_data):
    without = " ".join(caption_lines(app_data, View(), "", 600, max_lines=4)).replace("\u00a0", " ")
    with_link = " ".join(caption_lines(app_data, View(), "https://maps.example/?x=1", 600, max_lines=5))
    assert "named on the map" not in without and "in the dashboard" in without and "link below" not in without
    assert "at the link below" in with_link.replace("\u00a0", " ")


def _dash_repeats(dash: str, swatch_px: float = 30) -> float:
    """How many times a legend dash pattern repeats in plotly.js's 30 px swatch."""
    return swatch_px / sum(float(part.rstrip("px")) for part in dash.split(","))


def test_legend_swatches_show_their_dash_pattern_and_the_key_still_names_it(app_data):
    """A swatch is 30 px whatever the line's width, so a named dash (which scales with the width) showed
    one dash and a gap: rail and the corridors read as short solid bars. Every dashed swatch repeats at
    least twice, each mode's differently; the compact key still words them."""
    from dashboard.export.report_figure import legend_sentence, legend_traces
    traces = legend_traces(app_data, View())
    dashed = {t["name"]: t["line"]["dash"] for t in traces if (t.get("line") or {}).get("dash", "solid") != "solid"}
    assert {"Rail", "Sea (tanker, short-sea)", "Ferry / ro-ro"} <= set(dashed)
    assert any("Middle Corridor" in name for name in dashed) and any("Northern" in name for name in dashed)
    assert all(_dash_repeats(dash) >= 2 for dash in dashed.values())
    modes = [t["line"]["dash"] for t in traces if t.get("legendgroup") == "mode"]
    assert len(set(modes)) == len(modes)
    key = legend_sentence(legend_traces(app_data, View(), True))
    assert "Rail (long dashes)" in key and "(dots)" in key


def test_a_scenario_s_marks_each_have_a_look_of_their_own_in_the_legend(app_data):
    """The selection's ring and the scenario's binding band were the same pink; a switched-off route is
    faded under grey dots, and the key says so."""
    from dashboard.export.report_figure import legend_sentence, legend_traces
    view = View(off=frozenset({"cpc_terminal"}), statement="uk-kazakhstan-export-routes-3")
    traces = legend_traces(app_data, view)
    colours = {t["name"]: (t.get("line") or t.get("marker"))["color"] for t in traces if t["legendgroup"] in
               ("scenario", "places")}
    assert colours["What binds the exports"] != colours["Place of the selection"]
    assert "Route switched off (faded)" in colours
    key = legend_sentence(legend_traces(app_data, view, True))
    assert "Route switched off (faded, grey dots)" in key and "Selected (pink ring)" in key
    assert "What binds (green band)" in key
