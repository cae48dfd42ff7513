"""Many users on gunicorn with two workers, and a worker killed under load: short runs of the load
test (bench/load_test.py has the full 50 users for 60 seconds)."""

import pytest

from devtools.load import run

pytestmark = [pytest.mark.export, pytest.mark.service]


def test_many_users_and_a_killed_worker_lose_at_most_the_request_in_flight():
    users = 8
    report = run(users=users, seconds=10, workers=2, kill_worker_at=4)
    # Load there was: each user went through the whole journey, export included, at least once (how
    # many times depends on the machine's speed: the count is not a target), and a worker was killed.
    assert report["journeys"] >= users and report["by_kind"]["export"]["requests"] == users
    assert len(report["killed_workers"]) == 1
    assert report["unfinished_users"] == 0, "a user's request never came back"
    # A sync worker serves one request at a time: killing it loses that one, no other.
    assert report["failed_requests"] <= 1, {k: s["failures"] for k, s in report["by_kind"].items() if s["failures"]}
    assert not report["slow_shutdown"], "gunicorn did not stop within a minute of SIGTERM after the run"
