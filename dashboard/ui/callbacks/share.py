"""The Share control: the link, the embed code and its preview follow the view and the embed's
panels and size; in an embed, the way back to the full dashboard follows the view too."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from dashboard import ids
from dashboard.links import EMBED_SIZES, dashboard_base, embed_src, share_links
from dashboard.view import EMBED_PANELS, View


def register(app: Dash) -> None:
    @app.callback(
        Output(ids.SHARE_LINK, "value"),
        Output(ids.EMBED_CODE, "value"),
        Output(ids.EMBED_PREVIEW, "src"),
        Output(ids.EMBED_PREVIEW, "style"),
        Output(ids.EMBED_OPEN_FULL, "href"),
        Input(ids.VIEW_STORE, "data"),
        Input(ids.EMBED_PANEL_PICK, "value"),
        Input(ids.EMBED_SIZE_PICK, "value"),
        Input(ids.SHARE_OPEN, "n_clicks"),
        State(ids.URL, "href"),
    )
    def render_share(stored, panels, size, opened, href):
        view = View.from_store(stored)
        # On an embed page (no Share control shown) the code is the page's own; no preview is loaded.
        chosen = None if view.embed else frozenset(p for p in (panels or ()) if p in EMBED_PANELS)
        link, snippet = share_links(href, view, app.title, chosen, size or "800x500")
        # The preview is a whole second dashboard: an iframe loads even inside a closed <details>, so
        # it waits until Share has been opened once, or every page load would load the page twice.
        wanted = href and not view.embed and opened
        preview = embed_src(dashboard_base(href), view, chosen) if wanted else ""
        return link, snippet, preview, preview_style(size), link


def preview_style(size: str | None) -> dict:
    """The preview at half size: the frame drawn at the embed's size, scaled down."""
    width, height = EMBED_SIZES.get(size or "", EMBED_SIZES["800x500"])
    width = "1100px" if width.endswith("%") else f"{width}px"
    return {"width": width, "height": f"{height}px", "transform": "scale(0.5)", "transformOrigin": "0 0"}
