"""For gunicorn: `gunicorn dashboard.wsgi:server`. Reads the environment once, here, at start.

A setting, cache folder, key or data file that stops the start is one line on stderr, not a worker's
traceback; the worker then exits with gunicorn's "app failed to load" code, so the master stops
instead of booting worker after worker into the same failure."""

import os
import sys

from dashboard.app import create_app
from dashboard.config import AppConfig, ConfigError
from dashboard.registry.problems import DataError

APP_LOAD_ERROR = 4  # gunicorn's Arbiter.APP_LOAD_ERROR: the master halts rather than respawn the worker


def _server():
    try:
        return create_app(AppConfig.from_env(os.environ)).server
    except ConfigError as exc:
        print(f"configuration: {exc}", file=sys.stderr, flush=True)
    except DataError as exc:
        print(f"not starting: {exc}", file=sys.stderr, flush=True)
    raise SystemExit(APP_LOAD_ERROR)


server = _server()
