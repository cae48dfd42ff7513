"""The export queue on Celery and a real redis-server, without a worker: what a poll answers when
Redis is gone, when no worker takes the job, when the worker fails it, and when the result is cached."""

from __future__ import annotations

import pytest
from celery.exceptions import NotRegistered, TimeLimitExceeded

from dashboard.config import AppConfig, ConfigError
from dashboard.export.queue import (CACHED, NOT_QUEUED, WORKER_WAIT_S, QueueManager, celery_app, redis_location,
                                    worker_failure)
from dashboard.export.callback import export_failed_result
from devtools.export_queue import redis_server
from devtools.waiting import free_port, wait_until

pytestmark = pytest.mark.service

NO_UPDATE = {"_dash_no_update": "_dash_no_update"}


@pytest.fixture(scope="module")
def redis(tmp_path_factory):
    with redis_server(tmp_path_factory.mktemp("redis")) as server:
        yield server


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def manager_for(url: str, clock=None) -> QueueManager:
    app = celery_app(url)

    @app.task(name="export-test-job")
    def job(*args):  # never runs: no worker in these tests
        return None

    manager = QueueManager(app, export_failed_result, cache_by=[lambda: "v1"], expire=60, clock=clock or Clock())
    manager.job = job
    return manager


def status_of(result) -> str:
    assert result[0] == NO_UPDATE, "a failed export downloads nothing"
    return result[1]


def test_redis_unreachable_when_queueing_is_said_at_the_first_poll():
    manager = manager_for(f"redis://127.0.0.1:{free_port()}/0")
    job = manager.call_job_fn("key", manager.job, [], {})
    assert job == NOT_QUEUED
    assert manager.job_running(job) is False
    message = status_of(manager.get_result("key", job))
    assert message.startswith("Export failed: the export queue (Redis at 127.0.0.1:")
    assert "everything else works" in message


def test_redis_going_away_during_a_job_ends_the_poll_with_the_message(redis):
    manager = manager_for(redis.url)
    job = manager.call_job_fn("key-2", manager.job, [], {})
    assert "@" in job and manager.job_running(job)
    redis.stop()
    try:
        assert manager.get_progress("key-2") is None
        assert manager.job_running(job) is False
        assert manager.get_updated_props("key-2") == {}
        manager.terminate_job(job)  # does not raise
        assert "cannot be reached" in status_of(manager.get_result("key-2", job))
    finally:
        redis.start()


def test_a_job_no_worker_takes_is_given_up_after_the_wait(redis):
    clock = Clock()
    manager = manager_for(redis.url, clock)
    job = manager.call_job_fn("key-3", manager.job, [], {})
    assert manager.get_result("key-3", job) is manager.UNDEFINED
    clock.now += WORKER_WAIT_S + 1
    assert "no export worker took the job" in status_of(manager.get_result("key-3", job))


def test_a_job_the_worker_failed_says_why(redis):
    manager = manager_for(redis.url)
    job = manager.call_job_fn("key-4", manager.job, [], {})
    manager.handle.backend.mark_as_failure(manager.task_of(job), NotRegistered("background_callback_x"))
    assert "another version of the dashboard" in status_of(manager.get_result("key-4", job))


def test_a_result_already_there_is_collected_without_a_job(redis):
    manager = manager_for(redis.url)
    manager.handle.backend.set("key-5", '[null, "Exported x.png (0.1 MB)."]')
    job = manager.call_job_fn("key-5", manager.job, [], {})
    assert job == CACHED and manager.job_running(job) is False
    assert manager.get_result("key-5", job) == [None, "Exported x.png (0.1 MB)."]


def test_a_handle_carries_its_task_and_queue_time():
    manager = manager_for(f"redis://127.0.0.1:{free_port()}/0", Clock(1234.0))
    assert manager.task_of("abc-123@1200") == "abc-123"
    assert manager.queued_at("abc-123@1200") == 1200.0
    assert manager.task_of(NOT_QUEUED) is None and manager.task_of(CACHED) is None and manager.task_of(None) is None
    assert manager.queued_at("no-time") == 1234.0


@pytest.mark.parametrize("error, said", [
    (NotRegistered("x"), "another version"),
    (TimeLimitExceeded(180), "longer than"),
    (ValueError("boom"), "ValueError: boom"),
])
def test_worker_failures_are_said_plainly(error, said):
    assert said in worker_failure(error)


@pytest.mark.parametrize("url, shown", [
    ("redis://:secret@cache.internal:6380/2", "cache.internal:6380"),
    ("redis://localhost/0", "localhost:6379"),
    ("unix:///run/redis/redis.sock", "/run/redis/redis.sock"),
])
def test_messages_name_redis_without_its_password(url, shown):
    assert redis_location(url) == shown


@pytest.mark.parametrize("url, problem", [
    ("http://cache:6379", "scheme 'http' is not Redis"),
    ("redis://", "no host"),
    ("redis://cache:99999", "Port out of range"),
    ("redis://cache/zero", "database 'zero' must be a number"),
    ("unix://", "no socket path"),
])
def test_a_bad_redis_url_is_refused_naming_the_variable(url, problem):
    with pytest.raises(ConfigError) as caught:
        AppConfig.from_env({"DASHBOARD_REDIS_URL": url})
    assert "DASHBOARD_REDIS_URL" in str(caught.value) and problem in str(caught.value)


def test_a_password_in_a_bad_redis_url_is_not_repeated():
    with pytest.raises(ConfigError) as caught:
        AppConfig.from_env({"DASHBOARD_REDIS_URL": "redis://:hunter2@cache:99999"})
    assert "hunter2" not in str(caught.value)


def test_redis_url_is_optional_and_kept_when_good():
    assert AppConfig.from_env({}).redis_url is None
    assert AppConfig.from_env({"DASHBOARD_REDIS_URL": " redis://cache:6379/1 "}).redis_url == "redis://cache:6379/1"


def test_the_local_manager_collects_a_cached_result_without_a_process(tmp_path):
    from dashboard.export.queue import LocalManager, export_manager

    manager = export_manager(None, tmp_path, lambda: "v1", export_failed_result)
    assert isinstance(manager, LocalManager)
    manager.handle.set("key-6", [None, "Exported y.svg (0.1 MB)."])

    def job_fn(*args):
        raise AssertionError("no process may start for a cached result")

    job = manager.call_job_fn("key-6", job_fn, [], {})
    assert job == CACHED and manager.job_running(job) is False
    manager.terminate_job(job)  # must not reach psutil with a non-pid
    assert manager.terminate_unhealthy_job(job) is False
    assert manager.get_result("key-6", job) == [None, "Exported y.svg (0.1 MB)."]


def test_the_same_export_asked_twice_at_once_shares_one_job(redis):
    manager = manager_for(redis.url)
    first = manager.call_job_fn("key-7", manager.job, [], {})
    assert manager.call_job_fn("key-7", manager.job, [], {}) == first
    assert manager.call_job_fn("key-8", manager.job, [], {}) != first


def slow_job(*args):
    import time

    time.sleep(600)  # stopped by each test: long enough for any machine to see it running


def test_the_local_manager_shares_a_running_job_too(tmp_path):
    from dashboard.export.queue import export_manager

    manager = export_manager(None, tmp_path, lambda: "v1", export_failed_result)
    first = manager.call_job_fn("key-9", slow_job, [], {})
    try:
        assert manager.job_running(first)
        assert manager.call_job_fn("key-9", slow_job, [], {}) == first
        assert manager.call_job_fn("key-10", slow_job, [], {}) != first
    finally:
        manager.terminate_job(first)
        manager.terminate_job(manager.call_job_fn("key-10", slow_job, [], {}))
    wait_until(lambda: not manager.job_running(first), 60, lambda: "the job still runs 60 s after it was stopped")


def test_a_job_that_ends_while_being_stopped_is_not_an_error(tmp_path, monkeypatch):
    """Dash checks that the job's process exists, then looks at its children: a process that exits
    in between made psutil raise NoSuchProcess, answered as HTTP 500 (seen under load)."""
    import psutil

    from dash import DiskcacheManager

    from dashboard.export.queue import export_manager

    def vanished(self, job):
        raise psutil.NoSuchProcess(int(job))

    monkeypatch.setattr(DiskcacheManager, "terminate_job", vanished)
    monkeypatch.setattr(DiskcacheManager, "job_running", vanished)
    monkeypatch.setattr(DiskcacheManager, "terminate_unhealthy_job", vanished)
    manager = export_manager(None, tmp_path, lambda: "v1", export_failed_result)
    manager.terminate_job(123456)
    assert manager.job_running(123456) is False
    assert manager.terminate_unhealthy_job(123456) is False


def quick_job(*args):
    return None  # ends at once without writing a result, as a killed job would


def test_a_local_job_that_ended_without_a_result_is_said(tmp_path):
    from dashboard.export.queue import export_manager

    manager = export_manager(None, tmp_path, lambda: "v1", export_failed_result)
    job = manager.call_job_fn("key-11", quick_job, [], {})
    wait_until(lambda: not manager.job_running(job), 60, lambda: "a job with nothing to do still runs after 60 s",
               interval_s=0.05)
    assert "stopped before it was done" in status_of(manager.get_result("key-11", job))


def test_a_local_job_over_the_time_limit_is_stopped_and_said(tmp_path):
    from dashboard.export.queue import JOB_LIMIT_S, LocalManager

    clock = Clock()
    manager = LocalManager(__import__("diskcache").Cache(str(tmp_path / "jobs")), export_failed_result,
                           cache_by=[lambda: "v1"], expire=60, clock=clock)
    job = manager.call_job_fn("key-12", slow_job, [], {})
    try:
        assert manager.get_result("key-12", job) is manager.UNDEFINED
        clock.now += JOB_LIMIT_S + 1
        assert "longer than" in status_of(manager.get_result("key-12", job))
        wait_until(lambda: not manager.job_running(job), 60, lambda: "the job still runs 60 s after it was stopped")
    finally:
        manager.terminate_job(job)


def test_a_secret_key_for_several_machines_is_used_and_checked(app_data, tmp_path):
    from dashboard.app import create_app

    key = "k" * 40
    config = AppConfig.from_env({"DASHBOARD_SECRET_KEY": key, "DASHBOARD_CACHE_DIR": str(tmp_path)})
    assert key not in repr(config)
    assert create_app(config, data=app_data).server.secret_key == key
    with pytest.raises(ConfigError) as caught:
        AppConfig.from_env({"DASHBOARD_SECRET_KEY": "short"})
    assert "DASHBOARD_SECRET_KEY" in str(caught.value) and "short" not in str(caught.value)
