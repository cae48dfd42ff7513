"""`python -m dashboard worker`: a Celery worker that renders the dashboard's exports.

Run as many as the exports need, on this machine or others, all with the same DASHBOARD_REDIS_URL
as the web workers. Each builds the same app as the web workers do, which registers the export job
under the same task name, and renders through a warm browser of its own machine (the render
service in its DASHBOARD_CACHE_DIR).
"""

from __future__ import annotations

import os
import sys

from dashboard.config import AppConfig, ConfigError

DEFAULT_CONCURRENCY = 2


def run_worker(config: AppConfig, concurrency: int = DEFAULT_CONCURRENCY, loglevel: str = "INFO") -> int:
    if not config.redis_url:
        print("worker: DASHBOARD_REDIS_URL is not set; export workers take their jobs from Redis "
              "(e.g. DASHBOARD_REDIS_URL=redis://localhost:6379/0)", file=sys.stderr)
        return 2
    from dashboard.app import create_app
    from dashboard.appdata import load_app_data
    from dashboard.export.queue import export_manager
    from dashboard.registry.problems import DataError
    from dashboard.export.callback import export_failed_result

    try:
        data = load_app_data(config.paths)
    except DataError as exc:
        print(f"worker: not starting: {exc}", file=sys.stderr)
        return 1
    manager = export_manager(config.redis_url, config.cache_dir, lambda: data.data_as_of, export_failed_result,
                             patient=True)
    try:
        create_app(config, data, manager=manager)
    except ConfigError as exc:  # the cache folder or a key in it
        print(f"configuration: {exc}", file=sys.stderr)
        return 2
    manager.handle.worker_main([
        "worker", f"--concurrency={concurrency}", f"--loglevel={loglevel}",
        # One name per process, so several workers can share a machine.
        "--hostname", f"exports-{os.getpid()}@%h",
        # Workers need not know of each other: no gossip, no start-up sync.
        "--without-gossip", "--without-mingle",
    ])
    return 0
