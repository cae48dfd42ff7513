"""Page load as the corpus grows: the dashboard reading 1, 10 and 100 generated articles (7 statements
each; devtools/synthetic_corpus.py, written to a temporary seeds folder and deleted after), against the
bare Dash geo page, in the same run, alternating, each load a fresh headless Chromium (as
bench/page_load.py). Beside the timings, which a busy machine spreads by a second, what the page is
served with, which it does not: the bytes of `/_dash-layout` as sent (compressed) and as JSON. And the
server time of the statements panel's filtering and search at 100 articles: finding the statements,
cutting the page and building its cards, per query.

    python bench/corpus_scale.py [--runs N] [--json FILE]

Targets (issue 18): with 100 articles, page load within 1.2x of the page with 1 article and at most
0.7x the bare page; filtering and search within 100 ms of server time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import page_load  # noqa: E402
from bench.bare_app import create_bare_app  # noqa: E402
from dashboard.app import create_app  # noqa: E402
from dashboard.appdata import AppData, load_app_data  # noqa: E402
from dashboard.config import AppConfig  # noqa: E402
from dashboard.paths import DataPaths  # noqa: E402
from dashboard.statements.query import RELEVANCE  # noqa: E402
from dashboard.ui.panels import statement_list, view_results  # noqa: E402
from dashboard.view import View  # noqa: E402
from devtools.servers import serving  # noqa: E402
from devtools.synthetic_corpus import ARTICLE_WORDS, article_date, write_corpus  # noqa: E402

SIZES = (1, 10, 100)


def queries(articles: int) -> dict[str, View]:
    """What an analyst asks of the panel: each filter alone, a search in both orders, all at once,
    and a late page."""
    return {
        "no filter": View(),
        "speaker": View(speakers=frozenset({"marat-karabayev"})),
        "outlet + topic": View(outlets=frozenset({"tass", "reuters"}), topics=frozenset({"middle-corridor"})),
        "route or place": View(about=frozenset({"cpc", "aktau"})),
        "date range": View(date_from=article_date(3).isoformat(), date_to=article_date(articles // 2).isoformat()),
        "search, newest": View(search="aktau cargo"),
        "search, relevance": View(search="export routes priority", order=RELEVANCE),
        "one rare word": View(search=ARTICLE_WORDS[articles - 1]),
        "everything": View(search="aktau", speakers=frozenset({"talgat-lastayev", "murat-nurtleu"}),
                           about=frozenset({"aktau"}), date_from="2022-06-01", order=RELEVANCE),
        "last page": View(page=10_000),
    }


def query_ms(data: AppData, view: View, repeats: int = 20) -> float:
    """Median server time of one panel update: find, page, and the page's cards as Dash sends them."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        found, page = view_results(data.corpus.index, view)
        json.dumps([card.to_plotly_json() for card in statement_list(data, page, found)], default=lambda o: (
            o.to_plotly_json() if hasattr(o, "to_plotly_json") else str(o)))
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def layout_bytes(app) -> dict:
    """The first layout the page asks for: bytes sent (the app compresses it) and bytes of JSON."""
    client = app.server.test_client()
    sent = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"}).get_data()
    return {"layout_bytes_sent": len(sent), "layout_bytes_json": len(client.get("/_dash-layout").get_data())}


def measure(runs: int = 5) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="corpus-scale-"))
    try:
        paths = {n: DataPaths(seeds=write_corpus(folder / f"seeds-{n}", n)) for n in SIZES}
        apps = {f"{n} articles": create_app(AppConfig(paths=paths[n])) for n in SIZES}
        apps["bare Dash"] = create_bare_app()
        loads = {name: [] for name in apps}
        with serving(apps["1 articles"].server) as one, serving(apps["10 articles"].server) as ten, \
                serving(apps["100 articles"].server) as hundred, serving(apps["bare Dash"].server) as bare:
            urls = {"1 articles": one, "10 articles": ten, "100 articles": hundred, "bare Dash": bare}
            for url in urls.values():
                page_load.load_once(url)
            for _ in range(runs):
                for name, url in urls.items():
                    loads[name].append(page_load.load_once(url))
        result = {name: {"load_ms": statistics.median(r["drawn_ms"] for r in rows),
                         "load_ms_all": [round(r["drawn_ms"]) for r in rows],
                         "whole_ms": statistics.median(r["whole_ms"] for r in rows),
                         "bytes": statistics.median(r["bytes"] for r in rows), **layout_bytes(apps[name])}
                  for name, rows in loads.items()}
        base, hundred_ms = result["1 articles"]["load_ms"], result["100 articles"]["load_ms"]
        result["ratio_100_to_1"] = hundred_ms / base
        result["ratio_100_to_bare"] = hundred_ms / result["bare Dash"]["load_ms"]
        # With the first screen of statements (which comes once the map has drawn): the page a reader uses.
        result["whole_ratio_100_to_1"] = result["100 articles"]["whole_ms"] / result["1 articles"]["whole_ms"]
        result["whole_ratio_100_to_bare"] = result["100 articles"]["whole_ms"] / result["bare Dash"]["whole_ms"]
        data = load_app_data(paths[100])
        result["query_ms_at_100"] = {name: query_ms(data, view) for name, view in queries(100).items()}
        result["statements_at_100"] = len(data.corpus.statements)
        result["runs"] = runs
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "corpus_scale.json")
    args = parser.parse_args()
    result = measure(args.runs)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2))
    print(f"{'':<14}{'map drawn':>12}{'whole':>10}{'bytes':>12}{'layout sent':>13}{'layout JSON':>13}  loads (ms)")
    for name in ("1 articles", "10 articles", "100 articles", "bare Dash"):
        row = result[name]
        print(f"{name:<14}{row['load_ms']:>9.0f} ms{row['whole_ms']:>7.0f} ms{row['bytes']:>12,.0f}"
              f"{row['layout_bytes_sent']:>13,}{row['layout_bytes_json']:>13,}  {row['load_ms_all']}")
    print(f"map drawn: 100 articles / 1 article {result['ratio_100_to_1']:.2f} (target <= 1.2); / bare page "
          f"{result['ratio_100_to_bare']:.2f} (target <= 0.7)")
    print(f"whole page (with the first screen of statements): 100 / 1 {result['whole_ratio_100_to_1']:.2f}; "
          f"/ bare page {result['whole_ratio_100_to_bare']:.2f}")
    for name, ms in result["query_ms_at_100"].items():
        print(f"  server time at 100 articles ({result['statements_at_100']} statements), {name}: {ms:.1f} ms")


if __name__ == "__main__":
    main()
