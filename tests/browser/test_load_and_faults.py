"""Many users on gunicorn with two workers, and a worker killed under load: short runs of the load
test (bench/load_test.py has the full 50 users for 60 seconds)."""

import pytest

from devtools.load import run

pytestmark = [pytest.mark.export, pytest.mark.service]


def test_many_users_and_a_killed_worker_lose_at_most_the_request_in_flight():
    users = 8
    report = run(users=users, seconds=10, workers=2, kill_worker_at=4)
    # Load there was: each user went through the journey's pages and clicks (how many times depends on
    # the machine's speed, and an export takes seconds on a busy one: the count is not a target).
    assert report["total_requests"] >= users * 5
    # A sync worker serves one request at a time: killing it loses that one, no other.
    assert report["failed_requests"] <= 1, {k: s["failures"] for k, s in report["by_kind"].items() if s["failures"]}
    assert all(s["requests"] > 0 for s in report["by_kind"].values())
    assert not report["slow_shutdown"], "a worker was still busy 30 s after the run: a request hung"
