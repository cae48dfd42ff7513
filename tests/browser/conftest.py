import shutil

import pytest

from dashboard.app import create_app
from dashboard.config import AppConfig
from tests.browser.harness import CHROMEDRIVER, CHROMIUM, chrome, serving


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_available():
    if not (shutil.which(CHROMIUM) or shutil.which("chromium")) or not shutil.which(CHROMEDRIVER):
        pytest.fail("headless Chromium is missing: `make test` installs Debian's chromium and chromium-driver")


@pytest.fixture(scope="module")
def server_url(app_data, browser_available):
    app = create_app(AppConfig(), data=app_data)
    with serving(app.server) as url:
        yield url


@pytest.fixture
def driver(browser_available):
    driver = chrome()
    yield driver
    driver.quit()
