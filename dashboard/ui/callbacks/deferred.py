"""What the page is served without, so that its map draws first: the route buttons, the search's
options and parts the first draw can do without (the Export tab's contents, the statements' filter
dropdowns: layout.deferred_parts) come once the map has drawn (the page sets ids.MAP_DRAWN,
assets/page.js), as do the statements' cards and timeline (statements.py). React mounts every
component of the layout before the graph's, which then draws the map: served with the page, these
held the first draw back. Dash checks the callbacks that listen to a part's plain ids against the
app's validation layout (ui/id_skeleton.py), which holds them."""

from __future__ import annotations

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.search import dropdown_options
from dashboard.ui.layout import route_list
from dashboard.view import View


def register(app: Dash, data: AppData, parts: dict) -> None:
    """`parts`: the page's parts it is served without, by their holder's id, built once (their
    controls' values are the default view's; the view callback sets them to the page's)."""
    options = dropdown_options(data.search)

    @app.callback(
        output={"routes": Output(ids.ROUTE_BUTTONS, "children"), "search": Output(ids.SEARCH, "options"),
                "parts": {holder: Output(holder, "children") for holder in parts}},
        inputs={"drawn": Input(ids.MAP_DRAWN, "data"), "stored": State(ids.VIEW_STORE, "data")},
        prevent_initial_call=True,
    )
    def fill_after_first_draw(drawn, stored):
        if not drawn:
            raise PreventUpdate
        return {"routes": route_list(data, View.from_store(stored)), "search": options, "parts": parts}
