"""The export browser crashing mid-export: the user gets an error, and the next export works."""

import threading

import psutil
import pytest

from dashboard.export import warm_browser
from dashboard.export.jobs import strict_view
from dashboard.export.presets import PRESETS
from dashboard.export.renderer import ExportFailed, Renderer
from dashboard.export.report_figure import report_figure

pytestmark = pytest.mark.export


def browsers_of_this_process():
    return [p for p in psutil.Process().children(recursive=True) if "chrom" in p.name().lower()]


def test_a_browser_killed_mid_export_fails_that_export_and_the_next_one_works(app_data, monkeypatch):
    renderer = Renderer()
    figure = report_figure(app_data, strict_view("route=cpc", app_data), PRESETS["a4-landscape"])
    rendering, killed = threading.Event(), threading.Event()
    render = warm_browser.WarmBrowser.render

    def render_and_say_so(self, *args):
        rendering.set()
        return render(self, *args)

    try:
        renderer.render(figure, PRESETS["slide-16x9"], "svg")  # warm: the browser is running
        assert browsers_of_this_process()
        monkeypatch.setattr(warm_browser.WarmBrowser, "render", render_and_say_so)

        def kill_once_rendering():
            rendering.wait()
            for process in browsers_of_this_process():
                process.kill()
            killed.set()

        killer = threading.Thread(target=kill_once_rendering)
        killer.start()
        # The kill lands during an export, or between two: then the next one, started after it, fails.
        with pytest.raises(ExportFailed):
            while not killed.is_set():
                renderer.render(figure, PRESETS["a4-landscape"], "png")
            renderer.render(figure, PRESETS["a4-landscape"], "png")
        killer.join()
        content = renderer.render(figure, PRESETS["slide-16x9"], "png")
        assert content[:4] == b"\x89PNG"
    finally:
        renderer.close()


@pytest.mark.parametrize("reload_every", [1, warm_browser.RELOAD_EVERY])
def test_a_browser_killed_between_exports_fails_the_next_one_clearly_and_the_one_after_works(
        app_data, monkeypatch, reload_every):
    """The page is reloaded after an export has been handed back (warm_browser.py): a browser gone
    meanwhile must not leave the next export waiting for a tab that never comes back. With
    reload_every=1 the kill lands while the page reloads; otherwise the page is simply reused."""
    monkeypatch.setattr(warm_browser, "RELOAD_EVERY", reload_every)
    renderer = Renderer()
    figure = report_figure(app_data, strict_view("route=cpc", app_data), PRESETS["slide-16x9"])
    try:
        renderer.render(figure, PRESETS["slide-16x9"], "svg")
        for process in browsers_of_this_process():
            process.kill()
        with pytest.raises(ExportFailed, match="the browser could not render the PNG") as failed:
            renderer.render(figure, PRESETS["slide-16x9"], "png")
        # Failed because the browser was found gone, not because the export ran into its time limit.
        assert not isinstance(failed.value.__cause__, TimeoutError), failed.value
        assert renderer.render(figure, PRESETS["slide-16x9"], "png")[:4] == b"\x89PNG"
    finally:
        renderer.close()


def test_exports_back_to_back_wait_for_the_cleaned_tab(app_data):
    renderer = Renderer()
    figure = report_figure(app_data, strict_view("route=cpc", app_data), PRESETS["slide-16x9"])
    try:
        results = [renderer.render(figure, PRESETS["slide-16x9"], fmt) for fmt in ("svg", "png", "svg", "pdf")]
        assert [r[:4] for r in results] == [b"<svg", b"\x89PNG", b"<svg", b"%PDF"]
    finally:
        renderer.close()


def test_two_renderers_in_one_process_keep_their_own_browsers(app_data):
    figure = report_figure(app_data, strict_view("route=cpc", app_data), PRESETS["slide-16x9"])
    first, second = Renderer(), Renderer()
    try:
        first.render(figure, PRESETS["slide-16x9"], "svg")
        second.render(figure, PRESETS["slide-16x9"], "svg")
        # Each browser runs under a launcher process of its own: two renderers, two of them.
        launchers = [child for child in psutil.Process().children()
                     if any("chrom" in p.name().lower() for p in child.children(recursive=True))]
        assert len(launchers) == 2
        first.close()
        assert second.render(figure, PRESETS["slide-16x9"], "png")[:4] == b"\x89PNG"
    finally:
        first.close()
        second.close()
