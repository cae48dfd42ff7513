"""The Corridor tab: the Middle Corridor's own capacity and transit time, today or under the user's
what-ifs, with what binds, the time's running and waiting parts, the other China-Europe routes from the
same endpoints, the targets marked (never applied), and every element's figures with their sources."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.corridor.model import CorridorResult, corridor_result
from dashboard.corridor.network import UNITS, CorridorNetwork, Figure
from dashboard.corridor.summary import (amount, binds_text, branch_text, days, northern_text, utilisation_text,
                                        what_if_text)
from dashboard.corridor.whatif import DWELL_RANGE, FERRIES_RANGE, CorridorWhatIf
from dashboard.ui.panels import source_links
from dashboard.view import View

# Ids of this tab's parts (its controls are pattern-matching: the tab is built when first opened).
CORRIDOR_SECTION = "corridor-section"
CORRIDOR_RESULT = "corridor-result"  # in_tab(CORRIDOR_RESULT)
CORRIDOR_KNOB = "corridor-knob"  # {"type": CORRIDOR_KNOB, "id": "ferries" | "switches" | "btk" | "dwell"}
CORRIDOR_RESET = "corridor-reset"  # in_tab(CORRIDOR_RESET)
TODAY = "today"
SWITCH_KNOBS = ("ports", "anaklia", "northern")


def what_if_of(view: View) -> CorridorWhatIf:
    return CorridorWhatIf.from_pairs(view.corridor)


def control_values(what_if: CorridorWhatIf) -> dict:
    """What each control shows for a what-if (and so what the callback compares the controls with)."""
    return {"ferries": what_if.ferries, "switches": [k for k in SWITCH_KNOBS if getattr(what_if, k)],
            "btk": f"{what_if.btk:g}" if what_if.btk is not None else TODAY, "dwell": what_if.dwell}


def what_if_from_controls(values: dict) -> CorridorWhatIf:
    """The what-if the controls show; anything unreadable is as today."""
    def whole(value, low, high):
        return int(min(high, max(low, value))) if isinstance(value, (int, float)) else 0
    switches = values.get("switches") or []
    btk = values.get("btk")
    try:
        btk_value = float(btk) if btk not in (None, TODAY) else None
    except (TypeError, ValueError):
        btk_value = None
    return CorridorWhatIf(ferries=whole(values.get("ferries"), *FERRIES_RANGE), dwell=whole(values.get("dwell"), *DWELL_RANGE),
                          btk=btk_value, **{k: k in switches for k in SWITCH_KNOBS})


def headline(network: CorridorNetwork, result: CorridorResult) -> html.Div:
    when = "Today" if result.what_if.is_today else "With your what-if"
    lines = [html.P([f"{when} the corridor can carry ",
                     html.Strong(" and ".join(amount(c.unit, c.capacity) for c in result.cuts)), "."], className="headline")]
    lines.append(html.P(["What binds: ", html.Strong("; ".join(f"{binds_text(network, c)} ({c.unit})" for c in result.cuts))],
                        className="corridor-binds"))
    return html.Div(lines)


def time_bar(branch, longest: float) -> html.Div:
    """Running then waiting, each drawn to its high end, the low end marked in the text."""
    scale = 100 / longest if longest else 0
    return html.Div(className="corridor-bar", role="img",
                    **{"aria-label": f"{branch.label}: {branch_text(branch)}"}, children=[
        html.Span(className="running", style={"width": f"{branch.running[1] * scale:.1f}%"}),
        html.Span(className="waiting", style={"width": f"{branch.waiting[1] * scale:.1f}%"}),
    ])


def transit(result: CorridorResult) -> html.Div:
    longest = max((b.total[1] for b in result.branches), default=0)
    items = []
    for branch in result.branches:
        items.append(html.Li([html.Strong(branch.label), f": {branch_text(branch)}. ", time_bar(branch, longest),
                              html.Span(f"Covers {branch.covers}. Published: {branch.published}.", className="hint")]))
    return html.Div(className="corridor-transit", children=[
        html.H3("Transit time (running, then waiting)"), html.Ul(items),
        html.P("Legend: dark, running; light, waiting. 'At least' where a part has no source.", className="hint")])


def comparison(data: AppData, result: CorridorResult) -> html.Table:
    network = data.corridor
    rows = []
    black_sea = result.branch("black_sea")
    if black_sea:
        leg = network.china_leg
        rows.append(html.Tr([html.Td("Middle Corridor (this model)"),
                             html.Td(f"{days(black_sea.total)} Altynkol–Constanța; +{days((leg.low, leg.high))} from China's coast"),
                             html.Td(source_links(leg.sources))]))
    for row in data.cargo:
        if row.route == "middle_corridor_black_sea":
            continue
        cell = dict(row.cells).get("transit_days")
        if cell:
            rows.append(html.Tr([html.Td(row.label), html.Td(cell.text), html.Td(source_links(cell.sources))]))
    return html.Table(className="figures", children=[
        html.Caption("China to Europe: each says what it covers (Northern: Xi'an or Chongqing to the EU; Suez: China to Rotterdam)"),
        html.Thead(html.Tr([html.Th(h, scope="col") for h in ("Route", "Days", "Sources")])), html.Tbody(rows)])


def targets(network: CorridorNetwork, result: CorridorResult) -> html.Ul:
    items = []
    for target in network.targets:
        if target.unit == "days":
            black_sea = result.branch("black_sea")
            said = f"the Black Sea branch takes {days(black_sea.total)}" if black_sea else ""
        else:
            capacity = result.cut(target.unit).capacity
            said = f"capacity is {capacity / target.value:.0%} of it" if capacity else "capacity not sourced"
        items.append(html.Li([f"{target.label}: {said}. ", *source_links(target.sources)]))
    return html.Ul(items, className="corridor-targets")


def corridor_result_view(data: AppData, view: View) -> list:
    network = data.corridor
    result = corridor_result(network, what_if_of(view))
    parts = [headline(network, result),
             html.P(f"Assumptions: {what_if_text(network, result.what_if)}.", className="hint"),
             html.Ul([html.Li(utilisation_text(c)) for c in corridor_result(network).cuts], className="metrics")]
    if result.northern:
        parts.append(html.P(f"The Northern corridor's cargo offered: {northern_text(result)}.", className="corridor-northern"))
    parts += [transit(result), html.H3("Targets, marked for comparison (never applied)"), targets(network, result),
              comparison(data, result)]
    return parts


def figure_text(figure: Figure, unit: str = "") -> list:
    if figure.sourced:
        value = amount(unit, figure.value) if unit else days((figure.low, figure.high))
        return [f"{value} ({figure.as_of}{', derived' if figure.basis == 'derived' else ''}) ", *source_links(figure.sources)]
    if figure.included_in or figure.not_applicable:
        return [f"— {figure.note}"]
    return [html.Em("unsourced"), f": {figure.note}"]


def elements_table(network: CorridorNetwork) -> html.Details:
    rows = []
    for element in network.elements.values():
        rows.append(html.Tr([html.Th(element.label + (" (what-if only)" if element.enabled_by else ""), scope="row"),
                             *[html.Td(figure_text(element.capacity[u], u)) for u in UNITS],
                             html.Td(figure_text(element.running)), html.Td(figure_text(element.waiting))]))
    return html.Details(className="assumptions", children=[
        html.Summary("Every element, its figures and sources"),
        html.Table(className="figures corridor-elements", children=[
            html.Thead(html.Tr([html.Th(h, scope="col") for h in ("Element", "Mt/y", "TEU/y", "Running", "Waiting")])),
            html.Tbody(rows)])])


def controls(network: CorridorNetwork, view: View) -> html.Div:
    data = network.what_ifs
    values = control_values(what_if_of(view))
    return html.Div(className="corridor-controls", children=[
        html.Fieldset(className="control", children=[
            html.Legend(f"{data.labels['ferries']} (today {data.fleet})"),
            dcc.Slider(id={"type": CORRIDOR_KNOB, "id": "ferries"}, min=FERRIES_RANGE[0], max=FERRIES_RANGE[1], step=1,
                       value=values["ferries"], marks={0: "today", data.ferries_suggested: f"+{data.ferries_suggested}",
                                                       FERRIES_RANGE[1]: f"+{FERRIES_RANGE[1]}"}),
            html.P(f"{data.ferries_basis}.", className="hint")]),
        html.Fieldset(className="control", children=[
            html.Legend(data.labels["btk"]),
            dcc.RadioItems(id={"type": CORRIDOR_KNOB, "id": "btk"}, value=values["btk"], className="checklist",
                           options=[{"label": "as today", "value": TODAY}] + [
                               {"label": f"{s.value:g} Mt/y ({s.note})", "value": f"{s.value:g}"} for s in data.btk_stated])]),
        html.Fieldset(className="control", children=[
            html.Legend(f"{data.labels['dwell']} (%)"),
            dcc.Slider(id={"type": CORRIDOR_KNOB, "id": "dwell"}, min=DWELL_RANGE[0], max=DWELL_RANGE[1], step=10,
                       value=values["dwell"], marks={0: "0", 50: "50", 90: "90"})]),
        html.Fieldset(className="control", children=[
            html.Legend("Ports and routes"),
            dcc.Checklist(id={"type": CORRIDOR_KNOB, "id": "switches"}, value=values["switches"], className="checklist",
                          options=[{"label": data.labels[k], "value": k} for k in SWITCH_KNOBS])]),
        html.Button("Back to today", id=ids.in_tab(CORRIDOR_RESET), n_clicks=0, className="clear"),
    ])


def corridor_panel(data: AppData, view: View) -> html.Div:
    """The tab's contents, built when first opened; the callbacks keep the result current."""
    return html.Div(className="corridor", children=[
        html.H2("The corridor's own bottlenecks"),
        html.Div(corridor_result_view(data, view), id=ids.in_tab(CORRIDOR_RESULT), role="status",
                 **{"aria-live": "polite"}),
        controls(data.corridor, view),
        elements_table(data.corridor),
    ])
