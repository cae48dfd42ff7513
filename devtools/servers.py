"""The dashboard served: in this process on a free port (werkzeug, for the browser tests and the
benchmarks), or as users run it, `python -m dashboard serve` (as `make run`) or gunicorn; and the
processes a server leaves behind."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

from werkzeug.serving import WSGIRequestHandler, make_server

from dashboard.paths import PROJECT_ROOT
from devtools.waiting import free_port, healthy, wait_until

# Ready within seconds on an idle machine; gunicorn's workers each load the data, slower on a busy one.
START_TIMEOUT_S = 180


class QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:  # the tests read the browser's log, not the server's
        pass


@contextlib.contextmanager
def serving(wsgi_app, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve a WSGI app from a thread of this process; yields its address."""
    server = make_server(host, 0, wsgi_app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def _start(name: str, command: list[str], port: int, cache: Path, env: dict[str, str]) -> subprocess.Popen:
    """Start a server with this cache folder, its output in NAME.log there; ready when /healthz answers."""
    log = cache / f"{name}.log"
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, **env, "DASHBOARD_CACHE_DIR": str(cache)})
    try:
        wait_until(lambda: healthy(f"http://127.0.0.1:{port}"), START_TIMEOUT_S, process=process, interval_s=0.2,
                   failure=lambda: f"{name} did not start:\n{log.read_text()[-3000:]}")
    except RuntimeError:
        process.kill()
        process.wait()
        raise
    return process


def start_dev_server(port: int, cache: Path) -> subprocess.Popen:
    """`python -m dashboard serve`, as `make run` starts it."""
    return _start("serve", [sys.executable, "-m", "dashboard", "serve", "--port", str(port)], port, cache, {})


def start_gunicorn(port: int, workers: int, cache: Path, redis_url: str | None = None) -> subprocess.Popen:
    """gunicorn with `workers` sync workers, as in production; exports on Celery when given a Redis."""
    env = {"PYTHONPATH": str(PROJECT_ROOT), **({"DASHBOARD_REDIS_URL": redis_url} if redis_url else {})}
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--timeout", "180",
               "dashboard.wsgi:server"]
    return _start("gunicorn", command, port, cache, env)


def stop_gunicorn(server: subprocess.Popen, grace_s: float = 60) -> bool:
    """Stop gunicorn; True if a worker was still busy after the grace period and had to be killed."""
    server.terminate()
    try:
        server.wait(timeout=grace_s)
        return False
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        return True


@contextlib.contextmanager
def dashboard_server(kind: str, cache: Path) -> Iterator[str]:
    """The dashboard served as users run it, on a free port with a cache folder of its own: "serve"
    (the threaded development server of `make run`) or "gunicorn" (two sync workers, as in the load
    test). Yields its address; stopped with SIGTERM, as a service manager stops it."""
    cache.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = start_dev_server(port, cache) if kind == "serve" else start_gunicorn(port, 2, cache)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        if kind == "serve":
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
                raise AssertionError("the development server did not stop within 60 s of SIGTERM") from None
        else:
            stop_gunicorn(server)


def stop_render_service(cache: Path) -> None:
    """The warm render service that exports from this cache folder started."""
    from dashboard.app import render_key
    from dashboard.export.service import RenderClient

    RenderClient(cache, render_key(cache)).stop()


def processes_with_cache(cache: Path) -> list:
    """Every process running with this DASHBOARD_CACHE_DIR: a server, its jobs, the render service
    and its browser all inherit it, wherever they were reparented."""
    import psutil

    found = []
    for process in psutil.process_iter():
        try:
            if process.environ().get("DASHBOARD_CACHE_DIR") == str(cache):
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            pass
    return found
