"""The whole suite on a fresh clone while the machine is busy: what CI sees on a loaded runner.

    python devtools/suite_under_load.py [--runs 3] [--burners N] [--repo PATH] [--rev HEAD] [--keep]
                                        [-- PYTEST ARGS...]

Clones REV of REPO (this checkout's HEAD by default) into a temporary folder, builds its .venv and
node_modules there (`make .venv/.dev npm-sources`, before the load, so that every run is timed alike),
starts N CPU-bound burner processes (default: one per core), and runs `CI=true bash .ci/run` there RUNS
times in a row. For each run it prints the passed/failed counts, the wall time and the load average;
it exits 1 if any run failed, and always stops its burners.

Pytest arguments after `--` narrow each run (passed as PYTEST_ADDOPTS), e.g. `-- tests/test_url_state.py`.
The runs use a temporary folder of their own (TMPDIR), so a suite running elsewhere on the machine
shares no export cache or render service with them. Each run's output is kept in a log beside the
clone; the clone and the logs are removed after runs that all passed, unless --keep.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
# Pytest's last line, "== 3 failed, 590 passed, 2 skipped in 912.31s (0:15:12) ==" (without the
# rules under -q), and the counts in it.
SUMMARY_LINE = re.compile(r"^(=+ )?(\d+ \w+|no tests ran)\b.* in [\d.]+s\b.*?( =+)?$")
COUNT = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed|deselected)\b")
LOAD_EVERY_S = 5.0


@dataclass
class Run:
    number: int
    exit_code: int
    wall_s: float
    counts: dict[str, int]
    load: list[float] = field(default_factory=list)  # 1-minute load averages sampled during the run
    failed_tests: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.counts.get("failed") and not self.counts.get("errors")


def parse_args(argv: list[str], cores: int | None = None) -> argparse.Namespace:
    """The command line; what follows `--` is handed to pytest."""
    ours, pytest_args = (argv[:argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    parser = argparse.ArgumentParser(prog="suite_under_load.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=positive, default=3, help="runs in a row (default 3)")
    parser.add_argument("--burners", type=non_negative, default=cores or os.cpu_count() or 1,
                        help="CPU-bound processes kept busy during the runs (default: one per core)")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the repository to clone (default: this one)")
    parser.add_argument("--rev", default="HEAD", help="the commit to test (default HEAD)")
    parser.add_argument("--keep", action="store_true", help="leave the clone and the logs in place")
    args = parser.parse_args(ours)
    args.pytest_args = pytest_args
    return args


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def pytest_counts(output: str) -> dict[str, int]:
    """The counts of pytest's summary line (the last one in the output): {"passed": 590, ...};
    "error" is counted as "errors"."""
    lines = [line for line in output.splitlines() if SUMMARY_LINE.match(line.strip())]
    if not lines:
        return {}
    counts: dict[str, int] = {}
    for number, kind in COUNT.findall(lines[-1]):
        key = "errors" if kind.startswith("error") else kind
        counts[key] = counts.get(key, 0) + int(number)
    return counts


def failed_tests(output: str) -> list[str]:
    """The tests pytest's short summary names as failed or in error."""
    return [line.strip() for line in output.splitlines() if line.startswith(("FAILED ", "ERROR "))]


def describe(run: Run, runs: int) -> str:
    """One line per run: its counts, wall time and load average."""
    counts = ", ".join(f"{count} {kind}" for kind, count in sorted(run.counts.items(),
                                                                    key=lambda item: order(item[0])))
    load = (f"load average {sum(run.load) / len(run.load):.1f} (max {max(run.load):.1f})"
            if run.load else "load average not sampled")
    verdict = "ok" if run.ok else f"FAILED (exit {run.exit_code})"
    return (f"run {run.number}/{runs}: {counts or 'no pytest summary'}; {format_duration(run.wall_s)}; "
            f"{load}; {verdict}")


def order(kind: str) -> int:
    kinds = ["passed", "failed", "errors", "skipped", "xfailed", "xpassed", "deselected"]
    return kinds.index(kind) if kind in kinds else len(kinds)


def format_duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def summary(results: list[Run], burners: int, cores: int) -> str:
    passed = sum(run.ok for run in results)
    return (f"{passed} of {len(results)} runs passed, with {burners} CPU burner(s) on {cores} core(s)"
            + ("" if passed == len(results) else
               ": failed " + "; ".join(f"run {r.number}: {', '.join(r.failed_tests) or 'see its log'}"
                                       for r in results if not r.ok)))


@contextlib.contextmanager
def burners(count: int) -> Iterator[list[subprocess.Popen]]:
    """`count` processes that spin a core each, until the block ends however it ends."""
    started = [subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True)
               for _ in range(count)]
    try:
        yield started
    finally:
        for process in started:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
        for process in started:
            process.wait()


class LoadSampler:
    """The 1-minute load average, every few seconds, from a thread."""

    def __init__(self, every_s: float = LOAD_EVERY_S):
        self.every_s = every_s
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self.every_s):
            self.samples.append(os.getloadavg()[0])

    def __enter__(self) -> LoadSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def fresh_clone(repo: Path, rev: str, into: Path) -> Path:
    commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", f"{rev}^{{commit}}"], check=True,
                            capture_output=True, text=True).stdout.strip()
    clone = into / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", "--no-checkout", str(repo), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", commit], check=True)
    print(f"cloned {repo} at {commit[:12]} into {clone}", flush=True)
    return clone


def run_environment(workdir: Path, pytest_args: list[str]) -> dict[str, str]:
    """CI's environment: CI=true, nothing of this shell's virtualenv, a temporary folder of its own."""
    tmp = workdir / "tmp"
    tmp.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items()
           if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTEST_ADDOPTS", "DASHBOARD_CACHE_DIR", "MAKELEVEL", "MAKEFLAGS")}
    env.update(CI="true", TMPDIR=str(tmp))
    if pytest_args:
        env["PYTEST_ADDOPTS"] = shlex.join(pytest_args)
    return env


def run_logged(command: list[str], clone: Path, env: dict[str, str], log: Path) -> int:
    """Run `command` in the clone, its output in `log`; if this process is interrupted, the command
    and what it started in its session are stopped too."""
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=clone, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            return process.wait()
        finally:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def run_once(number: int, clone: Path, env: dict[str, str], log: Path) -> Run:
    started = time.monotonic()
    with LoadSampler() as load:
        exit_code = run_logged(["bash", ".ci/run"], clone, env, log)
    output = log.read_text(errors="replace")
    return Run(number, exit_code, time.monotonic() - started, pytest_counts(output),
               load.samples or [os.getloadavg()[0]], failed_tests(output))


def interrupted(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    cores = os.cpu_count() or 1
    workdir = Path(tempfile.mkdtemp(prefix="suite-under-load-"))
    signal.signal(signal.SIGTERM, interrupted)  # as Ctrl+C: the burners are stopped on the way out
    results: list[Run] = []
    try:
        clone = fresh_clone(args.repo, args.rev, workdir)
        env = run_environment(workdir, args.pytest_args)
        started = time.monotonic()
        setup = run_logged(["make", ".venv/.dev", "npm-sources"], clone, env, workdir / "setup.log")
        print(f"setup (make .venv/.dev npm-sources, no load): exit {setup}, "
              f"{format_duration(time.monotonic() - started)}", flush=True)
        if setup != 0:
            print(f"setup failed: see {workdir / 'setup.log'}", file=sys.stderr)
            return 1
        with burners(args.burners):
            print(f"{args.burners} CPU burner(s) on {cores} core(s); {args.runs} run(s) of `CI=true bash .ci/run`"
                  + (f" with pytest {shlex.join(args.pytest_args)}" if args.pytest_args else ""), flush=True)
            for number in range(1, args.runs + 1):
                log = workdir / f"run-{number}.log"
                result = run_once(number, clone, env, log)
                results.append(result)
                print(describe(result, args.runs) + f"  (log: {log})", flush=True)
    except KeyboardInterrupt:
        print("interrupted: burners stopped", file=sys.stderr)
        return 130
    finally:
        if not args.keep and all(run.ok for run in results) and len(results) == args.runs:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"clone and logs kept in {workdir}", file=sys.stderr)
    print(summary(results, args.burners, cores))
    return 0 if all(run.ok for run in results) else 1


if __name__ == "__main__":
    sys.exit(main())
