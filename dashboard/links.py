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


def share_links(href: str | None, view: View, title: str) -> tuple[str, str]:
    """(link to this view, iframe snippet embedding it), from the page's own address."""
    if not href:
        return "", ""
    base = dashboard_base(href)
    link = view_link(base, unembedded(view))
    src = f"{base.rstrip('/')}/{EMBED_PATH}?{encode(replace(view, embed=True))}"
    width, height = EMBED_SIZE
    snippet = (f'<iframe src="{_attr(src)}" width="{width}" height="{height}" style="border:0" '
               f'title="{_attr(title)}" loading="lazy"></iframe>')
    return link, snippet


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
