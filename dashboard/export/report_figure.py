"""The exported figure: the map exactly as the view shows it (layers, filters, selection, highlighted
statement, pan and zoom), made into a figure for a report: title and subtitle, legend, a caption with
the routes shown and the sources of every figure they carry, the Natural Earth attribution, a
boundary disclaimer, the data's date and the link that reopens the view; optionally the selected
statement as a pull quote."""

from __future__ import annotations

import html
import textwrap

from dashboard.appdata import AppData
from dashboard.captions import ATTRIBUTION, TITLE
from dashboard.export.presets import ExportSize
from dashboard.figure.map_figure import build_figure, scenario_result, trace_keys, trace_visible
from dashboard.figure.styles import (COMMODITY_COLOURS, COMMODITY_LABELS, MODE_DASHES, MODE_LABELS, NODE_COLOUR,
                                     STATUS_STYLES)
from dashboard.registry.layers import LAYERS
from dashboard.statements.model import DIRECT
from dashboard.view import View

FONT = "Arial, Helvetica, sans-serif"  # present in headless Chromium's font set and in every viewer
CAPTION_FONT_PX = 9
LEGEND_WIDTH_PX = 190
TITLE_BLOCK_PX = 62


def _text(value: str) -> str:
    """Plain text for a Plotly label: its HTML-like markup is escaped, never interpreted."""
    return html.escape(value, quote=False)


def visible_routes(data: AppData, view: View) -> list:
    keys = trace_keys(data.registry)
    shown = {key[1] for key in keys if key[0] == "route" and trace_visible(key, data.registry, view)}
    return [route for route in data.registry.network.routes.values() if route.id in shown]


def caption_sources(routes) -> list[str]:
    titles: dict[str, None] = {}
    for route in routes:
        for source in route.status_sources + (route.capacity.sources if route.capacity else ()):
            titles.setdefault(source.title)
    return list(titles)


def subtitle(data: AppData, view: View) -> str:
    parts = []
    if view.statement and data.corpus.statement(view.statement):
        parts.append("Highlighted: the routes the selected statement concerns")
    elif view.route:
        parts.append(f"Highlighted: {data.registry.network.routes[view.route].name}")
    hidden_layers = [layer.label for layer in LAYERS if layer.id not in view.layers]
    if hidden_layers:
        parts.append(f"Hidden: {', '.join(hidden_layers)}")
    hidden_statuses = [STATUS_STYLES[s].label for s in STATUS_STYLES if s not in view.statuses]
    if hidden_statuses:
        parts.append(f"Statuses not shown: {', '.join(hidden_statuses)}")
    if view.off or view.capacities:
        result = scenario_result(view, data.oil)
        event = data.event(view.event)
        parts.append(f"Scenario{' ' + event.date if event else ''}: Kazakhstan can export {result.total:,.1f} of "
                     f"{result.supply:,.1f} Mt/y")
    if not parts:
        parts.append("Kazakhstan's oil and gas export routes beside the Middle Corridor")
    return " · ".join(parts)


def wrap(text: str, width_px: float, font_px: float) -> list[str]:
    columns = max(20, int(width_px / (font_px * 0.52)))
    return textwrap.wrap(text, columns, break_long_words=True, break_on_hyphens=False)


def caption_lines(data: AppData, view: View, link: str, width_px: float) -> list[str]:
    routes = visible_routes(data, view)
    # Non-breaking spaces keep each route's name on one line of the caption.
    names = [r.short_name.replace(" ", "\u00a0") for r in routes]
    text = (f"Routes shown: {'; '.join(names) or 'none'}. "
            f"Sources: {'; '.join(caption_sources(routes)) or 'none'}. {ATTRIBUTION} "
            f"Data as of {data.data_as_of}.")
    lines = wrap(text, width_px, CAPTION_FONT_PX)
    if link:
        lines += wrap(f"Reopen this view: {link}", width_px, CAPTION_FONT_PX)
    return lines


def legend_traces(data: AppData, view: View) -> list[dict]:
    """Legend-only traces (no points) for what the map shows: commodities, modes, statuses, places."""
    routes = visible_routes(data, view)
    network = data.registry.network
    commodities = [c for c in COMMODITY_COLOURS if any(r.commodity == c for r in routes)]
    modes = [m for m in MODE_DASHES if any(leg.mode == m for r in routes for leg in network.route_legs(r.id))]
    statuses = [s for s in STATUS_STYLES if any(r.status == s for r in routes)]
    traces = []

    def item(name, group, title, line=None, marker=None):
        trace = {"type": "scattergeo", "lon": [None], "lat": [None], "name": name, "legendgroup": group,
                 "showlegend": True, "hoverinfo": "skip", "mode": "lines" if line else "markers"}
        if line:
            trace["line"] = line
        if marker:
            trace["marker"] = marker
        if not any(t["legendgroup"] == group for t in traces):
            trace["legendgrouptitle"] = {"text": f"<b>{title}</b>"}
        traces.append(trace)

    for c in commodities:
        item(COMMODITY_LABELS[c], "commodity", "Commodity", line={"color": COMMODITY_COLOURS[c], "width": 3})
    for m in modes:
        item(MODE_LABELS[m], "mode", "Mode", line={"color": "#444", "width": 2, "dash": MODE_DASHES[m]})
    for s in statuses:
        style = STATUS_STYLES[s]
        item(style.label + (" (crossed)" if style.marked else ""), "status", "Status",
             line={"color": "#444", "width": style.width})
    if "nodes" in view.layers:
        item("Place, sourced position", "places", "Places",
             marker={"symbol": "circle", "color": NODE_COLOUR, "size": 7})
        item("Place, approximate position", "places", "Places",
             marker={"symbol": "circle-open", "color": NODE_COLOUR, "size": 7, "line": {"width": 1.5}})
    return traces


def pull_quote(data: AppData, view: View, width_px: float) -> dict | None:
    statement = data.corpus.statement(view.statement) if view.statement else None
    if statement is None:
        return None
    article = data.corpus.article(statement.article_id)
    words = statement.text if len(statement.text) <= 420 else statement.text[:419].rsplit(" ", 1)[0] + " …"
    body = f"“{words}”" if statement.kind == DIRECT else f"{words} (reported)"
    lines = wrap(body, min(width_px * 0.42, 460), 11)
    attribution = (f"— {statement.speaker.name}, {statement.speaker.role}, quoted by {article.outlet}, "
                   f"{article.dateline}")
    return {
        "text": "<br>".join(_text(line) for line in lines) + "<br><i>" + _text(attribution) + "</i>",
        "xref": "paper", "yref": "paper", "x": 0.005, "y": 0.995, "xanchor": "left", "yanchor": "top",
        "align": "left", "showarrow": False, "bgcolor": "rgba(255,255,255,0.92)", "bordercolor": "#CC79A7",
        "borderwidth": 1.5, "borderpad": 6, "font": {"size": 11, "family": FONT, "color": "#222"},
    }


def report_figure(data: AppData, view: View, size: ExportSize, link: str = "", quote: bool = False) -> dict:
    """The figure to render for a report: the view's map, framed, titled, sourced."""
    figure = build_figure(data.registry, data.corpus, view, data.oil, data.timeline)
    for trace in figure["data"]:
        trace["showlegend"] = False
    figure["data"] += legend_traces(data, view)
    map_width = size.width - LEGEND_WIDTH_PX - 20
    lines = caption_lines(data, view, link, size.width - 24)
    caption_px = (len(lines) + 1) * (CAPTION_FONT_PX + 3) + 6
    compact = size.height < 600  # a report column: smaller legend so every item fits
    legend_font = 8 if compact else 10
    layout = figure["layout"]
    layout.update({
        "width": size.width, "height": size.height, "showlegend": True, "paper_bgcolor": "white",
        "font": {"family": FONT, "size": 11, "color": "#222"},
        "margin": {"l": 12, "r": LEGEND_WIDTH_PX, "t": TITLE_BLOCK_PX, "b": caption_px},
        "legend": {"x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top", "font": {"size": legend_font},
                   "groupclick": "toggleitem", "tracegroupgap": 2 if compact else 6, "itemwidth": 30,
                   "bgcolor": "rgba(255,255,255,0)"},
        "annotations": [{
            # Title and subtitle as an annotation pinned to the top margin: a multi-line layout.title
            # anchored at the top is clipped by the renderer.
            "text": f"<b>{_text(TITLE)}</b><br><span style='font-size:{legend_font + 2}px;color:#555'>"
                    f"{_text(subtitle(data, view))}</span>",
            "xref": "paper", "yref": "paper", "x": 0, "y": 1, "xanchor": "left", "yanchor": "bottom", "yshift": 10,
            "align": "left", "showarrow": False, "font": {"size": 16 if compact else 18, "family": FONT},
        }, {
            "text": "<br>".join(_text(line) for line in lines), "xref": "paper", "yref": "paper",
            "x": 0, "y": 0, "xanchor": "left", "yanchor": "top", "yshift": -8, "align": "left",
            "showarrow": False, "font": {"size": CAPTION_FONT_PX, "family": FONT, "color": "#444"},
        }],
    })
    geo = layout["geo"]
    geo["showframe"] = True
    geo["framecolor"] = "#bbb"
    if view.center:
        geo["center"] = {"lon": view.center[0], "lat": view.center[1]}
    if view.scale:
        geo["projection"] = {**geo["projection"], "scale": view.scale}
    if quote:
        annotation = pull_quote(data, view, map_width)
        if annotation:
            layout["annotations"].append(annotation)
    layout.pop("uirevision", None)
    return figure
