"""Many users at once: the user journey recorded from a real page in headless Chromium (load the page,
toggle a layer, select a route, change the scenario, export), then replayed as-is over plain HTTP by
threads against gunicorn. Exports follow Dash's background-callback protocol: post, then poll with
the job's key until the file comes back. bench/load_test.py is its command line; the fault test runs
it short."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

from selenium.webdriver.common.by import By

from dashboard import ids
from dashboard.export.queue import JOB_LIMIT_S
from dashboard.url_state import encode
from dashboard.view import View
from devtools.browser import CALLBACK_S, chrome, open_drawn, sent_requests, until
from devtools.servers import start_gunicorn, stop_gunicorn, stop_render_service
from devtools.waiting import free_port, request, wait_until

EXPORT_POLL_S = 0.25
# The server says itself when a job has run too long: a poll waits for that answer, not less.
EXPORT_TIMEOUT_S = JOB_LIMIT_S + 60
REQUEST_TIMEOUT_S = 60
JOURNEY = ("page", "layout", "dependencies", "toggle", "select", "scenario", "panels")
# The longest one journey can take before its requests have all failed: a user past the run's end
# still finishes the journey it is on, and a thread not done by then is a request that hung.
JOURNEY_LIMIT_S = len(JOURNEY) * REQUEST_TIMEOUT_S + EXPORT_TIMEOUT_S + 60
STEPS = ("toggle", "select", "scenario", "panels", "export")
EXPORT_VARIANTS = [(fmt, preset) for fmt in ("png", "svg", "pdf")
                   for preset in ("slide-16x9", "a4-landscape", "report-column")]


def _callback_requests(driver) -> list[tuple[str, str]]:
    """The callback requests the page sent since the last call, polls left out: (url, body)."""
    return [(sent["url"], sent.get("postData") or "") for sent in sent_requests(driver)
            if "_dash-update-component" in sent["url"] and "cacheKey" not in sent["url"]]


def _keep(steps: dict, driver, **wanted: str) -> None:
    """For each step, the first request the page sends whose body holds its text: the page's requests
    are read as they go out, until every step has one."""
    def all_sent() -> bool:
        sent = _callback_requests(driver)
        for kind, text in wanted.items():
            found = next(((url, body.encode()) for url, body in sent if text in body), None)
            if found and kind not in steps:
                steps[kind] = found
        return set(wanted) <= set(steps)

    wait_until(all_sent, CALLBACK_S, lambda: f"the page sent no request for {sorted(set(wanted) - set(steps))} "
                                             f"within {CALLBACK_S} s", interval_s=0.2)


def record_journey(base: str) -> dict[str, tuple[str, bytes]]:
    """The callback requests a real page sends for each step: {kind: (url, body)}."""
    driver = chrome()
    steps: dict[str, tuple[str, bytes]] = {}
    scenario_page = f"{base}/?{encode(View(panel='scenario'))}"
    try:
        open_drawn(driver, scenario_page)
        sent_requests(driver)
        driver.find_element(By.CSS_SELECTOR, f"{ids.css(ids.LAYER_TOGGLES)} input[value='china']").click()
        _keep(steps, driver, toggle=f'"{ids.LAYER_TOGGLES}.value"')
        driver.find_element(By.CSS_SELECTOR, ids.css({"type": ids.ROUTE_LINK, "id": "cpc"})).click()
        _keep(steps, driver, select=ids.ROUTE_LINK)
        open_drawn(driver, scenario_page)
        sent_requests(driver)
        switch = f"{ids.css(ids.in_tab(ids.SCENARIO_OFF))} input[value='cpc_terminal']"
        until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, switch), "the Scenarios tab to be built")
        driver.find_element(By.CSS_SELECTOR, switch).click()
        # The switches' id is a pattern-matching one: in the request as its JSON, quotes escaped.
        _keep(steps, driver, scenario=f'{ids.SCENARIO_OFF}\\"}}.value',
              panels=f'"output":"..{ids.DETAILS_PANEL}.children')
        open_drawn(driver, f"{base}/?{encode(View(panel='export'))}")
        sent_requests(driver)
        driver.find_element(By.CSS_SELECTOR, f"{ids.css(ids.EXPORT_PRESET)} input[value='slide-16x9']").click()
        driver.find_element(By.CSS_SELECTOR, ids.css(ids.EXPORT_BUTTON)).click()
        _keep(steps, driver, export=f'"{ids.EXPORT_BUTTON}.n_clicks"')
    finally:
        driver.quit()
    missing = set(STEPS) - set(steps)
    if missing:
        raise RuntimeError(f"could not record the journey's {sorted(missing)} requests")
    return steps


def export_once(url: str, body: bytes, timeout_s: float = EXPORT_TIMEOUT_S) -> int | str:
    """Post the export, then poll until the job's result arrives: 200 for a file, "export failed: " and
    the Export tab's message, 504 for no answer within `timeout_s`, or the failing status."""
    status, content = request(url, body)
    if status != 200:
        return status
    handle = json.loads(content or b"{}")
    if "cacheKey" not in handle:
        return status
    poll = f"{url}&{urlencode({'cacheKey': handle['cacheKey'], 'job': handle['job']})}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        status, content = request(poll, body)  # the browser polls with its original request
        if status not in (200, 204):
            return status
        if content and ids.EXPORT_STATUS.encode() in content:  # the job's answer: the file, or why not
            if b'"data"' in content and ids.EXPORT_DOWNLOAD.encode() in content:
                return 200
            return f"export failed: {said(content)}"
        time.sleep(EXPORT_POLL_S)
    return 504


def said(content: bytes) -> str:
    """What the Export tab's status says in a callback's answer."""
    try:
        return str(json.loads(content)["response"][ids.EXPORT_STATUS]["children"])
    except (ValueError, KeyError, TypeError):
        return content[:300].decode(errors="replace")


def export_variant(body: bytes, number: int) -> bytes:
    """The recorded export request with one of nine format and size choices: users export different
    files, so most exports are rendered rather than collected from the cache."""
    fmt, preset = EXPORT_VARIANTS[number % len(EXPORT_VARIANTS)]
    request_body = json.loads(body)
    for state in request_body.get("state", []):
        if state.get("id") == ids.EXPORT_FORMAT:
            state["value"] = fmt
        elif state.get("id") == ids.EXPORT_PRESET:
            state["value"] = preset
    return json.dumps(request_body).encode()


class Tally:
    """Each kind of request's times and failures, from many threads."""

    def __init__(self):
        self.times: dict[str, list[float]] = defaultdict(list)
        self.failures: dict[str, list[str]] = defaultdict(list)
        self.journeys = 0
        self._lock = threading.Lock()

    def timed(self, kind: str, action) -> None:
        start = time.perf_counter()
        try:
            status = action()
        except (OSError, http.client.HTTPException) as error:  # refused, reset, or cut off mid-answer
            # (IncompleteRead: the worker killed while it sent the answer) - a failed request, and the
            # user goes on with the journey
            status = error.__class__.__name__
        elapsed = time.perf_counter() - start
        with self._lock:
            self.times[kind].append(elapsed)
            if status not in (200, 204):
                self.failures[kind].append(str(status))

    def journey_done(self) -> None:
        with self._lock:
            self.journeys += 1

    def summary(self) -> dict[str, dict]:
        return {kind: {"requests": len(values), "failed": len(self.failures[kind]),
                       "p50_ms": percentile(values, 0.5) * 1000, "p95_ms": percentile(values, 0.95) * 1000,
                       "failures": self.failures[kind][:5]}
                for kind, values in self.times.items()}


def virtual_user(base: str, steps, deadline: float, tally: Tally, number: int = 0) -> None:
    """The journey over and over until the deadline (time.monotonic()), the whole journey at least
    once however slow the machine; one export, the first time."""
    exported = False
    while True:
        for kind, path in (("page", "/"), ("layout", "/_dash-layout"), ("dependencies", "/_dash-dependencies")):
            tally.timed(kind, lambda: request(base + path, timeout=REQUEST_TIMEOUT_S)[0])
        for kind in ("toggle", "select", "scenario", "panels"):
            url, body = steps[kind]
            tally.timed(kind, lambda: request(url, body, timeout=REQUEST_TIMEOUT_S)[0])
        if not exported:
            url, body = steps["export"]
            tally.timed("export", lambda: export_once(url, export_variant(body, number)))
            exported = True
        tally.journey_done()
        if time.monotonic() >= deadline:
            return


def kill_a_worker_later(server: subprocess.Popen, after_s: float, killed: list[int]) -> threading.Thread:
    """Kill one worker `after_s` into the run, as an out-of-memory kill would (gunicorn's master starts
    another); its pid is added to `killed`."""
    import psutil

    def kill() -> None:
        time.sleep(after_s)  # the scenario's moment, not a wait for something to happen
        workers = psutil.Process(server.pid).children()
        if workers:
            workers[0].kill()
            killed.append(workers[0].pid)
            print(f"killed worker {workers[0].pid} at {after_s:.0f} s", file=sys.stderr)

    thread = threading.Thread(target=kill, daemon=True)
    thread.start()
    return thread


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def run(users: int, seconds: float, workers: int, kill_worker_at: float | None = None, redis: bool = False) -> dict:
    """Serve with gunicorn, record the journey, play it with `users` threads for `seconds`; the report.
    With `redis`, exports go through a redis-server of the run's own and one Celery worker."""
    cache = Path(tempfile.mkdtemp(prefix="route-map-load-"))
    with contextlib.ExitStack() as services:
        redis_url = None
        if redis:
            from devtools.export_queue import export_worker, redis_server

            redis_url = services.enter_context(redis_server(cache)).url
            services.enter_context(export_worker(redis_url, cache / "worker", cache / "worker.log"))
            services.callback(stop_render_service, cache / "worker")
        report = _play(users, seconds, workers, kill_worker_at, cache, redis_url)
    return {**report, "exports_on": "celery + redis" if redis else "diskcache"}


def _play(users, seconds, workers, kill_worker_at, cache: Path, redis_url: str | None) -> dict:
    port = free_port()
    server = start_gunicorn(port, workers, cache, redis_url)
    base = f"http://127.0.0.1:{port}"
    tally = Tally()
    killed: list[int] = []
    try:
        steps = record_journey(base)
        started = time.monotonic()
        deadline = started + seconds
        threads = [threading.Thread(target=virtual_user, args=(base, steps, deadline, tally, number), daemon=True)
                   for number in range(users)]
        for thread in threads:
            thread.start()
        killer = kill_a_worker_later(server, kill_worker_at, killed) if kill_worker_at is not None else None
        for thread in threads:
            thread.join(timeout=max(0.0, deadline + JOURNEY_LIMIT_S - time.monotonic()))
        elapsed = time.monotonic() - started
        unfinished = sum(thread.is_alive() for thread in threads)
        if killer:
            killer.join()
    finally:
        slow_shutdown = stop_gunicorn(server)
        stop_render_service(cache)
    summary = tally.summary()
    return {"users": users, "seconds": seconds, "workers": workers, "elapsed_s": elapsed,
            "killed_worker_at_s": kill_worker_at, "killed_workers": killed, "slow_shutdown": slow_shutdown,
            "journeys": tally.journeys, "unfinished_users": unfinished,
            "total_requests": sum(s["requests"] for s in summary.values()),
            "failed_requests": sum(s["failed"] for s in summary.values()), "by_kind": summary,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
