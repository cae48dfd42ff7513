"""A scenario's result in words and figures, for the Scenarios tab and the README's table alike:
which figure is today's (the sources' volumes), which is the floor and which the ceiling, and where the
data leave a split open. Pure text; no Dash."""

from __future__ import annotations

import math
import re
from typing import Mapping

from dashboard.scenario.flow import Bound, FlowResult, RouteFlow
from dashboard.scenario.network import OilNetwork

FLOOR_MEANS = "the other routes carry what they carried in {year}"
CEILING_MEANS = "every other route up to its capacity"


def mt(value: float) -> str:
    return f"{value:,.1f}"


def percent(value: float) -> str:
    return f"{math.floor(value * 100 + 0.5)} %"


def span(low: float, high: float, text) -> str:
    """One figure when the data decide it, else 'low–high'."""
    return text(low) if text(low) == text(high) else f"{text(low)}–{text(high)}"


def share_text(bounds: tuple[float, float]) -> str:
    return span(*bounds, percent)


def hhi_text(bounds: tuple[float, float]) -> str:
    return span(*bounds, lambda x: f"{math.floor(x + 0.5):,}")


def route_text(route: RouteFlow | None) -> str:
    return "—" if route is None else span(route.low, route.high, mt)


def binds_text(oil: OilNetwork, bound: Bound) -> str:
    """What limits a bound: the legs in a minimum cut, or the oil there is to move."""
    if bound.binds:
        return "; ".join(oil.edges[e].label for e in bound.binds)
    return "nothing on the network: the oil to move binds" if bound.supply_binds else "nothing"


def short_binds_text(oil: OilNetwork, bound: Bound, names: Mapping[str, str]) -> str:
    """The same, naming each leg by its short id label (for a table cell)."""
    if bound.binds:
        return ", ".join(names.get(e, e) for e in bound.binds)
    return "nothing: the oil to move binds" if bound.supply_binds else "nothing"


def open_split_text(bound: Bound, route_names: Mapping[str, str]) -> str:
    """Where the data do not decide which route carries the oil, say so and between which routes."""
    if bound.decided:
        return ""
    open_routes = [f"{route_names.get(r.route, r.route)} {route_text(r)}" for r in bound.routes if not r.decided]
    return ("The data do not decide how this splits: " + "; ".join(open_routes)
            + " Mt/y. The share through Russia and the index are given as the range of every split.")


def headline(result: FlowResult, year: int) -> str:
    if not result.changed:
        return (f"Today ({year}): the routes carried {mt(result.today)} Mt of the {mt(result.supply)} Mt "
                f"Kazakhstan exported.")
    return (f"Kazakhstan could export between {mt(result.floor.total)} Mt/y (floor: "
            f"{FLOOR_MEANS.format(year=year)}) and {mt(result.ceiling.total)} Mt/y (ceiling: {CEILING_MEANS}), "
            f"of the {mt(result.supply)} Mt it exported in {year}.")


def short_label(label: str) -> str:
    """An edge's label up to its first parenthesis or colon: 'Atyrau-Samara (17-17.5 Mt/y)' -> 'Atyrau-Samara'."""
    return re.split(r" \(|:", label, maxsplit=1)[0]
