"""The warm render service that dashboard export jobs share."""

import struct

import pytest

from dashboard.app import render_key
from dashboard.export.jobs import strict_view
from dashboard.export.presets import PRESETS
from dashboard.export.report_figure import report_figure
from dashboard.export.service import RenderClient

pytestmark = pytest.mark.export


def test_service_renders_stops_and_starts_again(app_data, tmp_path):
    client = RenderClient(tmp_path, render_key(tmp_path))
    figure = report_figure(app_data, strict_view("route=tap", app_data), PRESETS["slide-16x9"])
    first = client.render(figure, PRESETS["slide-16x9"], "png")
    assert struct.unpack(">II", first[16:24]) == (1920, 1080)
    assert client.render(figure, PRESETS["slide-16x9"], "svg").startswith(b"<svg")
    assert client.stop() is True
    assert client.render(figure, PRESETS["slide-16x9"], "pdf").startswith(b"%PDF")  # started again
    assert client.stop() is True and client.stop() is False


def test_a_wrong_key_is_refused(app_data, tmp_path):
    client = RenderClient(tmp_path, render_key(tmp_path))
    figure = report_figure(app_data, strict_view("", app_data), PRESETS["slide-16x9"])
    client.render(figure, PRESETS["slide-16x9"], "svg")
    intruder = RenderClient(tmp_path, b"not the key")
    with pytest.raises(Exception):
        intruder.render(figure, PRESETS["slide-16x9"], "svg")
    assert client.render(figure, PRESETS["slide-16x9"], "svg").startswith(b"<svg")  # still serving
    assert client.stop() is True


def test_render_key_is_shared_and_private(tmp_path):
    key = render_key(tmp_path)
    assert render_key(tmp_path) == key and len(key) == 32
    assert (tmp_path / "render.key").stat().st_mode & 0o077 == 0


def test_a_short_folder_gets_a_socket_file_and_a_long_one_an_abstract_name():
    from pathlib import Path

    from dashboard.export.service import MAX_SOCKET_PATH, socket_address
    short = Path("/var/cache/route-map")  # not tmp_path: a test's own folder may itself be long
    assert socket_address(short) == "/var/cache/route-map/render.sock"
    deep = short / ("d" * 120)
    address = socket_address(deep)
    assert address.startswith("\0route-map-render-") and len(address) < MAX_SOCKET_PATH
    assert socket_address(deep) == address and socket_address(short / ("e" * 120)) != address


def test_a_cache_folder_deep_in_a_long_path_still_renders(app_data, tmp_path):
    """A Unix socket's path holds 107 bytes: a cache folder under a long temporary path made every
    export a 500 (seen when the suite ran in a clone under a long TMPDIR)."""
    deep = tmp_path / ("a-long-folder-name-" * 6) / "cache"
    deep.mkdir(parents=True)
    client = RenderClient(deep, render_key(deep))
    figure = report_figure(app_data, strict_view("route=tap", app_data), PRESETS["slide-16x9"])
    assert client.render(figure, PRESETS["slide-16x9"], "svg").startswith(b"<svg")
    assert client.stop() is True and client.stop() is False
