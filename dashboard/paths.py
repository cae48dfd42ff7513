"""Where the shipped data lives. The defaults are the checkout's own folders; tests pass others."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class DataPaths:
    geodata: Path = PROJECT_ROOT / "geodata"
    seeds: Path = PROJECT_ROOT / "seeds"
    assets: Path = PROJECT_ROOT / "assets"

    @property
    def base_map(self) -> Path:
        """Plotly's base map (land, coastlines, lakes), named as Plotly asks for it."""
        return self.assets / "topojson" / "world_50m.json"

    @property
    def print_base_map(self) -> Path:
        """The same, as fine outside the close-ups' box as in it, for the exports (geodata/base_map.py)."""
        return self.assets / "topojson" / "print" / "world_50m.json"

    @property
    def layers(self) -> Path:
        return self.geodata / "layers"

    @property
    def routes(self) -> Path:
        return self.geodata / "routes"

    @property
    def manifest(self) -> Path:
        return self.geodata / "manifest.json"
