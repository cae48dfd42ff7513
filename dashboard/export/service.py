"""One warm browser for every export job of a dashboard.

Dash runs each background callback in a fresh process, so a browser started inside a job dies with
it and every export would pay for a browser start. Jobs therefore hand their figure to this small
render service instead: a process of its own, started by the first job that needs it, listening on
a Unix socket in the app's cache folder and keeping one kaleido browser warm. It exits after
IDLE_EXIT_S without work, or when the server whose job started it has gone; the next job starts it
again.

    python -m dashboard.export.service FOLDER   (the key comes in ROUTE_MAP_RENDER_KEY)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Listener
from pathlib import Path

from dashboard.export.job_processes import SERVER_VARIABLE, WATCH_EVERY_S, alive
from dashboard.export.presets import ExportSize
from dashboard.export.renderer import ExportFailed, ExportUnavailable, Renderer

KEY_VARIABLE = "ROUTE_MAP_RENDER_KEY"
IDLE_EXIT_S = 600
START_TIMEOUT_S = 30
ERRORS = {"unavailable": ExportUnavailable, "failed": ExportFailed}
STOP = "stop"
NOT_RUNNING = (FileNotFoundError, ConnectionRefusedError, ConnectionResetError, EOFError)
# A Unix socket's path holds at most 107 bytes on Linux: a cache folder deep in a long path (a CI
# runner's temporary folder, a mounted volume) made every export a 500. Past this length the
# service listens in Linux's abstract namespace instead, under a name derived from the folder; the
# key's handshake guards it as it guards the file.
MAX_SOCKET_PATH = 100


def socket_address(folder: Path) -> str:
    """Where the render service of this cache folder listens: its socket file, or an abstract name."""
    path = str(folder / "render.sock")
    if len(os.fsencode(path)) <= MAX_SOCKET_PATH:
        return path
    digest = hashlib.sha256(os.fsencode(Path(folder).resolve())).hexdigest()[:32]
    return f"\0route-map-render-{digest}"


def serve(address: str, key: bytes, idle_exit_s: float = IDLE_EXIT_S, server: str | None = None) -> None:
    """Render until stopped, idle for idle_exit_s, or the server (job_processes.server_process) whose
    job started the service has gone."""
    renderer = Renderer()
    listener = Listener(address, family="AF_UNIX", authkey=key)
    last_work = [time.monotonic()]

    def exit_when_idle() -> None:
        while time.monotonic() - last_work[0] < idle_exit_s and (server is None or alive(server)):
            time.sleep(min(WATCH_EVERY_S, idle_exit_s))
        renderer.close()
        os._exit(0)  # the listener's accept() cannot be interrupted otherwise

    threading.Thread(target=exit_when_idle, daemon=True).start()
    try:
        while True:
            try:
                connection = listener.accept()
            except (OSError, EOFError, AuthenticationError):  # a client that failed the handshake
                continue
            with connection:
                try:
                    request = connection.recv()
                    if request == STOP:
                        listener.close()  # first, so no new client reaches a service on its way out
                        renderer.close()
                        connection.send(("ok", b""))
                        return
                    figure, size, fmt = request
                    connection.send(("ok", renderer.render(figure, size, fmt)))
                except ExportUnavailable as exc:
                    connection.send(("unavailable", str(exc)))
                except ExportFailed as exc:
                    connection.send(("failed", str(exc)))
                except (EOFError, OSError):
                    pass
                last_work[0] = time.monotonic()
    finally:
        renderer.close()
        try:
            listener.close()
        except OSError:
            pass


class RenderClient:
    """What a job uses to render: connects to the service, starting it when it is not running."""

    def __init__(self, folder: Path, key: bytes):
        self.folder = Path(folder)
        self.address = socket_address(self.folder)
        self.key = key

    def _start_service(self) -> None:
        if not self.address.startswith("\0"):
            Path(self.address).unlink(missing_ok=True)
        # The folder, not the address, on its command line: an abstract name cannot travel in argv,
        # and the folder names the service among a machine's processes.
        subprocess.Popen([sys.executable, "-m", "dashboard.export.service", str(self.folder)],
                         env={**os.environ, KEY_VARIABLE: self.key.hex()}, start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         cwd=str(Path(__file__).resolve().parents[2]))

    def _connect(self):
        try:
            return Client(self.address, family="AF_UNIX", authkey=self.key)
        except NOT_RUNNING:
            self._start_service()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                return Client(self.address, family="AF_UNIX", authkey=self.key)
            except NOT_RUNNING:
                time.sleep(0.1)
        raise ExportFailed("the export service did not start")

    def stop(self) -> bool:
        """Stop the service if it runs (tests and shutdown); True if one was stopped."""
        try:
            with Client(self.address, family="AF_UNIX", authkey=self.key) as connection:
                connection.send(STOP)
                connection.recv()
            return True
        except (FileNotFoundError, ConnectionRefusedError, EOFError, OSError):
            return False

    def render(self, figure: dict, size: ExportSize, fmt: str, attempts: int = 2) -> bytes:
        """The figure rendered. A service that stops while rendering (it exits with the server it
        watches, or its browser took it down) is asked once more, started afresh if need be: a render
        has no effect but its answer, so the second attempt is safe."""
        for attempt in range(attempts):
            with self._connect() as connection:
                connection.send((figure, size, fmt))
                try:
                    status, payload = connection.recv()
                    break
                except EOFError:
                    if attempt == attempts - 1:
                        raise ExportFailed("the export service stopped while rendering; try again") from None
        if status == "ok":
            return payload
        raise ERRORS.get(status, ExportFailed)(payload)


if __name__ == "__main__":
    serve(socket_address(Path(sys.argv[1])), bytes.fromhex(os.environ.pop(KEY_VARIABLE)),
          server=os.environ.pop(SERVER_VARIABLE, None))
