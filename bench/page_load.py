"""Page load to drawn map, and bytes transferred: the dashboard against a bare Dash page drawing one
offline geo map, in the same run, alternating, each load in a fresh headless Chromium (empty cache)
given a moment to finish starting before it navigates.

    python bench/page_load.py [--runs N] [--json FILE]

Targets (issue 12): at most 0.65x the bare page's time to a drawn map, and 0.2x its bytes. Also
reported: the time until the page is whole (what the dashboard brings once its map has drawn).
The bare page is what a Dash user writes first: Dash defaults (full plotly.js bundle, no
compression) and one Scattergeo on the same local base map.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bare_app import create_bare_app  # noqa: E402
from dashboard.app import create_app  # noqa: E402
from devtools.browser import CHROMIUM, chrome  # noqa: E402
from devtools.servers import serving  # noqa: E402

# Installed before any page script runs: records when the first geo subplot has drawn its lines, and
# when the page is whole: what the dashboard asks for once its map has drawn (ui/callbacks/deferred.py,
# in place of elements of class "deferred") has come. The bare page is whole when its map is drawn.
DRAWN_PROBE = """
(function () {
  function whole() {
    if (document.querySelector('.deferred')) { requestAnimationFrame(whole); return; }
    window.__pageWholeAt = performance.now();
  }
  function check() {
    var gd = document.querySelector('.js-plotly-plot');
    if (gd && gd.querySelectorAll('.geo .scattergeo path.js-line').length > 0 && gd.querySelector('.geo .layer.bg, .geo .coastlines, .geo path')) {
      window.__mapDrawnAt = performance.now();
      whole();
      return;
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();
"""


def machine() -> str:
    """What the figures were measured on: architecture, cores, memory, Chromium and Python."""
    import os
    import subprocess

    import psutil

    try:
        browser = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
    except OSError:
        browser = "no Chromium"
    return (f"{platform.machine()}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB, "
            f"{browser or 'Chromium'}, Python {platform.python_version()}")


# Single loads of either page spread by +-20 % on this 2-core machine (the bare page's 1,450-2,000 ms
# in one run), so a median of 7 moved the ratio by +-0.05 between runs of the same code: 11 of each.
DEFAULT_RUNS = 11

# A fresh Chromium goes on starting its own processes for a second or so after it answers; a page
# loaded meanwhile shares the two cores with that, which spread single loads by +-300 ms.
SETTLE_S = 1.5


def load_once(url: str) -> dict:
    driver = chrome(1600, 1000)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": DRAWN_PROBE})
        time.sleep(SETTLE_S)
        driver.get_log("performance")  # what the browser did on its own while starting is not the page's
        driver.get(url)
        WebDriverWait(driver, 60, poll_frequency=0.05).until(lambda d: d.execute_script("return window.__pageWholeAt"))
        drawn_ms = driver.execute_script("return window.__mapDrawnAt")
        whole_ms = driver.execute_script("return window.__pageWholeAt")
        encoded = 0
        requests = 0
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.loadingFinished":
                encoded += message["params"].get("encodedDataLength", 0)
                requests += 1
        return {"drawn_ms": drawn_ms, "whole_ms": whole_ms, "bytes": encoded, "requests": requests}
    finally:
        driver.quit()


def measure(runs: int) -> dict:
    dashboard = create_app()
    bare = create_bare_app()
    results = {"dashboard": [], "bare": []}
    with serving(dashboard.server) as dashboard_url, serving(bare.server) as bare_url:
        load_once(dashboard_url), load_once(bare_url)  # warm the servers (first-request set-up)
        for _ in range(runs):
            results["dashboard"].append(load_once(dashboard_url))
            results["bare"].append(load_once(bare_url))
    summary = {}
    for name, loads in results.items():
        summary[name] = {
            "drawn_ms_median": statistics.median(r["drawn_ms"] for r in loads),
            "drawn_ms_all": [round(r["drawn_ms"]) for r in loads],
            "whole_ms_median": statistics.median(r["whole_ms"] for r in loads),
            "bytes": statistics.median(r["bytes"] for r in loads),
            "requests": loads[0]["requests"],
        }
    summary["time_ratio"] = summary["dashboard"]["drawn_ms_median"] / summary["bare"]["drawn_ms_median"]
    summary["whole_ratio"] = summary["dashboard"]["whole_ms_median"] / summary["bare"]["whole_ms_median"]
    summary["bytes_ratio"] = summary["dashboard"]["bytes"] / summary["bare"]["bytes"]
    summary["machine"] = machine()
    summary["runs"] = runs
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "page_load.json")
    args = parser.parse_args()
    summary = measure(args.runs)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(summary, indent=2))
    d, b = summary["dashboard"], summary["bare"]
    print(f"{'page':<12}{'drawn (median ms)':>20}{'whole (median ms)':>20}{'bytes':>14}{'requests':>10}")
    for name, row in (("dashboard", d), ("bare Dash", b)):
        print(f"{name:<12}{row['drawn_ms_median']:>20.0f}{row['whole_ms_median']:>20.0f}{row['bytes']:>14,.0f}"
              f"{row['requests']:>10}")
    print(f"time ratio {summary['time_ratio']:.2f} (target <= 0.65; whole page {summary['whole_ratio']:.2f}), "
          f"bytes ratio {summary['bytes_ratio']:.2f} (target <= 0.20), {args.runs} runs, {summary['machine']}")


if __name__ == "__main__":
    main()
