"""Addresses of a view: the link that reopens it, the iframe snippet that embeds it, and the base
address they start from (the page's own, or the configured public one for the command line).
One place for the rules both the Share control and the exports' caption follow."""

from __future__ import annotations

import os
from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

from dashboard.url_state import encode
from dashboard.view import View

EMBED_PATH = "embed"
EMBED_SIZE = (800, 500)
# What a portal page usually has room for; "wide" fills the column (100% wide) at a fixed height.
EMBED_SIZES = {"800x500": ("800", "500"), "640x480": ("640", "480"), "1200x700": ("1200", "700"),
               "wide": ("100%", "600")}
EMBED_LABELS = {"800x500": "800 × 500", "640x480": "640 × 480", "1200x700": "1200 × 700",
                "wide": "Full width × 600"}
PUBLIC_URL_VARIABLE = "DASHBOARD_PUBLIC_URL"


def unembedded(view: View) -> View:
    """The same view on the full dashboard: what a link or a report shows."""
    return replace(view, embed=False, embed_panels=frozenset())


def dashboard_base(href: str) -> str:
    """The dashboard's own address from any of its pages' (query dropped, /embed taken off)."""
    parts = urlsplit(href)
    path = parts.path
    if path.rstrip("/").endswith("/" + EMBED_PATH):
        path = path.rstrip("/")[: -len(EMBED_PATH)]
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def view_link(base_url: str, view: View) -> str:
    query = encode(view)
    return base_url + (("?" if "?" not in base_url else "&") + query if query else "")


def public_base_url(environ=os.environ) -> str:
    """Where readers reach the dashboard, for links made away from a request (the command line's
    exports); "" when it is not configured: a report then carries no link rather than a wrong one."""
    return environ.get(PUBLIC_URL_VARIABLE, "").strip()


def embed_src(base: str, view: View, panels: frozenset[str] | None = None) -> str:
    """The embed page's address for this view, with the panels asked for (the view's own if None)."""
    embedded = replace(view, embed=True, embed_panels=view.embed_panels if panels is None else frozenset(panels))
    return f"{base.rstrip('/')}/{EMBED_PATH}?{encode(embedded)}"


def share_links(href: str | None, view: View, title: str, panels: frozenset[str] | None = None,
                size: str = "800x500") -> tuple[str, str]:
    """(link to this view, iframe snippet embedding it with these panels at this size), from the
    page's own address."""
    if not href:
        return "", ""
    base = dashboard_base(href)
    link = view_link(base, unembedded(view))
    width, height = EMBED_SIZES.get(size, EMBED_SIZES["800x500"])
    snippet = (f'<iframe src="{_attr(embed_src(base, view, panels))}" width="{width}" height="{height}" '
               f'style="border:0" title="{_attr(title)}" loading="lazy"></iframe>')
    return link, snippet


def framing_note(frame_ancestors: tuple[str, ...]) -> str:
    """Who may frame this dashboard, and how to let a portal at another address do it."""
    others = [origin for origin in frame_ancestors if origin != "'self'"]
    if not others:
        return ("Only pages of this server may frame the dashboard now: a portal at another address would show "
                "'refused to connect'. Set DASHBOARD_FRAME_ANCESTORS to the portal's origin (for example "
                "https://portal.example.org) and restart the dashboard.")
    return (f"Pages at {', '.join(others)} may frame the dashboard (DASHBOARD_FRAME_ANCESTORS); "
            "add others there, separated by spaces.")


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
