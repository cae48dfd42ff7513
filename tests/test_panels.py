"""The side panel's tabs: one table (dashboard/panels.py) that the page, the URL and the stylesheet follow."""

import re

import pytest

from dashboard.panels import PANELS, SIDE_PANELS
from dashboard.paths import PROJECT_ROOT
from dashboard.url_state import decode, encode
from dashboard.view import View

STYLESHEET = (PROJECT_ROOT / "assets" / "style.css").read_text(encoding="utf-8")


@pytest.mark.parametrize("panel", SIDE_PANELS, ids=lambda p: p.id)
def test_the_stylesheet_shows_each_tabs_section_when_it_is_open(panel):
    assert re.search(rf"\.panel-{panel.id} \.{panel.id}-section[^{{]*\{{ display: block", STYLESHEET) or \
        re.search(rf"\.panel-{panel.id} \.{panel.id}-section,?[\s\S]*?\{{ display: block; }}", STYLESHEET)


@pytest.mark.parametrize("panel", SIDE_PANELS, ids=lambda p: p.id)
def test_each_tab_is_a_link(panel, app_data):
    view = View(panel=panel.id)
    assert decode(encode(view), app_data.vocabulary)[0].panel == panel.id


def test_the_page_has_one_tab_and_one_section_per_panel(app_data):
    from dashboard.ui.layout import build_layout
    page = str(build_layout(app_data, topojson_url="/assets/topojson/"))
    for panel in SIDE_PANELS:
        assert f"{panel.id}-section" in page and panel.label in page
    assert PANELS[0] == View().panel
