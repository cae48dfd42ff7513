"""The Scenarios tab: switch parts of the oil export network off, grow the legs that can grow, or
replay a dated event as it happened. Today reads the sources' volumes; a disruption reads as a range,
the floor (the other routes as today) and the ceiling (every other route up to its capacity), with the
share through Russia, the concentration and what binds, and where the data leave a split open; with
every assumption and source."""

from __future__ import annotations

import json
from dataclasses import replace

from dash import dcc, html

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.figure.map_figure import scenario_result
from dashboard.scenario.summary import (binds_text, headline, hhi_text, mt, open_split_text, percent, route_text,
                                        share_text)
from dashboard.ui.panels import source_links
from dashboard.url_state import encode
from dashboard.view import View

PLAY_STEP_MS = 2000  # time to read an event's line before the next


def event_marks(data: AppData) -> dict:
    """A tick per event, named by its year ('22) only at the year's first event, and "Today" at the end:
    labels that never run into each other at any width. The event itself is named beside the
    timeline (event_detail) and to a screen reader (event_value_texts)."""
    marks, years = {}, set()
    for i, event in enumerate(data.timeline):
        year = event.date[:4]
        # A short year ('22) fits one step even on a phone; a blank mark must be a space, not "" (which
        # Dash replaces with the position's number).
        marks[i] = {"label": f"\u2019{year[2:]}" if year not in years else "\u00a0"}
        years.add(year)
    marks[len(data.timeline)] = {"label": "Today"}
    return marks


def event_value_texts(data: AppData) -> dict[str, str]:
    """What a screen reader says at each position of the timeline, instead of the position's number."""
    texts = {str(i): f"{e.date}: {e.title}" for i, e in enumerate(data.timeline)}
    texts[str(len(data.timeline))] = "Today"
    return texts


def slider_names(label_id: str, **meaning) -> dict:
    """Attributes of a slider's wrapper by which assets/page.js names the slider (Dash's Slider takes
    no aria attributes): the id of the text naming it, and what its values mean."""
    attributes = {"data-slider-name": label_id}
    if "values" in meaning:
        attributes["data-slider-values"] = json.dumps(meaning["values"])
    if "unit" in meaning:
        attributes["data-slider-unit"] = meaning["unit"]
    return attributes


def event_position(data: AppData, view: View) -> int:
    ids_in_order = [e.id for e in data.timeline]
    return ids_in_order.index(view.event) if view.event in ids_in_order else len(data.timeline)


def scenario_controls(view: View, data: AppData, cap_ids: list[str]) -> tuple:
    """The scenario controls' values for a view: switches off, timeline position, leg sizes. The tab
    is built with these, and the callbacks set and compare them: a control showing them is no change."""
    capacities = dict(view.capacities)
    return (sorted(view.off), event_position(data, view),
            [capacities.get(edge_id, data.oil.edges[edge_id].capacity) for edge_id in cap_ids])


KIND_WORDS = {"outage": "Outage", "cap": "Partial: capacity capped", "none": "Changed nothing",
              "agreement": "Agreement signed (no capacity added)", "target": "A stated target, not capacity"}


def what_if_href(view: View, event) -> str:
    """The address of the view with a target applied as the user's own what-if."""
    capacities = dict(view.capacities) | dict(event.what_if_capacities)
    return "?" + encode(replace(view, off=view.off | frozenset(event.what_if_off),
                                capacities=tuple(sorted(capacities.items())), event=None))


def event_detail(data: AppData, view: View) -> list:
    event = data.event(view.event)
    if event is None and (view.off or view.capacities):
        return [html.P("Your own scenario: the switches and sizes below.", className="hint")]
    if event is None:
        return [html.P("Today's network, as the sources describe it. Move the slider to replay an event: only "
                       "outages and caps change the network; agreements and targets are marks.", className="hint")]
    parts = [html.P([html.Strong(event.date), f" — {event.title} "]),
             html.P([html.Strong(KIND_WORDS.get(event.kind, event.kind)),
                     f". Lasted: {event.duration}." if event.duration else "", f" {event.note}" if event.note else ""],
                    className="hint")]
    if event.stated:
        parts.append(html.P(["Stated: ", html.Q(event.stated)], className="hint"))
    if event.what_if_off or event.what_if_capacities:
        parts.append(dcc.Link("Apply it as a what-if", href=what_if_href(view, event), className="what-if"))
    parts.append(html.P(["Sources: ", *source_links(event.sources)], className="hint"))
    return parts


def route_rows(data: AppData, result) -> list:
    names = route_names(data)
    oil = data.oil
    floor = {r.route: r for r in result.floor.routes}
    ceiling = {r.route: r for r in result.ceiling.routes}
    volumes = oil.volume_of
    order = sorted(set(floor) | set(ceiling) | {r for r, v in volumes.items() if v},
                   key=lambda r: (-volumes.get(r, 0), -(ceiling[r].high if r in ceiling else 0), r))
    rows = []
    for route_id in order:
        cells = [names.get(route_id, route_id), mt(volumes.get(route_id, 0)) if volumes.get(route_id) else "—"]
        if result.changed:
            cells += [route_text(floor.get(route_id)), route_text(ceiling.get(route_id))]
        else:
            cells.append(percent(volumes[route_id] / result.today) if result.today and volumes.get(route_id) else "—")
        cells.append("yes" if route_id in oil.crosses_russia else "no")
        rows.append(html.Tr([html.Td(c) for c in cells]))
    return rows


def route_names(data: AppData) -> dict[str, str]:
    return {route_id: route.short_name for route_id, route in data.registry.network.routes.items()}


def scenario_result_view(data: AppData, view: View) -> list:
    result = scenario_result(view, data.oil)
    oil = data.oil
    year = oil.volume_year
    if result.changed and result.ceiling.total <= 0:
        return nothing_left_view(data, result)
    if not result.changed:
        metrics = [
            html.Li(["Share through Russia (of what the routes carried): ", html.Strong(share_text(result.floor.russia))]),
            html.Li(["Concentration of export routes (HHI, of what they carried): ",
                     html.Strong(hhi_text(result.floor.hhi)), " of 10,000"]),
            html.Li(f"{mt(oil.supply - result.today)} Mt of the export total is on no route in the sources: "
                    f"{oil.tolerance_reason}"),
            html.Li(["Room: with every route up to its capacity the network could carry ",
                     html.Strong(f"{mt(result.ceiling.total)} Mt/y"), f" ({binds_text(oil, result.ceiling)})."]),
        ]
        heads = ("Exit route", f"{year} (Mt)", "Share", "Via Russia")
    else:
        metrics = [
            html.Li(["Share through Russia: floor ", html.Strong(share_text(result.floor.russia)), ", ceiling ",
                     html.Strong(share_text(result.ceiling.russia))]),
            html.Li(["Concentration of export routes (HHI): floor ", html.Strong(hhi_text(result.floor.hhi)),
                     ", ceiling ", html.Strong(hhi_text(result.ceiling.hhi)), " of 10,000"]),
            html.Li(["What binds at the ceiling: ", html.Strong(binds_text(oil, result.ceiling))]),
        ]
        open_split = open_split_text(result.ceiling, route_names(data))
        if open_split:
            metrics.append(html.Li(open_split))
        heads = ("Exit route", f"{year} (Mt)", "Floor", "Ceiling", "Via Russia")
    return [
        html.P(headline(result, year), className="headline"),
        html.Ul(className="metrics", children=metrics),
        html.Table(className="figures", children=[
            html.Caption("Routes, Mt/y" + (": today's volumes, the floor and the ceiling (a range where the data "
                                           "do not decide)" if result.changed else ": what each carried")),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in heads])),
            html.Tbody(route_rows(data, result)),
        ]),
    ]


def nothing_left_view(data: AppData, result) -> list:
    """No oil can leave: every export route is switched off or capped to nothing. A range from 0 to 0, a
    share through Russia of nothing and "nothing binds" would each be false, so say the one true thing."""
    return [
        html.P(f"With these parts switched off or capped to nothing, no export route is left: Kazakhstan could "
               f"export none of the {mt(result.supply)} Mt it exported in {data.oil.volume_year}.", className="headline"),
        html.Table(className="figures", children=[
            html.Caption(f"Routes, Mt/y: what each carried in {data.oil.volume_year}; none is left to carry any"),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in ("Exit route", f"{data.oil.volume_year} (Mt)",
                                                                  "Floor", "Ceiling", "Via Russia")])),
            html.Tbody(route_rows(data, result)),
        ]),
    ]


def assumptions(data: AppData) -> html.Details:
    oil = data.oil
    items = [html.Li([f"Oil to move: {oil.supply:,.1f} Mt/y — {oil.supply_label}. ", *source_links(oil.supply_sources)])]
    for volume in oil.volumes:
        figure = f"{volume.value:,.1f} Mt in {volume.year}" if volume.value is not None else "no published volume"
        items.append(html.Li([f"Today, {volume.label}: {figure}. ", *source_links(volume.sources)]))
    basis_words = {"figure": "published capacity", "derived": "derived from published figures",
                   "volume": "no capacity is published: its recent volume is taken as the most it carries"}
    for edge in oil.edges.values():
        if edge.capacity is None:
            continue
        items.append(html.Li([f"Capacity, {edge.label}: {edge.capacity:,.1f} Mt/y ({basis_words.get(edge.basis, edge.basis)}). ",
                              *([f"{edge.what_if}. "] if edge.what_if else []), *source_links(edge.sources)]))
    items.append(html.Li("Links without a sourced capacity (fields to the hubs, Transneft beyond Samara, the tankers "
                         "from Aktau to Baku) are not limits of their own. Rail to Batumi and Kulevi has no sourced "
                         "capacity or Kazakh volume and is left out. Events are replayed on today's network and "
                         "volumes. Mt and bbl/d are not converted: no factor is sourced."))
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
            html.Legend("Timeline of events", id=ids.TIMELINE_LABEL),
            # No number box: a position's number means nothing; the marks and the detail say the event.
            html.Div(dcc.Slider(id=ids.in_tab(ids.EVENT_SLIDER), min=0, max=len(data.timeline), step=1,
                                value=position, marks=event_marks(data), included=False, allow_direct_input=False),
                     **slider_names(ids.TIMELINE_LABEL, values=event_value_texts(data))),
            html.Div(className="timeline-play", children=[
                html.Button("▶ Play the events", id=ids.in_tab(ids.TIMELINE_PLAY), n_clicks=0,
                            className="play-button", **{"aria-pressed": "false"}),
                html.Span("steps through the events every two seconds, the map and the link following",
                          className="hint"),
                dcc.Interval(id=ids.in_tab(ids.TIMELINE_TICK), interval=PLAY_STEP_MS, disabled=True),
            ]),
            html.Div(event_detail(data, view), id=ids.in_tab(ids.EVENT_DETAIL)),
        ]),
        html.Fieldset(className="control", children=[
            html.Legend("Switch off"),
            dcc.Checklist(id=ids.in_tab(ids.SCENARIO_OFF), className="checklist", value=off,
                          options=[{"label": s.label, "value": s.id} for s in oil.switches.values()]),
        ]),
        html.Fieldset(className="control", children=[
            html.Legend("Grow (Mt/y)"),
            *[html.Div(className="capacity-control", **slider_names(ids.capacity_label(edge.id), unit="Mt/y"),
                       children=[
                html.Span(edge.label, id=ids.capacity_label(edge.id), className="capacity-label"),
                dcc.Slider(id={"type": ids.SCENARIO_CAP, "id": edge.id}, min=0, max=edge.expandable_to, step=0.5,
                           value=capacity,
                           marks={0: "0", edge.capacity: "capacity" if edge.capacity else "0",
                                  edge.expandable_to: f"{edge.expandable_to:g}"},
                           tooltip={"placement": "bottom", "always_visible": False}),
            ]) for edge, capacity in zip(oil.expandable, capacities)],
        ]),
        html.Button("Back to today", id=ids.in_tab(ids.SCENARIO_RESET), n_clicks=0, className="clear"),
        assumptions(data),
    ])
