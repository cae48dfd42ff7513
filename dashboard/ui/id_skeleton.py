"""The app's validation layout: every component with an id, bare (its id and nothing else).

The page is served without some of its parts (layout.deferred_parts, ui/callbacks/deferred.py), and
Dash checks each callback's inputs, states and outputs against the layout when the page starts: a
plain id it cannot find there is an error in the console. Given `app.validation_layout`, it checks
against that instead. Dash hands it to the page in its config, so it carries no props, no figure."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component


def _with_ids(tree) -> list[Component]:
    roots = tree if isinstance(tree, (list, tuple)) else [tree]
    found = []
    for root in roots:
        if not isinstance(root, Component):
            continue
        for component in [root, *root._traverse()]:
            if isinstance(component, Component) and getattr(component, "id", None) is not None:
                found.append(component)
    return found


def id_skeleton(*trees) -> html.Div:
    """One Div holding a bare copy (same type, same id) of every component with an id in the trees."""
    return html.Div([type(component)(id=component.id) for tree in trees for component in _with_ids(tree)])
