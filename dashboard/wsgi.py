"""For gunicorn: `gunicorn dashboard.wsgi:server`. Reads the environment once, here, at start."""

import os

from dashboard.app import create_app
from dashboard.config import AppConfig

server = create_app(AppConfig.from_env(os.environ)).server
