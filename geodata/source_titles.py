"""Titles for the URLs the fact sheet cites, read from the fact sheet's own prose.

route-facts.json lists sources as bare URLs; route-facts.md names each one where it cites it, as
"Interfax 26 Feb 2025 (https://...)". Reading the names from there keeps one place where a source
is named, instead of a second hand-typed list that could drift from it.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

_CITATION = re.compile(r"([^|;()\n]{2,120}?)\s*\((https?://[^\s)]+)\)")
# Leading value labels in disputed cells ("50: hydrocarbons-technology") are not part of the name.
_VALUE_PREFIX = re.compile(r"^[\d.,~]+\s*(?:Mt|bcm|km)?\s*:\s*")


def titles_from_markdown(markdown: str) -> dict[str, str]:
    titles: dict[str, str] = {}
    for match in _CITATION.finditer(markdown):
        label = match.group(1).strip(" ,;:*·-").strip()
        label = _VALUE_PREFIX.sub("", label).strip(" *")
        url = match.group(2).rstrip(".,")
        if label and url not in titles:
            titles[url] = label
    return titles


def host_title(url: str) -> str:
    """A last-resort title for a URL the prose never names: its host, without 'www.'."""
    host = urlparse(url).netloc
    return host[4:] if host.startswith("www.") else host


def source_record(url: str, titles: dict[str, str]) -> dict[str, str]:
    return {"title": titles.get(url) or host_title(url), "url": url}
