"""Selecting a route until its highlight is drawn: the dashboard's Patch against a naive callback
that rebuilds and resends the whole figure, in the same run, in headless Chromium.

    python bench/selection.py [--repeats N]

Target (issue 6): at most half the naive time. Also reports the bytes each update sends.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.app import create_app  # noqa: E402
from dashboard.appdata import load_app_data  # noqa: E402
from devtools.browser import MAP_READY, SETTLED, chrome  # noqa: E402
from devtools.servers import serving  # noqa: E402

ROUTES = ["cpc", "tap", "middle_corridor_black_sea", "kazakhstan_china_oil", "trans_caspian_oil_btc"]

# Click a route button and wait, in the page, until Plotly has drawn the selected route at full opacity.
# Checked in requestAnimationFrame callbacks: the first frame in which the route is drawn is the time,
# as the browser paints that frame right after these callbacks. (Waiting one more frame would also
# count whatever work the page starts between the two frames.) Both variants are timed the same way.
SELECT_AND_TIME = """
const done = arguments[arguments.length - 1];
const route = arguments[0];
const gd = document.querySelector('#route-map .js-plotly-plot');
const button = [...document.querySelectorAll('button.route-button')].find(b => b.id.includes('"' + route + '"'));
const start = performance.now();
button.click();
const settled = new Function(arguments[1]);
let drawnMs = null;
function drawn() {
  const traces = gd.data.filter(t => t.meta && t.meta.route === route);
  const ready = traces.length && traces.every(t => t.opacity === 1) && !gd.classList.contains('dash-graph--pending');
  if (ready && drawnMs === null) { drawnMs = performance.now() - start; }
  // Then until the server's answer is drawn too (the rings, the names, the panels): "settled". Not
  // before the address names the route: page.js hands the click to Dash only after the frame it drew
  // the selection in, and until then Dash has nothing to do (the first selection counted as settled).
  const answered = new URLSearchParams(window.location.search).get('route') === route;
  if (drawnMs !== null && answered && settled()) { done([drawnMs, performance.now() - start]); } else { requestAnimationFrame(drawn); }
}
requestAnimationFrame(drawn);
"""


def callback_bytes(driver) -> int:
    total = 0
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.loadingFinished":
            total += message["params"].get("encodedDataLength", 0)
    return total


def measure(app, repeats: int) -> tuple[list[float], int, list[float]]:
    """Per selection, the time until the route is drawn selected, and until the server's answer is
    drawn too (settled); and the median bytes a selection sends."""
    times, sent, settled = [], [], []
    with serving(app.server) as url:
        driver = chrome()
        try:
            driver.set_script_timeout(60)
            driver.get(url)
            WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
            time.sleep(1)
            for i in range(repeats):
                route = ROUTES[i % len(ROUTES)]
                driver.get_log("performance")
                drawn_ms, settled_ms = driver.execute_async_script(SELECT_AND_TIME, route, SETTLED)
                times.append(drawn_ms)
                settled.append(settled_ms)
                time.sleep(0.5)
                sent.append(callback_bytes(driver))
        finally:
            driver.quit()
    return times, int(statistics.median(sent)), settled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "selection.json")
    args = parser.parse_args()
    data = load_app_data()
    patch_times, patch_bytes, patch_settled = measure(create_app(data=data), args.repeats)
    naive_times, naive_bytes, naive_settled = measure(create_app(data=data, full_figure_updates=True), args.repeats)
    result = {"patch_ms": statistics.median(patch_times), "naive_ms": statistics.median(naive_times),
              "patch_settled_ms": statistics.median(patch_settled), "naive_settled_ms": statistics.median(naive_settled),
              "patch_bytes": patch_bytes, "naive_bytes": naive_bytes}
    result["ratio"] = result["patch_ms"] / result["naive_ms"]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2))
    print(f"select a route until drawn (median of {args.repeats}): Patch {result['patch_ms']:.0f} ms, "
          f"{patch_bytes:,} bytes; naive full figure {result['naive_ms']:.0f} ms, {naive_bytes:,} bytes; "
          f"ratio {result['ratio']:.2f} (target <= 0.50); until the server's answer is drawn too: "
          f"{result['patch_settled_ms']:.0f} ms and {result['naive_settled_ms']:.0f} ms")


if __name__ == "__main__":
    main()
