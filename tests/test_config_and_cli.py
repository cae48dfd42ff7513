import subprocess
import sys

import pytest

from dashboard.__main__ import main
from dashboard.config import AppConfig, ConfigError
from dashboard.paths import PROJECT_ROOT
from tests.conftest import edit_json, feature


def test_default_config():
    config = AppConfig.from_env({})
    assert config.url_prefix == "/" and config.frame_ancestors == ("'self'",)


def test_prefix_gets_its_trailing_slash():
    assert AppConfig.from_env({"DASHBOARD_URL_PREFIX": "/portal/routes"}).url_prefix == "/portal/routes/"


@pytest.mark.parametrize("prefix", ["portal", "/a b/", "/<script>/", "/../x/"])
def test_bad_prefix_is_named(prefix):
    with pytest.raises(ConfigError, match="DASHBOARD_URL_PREFIX"):
        AppConfig.from_env({"DASHBOARD_URL_PREFIX": prefix})


def test_frame_ancestors():
    config = AppConfig.from_env({"DASHBOARD_FRAME_ANCESTORS": "'self' https://portal.example.org"})
    assert config.frame_ancestors == ("'self'", "https://portal.example.org")
    with pytest.raises(ConfigError, match="DASHBOARD_FRAME_ANCESTORS"):
        AppConfig.from_env({"DASHBOARD_FRAME_ANCESTORS": "javascript:x"})


def test_check_passes_on_shipped_data(capsys, app_data):
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith(f"ok: {len(app_data.registry.network.routes)} routes")


def test_check_fails_naming_each_problem(data_copy, monkeypatch, capsys):
    edit_json(data_copy.routes / "legs.geojson",
              lambda c: feature(c, "aktau-alat-ferry")["properties"].update(mode="boat"))
    (data_copy.seeds / "uk-kazakhstan-export-routes.json").write_text("{", encoding="utf-8")
    monkeypatch.setattr("dashboard.__main__.AppConfig.from_env", lambda env: AppConfig(paths=data_copy))
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "2 problems" in err and "aktau-alat-ferry" in err and "uk-kazakhstan-export-routes.json" in err
    assert "Traceback" not in err


def test_check_reports_unbelievable_geometry(data_copy, monkeypatch, capsys):
    def straighten(c):
        ferry = feature(c, "aktau-alat-ferry")
        coords = ferry["geometry"]["coordinates"]
        ferry["geometry"]["coordinates"] = [coords[0], coords[-1]]
    edit_json(data_copy.routes / "legs.geojson", straighten)
    monkeypatch.setattr("dashboard.__main__.AppConfig.from_env", lambda env: AppConfig(paths=data_copy))
    assert main(["check"]) == 1
    assert "'aktau-alat-ferry': field 'geometry': ferry leg crosses" in capsys.readouterr().err


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=60, env=env)


def test_bad_port_is_one_clear_line():
    result = run_cli("serve", "--port", "99999")
    assert result.returncode == 2 and "not a port number" in result.stderr and "Traceback" not in result.stderr


def test_bad_environment_is_one_clear_line():
    import os
    result = run_cli("check", env={**os.environ, "DASHBOARD_URL_PREFIX": "no-slash here"})
    assert result.returncode == 2 and result.stderr.startswith("configuration: DASHBOARD_URL_PREFIX")


def test_unknown_command():
    result = run_cli("fly")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_proxy_strips_prefix_flag():
    assert AppConfig.from_env({"DASHBOARD_PROXY_STRIPS_PREFIX": "1"}).proxy_strips_prefix
    assert not AppConfig.from_env({}).proxy_strips_prefix
    with pytest.raises(ConfigError, match="DASHBOARD_PROXY_STRIPS_PREFIX"):
        AppConfig.from_env({"DASHBOARD_PROXY_STRIPS_PREFIX": "maybe"})


def test_a_worker_without_redis_says_what_to_set():
    import os
    env = {k: v for k, v in os.environ.items() if k != "DASHBOARD_REDIS_URL"}
    result = run_cli("worker", env=env)
    assert result.returncode == 2 and "DASHBOARD_REDIS_URL is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_worker_with_a_bad_redis_url_or_concurrency_is_one_clear_line():
    import os
    result = run_cli("worker", env={**os.environ, "DASHBOARD_REDIS_URL": "http://cache:6379"})
    assert result.returncode == 2 and result.stderr.startswith("configuration: DASHBOARD_REDIS_URL")
    result = run_cli("worker", "--concurrency", "0")
    assert result.returncode == 2 and "0 is not a number of processes (1-64)" in result.stderr


def serve_with_cache(cache, *wrapper):
    """`python -m dashboard serve` with this cache folder: it must stop at once, so a short timeout."""
    import os

    from devtools.waiting import free_port
    command = [*wrapper, sys.executable, "-m", "dashboard", "serve", "--port", str(free_port())]
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "DASHBOARD_CACHE_DIR": str(cache)})


def one_clear_line(result, *said):
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr[-2000:]
    assert result.stderr.startswith("configuration: ")
    for text in said:
        assert text in result.stderr


def test_a_cache_path_that_is_a_file_is_one_clear_line(tmp_path):
    cache = tmp_path / "cache"
    cache.write_text("")
    one_clear_line(serve_with_cache(cache), f"cache folder {cache} (DASHBOARD_CACHE_DIR): is a file")


def test_a_read_only_cache_folder_is_one_clear_line(tmp_path):
    import os
    import shutil

    cache = tmp_path / "cache"
    cache.mkdir()
    if os.geteuid() == 0:  # permission bits do not stop root: a read-only mount does
        if not shutil.which("unshare"):
            pytest.skip("unshare is needed to make a read-only mount as root")
        wrapper = ["unshare", "-m", "sh", "-c", f"mount --bind -o ro '{cache}' '{cache}' && exec \"$@\"", "sh"]
        reason = "Read-only file system"
    else:
        cache.chmod(0o555)
        wrapper, reason = [], "Permission denied"
    one_clear_line(serve_with_cache(cache, *wrapper), f"cache folder {cache}", f"cannot be written ({reason})")


@pytest.mark.parametrize("name, content, said", [
    ("server.key", "not a key at all, just words", "(28 characters, not 64)"),
    ("server.key", "z" * 64, "(not hex digits)"),
    ("server.key", "", "(it is empty)"),
    ("render.key", "\n", "(it is empty)"),
])
def test_a_broken_key_in_the_cache_folder_is_one_clear_line(tmp_path, name, content, said):
    (tmp_path / name).write_text(content)
    one_clear_line(serve_with_cache(tmp_path), f"{tmp_path / name} is not a key this dashboard made {said}",
                   "delete it")


def test_workers_starting_at_once_all_read_one_whole_key(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from dashboard.app import shared_key

    for attempt in range(20):
        folder = tmp_path / str(attempt)
        folder.mkdir()
        with ThreadPoolExecutor(8) as pool:
            keys = set(pool.map(lambda _: shared_key(folder, "server.key"), range(8)))
        assert len(keys) == 1 and len(keys.pop()) == 32
        assert [p.name for p in folder.iterdir()] == ["server.key"]  # no temporary file left
        assert (folder / "server.key").stat().st_mode & 0o077 == 0
