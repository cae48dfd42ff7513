"""The exported figure: the map exactly as the view shows it (layers, filters, selection, highlighted
statement, pan and zoom), made into a figure for a report: title and subtitle, legend, a caption with
the routes shown and the sources of every figure they carry, the Natural Earth attribution, a
boundary disclaimer, the data's date and the link that reopens the view; optionally the selected
statement as a pull quote."""

from __future__ import annotations

import html

from dashboard.appdata import AppData
from dashboard.captions import ATTRIBUTION, TITLE
from dashboard.export.presets import ExportSize
from dashboard.export.report_layout import GAP_PX, QUOTE_PAD_PX, SIDE_PX
from dashboard.export.report_layout import plan as report_plan
from dashboard.export.text_metrics import lines_height, text_width, wrap
from dashboard.figure.labels import for_print
from dashboard.figure.map_figure import (HIGHLIGHT_TRACE_NAME, build_figure, highlighted_nodes, highlighted_routes,
                                         scenario_result, trace_keys, trace_visible)
from dashboard.figure.scenario_traces import (BOTTLENECK_COLOUR, CORRIDOR_BINDS_COLOUR, EVENT_COLOUR, OFF_LINE_COLOUR,
                                              OUT_COLOUR, off_routes)
from dashboard.figure.styles import (COMMODITY_COLOURS, COMMODITY_LABELS, MODE_DASHES, MODE_LABELS, NODE_COLOUR,
                                     ALTERNATIVE, HIGHLIGHT_COLOUR, ROUTE_ROLES, STATUS_STYLES, STORY)
from dashboard.registry.layers import LAYERS
from dashboard.statements.model import DIRECT
from dashboard.view import View

FONT = "Arial, Helvetica, sans-serif"  # present in headless Chromium's font set and in every viewer
CAPTION_FONT_PX = 10  # 7.5 pt: a layout px is 1/96 inch on every preset, so at least 7 pt in print


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
                STATUS_STYLES["planned"].label: "thinner, paler"}  # "Disrupted at times (crossed)" says its look in its name
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
SUBTITLE_FONT_PX = 12
TOP_PAD_PX = 10
LEGEND_SWATCH_PX = 46  # plotly.js's 30 px line, the gaps either side of it and the legend's padding
ON_MAP_ENTRY_PX = 48  # an entry's swatch and gaps in a horizontal legend, measured on the A4 export
ON_MAP_LEGEND_ALPHA = 0.92  # a legend on the map hides what is under it, not the map's edge


def pull_quote_lines(data: AppData, view: View, width_px: float, max_lines: int = 8) -> tuple[list[str], list[str]]:
    """The selected statement wrapped to a width, and its speaker and date; a quote longer than its
    room (at most `max_lines` with its attribution) is cut at a word and marked with an ellipsis."""
    statement = data.corpus.statement(view.statement) if view.statement else None
    if statement is None:
        return [], []
    article = data.corpus.article(statement.article_id)
    # An editor's insertion in square brackets, as quotations mark one, and said whose it is: printed
    # in the speaker's round brackets it read as the speaker's words.
    words = "".join(f"[{segment.text.strip().strip('()').strip()}]" if segment.kind == "editorial" else segment.text
                    for segment in statement.segments)
    body = f"“{words}”" if statement.kind == DIRECT else f"{words} (reported)"
    speaker = ", ".join(part for part in (statement.speaker.name, statement.speaker.role) if part)
    inserted = sorted({segment.note_by for segment in statement.segments if segment.kind == "editorial"})
    note = f" (in square brackets: {', '.join(inserted)}'s note)" if inserted else ""
    attribution = wrap(f"— {speaker}, quoted by {article.outlet}, {article.dateline}{note}", width_px, QUOTE_FONT_PX)
    lines = wrap(body, width_px, QUOTE_FONT_PX)
    room = max(1, max_lines - len(attribution))
    if len(lines) > room:  # cut at a word, marked, the quotation mark kept
        lines = lines[:room]
        lines[-1] = lines[-1].rsplit(" ", 1)[0] + (" …”" if statement.kind == DIRECT else " …")
    return lines, attribution


def pull_quote(lines: tuple, where: str, scale: float = 1.0) -> dict:
    """The pull quote beside the map or in the band above it: never over it; `scale` times the base
    type size (report_layout.larger_quote)."""
    body, attribution = lines
    beside = where == "beside"
    return {
        "text": "<br>".join(_text(line) for line in body) + "<br><i>"
                + "<br>".join(_text(line) for line in attribution) + "</i>",
        "xref": "paper", "yref": "paper", "x": 0, "y": 1, "xanchor": "left",
        "yanchor": "top" if beside else "bottom", "yshift": 0 if beside else GAP_PX,
        "align": "left", "showarrow": False, "bgcolor": "#fbf4f8", "bordercolor": "#CC79A7", "borderwidth": 0,
        "borderpad": QUOTE_PAD_PX, "font": {"size": round(QUOTE_FONT_PX * scale, 2), "family": FONT, "color": "#222"},
    }


def legend_text_width(traces: list[dict], font_px: float) -> float:
    """The legend's longest name, or group title (bold)."""
    names = [text_width(t["name"], font_px) for t in traces]
    titles = [text_width(_plain(t["legendgrouptitle"]["text"]), font_px, bold=True) - LEGEND_SWATCH_PX
              for t in traces if t.get("legendgrouptitle")]
    return max(names + titles, default=0.0)


def legend_width(traces: list[dict], font_px: float) -> float:
    """A legend column beside the map: the swatch and the longest name."""
    return legend_text_width(traces, font_px) + LEGEND_SWATCH_PX


def on_map_width(traces: list[dict], font_px: float) -> float:
    """A legend on the map: its groups side by side, each an entry wide (plotly.js sets an entry's
    swatch and gaps, ON_MAP_ENTRY_PX, beside the `entrywidth` its text is given)."""
    groups = {t["legendgroup"] for t in traces}
    return len(groups) * (legend_text_width(traces, font_px) + ON_MAP_ENTRY_PX) + 2 * GAP_PX


def _smaller_rings(trace: dict) -> dict:
    """The selection's rings at a report column's size: at full size a statement's dozen places
    covered the Caucasus and Kazakhstan with pink."""
    marker = trace["marker"]
    size = marker["size"]
    return {**trace, "marker": {**marker, "size": [v * 0.7 for v in size] if isinstance(size, list) else size * 0.7,
                                "line": {**marker.get("line", {}), "width": 2}}}


def report_figure(data: AppData, view: View, size: ExportSize, link: str = "", quote: bool = False) -> dict:
    """The figure to render for a report: the view's map, framed, titled, sourced."""
    figure = build_figure(data.registry, data.corpus, view, data.oil, data.timeline, corridor=data.corridor)
    figure["data"] = [for_print(trace) for trace in figure["data"]]
    for trace in figure["data"]:
        trace["showlegend"] = False
    compact = size.height < 600  # a report column: the legend as a line of text, the map the full width
    if compact:  # smaller names on the smaller map, no smaller than 7 pt (9.4 px) in print
        for i, trace in enumerate(figure["data"]):
            if (trace.get("meta") or {}).get("labels") is not None and trace.get("textfont"):
                trace["textfont"] = {**trace["textfont"], "size": max(9.5, trace["textfont"]["size"] * 0.82)}
            if trace.get("name") == HIGHLIGHT_TRACE_NAME:
                figure["data"][i] = _smaller_rings(trace)
    legend_font = 10  # 7.5 pt, like the caption: legible in print at every preset
    inner = size.width - 2 * SIDE_PX
    legend = legend_traces(data, view, compact)
    short = legend if compact else legend_traces(data, view, compact=True)  # short names, on the map
    key = wrap(legend_sentence(short), inner, CAPTION_FONT_PX)
    budget = max(4, int(size.height * (0.16 if compact else 0.2) / (CAPTION_FONT_PX + 3)))
    lines = caption_lines(data, view, link, inner, max_lines=budget)
    title_px = 16 if compact else 18
    subtitle_lines = wrap(subtitle(data, view), inner, SUBTITLE_FONT_PX)
    subtitle_top = TOP_PAD_PX + lines_height(1, title_px) + 4
    head_px = subtitle_top + lines_height(len(subtitle_lines), SUBTITLE_FONT_PX) + GAP_PX
    caption_px = GAP_PX + lines_height(len(lines) + len(key) * compact, CAPTION_FONT_PX) + 6
    has_quote = quote and view.statement and data.corpus.statement(view.statement) is not None
    quote_at = (lambda width, most: pull_quote_lines(data, view, width, most)) if has_quote else None
    plan = report_plan(size.width, size.height, head_px, caption_px,
                       0 if compact else legend_width(legend, legend_font), quote_at,
                       lines_height(1, QUOTE_FONT_PX), on_map_width(short, legend_font),
                       lines_height(len(key), CAPTION_FONT_PX))
    if plan.legend == "sentence":
        lines = key + lines
    elif plan.legend == "on-map":
        legend = short
    if plan.legend != "sentence":
        figure["data"] += legend
    layout = figure["layout"]
    layout.update({
        "width": size.width, "height": size.height, "showlegend": plan.legend != "sentence", "paper_bgcolor": "white",
        "font": {"family": FONT, "size": 11, "color": "#222"},
        "margin": {**{side: round(px, 1) for side, px in plan.margin.items()}, "pad": 0, "autoexpand": False},
        "legend": _legend_layout(plan.legend, legend, legend_font, plan.map_px[0]),
        "annotations": [{
            # Title, subtitle and caption as annotations pinned to the map's frame by their distance
            # from it: a multi-line layout.title anchored at the top is clipped by the renderer.
            "text": f"<b>{_text(TITLE)}</b>", "xref": "paper", "yref": "paper", "x": 0, "y": 1,
            "xanchor": "left", "yanchor": "top", "yshift": plan.margin["t"] - TOP_PAD_PX,
            "xshift": SIDE_PX - plan.margin["l"], "align": "left", "showarrow": False,
            "font": {"size": title_px, "family": FONT},
        }, {
            "text": "<br>".join(_text(line) for line in subtitle_lines), "xref": "paper", "yref": "paper",
            "x": 0, "y": 1, "xanchor": "left", "yanchor": "top", "yshift": plan.margin["t"] - subtitle_top,
            "xshift": SIDE_PX - plan.margin["l"], "align": "left", "showarrow": False,
            "font": {"size": SUBTITLE_FONT_PX, "family": FONT, "color": "#555"},
        }, {
            "text": "<br>".join(_text(line) for line in lines), "xref": "paper", "yref": "paper",
            "x": 0, "y": 0, "xanchor": "left", "yanchor": "top", "yshift": -GAP_PX,
            "xshift": SIDE_PX - plan.margin["l"], "align": "left", "showarrow": False,
            "font": {"size": CAPTION_FONT_PX, "family": FONT, "color": "#444"},
        }],
    })
    if plan.quote:  # from the page's left margin, as the title: across the page, or in its column
        layout["annotations"].append({**pull_quote(plan.quote_lines, plan.quote, plan.quote_scale),
                                      "xshift": SIDE_PX + QUOTE_PAD_PX - plan.margin["l"]})
    geo = layout["geo"]
    geo["showframe"] = True
    geo["framecolor"] = "#bbb"
    if view.center:
        geo["center"] = {"lon": view.center[0], "lat": view.center[1]}
    if view.rotation:
        geo["projection"] = {**geo["projection"], "rotation": {"lon": view.rotation[0], "lat": view.rotation[1]}}
    if view.scale:
        geo["projection"] = {**geo["projection"], "scale": view.scale}
    # The document's title (kaleido's page takes it from here: a PDF's Title metadata).
    layout["meta"] = {"document": {"title": f"{TITLE} — {subtitle(data, view)}", "author": "The Middle Corridor "
                                   "route map (dashboard)", "subject": f"Data as of {data.data_as_of}"}}
    layout.pop("uirevision", None)
    return figure


def _legend_layout(where: str, legend: list[dict], font_px: float, map_width: float) -> dict:
    common = {"tracegroupgap": 6, "font": {"size": font_px}, "groupclick": "toggleitem", "itemwidth": 30}
    if where == "on-map":  # the groups side by side in the map's empty south-east, on a white card
        return {**common, "orientation": "h", "traceorder": "grouped",
                "entrywidth": round(legend_text_width(legend, font_px) + 4),
                "x": 1, "xanchor": "right", "y": 0, "yanchor": "bottom", "borderwidth": 1, "bordercolor": "#bbb",
                "bgcolor": f"rgba(255,255,255,{ON_MAP_LEGEND_ALPHA})"}
    return {**common, "x": 1 + GAP_PX / map_width, "xanchor": "left", "y": 1, "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0)"}
