"""Debian's headless Chromium driven by Selenium, started as the probe of this machine does:
background networking off, so the only requests are the page's own."""

from __future__ import annotations

import json
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage")

# The map is drawn: Plotly has loaded the base map and drawn the geo subplot (layers may be off).
MAP_READY = f"""
const gd = document.querySelector('{ids.css(ids.MAP)} .js-plotly-plot');
const geo = gd && gd._fullLayout && gd._fullLayout.geo && gd._fullLayout.geo._subplot;
return !!(geo && geo.topojson && gd.querySelectorAll('.geo .layer path').length > 0
          && !gd.classList.contains('dash-graph--pending'));
"""


def chrome(width: int = 1600, height: int = 1000) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def open_drawn(driver, url: str, timeout_s: float = 30) -> None:
    """Load the page and wait until its map is drawn."""
    driver.get(url)
    WebDriverWait(driver, timeout_s).until(lambda d: d.execute_script(MAP_READY))


def sent_requests(driver) -> list[dict]:
    """Every request the page sent since the last call (Chrome's performance log): url, postData."""
    sent = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            sent.append(message["params"]["request"])
    return sent


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for since the last call."""
    return [sent["url"] for sent in sent_requests(driver)]


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
