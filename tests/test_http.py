"""Headers, health and hostile requests, over HTTP through Flask's test client."""

import json

import pytest

from dashboard.app import create_app
from dashboard.config import AppConfig
from dashboard.http_headers import content_security_policy


@pytest.fixture(scope="module")
def client(app_data):
    return create_app(AppConfig(frame_ancestors=("'self'", "https://portal.example.org")),
                      data=app_data).server.test_client()


@pytest.mark.parametrize("path", ["/", "/embed", "/_dash-layout", "/_dash-dependencies", "/assets/style.css",
                                  "/healthz", "/no-such-page"])
def test_every_response_carries_security_headers(client, path):
    response = client.get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'self' https://portal.example.org" in policy
    assert "http" not in policy.split("frame-ancestors")[0]  # no third-party origin anywhere else
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_inline_script_is_allowed_by_hash_not_by_unsafe_inline(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert "'sha256-" in script_src and "unsafe-inline" not in script_src and "unsafe-eval" not in script_src


def test_policy_builder():
    policy = content_security_policy(["'none'"], ["'sha256-x'"])
    assert "frame-ancestors 'none'" in policy and "script-src 'self' 'sha256-x'" in policy


def test_health(client, app_data):
    body = client.get("/healthz").get_json()
    assert body == {"status": "ok", "routes": len(app_data.registry.network.routes),
                    "statements": len(app_data.corpus.statements), "data_as_of": app_data.data_as_of}
    assert body["routes"] and body["statements"]


def test_huge_or_hostile_query_strings_get_the_page_not_an_error(client):
    for query in ("?" + "a=" + "x" * 20_000, "?route=%3Cscript%3Ealert(1)%3C/script%3E", "?%ff%fe=%00",
                  "?layers=" + ",".join(["china"] * 2000)):
        response = client.get("/" + query)
        assert response.status_code == 200
        assert b"<script>alert(1)</script>" not in response.data


def test_prefix_serves_everything_under_it(app_data):
    client = create_app(AppConfig(url_prefix="/portal/routes/"), data=app_data).server.test_client()
    assert client.get("/portal/routes/").status_code == 200
    assert client.get("/portal/routes/healthz").get_json()["status"] == "ok"
    assert client.get("/portal/routes/assets/topojson/world_50m.json").status_code == 200
    layout = json.dumps(client.get("/portal/routes/_dash-layout").get_json())
    assert '"topojsonURL": "/portal/routes/assets/topojson/"' in layout
    assert client.get("/").status_code == 404


def test_proxy_that_strips_the_prefix(app_data):
    client = create_app(AppConfig(url_prefix="/portal/routes/", proxy_strips_prefix=True),
                        data=app_data).server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert 'src="/portal/routes/_dash-component-suites/' in page
    assert client.get("/healthz").status_code == 200
