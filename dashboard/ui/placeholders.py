"""What a part of the page holds until its contents come: served in its place, replaced by a callback."""

from __future__ import annotations

from dash import html

from dashboard import ids


def deferred(what: str) -> html.P:
    """The place of what comes once the map has drawn (ui/callbacks/deferred.py): a moment later. The
    class is what tests and benchmarks wait on (no element of it left: the page is whole)."""
    return html.P(f"Loading {what}…", className=f"hint {ids.DEFERRED}")


def tab_placeholder(what: str) -> html.P:
    """What a tab built when first opened shows until the server's answer arrives (a moment)."""
    return html.P(f"Opening {what}…", className="hint")
