"""What the user is looking at: visible layers, status filter and selection. Pure and frozen.

A View is the one description of a screen: the figure, the panels and (later) the URL are all
derived from it, so two users never share one and a link can reproduce it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping

from dashboard.registry.layers import LAYER_IDS, LAYERS
from dashboard.registry.model import STATUSES

DEFAULT_LAYERS = frozenset(layer.id for layer in LAYERS if layer.visible_by_default)


@dataclass(frozen=True)
class View:
    layers: frozenset[str] = DEFAULT_LAYERS
    statuses: frozenset[str] = frozenset(STATUSES)
    route: str | None = None
    statement: str | None = None

    def to_store(self) -> dict[str, Any]:
        """A JSON-able dict, with lists in registry order so equal views give equal dicts."""
        return {
            "layers": [layer_id for layer_id in LAYER_IDS if layer_id in self.layers],
            "statuses": [status for status in STATUSES if status in self.statuses],
            "route": self.route,
            "statement": self.statement,
        }

    @classmethod
    def from_store(cls, data: Mapping[str, Any] | None) -> "View":
        if not data:
            return cls()
        return cls(
            layers=frozenset(x for x in data.get("layers", ()) if x in LAYER_IDS),
            statuses=frozenset(x for x in data.get("statuses", ()) if x in STATUSES),
            route=data.get("route") if isinstance(data.get("route"), str) else None,
            statement=data.get("statement") if isinstance(data.get("statement"), str) else None,
        )


def with_layers(view: View, layers: list[str] | None) -> View:
    return replace(view, layers=frozenset(x for x in (layers or ()) if x in LAYER_IDS))


def with_statuses(view: View, statuses: list[str] | None) -> View:
    return replace(view, statuses=frozenset(x for x in (statuses or ()) if x in STATUSES))


def select_route(view: View, route_id: str | None) -> View:
    """Selecting a route shows its details; selecting it again (or nothing) clears it. A selected
    statement stays, so its quote remains in view while the user reads the routes it names."""
    if route_id == view.route:
        route_id = None
    return replace(view, route=route_id)


def select_statement(view: View, statement_id: str | None) -> View:
    if statement_id == view.statement:
        statement_id = None
    return replace(view, statement=statement_id)


def clear_selection(view: View) -> View:
    return replace(view, route=None, statement=None)
