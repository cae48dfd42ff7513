"""Places against their published positions: more than 30 km off and not flagged approximate is a problem."""

from types import MappingProxyType

import pytest

from dashboard.paths import PROJECT_ROOT
from dashboard.registry.model import Network, Node
from dashboard.registry.positions import PublishedPosition, distance_km, load_published_positions, position_problems
from dashboard.registry.problems import ProblemLog

CROSSING = PublishedPosition(44.233, 80.483, "Wikipedia 'Port of Khorgos'")


def network_of(*nodes):
    return Network(nodes=MappingProxyType({n.id: n for n in nodes}), legs=MappingProxyType({}),
                   routes=MappingProxyType({}))


def node(lat, lon, confidence="sourced"):
    return Node("khorgos", "Khorgos", "border", "China", lon, lat, confidence, "test")


@pytest.mark.parametrize("drawn, confidence, problems", [
    ((44.233, 80.483), "sourced", 0),
    ((44.05, 80.83), "sourced", 1),  # the Huocheng county seat, ~35 km off
    ((44.05, 80.83), "approximate", 0),  # flagged: drawn hollow, said in hover
    ((44.40, 80.483), "sourced", 0),  # ~19 km: within 30
])
def test_places_far_from_their_published_position(drawn, confidence, problems):
    found = position_problems(network_of(node(*drawn, confidence)), {"khorgos": CROSSING})
    assert len(found) == problems
    if problems:
        assert "km from its published position" in str(found[0]) and "khorgos" in str(found[0])


def test_a_sourced_place_needs_a_published_position():
    (problem,) = position_problems(network_of(node(44.2, 80.4)), {"khorgos": None})
    assert "no published position" in str(problem)


def test_distance_km():
    assert distance_km(44.05, 80.83, 44.21, 80.41) == pytest.approx(37.6, abs=1)


def test_every_real_place_is_where_its_sources_put_it(registry):
    log = ProblemLog()
    published = load_published_positions(PROJECT_ROOT / "geodata" / "published_positions.json", log)
    assert log.problems == [] and set(published) == set(registry.network.nodes)
    assert position_problems(registry.network, published) == []


def test_khorgos_is_the_crossing_and_the_kyzylorda_beyneu_rail_runs_by_shalkar(registry):
    network = registry.network
    khorgos = network.nodes["khorgos"]
    assert distance_km(khorgos.lat, khorgos.lon, 44.21, 80.41) < 10 and khorgos.country == "China"
    assert "Altynkol" in khorgos.name and "Kazakhstan" in khorgos.name
    rail = network.legs["kyzylorda-beyneu-rail"].coords
    assert max(lat for _, lat in rail) > 47.5  # by Shalkar (47.83N), not the Aral seabed (45.8N)
    assert min(distance_km(lat, lon, 47.83, 59.60) for lon, lat in rail) < 5
