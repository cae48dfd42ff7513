"""The legend on the map, drawn from the same style tables as the figure, so the two cannot disagree.
It explains every mark the map can show: the story's route and its alternative, commodities, modes,
statuses (the crosses of a disrupted route included), places, events, the selection and the
scenario's marks."""

from __future__ import annotations

from dash import html

from dashboard import ids
from dashboard.figure.scenario_traces import (BOTTLENECK_COLOUR, CORRIDOR_BINDS_COLOUR, EVENT_COLOUR, OFF_LINE_COLOUR,
                                              OUT_COLOUR)
from dashboard.figure.styles import (ALTERNATIVE, CASING_COLOUR, COMMODITY_COLOURS, COMMODITY_LABELS, HIGHLIGHT_COLOUR,
                                     MODE_DASHES, MODE_LABELS, NODE_COLOUR, STATUS_STYLES, STORY)

# Plotly's named dashes as on/off lengths in px, to draw the same pattern in CSS.
DASH_PATTERNS = {"solid": (), "dot": (3, 3), "dash": (9, 5), "longdash": (14, 5), "dashdot": (9, 3, 3, 3)}


def line_sample(colour: str, dash: str = "solid", width: float = 3, opacity: float = 1.0, casing: str = "",
                marks: bool = False) -> html.Span:
    pattern = DASH_PATTERNS[dash]
    if not pattern:
        background = colour
    else:
        stops, position = [], 0
        for index, length in enumerate(pattern):
            paint = colour if index % 2 == 0 else (casing or "transparent")
            stops.append(f"{paint} {position}px {position + length}px")
            position += length
        background = f"repeating-linear-gradient(to right, {', '.join(stops)})"
    style = {"background": background, "height": f"{width}px", "opacity": opacity}
    if casing:
        style["boxShadow"] = f"0 0 0 2px {casing}"
    return html.Span("✕ ✕" if marks else "", className="line-sample" + (" marked" if marks else ""),
                     **{"aria-hidden": "true"}, style=style | ({"color": colour} if marks else {}))


def symbol_sample(symbol: str, colour: str, title_class: str = "") -> html.Span:
    return html.Span(symbol, className=f"node-sample {title_class}".strip(), **{"aria-hidden": "true"},
                     style={"color": colour})


def legend() -> html.Section:
    return html.Section(id=ids.LEGEND, className="legend", **{"aria-label": "Legend"}, children=[
        html.Ul([
            html.Li([line_sample(STORY.colour, "longdash", STORY.width, casing=CASING_COLOUR), STORY.label]),
            html.Li([line_sample(ALTERNATIVE.colour, "longdash", ALTERNATIVE.width), ALTERNATIVE.label]),
        ]),
        html.H3("Export routes by commodity (colour)"),
        html.Ul([html.Li([line_sample(COMMODITY_COLOURS[key]), COMMODITY_LABELS[key]]) for key in ("oil", "gas")]),
        html.H3("Mode (dash)"),
        html.Ul([html.Li([line_sample("#333", dash), MODE_LABELS[mode]]) for mode, dash in MODE_DASHES.items()]),
        html.H3("Status (width, marks)"),
        html.Ul([html.Li([line_sample("#333", "solid", style.width, style.opacity, marks=style.marked),
                          f"{style.label}{' (crosses along the line)' if style.marked else ''}"])
                 for style in STATUS_STYLES.values()]),
        html.H3("Places and marks"),
        html.Ul([
            html.Li([symbol_sample("●", NODE_COLOUR), "Place, position from a source"]),
            html.Li([symbol_sample("○", NODE_COLOUR), "Place, approximate position"]),
            html.Li([symbol_sample("◆", EVENT_COLOUR), "Event (disruption or agreement; hover for it)"]),
            html.Li([symbol_sample("◯", HIGHLIGHT_COLOUR, "ring"), "Place of the selected route or statement"]),
            html.Li([line_sample(BOTTLENECK_COLOUR, width=8, opacity=0.45), "Scenario: what binds the exports"]),
            html.Li([line_sample(CORRIDOR_BINDS_COLOUR, width=8, opacity=0.5), "Corridor: what binds its capacity"]),
            html.Li([line_sample(OFF_LINE_COLOUR, dash="dot", width=2), "Scenario: a route switched off (faded)"]),
            html.Li([symbol_sample("✖", OUT_COLOUR), "Scenario: a place switched off"]),
        ]),
    ])
