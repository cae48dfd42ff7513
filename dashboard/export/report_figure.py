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
from dashboard.figure.labels import for_print
from dashboard.figure.map_figure import (build_figure, highlighted_nodes, highlighted_routes, scenario_result,
                                         trace_keys, trace_visible)
from dashboard.figure.scenario_traces import (BOTTLENECK_COLOUR, CORRIDOR_BINDS_COLOUR, EVENT_COLOUR, OFF_LINE_COLOUR,
                                              OUT_COLOUR, off_routes)
from dashboard.figure.styles import (COMMODITY_COLOURS, COMMODITY_LABELS, MODE_DASHES, MODE_LABELS, NODE_COLOUR,
                                     ALTERNATIVE, HIGHLIGHT_COLOUR, ROUTE_ROLES, STATUS_STYLES, STORY)
from dashboard.registry.layers import LAYERS
from dashboard.statements.model import DIRECT
from dashboard.view import View

FONT = "Arial, Helvetica, sans-serif"  # present in headless Chromium's font set and in every viewer
CAPTION_FONT_PX = 10  # 7.5 pt: a layout px is 1/96 inch on every preset, so at least 7 pt in print
LEGEND_WIDTH_PX = 190
TITLE_BLOCK_PX = 62


def _text(value: str) -> str:
    """Plain text for a Plotly label: its HTML-like markup is escaped, never interpreted."""
    return html.escape(value, quote=False)


def visible_routes(data: AppData, view: View) -> list:
    keys = trace_keys(data.registry)
    shown = {key[1] for key in keys if key[0] == "route" and trace_visible(key, data.registry, view)}
    return [route for route in data.registry.network.routes.values() if route.id in shown]


def caption_sources(routes, first: frozenset[str] = frozenset()) -> list[str]:
    """The sources of the routes' figures, once each: the highlighted routes' first."""
    titles: dict[str, None] = {}
    for route in sorted(routes, key=lambda r: r.id not in first):
        for source in route.status_sources + (route.capacity.sources if route.capacity else ()):
            titles.setdefault(source.title)
    return list(titles)


def subtitle(data: AppData, view: View) -> str:
    parts = []
    statement = data.corpus.statement(view.statement) if view.statement else None
    network = data.registry.network
    if statement:
        article = data.corpus.article(statement.article_id)
        names = [network.routes[r].short_name for r in statement.route_ids if r in network.routes]
        parts.append(f"Highlighted: what {statement.speaker.name}'s statement ({article.dateline}) concerns"
                     + (f" — {', '.join(names)}" if names else ""))
    if view.route and view.route in network.routes and (not statement or view.route not in statement.route_ids):
        parts.append(f"Highlighted: {network.routes[view.route].name}")
    hidden_layers = [layer.label for layer in LAYERS if layer.id not in view.layers]
    if hidden_layers:
        parts.append(f"Hidden: {', '.join(hidden_layers)}")
    hidden_statuses = [STATUS_STYLES[s].label for s in STATUS_STYLES if s not in view.statuses]
    if hidden_statuses:
        parts.append(f"Statuses not shown: {', '.join(hidden_statuses)}")
    if view.off or view.capacities:
        result = scenario_result(view, data.oil)
        event = data.event(view.event)
        assumption = (f"{event.date} {event.title}" if event else
                      "; ".join([f"off: {', '.join(sorted(view.off))}"] * bool(view.off)
                                + [f"{edge} at {value:g} Mt/y" for edge, value in view.capacities]))
        parts.append(f"Scenario ({assumption}): Kazakhstan could export {result.floor.total:,.1f} (floor: the other "
                     f"routes at their 2025 volumes) to {result.ceiling.total:,.1f} Mt/y (ceiling: at capacity) of the "
                     f"{result.supply:,.1f} Mt it exported in 2025")
    if view.corridor and data.corridor:  # the corridor's what-if states its assumptions and what they give
        from dashboard.corridor.model import corridor_result
        from dashboard.corridor.summary import subtitle_text
        from dashboard.corridor.whatif import CorridorWhatIf
        parts.append(subtitle_text(data.corridor, corridor_result(data.corridor, CorridorWhatIf.from_pairs(view.corridor))))
    if not parts:
        parts.append("Kazakhstan's oil and gas export routes beside the Middle Corridor")
    return " · ".join(parts)


def wrap(text: str, width_px: float, font_px: float) -> list[str]:
    columns = max(20, int(width_px / (font_px * 0.55)))
    return textwrap.wrap(text, columns, break_long_words=True, break_on_hyphens=False)


def caption_lines(data: AppData, view: View, link: str, width_px: float, max_lines: int = 99) -> list[str]:
    """Routes shown, their sources (the highlighted routes' first), attribution, the data's date and
    the link that reopens the view, in at most `max_lines`: past that, the route list gives way to
    its count and the sources to as many as fit and how many more the link shows."""
    routes = visible_routes(data, view)
    # Non-breaking spaces keep each route's name on one line of the caption.
    names = [r.short_name.replace(" ", "\u00a0") for r in routes]
    sources = caption_sources(routes, highlighted_routes(view, data.corpus))
    link_lines = wrap(f"Reopen this view: {link}", width_px, CAPTION_FONT_PX) if link else []
    tail = f"{ATTRIBUTION} Data as of {data.data_as_of}."

    # Where the rest is: the link printed below, or (an export with no public address) the dashboard.
    elsewhere = "at the link below" if link else "in the dashboard"

    def lines_for(shown: str, kept: int) -> list[str]:
        more = f" … and {len(sources) - kept} more, with every figure, {elsewhere}" if kept < len(sources) else ""
        text = f"Routes shown: {shown}. Sources: {'; '.join(sources[:kept]) or 'none'}{more}. {tail}"
        return wrap(text, width_px, CAPTION_FONT_PX) + link_lines

    lines = lines_for("; ".join(names) or "none", len(sources))
    if len(lines) <= max_lines:
        return lines
    shown = f"{len(routes)} (listed, with every figure, {elsewhere})"
    kept = len(sources)
    while kept > 1 and len(lines_for(shown, kept)) > max_lines:
        kept -= 1
    return lines_for(shown, kept)


DASH_WORDS = {"solid": "solid", "longdash": "long dashes", "dot": "dots", "dashdot": "dash-dots", "dash": "dashes"}

# A legend's line is 30 px long whatever its width (plotly.js draws every swatch so), and a named dash
# scales with the line's width: a rail's long dashes at the story's width are one dash and a gap in a
# swatch, and read as a short solid bar. The swatches draw each pattern at a length that repeats two
# or three times in 30 px, in the proportions the map draws it with.
LEGEND_DASHES = {"solid": "solid", "longdash": "9px,4px", "dot": "2px,3px", "dashdot": "7px,3px,2px,3px",
                 "dash": "5px,3px"}
DASH_OF_SWATCH = {swatch: dash for dash, swatch in LEGEND_DASHES.items()}


def legend_sentence(traces: list[dict]) -> str:
    """The legend as one line of text, for a preset too small to give it a column: each group's
    items with the look that tells them apart (from the same traces a full legend draws)."""
    groups: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for trace in traces:
        if not trace.get("showlegend"):
            continue
        group = trace.get("legendgroup", "")
        titles.setdefault(group, _plain((trace.get("legendgrouptitle") or {}).get("text", "")))
        line, marker = trace.get("line") or {}, trace.get("marker") or {}
        if group == "mode":
            dash = line.get("dash", "solid")
            look = DASH_WORDS.get(DASH_OF_SWATCH.get(dash, dash), "")
        elif group == "status":
            look = STATUS_WORDS.get(trace["name"], "")
        elif line:
            look = COLOUR_WORDS.get(line.get("color", ""), "")
        elif marker.get("color") == HIGHLIGHT_COLOUR:
            look = SELECTION_WORDS
        else:
            look = MARKER_WORDS.get(marker.get("symbol", ""), "")
        groups.setdefault(group, []).append(f"{trace['name']}{' (' + look + ')' if look else ''}")
    # Items apart by a middle dot: a name may hold a comma ("Operating, expanding").
    return "Key — " + "; ".join(f"{titles[g]}: {' · '.join(items)}" for g, items in groups.items()) + "."


COLOUR_WORDS = {ROLE.colour: word for ROLE, word in ((STORY, "vermillion, heavy"), (ALTERNATIVE, "grey"))} | {
    COMMODITY_COLOURS["oil"]: "brown", COMMODITY_COLOURS["gas"]: "blue", BOTTLENECK_COLOUR: "green band",
    CORRIDOR_BINDS_COLOUR: "amber band", OFF_LINE_COLOUR: "faded, grey dots"}
STATUS_WORDS = {STATUS_STYLES["operating"].label: "", STATUS_STYLES["expanding"].label: "thicker",
                STATUS_STYLES["planned"].label: "thinner, paler"}  # "Disrupted (crossed)" says its look in its name
MARKER_WORDS = {"circle": "●", "circle-open": "○", "diamond": "◆ orange", "x": "✖ dark red"}
SELECTION_WORDS = "pink ring"


def _plain(markup: str) -> str:
    return markup.replace("<b>", "").replace("</b>", "")


def legend_traces(data: AppData, view: View, compact: bool = False) -> list[dict]:
    """Legend-only traces (no points) for what the map shows: the corridors, commodities, modes,
    statuses, places, events, the selection and a scenario's marks; shorter names when compact."""
    routes = visible_routes(data, view)
    network = data.registry.network
    commodities = [c for c in COMMODITY_COLOURS if any(r.commodity == c for r in routes)]
    modes = [m for m in MODE_DASHES if any(leg.mode == m for r in routes for leg in network.route_legs(r.id))]
    statuses = [s for s in STATUS_STYLES if any(r.status == s for r in routes)]
    traces = []

    def item(name, group, title, line=None, marker=None):
        trace = {"type": "scattergeo", "lon": [None], "lat": [None], "name": name, "legendgroup": group,
                 "showlegend": True, "hoverinfo": "skip",
                 "mode": "lines+markers" if line and marker else "lines" if line else "markers"}
        if line:
            trace["line"] = line
        if marker:
            trace["marker"] = marker
        if not any(t["legendgroup"] == group for t in traces):
            trace["legendgrouptitle"] = {"text": f"<b>{title}</b>"}
        traces.append(trace)

    for role in dict.fromkeys(ROUTE_ROLES[r.id] for r in routes if r.id in ROUTE_ROLES):
        item(role.short_label if compact else role.label, "role", "Corridors",  # mostly rail: long dashes
             line={"color": role.colour, "width": min(role.width, 4), "dash": LEGEND_DASHES["longdash"]})
    for c in commodities:
        if any(r.commodity == c and r.id not in ROUTE_ROLES for r in routes):
            item(COMMODITY_LABELS[c], "commodity", "Commodity", line={"color": COMMODITY_COLOURS[c], "width": 3})
    for m in modes:
        item(MODE_LABELS[m], "mode", "Mode", line={"color": "#444", "width": 2, "dash": LEGEND_DASHES[MODE_DASHES[m]]})
    for s in statuses:
        style = STATUS_STYLES[s]
        item(style.label + (" (crossed)" if style.marked else ""), "status", "Status",
             line={"color": "#444", "width": style.width},
             marker={"symbol": "x-thin", "size": 9, "line": {"width": 2, "color": "#444"}} if style.marked else None)
    if "nodes" in view.layers:
        item("Sourced position" if compact else "Place, sourced position", "places", "Places",
             marker={"symbol": "circle", "color": NODE_COLOUR, "size": 7})
        item("Approximate position" if compact else "Place, approximate position", "places", "Places",
             marker={"symbol": "circle-open", "color": NODE_COLOUR, "size": 7, "line": {"width": 1.5}})
    if "events" in view.layers and data.timeline:
        item("Event" if compact else "Event (disruption or agreement)", "places", "Places",
             marker={"symbol": "diamond", "color": EVENT_COLOUR, "size": 8, "line": {"width": 1, "color": "#333"}})
    if highlighted_nodes(view, data.registry, data.corpus):
        item("Selected" if compact else "Place of the selection", "places", "Places",
             marker={"symbol": "circle-open", "color": HIGHLIGHT_COLOUR, "size": 10, "line": {"width": 2.5}})
    if view.corridor or view.panel == "corridor":
        item("Corridor binds" if compact else "What binds the corridor's capacity", "scenario", "Scenario",
             line={"color": CORRIDOR_BINDS_COLOUR, "width": 6})
    if view.off or view.capacities:
        item("What binds" if compact else "What binds the exports", "scenario", "Scenario",
             line={"color": BOTTLENECK_COLOUR, "width": 6})
        if view.off:
            item("Switched off" if compact else "Switched off: where it is cut", "scenario", "Scenario",
                 marker={"symbol": "x", "color": OUT_COLOUR, "size": 9})
            if off_routes(data.oil, scenario_result(view, data.oil)):
                item("Route switched off" if compact else "Route switched off (faded)", "scenario", "Scenario",
                     line={"color": OFF_LINE_COLOUR, "width": 1.6, "dash": LEGEND_DASHES["dot"]})
    return traces


QUOTE_FONT_PX = 11


def pull_quote_lines(data: AppData, view: View, width_px: float, max_lines: int = 8) -> list[str]:
    """The selected statement, wrapped to the width above the map, with its speaker and date; a
    quote too long for a report is cut at a word and marked with an ellipsis."""
    statement = data.corpus.statement(view.statement) if view.statement else None
    if statement is None:
        return []
    article = data.corpus.article(statement.article_id)
    words = statement.text if len(statement.text) <= 420 else statement.text[:419].rsplit(" ", 1)[0] + " …"
    body = f"“{words}”" if statement.kind == DIRECT else f"{words} (reported)"
    speaker = ", ".join(part for part in (statement.speaker.name, statement.speaker.role) if part)
    lines = wrap(body, width_px, QUOTE_FONT_PX)
    if len(lines) > max_lines:  # cut at a word, marked, the quotation mark kept
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rsplit(" ", 1)[0] + (" …”" if statement.kind == DIRECT else " …")
    return lines + [f"— {speaker}, quoted by {article.outlet}, {article.dateline}"]


def pull_quote(lines: list[str]) -> dict:
    """The pull quote in the band between the title and the map: beside the map, never over it."""
    return {
        "text": "<br>".join(_text(line) for line in lines[:-1]) + "<br><i>" + _text(lines[-1]) + "</i>",
        "xref": "paper", "yref": "paper", "x": 0, "y": 1, "xanchor": "left", "yanchor": "bottom", "yshift": 6,
        "align": "left", "showarrow": False, "bgcolor": "#fbf4f8", "bordercolor": "#CC79A7", "borderwidth": 0,
        "borderpad": 4, "font": {"size": QUOTE_FONT_PX, "family": FONT, "color": "#222"},
    }


def report_figure(data: AppData, view: View, size: ExportSize, link: str = "", quote: bool = False) -> dict:
    """The figure to render for a report: the view's map, framed, titled, sourced."""
    figure = build_figure(data.registry, data.corpus, view, data.oil, data.timeline, corridor=data.corridor)
    figure["data"] = [for_print(trace) for trace in figure["data"]]
    for trace in figure["data"]:
        trace["showlegend"] = False
    compact = size.height < 600  # a report column: the legend as a line of text, the map the full width
    if compact:  # smaller names on the smaller map, no smaller than 7 pt (9.4 px) in print
        for trace in figure["data"]:
            if (trace.get("meta") or {}).get("labels") is not None and trace.get("textfont"):
                trace["textfont"] = {**trace["textfont"], "size": max(9.5, trace["textfont"]["size"] * 0.82)}
    legend = legend_traces(data, view, compact)
    map_width = size.width - (0 if compact else LEGEND_WIDTH_PX) - 20
    budget = max(4, int(size.height * (0.16 if compact else 0.2) / (CAPTION_FONT_PX + 3)))
    key = wrap(legend_sentence(legend), size.width - 24, CAPTION_FONT_PX) if compact else []
    lines = key + caption_lines(data, view, link, size.width - 24, max_lines=budget)
    if not compact:
        figure["data"] += legend
    quote_lines = pull_quote_lines(data, view, map_width - 12, max_lines=3 if compact else 8) if quote else []
    subtitle_lines = wrap(subtitle(data, view), size.width - 24, 12)
    quote_px = (len(quote_lines) * (QUOTE_FONT_PX + 3) + 16) if quote_lines else 0
    legend_font = 10  # 7.5 pt, like the caption: legible in print at every preset
    caption_px = (len(lines) + 1) * (CAPTION_FONT_PX + 3) + 6
    layout = figure["layout"]
    layout.update({
        "width": size.width, "height": size.height, "showlegend": not compact, "paper_bgcolor": "white",
        "font": {"family": FONT, "size": 11, "color": "#222"},
        "margin": {"l": 12, "r": 12 if compact else LEGEND_WIDTH_PX,
                   "t": TITLE_BLOCK_PX + quote_px + 22 * (len(subtitle_lines) - 1), "b": caption_px},
        "legend": {"x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top", "tracegroupgap": 6,
                   "font": {"size": legend_font}, "groupclick": "toggleitem", "itemwidth": 30,
                   "bgcolor": "rgba(255,255,255,0)"},
        "annotations": [{
            # Title and subtitle as an annotation pinned to the top margin: a multi-line layout.title
            # anchored at the top is clipped by the renderer.
            "text": f"<b>{_text(TITLE)}</b><br><span style='font-size:{legend_font + 2}px;color:#555'>"
                    + "<br>".join(_text(line) for line in subtitle_lines) + "</span>",
            "xref": "paper", "yref": "paper", "x": 0, "y": 1, "xanchor": "left", "yanchor": "bottom",
            "yshift": 10 + quote_px, "align": "left", "showarrow": False,
            "font": {"size": 16 if compact else 18, "family": FONT},
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
    if view.rotation:
        geo["projection"] = {**geo["projection"], "rotation": {"lon": view.rotation[0], "lat": view.rotation[1]}}
    if view.scale:
        geo["projection"] = {**geo["projection"], "scale": view.scale}
    if quote_lines:
        layout["annotations"].append(pull_quote(quote_lines))
    # The document's title (kaleido's page takes it from here: a PDF's Title metadata).
    layout["meta"] = {"document": {"title": f"{TITLE} — {subtitle(data, view)}", "author": "The Middle Corridor "
                                   "route map (dashboard)", "subject": f"Data as of {data.data_as_of}"}}
    layout.pop("uirevision", None)
    return figure
