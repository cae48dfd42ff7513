"""The export browser crashing mid-export: the user gets an error, and the next export works."""

import threading
import time

import psutil
import pytest

from dashboard.export.jobs import strict_view
from dashboard.export.presets import PRESETS
from dashboard.export.renderer import ExportFailed, Renderer
from dashboard.export.report_figure import report_figure

pytestmark = pytest.mark.browser


def browsers_of_this_process():
    return [p for p in psutil.Process().children(recursive=True) if "chrom" in p.name().lower()]


def test_a_browser_killed_mid_export_fails_that_export_and_the_next_one_works(app_data):
    renderer = Renderer()
    figure = report_figure(app_data, strict_view("route=cpc", app_data), PRESETS["a4-landscape"])
    try:
        renderer.render(figure, PRESETS["slide-16x9"], "svg")  # warm: the browser is running
        assert browsers_of_this_process()

        def kill_soon():
            time.sleep(0.3)
            for process in browsers_of_this_process():
                process.kill()

        killer = threading.Thread(target=kill_soon)
        killer.start()
        with pytest.raises(ExportFailed):
            for _ in range(20):  # keep the browser busy until the kill lands
                renderer.render(figure, PRESETS["a4-landscape"], "png")
        killer.join()
        content = renderer.render(figure, PRESETS["slide-16x9"], "png")
        assert content[:4] == b"\x89PNG"
    finally:
        renderer.close()
