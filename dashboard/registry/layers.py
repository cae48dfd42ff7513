"""The map's layers, declared once: this tuple drives the layer toggles, the legend, the figure's
traces, the README's layer table test and the data tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MapLayer:
    id: str
    label: str
    kind: str  # "area" (a GeoJSON file of polygons), "routes" (one commodity's routes) or "nodes"
    description: str
    file: str = ""  # under geodata/, for areas
    fill: str = ""
    commodity: str = ""
    visible_by_default: bool = True


# Area fills are pale and distinct in lightness, so routes stay the strongest marks and the areas
# still separate when printed in grey.
LAYERS: tuple[MapLayer, ...] = (
    MapLayer("china", "China", "area", "Natural Earth 1:50m boundary of China.", "layers/china.geojson", "#f3e3c3"),
    MapLayer("kazakhstan", "Kazakhstan", "area", "Natural Earth 1:50m boundary of Kazakhstan.",
             "layers/kazakhstan.geojson", "#fbe9a6"),
    MapLayer("caspian_sea", "Caspian Sea", "area", "The Caspian Sea polygon of Plotly's Natural Earth ocean layer.",
             "layers/caspian_sea.geojson", "#b9d7ea"),
    MapLayer("azerbaijan", "Azerbaijan", "area", "Natural Earth 1:50m boundary of Azerbaijan.",
             "layers/azerbaijan.geojson", "#d9ead3"),
    MapLayer("georgia", "Georgia", "area", "Natural Earth 1:50m boundary of Georgia.", "layers/georgia.geojson",
             "#e6d8ee"),
    MapLayer("europe", "Europe", "area", "EU members and the other European states the routes reach.",
             "layers/europe.geojson", "#dde4f0"),
    MapLayer("neighbours", "Neighbours (context)", "area",
             "Russia, Türkiye, Turkmenistan, Uzbekistan, Belarus, Ukraine, Iran and other neighbours the routes cross.",
             "layers/neighbours.geojson", "#ececec"),
    MapLayer("oil", "Oil routes", "routes", "Crude-oil export routes: pipelines, tanker and rail legs.",
             commodity="oil"),
    MapLayer("gas", "Gas routes", "routes", "Natural-gas pipelines, operating and proposed.", commodity="gas"),
    MapLayer("cargo", "Cargo corridors", "routes", "Container and general-cargo corridors: the Middle Corridor and "
             "the Northern rail corridor it is the alternative to.", commodity="cargo"),
    MapLayer("nodes", "Places", "nodes", "Ports, terminals, border crossings, junctions and fields."),
    MapLayer("events", "Events", "events", "Dated disruptions and agreements of 2022-2025, where they happened."),
)

LAYER_IDS = tuple(layer.id for layer in LAYERS)
AREA_LAYERS = tuple(layer for layer in LAYERS if layer.kind == "area")
ROUTE_LAYERS = tuple(layer for layer in LAYERS if layer.kind == "routes")


def layer(layer_id: str) -> MapLayer:
    for candidate in LAYERS:
        if candidate.id == layer_id:
            return candidate
    raise KeyError(layer_id)
