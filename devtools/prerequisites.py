"""What each kind of slow test needs beyond the Python packages, and what is missing for it here:
the pytest markers `browser` (Selenium on Chromium), `export` (kaleido on Chromium) and `service`
(redis-server, gunicorn). Nothing here imports the tools themselves."""

from __future__ import annotations

import importlib.util
import shutil

from dashboard.export.renderer import find_browser

def _absent(*needs: tuple[str, bool]) -> str | None:
    absent = [what for what, present in needs if not present]
    return f"{' and '.join(absent)} missing" if absent else None


def browser() -> str | None:
    return _absent(("Chromium (Debian's chromium)", shutil.which("chromium") or shutil.which("/usr/bin/chromium")),
                   ("chromedriver (Debian's chromium-driver)",
                    shutil.which("chromedriver") or shutil.which("/usr/bin/chromedriver")))


def export() -> str | None:
    return _absent(("kaleido", importlib.util.find_spec("kaleido")),
                   ("a Chrome or Chromium for kaleido", find_browser()))


def service() -> str | None:
    return _absent(("redis-server (Debian's redis-server)",
                    shutil.which("redis-server") or shutil.which("/usr/bin/redis-server")),
                   ("gunicorn", importlib.util.find_spec("gunicorn")))


MISSING = {"browser": browser, "export": export, "service": service}
