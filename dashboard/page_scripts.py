"""The page's index: its language declared, and the scripts it loads less one Dash always sends:
Babel's polyfill (core-js 2 plus the regenerator runtime, 100 KB). Every browser React 18 runs in
has the ES2015-2017 features core-js adds; the page paid ~150 ms of script evaluation on each first
load for them. What Dash's bundles still need, the regenerator runtime, is served from assets/
(copied by geodata/build.py)."""

from __future__ import annotations

import re

from dash import Dash

POLYFILL_TAG = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>\s*')
HTML_TAG = re.compile(r"<html(?![^>]*\blang=)", re.IGNORECASE)
PAGE_LANGUAGE = "en"


def without_polyfill(scripts: str) -> str:
    """The page's script tags without Babel's polyfill; unchanged when there is none."""
    return POLYFILL_TAG.sub("", scripts)


def with_language(index: str, language: str = PAGE_LANGUAGE) -> str:
    """The index with its <html> element declaring the page's language (WCAG 3.1.1: screen readers
    pick their voice by it); an index that already declares one is left alone."""
    return HTML_TAG.sub(f'<html lang="{language}"', index, count=1)


class LeanDash(Dash):
    """Dash serving the page in English without Babel's polyfill: its assets must include the
    regenerator runtime."""

    def interpolate_index(self, **kwargs) -> str:
        kwargs["scripts"] = without_polyfill(kwargs.get("scripts", ""))
        return with_language(super().interpolate_index(**kwargs))
