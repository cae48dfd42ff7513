"""Exports rendered for real in headless Chromium: the files are opened and checked as a reader would."""

import os
import re
import shutil
import struct
import subprocess
import sys

import pytest

from dashboard.export.jobs import export_bytes, strict_view
from dashboard.export.presets import PRESETS
from dashboard.export.renderer import Renderer
from dashboard.paths import PROJECT_ROOT, DataPaths

pytestmark = pytest.mark.export
VIEW = "route=cpc&statement=uk-kazakhstan-export-routes-3&center=50,43&scale=4"
MM_PER_PT = 25.4 / 72


@pytest.fixture(scope="module")
def renderer():
    renderer = Renderer()
    yield renderer
    renderer.close()


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", content[16:24])


def pdf_pages(content: bytes) -> list[tuple[float, float]]:
    assert content.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", content)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


@pytest.mark.parametrize("preset", list(PRESETS))
def test_png_has_the_presets_pixel_size(app_data, renderer, preset):
    content = export_bytes(app_data, renderer, strict_view(VIEW, app_data), PRESETS[preset], "png")
    assert png_size(content) == PRESETS[preset].pixel_size


def test_svg_carries_title_routes_and_attribution_as_text(app_data, renderer):
    view = strict_view("layers=kazakhstan,caspian_sea,oil,gas,cargo,nodes&status=operating,expanding", app_data)
    svg = export_bytes(app_data, renderer, view, PRESETS["slide-16x9"], "svg").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", svg).replace("&amp;", "&").replace("&#39;", "'").replace("\u00a0", " ")
    assert "The Middle Corridor and Kazakhstan's export routes" in text
    assert "Natural Earth" in text
    from dashboard.export.report_figure import visible_routes
    for route in visible_routes(app_data, view):
        assert route.short_name in text, route.short_name
    assert "KCTS (planned)" not in text.split("Sources:")[0]


@pytest.mark.parametrize("preset", ["a4-landscape", "slide-16x9"])
def test_pdf_is_one_page_of_the_presets_size(app_data, renderer, preset):
    pages = pdf_pages(export_bytes(app_data, renderer, strict_view(VIEW, app_data), PRESETS[preset], "pdf"))
    assert len(pages) == 1
    width_mm, height_mm = (v * MM_PER_PT for v in pages[0])
    assert (width_mm, height_mm) == pytest.approx(PRESETS[preset].page_mm, abs=1.0)


def test_an_export_on_a_page_used_before_keeps_nothing_of_the_last(app_data, renderer):
    """The render page is reused between exports (warm_browser.py): a PNG drawn after a PDF and an
    SVG of other views is the same, byte for byte, as one drawn before them."""
    view, size = strict_view(VIEW, app_data), PRESETS["slide-16x9"]
    before = export_bytes(app_data, renderer, view, size, "png")
    export_bytes(app_data, renderer, strict_view("layers=oil&route=trans_caspian_oil_btc", app_data), PRESETS["a4-landscape"], "pdf")
    export_bytes(app_data, renderer, strict_view("layers=gas", app_data), size, "svg")
    assert export_bytes(app_data, renderer, view, size, "png") == before


def test_the_render_page_is_reloaded_now_and_then_and_exports_go_on(app_data):
    from dashboard.export.warm_browser import RELOAD_EVERY

    renderer = Renderer()
    try:
        view, size = strict_view("route=cpc", app_data), PRESETS["report-column"]
        outputs = [export_bytes(app_data, renderer, view, size, "png") for _ in range(RELOAD_EVERY + 2)]
        assert len(set(outputs)) == 1 and outputs[0][:4] == b"\x89PNG"
    finally:
        renderer.close()


def run_export(*args, offline=False):
    command = [sys.executable, "-m", "dashboard", "export", *args]
    if offline:
        command = ["unshare", "-n", *command]
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})


@pytest.mark.skipif(shutil.which("unshare") is None, reason="util-linux unshare is part of every Debian system")
def test_command_line_export_works_with_networking_switched_off(tmp_path):
    out = tmp_path / "a4.pdf"
    result = run_export("--view", VIEW, "--format", "pdf", "--preset", "a4-landscape", "--out", str(out), offline=True)
    assert result.returncode == 0, result.stderr
    assert len(pdf_pages(out.read_bytes())) == 1


def test_batch_export_with_progress(tmp_path):
    views = tmp_path / "views.txt"
    views.write_text("cpc\troute=cpc\ngas\tlayers=gas,nodes\n", encoding="utf-8")
    result = run_export("--batch", str(views), "--format", "png", "--preset", "slide-16x9", "--out-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "2/2" in result.stderr and "[" in result.stderr
    assert png_size((tmp_path / "cpc.png").read_bytes()) == (1920, 1080)
    assert png_size((tmp_path / "gas.png").read_bytes()) == (1920, 1080)


@pytest.mark.parametrize("args, message", [
    (["--preset", "poster"], "invalid choice"),
    (["--preset", "custom", "--width", "90000", "--height", "500"], "width 90000"),
    (["--view", "route=atlantis"], "the view is malformed: route: unknown 'atlantis'"),
    (["--out", "/nonexistent-folder/map.png"], "does not exist"),
])
def test_bad_requests_fail_clearly_and_leave_nothing(tmp_path, args, message):
    out_args = [] if "--out" in args else ["--out", str(tmp_path / "map.png")]
    result = run_export(*args, *out_args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder(tmp_path):
    # /proc takes no new files, whoever asks: the check must not trust permission bits.
    result = run_export("--out", "/proc/route-map.png")
    assert result.returncode == 2 and "not writable" in result.stderr and "Traceback" not in result.stderr


def test_without_a_browser_the_command_says_so(tmp_path):
    env_path = "/nonexistent"
    result = subprocess.run([sys.executable, "-m", "dashboard", "export", "--out", str(tmp_path / "m.png")],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PATH": env_path, "BROWSER_PATH": ""})
    assert result.returncode == 1 and "need Chrome or Chromium" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_carries_its_title_subject_author_and_date(app_data, renderer):
    import io

    from pypdf import PdfReader
    content = export_bytes(app_data, renderer, strict_view(VIEW, app_data), PRESETS["a4-landscape"], "pdf")
    info = PdfReader(io.BytesIO(content)).metadata
    assert info.title.startswith("The Middle Corridor and Kazakhstan's export routes") and "Kaleido" not in info.title
    assert "Highlighted" in info.title  # what the figure shows, as its subtitle says
    assert info.author and "route map" in info.author and info.subject.startswith("Data as of")
    assert info.creation_date is not None


def _coastline_vertices(svg: bytes) -> int:
    """The vertices of the exported map's drawn coastline (Plotly's path d: one command letter each)."""
    path = re.search(rb'<g class="layer coastlines"><path d="([^"]*)"', svg)
    assert path, "no coastline in the exported SVG"
    return len(re.findall(rb"[MLml]", path.group(1)))


def test_exports_draw_the_print_base_map_finer_than_the_pages(app_data, renderer, tmp_path):
    """The page's base map is coarse away from the close-ups (its first draw); an A4 at 300 dpi shows
    that, so the exports draw assets/topojson/print/. The same export with the page's map in its
    place draws a visibly coarser coast."""
    view, preset = strict_view("", app_data), PRESETS["a4-landscape"]
    assets = tmp_path / "assets"
    (assets / "topojson" / "print").mkdir(parents=True)
    for item in PROJECT_ROOT.joinpath("assets").iterdir():
        if item.name != "topojson":
            (assets / item.name).symlink_to(item)
    (assets / "topojson" / "print" / "world_50m.json").write_bytes(DataPaths().base_map.read_bytes())
    coarse = Renderer(DataPaths(assets=assets))
    try:
        with_page_map = _coastline_vertices(export_bytes(app_data, coarse, view, preset, "svg"))
    finally:
        coarse.close()
    assert _coastline_vertices(export_bytes(app_data, renderer, view, preset, "svg")) > 1.3 * with_page_map
