"""Where a report's blocks go: the map as large as the page allows, everything else around it.

Plotly draws the map at the shape of its range box (EXTENT_ASPECT, frame.py), fitted inside the plot
area: a plot area of another shape left bands of white above and below the map or beside it (13–18 mm
on an A4 page). So the plot area is made exactly the map's shape, and the page's blocks are placed to
make it as large as they can: the legend beside the map or on it (in the empty south, bottom right),
the pull quote above it (across the page) or in a column beside it. Every arrangement is measured and
the one that draws the story widest wins; a legend over the map or a quote in a column must win by
more than PREFERENCE_MARGIN, since a legend beside the map covers nothing and a quote above reads first.
Spare width is shared out on both sides, so the map (with its legend) sits in the middle, or, beside a
quote in its column, goes after the map, so the quote lines up with the title; spare height falls below
the caption, which follows the map directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from dashboard.export.presets import SizeError
from dashboard.figure.frame import EXTENT_ASPECT

SIDE_PX = 12  # the page's left and right margins
GAP_PX = 10  # between the map and a block beside or above it
QUOTE_PAD_PX = 4  # the quote box's padding, each side
QUOTE_COLUMN = (0.25, 170, 300)  # a quote beside the map: this share of the page, within these px
# A quote in its column is set larger where the whole of it still fits, up to this much of the map's
# height: at the base size a slide's quote filled a third of its column and left the rest blank.
QUOTE_SCALES = (1.6, 1.45, 1.3, 1.15)
QUOTE_FILL = 0.8
PREFERENCE_MARGIN = 1.03

# The pull quote's lines at a width in px, at most so many: (the quotation, its attribution).
QuoteAt = Callable[[float, int], tuple[list[str], list[str]]]


@dataclass(frozen=True)
class Plan:
    margin: dict  # l, r, t, b in layout px: the plot area is the map's frame
    legend: str  # "beside" | "on-map" | "sentence" (a compact preset's key, in the caption)
    quote: str  # "" | "above" | "beside"
    quote_lines: tuple[tuple[str, ...], tuple[str, ...]]
    quote_width: float  # the quote box's text width, px
    map_px: tuple[float, float]
    head_px: float  # title and subtitle; a quote above starts here
    quote_scale: float = 1.0  # the quote's type size, times the base size (larger in a roomy column)


def quote_height(lines: tuple, line_px: float) -> float:
    body, attribution = lines
    return (len(body) + len(attribution)) * line_px + 2 * QUOTE_PAD_PX


def plan(width: float, height: float, head_px: float, caption_px: float, legend_px: float,
         quote_at: QuoteAt | None = None, quote_line_px: float = 14.3, on_map_px: float = 0.0,
         sentence_px: float = 0.0) -> Plan:
    """The arrangement that draws the map widest. `legend_px` is the legend column's width (0: the
    legend is always a sentence of the caption, `sentence_px` high), `on_map_px` the width of the
    legend laid across the map's foot (it goes there only on a map that wide); a page too narrow for
    either has the sentence. The caption spans the page under the map."""
    inner = width - 2 * SIDE_PX
    legends = ("beside", "on-map", "sentence") if legend_px else ("sentence",)
    quotes = ("above", "beside") if quote_at else ("",)
    best: tuple[float, Plan] | None = None
    for legend, quote in ((l, q) for q in quotes for l in legends):
        right = legend_px + GAP_PX if legend == "beside" else 0.0
        top, left, lines, quote_width = head_px, 0.0, ((), ()), 0.0
        if quote == "above":
            quote_width = inner - 2 * QUOTE_PAD_PX
            body, attribution = quote_at(quote_width, 8)
            lines = (tuple(body), tuple(attribution))
            top += quote_height(lines, quote_line_px) + GAP_PX
        elif quote == "beside":
            share, low, high = QUOTE_COLUMN
            column = min(high, max(low, share * width))
            quote_width = column - 2 * QUOTE_PAD_PX
            left = column + GAP_PX
        below = caption_px + (sentence_px if legend == "sentence" and legend_px else 0.0)
        w, h = inner - left - right, height - top - below
        if w <= 0 or h <= 0:
            continue
        map_w = min(w, EXTENT_ASPECT * h)
        map_h = map_w / EXTENT_ASPECT
        if legend == "on-map" and map_w < on_map_px:
            continue
        scale = 1.0
        if quote == "beside":  # as many lines as the map is tall
            most = int((map_h - 2 * QUOTE_PAD_PX) // quote_line_px)
            body, attribution = quote_at(quote_width, most)
            lines = (tuple(body), tuple(attribution))
            if most < len(attribution) + 2 or quote_height(lines, quote_line_px) > map_h:
                continue  # no room beside the map for two lines of it: it goes above
            lines, scale = larger_quote(quote_at, quote_width, map_h, quote_line_px, lines)
        spare_w, spare_h = w - map_w, h - map_h
        # Spare width either side of the map, or (a quote in its column, aligned with the title) after it.
        before = 0.0 if quote == "beside" else spare_w / 2
        candidate = Plan(
            margin={"l": SIDE_PX + left + before, "r": SIDE_PX + right + spare_w - before, "t": top,
                    "b": below + spare_h},
            legend=legend, quote=quote, quote_lines=lines, quote_width=quote_width, map_px=(map_w, map_h),
            head_px=head_px, quote_scale=scale)
        score = map_w / PREFERENCE_MARGIN ** ((legend != "beside" and bool(legend_px)) + (quote == "beside"))
        if best is None or score > best[0]:
            best = (score, candidate)
    if best is None:
        raise SizeError(f"a {width:g}×{height:g} px page has no room for the map beside its title and caption: "
                        "give it more height (or export without the quote)")
    return best[1]


def larger_quote(quote_at: QuoteAt, width: float, map_h: float, line_px: float,
                 lines: tuple) -> tuple[tuple, float]:
    """The quote in its column at the largest of QUOTE_SCALES at which the whole of it fits in
    QUOTE_FILL of the map's height; as it was (base size, perhaps cut) where none does. Set k times
    larger, a line holds what width / k holds at the base size."""
    for scale in QUOTE_SCALES:
        body, attribution = quote_at(width / scale, 10_000)  # uncut
        if quote_height((body, attribution), line_px * scale) <= QUOTE_FILL * map_h:
            return (tuple(body), tuple(attribution)), scale
    return lines, 1.0
