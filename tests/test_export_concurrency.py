"""Exports asked for at the same moment, on the servers users run: every one finishes, and nothing the
server started outlives it.

Forked from the threaded development server, a job could inherit a SQLite mutex another thread held
and never finish (8 of 20 exports in four rounds of five; dashboard/export/job_processes.py).
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest

from dashboard import ids
from dashboard.export.queue import JOB_LIMIT_S
from dashboard.export.renderer import find_browser
from devtools.load import export_once
from devtools.servers import dashboard_server, processes_with_cache
from devtools.waiting import eventually

pytestmark = [pytest.mark.export, pytest.mark.service]

AT_ONCE = [("png", "slide-16x9"), ("svg", "slide-16x9"), ("pdf", "a4-landscape"), ("png", "report-column"),
           ("svg", "a4-landscape")]
# A new view each round: rendered, not collected from the cache of the round before.
ROUNDS = ["cpc", "tanap", "kcts_planned", "aktau_makhachkala"]
# Five exports queue for one warm browser: seconds each, more on a busy machine. A stuck job never
# ends; one that runs too long is stopped by the server and said (JOB_LIMIT_S): each poll waits for
# that answer. Both bound only a failure.
NORMAL_TIME_S = JOB_LIMIT_S + 60
GONE_WITHIN_S = 60
FILE = 200


def export_request(view: dict, fmt: str, preset: str, href: str = "http://127.0.0.1:8050/") -> bytes:
    """The body the page posts when the Export button is clicked (as devtools/load.py records it)."""
    state = [(ids.VIEW_STORE, "data", view), (ids.EXPORT_FORMAT, "value", fmt), (ids.EXPORT_PRESET, "value", preset),
             (ids.EXPORT_WIDTH, "value", None), (ids.EXPORT_HEIGHT, "value", None), (ids.EXPORT_SCALE, "value", None),
             (ids.EXPORT_QUOTE, "value", []), (ids.URL, "href", href)]
    return json.dumps({
        "output": f"..{ids.EXPORT_DOWNLOAD}.data...{ids.EXPORT_STATUS}.children..",
        "outputs": [{"id": ids.EXPORT_DOWNLOAD, "property": "data"}, {"id": ids.EXPORT_STATUS, "property": "children"}],
        "inputs": [{"id": ids.EXPORT_BUTTON, "property": "n_clicks", "value": 1}],
        "changedPropIds": [f"{ids.EXPORT_BUTTON}.n_clicks"],
        "state": [{"id": id_, "property": prop, "value": value} for id_, prop, value in state],
    }).encode()


def exports_at_once(base: str, route: str) -> list:
    """Five exports posted at the same moment, each polled until it answers: 200 for a file,
    "export failed: " and the Export tab's message, 504 for no answer in NORMAL_TIME_S."""
    url = base + "/_dash-update-component?"  # export_once adds the poll's parameters with "&"
    bodies = [export_request({"route": route}, fmt, preset) for fmt, preset in AT_ONCE]
    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(lambda body: export_once(url, body, NORMAL_TIME_S), bodies))


def left_behind(cache_dir) -> list[str]:
    """What still runs with this cache folder once everything has had the time to end: jobs and the
    render service watch the server and end soon after it."""
    eventually(lambda: not processes_with_cache(cache_dir), GONE_WITHIN_S, interval_s=0.2)
    processes = processes_with_cache(cache_dir)
    described = []
    for process in processes:
        try:
            described.append(f"{process.pid} {' '.join(process.cmdline())[:120]}")
            process.kill()  # so that one failure does not leave it to the next test
        except psutil.NoSuchProcess:
            pass
    return described


@pytest.mark.parametrize("server", ["serve", "gunicorn"])
def test_exports_asked_at_the_same_moment_all_finish_and_none_outlives_the_server(server, tmp_path):
    cache = tmp_path / "cache"
    outcomes = []
    with dashboard_server(server, cache) as base:
        for route in ROUNDS:
            outcomes.append(exports_at_once(base, route))
    leftovers = left_behind(cache)
    finished = sum(outcome == FILE or str(outcome).startswith("export failed") for round_ in outcomes
                   for outcome in round_)
    assert finished == len(ROUNDS) * len(AT_ONCE), f"{finished} of {len(ROUNDS) * len(AT_ONCE)} finished: {outcomes}"
    if find_browser():
        assert outcomes == [[FILE] * len(AT_ONCE)] * len(ROUNDS)
    assert not leftovers, f"still running after the server stopped: {leftovers}"
