"""Shared fixtures: the real data, loaded once, and throwaway copies of it to break; and the markers
of the tests that need a tool beyond the Python packages."""

from __future__ import annotations

import functools
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from dashboard.appdata import load_app_data
from dashboard.paths import PROJECT_ROOT, DataPaths
from devtools import prerequisites

# CI and `make test` (make sets MAKELEVEL) install every tool first: there, one missing is a failure.
# Elsewhere its tests are skipped, saying which tool is missing.
MUST_RUN_ALL = bool(os.environ.get("CI")) or "MAKELEVEL" in os.environ

# Hypothesis times each example (200 ms by default) and fails a test whose examples are slow to make:
# on a busy machine that fails tests whose subject is not their speed (speed belongs in bench/).
settings.register_profile("any-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("any-machine")


@functools.cache
def missing(marker: str) -> str | None:
    return prerequisites.MISSING[marker]()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    for marker in prerequisites.MISSING:
        if item.get_closest_marker(marker) and (reason := missing(marker)):
            if MUST_RUN_ALL:
                pytest.fail(f"{marker} test: {reason}; `make test` installs it")
            pytest.skip(f"{marker} test: {reason} (`make test` installs it)")


@pytest.fixture(scope="session", autouse=True)
def stop_render_service():
    """Export tests start the warm render service; it must not outlive the suite."""
    yield
    from dashboard.app import render_key
    from dashboard.config import AppConfig
    from dashboard.export.service import RenderClient

    cache = AppConfig().cache_dir
    if (cache / "render.key").exists():
        RenderClient(cache, render_key(cache)).stop()


@pytest.fixture(scope="session")
def app_data():
    return load_app_data(DataPaths())


@pytest.fixture(scope="session")
def registry(app_data):
    return app_data.registry


@pytest.fixture(scope="session")
def corpus(app_data):
    return app_data.corpus


@pytest.fixture
def data_copy(tmp_path) -> DataPaths:
    """A private copy of geodata/ and seeds/ that a test may break."""
    for name in ("geodata", "seeds"):
        shutil.copytree(PROJECT_ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("src", "__pycache__", "*.py"))
    return DataPaths(geodata=tmp_path / "geodata", seeds=tmp_path / "seeds", assets=PROJECT_ROOT / "assets")


def edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def feature(collection: dict, feature_id: str) -> dict:
    return next(f for f in collection["features"] if f["properties"].get("id") == feature_id)
