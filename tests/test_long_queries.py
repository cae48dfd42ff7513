"""Long addresses: every answer, the refusal of a huge one included, carries the security headers,
whichever server serves the dashboard (issue: the servers' own bare 414 pages carried none)."""

import http.client
import socket

import pytest

from devtools.servers import dashboard_server
from dashboard.http_headers import MAX_QUERY_BYTES

LONG = "x=" + "a" * 9_000  # over gunicorn's own 8,190-byte request line
HUGE = "x=" + "a" * (MAX_QUERY_BYTES + 10)


@pytest.fixture(scope="module")
def client(app_data, tmp_path_factory):
    from dashboard.app import create_app
    from dashboard.config import AppConfig
    return create_app(AppConfig(cache_dir=tmp_path_factory.mktemp("cache")), data=app_data).server.test_client()


def test_the_app_reads_a_long_query_and_refuses_a_huge_one_with_its_headers(client):
    assert client.get("/?" + LONG).status_code == 200
    refused = client.get("/?" + HUGE)
    assert refused.status_code == 414 and "Content-Security-Policy" in refused.headers
    assert "Open the dashboard without the query" in refused.get_data(as_text=True)


def _get(base: str, query: str) -> tuple[int, dict]:
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        connection.request("GET", "/?" + query)
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    except (ConnectionResetError, BrokenPipeError, socket.timeout, http.client.RemoteDisconnected) as exc:
        pytest.fail(f"{base} dropped a {len(query):,}-byte query: {exc!r}")
    finally:
        connection.close()


@pytest.mark.service
@pytest.mark.parametrize("kind", ["serve", "gunicorn"])
def test_both_servers_answer_long_queries_with_the_security_headers(kind, tmp_path):
    with dashboard_server(kind, tmp_path / "cache") as base:
        status, headers = _get(base, LONG)
        assert status == 200 and "Content-Security-Policy" in headers
        status, headers = _get(base, HUGE)
        assert status == 414 and "Content-Security-Policy" in headers
