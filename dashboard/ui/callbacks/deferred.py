"""What the page is served without, so that its map draws first: the route buttons and the search's
options come once the map has drawn (the page sets ids.MAP_DRAWN, assets/page.js), as do the
statements' cards and timeline (statements.py). React mounts every component of the layout before the
graph's, which then draws the map: served with the page, these held the first draw back.
(Only what no plain-id callback input lives in can wait: Dash refuses a callback whose input is missing.)"""

from __future__ import annotations

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.search import dropdown_options
from dashboard.ui.layout import route_list
from dashboard.view import View


def register(app: Dash, data: AppData) -> None:
    options = dropdown_options(data.search)

    @app.callback(
        output={"routes": Output(ids.ROUTE_BUTTONS, "children"), "search": Output(ids.SEARCH, "options")},
        inputs={"drawn": Input(ids.MAP_DRAWN, "data"), "stored": State(ids.VIEW_STORE, "data")},
        prevent_initial_call=True,
    )
    def fill_after_first_draw(drawn, stored):
        if not drawn:
            raise PreventUpdate
        return {"routes": route_list(data, View.from_store(stored)), "search": options}
