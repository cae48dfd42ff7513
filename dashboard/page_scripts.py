"""The page's index: its language declared, and the scripts it loads less two Dash always sends:
Babel's polyfill (core-js 2 plus the regenerator runtime, 100 KB). Every browser React 18 runs in
has the ES2015-2017 features core-js adds; the page paid ~150 ms of script evaluation on each first
load for them. What Dash's bundles still need, the regenerator runtime, is served from assets/
(copied by geodata/build.py). And DataTable's bundle: the page has no DataTable (the Compare table
is plain HTML), so it was a request and its evaluation on the way to the first draw for nothing."""

from __future__ import annotations

import re

from dash import Dash

POLYFILL_TAG = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>\s*')
DATA_TABLE_TAG = re.compile(r'<script src="[^"]*/dash/dash_table/bundle[^"]*"></script>\s*')
HTML_TAG = re.compile(r"<html(?![^>]*\blang=)", re.IGNORECASE)
PAGE_LANGUAGE = "en"


def without_polyfill(scripts: str) -> str:
    """The page's script tags without Babel's polyfill and DataTable's bundle; unchanged when it has
    neither."""
    return DATA_TABLE_TAG.sub("", POLYFILL_TAG.sub("", scripts))


def with_language(index: str, language: str = PAGE_LANGUAGE) -> str:
    """The index with its <html> element declaring the page's language (WCAG 3.1.1: screen readers
    pick their voice by it); an index that already declares one is left alone."""
    return HTML_TAG.sub(f'<html lang="{language}"', index, count=1)


# What Dash's renderer asks for only once its own scripts have run (the layout and the callbacks), and
# the two lazily loaded parts of dcc the page renders at once (the graph and the dropdowns), which it
# asks for only once React has rendered them: preloaded from the page's head, they arrive while the
# scripts run instead of after (~60 ms of waiting off the first draw). `as="fetch"` with crossorigin
# is what the renderer's fetch() matches (same origin, cors mode, same-origin credentials).
PRELOADED_FETCHES = ("_dash-layout", "_dash-dependencies")
PRELOADED_SCRIPTS = ("_dash-component-suites/dash/dcc/async-graph.js",
                     "_dash-component-suites/dash/dcc/async-dropdown.js")


def preload_links(prefix: str) -> str:
    """The head's preload links for the page served under `prefix` (the requests' path prefix)."""
    fetches = [f'<link rel="preload" href="{prefix}{path}" as="fetch" crossorigin="anonymous">'
               for path in PRELOADED_FETCHES]
    scripts = [f'<link rel="preload" href="{prefix}{path}" as="script">' for path in PRELOADED_SCRIPTS]
    return "\n".join(fetches + scripts)


class LeanDash(Dash):
    """Dash serving the page in English without Babel's polyfill (its assets must include the
    regenerator runtime), with what the renderer will ask for preloaded."""

    def interpolate_index(self, **kwargs) -> str:
        kwargs["scripts"] = without_polyfill(kwargs.get("scripts", ""))
        kwargs["css"] = preload_links(self.config.requests_pathname_prefix) + "\n" + kwargs.get("css", "")
        return with_language(super().interpolate_index(**kwargs))
