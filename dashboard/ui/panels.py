"""The details and statements panels, as Dash components built from frozen records.

Every text from data or seeds goes in as a plain string child, which React renders as text: markup
in an article is shown, never executed. No Markdown, no dangerously_allow_html, anywhere.
"""

from __future__ import annotations

from dash import html

from dashboard import ids
from dashboard.appdata import AppData
from dashboard.figure.styles import COMMODITY_LABELS, MODE_LABELS, STATUS_STYLES
from dashboard.registry.geometry import leg_length_km
from dashboard.registry.model import Figure, Route, Source, UNDATED
from dashboard.statements.model import DIRECT, Article, Statement

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
                          f" — {s.speaker.name}, {data.corpus.article(s.article_id).dateline}"])
                 for s in newest], className="route-statements") if statements else html.P(
            "No statement in the seeded articles concerns this route."),
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


def statement_card(statement: Statement, article: Article, topic_labels: dict[str, str]) -> html.Div:
    direct = statement.kind == DIRECT
    editorial = any(s.kind == "editorial" for s in statement.segments)
    return html.Div(
        id={"type": ids.STATEMENT_CARD, "id": statement.id}, n_clicks=0, role="button", tabIndex="0",
        className="statement-card", **{"aria-pressed": "false"},
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


def statements_panel(data: AppData) -> list:
    topic_labels = {t.id: t.label for t in data.corpus.topics}
    children = [html.H2("What was said")]
    for article in data.corpus.articles:
        children.append(article_header(article))
        children += [statement_card(s, article, topic_labels) for s in article.statements]
    return children
