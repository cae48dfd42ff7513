"""Shared fixtures: the real data, loaded once, and throwaway copies of it to break."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dashboard.appdata import load_app_data
from dashboard.paths import PROJECT_ROOT, DataPaths


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
