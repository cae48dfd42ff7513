"""devtools/suite_under_load.py: its command line, what it reads from pytest's output, and what it prints."""

from __future__ import annotations

import pytest

from devtools import suite_under_load as sul
from devtools.suite_under_load import Run


def test_defaults_are_three_runs_and_a_burner_per_core():
    args = sul.parse_args([], cores=2)
    assert (args.runs, args.burners, args.rev, args.keep, args.pytest_args) == (3, 2, "HEAD", False, [])
    assert args.repo == sul.ROOT


def test_what_follows_the_double_dash_goes_to_pytest():
    args = sul.parse_args(["--runs", "1", "--burners", "0", "--", "tests/test_url_state.py", "-k", "a and b"], cores=2)
    assert (args.runs, args.burners) == (1, 0)
    assert args.pytest_args == ["tests/test_url_state.py", "-k", "a and b"]


@pytest.mark.parametrize("argv", [["--runs", "0"], ["--burners", "-1"], ["--runs", "two"]])
def test_a_bad_number_is_refused(argv):
    with pytest.raises(SystemExit):
        sul.parse_args(argv, cores=2)


@pytest.mark.parametrize("output, counts", [
    ("collected 3\n..F\n= 1 failed, 2 passed in 3.10s =\n", {"failed": 1, "passed": 2}),
    ("=== 590 passed, 2 skipped in 912.31s (0:15:12) ===", {"passed": 590, "skipped": 2}),
    ("= 3 failed, 587 passed, 1 error, 1 xfailed in 10.00s =", {"failed": 3, "passed": 587, "errors": 1,
                                                               "xfailed": 1}),
    ("590 passed, 4 deselected in 9.5s", {"passed": 590, "deselected": 4}),  # under -q
    ("= 2 errors in 0.52s =", {"errors": 2}),
    ("==== no tests ran in 0.01s ====", {}),
    ("FAILED tests/test_a.py::test_x - 12 passed in the message\nmake: *** [test] Error 1", {}),
    ("", {}),
])
def test_the_counts_are_read_from_pytests_last_line(output, counts):
    assert sul.pytest_counts(output) == counts


def test_the_last_summary_line_counts():
    first = "= 1 failed, 2 passed in 3.10s ="
    assert sul.pytest_counts(f"{first}\nrerun\n= 3 passed in 2.00s =") == {"passed": 3}


def test_the_failed_tests_are_named():
    output = ("FAILED tests/browser/test_x.py::test_y - AssertionError: waited 60 s\n"
              "ERROR tests/test_z.py::test_w - RuntimeError\n= 1 failed, 1 error in 1.00s =")
    assert sul.failed_tests(output) == ["FAILED tests/browser/test_x.py::test_y - AssertionError: waited 60 s",
                                        "ERROR tests/test_z.py::test_w - RuntimeError"]


@pytest.mark.parametrize("run, ok", [
    (Run(1, 0, 1.0, {"passed": 3}), True),
    (Run(1, 2, 1.0, {"passed": 3}), False),  # make failed before or after pytest
    (Run(1, 0, 1.0, {"passed": 3, "failed": 1}), False),
    (Run(1, 0, 1.0, {"passed": 3, "errors": 1}), False),
])
def test_a_run_passes_when_make_and_every_test_did(run, ok):
    assert run.ok is ok


@pytest.mark.parametrize("run, line", [
    (Run(1, 0, 912.3, {"skipped": 2, "passed": 590}, [3.9, 4.1]),
     "run 1/3: 590 passed, 2 skipped; 15 min 12 s; load average 4.0 (max 4.1); ok"),
    (Run(2, 1, 59.6, {"passed": 587, "failed": 3}, [2.0]),
     "run 2/3: 587 passed, 3 failed; 1 min 00 s; load average 2.0 (max 2.0); FAILED (exit 1)"),
    (Run(3, 2, 4.2, {}, []), "run 3/3: no pytest summary; 4 s; load average not sampled; FAILED (exit 2)"),
])
def test_each_run_is_one_line(run, line):
    assert sul.describe(run, 3) == line


def test_the_summary_names_the_failed_runs_and_tests():
    runs = [Run(1, 0, 1.0, {"passed": 3}), Run(2, 1, 1.0, {"failed": 1}, failed_tests=["FAILED t.py::a"]),
            Run(3, 2, 1.0, {})]
    assert sul.summary(runs, 2, 2) == ("1 of 3 runs passed, with 2 CPU burner(s) on 2 core(s): "
                                       "failed run 2: FAILED t.py::a; run 3: see its log")
    assert sul.summary(runs[:1], 2, 2) == "1 of 1 runs passed, with 2 CPU burner(s) on 2 core(s)"


def test_the_runs_environment_is_cis_with_a_temporary_folder_of_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("VIRTUAL_ENV", "/somewhere/.venv")
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", "/shared/cache")
    env = sul.run_environment(tmp_path, ["tests/test_url_state.py", "-k", "a and b"])
    assert env["CI"] == "true" and env["TMPDIR"] == str(tmp_path / "tmp") and (tmp_path / "tmp").is_dir()
    assert "VIRTUAL_ENV" not in env and "DASHBOARD_CACHE_DIR" not in env
    assert env["PYTEST_ADDOPTS"] == "tests/test_url_state.py -k 'a and b'"
    assert "PYTEST_ADDOPTS" not in sul.run_environment(tmp_path, [])


def test_the_burners_are_stopped_however_the_block_ends():
    with pytest.raises(RuntimeError):
        with sul.burners(2) as started:
            assert all(process.poll() is None for process in started)
            raise RuntimeError("a run went wrong")
    assert all(process.poll() is not None for process in started)
