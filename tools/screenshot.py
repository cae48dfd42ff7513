"""Render the gallery of what readers see: `make screenshot`.

Serves the app on a free loopback port and takes, in headless Chromium, the default view at
1920x1080 and 1366x768, a phone, the embed, the Middle Corridor statement selected and a scenario;
then renders each export preset through the export command's own path. Everything goes to docs/
(docs/screenshot.png is the README's main picture). Look at every one after a change to the map.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.app import create_app  # noqa: E402
from dashboard.appdata import load_app_data  # noqa: E402
from dashboard.export.jobs import export_bytes  # noqa: E402
from dashboard.export.presets import PRESETS  # noqa: E402
from dashboard.export.renderer import Renderer  # noqa: E402
from dashboard.url_state import decode  # noqa: E402
from devtools.browser import MAP_READY, chrome, console_errors  # noqa: E402
from devtools.servers import serving  # noqa: E402

STATEMENT = "uk-kazakhstan-export-routes-3"  # the Middle Corridor quote
SCENARIO = "off=cpc_terminal"

PAGES = (  # file, window size, path and query, click the statement first
    ("screenshot.png", (1600, 1000), "/", True),
    ("page-1920x1080.png", (1920, 1080), "/", False),
    ("page-1366x768.png", (1366, 768), "/", False),
    ("page-phone-360x740.png", (360, 740), "/", False),
    ("embed-800x500.png", (800, 500), "/embed?panels=statements", False),
    ("middle-corridor-statement.png", (1920, 1080), f"/?statement={STATEMENT}", False),
    ("scenario-cpc-terminal-out.png", (1920, 1080), f"/?{SCENARIO}&panel=scenario", False),
)
EXPORTS = ((f"statement={STATEMENT}", True), ("", False))


def shoot_pages(out: Path) -> None:
    app = create_app()
    with serving(app.server) as url:
        for name, (width, height), path, click in PAGES:
            driver = chrome(width, height)
            try:
                # The viewport itself at the named size: a window of that size keeps ~140 px of it for
                # the browser's own bar, so "1920x1080" was 1920x937 and the embed 800x357. A phone
                # is emulated as one (a desktop window cannot be narrower than ~500 px).
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
                driver.get(url + path)
                WebDriverWait(driver, 30).until(lambda d: d.execute_script(MAP_READY))
                if click:
                    card = driver.find_element(By.CSS_SELECTOR, f"div[id*='{STATEMENT}']")
                    card.click()
                    WebDriverWait(driver, 10).until(lambda d: "is-selected" in card.get_attribute("class"))
                time.sleep(1.5)  # the restyle and the names' declutter after it
                driver.execute_script("window.scrollTo(0, 0)")
                driver.save_screenshot(str(out / name))
                errors = console_errors(driver)
                print(f"wrote {out / name}" + (f"  CONSOLE ERRORS: {errors}" if errors else ""))
            finally:
                driver.quit()


def render_exports(out: Path) -> None:
    data = load_app_data()
    renderer = Renderer()
    try:
        for query, quote in EXPORTS:
            view, _ = decode(query, data.vocabulary)
            for preset in PRESETS:
                name = f"export-{preset}{'-quote' if quote else ''}.png"
                content = export_bytes(data, renderer, view, PRESETS[preset], "png", quote=quote)
                (out / name).write_bytes(content)
                print(f"wrote {out / name}")
    finally:
        renderer.close()


def main(out: str) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    shoot_pages(folder)
    render_exports(folder)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs")
