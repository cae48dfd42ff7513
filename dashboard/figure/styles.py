"""How the map looks: routes by role, commodity, mode and status; land, sea and labels. The legend
is drawn from these same tables.

The hierarchy follows the story: the Middle Corridor is the strongest mark (saturated vermillion,
heavy, on a continuous casing of its own tint, its sea legs as heavy as its rail); the Northern
corridor through Russia, its alternative, is a thin grey dash drawn beneath that casing, so where the
two share a line only the story shows; the oil and gas routes Kazakhstan exports by are context,
thinner and in their own hues (oil a dark earth brown, gas a mid blue), readable but never louder than
the story. Modes differ by dash pattern and statuses by width, transparency and a cross mark, so no
distinction rests on colour alone, and the three hues differ in lightness so a grey printer keeps them
apart.
"""

from __future__ import annotations

from dataclasses import dataclass

COMMODITY_COLOURS = {"oil": "#7a5230", "gas": "#2f86c4", "cargo": "#D55E00"}
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
    "operating": StatusStyle("Operating", 1.8, 0.9, False),
    "expanding": StatusStyle("Operating, expanding", 2.6, 0.9, False),
    "planned": StatusStyle("Planned or proposed", 1.3, 0.6, False),
    # Operating, with interruptions (CPC: its terminal shut several times in 2022-2025): not shut
    "disrupted": StatusStyle("Disrupted at times", 1.8, 0.9, True),
}


@dataclass(frozen=True)
class RouteRole:
    """What a route is to the story: its line's colour and width override the commodity's and the
    status's; `casing` is the width of the tinted line drawn beneath it (0: none); `mode_widths` widen
    the legs of a mode whose dash leaves less ink (a dotted sea leg must weigh what a dashed rail leg
    does)."""

    label: str
    short_label: str
    colour: str
    width: float
    casing: float = 0.0
    mode_widths: tuple[tuple[str, float], ...] = ()


STORY = RouteRole("The Middle Corridor (the story's route)", "Middle Corridor", "#D55E00", 4.2, 8.0,
                  (("sea", 5.6), ("ferry", 5.0)))
ALTERNATIVE = RouteRole("Northern corridor through Russia (its alternative)", "Northern corridor (Russia)", "#8a8a8a",
                        1.8)
ROUTE_ROLES = {
    "middle_corridor_black_sea": STORY,
    "middle_corridor_turkey": STORY,
    "northern_corridor": ALTERNATIVE,
}
# A tint of the line, dark enough to read on the sea's blue and the story countries' sand: between its
# dashes and dots the route stays one continuous band, the heaviest mark on the map, and a line beneath
# it (the Northern corridor in China) cannot show through the gaps.
CASING_COLOUR = "#f3bf98"

DIMMED_OPACITY = 0.15
MARK_EVERY = 6  # vertices (~120 km) between crosses on a disrupted route

NODE_SYMBOLS = {True: "circle-open", False: "circle"}  # approximate position -> open symbol
NODE_COLOUR = "#444444"
HIGHLIGHT_COLOUR = "#CC79A7"  # reddish purple: not used by any route

# Sea a clear pale blue; land off-white; the countries of the story a warm tint (a blue-ish land
# reads as water); Europe and the other neighbours a neutral grey, so the routes' ends stand on land.
SEA_COLOUR = "#cfe2ee"
LAND_COLOUR = "#f5f4f0"
BORDER_COLOUR = "#a9a9a9"
COAST_COLOUR = "#8fa7b8"


def route_colour(route_id: str, commodity: str) -> str:
    role = ROUTE_ROLES.get(route_id)
    return role.colour if role else COMMODITY_COLOURS[commodity]


def route_width(route_id: str, status: str, mode: str = "") -> float:
    role = ROUTE_ROLES.get(route_id)
    return dict(role.mode_widths).get(mode, role.width) if role else STATUS_STYLES[status].width


@dataclass(frozen=True)
class LabelStyle:
    """Map text by kind: countries in upper case, letter-spaced, mid grey; seas italic blue-grey;
    places dark beside their symbol; route names in their line's colour. Every label has a white
    halo so it reads over lines and fills."""

    size: int
    colour: str
    weight: str = "normal"
    style: str = "normal"
    case: str = "normal"


LABEL_STYLES = {
    "focus": LabelStyle(13, "#4a4a4a", "bold", case="upper"),
    # The story's small countries (Georgia, Azerbaijan): as dark and bold, a size smaller, so the name
    # fits the Caucasus between the corridor's stops.
    "focus-small": LabelStyle(11, "#4a4a4a", "bold", case="upper"),
    "country": LabelStyle(11, "#7a7a7a", case="upper"),
    "sea": LabelStyle(12, "#4d7390", style="italic"),
    "place": LabelStyle(12, "#1f1f1f"),
    "route": LabelStyle(13, "#D55E00", "bold"),
}
HALO = "0px 0px 2px #fff, 0px 0px 2px #fff, 0px 0px 3px #fff"
