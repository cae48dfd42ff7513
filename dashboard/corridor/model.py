"""What the corridor can carry, what binds, and how long a container takes, for today or a what-if.

Capacity is the maximum flow from the Chinese border to Europe in each unit (Mt/y, TEU/y), which is
the capacity of the minimum cut (networkx); an element with no sourced capacity in a unit is no limit
in it, so an unbounded path means no sourced figure limits the corridor in that unit, and the result
says so. What binds is every element that lies in some minimum cut, so the answer does not depend on
which cut the solver finds, nor on the order of the data. Transit time is summed along each branch
as low..high days, running and waiting apart; a part no source gives is named, not guessed."""

from __future__ import annotations

from dataclasses import dataclass, replace

import networkx as nx

from dashboard.corridor.network import UNITS, CorridorNetwork, Element, Figure, Volume
from dashboard.corridor.whatif import CorridorWhatIf

SCALE = {"Mt/y": 1000, "TEU/y": 1}  # the solver's integer units: kilotonnes and TEU
SUPER_SINK = "__europe__"


@dataclass(frozen=True)
class Cut:
    unit: str
    capacity: float | None  # None: no sourced figure limits the corridor in this unit
    binds: tuple[str, ...]  # element ids in some minimum cut, sorted
    volume: Volume | None  # the corridor's recent volume in this unit
    utilisation: float | None  # volume / capacity


@dataclass(frozen=True)
class Part:
    element: str
    running: tuple[float, float] | None  # None: not counted here (unsourced, included elsewhere, none)
    waiting: tuple[float, float] | None


@dataclass(frozen=True)
class BranchTime:
    branch: str
    label: str
    covers: str
    running: tuple[float, float]
    waiting: tuple[float, float]
    parts: tuple[Part, ...]
    missing: tuple[str, ...]  # element ids with a time part no source gives
    published: str

    @property
    def total(self) -> tuple[float, float]:
        return (round(self.running[0] + self.waiting[0], 2), round(self.running[1] + self.waiting[1], 2))


@dataclass(frozen=True)
class NorthernFit:
    unit: str
    offered: Volume | None  # the Northern corridor's volume; None: not published in this unit
    fits: float | None  # how much of it the corridor's spare capacity takes; None: cannot be said


@dataclass(frozen=True)
class CorridorResult:
    what_if: CorridorWhatIf
    cuts: tuple[Cut, ...]
    branches: tuple[BranchTime, ...]
    northern: tuple[NorthernFit, ...] = ()

    def cut(self, unit: str) -> Cut:
        return next(c for c in self.cuts if c.unit == unit)

    def branch(self, branch_id: str) -> BranchTime | None:
        return next((b for b in self.branches if b.branch == branch_id), None)


def enabled_elements(network: CorridorNetwork, what_if: CorridorWhatIf) -> tuple[Element, ...]:
    on = {"anaklia"} if what_if.anaklia else set()
    return tuple(e for e in network.elements.values() if not e.enabled_by or e.enabled_by in on)


def capacities(network: CorridorNetwork, what_if: CorridorWhatIf) -> dict[tuple[str, str], float | None]:
    """(element, unit) -> capacity after the what-if; None where no source gives one."""
    found = {(e.id, unit): e.capacity[unit].value if e.capacity[unit].sourced else None
             for e in network.elements.values() for unit in UNITS}
    data = network.what_ifs
    if what_if.ferries:
        key = (data.ferries_element, data.ferries_unit)
        if found.get(key) is not None:
            found[key] = found[key] * (data.fleet + what_if.ferries) / data.fleet
    if what_if.ports:
        for stated in data.ports:
            found[(stated.element, stated.unit)] = stated.value
    if what_if.btk is not None:
        found[(data.btk_element, data.btk_unit)] = what_if.btk
    return found


def times(network: CorridorNetwork, what_if: CorridorWhatIf) -> dict[str, tuple[Figure, Figure]]:
    """element -> (running, waiting) after the what-if: more vessels shorten the wait for a sailing in
    proportion to the fleet; a dwell cut shortens the border and gauge-change waits by its share."""
    data = network.what_ifs
    found = {}
    for element in network.elements.values():
        waiting = element.waiting
        if waiting.sourced:
            factor = 1.0
            if what_if.ferries and element.id == data.ferries_element:
                factor *= data.fleet / (data.fleet + what_if.ferries)
            if what_if.dwell and element.id in data.dwell_elements:
                factor *= 1 - what_if.dwell / 100
            if factor != 1.0:
                waiting = replace(waiting, low=round(waiting.low * factor, 2), high=round(waiting.high * factor, 2))
        found[element.id] = (element.running, waiting)
    return found


def _graph(network: CorridorNetwork, elements: tuple[Element, ...], caps: dict, unit: str) -> nx.DiGraph:
    # Each element is its own arc into a node of its own, so parallel elements (two border crossings,
    # two Caspian ports) stay apart and a bind names the element, not a pair of places.
    graph = nx.DiGraph()
    for element in sorted(elements, key=lambda e: e.id):
        attributes = {"element": element.id}
        capacity = caps.get((element.id, unit))
        if capacity is not None:  # networkx reads a missing capacity as unbounded
            attributes["capacity"] = round(capacity * SCALE[unit])
        graph.add_edge(element.start, ("element", element.id), **attributes)
        graph.add_edge(("element", element.id), element.end)
    graph.add_edge(network.sink, SUPER_SINK)
    return graph


def _binds(graph: nx.DiGraph, flows: dict, source: str) -> set[str]:
    """Elements in some minimum cut: saturated, with a side holding the source and the element's tail
    but neither its head nor the sink (read from the residual graph)."""
    residual = nx.DiGraph()
    residual.add_nodes_from(graph)
    for u, v, data in graph.edges(data=True):
        if "capacity" not in data or flows[u][v] < data["capacity"]:
            residual.add_edge(u, v)
        if flows[u][v] > 0:
            residual.add_edge(v, u)
    from_source = nx.descendants(residual, source) | {source}
    binds = set()
    for u, v, data in graph.edges(data=True):
        if "capacity" not in data or flows[u][v] < data["capacity"]:
            continue
        side = from_source | nx.descendants(residual, u) | {u}
        if v not in side and SUPER_SINK not in side:
            binds.add(data["element"])
    return binds


def minimum_cut(network: CorridorNetwork, elements: tuple[Element, ...], caps: dict, unit: str) -> Cut:
    volume = network.volume(unit)
    graph = _graph(network, elements, caps, unit)
    if network.source not in graph or SUPER_SINK not in graph:
        return Cut(unit, 0.0, (), volume, None)
    try:
        value, flows = nx.maximum_flow(graph, network.source, SUPER_SINK)
    except nx.NetworkXUnbounded:
        return Cut(unit, None, (), volume, None)
    capacity = value / SCALE[unit]
    utilisation = volume.value / capacity if volume and capacity else None
    return Cut(unit, round(capacity, 3), tuple(sorted(_binds(graph, flows, network.source))), volume,
               round(utilisation, 4) if utilisation is not None else None)


def branch_time(network: CorridorNetwork, branch, parts_of: dict[str, tuple[Figure, Figure]]) -> BranchTime:
    running, waiting, parts, missing = [0.0, 0.0], [0.0, 0.0], [], []
    for element_id in branch.elements:
        figures = parts_of[element_id]
        counted = []
        for total, figure in zip((running, waiting), figures):
            if figure.sourced:
                total[0] += figure.low
                total[1] += figure.high
                counted.append((figure.low, figure.high))
            else:
                counted.append(None)
                if figure.missing and element_id not in missing:
                    missing.append(element_id)
        parts.append(Part(element_id, counted[0], counted[1]))
    return BranchTime(branch.id, branch.label, branch.covers, (round(running[0], 2), round(running[1], 2)),
                      (round(waiting[0], 2), round(waiting[1], 2)), tuple(parts), tuple(missing), branch.published)


def northern_fits(network: CorridorNetwork, cuts: tuple[Cut, ...]) -> tuple[NorthernFit, ...]:
    """How much of the Northern corridor's cargo the Middle Corridor's spare capacity takes, per unit."""
    offered = {v.unit: v for v in network.what_ifs.northern_volumes}
    fits = []
    for cut in cuts:
        volume = offered.get(cut.unit)
        if volume is None or cut.capacity is None or cut.volume is None:
            fits.append(NorthernFit(cut.unit, volume, None))
            continue
        room = max(0.0, cut.capacity - cut.volume.value)
        fits.append(NorthernFit(cut.unit, volume, round(min(volume.value, room), 3)))
    return tuple(fits)


def corridor_result(network: CorridorNetwork, what_if: CorridorWhatIf = CorridorWhatIf()) -> CorridorResult:
    elements = enabled_elements(network, what_if)
    caps = capacities(network, what_if)
    cuts = tuple(minimum_cut(network, elements, caps, unit) for unit in UNITS)
    parts_of = times(network, what_if)
    on = {e.id for e in elements}
    branches = tuple(branch_time(network, b, parts_of) for b in sorted(network.branches, key=lambda b: b.id)
                     if (not b.enabled_by or (b.enabled_by == "anaklia" and what_if.anaklia)) and set(b.elements) <= on)
    return CorridorResult(what_if, cuts, branches, northern_fits(network, cuts) if what_if.northern else ())


def binding_legs(network: CorridorNetwork, result: CorridorResult) -> tuple[str, ...]:
    """The registry legs of every binding element, in either unit, for the map to draw (sorted)."""
    binds = {element for cut in result.cuts for element in cut.binds}
    return tuple(sorted({leg for element in binds for leg in network.elements[element].legs}))


def binding_places(network: CorridorNetwork, result: CorridorResult) -> tuple[str, ...]:
    """The registry places of every binding element (a port has no leg of its own), sorted."""
    return tuple(sorted({network.elements[e].place for cut in result.cuts for e in cut.binds}))
