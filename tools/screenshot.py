"""Render the README's screenshot from the running dashboard: `make screenshot`.

Serves the app on a free loopback port, opens it in headless Chromium, clicks the Middle Corridor
statement so the picture shows a highlight, and saves a PNG.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.app import create_app  # noqa: E402
from tests.browser.harness import MAP_READY, chrome, serving  # noqa: E402

STATEMENT = "uk-kazakhstan-export-routes-3"


def main(out: str) -> None:
    app = create_app()
    with serving(app.server) as url:
        driver = chrome(1600, 1000)
        try:
            driver.get(url)
            WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
            driver.find_element(By.CSS_SELECTOR, f"div[id*='{STATEMENT}']").click()
            WebDriverWait(driver, 10).until(
                lambda d: "is-selected" in d.find_element(By.CSS_SELECTOR, f"div[id*='{STATEMENT}']")
                .get_attribute("class"))
            time.sleep(1.0)  # let Plotly finish its restyle transition
            driver.execute_script("window.scrollTo(0, 0)")
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(out)
        finally:
            driver.quit()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
