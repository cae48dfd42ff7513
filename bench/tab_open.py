"""Opening a tab that is built when first opened (Compare, Scenarios), until its contents are drawn,
against opening one built with the page (Export: a class change only), in headless Chromium.

    python bench/tab_open.py [--repeats N]

What the page-load saving costs: the first opening of each of the two tabs waits for one callback
and a React render; every later opening is a class change, like Export's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import ids  # noqa: E402
from dashboard.app import create_app  # noqa: E402
from devtools.browser import MAP_READY, chrome  # noqa: E402
from devtools.servers import serving  # noqa: E402

# What shows each tab is drawn: an element inside it that is laid out (has a size).
TABS = {
    "scenario": f"{ids.css(ids.in_tab(ids.SCENARIO_OFF))} input",
    "table": f"{ids.css(ids.in_tab(ids.COMPARE_TABLE))} tbody tr",
    "export": f"{ids.css(ids.EXPORT_FORMAT)} input",
}

# Click the tab; the time is the first animation frame in which its contents are laid out.
OPEN_AND_TIME = """
const done = arguments[arguments.length - 1];
const [tab, selector] = arguments;
const button = [...document.querySelectorAll('button.panel-tab')].find(b => b.id.includes('"' + tab + '"'));
const start = performance.now();
button.click();
function drawn() {
  const el = document.querySelector(selector);
  if (el && el.getBoundingClientRect().height > 0) { done(performance.now() - start); }
  else { requestAnimationFrame(drawn); }
}
requestAnimationFrame(drawn);
"""


def measure(repeats: int) -> dict[str, list[float]]:
    """{tab: first-opening times in ms}, each opening in a fresh page."""
    app = create_app()
    times: dict[str, list[float]] = {tab: [] for tab in TABS}
    with serving(app.server) as url:
        driver = chrome()
        try:
            driver.set_script_timeout(30)
            for _ in range(repeats):
                for tab, selector in TABS.items():
                    driver.get(url)
                    WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
                    time.sleep(0.5)  # the page's own first callbacks have answered
                    times[tab].append(driver.execute_async_script(OPEN_AND_TIME, tab, selector))
        finally:
            driver.quit()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    for tab, times in measure(args.repeats).items():
        print(f"{tab:<10} first opening until drawn: median {statistics.median(times):.0f} ms "
              f"({', '.join(f'{t:.0f}' for t in times)})")


if __name__ == "__main__":
    main()
