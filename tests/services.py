"""Real services for the export tests: a throwaway redis-server on a free port, `python -m dashboard
worker` processes against it, the dashboard itself served as users run it (`python -m dashboard serve`
or gunicorn), and the request the Export button sends."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

from dashboard.paths import PROJECT_ROOT

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    """One redis-server that a test can stop and start again on the same port (nothing persisted)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not answers(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start on port {self.port}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()  # as when Redis goes away, not a clean shutdown
            self.process.wait(timeout=10)
        self.process = None


@contextlib.contextmanager
def redis_server(folder: Path) -> Iterator[RedisServer]:
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def export_worker(redis_url: str, cache_dir: Path, log: Path) -> Iterator[subprocess.Popen]:
    """`python -m dashboard worker`, ready when it says so in its log."""
    env = {**os.environ, "DASHBOARD_REDIS_URL": redis_url, "DASHBOARD_CACHE_DIR": str(cache_dir)}
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "dashboard", "worker", "--concurrency", "1"],
                                   cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while " ready." not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the export worker did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)  # the worker and its pool
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


def processes_with_cache(cache_dir: Path) -> list:
    """Every process running with this DASHBOARD_CACHE_DIR: a server, its jobs, the render service
    and its browser all inherit it, wherever they were reparented."""
    import psutil

    found = []
    for process in psutil.process_iter():
        try:
            if process.environ().get("DASHBOARD_CACHE_DIR") == str(cache_dir):
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            pass
    return found


def start_dev_server(port: int, cache_dir: Path) -> subprocess.Popen:
    """`python -m dashboard serve`, as `make run` starts it, answering /healthz."""
    from bench.load_test import request

    env = {**os.environ, "DASHBOARD_CACHE_DIR": str(cache_dir)}
    with (cache_dir / "serve.log").open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port)],
                                   cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError):
            if request(f"http://127.0.0.1:{port}/healthz", timeout=2)[0] == 200:
                return process
        time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"python -m dashboard serve did not start:\n{(cache_dir / 'serve.log').read_text()[-3000:]}")


@contextlib.contextmanager
def dashboard_server(kind: str, cache_dir: Path) -> Iterator[str]:
    """The dashboard served as users run it, on a free port with a cache folder of its own: "serve"
    (the threaded development server of `make run`) or "gunicorn" (two sync workers, as in the load
    test). Yields its address; stopped with SIGTERM, as a service manager stops it."""
    from bench.load_test import start_gunicorn, stop_gunicorn

    cache_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = start_dev_server(port, cache_dir) if kind == "serve" else start_gunicorn(port, 2, cache_dir)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        if kind == "serve":
            server.terminate()
            server.wait(timeout=30)
        else:
            stop_gunicorn(server)


def export_request(view: dict, fmt: str, preset: str, href: str = "http://127.0.0.1:8050/") -> bytes:
    """The body the page posts when the Export button is clicked (as bench/load_test.py records it)."""
    from dashboard import ids

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
