"""Local export jobs: started clean from the fork server (no lock of the web server inherited) and
ended with their server."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from dashboard.export import job_processes
from dashboard.export.job_processes import alive, job_context, process_start, run_job, server_process, start_job
from devtools.waiting import wait_until

# Held by another thread of the web server while a job starts, as SQLite's mutex was.
HELD = threading.Lock()


def takes_the_lock(key, progress_key, args, context):
    Path(args[0]).write_text("taken" if HELD.acquire(timeout=5) else "inherited held")


def test_a_job_started_while_another_thread_holds_a_lock_does_not_inherit_it(tmp_path):
    out = tmp_path / "lock.txt"
    release = threading.Event()

    def hold():
        with HELD:
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        wait_until(HELD.locked, 30, lambda: "the other thread never took the lock", interval_s=0.01)
        job = psutil.Process(start_job(takes_the_lock, "key", "key-progress", [str(out)], {}))
        job.wait(timeout=120)  # it takes the lock at once, or gives up after 5 s: this bounds a failure
    finally:
        release.set()
        holder.join()
    assert out.read_text() == "taken"


def test_a_job_is_not_the_web_servers_fork():
    job = psutil.Process(start_job(time.sleep, 600))  # job_fn(*args): sleeps until it is killed below
    try:
        assert job.ppid() != os.getpid(), "jobs come from the fork server, not from a fork of this process"
    finally:
        job.kill()


def says_it_runs_then_sleeps(marker):
    """A job that notes that it runs, its watch on the server begun and the server alive; then sleeps
    until it is ended."""
    watching = any(thread.name == "exit-with-server" for thread in threading.enumerate())
    if watching and alive(os.environ[job_processes.SERVER_VARIABLE]):
        Path(marker).write_text("running")
    time.sleep(600)


def test_a_job_ends_soon_after_its_server_has_gone(tmp_path):
    marker = tmp_path / "running"
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        identity = f"{server.pid}:{process_start(server.pid)}"
        job = job_context().Process(target=run_job, args=(identity, says_it_runs_then_sleeps, str(marker)))
        job.start()
        wait_until(marker.exists, 120, lambda: f"the job never ran (exit code {job.exitcode})")
        assert job.is_alive(), "a job lives while its server does"
        server.kill()
        server.wait()
        job.join(timeout=60)  # it looks every WATCH_EVERY_S: this bounds a failure
        assert not job.is_alive(), "the job still runs a minute after its server has gone"
    finally:
        server.kill()
        if job.is_alive():
            job.kill()


def test_under_gunicorn_the_server_is_the_arbiter(monkeypatch):
    monkeypatch.setenv("SERVER_SOFTWARE", "gunicorn/27.0.1")
    assert server_process().split(":")[0] == str(os.getppid())
    monkeypatch.delenv("SERVER_SOFTWARE")
    assert server_process().split(":")[0] == str(os.getpid())


@pytest.mark.parametrize("identity, expected", [
    (lambda: server_process(), True),
    (lambda: f"{os.getpid()}:1", False),  # the same pid, another process (pid reused)
    (lambda: "99999999:1.0", False),
    (lambda: "garbage", False),
])
def test_alive(identity, expected):
    assert alive(identity()) is expected


def test_a_corrected_clock_does_not_make_a_live_server_gone(monkeypatch):
    # psutil's create_time moves with the boot time, which moves when the system clock is corrected
    # (psutil #1724, #2526): the server's identity must not depend on it.
    import psutil

    identity = server_process()
    monkeypatch.setattr(psutil.Process, "create_time", lambda self: 12345.0)
    monkeypatch.setattr(psutil, "boot_time", lambda: 12345.0)
    assert alive(identity)


def test_the_start_is_the_kernels_count_of_ticks():
    from dashboard.export.job_processes import process_start

    fields = open(f"/proc/{os.getpid()}/stat").read().rsplit(")", 1)[1].split()
    assert process_start(os.getpid()) == fields[19] and fields[19].isdigit()
    with pytest.raises(psutil_error()):
        process_start(99999999)


def psutil_error():
    import psutil

    return psutil.Error

