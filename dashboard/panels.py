"""The side panel's tabs, declared once: this table drives the view's valid panels, the URL's
`panel=`, the tab buttons and their labels, the sections of the page (ui/layout.py builds one per
entry) and the test that the stylesheet shows each. The first is the default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    id: str  # in the URL (panel=...), the page's root class (panel-ID) and the section's (ID-section)
    label: str
    lazy: bool = False  # built when first opened: a large tab seldom needed with the page


SIDE_PANELS: tuple[Panel, ...] = (
    Panel("statements", "What was said"),
    Panel("details", "Route details"),
    Panel("table", "Compare", lazy=True),
    Panel("scenario", "Scenarios", lazy=True),
    Panel("corridor", "Corridor", lazy=True),
    Panel("export", "Export"),
)
PANELS = tuple(panel.id for panel in SIDE_PANELS)
