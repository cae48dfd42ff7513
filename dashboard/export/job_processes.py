"""Where a local export job's process comes from, and how long it may live.

Dash's DiskcacheManager forks each job from the web server. Forked from a threaded server (the
development server answers each request on a thread of its own), a job inherits every lock another
thread held at that instant: a poll on another thread inside SQLite left SQLite's mutex held in the
copy, and the job blocked for good in pthread_mutex_lock when it closed its copy of the connection
(sqlite3WalClose <- pysqlite connection_close). Five exports asked for at once, four rounds: 8 of 20
never finished. A fork of a threaded process cannot be made safe lock by lock, so jobs are not forked
from the server at all: they come from a fork server, a process started afresh (fork and exec) that
only ever runs one thread, with the modules a job needs imported once. Each job is forked from it;
its callback, arguments and context are sent over a socket (about 0.5 MB, 0.1 s).

A job also never outlives its server: it watches the server's process and exits once it has gone
(a job is not the server's child, and a killed server runs no clean-up). The server is this process,
or under gunicorn the arbiter: any worker answers a poll for any job, so a worker that is killed must
not take the jobs it started with it. The render service a job starts watches the same server.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import psutil

# What a job unpickles: the export callback and what it renders with.
PRELOAD = ["dashboard.export.callback", "dashboard.export.service", "dashboard.export.job_processes"]
SERVER_VARIABLE = "ROUTE_MAP_SERVER"
WATCH_EVERY_S = 0.5


def server_process() -> str:
    """The process that jobs started from here must not outlive, as 'PID:START' (a pid alone could be
    another process's by the time it is checked)."""
    under_gunicorn = os.environ.get("SERVER_SOFTWARE", "").startswith("gunicorn/")
    pid = os.getppid() if under_gunicorn else os.getpid()
    return f"{pid}:{process_start(pid)}"


def process_start(pid: int) -> str:
    """When the process started, as the kernel counts it on Linux: clock ticks since boot (field 22 of
    /proc/PID/stat), which no correction of the system clock changes. psutil's create_time adds the
    boot time, which moves when the clock is corrected (psutil issues #1724, #2526): compared across
    processes it made a render service and its jobs take a live server for gone, and exit mid-render,
    on a loaded machine. Elsewhere, psutil's create_time to the second. NoSuchProcess if none."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        if Path("/proc/self/stat").exists():
            raise psutil.NoSuchProcess(pid) from None
    except OSError:
        pass
    else:
        return stat[stat.rindex(")") + 2:].split()[19]  # fields from 3 (state) on: 22 is at 19
    return f"{psutil.Process(pid).create_time():.0f}"


def alive(server: str) -> bool:
    pid, _, started = server.partition(":")
    try:
        return process_start(int(pid)) == started and psutil.Process(int(pid)).status() != psutil.STATUS_ZOMBIE
    except (psutil.Error, ValueError):
        return False


def exit_with(server: str, every_s: float = WATCH_EVERY_S) -> None:
    """End this process as soon as the server has gone (from a daemon thread)."""
    def watch() -> None:
        while alive(server):
            time.sleep(every_s)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-server", daemon=True).start()


def run_job(server: str, job_fn, *args) -> None:
    """A job's process: Dash's job function, for no longer than the server lives.

    Ctrl+C in the server's terminal reaches its jobs too; they leave it to the server, which ends
    them as it exits, rather than each printing a KeyboardInterrupt traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ[SERVER_VARIABLE] = server  # handed down to the render service, if this job starts it
    exit_with(server)
    job_fn(*args)


def job_context():
    import multiprocess  # Dash's own choice for its jobs: dill pickles the callback's closure

    context = multiprocess.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_job(job_fn, *args) -> int:
    """Start a job from the fork server; its pid.

    Daemonic: a server that exits (Ctrl+C, or a gunicorn worker stopped) ends its jobs at once
    instead of waiting for them; a server killed outright runs no clean-up, hence exit_with."""
    process = job_context().Process(target=run_job, args=(server_process(), job_fn, *args), daemon=True)
    process.start()
    return process.pid
