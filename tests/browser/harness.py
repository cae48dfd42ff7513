"""A real server on a free loopback port and Debian's headless Chromium, for the browser tests and
the benchmarks. Chromium is started as the probe of this machine does: background networking off, so
the only requests are the page's own."""

from __future__ import annotations

import contextlib
import json
import shutil
import threading
from typing import Iterator

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import WSGIRequestHandler, make_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage")


class QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:  # the tests read the browser's log, not the server's
        pass


@contextlib.contextmanager
def serving(wsgi_app, host: str = "127.0.0.1") -> Iterator[str]:
    server = make_server(host, 0, wsgi_app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def chrome(width: int = 1600, height: int = 1000) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for since the last call (Chrome's performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


# The map is drawn: Plotly has loaded the base map and drawn the geo subplot (layers may be off).
MAP_READY = """
const gd = document.querySelector('#route-map .js-plotly-plot');
const geo = gd && gd._fullLayout && gd._fullLayout.geo && gd._fullLayout.geo._subplot;
return !!(geo && geo.topojson && gd.querySelectorAll('.geo .layer path').length > 0
          && !gd.classList.contains('dash-graph--pending'));
"""
