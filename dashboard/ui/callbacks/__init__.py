"""Callbacks, registered on one app instance, a module per concern. Each unpacks its inputs, calls
pure functions and returns. The view lives in the URL and, while the page is open, in a dcc.Store:
view.py folds events into it; the others (panels, compare, corridor, statements, share, data)
render from it; deferred.py brings what the page is served without once its map has drawn. (The Export
button's callback lives with the export code: dashboard/export/callback.py.)"""

from __future__ import annotations

from dash import Dash

from dashboard.appdata import AppData
from dashboard.ui.callbacks import (compare, corridor, data as data_downloads, deferred, panels, share, statements,
                                    timeline, view)


def register_callbacks(app: Dash, data: AppData, deferred_parts: dict, full_figure_updates: bool = False) -> None:
    """`deferred_parts`: what the page is served without, by the id of the part that holds it
    (ui/layout.deferred_parts)."""
    view.register(app, data, full_figure_updates)
    deferred.register(app, data, deferred_parts)
    panels.register(app, data)
    compare.register(app, data)
    corridor.register(app, data)
    share.register(app)
    statements.register(app, data)
    data_downloads.register(app, data)
    timeline.register(app)
