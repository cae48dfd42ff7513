"""The page's instant drawing of a click (assets/page.js) equals the server's, from random views: a
property test over seeded views (layers, statuses, the Russia filter, a selected route or statement,
a scenario), each opened by its URL and then clicked once, on a route or on a statement.

What page.js draws before the server answers is compared with what restyle_for_view gives for the
view the click leads to (select_route / select_statement): every route trace's opacity, and every
trace's visibility that the selection does not change. (A route's name is hidden while another
selection is shown; page.js only dims it, and the server's restyle hides it a moment later.) Then the
address and the whole drawing are awaited as the server sends them, and checked against the same."""

from __future__ import annotations

import random

import pytest

from dashboard import ids
from dashboard.figure.map_figure import restyle_for_view
from dashboard.registry.layers import LAYER_IDS
from dashboard.registry.model import STATUSES
from dashboard.url_state import decode, encode, with_statement_facets
from dashboard.view import RUSSIA_FILTERS, View, select_route, select_statement
from devtools.browser import MAP_READY, console_errors
from devtools.waiting import wait_until

SEED = 20261211
VIEWS = 10
PAGE_S = 120  # bounds a failure only: every wait ends as soon as its condition holds
CALLBACK_S = 60

# Per trace, in the figure's order: [the route it draws or null, its opacity or null, whether shown].
DRAWN = f"""
return document.querySelector('{ids.css(ids.MAP)} .js-plotly-plot').data.map(
  t => [(t.meta && t.meta.route) || null, t.opacity === undefined ? null : t.opacity, t.visible !== false]);
"""
# The click and the reading in one script: what the page drew before Dash, let alone the server, saw it.
CLICK_THEN_DRAWN = "document.querySelector(arguments[0]).click();" + DRAWN
# Dash has no callback requested, waiting or running (its store's queues, as dash.testing reads them),
# and the map is not waiting for a new figure: a click now is applied to the view the page shows.
DASH_IDLE = f"""
const state = window.store && window.store.getState();
if (!state || state.isLoading) return false;
const busy = Object.entries(state.callbacks).some(([queue, items]) =>
  !['stored', 'completed'].includes(queue) && Array.isArray(items) && items.length);
const gd = document.querySelector('{ids.css(ids.MAP)} .js-plotly-plot');
return !busy && !!(gd && gd._fullLayout && !gd.classList.contains('dash-graph--pending'));
"""
# The statements whose cards the page shows (a card's id is {"type": STATEMENT_CARD, "id": ...}).
CARDS = f"""
return Array.from(document.querySelectorAll('[id^="{{"]'))
  .map(node => {{ try {{ return JSON.parse(node.id); }} catch (error) {{ return {{}}; }} }})
  .filter(id => id.type === '{ids.STATEMENT_CARD}').map(id => id.id);
"""


def random_view(rng: random.Random, app_data) -> View:
    """A view a user could reach: some layers and statuses, maybe the Russia filter, maybe a route or a
    statement selected, sometimes an oil scenario; the panel is What was said or Route details."""
    routes = sorted(app_data.registry.network.routes)
    statements = sorted(s.id for s in app_data.corpus.statements)
    switches = sorted(app_data.oil.switches)
    off = frozenset(rng.sample(switches, rng.randint(1, 2))) if rng.random() < 0.3 else frozenset()
    return View(layers=frozenset(x for x in LAYER_IDS if rng.random() < 0.75),
                statuses=frozenset(x for x in STATUSES if rng.random() < 0.8),
                russia=rng.choice([None, None, *sorted(RUSSIA_FILTERS)]),
                route=rng.choice(routes) if rng.random() < 0.5 else None,
                statement=rng.choice(statements) if rng.random() < 0.4 else None,
                off=off, panel=rng.choice(["statements", "details"]))


def random_click(rng: random.Random, view: View, routes: list[str], cards: list[str]) -> tuple[str, View]:
    """What to click (a route's button, or a statement's card the page shows) and the view it leads to;
    now and then the selected one again, which clears it."""
    if cards and rng.random() < 0.5:
        again = view.statement in cards and rng.random() < 0.3
        statement = view.statement if again else rng.choice(cards)
        return ids.css({"type": ids.STATEMENT_CARD, "id": statement}), select_statement(view, statement)
    route = view.route if view.route and rng.random() < 0.3 else rng.choice(routes)
    return ids.css({"type": ids.ROUTE_LINK, "id": route}), select_route(view, route)


def drawn_differences(drawn: list, expected: dict[int, dict], visibility_of: set[int]) -> list[str]:
    """Where the page's drawing differs from the server's restyle: the opacity of each route trace,
    and the visibility of the traces in `visibility_of`."""
    assert len(drawn) == len(expected), "the page draws other traces than the server's figure"
    differences = []
    for index, (route, opacity, shown) in enumerate(drawn):
        if route and opacity != expected[index]["opacity"]:
            differences.append(f"trace {index} ({route}): opacity {opacity}, the server's {expected[index]['opacity']}")
        if index in visibility_of and shown != expected[index]["visible"]:
            differences.append(f"trace {index} ({route or 'not a route'}): shown {shown}, "
                               f"the server's {expected[index]['visible']}")
    return differences


def address(view: View) -> str:
    query = encode(view)
    return f"?{query}" if query else ""


def settled_on(driver, view: View, expected: dict[int, dict], what: str) -> None:
    """Wait until the page shows `view`: its address, the server's drawing of every trace, and nothing
    left for Dash to do."""
    everything = set(expected)

    def shows_it():
        return (driver.execute_script("return window.location.search") == address(view)
                and not drawn_differences(driver.execute_script(DRAWN), expected, everything)
                and driver.execute_script(DASH_IDLE))

    wait_until(shows_it, CALLBACK_S, lambda: (
        f"{what}: the page at {driver.execute_script('return window.location.search')!r}, not {address(view)!r}, "
        f"or drawn otherwise than the server: {drawn_differences(driver.execute_script(DRAWN), expected, everything)}"))


@pytest.mark.parametrize("case", range(VIEWS), ids=[f"view{case}" for case in range(VIEWS)])
def test_a_click_is_drawn_at_once_as_the_server_draws_it(driver, server_url, app_data, case):
    rng = random.Random(SEED + case)
    vocabulary = with_statement_facets(app_data.vocabulary, app_data.corpus.index)
    view, ignored = decode(encode(random_view(rng, app_data)), vocabulary)  # the view as the page reads its URL
    assert not ignored

    def restyle(v: View) -> dict[int, dict]:
        return restyle_for_view(app_data.registry, app_data.corpus, v, app_data.oil, app_data.corridor)

    driver.get(server_url + address(view))
    wait_until(lambda: driver.execute_script(MAP_READY), PAGE_S, lambda: f"the map at {address(view)!r} was not drawn")
    before = restyle(view)
    settled_on(driver, view, before, "opened")

    cards = sorted(driver.execute_script(CARDS)) if view.panel == "statements" else []
    selector, after_view = random_click(rng, view, sorted(app_data.registry.network.routes), cards)
    after = restyle(after_view)
    unchanged_by_selection = {i for i in after if after[i]["visible"] == before[i]["visible"]}

    instant = driver.execute_script(CLICK_THEN_DRAWN, selector)
    assert drawn_differences(instant, after, unchanged_by_selection) == [], \
        f"from {address(view)!r}, a click on {selector} was drawn at once otherwise than the server draws it"
    settled_on(driver, after_view, after, f"from {address(view)!r}, after a click on {selector}")
    assert console_errors(driver) == []
