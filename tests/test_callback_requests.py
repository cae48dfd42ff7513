"""Callback requests the page could not have sent get 400 and one line naming what is wrong, not 500
and a traceback; the page's own requests still work."""

import json

import pytest

from dashboard.app import create_app
from dashboard.config import AppConfig
from dashboard.http_headers import callback_request_problem

SHARE = "..share-link.value...embed-code.value...embed-preview.src...embed-preview.style...embed-open-full.href.."


def share_request(store) -> dict:
    return {"output": SHARE,
            "outputs": [{"id": i, "property": p} for i, p in (("share-link", "value"), ("embed-code", "value"),
                        ("embed-preview", "src"), ("embed-preview", "style"), ("embed-open-full", "href"))],
            "inputs": [{"id": "view-store", "property": "data", "value": store},
                       {"id": "embed-panel-pick", "property": "value", "value": []},
                       {"id": "embed-size-pick", "property": "value", "value": "800x500"},
                       {"id": "share-open", "property": "n_clicks", "value": None}],
            "changedPropIds": ["view-store.data"],
            "state": [{"id": "url", "property": "href", "value": "http://127.0.0.1:8050/"}]}


@pytest.fixture(scope="module")
def client(app_data):
    server = create_app(AppConfig(), data=app_data).server
    client = server.test_client()
    client.get("/")
    return client


def post(client, body: bytes):
    return client.post("/_dash-update-component", data=body, content_type="application/json")


def test_the_pages_own_request_works(client):
    response = post(client, json.dumps(share_request({"route": "cpc"})).encode())
    assert response.status_code == 200 and "route=cpc" in response.get_data(as_text=True)


@pytest.mark.parametrize("body, reason", [
    (b"[1, 2]", "the body must be a JSON object, not list"),
    (b"null", "the body must be a JSON object, not null"),
    (b"{not json", "the body is not JSON"),
    (b"\xff\xfe", "the body is not JSON"),
    (json.dumps({**share_request(None), "output": "nope.value"}).encode(), "'output' names no callback"),
    (json.dumps({**share_request(None), "outputs": [{"id": "share-link"}]}).encode(), "'outputs' must list"),
    (json.dumps({**share_request(None), "inputs": "x"}).encode(), "'inputs' must list the callback's 4 inputs"),
    (json.dumps({**share_request(None), "changedPropIds": [1]}).encode(), "'changedPropIds' must be a list"),
    (json.dumps(share_request({"layers": 3, "route": 5})).encode(), "'view-store' does not hold"),
    (json.dumps(share_request([1])).encode(), "'view-store' does not hold"),
])
def test_malformed_callback_bodies_get_400_and_one_line(client, body, reason):
    response = post(client, body)
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert text.startswith("Bad callback request: ") and reason in text and text.count("\n") == 1
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_the_check_alone_accepts_a_pattern_matching_input():
    known = {"a.children": {"inputs": [{"id": {"type": "card", "id": ["ALL"]}, "property": "n_clicks"}], "state": []}}
    body = {"output": "a.children", "outputs": {"id": "a", "property": "children"},
            "inputs": [[{"id": {"type": "card", "id": "x"}, "property": "n_clicks", "value": 1}]], "changedPropIds": []}
    assert callback_request_problem(body, known) is None
