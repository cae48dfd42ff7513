"""The map's text alternative (ui/map_summary.py): what a screen reader hears the map show."""

from dataclasses import replace

import pytest

from dashboard.page_scripts import with_language
from dashboard.ui.map_summary import map_summary
from dashboard.view import View

STATEMENT = "uk-kazakhstan-export-routes-3"  # the Middle Corridor statement: it names eight routes


def test_the_default_view_says_every_route_is_shown_and_nothing_selected(app_data):
    text = map_summary(View(), app_data)
    assert text.startswith("The map shows 21 of 21 routes")
    assert "Nothing is selected" in text and "Scenario" not in text


def test_filters_are_said(app_data):
    text = map_summary(View(statuses=frozenset({"operating"}), layers=View().layers - {"gas"}), app_data)
    assert "statuses shown: Operating" in text and "layers off: Gas routes" in text
    assert "The map shows 21 of" not in text


def test_a_selected_route_is_named(app_data):
    text = map_summary(View(route="cpc"), app_data)
    assert "Selected route: Caspian Pipeline Consortium" in text and "Highlighted: 1 route," in text


def test_a_selected_statement_says_who_and_which_routes(app_data):
    statement = app_data.corpus.statement(STATEMENT)
    text = map_summary(View(statement=STATEMENT), app_data)
    assert f"Selected statement, {statement.speaker.name}:" in text
    for route_id in statement.route_ids:
        assert app_data.registry.network.routes[route_id].short_name in text
    assert f"Highlighted: {len(statement.route_ids)} routes" in text


def test_highlighted_routes_hidden_by_a_filter_are_counted(app_data):
    text = map_summary(View(route="tap", layers=View().layers - {"gas"}), app_data)
    assert "1 of them hidden by the layers or statuses chosen" in text


@pytest.mark.parametrize("change, said", [
    ({"off": frozenset({"cpc_terminal"})}, "switched off: CPC"),
    ({"capacities": (("aktau_port", 10.0),)}, "resized: Aktau port"),
])
def test_a_scenario_says_what_changed_and_its_result(app_data, change, said):
    text = map_summary(replace(View(), **change), app_data)
    assert "Scenario: " in text and said in text and "Kazakhstan could export between" in text


def test_a_replayed_event_is_named_by_its_date_and_title(app_data):
    event = next(e for e in app_data.timeline if e.off or e.capacities)
    view = View(off=frozenset(event.off), capacities=tuple(sorted(event.capacities)), event=event.id)
    assert f"Scenario: {event.date}, {event.title}." in map_summary(view, app_data)


def test_the_summary_changes_with_the_view(app_data):
    views = [View(), View(route="cpc"), View(statement=STATEMENT), View(off=frozenset({"cpc_terminal"}))]
    assert len({map_summary(v, app_data) for v in views}) == len(views)


@pytest.mark.parametrize("index, expected", [
    ("<!DOCTYPE html>\n<html>\n<head>", '<!DOCTYPE html>\n<html lang="en">\n<head>'),
    ("<html class=x><head>", '<html lang="en" class=x><head>'),
    ('<html lang="fr"><head>', '<html lang="fr"><head>'),
])
def test_the_index_declares_its_language(index, expected):
    assert with_language(index) == expected


def test_the_served_page_declares_english(app_data):
    from dashboard.app import create_app
    from dashboard.config import AppConfig

    page = create_app(AppConfig(), data=app_data).server.test_client().get("/").get_data(as_text=True)
    assert '<html lang="en">' in page
