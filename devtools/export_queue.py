"""The export queue's services on this machine: a throwaway redis-server on a free port (nothing
persisted, stopped as when Redis goes away) and `python -m dashboard worker` processes against it."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Iterator

from dashboard.paths import PROJECT_ROOT
from devtools.waiting import free_port, wait_until

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
# Redis answers at once and a worker is ready in seconds; on a busy machine, many times that. Bounds a
# failure only: both are awaited until they say they are ready.
START_S = 180


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
        wait_until(lambda: answers(self.port), START_S, lambda: f"redis-server did not start on port {self.port}",
                   process=self.process, interval_s=0.05)

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
def export_worker(redis_url: str, cache: Path, log: Path) -> Iterator[subprocess.Popen]:
    """`python -m dashboard worker`, ready when it says so in its log."""
    env = {**os.environ, "DASHBOARD_REDIS_URL": redis_url, "DASHBOARD_CACHE_DIR": str(cache)}
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "dashboard", "worker", "--concurrency", "1"],
                                   cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        wait_until(lambda: " ready." in log.read_text(), START_S, process=process, interval_s=0.2,
                   failure=lambda: f"the export worker did not start:\n{log.read_text()[-3000:]}")
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)  # the worker and its pool
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
