"""The legend, drawn from the same style tables as the figure, so the two cannot disagree."""

from __future__ import annotations

from dash import html

from dashboard import ids
from dashboard.figure.styles import (COMMODITY_COLOURS, COMMODITY_LABELS, MODE_DASHES, MODE_LABELS, NODE_COLOUR,
                                     STATUS_STYLES)

# Plotly's named dashes as on/off lengths in px, to draw the same pattern in CSS.
DASH_PATTERNS = {"solid": (), "dot": (3, 3), "dash": (9, 5), "longdash": (14, 5), "dashdot": (9, 3, 3, 3)}


def line_sample(colour: str, dash: str = "solid", width: float = 3, opacity: float = 1.0) -> html.Span:
    pattern = DASH_PATTERNS[dash]
    if not pattern:
        background = colour
    else:
        stops, position = [], 0
        for index, length in enumerate(pattern):
            paint = colour if index % 2 == 0 else "transparent"
            stops.append(f"{paint} {position}px {position + length}px")
            position += length
        background = f"repeating-linear-gradient(to right, {', '.join(stops)})"
    return html.Span(className="line-sample", **{"aria-hidden": "true"},
                     style={"background": background, "height": f"{width}px", "opacity": opacity})


def legend() -> html.Section:
    return html.Section(id=ids.LEGEND, className="legend", **{"aria-label": "Legend"}, children=[
        html.H2("Legend"),
        html.H3("Commodity (colour)"),
        html.Ul([html.Li([line_sample(colour), label]) for key, colour in COMMODITY_COLOURS.items()
                 for label in [COMMODITY_LABELS[key]]]),
        html.H3("Mode (dash)"),
        html.Ul([html.Li([line_sample("#333", dash), MODE_LABELS[mode]]) for mode, dash in MODE_DASHES.items()]),
        html.H3("Status (width, marks)"),
        html.Ul([html.Li([line_sample("#333", "solid", style.width, style.opacity),
                          f"{style.label}{' (crosses along the line)' if style.marked else ''}"])
                 for style in STATUS_STYLES.values()]),
        html.H3("Places"),
        html.Ul([
            html.Li([html.Span("●", className="node-sample", style={"color": NODE_COLOUR}), "Position from a source"]),
            html.Li([html.Span("○", className="node-sample", style={"color": NODE_COLOUR}),
                     "Approximate position (a city used as a proxy, or unsourced)"]),
        ]),
    ])
