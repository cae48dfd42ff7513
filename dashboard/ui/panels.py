"""The details and statements panels, as Dash components built from frozen records.

Every text from data or seeds goes in as a plain string child, which React renders as text: markup
in an article is shown, never executed. No Markdown, no dangerously_allow_html, anywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from dash import dcc, html

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.figure.labels import place_name
from dashboard.figure.styles import COMMODITY_LABELS, MODE_LABELS, STATUS_STYLES
from dashboard.registry.geometry import leg_length_km
from dashboard.registry.model import Figure, Route, Source, UNDATED
from dashboard.statements.model import DIRECT, Article, Statement
from dashboard.statements.query import (NEWEST, RELEVANCE, Entry, Page, StatementIndex, find, page_of,
                                        page_with)
from dashboard.statements.timeline import said_periods
from dashboard.ui.placeholders import deferred
from dashboard.view import STATEMENT_FILTER_FIELDS, View, statement_filters

MISSING_URL = "address not recorded"


def source_links(sources: tuple[Source, ...]) -> list:
    items = []
    for source in sources:
        if source.url:
            items.append(html.A(source.title, href=source.url, target="_blank", rel="noopener noreferrer",
                                className="source-link"))
        else:
            items.append(html.Span(f"{source.title} ({MISSING_URL})", className="source-link"))
    return [item for pair in zip(items, ["; "] * len(items)) for item in pair][:-1] if items else ["no source"]


def as_of_text(as_of: str) -> str:
    return "undated in source" if as_of == UNDATED else f"as of {as_of}"


def figure_row(figure: Figure) -> html.Tr:
    value = f"{figure.value_text} {figure.unit}".strip()
    return html.Tr([
        html.Td(figure.metric),
        html.Td(value),
        html.Td(as_of_text(figure.as_of)),
        html.Td(figure.confidence or "—"),
        html.Td([*source_links(figure.sources), *([html.Div(figure.note, className="figure-note")] if figure.note
                                                   else [])]),
    ])


def figures_table(figures: list[Figure], caption: str) -> html.Table:
    return html.Table(className="figures", children=[
        html.Caption(caption),
        html.Thead(html.Tr([html.Th(h, scope="col") for h in ("Figure", "Value", "When", "Confidence",
                                                                  "Source")])),
        html.Tbody([figure_row(f) for f in figures]),
    ])


def _countries_line(route: Route, data: AppData) -> list:
    computed = data.computed[route.id].transit_countries
    published = route.published_transit_countries
    out = [html.Dt("Countries (computed from the drawn line)"), html.Dd(" → ".join(computed) or "—"),
           html.Dt("Countries (published)"), html.Dd(" → ".join(published) or "—")]
    if route.transit_differs.why:
        out += [html.Dt("Why they differ"), html.Dd(route.transit_differs.why)]
    return out


def _length_line(route: Route, data: AppData) -> list:
    facts = data.computed[route.id]
    out = [html.Dt("Length (computed from the drawn line)"),
           html.Dd(f"{facts.main_line_km:,.0f} km along the main line; {facts.drawn_km:,.0f} km of lines drawn "
                   "(schematic alignment)")]
    if route.length:
        out += [html.Dt("Length (published)"),
                html.Dd([f"{route.length.value_text} km, {as_of_text(route.length.as_of)} — ",
                         *source_links(route.length.sources),
                         *([html.Div(route.length.note, className="figure-note")] if route.length.note else [])])]
    if route.length_differs:
        out += [html.Dt("Why the lengths differ"), html.Dd(route.length_differs)]
    return out


def route_details(route: Route, data: AppData) -> html.Div:
    network = data.registry.network
    status = STATUS_STYLES[route.status]
    figures = [f for f in (route.capacity,) if f] + list(route.figures)
    legs = [html.Li(f"{network.nodes[leg.start].name} → {network.nodes[leg.end].name}: {MODE_LABELS[leg.mode]}"
                    f"{' (subsea)' if leg.subsea else ''}, {leg_length_km(leg):,.0f} km computed"
                    f"{' — approximate end position' if leg.approximate else ''}")
            for leg in network.route_legs(route.id)]
    statements = data.corpus.statements_for_route(route.id)
    newest = sorted(statements, key=lambda s: data.corpus.article(s.article_id).published,
                    reverse=True)[:ROUTE_STATEMENTS_SHOWN]
    return html.Div(className="route-details", children=[
        html.H2(route.name, id="details-title"),
        html.P(className=f"status status-{route.status}", children=[
            html.Strong(status.label), f" ({as_of_text(route.status_as_of)}): {route.status_note} ",
            html.Span(["Source: ", *source_links(route.status_sources)], className="status-source")]),
        html.Dl(className="route-facts", children=[
            html.Dt("Commodity"), html.Dd(f"{COMMODITY_LABELS[route.commodity]} — {route.commodity_detail}"),
            html.Dt("Operator"), html.Dd(route.operator or "unsourced"),
            *_length_line(route, data),
            *_countries_line(route, data),
        ]),
        figures_table(figures, "Figures, each with its source") if figures else html.P(
            "No capacity or volume figure is sourced for this route.", className="unsourced"),
        html.H3("Legs"), html.Ul(legs, className="legs"),
        *([html.H3("Events"), html.Ul([html.Li([html.Strong(e.date), f" — {e.event} ", *source_links(e.sources)])
                                       for e in route.events], className="events")] if route.events else []),
        html.H3("What was said about it"),
        *([html.P(mentioned_text(len(statements), len(newest)), className="route-statement-count")]
          if statements else []),
        html.Ul([html.Li([html.Span("Quote: " if s.kind == DIRECT else "Reported: ", className="kind"),
                          *(["“", *statement_body(s), "”"] if s.kind == DIRECT else statement_body(s)),
                          f" — {s.speaker.name}, {data.corpus.article(s.article_id).dateline} ",
                          html.Button("Show this statement", id={"type": ids.DETAILS_STATEMENT, "id": s.id},
                                      n_clicks=0, className="statement-link")])
                 for s in newest], className="route-statements") if statements else html.P(
            "No statement in the seeded articles concerns this route."),
        *([html.P(route.notes, className="route-notes")] if route.notes else []),
        html.P(["Route sources: ", *source_links(route.sources)], className="route-sources"),
    ])


# Route details list this many of the statements about a route, newest first; the statements panel
# filtered by the route (About) has them all.
ROUTE_STATEMENTS_SHOWN = 5


def mentioned_text(count: int, shown: int) -> str:
    said = f"Mentioned in {count} statement{'s' if count != 1 else ''}"
    if shown < count:
        return f"{said}; the newest {shown} below. Filter What was said by this route (About) for all of them."
    return f"{said}."


def details_placeholder() -> html.Div:
    return html.Div(className="details-empty", children=[
        html.H2("Route details"),
        html.P("Click a route on the map, choose one from the route list, or pick a statement to see its "
               "figures, sources and what was said about it."),
    ])


def statement_body(statement: Statement) -> list:
    parts = []
    for segment in statement.segments:
        if segment.kind == "editorial":
            parts.append(html.Span(segment.text, className="editorial",
                                   title=f"Inserted by {segment.note_by}: an editorial note, not the speaker's words"))
        else:
            parts.append(segment.text)
    return parts


def statement_card(statement: Statement, article: Article, topic_labels: dict[str, str],
                   class_name: str = "statement-card") -> html.Div:
    direct = statement.kind == DIRECT
    editorial = any(s.kind == "editorial" for s in statement.segments)
    return html.Div(
        id={"type": ids.STATEMENT_CARD, "id": statement.id}, n_clicks=0, role="button", tabIndex="0",
        className=class_name, **{"aria-pressed": str("is-selected" in class_name.split()).lower()},
        # What the page draws the moment the card is clicked (assets/page.js routeMapInstantSelect):
        # carried by the card, so the figure need not list every statement of the corpus.
        **{"data-statement": statement.id, "data-routes": " ".join(statement.route_ids)},
        children=[
            html.Span("Direct quote" if direct else "Reported statement",
                      className=f"kind kind-{statement.kind}"),
            html.Blockquote(statement_body(statement), className="quote" if direct else "reported"),
            *([html.P(f"The bracketed note is {article.outlet}'s insertion, not {statement.speaker.name}'s words.",
                      className="editorial-explain")] if editorial else []),
            html.P(className="attribution", children=[
                f"— {', '.join(filter(None, (statement.speaker.name, statement.speaker.role)))} · {article.dateline} · "
                f"{article.outlet}",
                html.Span(f" ({statement.attribution})" if statement.attribution else "", className="as-printed"),
            ]),
            html.Ul([html.Li(topic_labels.get(t, t)) for t in statement.topic_ids], className="topics"),
            *([html.P(f"Why on the map: {'; '.join(statement.link_reasons)}", className="link-reasons")]
              if statement.link_reasons else []),
        ])


def article_header(article: Article) -> html.Div:
    speaker = article.speakers[0]
    spelled = [s for s in speaker.spellings_in_text if s != speaker.name and " " not in s]
    return html.Div(className="article", children=[
        html.H3(article.title),
        html.P(f"{article.outlet}, {article.dateline}, {article.place}. {article.occasion}."),
        html.P(className="article-source", children=(
            [html.A("Read the article", href=article.url, target="_blank", rel="noopener noreferrer")]
            if article.url else [article.url_note])),
        *([html.P(f"The article spells the minister's name “{spelled[0]}”; quotations keep its spelling, "
                  f"attributions use the correct one ({speaker.name}).", className="spelling-note")]
          if spelled else []),
        *([html.P(["Corroborated by: ", *source_links(article.corroboration)],
                  className="corroboration")] if article.corroboration else []),
    ])


# The cards the list first shows (once the map has drawn): about two screens of them on a phone, where the list runs on below
# the map (on a desktop the panel's search, filters and timeline come first, and at most two cards are
# in view), and the seeded article's seven statements whole. The page's other cards come when the
# reader asks for them (STATEMENT_MORE), so the page is served at one cost whatever the corpus holds.
FIRST_SCREEN = 7


def statements_panel(data: AppData, view: View = View()) -> list:
    """The statements tab as the page is served: the filters, the summary and the pager; the timeline and
    the first screen of the first page of cards follow once the map has drawn. Only one page of cards is
    ever on the page (ui/callbacks/statements.py turns pages and brings the rest of the first), so its
    cost does not grow with the corpus."""
    found, page = view_results(data.corpus.index, view)
    return [
        html.H2("What was said"),
        statement_filters_form(data, view),
        html.Div([], id=ids.STATEMENT_TIMELINE, className="statement-timeline"),
        html.P(summary_text(page, view), id=ids.STATEMENT_SUMMARY, className="statement-summary", role="status"),
        # The cards and the timeline come once the map has drawn (ui/callbacks/statements.py).
        html.Div(deferred("the statements"), id=ids.STATEMENT_LIST,
                 className="statement-list"),
        pager(page, view),
        dcc.Store(id=ids.STATEMENT_LIST_KEY, data=None),
    ]


def view_results(index: StatementIndex, view: View) -> tuple[tuple[Entry, ...], Page]:
    found = find(index, statement_filters(view))
    return found, page_of(found, view.page, view.statement, index)


def list_key(page: Page, view: View, shown: int | None = None) -> dict:
    """What the list shows, and for which filters: the page's cards, or its first `shown` with the rest
    to come ("more"). The list is rebuilt only when this changes, not on every selection."""
    ids_shown = [e.statement.id for e in page.entries[:shown]]
    return {"ids": ids_shown, "more": len(ids_shown) < len(page.entries),
            "pinned": page.pinned.statement.id if page.pinned else None, "filters": repr(statement_filters(view))}


def list_is_current(shown: dict | None, key: dict, selected: str | None) -> bool:
    """Whether the list on the page shows what `key` (the whole page's) asks for: the same cards, or the
    first of them with the rest to come when asked for, unless the selected statement is among the rest
    (a selected statement is always shown)."""
    if not shown:
        return False
    if shown == key:
        return True
    first = shown.get("ids") or []
    return (bool(shown.get("more")) and shown.get("pinned") == key["pinned"] and shown.get("filters") == key["filters"]
            and key["ids"][:len(first)] == first and (selected not in key["ids"] or selected in first))


def statement_list(data: AppData, page: Page, found: tuple[Entry, ...],
                   card_class: Callable[[str], str] = lambda statement_id: "statement-card",
                   shown: int | None = None) -> list:
    """The page's cards, each article's header before its first card, and the selected statement
    above them when it is on another page or outside the filters. With `shown`, only the first
    `shown` cards, and a button that brings the others (statement_list_rest)."""
    children = []
    if page.pinned:
        on_page = page_with(found, page.pinned.statement.id)
        note = ("The selected statement: not among those the filters find." if page.pinned_outside
                else f"The selected statement (on page {on_page}).")
        children.append(html.Div(className="pinned", children=[
            html.P(note, className="pinned-note"),
            statement_card(page.pinned.statement, page.pinned.article, topic_labels_of(data),
                           card_class(page.pinned.statement.id)),
            statement_links(data, page.pinned.statement, pinned=True)]))
    if not page.entries:
        children.append(html.P("No statement matches these filters.", className="hint"))
    first = page.entries[:shown]
    children += statement_cards(data, first, card_class)
    if len(first) < len(page.entries):
        rest = f"{page.first + len(first)}–{page.first + len(page.entries) - 1}"
        children.append(html.Div(id=ids.REST_OF_PAGE, children=[
            html.Button(f"Show this page's other {len(page.entries) - len(first)} statements ({rest})",
                        id=ids.MORE_BUTTON, n_clicks=0, className="pager-button statement-more")]))
    return children


def statement_list_rest(data: AppData, page: Page, shown: int,
                        card_class: Callable[[str], str] = lambda statement_id: "statement-card") -> list:
    """The page's cards after its first `shown`: what the button statement_list ends with brings."""
    previous = page.entries[shown - 1].article.id if 0 < shown <= len(page.entries) else None
    return statement_cards(data, page.entries[shown:], card_class, previous)


def topic_labels_of(data: AppData) -> dict[str, str]:
    return {t.id: t.label for t in data.corpus.topics}


def statement_cards(data: AppData, entries: tuple[Entry, ...], card_class: Callable[[str], str],
                    previous_article: str | None = None) -> list:
    """Each statement's card and its links, each article's header before its first card (none before
    the first when it continues `previous_article`)."""
    labels = topic_labels_of(data)
    children = []
    previous = previous_article
    for entry in entries:
        if entry.article.id != previous:
            children.append(article_header(entry.article))
            previous = entry.article.id
        children.append(statement_card(entry.statement, entry.article, labels, card_class(entry.statement.id)))
        children.append(statement_links(data, entry.statement))
    return children


def statement_links(data: AppData, statement: Statement, pinned: bool = False) -> html.Div:
    """The routes and places a statement concerns, each a link that selects it on the map (beside the
    card, not in it: the card is itself a button)."""
    network = data.registry.network
    where = "pinned" if pinned else "list"

    def link(kind: str, target: str, label: str) -> html.Button:
        return html.Button(label, id={"type": ids.STATEMENT_LINK, "id": f"{kind}:{target}@{statement.id}@{where}"},
                           n_clicks=0, className="statement-link")

    routes = [link("route", r, network.routes[r].short_name) for r in statement.route_ids if r in network.routes]
    places = [link("place", n, place_name(network.nodes[n])) for n in statement.node_ids if n in network.nodes]
    if not routes and not places:
        return html.Div(className="statement-links")
    return html.Div(className="statement-links", children=[
        *([html.Span("Routes: ", className="kind"), *routes] if routes else []),
        *([html.Span(" Places: ", className="kind"), *places] if places else []),
    ])


def summary_text(page: Page, view: View) -> str:
    order = "most relevant first" if view.order == RELEVANCE and view.search else "newest first"
    if not page.total:
        return "No statement found."
    shown = f"{page.first}–{page.first + len(page.entries) - 1}"
    return f"{page.total:,} statement{'s' if page.total != 1 else ''}, {order}; showing {shown}."


def pager_text(page: Page) -> str:
    return f"Page {page.number} of {page.count}"


PAGER_BUTTONS = (("first", "« First"), ("prev", "‹ Previous"), ("next", "Next ›"), ("last", "Last »"))


def action_disabled(page: Page, view: View) -> dict[str, bool]:
    """Which of the pager's buttons and 'Clear filters' can do nothing now."""
    return {"first": page.number <= 1, "prev": page.number <= 1, "next": page.number >= page.count,
            "last": page.number >= page.count, "clear": not filters_active(view)}


def filters_active(view: View) -> bool:
    return any(getattr(view, field) != getattr(View(), field) for field in STATEMENT_FILTER_FIELDS)


def pager(page: Page, view: View) -> html.Nav:
    disabled = action_disabled(page, view)
    buttons = [html.Button(label, id={"type": ids.STATEMENT_ACTION, "id": action}, n_clicks=0,
                           className="pager-button", disabled=disabled[action]) for action, label in PAGER_BUTTONS]
    return html.Nav(className="statement-pager", **{"aria-label": "Pages of statements"}, children=[
        *buttons[:2], html.Span(pager_text(page), id=ids.STATEMENT_PAGER, className="pager-label"), *buttons[2:]])


def _facet_options(facets) -> list[dict]:
    return [{"label": f"{f.label} ({f.count})", "value": f.id} for f in facets]


def about_options(data: AppData) -> list[dict]:
    """The routes and places statements concern, routes first, most mentioned first."""
    network = data.registry.network
    counts = data.corpus.index.about_counts
    routes = [(f"Route: {network.routes[k].short_name}", k) for k in counts if k in network.routes]
    places = [(f"Place: {network.nodes[k].name}", k) for k in counts if k in network.nodes and k not in network.routes]
    return [{"label": f"{label} ({counts[key]})", "value": key}
            for group in (routes, places) for label, key in sorted(group, key=lambda item: (-counts[item[1]], item[0]))]


def filter_control(field: str) -> dict:
    """A statement filter's id: it names the View field the control sets."""
    return {"type": ids.STATEMENT_FILTER, "id": field}


def filter_dropdowns(data: AppData, view: View) -> list:
    """The speaker, outlet, topic and route-or-place filters. They come once the map has drawn
    (layout.deferred_parts): four dropdowns indexing their options held the first draw back."""
    index = data.corpus.index
    labels = topic_labels_of(data)
    topics = [{"label": f"{labels.get(k, k)} ({n})", "value": k}
              for k, n in sorted(index.topic_counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def dropdown(field, options, placeholder):
        return dcc.Dropdown(id=filter_control(field), options=options, value=sorted(getattr(view, field)), multi=True,
                            placeholder=placeholder, className="statement-dropdown")

    return [dropdown("speakers", _facet_options(index.speakers), "Speaker"),
            dropdown("outlets", _facet_options(index.outlets), "Outlet"),
            dropdown("topics", topics, "Topic"),
            dropdown("about", about_options(data), "Route or place")]


def statement_filters_form(data: AppData, view: View) -> html.Div:
    """Search, order and filters; every control's id names the View field it sets (STATEMENT_FILTER)."""
    index = data.corpus.index
    control = filter_control
    dates = index.dates
    bounds = {"min": min(dates).isoformat(), "max": max(dates).isoformat()} if dates else {}
    return html.Div(className="statement-filters", role="search", children=[
        html.Div(className="search-row", children=[
            html.Label(className="statement-search", children=[
                html.Span("Search the statements", className="visually-hidden"),
                dcc.Input(id=control("search"), type="search", value=view.search, debounce=True,
                          placeholder="Search the statements (Enter)")]),
            dcc.RadioItems(id=control("order"), value=view.order, inline=True, className="checklist order",
                           options=[{"label": "Newest first", "value": NEWEST},
                                    {"label": "Most relevant", "value": RELEVANCE}]),
        ]),
        html.Details(open=True, className="more-filters", children=[
            html.Summary("Filters"),
            html.Div(deferred("the filters"), id=ids.FILTER_DROPDOWNS, className="filter-dropdowns"),
            html.Div(className="date-range", children=[
                html.Label(["From", dcc.Input(id=control("date_from"), type="date", value=view.date_from or "",
                                              **bounds)]),
                html.Label(["To", dcc.Input(id=control("date_to"), type="date", value=view.date_to or "", **bounds)]),
                html.Button("Clear filters", id={"type": ids.STATEMENT_ACTION, "id": "clear"}, n_clicks=0,
                            className="clear", disabled=not filters_active(view)),
            ]),
        ]),
    ])


def _as_date(text: str) -> dt.date | None:
    """An event's date, which may give only the month ("2022-11")."""
    try:
        return dt.date.fromisoformat(text if len(text) == 10 else f"{text[:7]}-01")
    except ValueError:
        return None


def statements_timeline(data: AppData, found: tuple[Entry, ...]) -> list:
    """Who said what when, beside what happened to the routes: a mark per period statements were made
    in (dark: among those found; at most MAX_PERIODS, whatever the corpus), and a row of the timeline's
    events, on one time axis."""
    periods = said_periods((e.published for e in data.corpus.index.entries), (e.published for e in found))
    events = [(day, event.title) for event in data.timeline if (day := _as_date(event.date))]
    days = [p.first_day for p in periods] + [day for day, _ in events]
    if not days:
        return []
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    where = lambda day: {"left": f"{100 * (day - first).days / span:.2f}%"}  # noqa: E731
    statement_marks = [html.Span(className="mark is-found" if p.found else "mark", style=where(p.first_day),
                                 title=f"{p.label}: {p.found} of {p.said} statements found")
                       for p in periods]
    event_marks = [html.Span(className="mark event", style=where(day), title=f"{day.isoformat()}: {title}")
                   for day, title in events]
    return [
        html.Div(className="timeline-row", children=[html.Span("Said", className="timeline-label"),
                                                     html.Div(statement_marks, className="timeline-track")]),
        html.Div(className="timeline-row", children=[html.Span("Events", className="timeline-label"),
                                                     html.Div(event_marks, className="timeline-track")]),
        html.Div(className="timeline-axis", children=[html.Span(first.strftime("%b %Y")),
                                                      html.Span(last.strftime("%b %Y"))]),
    ]
