"""Exports on Celery through a real redis-server and a real `python -m dashboard worker`, driven from
the browser: an export runs on the worker; Redis going away is said plainly while the rest of the
dashboard works; exports come back when Redis does."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids
from dashboard.app import create_app, render_key
from dashboard.config import AppConfig
from dashboard.export.service import RenderClient
from devtools.browser import MAP_READY, console_errors
from devtools.export_queue import export_worker, redis_server
from devtools.servers import serving
from tests.browser.test_export_browser import wait_for_download

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


def export(driver, preset: str, fmt: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f"#{ids.EXPORT_PRESET} input[value='{preset}']").click()
    driver.find_element(By.CSS_SELECTOR, f"#{ids.EXPORT_FORMAT} input[value='{fmt}']").click()
    driver.find_element(By.ID, ids.EXPORT_BUTTON).click()


def finished(driver) -> bool:
    return "Export" in status(driver) and driver.find_element(By.ID, ids.EXPORT_BUTTON).is_enabled()


def open_export(driver, url: str, query: str, downloads) -> None:
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.get(url + "/?" + query)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))


def test_an_export_runs_on_the_celery_worker(driver, queue, tmp_path):
    redis, url, worker_log = queue
    open_export(driver, url, "route=trans_caspian_oil_btc&panel=export", tmp_path)
    export(driver, "slide-16x9", "png")
    png = wait_for_download(tmp_path, ".png")
    assert png.name == "middle-corridor-trans-caspian-oil-btc-slide-16x9.png" and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    WebDriverWait(driver, 10).until(lambda d: status(d).startswith("Exported"))
    log = worker_log.read_text()
    assert "received" in log and "succeeded" in log, "the job ran on the worker, not in the web process"
    assert console_errors(driver) == []


def test_redis_going_away_is_said_and_exports_come_back_with_it(driver, queue, tmp_path):
    redis, url, _ = queue
    open_export(driver, url, "route=cpc&panel=export", tmp_path)
    redis.stop()
    try:
        export(driver, "report-column", "svg")
        WebDriverWait(driver, 20).until(finished)
        assert "the export queue (Redis at 127.0.0.1:" in status(driver) and "cannot be reached" in status(driver)
        assert list(tmp_path.iterdir()) == []
        # The rest of the dashboard does not need Redis.
        driver.find_element(By.CSS_SELECTOR, "button[id*='\"id\":\"tap\"']").click()
        WebDriverWait(driver, 10).until(lambda d: "Trans Adriatic" in d.find_element(By.ID, ids.DETAILS_PANEL).text)
    finally:
        redis.start()
    driver.find_element(By.CSS_SELECTOR, "button[id*='\"id\":\"export\"']").click()
    # The worker reconnects on its own (Celery retries every few seconds); the user just tries again.
    deadline = time.monotonic() + 90
    while not status(driver).startswith("Exported") and time.monotonic() < deadline:
        export(driver, "report-column", "svg")
        WebDriverWait(driver, 90).until(finished)
    svg = wait_for_download(tmp_path, ".svg")
    assert svg.name == "middle-corridor-tap-report-column.svg" and b"<svg" in svg.read_bytes()[:500]
    assert console_errors(driver) == []
