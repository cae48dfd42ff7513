"""The Corridor tab without a browser: the controls read back the what-if they show, the tab builds for
today and for every what-if, and an export's subtitle states a what-if's assumptions."""

from __future__ import annotations

import pytest

from dashboard.corridor.whatif import CorridorWhatIf
from dashboard.export.report_figure import subtitle
from dashboard.panels import PANELS
from dashboard.ui.corridor_panel import control_values, corridor_panel, corridor_result_view, what_if_from_controls
from dashboard.url_state import decode
from dashboard.view import View

WHAT_IFS = [CorridorWhatIf(), CorridorWhatIf(ferries=6), CorridorWhatIf(ports=True, btk=17.0),
            CorridorWhatIf(dwell=50, anaklia=True), CorridorWhatIf(northern=True)]


@pytest.mark.parametrize("what_if", WHAT_IFS)
def test_the_controls_read_back_the_what_if_they_show(what_if):
    assert what_if_from_controls(control_values(what_if)) == what_if


def test_unreadable_controls_are_today():
    assert what_if_from_controls({"ferries": "x", "btk": "nonsense", "switches": None}) == CorridorWhatIf()


@pytest.mark.parametrize("what_if", WHAT_IFS)
def test_the_tab_builds_and_says_what_binds(app_data, what_if):
    view = View(panel="corridor", corridor=what_if.pairs())
    text = str(corridor_panel(app_data, view))
    assert "corridor-binds" in text and "Caspian crossing to Alat" in text


def test_more_vessels_change_what_binds_and_the_transit_in_the_tab(app_data):
    today = str(corridor_result_view(app_data, View()))
    more = str(corridor_result_view(app_data, View(corridor=CorridorWhatIf(ferries=6).pairs())))
    assert "Baku International Sea Trade Port (TEU/y)" in more and "Baku International Sea Trade Port (TEU/y)" not in today
    assert "15.9–29.2 days" in today and "14.9–27.6 days" in more


def test_the_tab_is_a_panel_and_a_link_opens_it_with_a_what_if(app_data):
    assert "corridor" in PANELS
    view, ignored = decode("panel=corridor&corridor=ferries:6,btk:17", app_data.vocabulary)
    assert view.panel == "corridor" and view.corridor == (("btk", 17.0), ("ferries", 6.0)) and not ignored


def test_an_exports_subtitle_states_the_what_if(app_data):
    text = subtitle(app_data, View(corridor=CorridorWhatIf(ferries=6, btk=17.0).pairs()))
    assert "6 more Caspian container vessels" in text and "Baku-Tbilisi-Kars at 17 Mt/y" in text
    assert "100,000 TEU/y (Baku International Sea Trade Port)" in text
    assert "Corridor what-if" not in subtitle(app_data, View())
