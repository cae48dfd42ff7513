"""devtools/load.py's tally: a request that fails in any way counts as a failure of its kind, and the
virtual user goes on (the load test allows one lost request when a worker is killed)."""

import http.client

import pytest

from devtools.load import Tally


@pytest.mark.parametrize("error", [ConnectionResetError(), http.client.IncompleteRead(b"", 109),
                                   http.client.RemoteDisconnected()])
def test_a_request_cut_off_by_a_killed_worker_is_a_failure_not_a_crash(error):
    def action():
        raise error

    tally = Tally()
    tally.timed("export", action)  # before, an answer cut off mid-body escaped and ended the user's thread
    assert tally.failures["export"] == [type(error).__name__] and len(tally.times["export"]) == 1


def test_a_good_answer_is_timed_and_not_a_failure():
    tally = Tally()
    tally.timed("view", lambda: 200)
    assert not tally.failures["view"] and len(tally.times["view"]) == 1
