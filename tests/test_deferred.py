"""The page is served without what its first view can do without, which comes once the map has drawn
(ui/callbacks/deferred.py, statements.py): the served layout holds placeholders there, and the
callbacks the page then sends fill them for the view it shows. (The statements' first screen after
the draw: tests/test_statements_panel.py and the browser tests.)"""

import json

import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.config import AppConfig
from dashboard.search import dropdown_options
from dashboard.ui.layout import deferred_parts, route_list


def walk(node):
    if isinstance(node, dict):
        if "props" in node:
            yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def by_id(layout, component_id):
    return next(node for node in walk(layout) if node["props"].get("id") == component_id)


@pytest.fixture(scope="module")
def app(app_data):
    return create_app(AppConfig(), data=app_data)


@pytest.fixture(scope="module")
def client(app):
    client = app.server.test_client()
    client.get("/")
    return client


@pytest.fixture(scope="module")
def layout(client):
    return client.get("/_dash-layout").get_json()


def callback_key(app, output_id: str) -> str:
    return next(key for key in app.callback_map if f"{output_id}." in key and ids.MAP_DRAWN in json.dumps(
        app.callback_map[key]["inputs"]))


def drawn_request(app, key: str, view: dict) -> dict:
    spec = app.callback_map[key]
    outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in key.strip(".").split("...")]
    inputs = [{"id": i["id"], "property": i["property"],
               "value": True if i["id"] == ids.MAP_DRAWN else view} for i in spec["inputs"]]
    state = [{"id": s["id"], "property": s["property"], "value": view if s["id"] == ids.VIEW_STORE else None}
             for s in spec["state"]]
    return {"output": key, "outputs": outputs, "inputs": inputs, "state": state,
            "changedPropIds": [f"{ids.MAP_DRAWN}.data"]}


@pytest.mark.parametrize("component_id", [ids.ROUTE_BUTTONS, ids.STATEMENT_LIST])
def test_the_served_page_holds_a_placeholder_where_the_rest_comes(layout, component_id):
    section = by_id(layout, component_id)
    classes = [(node["props"].get("className") or "").split() for node in walk(section["props"]["children"])]
    assert any(ids.DEFERRED in names for names in classes)
    assert not any(node["type"] == "Button" and node["props"].get("id", {}) != ids.CLEAR_SELECTION
                   for node in walk(section["props"]["children"]))


def test_the_served_page_has_no_search_options_nor_cards(layout):
    assert by_id(layout, ids.SEARCH)["props"]["options"] == []
    assert not [node for node in walk(layout)
                if isinstance(node["props"].get("id"), dict) and node["props"]["id"].get("type") == ids.STATEMENT_CARD]
    assert by_id(layout, ids.MAP_DRAWN)["props"]["data"] is False


def test_once_drawn_the_routes_and_search_come_for_the_view(app, client, app_data):
    key = callback_key(app, ids.ROUTE_BUTTONS)
    response = client.post("/_dash-update-component", json=drawn_request(app, key, {"route": "cpc"}))
    assert response.status_code == 200, response.get_data(as_text=True)
    sent = response.get_json()["response"]
    routes = sent[ids.ROUTE_BUTTONS]["children"]
    pressed = [node["props"]["id"]["id"] for node in walk(routes)
               if node["type"] == "Button" and node["props"].get("aria-pressed") == "true"]
    assert pressed == ["cpc"]
    buttons = [node for node in walk(routes) if node["type"] == "Button"
               and isinstance(node["props"].get("id"), dict)]
    assert len(buttons) == len(app_data.registry.network.routes)
    assert sent[ids.SEARCH]["options"] == dropdown_options(app_data.search)


def test_route_list_shows_the_views_selection_pressed(app_data):
    from dashboard.view import View

    plain = json.dumps(route_list(app_data), default=lambda c: c.to_plotly_json())
    assert '"aria-pressed": "true"' not in plain and "is-selected" not in plain
    chosen = json.dumps(route_list(app_data, View(route="tap")), default=lambda c: c.to_plotly_json())
    assert chosen.count('"aria-pressed": "true"') == 1 and "is-selected" in chosen


def plain_ids_listened_to(app) -> set[str]:
    return {dep["id"] for spec in app.callback_map.values() for dep in spec["inputs"] + spec["state"]
            if isinstance(dep["id"], str) and not dep["id"].startswith("{")}


def plain_ids_written(app) -> set[str]:
    return {output.rsplit(".", 1)[0] for key in app.callback_map for output in key.strip(".").split("...")
            if not output.startswith("{")}


def ids_in(tree) -> set:
    return {node["props"]["id"] for node in walk(json.loads(json.dumps(tree, default=lambda c: c.to_plotly_json())))
            if isinstance(node["props"].get("id"), str)}


def test_every_plain_id_a_callback_uses_is_in_the_page_or_in_a_part_that_comes_later(app, layout, app_data):
    # Dash checks each callback's ids against the page when it starts: what is not there must come
    # in a deferred part, and the app's validation layout must hold it (or the console shows an error).
    served = ids_in(layout)
    later = set().union(*(ids_in(part) for part in deferred_parts(app_data).values()))
    used = plain_ids_listened_to(app) | plain_ids_written(app)
    assert used - served - later == set()
    assert used <= ids_in(app.validation_layout)
    assert later and not later & served


def test_the_validation_layout_carries_ids_only(app):
    skeleton = json.loads(json.dumps(app.validation_layout, default=lambda c: c.to_plotly_json()))
    for node in walk(skeleton["props"]["children"]):
        assert set(node["props"]) <= {"id", "children"}, node
    assert len(json.dumps(skeleton)) < 20_000  # it travels in the page's config


@pytest.mark.parametrize("holder", [ids.EXPORT_SECTION, ids.FILTER_DROPDOWNS, ids.LEGEND_SLOT])
def test_parts_the_first_view_does_not_show_are_served_as_placeholders(layout, holder):
    part = by_id(layout, holder)
    children = part["props"]["children"]
    children = children if isinstance(children, list) else [children]
    assert [node["props"].get("className") for node in walk(children)] == [f"hint {ids.DEFERRED}"]


def test_once_drawn_the_parts_come_whole(app, client):
    key = callback_key(app, ids.ROUTE_BUTTONS)
    response = client.post("/_dash-update-component", json=drawn_request(app, key, {}))
    assert response.status_code == 200, response.get_data(as_text=True)
    sent = response.get_json()["response"]
    assert ids.EXPORT_BUTTON in ids_in(sent[ids.EXPORT_SECTION]["children"])
    assert ids.LEGEND in ids_in(sent[ids.LEGEND_SLOT]["children"])
    dropdowns = [node["props"]["id"]["id"] for node in walk(sent[ids.FILTER_DROPDOWNS]["children"])
                 if node["type"] == "Dropdown"]
    assert dropdowns == ["speakers", "outlets", "topics", "about"]


def test_no_callback_can_fire_while_a_plain_id_it_listens_to_has_not_come(app, app_data):
    # Dash runs a callback when any of its inputs changes; a plain-id input that is not on the page
    # then is an error that stops the page's other callbacks (it happened with the Share control: the
    # view's store changed before its controls had come). So a callback listening to a part's plain id
    # may listen to nothing outside that part.
    for holder, part in deferred_parts(app_data).items():
        inside = ids_in(part)
        for key, spec in app.callback_map.items():
            inputs = [dep["id"] for dep in spec["inputs"]]
            if any(isinstance(i, str) and i in inside for i in inputs):
                assert all(isinstance(i, str) and i in inside for i in inputs), (holder, key, inputs)
