import pytest

from dashboard.app import create_app
from dashboard.config import AppConfig
from devtools.browser import chrome
from devtools.servers import serving


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def server_url(app_data):
    app = create_app(AppConfig(), data=app_data)
    with serving(app.server) as url:
        yield url


@pytest.fixture
def driver():
    driver = chrome()
    yield driver
    driver.quit()
