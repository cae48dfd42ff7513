"""The Scenarios tab: switch parts of the oil export network off, grow the legs that can grow, or
replay a dated event, and read at once how much Kazakhstan can still export, by which routes, how
much of it crosses Russia, how concentrated it is and what binds; with every assumption and source."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.figure.map_figure import scenario_result
from dashboard.ui.panels import source_links
from dashboard.view import View

TODAY = "today"


def event_marks(data: AppData) -> dict:
    marks = {i: {"label": e.date[:7]} for i, e in enumerate(data.timeline)}
    marks[len(data.timeline)] = {"label": "Today"}
    return marks


def event_position(data: AppData, view: View) -> int:
    ids_in_order = [e.id for e in data.timeline]
    return ids_in_order.index(view.event) if view.event in ids_in_order else len(data.timeline)


def scenario_controls(view: View, data: AppData, cap_ids: list[str]) -> tuple:
    """The scenario controls' values for a view: switches off, timeline position, leg sizes. The tab
    is built with these, and the callbacks set and compare them: a control showing them is no change."""
    capacities = dict(view.capacities)
    return (sorted(view.off), event_position(data, view),
            [capacities.get(edge_id, data.oil.edges[edge_id].capacity) for edge_id in cap_ids])


def event_detail(data: AppData, view: View) -> list:
    event = data.event(view.event)
    if event is None and (view.off or view.capacities):
        return [html.P("Your own scenario: the switches and sizes below.", className="hint")]
    if event is None:
        return [html.P("Today's network, as the sources describe it. Move the slider to replay an event.",
                       className="hint")]
    return [html.P([html.Strong(event.date), f" — {event.title} "]),
            html.P(["Sources: ", *source_links(event.sources)], className="hint")]


def scenario_result_view(data: AppData, view: View) -> list:
    result = scenario_result(view, data.oil)
    oil = data.oil
    routes = data.registry.network.routes
    share = result.total / result.supply if result.supply else 0
    rows = [html.Tr([html.Td(routes[route_id].short_name if route_id in routes else route_id),
                     html.Td(f"{mt:,.1f}"), html.Td(f"{mt / result.total:.0%}" if result.total else "—"),
                     html.Td("yes" if route_id in oil.crosses_russia else "no")])
            for route_id, mt in result.by_route]
    bottlenecks = [oil.edges[e] for e in result.bottlenecks]
    return [
        html.P(className="headline", children=[
            "Kazakhstan can export ", html.Strong(f"{result.total:,.1f} Mt/y"),
            f" of the {result.supply:,.1f} Mt it exported in 2025 ({share:.0%})."]),
        html.Ul(className="metrics", children=[
            html.Li(["Share that must cross Russia: ", html.Strong(f"{result.russia_share:.0%}"),
                     " (the split that sends the least through Russia)"]),
            html.Li(["Concentration of export routes (HHI): ", html.Strong(f"{result.hhi:,.0f}"),
                     " of 10,000"]),
            html.Li(["Bottlenecks: ", html.Strong("; ".join(f"{e.label}" for e in bottlenecks)
                                                  or "none — the 2025 export volume fits")]),
        ]),
        html.Table(className="figures", children=[
            html.Caption("Routes carrying it (Mt/y)"),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in ("Exit route", "Mt/y", "Share", "Via Russia")])),
            html.Tbody(rows),
        ]),
    ]


def assumptions(data: AppData) -> html.Details:
    oil = data.oil
    items = [html.Li([f"Oil to move: {oil.supply:,.1f} Mt/y — {oil.supply_label}. ", *source_links(oil.supply_sources)])]
    basis_words = {"figure": "published capacity", "derived": "derived from published figures",
                   "volume": "a recent annual volume, used as today's capacity"}
    for edge in oil.edges.values():
        if edge.capacity is None:
            continue
        items.append(html.Li([f"{edge.label}: {edge.capacity:,.1f} Mt/y ({basis_words.get(edge.basis, edge.basis)}). ",
                              *source_links(edge.sources)]))
    items.append(html.Li("Links without a sourced capacity (fields to the hubs, Transneft beyond Samara, the CPC "
                         "terminal's moorings when open) are not limits. Rail to Batumi and Kulevi has no sourced "
                         "capacity and is left out. Mt and bbl/d are not converted: no factor is sourced."))
    return html.Details(className="assumptions", children=[html.Summary("Assumptions and sources"), html.Ul(items)])


def scenario_panel(data: AppData, view: View) -> html.Div:
    """The tab's contents for a view, built when the tab is first opened; the callbacks keep them
    current from then on."""
    oil = data.oil
    off, position, capacities = scenario_controls(view, data, [edge.id for edge in oil.expandable])
    return html.Div(className="scenario", children=[
        html.H2("What if a route is cut?"),
        html.Div(scenario_result_view(data, view), id=ids.in_tab(ids.SCENARIO_RESULT), role="status", **{"aria-live": "polite"}),
        html.Fieldset(className="control", children=[
            html.Legend("Timeline of events"),
            dcc.Slider(id=ids.in_tab(ids.EVENT_SLIDER), min=0, max=len(data.timeline), step=1, value=position,
                       marks=event_marks(data), included=False),
            html.Div(event_detail(data, view), id=ids.in_tab(ids.EVENT_DETAIL)),
        ]),
        html.Fieldset(className="control", children=[
            html.Legend("Switch off"),
            dcc.Checklist(id=ids.in_tab(ids.SCENARIO_OFF), className="checklist", value=off,
                          options=[{"label": s.label, "value": s.id} for s in oil.switches.values()]),
        ]),
        html.Fieldset(className="control", children=[
            html.Legend("Grow (Mt/y)"),
            *[html.Div(className="capacity-control", children=[
                html.Label(edge.label, htmlFor=f"cap-{edge.id}"),
                dcc.Slider(id={"type": ids.SCENARIO_CAP, "id": edge.id}, min=0, max=edge.expandable_to, step=0.5,
                           value=capacity,
                           marks={0: "0", edge.capacity: "today" if edge.capacity else "0",
                                  edge.expandable_to: f"{edge.expandable_to:g}"},
                           tooltip={"placement": "bottom", "always_visible": False}),
            ]) for edge, capacity in zip(oil.expandable, capacities)],
        ]),
        html.Button("Back to today", id=ids.in_tab(ids.SCENARIO_RESET), n_clicks=0, className="clear"),
        assumptions(data),
    ])
