"""The scripts the page loads, less one Dash always sends: Babel's polyfill (core-js 2 plus the
regenerator runtime, 100 KB). Every browser React 18 runs in has the ES2015-2017 features core-js
adds; the page paid ~150 ms of script evaluation on each first load for them. What Dash's bundles
still need, the regenerator runtime, is served from assets/ (copied by geodata/build.py)."""

from __future__ import annotations

import re

from dash import Dash

POLYFILL_TAG = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>\s*')


def without_polyfill(scripts: str) -> str:
    """The page's script tags without Babel's polyfill; unchanged when there is none."""
    return POLYFILL_TAG.sub("", scripts)


class LeanDash(Dash):
    """Dash serving the page without Babel's polyfill: its assets must include the regenerator runtime."""

    def interpolate_index(self, **kwargs) -> str:
        kwargs["scripts"] = without_polyfill(kwargs.get("scripts", ""))
        return super().interpolate_index(**kwargs)
