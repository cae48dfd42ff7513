"""Where export jobs run.

By default, on this machine: Dash's DiskcacheManager starts each job as a process beside the web
workers. With DASHBOARD_REDIS_URL set, on Celery: jobs go through Redis to `python -m dashboard worker`
processes, on this machine or others, so export work can grow past one machine.

Redis is then one more thing that can go away. Dash's CeleryManager lets a Redis error out of every
poll as an HTTP 500, which leaves the Export button spinning. QueueManager turns an unreachable
Redis, or a job no worker takes, into the export's own failure message, while the rest of the
dashboard never touches Redis at all. The web workers keep no memory of jobs: what a poll needs to
know (the Celery task and when it was queued) travels in the job handle Dash signs and hands to the
browser, so any worker can answer any poll.
"""

from __future__ import annotations

import json
import time
from typing import Callable
from urllib.parse import urlsplit

import diskcache
import psutil
from dash import CeleryManager, DiskcacheManager

from dashboard.export.job_processes import start_job

# Results are kept for ten minutes, keyed by the request and the data's version: analysts asking for
# the same export at once share one render, instead of the first poller taking the file and the
# others waiting for a result that was already collected.
RESULT_TTL_S = 600
# A queued job that no worker has started by then is given up: the user hears that no export worker
# is running rather than watching a progress bar that never moves.
WORKER_WAIT_S = 45
# Handles of jobs never queued: Redis could not be reached, or the result was already there.
NOT_QUEUED = "not-queued"
CACHED = "cached"
# A worker stops a render that takes longer (Celery's hard time limit); a started job silent for
# longer than this plus WORKER_WAIT_S has lost its worker.
JOB_LIMIT_S = 180
# Task states in which a worker may still write the result (Celery's own names).
_WAITING = ("PENDING", "RECEIVED", "RETRY")
_RUNNING = ("STARTED", "PROGRESS")


def redis_location(url: str) -> str:
    """The Redis address for messages, without any password in it."""
    parts = urlsplit(url)
    if parts.scheme in ("unix", "redis+socket"):
        return parts.path
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}"


def celery_app(redis_url: str, patient: bool = False):
    """A Celery app on Redis (broker and result store).

    The web workers' app is impatient: a user is waiting, so an unreachable Redis must fail at once
    rather than after Celery's default retries (about 20 s). The worker's app is patient: a result
    written during a Redis restart should wait and be written, not be lost.
    """
    from celery import Celery

    app = Celery("route_map_exports", broker=redis_url, backend=redis_url)
    retries = 10 if patient else 0
    app.conf.update(
        task_track_started=True,  # STARTED tells a running job from one no worker has taken
        task_publish_retry=patient,
        result_expires=RESULT_TTL_S,
        broker_connection_timeout=2,
        broker_connection_retry_on_startup=True,
        broker_transport_options={"max_retries": retries, "socket_connect_timeout": 2},
        result_backend_transport_options={"retry_policy": {"max_retries": retries}},
        redis_socket_connect_timeout=2,
        redis_socket_timeout=10,
        worker_hijack_root_logger=False,
        worker_prefetch_multiplier=1,
        task_time_limit=JOB_LIMIT_S,  # an export is long: one at a time per process, the rest queued
    )
    return app


def worker_failure(error: object) -> str:
    """What a job that failed on the worker itself (not in the export, which reports its own errors) means."""
    kind = type(error).__name__
    if kind == "NotRegistered":
        return ("the export worker does not know this job: it runs another version of the dashboard. "
                "Restart the workers with this version.")
    if kind in ("TimeLimitExceeded", "SoftTimeLimitExceeded"):
        return f"the export took longer than {JOB_LIMIT_S} s and was stopped"
    if kind == "WorkerLostError":
        return "the export worker stopped while rendering; try again"
    return f"the export worker failed ({kind}: {error}); try again"


def redis_errors() -> tuple[type[BaseException], ...]:
    """What an unreachable Redis raises, through redis-py, kombu or Celery's result store."""
    from kombu.exceptions import OperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    return (OperationalError, RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)


def gave_up_on_result_store(exc: RuntimeError) -> bool:
    """Celery's result store raises a bare RuntimeError once its (here zero) reconnections are spent."""
    return "Celery result store" in str(exc)


class SharedJobs:
    """What both managers add to Dash's in the same way: the failed-export outputs and a clock;
    handles "ID@QUEUED_AT", so any web worker can tell how long a job has been under way; a result
    already cached is collected without a job (queued anyway, Dash would collect the cached result
    and then kill the job); and identical requests at once share one job.

    `failed_result(message)` gives the callback's outputs for a failed export, in the form a finished
    job stores them; it comes from the callback, which alone knows its outputs. Each manager says
    where the running job is noted (noted_job, note_job)."""

    def __init__(self, handle, failed_result: Callable[[str], object], cache_by=None, expire=None,
                 clock: Callable[[], float] = time.time):
        super().__init__(handle, cache_by=cache_by, expire=expire)
        self.failed_result = failed_result
        self.clock = clock

    def queued_at(self, job) -> float:
        """When the job was queued; now, for a handle without a time."""
        try:
            return float(str(job).split("@")[1])
        except (IndexError, ValueError):
            return self.clock()

    def call_job_fn(self, key, job_fn, args, context):
        if self.cache_by is not None and self.result_ready(key):
            return CACHED
        twin = self.noted_job(key)
        if twin and self.job_running(twin):
            return twin
        job = f"{super().call_job_fn(key, job_fn, args, context)}@{self.clock():.0f}"
        self.note_job(key, job)
        return job

    @staticmethod
    def running_key(key: str) -> str:
        return f"{key}-job"


class QueueManager(SharedJobs, CeleryManager):
    """Dash's CeleryManager, with Redis failures and idle queues ending the export with a message."""

    def __init__(self, app, failed_result: Callable[[str], object], cache_by=None, expire=None,
                 clock: Callable[[], float] = time.time):
        super().__init__(app, failed_result, cache_by=cache_by, expire=expire, clock=clock)
        self.errors = redis_errors()
        self.where = redis_location(app.conf.broker_url)

    def unreachable(self) -> object:
        return self.failed_result(
            f"the export queue (Redis at {self.where}) cannot be reached. Exports will work again when it "
            "is back; everything else works.")

    @staticmethod
    def task_of(job) -> str | None:
        return None if job in (None, NOT_QUEUED, CACHED) else str(job).split("@")[0]

    def noted_job(self, key: str) -> str | None:
        job = self.handle.backend.get(self.running_key(key))
        return job.decode() if job else None

    def note_job(self, key: str, job: str) -> None:
        self.handle.backend.set(self.running_key(key), job)  # expires with the results (result_expires)

    def call_job_fn(self, key, job_fn, args, context):
        try:
            return super().call_job_fn(key, job_fn, args, context)
        except self.errors:
            return NOT_QUEUED
        except RuntimeError as exc:
            if gave_up_on_result_store(exc):
                return NOT_QUEUED
            raise

    def get_progress(self, key):
        try:
            return super().get_progress(key)
        except self.errors:
            return None

    def get_result(self, key, job):
        if job == NOT_QUEUED:
            return self.unreachable()
        try:
            result = super().get_result(key, job)
            if result is not self.UNDEFINED:
                return result
            problem = self.stalled(job)
            if problem:
                self.terminate_job(job)
                return self.failed_result(problem)
            return result
        except self.errors:
            return self.unreachable()

    def stalled(self, job) -> str | None:
        """Why a job without a result will never have one, or None while it still may.

        Dash stops polling once a job is neither running nor finished, which would leave the Export
        button disabled for good; so a failed, lost or never-started job is said as such."""
        task = self.get_task(job)
        if task is None:
            return None
        status, waited = task.status, self.clock() - self.queued_at(job)
        if status == "FAILURE":
            return worker_failure(task.result)
        if status == "REVOKED":
            return "the export was cancelled on the worker; try again"
        if status in _WAITING and waited > WORKER_WAIT_S:
            return (f"no export worker took the job within {WORKER_WAIT_S} s. Is `python -m dashboard worker` "
                    f"running against Redis at {self.where}?")
        if status in _RUNNING and waited > JOB_LIMIT_S + WORKER_WAIT_S:
            return "the export worker stopped answering; try again"
        return None

    def get_task(self, job):
        task = self.task_of(job)
        return self.handle.AsyncResult(task) if task else None

    def job_running(self, job):
        try:
            task = self.get_task(job)
            return bool(task) and task.status in (*_WAITING, *_RUNNING)
        except self.errors:
            return False

    def terminate_job(self, job):
        task = self.task_of(job)
        if task is None:
            return
        try:
            self.handle.control.terminate(task)
        except self.errors:
            pass  # nothing to stop if Redis is gone: the worker's result will expire unread

    def get_updated_props(self, key):
        try:
            return super().get_updated_props(key)
        except self.errors:
            return {}


class IsolatedJobs(DiskcacheManager):
    """Dash's DiskcacheManager with its jobs started from a fork server, never forked from the
    (possibly threaded) web server, and ending with the server (job_processes.py)."""

    def call_job_fn(self, key, job_fn, args, context):
        return start_job(job_fn, key, self._make_progress_key(key), args, context)


class LocalManager(SharedJobs, IsolatedJobs):
    """Dash's DiskcacheManager, for exports run as processes beside the web workers, with:

    - each job's process started clean, so that it inherits no lock, and ended with its server
      (IsolatedJobs);
    - no process for an export whose result is already cached (Dash would start one anyway, collect
      the cached result and kill it: under load, one process per click on two cores), and one job
      for identical requests at once;
    - handles "PID@QUEUED_AT", so any worker can tell a job that has run too long (stopped after
      JOB_LIMIT_S) and one whose process ended without a result (killed, out of memory) - both said
      to the user, where Dash would end the poll with no answer and the Export button would come
      back as if nothing had been asked;
    - a job's process that ends on its own between Dash's "does it exist" and its next look at it is
      ended, not an error (Dash let psutil's NoSuchProcess out as an HTTP 500, seen under load).
    """

    @staticmethod
    def pid_of(job) -> int | None:
        if job in (None, CACHED):
            return None
        try:
            return int(str(job).split("@")[0])
        except ValueError:
            return None

    def noted_job(self, key: str) -> str | None:
        return self.handle.get(self.running_key(key))

    def note_job(self, key: str, job: str) -> None:
        self.handle.set(self.running_key(key), job, expire=RESULT_TTL_S)

    def get_result(self, key, job):
        result = super().get_result(key, job)
        if result is not self.UNDEFINED or job == CACHED:
            return result
        if self.clock() - self.queued_at(job) > JOB_LIMIT_S:
            self.terminate_job(job)
            return self.failed_result(f"the export took longer than {JOB_LIMIT_S} s and was stopped")
        if not self.job_running(job) and not self.result_ready(key):
            return self.failed_result("the export stopped before it was done; try again")
        return result

    def job_running(self, job):
        pid = self.pid_of(job)
        if pid is None:
            return False
        try:
            return super().job_running(pid)
        except psutil.NoSuchProcess:
            return False

    def terminate_job(self, job):
        pid = self.pid_of(job)
        if pid is None:
            return
        try:
            super().terminate_job(pid)
        except psutil.NoSuchProcess:
            pass

    def terminate_unhealthy_job(self, job):
        pid = self.pid_of(job)
        if pid is None:
            return False
        try:
            return super().terminate_unhealthy_job(pid)
        except psutil.NoSuchProcess:
            return False


def export_manager(redis_url: str | None, cache_dir, version: Callable[[], str],
                   failed_result: Callable[[str], object], patient: bool = False):
    """The background-callback manager for exports: Celery on Redis if a URL is given (patient for
    the worker, see celery_app), else DiskCache in the shared cache folder."""
    if redis_url:
        return QueueManager(celery_app(redis_url, patient), failed_result, cache_by=[version], expire=RESULT_TTL_S)
    return LocalManager(diskcache.Cache(str(cache_dir / "jobs")), failed_result, cache_by=[version],
                        expire=RESULT_TTL_S)


def as_stored(value) -> object:
    """A callback's outputs as a finished job stores them (JSON, Dash's no_update as its marker)."""
    from plotly.utils import PlotlyJSONEncoder

    return json.loads(json.dumps(value, cls=PlotlyJSONEncoder))
