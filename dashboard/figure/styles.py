"""How routes look, by commodity, mode and status. The legend is drawn from these same tables.

Colours are from the Okabe-Ito palette, chosen so the three commodities also differ in lightness
(near-black, vermillion, sky blue) and survive a grey printer; modes differ by dash pattern and
statuses by width, transparency and a cross mark, so no distinction rests on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

COMMODITY_COLOURS = {"oil": "#222222", "gas": "#56B4E9", "cargo": "#D55E00"}
COMMODITY_LABELS = {"oil": "Oil", "gas": "Gas", "cargo": "Cargo (containers, general)"}
MODE_DASHES = {"pipeline": "solid", "rail": "longdash", "sea": "dot", "ferry": "dashdot", "road": "dash"}
MODE_LABELS = {"pipeline": "Pipeline", "rail": "Rail", "sea": "Sea (tanker, short-sea)", "ferry": "Ferry / ro-ro",
               "road": "Road"}


@dataclass(frozen=True)
class StatusStyle:
    label: str
    width: float
    opacity: float
    marked: bool  # crosses along the line


STATUS_STYLES = {
    "operating": StatusStyle("Operating", 2.2, 0.95, False),
    "expanding": StatusStyle("Operating, expanding", 3.6, 0.95, False),
    "planned": StatusStyle("Planned or proposed", 1.4, 0.55, False),
    "disrupted": StatusStyle("Disrupted", 2.2, 0.95, True),
}
DIMMED_OPACITY = 0.15
MARK_EVERY = 6  # vertices (~120 km) between crosses on a disrupted route

NODE_SYMBOLS = {True: "circle-open", False: "circle"}  # approximate position -> open symbol
NODE_COLOUR = "#444444"
HIGHLIGHT_COLOUR = "#CC79A7"  # reddish purple: not used by any commodity
