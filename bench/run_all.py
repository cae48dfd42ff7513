"""Every benchmark in one run, side by side: `make bench` (or `python bench/run_all.py`).

Prints one table and writes bench/results/all.json:
- page load to drawn map and bytes, against the bare Dash geo page (bench/page_load.py);
- selecting a route until drawn, against a naive full-figure callback (bench/selection.py);
- opening a tab built when first opened, against one built with the page (bench/tab_open.py);
- start-up time (gunicorn, one worker, until /healthz answers), memory per worker after a warm-up,
  and server time per callback request (sequential, one worker, recorded journey);
- cold and warm export time per format and size, against plain write_image (bench/exports.py);
- page load with 1, 10 and 100 generated articles against the bare page, and the statements panel's
  server time at 100 (bench/corpus_scale.py);
- today's registry against a synthetic one ten times its size: page load, selection, memory
  (bench/registry_scale.py).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus_scale, exports, page_load, registry_scale, selection, tab_open  # noqa: E402
from dashboard.app import create_app  # noqa: E402
from dashboard.appdata import load_app_data  # noqa: E402
from devtools.load import record_journey  # noqa: E402
from devtools.servers import start_gunicorn, stop_gunicorn, stop_render_service  # noqa: E402
from devtools.waiting import free_port, request  # noqa: E402


def server_figures(requests_per_kind: int = 20) -> dict:
    port = free_port()
    cache = Path(tempfile.mkdtemp(prefix="route-map-bench-"))
    started = time.perf_counter()
    server = start_gunicorn(port, 1, cache)
    startup_s = time.perf_counter() - started
    base = f"http://127.0.0.1:{port}"
    try:
        steps = record_journey(base)
        per_kind = {}
        for kind in ("toggle", "select", "scenario", "panels"):
            url, body = steps[kind]
            times = []
            for _ in range(requests_per_kind):
                start = time.perf_counter()
                request(url, body)
                times.append(time.perf_counter() - start)
            per_kind[kind] = statistics.median(times) * 1000
        workers = psutil.Process(server.pid).children()
        rss_mb = max(w.memory_info().rss for w in workers) / 1e6 if workers else float("nan")
    finally:
        stop_gunicorn(server)
        stop_render_service(cache)  # the recorded journey exported once
    return {"startup_s": startup_s, "worker_rss_mb": rss_mb, "callback_ms": per_kind}


def scale_rows(corpus: dict, registry: dict) -> list[tuple[str, str, str, str]]:
    """The corpus and registry rows: each against its baseline in the same run."""
    one = corpus["1 articles"]["load_ms"]
    rows = [(f"page load, {n} articles", f"{corpus[f'{n} articles']['load_ms']:.0f} ms", f"{one:.0f} ms (1 article)",
             f"{corpus[f'{n} articles']['load_ms'] / one:.2f}" + (" (≤ 1.20)" if n == 100 else ""))
            for n in (10, 100)]
    rows.append(("page load, 100 articles", f"{corpus['100 articles']['load_ms']:.0f} ms",
                 f"{corpus['bare Dash']['load_ms']:.0f} ms (bare Dash)", f"{corpus['ratio_100_to_bare']:.2f} (≤ 0.70)"))
    slowest = max(corpus["query_ms_at_100"].values())
    rows.append(("filter/search, 100 articles", f"{slowest:.1f} ms", "(slowest query)", "(≤ 100 ms)"))
    today, big = registry["x1"], registry[f"x{registry['factor']}"]
    rows += [
        (f"page load, registry x{registry['factor']}", f"{big['load_ms']:.0f} ms", f"{today['load_ms']:.0f} ms (today)",
         f"{registry['load_ratio']:.2f} (≤ 1.50)"),
        (f"select, registry x{registry['factor']}", f"{big['select_ms']:.0f} ms", f"{today['select_ms']:.0f} ms (today)",
         "(≤ 50 ms)"),
        (f"memory, registry x{registry['factor']}", f"{big['memory_mb']:.0f} MB", f"{today['memory_mb']:.0f} MB (today)",
         f"{registry['memory_ratio']:.2f} (≤ 2.00)"),
    ]
    return rows


def main() -> None:
    data = load_app_data()
    page = page_load.measure(page_load.DEFAULT_RUNS)
    patch_times, patch_bytes, _ = selection.measure(create_app(data=data), 6)
    naive_times, naive_bytes, _ = selection.measure(create_app(data=data, full_figure_updates=True), 6)
    tabs = tab_open.measure(3)
    server = server_figures()
    export_rows = exports.measure(data, repeats=3)
    corpus = corpus_scale.measure(runs=3)
    registry = registry_scale.measure(runs=3)
    result = {
        "page_load": {"dashboard_ms": page["dashboard"]["drawn_ms_median"], "bare_ms": page["bare"]["drawn_ms_median"],
                      "time_ratio": page["time_ratio"], "dashboard_bytes": page["dashboard"]["bytes"],
                      "bare_bytes": page["bare"]["bytes"], "bytes_ratio": page["bytes_ratio"]},
        "selection": {"patch_ms": statistics.median(patch_times), "naive_ms": statistics.median(naive_times),
                      "patch_bytes": patch_bytes, "naive_bytes": naive_bytes},
        "tab_open_ms": {tab: statistics.median(times) for tab, times in tabs.items()},
        "server": server,
        "exports": export_rows,
        "corpus_scale": corpus,
        "registry_scale": registry,
        "machine": page["machine"],
    }
    out = ROOT / "bench" / "results" / "all.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    p, s = result["page_load"], result["selection"]
    rows = [
        ("page load to drawn map", f"{p['dashboard_ms']:.0f} ms", f"{p['bare_ms']:.0f} ms (bare Dash)",
         f"{p['time_ratio']:.2f} (≤ 0.70)"),
        ("bytes on first load", f"{p['dashboard_bytes']:,.0f}", f"{p['bare_bytes']:,.0f} (bare Dash)",
         f"{p['bytes_ratio']:.2f} (≤ 0.25)"),
        ("select until drawn", f"{s['patch_ms']:.0f} ms", f"{s['naive_ms']:.0f} ms (naive)",
         f"{s['patch_ms'] / s['naive_ms']:.2f} (≤ 0.50)"),
        ("bytes per selection", f"{s['patch_bytes']:,}", f"{s['naive_bytes']:,} (naive)", ""),
        *[(f"open {tab} tab (first time)", f"{ms:.0f} ms", f"{result['tab_open_ms']['export']:.0f} ms (export)", "")
          for tab, ms in result["tab_open_ms"].items() if tab != "export"],
        ("start-up to /healthz", f"{server['startup_s']:.1f} s", "", ""),
        ("memory per worker", f"{server['worker_rss_mb']:.0f} MB", "", ""),
        *[(f"server time, {kind}", f"{ms:.0f} ms", "", "") for kind, ms in server["callback_ms"].items()],
        *[row for r in export_rows for row in (
            (f"export {r['format']} {r['preset']}, warm", f"{r['warm_s']:.2f} s", f"{r['plain_s']:.2f} s (write_image)",
             f"{r['warm_over_plain']:.2f}" + (" (≤ 0.25)" if r["format"] == "png" else "")),
            (f"export {r['format']} {r['preset']}, cold", f"{r['cold_s']:.2f} s", f"{r['plain_s']:.2f} s (write_image)",
             f"{r['cold_s'] / r['plain_s']:.2f}"))],
        *scale_rows(corpus, registry),
    ]
    print(f"{'measure':<30}{'dashboard':>14}{'baseline':>26}{'ratio (target)':>18}")
    for name, ours, theirs, ratio in rows:
        print(f"{name:<30}{ours:>14}{theirs:>26}{ratio:>18}")
    print(f"machine: {result['machine']}; load: python bench/load_test.py")


if __name__ == "__main__":
    main()
