"""Many analysts at once: gunicorn with two workers, 50 virtual users for 60 seconds playing the user
journey (load the page, toggle a layer, select a route, change the scenario, export), on loopback.

    python bench/load_test.py [--users 50] [--seconds 60] [--workers 2] [--redis] [--json FILE]

The callback requests are recorded from a real page in headless Chromium first, then replayed as-is
by the virtual users (plain HTTP, threads; bounded in count and time; devtools/load.py). Exports
follow Dash's background-callback protocol: post, then poll with the job's key until the file comes
back. Reports failed requests and p50/p95 latency per kind of request. With --redis, exports go
through a redis-server of the run's own and a `python -m dashboard worker` (Celery) instead of
DiskCache.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.load import run  # noqa: E402


def print_report(report: dict) -> None:
    total, failed = report["total_requests"], report["failed_requests"]
    print(f"{report['users']} users, {report['seconds']:.0f} s, gunicorn {report['workers']} workers, exports on "
          f"{report['exports_on']}: {total:,} requests, "
          f"{failed} failed ({total / report['elapsed_s']:.0f} requests/s)")
    print(f"{'kind':<14}{'requests':>10}{'failed':>8}{'p50 ms':>10}{'p95 ms':>10}")
    for kind, s in report["by_kind"].items():
        print(f"{kind:<14}{s['requests']:>10,}{s['failed']:>8}{s['p50_ms']:>10.0f}{s['p95_ms']:>10.0f}")
    if failed:
        print("failures:", {k: s["failures"] for k, s in report["by_kind"].items() if s["failures"]})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "load_test.json")
    parser.add_argument("--kill-worker-at", type=float, default=None,
                        help="fault test: SIGKILL one gunicorn worker this many seconds into the run")
    parser.add_argument("--redis", action="store_true",
                        help="exports on Celery: start a redis-server and a `python -m dashboard worker` for the run")
    args = parser.parse_args()
    report = run(args.users, args.seconds, args.workers, args.kill_worker_at, args.redis)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    print_report(report)


if __name__ == "__main__":
    main()
