"""Rendering figures to PNG, SVG and PDF with kaleido on the machine's own Chromium, offline.

kaleido's page gets plotly.js from assets/ (the same partial geo bundle the dashboard serves), MathJax
off, and the base map preloaded into `window.PlotlyGeoAssets`, where plotly.js looks before it fetches
a topojson file: nothing is asked of any host. One browser is kept warm (warm_browser.py) so that
repeated exports do not pay for a browser start.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import tempfile
import threading
from pathlib import Path

from dashboard.base_map_script import base_map_script
from dashboard.export.pdf_metadata import with_document_info
from dashboard.export.presets import ExportSize, render_options
from dashboard.paths import DataPaths

BROWSER_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
RENDER_TIMEOUT_S = 90


class ExportUnavailable(RuntimeError):
    """No Chrome or Chromium on this machine: exports cannot run, the rest of the dashboard can."""


class ExportFailed(RuntimeError):
    """The browser could not render this figure."""


def find_browser() -> str | None:
    explicit = os.environ.get("BROWSER_PATH")
    if explicit and Path(explicit).exists():
        return explicit
    for name in BROWSER_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def geo_assets_script(topojson: Path, target: Path) -> Path:
    """A script that hands plotly.js the base map, so it never fetches one: the page's own
    (dashboard/base_map_script.py), written where kaleido's page can load it."""
    target.write_text(base_map_script(topojson), encoding="utf-8")
    return target


class Renderer:
    """A warm kaleido browser for this process. Thread-safe: exports queue on one lock."""

    def __init__(self, paths: DataPaths | None = None):
        self._paths = paths or DataPaths()
        self._lock = threading.Lock()
        self._browser = None
        self._workdir: Path | None = None

    def _start(self) -> None:
        browser = find_browser()
        if browser is None:
            raise ExportUnavailable("exports need Chrome or Chromium, and none was found "
                                    "(install Debian's chromium, or set BROWSER_PATH)")
        os.environ.setdefault("BROWSER_PATH", browser)
        from kaleido import PageGenerator  # imported here: the dashboard starts and serves without it

        from dashboard.export.warm_browser import WarmBrowser

        self._workdir = Path(tempfile.mkdtemp(prefix="route-map-export-"))
        assets = self._paths.assets
        # A printed page has ~3x the screen's pixels per degree: its base map is as fine everywhere.
        script = geo_assets_script(self._paths.print_base_map, self._workdir / "geo-assets.js")
        # map_labels.js: the map's names decluttered at the export's size, as on screen.
        page = PageGenerator(plotly=str((assets / "plotly-geo.min.js").resolve()), mathjax=False,
                             others=[str(script), str((assets / "map_labels.js").resolve())])
        self._browser = WarmBrowser(page, RENDER_TIMEOUT_S)

    def render(self, figure: dict, size: ExportSize, fmt: str) -> bytes:
        with self._lock:
            try:
                if self._browser is None:
                    self._start()
                content = self._browser.render(figure, render_options(size, fmt))
            except ExportUnavailable:
                raise
            except Exception as exc:  # the browser died or rejected the figure: say so, start afresh next time
                self._stop()
                raise ExportFailed(f"the browser could not render the {fmt.upper()} ({exc.__class__.__name__}: "
                                   f"{str(exc)[:200]})") from exc
        if fmt == "pdf":
            content = with_document_info(content, (figure.get("layout", {}).get("meta") or {}).get("document"))
        return content

    def _stop(self) -> None:
        if self._browser is not None:
            try:
                self._browser.close()
            except Exception:  # already gone with its browser
                pass
            self._browser = None
        if self._workdir:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def close(self) -> None:
        with self._lock:
            self._stop()


def write_atomically(path: Path, content: bytes) -> None:
    """Write all of it or nothing: a temporary file beside the target, renamed over it. A file
    replaced keeps its mode; a new one gets what the umask gives, as open() would (mkstemp's
    owner-only 0600 hid reports from the colleagues a 0644 file had been shared with)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    descriptor, temporary = _create_beside(path)
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(content)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new file of an unused name in the target's folder, open for writing, 0666 less the umask."""
    while True:
        candidate = path.parent / f".{path.name}.{secrets.token_hex(4)}"
        try:
            return os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), candidate
        except FileExistsError:
            continue
