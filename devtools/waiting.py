"""Free loopback ports, plain HTTP requests to them, and waiting until something is true."""

from __future__ import annotations

import gzip
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

# An export asked for in a test ends within the server's own limit (dashboard/export/queue.py,
# JOB_LIMIT_S = 180 s), with its file or its message: waiting longer would only wait for nothing.
EXPORT_S = 240


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def eventually(condition: Callable[[], T], timeout_s: float, process: subprocess.Popen | None = None,
               interval_s: float = 0.1) -> T:
    """Ask `condition` until it answers something true, and return that; its last answer, false, when
    `timeout_s` passes first or when `process`, which was to make it true, has exited."""
    deadline = time.monotonic() + timeout_s
    while not (answer := condition()):
        if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
            return answer
        time.sleep(interval_s)
    return answer


def wait_until(condition: Callable[[], T], timeout_s: float, failure: Callable[[], str],
               process: subprocess.Popen | None = None, interval_s: float = 0.1) -> T:
    """As `eventually`, but RuntimeError(failure()) when the condition does not come true."""
    answer = eventually(condition, timeout_s, process, interval_s)
    if not answer:
        raise RuntimeError(failure())
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
        return request(f"{base}/healthz", timeout=10)[0] == 200
    except OSError:
        return False


def downloaded(folder: Path, suffix: str, timeout_s: float = EXPORT_S) -> Path:
    """The file whose name ends with `suffix` once it is in `folder` (Chrome writes a download under
    another name, .crdownload, and renames it when it is complete)."""
    def arrived() -> Path | None:
        return next((path for path in sorted(folder.iterdir()) if path.name.endswith(suffix)), None)

    return wait_until(arrived, timeout_s, lambda: f"no {suffix} file arrived in {folder} within {timeout_s:.0f} s "
                                                  f"(there: {sorted(path.name for path in folder.iterdir())})")
