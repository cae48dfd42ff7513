"""How the page scales as the route registry grows: today's registry against a synthetic one ten
times its size, in the same run. Page load to a drawn map (fresh headless Chromium each load,
alternating), a route's selection until drawn (bench/selection.py's timing), and the memory of one
worker process that has built the app and served the page and a selection.

    python bench/registry_scale.py [--runs N] [--factor 10] [--json FILE]

The synthetic registry is test data only, generated in a temporary folder by this script and deleted
after: every route, leg and place copied `factor - 1` times under new ids (`..._x2`), each copy's
geometry shifted a little so it is drawn beside the original. Nothing else changes: the oil network,
events and seeds name the real ids, which all remain.

Targets (issue 18): at ten times the registry, page load within 1.5x of today's, a selection drawn
within 50 ms, memory per worker within 2x.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import page_load, selection  # noqa: E402
from dashboard.app import create_app  # noqa: E402
from dashboard.config import AppConfig  # noqa: E402
from dashboard.paths import DataPaths  # noqa: E402
from devtools.servers import serving  # noqa: E402

SHIFT = (0.45, -0.3)  # degrees of longitude and latitude between copies


def _shifted(coordinates, dx: float, dy: float):
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0] + dx, 4), round(coordinates[1] + dy, 4), *coordinates[2:]]
    return [_shifted(c, dx, dy) for c in coordinates]


def _copy_feature(feature: dict, copy: int, rename: dict) -> dict:
    dx, dy = SHIFT[0] * (copy - 1), SHIFT[1] * (copy - 1)
    out = json.loads(json.dumps(feature))
    out["geometry"]["coordinates"] = _shifted(out["geometry"]["coordinates"], dx, dy)
    props = out["properties"]
    for key, value in list(props.items()):
        if key in rename:
            props[key] = rename[key](value)
    return out


def write_registry(folder: Path, factor: int) -> DataPaths:
    """A copy of geodata/ whose routes, legs and places are `factor` times today's."""
    geodata = folder / "geodata"
    shutil.copytree(ROOT / "geodata", geodata, ignore=shutil.ignore_patterns("src", "__pycache__", "*.py"))
    routes_dir = geodata / "routes"
    collections = {name: json.loads((routes_dir / f"{name}.geojson").read_text(encoding="utf-8"))
                   for name in ("nodes", "legs", "routes")}
    originals = {name: list(c["features"]) for name, c in collections.items()}
    for copy in range(2, factor + 1):
        suffix = f"_x{copy}"
        ids = lambda value: [v + suffix for v in value]  # noqa: E731
        collections["nodes"]["features"] += [
            _copy_feature(f, copy, {"id": lambda v: v + suffix, "name": lambda v: f"{v} ({copy})"})
            for f in originals["nodes"]]
        collections["legs"]["features"] += [
            _copy_feature(f, copy, {"id": lambda v: v + suffix, "from": lambda v: v + suffix,
                                    "to": lambda v: v + suffix, "routes": ids})
            for f in originals["legs"]]
        collections["routes"]["features"] += [
            _copy_feature(f, copy, {"id": lambda v: v + suffix, "name": lambda v: f"{v} ({copy})",
                                    "short_name": lambda v: f"{v} ({copy})", "legs": ids, "main_line": ids})
            for f in originals["routes"]]
    for name, collection in collections.items():
        (routes_dir / f"{name}.geojson").write_text(json.dumps(collection), encoding="utf-8")
    return DataPaths(geodata=geodata, seeds=ROOT / "seeds", assets=ROOT / "assets")


# One worker's memory: a fresh process builds the app on the given data, serves the page, its layout
# and dependencies and one selection (the view callback), and reports its resident set.
MEMORY_PROBE = """
import json, sys
import psutil
sys.path.insert(0, {root!r})
from dashboard.app import create_app
from dashboard.config import AppConfig
from dashboard.paths import DataPaths
from dashboard.view import View
from pathlib import Path
app = create_app(AppConfig(paths=DataPaths(geodata=Path({geodata!r}), seeds=Path({seeds!r}))))
client = app.server.test_client()
for path in ("/", "/_dash-layout", "/_dash-dependencies"):
    assert client.get(path).status_code == 200
print(psutil.Process().memory_info().rss)
"""


def worker_memory_mb(paths: DataPaths) -> float:
    script = MEMORY_PROBE.format(root=str(ROOT), geodata=str(paths.geodata), seeds=str(paths.seeds))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300)
    return int(out.stdout.strip().splitlines()[-1]) / 1e6


def measure(runs: int = 5, factor: int = 10, repeats: int = 6) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="registry-scale-"))
    try:
        variants = {"x1": DataPaths(), f"x{factor}": write_registry(folder, factor)}
        apps = {name: create_app(AppConfig(paths=paths)) for name, paths in variants.items()}
        result = {name: {"routes": len(app_routes(paths))} for name, paths in variants.items()}
        loads = {name: [] for name in variants}
        with serving(apps["x1"].server) as one, serving(apps[f"x{factor}"].server) as many:
            urls = {"x1": one, f"x{factor}": many}
            for url in urls.values():
                page_load.load_once(url)  # first-request set-up of each server
            for _ in range(runs):
                for name, url in urls.items():
                    loads[name].append(page_load.load_once(url)["drawn_ms"])
        for name, app in apps.items():
            times, sent, settled = selection.measure(app, repeats)
            result[name] |= {"load_ms": statistics.median(loads[name]), "load_ms_all": [round(t) for t in loads[name]],
                             "select_ms": statistics.median(times), "select_bytes": sent,
                             "select_settled_ms": statistics.median(settled),
                             "memory_mb": worker_memory_mb(variants[name])}
        big = result[f"x{factor}"]
        result["load_ratio"] = big["load_ms"] / result["x1"]["load_ms"]
        result["memory_ratio"] = big["memory_mb"] / result["x1"]["memory_mb"]
        result["factor"] = factor
        result["runs"] = runs
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def app_routes(paths: DataPaths) -> list[str]:
    return [f["properties"]["id"] for f in json.loads((paths.routes / "routes.geojson").read_text())["features"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "registry_scale.json")
    args = parser.parse_args()
    result = measure(args.runs, args.factor)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2))
    one, big = result["x1"], result[f"x{args.factor}"]
    print(f"{'registry':<10}{'routes':>8}{'page load ms':>14}{'select ms':>11}{'settled ms':>12}{'memory MB':>11}")
    for name, row in (("today", one), (f"x{args.factor}", big)):
        print(f"{name:<10}{row['routes']:>8}{row['load_ms']:>14.0f}{row['select_ms']:>11.0f}"
              f"{row['select_settled_ms']:>12.0f}{row['memory_mb']:>11.0f}")
    print(f"load ratio {result['load_ratio']:.2f} (target <= 1.5), selection {big['select_ms']:.0f} ms "
          f"(target <= 50), memory ratio {result['memory_ratio']:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
