"""The statements panel: its list, pager, summary and timeline follow the view. The filter controls'
events go through the view callback (view.py, ui/view_events.py) so that the URL follows them; this
module renders what the view asks for, one page of cards at a time (the page is served with the first
screen of its first page: the rest comes when asked for)."""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.ui.callbacks.panels import statement_card_class
from dashboard.ui.panels import (FIRST_SCREEN, action_disabled, list_is_current, list_key, pager_text, statement_list,
                                 statement_list_rest, statements_timeline, summary_text, view_results)
from dashboard.view import View, statement_filter_value


def control_value(view: View, field: str):
    """What a filter control shows for the view (a date input's empty value is "")."""
    value = getattr(view, field)
    if isinstance(value, frozenset):
        return sorted(value)
    return "" if value is None else value


def control_updates(view: View, current: list, items: list) -> list:
    """The filter controls' new values, only where they do not already show the view (a link opened,
    'Clear filters', a search tidied): re-sending a control its own value would echo it back."""
    fields = [item["id"]["id"] for item in items]
    return [no_update if statement_filter_value(field, value) == getattr(view, field) else control_value(view, field)
            for field, value in zip(fields, current or [None] * len(fields))]


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        output={"list": Output(ids.STATEMENT_LIST, "children"),
                "key": Output(ids.STATEMENT_LIST_KEY, "data"),
                "summary": Output(ids.STATEMENT_SUMMARY, "children"),
                "pager": Output(ids.STATEMENT_PAGER, "children"),
                "disabled": Output({"type": ids.STATEMENT_ACTION, "id": ALL}, "disabled"),
                "timeline": Output(ids.STATEMENT_TIMELINE, "children")},
        inputs={"stored": Input(ids.VIEW_STORE, "data"), "drawn": Input(ids.MAP_DRAWN, "data"),
                "shown": State(ids.STATEMENT_LIST_KEY, "data")},
        prevent_initial_call=True,  # the page is served without cards: they come once the map has drawn
    )
    def render_statements(stored, drawn, shown):
        # The list is rebuilt only when its cards change: a selection on the page changes their classes
        # (ui/callbacks/panels.py), not the list. `drawn` only triggers the first list (ids.MAP_DRAWN).
        view = View.from_store(stored)
        found, page = view_results(data.corpus.index, view)
        whole = list_key(page, view)
        # The page's first list (the page is served without one) is its first screen, the rest when asked
        # for (STATEMENT_MORE), unless the selected statement is further down the page.
        first_screen = list_key(page, view, shown=FIRST_SCREEN)
        cards = FIRST_SCREEN if shown is None and list_is_current(first_screen, whole, view.statement) else None
        key = first_screen if cards else whole
        disabled = action_disabled(page, view)
        changed = not list_is_current(shown, whole, view.statement)
        card_class = lambda sid: statement_card_class(sid, view, data)  # noqa: E731
        return {
            "list": statement_list(data, page, found, card_class, shown=cards) if changed else no_update,
            "key": key if changed else no_update,
            "summary": summary_text(page, view),
            "pager": pager_text(page),
            "disabled": [disabled[item["id"]["id"]] for item in ctx.outputs_grouping["disabled"]],
            "timeline": statements_timeline(data, found)
            if (shown or {}).get("filters") != key["filters"] else no_update,
        }

    @app.callback(
        output={"rest": Output(ids.every(ids.STATEMENT_LIST_REST), "children"),
                "key": Output(ids.STATEMENT_LIST_KEY, "data", allow_duplicate=True)},
        inputs={"clicks": Input(ids.every(ids.STATEMENT_MORE), "n_clicks"), "stored": State(ids.VIEW_STORE, "data"),
                "shown": State(ids.STATEMENT_LIST_KEY, "data")},
        prevent_initial_call=True,
    )
    def show_rest_of_page(clicks, stored, shown):
        # The button is on the page only while the list shows its page's first cards (a rebuilt list
        # has them all, and the button goes with the list it was in).
        if not any(clicks):
            return {"rest": [no_update for _ in clicks], "key": no_update}
        view = View.from_store(stored)
        found, page = view_results(data.corpus.index, view)
        rest = statement_list_rest(data, page, len((shown or {}).get("ids") or []),
                                   lambda sid: statement_card_class(sid, view, data))
        return {"rest": [rest for _ in clicks], "key": list_key(page, view)}
