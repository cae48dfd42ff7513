"""The map's layers, declared once: this tuple drives the layer toggles, the legend, the figure's
traces, the README's layer table test and the data tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MapLayer:
    id: str
    label: str
    kind: str  # "area" (a GeoJSON file of polygons), "routes" (one commodity's routes), "nodes" or "events"
    description: str  # the layer toggle's tooltip
    file: str = ""  # under geodata/, for areas
    fill: str = ""
    commodity: str = ""
    visible_by_default: bool = True


# Area fills are pale, so routes stay the strongest marks: the corridor's countries a warm tint
# (Kazakhstan, the article's subject, a shade stronger), Europe and the neighbours a neutral grey,
# the Caspian the sea's blue. No land is blue-ish: a blue land reads as water.
LAYERS: tuple[MapLayer, ...] = (
    MapLayer("china", "China", "area", "Natural Earth 1:50m boundary of China.", "layers/china.geojson", "#f4e9cf"),
    MapLayer("kazakhstan", "Kazakhstan", "area", "Natural Earth 1:50m boundary of Kazakhstan.",
             "layers/kazakhstan.geojson", "#efdcaa"),
    MapLayer("caspian_sea", "Caspian Sea", "area", "The Caspian Sea polygon of Plotly's Natural Earth ocean layer.",
             "layers/caspian_sea.geojson", "#cfe2ee"),
    MapLayer("azerbaijan", "Azerbaijan", "area", "Natural Earth 1:50m boundary of Azerbaijan.",
             "layers/azerbaijan.geojson", "#f4e9cf"),
    MapLayer("georgia", "Georgia", "area", "Natural Earth 1:50m boundary of Georgia.", "layers/georgia.geojson",
             "#f4e9cf"),
    MapLayer("europe", "Europe", "area", "EU members and the other European states the routes reach.",
             "layers/europe.geojson", "#e9e8e3"),
    MapLayer("neighbours", "Neighbours (context)", "area",
             "Russia, Türkiye, Turkmenistan, Uzbekistan, Belarus, Ukraine, Iran and other neighbours the routes cross.",
             "layers/neighbours.geojson", "#e9e8e3"),
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


def layer(layer_id: str) -> MapLayer:
    for candidate in LAYERS:
        if candidate.id == layer_id:
            return candidate
    raise KeyError(layer_id)
