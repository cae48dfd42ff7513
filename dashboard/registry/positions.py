"""Is every place drawn where its sources put it? Each place's published position
(geodata/published_positions.json) against the drawn one: a place more than 30 km away that is not
flagged approximate is a problem, and so is a place said to be sourced with no published position."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from pyproj import Geod

from dashboard.registry.model import Network
from dashboard.registry.problems import Problem, ProblemLog
from dashboard.validation import read_object

GEOD = Geod(ellps="WGS84")
MAX_KM = 30.0
POSITIONS_FILE = "geodata/published_positions.json"


@dataclass(frozen=True)
class PublishedPosition:
    lat: float
    lon: float
    source: str


def load_published_positions(path: Path, log: ProblemLog) -> dict[str, PublishedPosition | None]:
    data = read_object(path, POSITIONS_FILE, log)
    positions: dict[str, PublishedPosition | None] = {}
    for node_id, raw in ((data or {}).get("positions") or {}).items():
        if raw is None:
            positions[node_id] = None
        elif (isinstance(raw, dict) and all(isinstance(raw.get(k), (int, float)) for k in ("lat", "lon"))
              and raw.get("source")):
            positions[node_id] = PublishedPosition(float(raw["lat"]), float(raw["lon"]), str(raw["source"]))
        else:
            log.add(POSITIONS_FILE, node_id, "", "needs lat, lon and source (or null when none is published)")
    return positions


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000.0


def position_problems(network: Network, published: Mapping[str, PublishedPosition | None],
                      max_km: float = MAX_KM) -> list[Problem]:
    problems = []
    for node_id in sorted(set(published) - set(network.nodes)):
        problems.append(Problem(POSITIONS_FILE, node_id, "", "is not a place of the registry"))
    for node in sorted(network.nodes.values(), key=lambda n: n.id):
        if node.approximate:
            continue  # flagged approximate or unsourced: drawn hollow, and its hover says so
        position = published.get(node.id)
        if position is None:
            problems.append(Problem(POSITIONS_FILE, node.id, "", "is drawn as sourced but has no published position"))
            continue
        km = distance_km(node.lat, node.lon, position.lat, position.lon)
        if km > max_km:
            problems.append(Problem("geodata/routes/nodes.geojson", node.id, "geometry",
                                    f"drawn {km:.0f} km from its published position ({position.lat}, {position.lon}; "
                                    f"{position.source}) and not flagged approximate"))
    return problems
