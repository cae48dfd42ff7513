"""A block of README.md generated from the model, between two markers: replaced by a script's
`--write`, held to the model by a test (tools/scenario_table.py, tools/corridor_table.py)."""

from __future__ import annotations

import re
from typing import Callable

from dashboard.appdata import AppData, load_app_data
from dashboard.paths import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def with_block(readme: str, text: str, start: str, end: str) -> str:
    """The README with the block between the markers replaced by `text`."""
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if not pattern.search(readme):
        raise SystemExit(f"README.md has no {start} … {end} block")
    return pattern.sub(lambda _: f"{start}\n{text}\n{end}", readme)


def main(argv: list[str], table: Callable[[AppData], str], start: str, end: str) -> None:
    """Print the block, or with --write put it in the README."""
    text = table(load_app_data())
    if "--write" in argv:
        README.write_text(with_block(README.read_text(encoding="utf-8"), text, start, end), encoding="utf-8")
    else:
        print(text)
