"""Playing the timeline: the Play button starts and stops a clock in the page, and each tick moves
the timeline's slider one event on, which the view callback takes like a reader's own move (so the
map, the result and the link follow at each step). Both run in the browser (assets/page.js):
nothing waits on the server to keep time."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State

from dashboard import ids


def register(app: Dash) -> None:
    app.clientside_callback(
        ClientsideFunction("routeMap", "play"),
        Output(ids.every(ids.TIMELINE_TICK), "disabled"),
        Output(ids.every(ids.TIMELINE_PLAY), "children"),
        Output(ids.every(ids.TIMELINE_PLAY), "aria-pressed"),
        Input(ids.every(ids.TIMELINE_PLAY), "n_clicks"),
        State(ids.every(ids.TIMELINE_TICK), "disabled"),
        State(ids.every(ids.EVENT_SLIDER), "value"),
        State(ids.every(ids.EVENT_SLIDER), "max"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("routeMap", "step"),
        Output(ids.every(ids.EVENT_SLIDER), "value", allow_duplicate=True),
        Output(ids.every(ids.TIMELINE_TICK), "disabled", allow_duplicate=True),
        Output(ids.every(ids.TIMELINE_PLAY), "children", allow_duplicate=True),
        Output(ids.every(ids.TIMELINE_PLAY), "aria-pressed", allow_duplicate=True),
        Input(ids.every(ids.TIMELINE_TICK), "n_intervals"),
        State(ids.every(ids.EVENT_SLIDER), "value"),
        State(ids.every(ids.EVENT_SLIDER), "max"),
        prevent_initial_call=True,
    )
