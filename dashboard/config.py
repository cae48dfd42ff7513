"""Settings, read from the environment once by the command line or wsgi.py and passed to
create_app; nothing reads the environment at import."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

from dashboard.paths import DataPaths

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050
_ORIGIN = re.compile(r"^(?:'self'|'none'|https?://[A-Za-z0-9.-]+(?::\d{1,5})?|https?://\*\.[A-Za-z0-9.-]+)$")


class ConfigError(ValueError):
    """A setting that cannot be used, with the variable's name and what it expects."""


def ready_cache_dir(folder: Path) -> Path:
    """The cache folder, made if missing and tried for writing (permission bits say nothing to root,
    nor about read-only mounts); a ConfigError naming it otherwise."""
    where = f"cache folder {folder} (DASHBOARD_CACHE_DIR)"
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"{where}: is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise ConfigError(f"{where}: cannot be written ({exc.strerror or exc}); export jobs, their results and "
                          "the server's keys are kept there") from None
    return folder


@dataclass(frozen=True)
class AppConfig:
    url_prefix: str = "/"
    frame_ancestors: tuple[str, ...] = ("'self'",)
    proxy_strips_prefix: bool = False
    # Shared by every worker: background-job results and the render service's socket live here.
    # Export jobs go to Celery workers through this Redis when set; else they run beside the web workers.
    redis_url: str | None = None
    # Signs background-job handles. Unset, one is made in cache_dir and shared by the machine's
    # workers; web servers on several machines must be given the same one.
    secret_key: str | None = field(default=None, repr=False)
    cache_dir: Path = field(default_factory=lambda: Path(tempfile.gettempdir()) / f"route-map-cache-{os.getuid()}")
    paths: DataPaths = field(default_factory=DataPaths)

    @classmethod
    def from_env(cls, env: Mapping[str, str], paths: DataPaths | None = None) -> "AppConfig":
        problems = []
        prefix = env.get("DASHBOARD_URL_PREFIX", "/").strip() or "/"
        segments = prefix.strip("/").split("/") if prefix.strip("/") else []
        if not re.fullmatch(r"/(?:[A-Za-z0-9._~-]+/)*", prefix if prefix.endswith("/") else prefix + "/") or any(
                set(segment) == {"."} for segment in segments):
            problems.append(f"DASHBOARD_URL_PREFIX={prefix!r}: must be a path such as /portal/routes/ "
                            "(letters, digits, . _ ~ - between slashes)")
        elif not prefix.endswith("/"):
            prefix += "/"
        ancestors = tuple(env.get("DASHBOARD_FRAME_ANCESTORS", "'self'").split()) or ("'self'",)
        bad = [a for a in ancestors if not _ORIGIN.match(a)]
        if bad:
            problems.append(f"DASHBOARD_FRAME_ANCESTORS: {', '.join(bad)} not an origin like https://portal.example.org "
                            "or 'self'")
        strips = env.get("DASHBOARD_PROXY_STRIPS_PREFIX", "0").strip().lower()
        if strips not in ("0", "1", "true", "false", "yes", "no", ""):
            problems.append(f"DASHBOARD_PROXY_STRIPS_PREFIX={strips!r}: must be 1 or 0")
        redis_url = env.get("DASHBOARD_REDIS_URL", "").strip() or None
        if redis_url and (problem := redis_url_problem(redis_url)):
            problems.append(f"DASHBOARD_REDIS_URL: {problem}")
        secret_key = env.get("DASHBOARD_SECRET_KEY", "").strip() or None
        if secret_key and len(secret_key) < 32:
            problems.append(f"DASHBOARD_SECRET_KEY: {len(secret_key)} characters; use at least 32 random ones "
                            "(e.g. python -c 'import secrets; print(secrets.token_hex(32))')")
        if problems:
            raise ConfigError("; ".join(problems))
        extra = {"cache_dir": Path(env["DASHBOARD_CACHE_DIR"])} if env.get("DASHBOARD_CACHE_DIR") else {}
        return cls(url_prefix=prefix, frame_ancestors=ancestors, proxy_strips_prefix=strips in ("1", "true", "yes"),
                   redis_url=redis_url, secret_key=secret_key, paths=paths or DataPaths(), **extra)


def redis_url_problem(url: str) -> str | None:
    """What is wrong with a Redis URL, or None. The message never repeats a password."""
    expected = "expected redis://[:password@]host[:port][/db], rediss://… or unix:///path/to/redis.sock"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # e.g. "Port out of range 0-65535"; never the URL itself
        return f"{exc} ({expected})"
    if parts.scheme in ("unix", "redis+socket"):
        return None if parts.path else f"no socket path ({expected})"
    if parts.scheme not in ("redis", "rediss"):
        return f"scheme {parts.scheme or 'missing'!r} is not Redis ({expected})"
    if not parts.hostname:
        return f"no host ({expected})"
    if port == 0:
        return "port 0 is not a port"
    database = parts.path.strip("/")
    if database and not database.isdigit():
        return f"database {database!r} must be a number"
    return None
