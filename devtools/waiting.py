"""Free loopback ports, plain HTTP requests to them, and waiting until something is true."""

from __future__ import annotations

import gzip
import socket
import subprocess
import time
import urllib.error
import urllib.request
from typing import Callable, TypeVar

T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], T], timeout_s: float, failure: Callable[[], str],
               process: subprocess.Popen | None = None, interval_s: float = 0.1) -> T:
    """Ask `condition` until it answers something true, and return that. RuntimeError(failure()) when
    `timeout_s` passes first, or when `process`, which was to make it true, has exited."""
    deadline = time.monotonic() + timeout_s
    while not (answer := condition()):
        if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
            raise RuntimeError(failure())
        time.sleep(interval_s)
    return answer


def request(url: str, body: bytes | None = None, timeout: float = 60) -> tuple[int, bytes]:
    """GET, or POST a JSON body as Dash's renderer does: the status and the (unzipped) content."""
    headers = {"Content-Type": "application/json", "Accept-Encoding": "gzip"} if body is not None else {}
    sent = urllib.request.Request(url, data=body, headers=headers, method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(sent, timeout=timeout) as response:
            content = response.read()
            if response.headers.get("Content-Encoding") == "gzip":
                content = gzip.decompress(content)
            return response.status, content
    except urllib.error.HTTPError as error:
        return error.code, b""


def healthy(base: str) -> bool:
    """The dashboard at `base` answers /healthz."""
    try:
        return request(f"{base}/healthz", timeout=2)[0] == 200
    except OSError:
        return False
