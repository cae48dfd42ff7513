"""The names on an exported map, read off the SVG as a reader's viewer draws it: the story's names
are there, none overlaps another, none is cut by the map's frame — at every preset."""

import base64

import pytest

from dashboard.export.jobs import export_bytes, strict_view
from dashboard.export.presets import PRESETS
from dashboard.export.renderer import Renderer
from dashboard.figure.labels import AREA_LABELS, PLACE_LABELS

pytestmark = pytest.mark.export

# The map's name traces in Plotly's SVG: text points of scattergeo traces (the legend is not a geo).
NAMES = """
const texts = [...document.querySelectorAll('.geolayer ~ * .scattergeo text, .scattergeo text')]
  .filter(t => t.textContent.trim() && getComputedStyle(t).display !== 'none'
               && parseFloat(getComputedStyle(t).opacity || '1') > 0);
const frame = document.querySelector('.geolayer .bg, .geo .bg').getBoundingClientRect();
return {frame: [frame.left, frame.top, frame.right, frame.bottom],
        names: texts.map(t => { const r = t.getBoundingClientRect();
                                return [t.textContent.trim(), r.left, r.top, r.right, r.bottom]; })};
"""

# The marks no name may cover: events' orange diamonds, a scenario's dark red crosses (their colours, as
# the SVG draws them), and the selection's pink rings, which only a country's or sea's name may cross.
MARKS = """
const colours = arguments[0];
return [...document.querySelectorAll('.scattergeo path.point')]
  .filter(p => { const s = getComputedStyle(p);
                 return parseFloat(s.opacity || '1') > 0 && (colours.includes(s.fill) || colours.includes(s.stroke)); })
  .map(p => { const r = p.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });
"""
GLYPH_TRIM = 0.2  # of a name's box, top and bottom, as map_labels.js: the line box around the letters
DOTS_BLOCK_FROM = 20  # as map_labels.js: names from this priority on are context places'
DOT_INSIDE = 0.2  # as map_labels.js: a dot this far (of a name's width) from both its ends is inside it

# The places' dots (their dark grey fill or outline).
DOTS = """
const grey = 'rgb(68, 68, 68)';  // NODE_COLOUR
return [...document.querySelectorAll('.scattergeo path.point')]
  .filter(p => { const s = getComputedStyle(p);
                 return parseFloat(s.opacity || '1') > 0 && (s.fill === grey || s.stroke === grey); })
  .map(p => { const r = p.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });
"""


@pytest.fixture(scope="module")
def renderer():
    made = Renderer()
    yield made
    made.close()


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("query", ["", "statement=uk-kazakhstan-export-routes-3"])
def test_exported_names_are_there_apart_and_inside_the_map(app_data, renderer, driver, preset, query):
    svg = export_bytes(app_data, renderer, strict_view(query, app_data), PRESETS[preset], "svg")
    driver.get("data:image/svg+xml;base64," + base64.b64encode(svg).decode())
    found = driver.execute_script(NAMES)
    names = found["names"]
    shown = {name for name, *_ in names}
    if query:  # a selection names its own places first; on a small preset they take the room
        assert len(shown) >= 5 and {"Kazakhstan", "Caspian Sea", "Aktau", "Baku"} & shown, shown
        assert "Georgia" in shown, shown  # its name may cross the rings that fill it (map_labels.js)
        if preset != "report-column":
            assert {"Kazakhstan", "Aktau", "Baku", "Azerbaijan"} <= shown, shown  # Baku's name, not lost to Alat's
    else:
        assert {"Kazakhstan", "China", "Caspian Sea", "Aktau", "Georgia"} <= shown, shown
        zoomed_only = {label.text for label in PLACE_LABELS if label.zoom}
        assert zoomed_only and not zoomed_only & shown, zoomed_only & shown  # named once zoomed in only
        if preset != "report-column":  # Azerbaijan is narrower than its name there, between Aktau and Baku
            assert {"Azerbaijan", "Baku"} <= shown, shown
    left, top, right, bottom = found["frame"]
    for name, x0, y0, x1, y1 in names:
        assert left - 1 <= x0 and x1 <= right + 1 and top - 1 <= y0 and y1 <= bottom + 1, f"{name} is cut"
    for i, (a, ax0, ay0, ax1, ay1) in enumerate(names):
        for b, bx0, by0, bx1, by1 in names[i + 1:]:
            assert not (ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1), f"{a} overlaps {b}"
    # A context place's name never on another place's dot ("Novorossiysk" on Constanța's read as its name);
    # a selection's names are the selection's main marks and keep their places beside a neighbour's dot.
    context = {label.text for label in PLACE_LABELS if label.priority >= DOTS_BLOCK_FROM} if not query else set()
    areas = {label.text for label in AREA_LABELS}
    for dot in driver.execute_script(DOTS):
        for name, x0, y0, x1, y1 in names:
            trim = (y1 - y0) * GLYPH_TRIM
            assert name not in context or not (x0 < dot[2] and dot[0] < x1 and y0 + trim < dot[3] and dot[1] < y1 - trim), \
                f"{name} sits on a place's dot at {dot}"
            # No place's name, the story's included, has another place's dot between its letters
            # ("CPC ● terminal" read as Istanbul's name on a report column).
            x, y, inside = (dot[0] + dot[2]) / 2, (dot[1] + dot[3]) / 2, (x1 - x0) * DOT_INSIDE
            assert name in areas or not (x0 + inside < x < x1 - inside and y0 + trim < y < y1 - trim), \
                f"{name} has a place's dot inside it at {dot}"
    for colours, who in ((["rgb(230, 159, 0)", "rgb(139, 0, 0)"], "a name"), (["rgb(204, 121, 167)"], "a place's name")):
        for mark in driver.execute_script(MARKS, colours):
            for name, x0, y0, x1, y1 in names:
                trim = (y1 - y0) * GLYPH_TRIM
                assert (who != "a name" and name in areas) or not (
                    x0 < mark[2] and mark[0] < x1 and y0 + trim < mark[3] and mark[1] < y1 - trim), \
                    f"{name} sits on a mark at {mark}"


# The map's fitted box (what Plotly draws the map in), the legend's card, and every visible place
# marker (the name traces' markers are invisible spacers).
BOXES = """
const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
const legend = document.querySelector('.legend > rect.bg');
return {map: box(document.querySelector('.geo .layer.bg rect')), legend: legend ? box(legend) : null,
        points: [...document.querySelectorAll('.scattergeo path.point')]
                  .filter(p => parseFloat(getComputedStyle(p).opacity || '1') > 0
                               && parseFloat(p.style.opacity || '1') > 0).map(box)};
"""


def test_a_close_up_names_the_places_the_default_view_leaves_unnamed(app_data, renderer, driver):
    svg = export_bytes(app_data, renderer, strict_view("center=46.3,41.6&scale=8", app_data), PRESETS["slide-16x9"], "svg")
    driver.get("data:image/svg+xml;base64," + base64.b64encode(svg).decode())
    shown = {name for name, *_ in driver.execute_script(NAMES)["names"]}
    assert {"Erzurum", "Zhanaozen"} <= shown, shown


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("query, quote", [("", False), ("statement=uk-kazakhstan-export-routes-3", True)])
def test_the_map_fills_its_frame_and_a_legend_on_it_covers_no_place_or_name(app_data, renderer, driver, preset,
                                                                              query, quote):
    """Plotly fits the map inside its plot area at the map's own shape: a plot area of another shape
    left bands of white above and below it. A legend laid on the map's south covers none of its marks."""
    from dashboard.export.report_figure import report_figure
    view = strict_view(query, app_data)
    layout = report_figure(app_data, view, PRESETS[preset], quote=quote)["layout"]
    margin = layout["margin"]
    svg = export_bytes(app_data, renderer, view, PRESETS[preset], "svg", quote=quote)
    driver.get("data:image/svg+xml;base64," + base64.b64encode(svg).decode())
    found = driver.execute_script(BOXES)
    left, top, right, bottom = found["map"]
    assert left == pytest.approx(margin["l"], abs=1.5) and right == pytest.approx(layout["width"] - margin["r"], abs=1.5)
    assert top == pytest.approx(margin["t"], abs=1.5) and bottom == pytest.approx(layout["height"] - margin["b"], abs=1.5)
    legend = found["legend"]
    if legend and legend[0] < right:  # on the map
        assert legend[2] <= right + 1 and legend[3] <= bottom + 1
        names = driver.execute_script(NAMES)["names"]
        for x0, y0, x1, y1 in found["points"] + [n[1:] for n in names]:
            assert not (x0 < legend[2] and legend[0] < x1 and y0 < legend[3] and legend[1] < y1), \
                f"the legend covers a mark or name at {(x0, y0, x1, y1)}"
