"""The Corridor tab: built when first opened, its result following the view; its controls write the
what-if into the address, which the view callback reads like any link (so Back and Forward work)."""

from __future__ import annotations

from dataclasses import replace

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.corridor.whatif import CorridorWhatIf
from dashboard.ui.corridor_panel import (CORRIDOR_KNOB, CORRIDOR_RESET, CORRIDOR_RESULT, CORRIDOR_SECTION,
                                         control_values, corridor_panel, corridor_result_view, what_if_from_controls,
                                         what_if_of)
from dashboard.url_state import encode
from dashboard.view import View


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        output={"section": Output(CORRIDOR_SECTION, "children"),
                "results": Output(ids.every(CORRIDOR_RESULT), "children"),
                "knobs": Output({"type": CORRIDOR_KNOB, "id": ALL}, "value")},
        inputs={"stored": Input(ids.VIEW_STORE, "data"), "built": State(ids.every(CORRIDOR_RESULT), "id"),
                "shown": State({"type": CORRIDOR_KNOB, "id": ALL}, "value")},
        prevent_initial_call=True,  # the page opens on the statements
    )
    def render_corridor(stored, built, shown):
        view = View.from_store(stored)
        if not built:
            if view.panel != "corridor":
                return {"section": no_update, "results": [], "knobs": []}
            return {"section": corridor_panel(data, view), "results": [], "knobs": []}
        # The controls follow the view (a link opened, Back, "Back to today"), sent only where they differ.
        wanted = control_values(what_if_of(view))
        knob_ids = [item["id"]["id"] for item in ctx.outputs_grouping["knobs"]]
        knobs = [wanted[k] if wanted[k] != old else no_update for k, old in zip(knob_ids, shown or [None] * len(knob_ids))]
        return {"section": no_update, "results": [corridor_result_view(data, view) for _ in built], "knobs": knobs}

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input({"type": CORRIDOR_KNOB, "id": ALL}, "value"),
        Input(ids.every(CORRIDOR_RESET), "n_clicks"),
        State(ids.VIEW_STORE, "data"),
        prevent_initial_call=True,
    )
    def apply_what_if(_values, _resets, stored):
        view = View.from_store(stored)
        if isinstance(ctx.triggered_id, dict) and ctx.triggered_id.get("type") == ids.in_tab(CORRIDOR_RESET)["type"]:
            if not ctx.triggered[0]["value"]:
                return no_update
            what_if = CorridorWhatIf()
        else:
            values = {item["id"]["id"]: item.get("value") for item in ctx.inputs_list[0]}
            what_if = what_if_from_controls(values)
        if what_if == what_if_of(view):  # the controls show the view already (also as the tab is built)
            return no_update
        query = encode(replace(view, corridor=what_if.pairs()))
        return f"?{query}" if query else ""
