"""Export time, cold and warm, per format and size, against plain `plotly.io.write_image` of the same
figure, in the same run.

    python bench/exports.py [--repeats N] [--json FILE]

Cold: a new renderer's first export (browser start included). Warm: later exports on the same
renderer, each a second after the last, which is what the dashboard's render service gives. Plain: `plotly.io.write_image`, which starts a browser for every call, with the
same figure, plotly.js and local base map. Target (issue 4): warm PNG at most a quarter of plain.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import plotly.io as pio  # noqa: E402

from dashboard.appdata import load_app_data  # noqa: E402
from dashboard.export.presets import PRESETS, render_options  # noqa: E402
from dashboard.export.renderer import Renderer, find_browser  # noqa: E402
from dashboard.export.report_figure import report_figure  # noqa: E402
from dashboard.view import View  # noqa: E402

PAUSE_S = 1.0  # between warm exports
CASES = [("png", "slide-16x9"), ("png", "a4-landscape"), ("svg", "slide-16x9"), ("pdf", "a4-landscape")]


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(data, repeats: int = 5, cases=CASES) -> list[dict]:
    """One row per (format, preset): cold, warm (median) and plain write_image (median) seconds."""
    view = View(route="cpc", statement="uk-kazakhstan-export-routes-3")
    pio.defaults.topojson = (ROOT / "assets" / "topojson").resolve().as_uri() + "/"
    pio.defaults.plotlyjs = str((ROOT / "assets" / "plotly-geo.min.js").resolve())
    pio.defaults.mathjax = None
    out = Path(tempfile.mkdtemp(prefix="bench-exports-"))
    rows = []
    for fmt, preset in cases:
        size = PRESETS[preset]
        figure = report_figure(data, view, size, link="http://127.0.0.1:8050/?route=cpc", quote=True)
        options = render_options(size, fmt)
        renderer = Renderer()
        try:
            cold = timed(lambda: renderer.render(figure, size, fmt))
            warm = []
            for _ in range(repeats):
                # A user's next export comes seconds later, by which time the tab is cleaned (the
                # renderer reloads it after handing a result back); back to back, each would wait.
                time.sleep(PAUSE_S)
                warm.append(timed(lambda: renderer.render(figure, size, fmt)))
        finally:
            renderer.close()
        plain = [timed(lambda: pio.write_image(figure, out / f"plain.{fmt}", format=fmt, width=options["width"],
                                               height=options["height"], scale=options["scale"]))
                 for _ in range(max(2, repeats // 2))]
        rows.append({"format": fmt, "preset": preset, "cold_s": cold, "warm_s": statistics.median(warm),
                     "plain_s": statistics.median(plain),
                     "warm_over_plain": statistics.median(warm) / statistics.median(plain)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "exports.json")
    args = parser.parse_args()
    if find_browser() is None:
        sys.exit("bench/exports.py needs Chromium (make browser)")
    rows = measure(load_app_data(), args.repeats)
    result = {"rows": rows, "machine": f"{platform.machine()}, Python {platform.python_version()}",
              "repeats": args.repeats}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2))
    print(f"{'format':<7}{'preset':<15}{'cold s':>8}{'warm s':>8}{'plain s':>9}{'warm/plain':>12}")
    for r in rows:
        print(f"{r['format']:<7}{r['preset']:<15}{r['cold_s']:>8.2f}{r['warm_s']:>8.2f}{r['plain_s']:>9.2f}"
              f"{r['warm_over_plain']:>12.2f}")
    png = [r for r in rows if r["format"] == "png"]
    print(f"warm PNG / plain write_image: {max(r['warm_over_plain'] for r in png):.2f} at worst (target <= 0.25)")


if __name__ == "__main__":
    main()
