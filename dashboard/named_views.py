"""Named starting views, one click (and one link) away: the questions people open the map with.
Each is a View; its link is that view's address, so a named view is also a URL anyone can send."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.registry.layers import AREA_LAYERS
from dashboard.url_state import encode
from dashboard.view import View

AREAS = frozenset(layer.id for layer in AREA_LAYERS)


@dataclass(frozen=True)
class NamedView:
    id: str
    label: str
    description: str
    view: View

    @property
    def query(self) -> str:
        return encode(self.view)


NAMED_VIEWS: tuple[NamedView, ...] = (
    NamedView("middle-corridor", "Middle Corridor",
              "Both branches of the Trans-Caspian route, China to Constanța and to Istanbul, and nothing else",
              View(layers=AREAS | {"cargo", "nodes"}, russia="avoids")),
    NamedView("oil-today", "Oil exports today", "The oil routes in use, with the events that disrupted them",
              View(layers=AREAS | {"oil", "nodes", "events"}, statuses=frozenset({"operating", "expanding",
                                                                                   "disrupted"}))),
    # The knot where a dozen routes cross the Caspian and the Caucasus, zoomed so each can be told apart.
    NamedView("caucasus", "Caspian & Caucasus close-up",
              "The Caspian crossing and the Caucasus, where a dozen routes run side by side, zoomed in",
              View(center=(46.3, 41.6), scale=8.0)),
    NamedView("gas", "Gas", "The gas pipelines, operating and proposed", View(layers=AREAS | {"gas", "nodes"})),
    NamedView("through-russia", "Through Russia", "Every route that crosses or ends in Russia",
              View(russia="crosses")),
    NamedView("avoiding-russia", "Avoiding Russia", "Every route that does not touch Russia", View(russia="avoids")),
    NamedView("everything", "Everything", "All routes, places and events", View()),
)
