"""The Share control: the link and the embed code follow the view."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from dashboard import ids
from dashboard.links import share_links
from dashboard.view import View


def register(app: Dash) -> None:
    @app.callback(
        Output(ids.SHARE_LINK, "value"),
        Output(ids.EMBED_CODE, "value"),
        Input(ids.VIEW_STORE, "data"),
        State(ids.URL, "href"),
    )
    def render_share(stored, href):
        return share_links(href, View.from_store(stored), app.title)
