"""Everything the app reads, loaded and validated once at start-up and then frozen.

Registry, statements and what is derived from geometry (computed lengths, transit countries) are
prepared here, apart from the UI, so callbacks never read a file or compute a geometry.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Mapping

from dashboard.cargo import CargoRow, load_cargo_comparison
from dashboard.corridor.network import CorridorNetwork, load_corridor_network
from dashboard.figure.bundles import drawn_lanes
from dashboard.paths import DataPaths
from dashboard.registry.geometry import countries_from_registry, main_line_length_km, route_length_km, transit_countries
from dashboard.registry.load import Registry, load_registry
from dashboard.registry.model import frozen_mapping
from dashboard.search import SearchEntry, search_entries
from dashboard.registry.problems import DataError, ProblemLog
from dashboard.scenario.network import OilNetwork, TimelineEvent, load_oil_network, load_timeline
from dashboard.statements.seeds import Corpus, load_corpus
from dashboard.url_state import Vocabulary


RUSSIA = "Russia"


@dataclass(frozen=True)
class RouteGeometryFacts:
    """Figures computed from the drawn geometry, shown labelled as computed."""

    drawn_km: float  # every leg of the route
    main_line_km: float  # the path the published length measures
    transit_countries: tuple[str, ...]


@dataclass(frozen=True)
class AppData:
    registry: Registry
    corpus: Corpus
    computed: Mapping[str, RouteGeometryFacts]
    oil: OilNetwork
    timeline: tuple[TimelineEvent, ...]
    cargo: tuple[CargoRow, ...] = ()  # China-Europe container routes compared (Compare tab)
    search: tuple[SearchEntry, ...] = ()  # what the search box finds: routes, places, seas, countries
    corridor: CorridorNetwork | None = None  # the Middle Corridor's cargo network (Corridor tab)

    def event(self, event_id: str | None) -> TimelineEvent | None:
        return next((e for e in self.timeline if e.id == event_id), None)

    @property
    def vocabulary(self) -> Vocabulary:
        """What a link may name: routes, statements, switches, resizable legs and events."""
        ranges = {e.id: (0.0, e.expandable_to) for e in self.oil.expandable}
        for event in self.timeline:  # an event may only lower a leg it names
            for edge_id, _ in event.capacities:
                edge = self.oil.edges[edge_id]
                ranges.setdefault(edge_id, (0.0, edge.expandable_to or edge.capacity or 0.0))
        return Vocabulary(routes=frozenset(self.registry.network.routes),
                          statements=frozenset(s.id for s in self.corpus.statements),
                          switches=frozenset(self.oil.switches),
                          capacity_ranges=tuple(sorted((k, lo, hi) for k, (lo, hi) in ranges.items())),
                          events=frozenset(e.id for e in self.timeline),
                          places=frozenset(self.registry.network.nodes))

    @property
    def data_as_of(self) -> str:
        """The latest date any route's status is given for: the 'data as of' of the whole map."""
        return max(route.status_as_of for route in self.registry.network.routes.values())


def compute_geometry_facts(registry: Registry) -> Mapping[str, RouteGeometryFacts]:
    countries = countries_from_registry(registry)
    network = registry.network
    return frozen_mapping({
        route_id: RouteGeometryFacts(
            drawn_km=route_length_km(network, route_id), main_line_km=main_line_length_km(network, route_id),
            transit_countries=transit_countries(network, route_id, countries))
        for route_id in network.routes
    })


def load_app_data(paths: DataPaths = DataPaths()) -> AppData:
    """Load and cross-check everything; raises one DataError listing every problem in data and seeds."""
    problems = []
    registry = None
    try:
        registry = load_registry(paths)
    except DataError as exc:
        problems += exc.problems
    try:
        network = registry.network if registry else None
        corpus = load_corpus(paths.seeds, network.routes if network else None, network.nodes if network else None)
    except DataError as exc:
        problems += exc.problems
    oil, timeline, corridor = None, (), None
    if registry is not None:
        log = ProblemLog()
        oil = load_oil_network(paths.geodata / "oil_network.json", registry.network, log)
        timeline = load_timeline(paths.geodata / "events.json", oil, registry.network, log)
        corridor = load_corridor_network(paths.geodata / "corridor_network.json", registry.network, log)
        problems += log.problems
    log = ProblemLog()
    cargo = load_cargo_comparison(paths.geodata / "cargo_comparison.json", log)
    problems += log.problems
    if problems:
        raise DataError(problems)
    computed = compute_geometry_facts(registry)
    registry = replace(registry, russia_routes=frozenset(
        route_id for route_id, facts in computed.items() if RUSSIA in facts.transit_countries),
        lanes=MappingProxyType(drawn_lanes(registry.network)))
    return AppData(registry=registry, corpus=corpus, computed=computed, oil=oil, search=search_entries(registry),
                   timeline=timeline, cargo=cargo, corridor=corridor)
