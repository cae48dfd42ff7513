"""gunicorn with a cache folder it cannot use: one line naming it, and gunicorn stops (no traceback,
no worker booted again and again)."""

import subprocess
import sys

from dashboard.paths import PROJECT_ROOT


def test_bad_cache_folder_under_gunicorn_is_one_line(tmp_path):
    cache = tmp_path / "cache"
    cache.write_text("a file, not a folder")
    done = subprocess.run([sys.executable, "-m", "gunicorn", "-w", "1", "-b", "127.0.0.1:0", "dashboard.wsgi:server"],
                          cwd=PROJECT_ROOT, env={"PATH": "/usr/bin:/bin", "DASHBOARD_CACHE_DIR": str(cache),
                                                 "PYTHONPATH": str(PROJECT_ROOT)},
                          capture_output=True, text=True, timeout=240)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    ours = [line for line in done.stderr.splitlines() if line.startswith("configuration: ")]
    assert ours == [f"configuration: cache folder {cache} (DASHBOARD_CACHE_DIR): is a file, not a folder"]
