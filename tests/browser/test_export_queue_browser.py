"""Exports on Celery through a real redis-server and a real `python -m dashboard worker`, driven from
the browser: an export runs on the worker; Redis going away is said plainly while the rest of the
dashboard works; exports come back when Redis does."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By

from dashboard import ids
from dashboard.app import create_app, render_key
from dashboard.config import AppConfig
from dashboard.export.service import RenderClient
from devtools.browser import console_errors, until, wait_drawn
from devtools.export_queue import export_worker, redis_server
from devtools.servers import serving
from devtools.waiting import EXPORT_S, downloaded

pytestmark = [pytest.mark.export, pytest.mark.service]


@pytest.fixture(scope="module")
def queue(tmp_path_factory, app_data):
    folder = tmp_path_factory.mktemp("queue")
    worker_cache = folder / "worker-cache"
    with redis_server(folder) as redis:
        with export_worker(redis.url, worker_cache, folder / "worker.log"):
            app = create_app(AppConfig(redis_url=redis.url, cache_dir=folder / "web-cache"), data=app_data)
            with serving(app.server) as url:
                yield redis, url, folder / "worker.log"
    RenderClient(worker_cache, render_key(worker_cache)).stop()


def status(driver) -> str:
    return driver.find_element(By.ID, ids.EXPORT_STATUS).get_attribute("textContent")


# How many exports have ended in this page: the Export button is disabled while one runs (Dash's
# `running`), counted as it is enabled again - however short the run, a MutationObserver sees it.
EXPORTS_ENDED = """
const button = document.getElementById(arguments[0]);
if (window.__exportsEnded === undefined) {
  window.__exportsEnded = 0;
  let was = button.disabled;
  new MutationObserver(() => { if (was && !button.disabled) { window.__exportsEnded += 1; } was = button.disabled; })
    .observe(button, {attributes: true, attributeFilter: ['disabled']});
}
return window.__exportsEnded;
"""


def export(driver, preset: str, fmt: str) -> None:
    """Ask for an export and wait until it has ended, with its file or its message."""
    ended = driver.execute_script(EXPORTS_ENDED, ids.EXPORT_BUTTON)
    driver.find_element(By.CSS_SELECTOR, f"#{ids.EXPORT_PRESET} input[value='{preset}']").click()
    driver.find_element(By.CSS_SELECTOR, f"#{ids.EXPORT_FORMAT} input[value='{fmt}']").click()
    driver.find_element(By.ID, ids.EXPORT_BUTTON).click()
    until(driver, lambda d: d.execute_script(EXPORTS_ENDED, ids.EXPORT_BUTTON) > ended,
          "the export to end", timeout_s=EXPORT_S)


def open_export(driver, url: str, query: str, downloads) -> None:
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.get(url + "/?" + query)
    wait_drawn(driver)


def test_an_export_runs_on_the_celery_worker(driver, queue, tmp_path):
    redis, url, worker_log = queue
    open_export(driver, url, "route=trans_caspian_oil_btc&panel=export", tmp_path)
    export(driver, "slide-16x9", "png")
    png = downloaded(tmp_path, ".png")
    assert png.name == "middle-corridor-trans-caspian-oil-btc-slide-16x9.png" and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    until(driver, lambda d: status(d).startswith("Exported"))
    log = worker_log.read_text()
    assert "received" in log and "succeeded" in log, "the job ran on the worker, not in the web process"
    assert console_errors(driver) == []


def test_redis_going_away_is_said_and_exports_come_back_with_it(driver, queue, tmp_path):
    redis, url, _ = queue
    open_export(driver, url, "route=cpc&panel=export", tmp_path)
    redis.stop()
    try:
        export(driver, "report-column", "svg")
        assert "the export queue (Redis at 127.0.0.1:" in status(driver) and "cannot be reached" in status(driver)
        assert list(tmp_path.iterdir()) == []
        # The rest of the dashboard does not need Redis.
        driver.find_element(By.CSS_SELECTOR, "button[id*='\"id\":\"tap\"']").click()
        until(driver, lambda d: "Trans Adriatic" in d.find_element(By.ID, ids.DETAILS_PANEL).text)
    finally:
        redis.start()
    driver.find_element(By.CSS_SELECTOR, "button[id*='\"id\":\"export\"']").click()
    # The worker reconnects on its own (Celery retries every few seconds); the user just tries again,
    # each time once the last export has ended.
    deadline = time.monotonic() + EXPORT_S
    while not status(driver).startswith("Exported"):
        assert time.monotonic() < deadline, f"no export came back within {EXPORT_S} s of Redis: {status(driver)!r}"
        export(driver, "report-column", "svg")
    svg = downloaded(tmp_path, ".svg")
    assert svg.name == "middle-corridor-tap-report-column.svg" and b"<svg" in svg.read_bytes()[:500]
    assert console_errors(driver) == []
