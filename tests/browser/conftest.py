import pytest

from dashboard.app import create_app
from dashboard.config import AppConfig
from devtools.browser import chrome
from devtools.servers import serving, stop_render_service


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def server_url(app_data, tmp_path_factory):
    """The dashboard served from this process, with a cache folder of its own: its export jobs and
    render service are not those of another suite running on the machine (the default folder is one
    per user, and a suite that ends stops the render service in it)."""
    cache = tmp_path_factory.mktemp("cache")
    app = create_app(AppConfig(cache_dir=cache), data=app_data)
    with serving(app.server) as url:
        yield url
    stop_render_service(cache)


@pytest.fixture
def driver():
    driver = chrome()
    yield driver
    driver.quit()
