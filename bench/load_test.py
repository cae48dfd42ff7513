"""Many analysts at once: gunicorn with two workers, 50 virtual users for 60 seconds playing the user
journey (load the page, toggle a layer, select a route, change the scenario, export), on loopback.

    python bench/load_test.py [--users 50] [--seconds 60] [--workers 2] [--redis] [--json FILE]

The callback requests are recorded from a real page in headless Chromium first, then replayed as-is
by the virtual users (plain HTTP, threads; bounded in count and time). Exports follow Dash's
background-callback protocol: post, then poll with the job's key until the file comes back. Reports
failed requests and p50/p95 latency per kind of request. With --redis, exports go through a
redis-server of the run's own and a `python -m dashboard worker` (Celery) instead of DiskCache.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from dashboard import ids  # noqa: E402
from tests.browser.harness import MAP_READY, chrome  # noqa: E402

EXPORT_POLL_S = 0.25
EXPORT_TIMEOUT_S = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, workers: int, cache: Path, redis_url: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "DASHBOARD_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    if redis_url:
        env["DASHBOARD_REDIS_URL"] = redis_url
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
                                "--timeout", "180", "dashboard.wsgi:server"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=(cache / "gunicorn.log").open("w"))
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("gunicorn did not answer /healthz")


def record_journey(base: str) -> dict[str, tuple[str, bytes]]:
    """The callback requests a real page sends for each step: {kind: (url, body)}."""
    driver = chrome()
    steps: dict[str, tuple[str, bytes]] = {}

    def harvest(*wanted: tuple[str, str]) -> None:
        """Read the requests sent since the last harvest; keep the first matching each (kind, text)."""
        time.sleep(1.5)
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            request = message.get("params", {}).get("request", {})
            if message["method"] != "Network.requestWillBeSent" or "_dash-update-component" not in request.get("url", ""):
                continue
            for kind, must_contain in wanted:
                if (must_contain in (request.get("postData") or "") and kind not in steps
                        and "cacheKey" not in request["url"]):
                    steps[kind] = (request["url"], request["postData"].encode())

    try:
        driver.get(base + "/?panel=scenario")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
        driver.get_log("performance")
        driver.find_element(By.CSS_SELECTOR, "#layer-toggles input[value='china']").click()
        harvest(("toggle", '"layer-toggles.value"'))
        driver.find_element(By.CSS_SELECTOR, "button[id*='\"id\":\"cpc\"']").click()
        harvest(("select", "route-link"))
        driver.get(base + "/?panel=scenario")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
        driver.get_log("performance")
        switch = f"{ids.css(ids.in_tab(ids.SCENARIO_OFF))} input[value='cpc_terminal']"
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, switch))  # the tab is built
        driver.find_element(By.CSS_SELECTOR, switch).click()
        # The switches' id is a pattern-matching one: in the request as its JSON, quotes escaped.
        harvest(("scenario", f'{ids.SCENARIO_OFF}\\"}}.value'), ("panels", '"output":"..details-panel.children'))
        driver.get(base + "/?panel=export&preset=slide-16x9")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
        driver.get_log("performance")
        driver.find_element(By.CSS_SELECTOR, "#export-preset input[value='slide-16x9']").click()
        driver.find_element(By.ID, "export-button").click()
        harvest(("export", '"export-button.n_clicks"'))
    finally:
        driver.quit()
    missing = {"toggle", "select", "scenario", "panels", "export"} - set(steps)
    if missing:
        raise SystemExit(f"could not record the journey's {sorted(missing)} requests")
    return steps


def request(url: str, body: bytes | None = None, timeout: float = 60) -> tuple[int, bytes]:
    headers = {"Content-Type": "application/json", "Accept-Encoding": "gzip"} if body is not None else {}
    req = urllib.request.Request(url, data=body, headers=headers, method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            content = response.read()
            if response.headers.get("Content-Encoding") == "gzip":
                content = gzip.decompress(content)
            return response.status, content
    except urllib.error.HTTPError as error:
        return error.code, b""


def export_once(url: str, body: bytes) -> int:
    """Post the export, then poll until the job's result arrives; the final status."""
    status, content = request(url, body)
    if status != 200:
        return status
    handle = json.loads(content or b"{}")
    if "cacheKey" not in handle:
        return status
    poll = f"{url}&{urlencode({'cacheKey': handle['cacheKey'], 'job': handle['job']})}"
    poll_body = body  # the browser polls with its original request, the button's click count included
    deadline = time.time() + EXPORT_TIMEOUT_S
    while time.time() < deadline:
        status, content = request(poll, poll_body)
        if status not in (200, 204):
            return status
        if content and ids.EXPORT_STATUS.encode() in content:  # the job's answer: the file, or why not
            return 200 if b'"data"' in content and ids.EXPORT_DOWNLOAD.encode() in content else "export failed"
        time.sleep(EXPORT_POLL_S)
    return 504


EXPORT_VARIANTS = [(fmt, preset) for fmt in ("png", "svg", "pdf") for preset in ("slide-16x9", "a4-landscape",
                                                                                  "report-column")]


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


def virtual_user(base: str, steps, deadline: float, results, failures, lock, number: int = 0) -> None:
    exported = False

    def timed(kind, action):
        start = time.perf_counter()
        try:
            status = action()
        except OSError as error:
            status = f"{error.__class__.__name__}"
        elapsed = time.perf_counter() - start
        with lock:
            results[kind].append(elapsed)
            if status not in (200, 204):
                failures[kind].append(str(status))

    while time.time() < deadline:
        timed("page", lambda: request(base + "/")[0])
        timed("layout", lambda: request(base + "/_dash-layout")[0])
        timed("dependencies", lambda: request(base + "/_dash-dependencies")[0])
        for kind in ("toggle", "select", "scenario", "panels"):
            url, body = steps[kind]
            timed(kind, lambda: request(url, body)[0])
        if not exported:
            url, body = steps["export"]
            timed("export", lambda: export_once(url, export_variant(body, number)))
            exported = True


def kill_a_worker_later(server: subprocess.Popen, after_s: float) -> threading.Thread:
    """Kill one worker mid-run, as an out-of-memory kill would; gunicorn's master starts another."""
    import psutil

    def kill() -> None:
        time.sleep(after_s)
        workers = psutil.Process(server.pid).children()
        if workers:
            workers[0].kill()
            print(f"killed worker {workers[0].pid} at {after_s:.0f} s", file=sys.stderr)

    thread = threading.Thread(target=kill, daemon=True)
    thread.start()
    return thread


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def run(users: int, seconds: float, workers: int, kill_worker_at: float | None = None, redis: bool = False) -> dict:
    """Serve with gunicorn, record the journey, play it with `users` threads for `seconds`; the report."""
    cache = Path(tempfile.mkdtemp(prefix="route-map-load-"))
    with contextlib.ExitStack() as services:
        redis_url = None
        if redis:
            from tests.services import export_worker, redis_server

            redis_url = services.enter_context(redis_server(cache)).url
            services.enter_context(export_worker(redis_url, cache / "worker", cache / "worker.log"))
            services.callback(stop_render_service, cache / "worker")
        report = _run(users, seconds, workers, kill_worker_at, cache, redis_url)
    return {**report, "exports_on": "celery + redis" if redis else "diskcache"}


def stop_gunicorn(server: subprocess.Popen, grace_s: float = 30) -> bool:
    """Stop gunicorn; True if a worker was still busy after the grace period and had to be killed."""
    server.terminate()
    try:
        server.wait(timeout=grace_s)
        return False
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        return True


def stop_render_service(cache: Path) -> None:
    from dashboard.app import render_key
    from dashboard.export.service import RenderClient

    RenderClient(cache, render_key(cache)).stop()


def _run(users, seconds, workers, kill_worker_at, cache: Path, redis_url: str | None) -> dict:
    port = free_port()
    server = start_gunicorn(port, workers, cache, redis_url)
    base = f"http://127.0.0.1:{port}"
    killed = None
    try:
        steps = record_journey(base)
        results, failures, lock = defaultdict(list), defaultdict(list), threading.Lock()
        deadline = time.time() + seconds
        threads = [threading.Thread(target=virtual_user, args=(base, steps, deadline, results, failures, lock, number))
                   for number in range(users)]
        started = time.time()
        for thread in threads:
            thread.start()
        if kill_worker_at is not None:
            killed = kill_a_worker_later(server, kill_worker_at)
        for thread in threads:
            thread.join(timeout=seconds + EXPORT_TIMEOUT_S + 60)
        elapsed = time.time() - started
        if killed:
            killed.join()
    finally:
        slow_shutdown = stop_gunicorn(server)
        stop_render_service(cache)
    summary = {kind: {"requests": len(values), "failed": len(failures[kind]), "p50_ms": percentile(values, 0.5) * 1000,
                      "p95_ms": percentile(values, 0.95) * 1000, "failures": failures[kind][:5]}
               for kind, values in results.items()}
    return {"users": users, "seconds": seconds, "workers": workers, "elapsed_s": elapsed,
            "killed_worker_at_s": kill_worker_at, "slow_shutdown": slow_shutdown,
            "total_requests": sum(s["requests"] for s in summary.values()),
            "failed_requests": sum(s["failed"] for s in summary.values()), "by_kind": summary,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "load_test.json")
    parser.add_argument("--kill-worker-at", type=float, default=None,
                        help="fault test: SIGKILL one gunicorn worker this many seconds into the run")
    parser.add_argument("--redis", action="store_true",
                        help="exports on Celery: start a redis-server and a `python -m dashboard worker` for the run")
    args = parser.parse_args()
    report = run(args.users, args.seconds, args.workers, args.kill_worker_at, args.redis)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    total, failed = report["total_requests"], report["failed_requests"]
    print(f"{args.users} users, {args.seconds:.0f} s, gunicorn {args.workers} workers, exports on "
          f"{report['exports_on']}: {total:,} requests, "
          f"{failed} failed ({total / report['elapsed_s']:.0f} requests/s)")
    print(f"{'kind':<14}{'requests':>10}{'failed':>8}{'p50 ms':>10}{'p95 ms':>10}")
    for kind, s in report["by_kind"].items():
        print(f"{kind:<14}{s['requests']:>10,}{s['failed']:>8}{s['p50_ms']:>10.0f}{s['p95_ms']:>10.0f}")
    if failed:
        print("failures:", {k: s["failures"] for k, s in report["by_kind"].items() if s["failures"]})


if __name__ == "__main__":
    main()
