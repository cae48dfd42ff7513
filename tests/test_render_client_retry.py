"""A render service that stops while rendering is asked once more (dashboard/export/service.py): the
user gets the file, not "try again", when the service went away under a job (no browser needed)."""

import threading
from multiprocessing.connection import Listener

import pytest

from dashboard.export.presets import PRESETS
from dashboard.export.renderer import ExportFailed
from dashboard.export.service import RenderClient, socket_address

KEY = b"k" * 32


def fake_service(folder, answers):
    """Serves one connection per answer: None closes it unanswered (a service that stopped)."""
    listener = Listener(socket_address(folder), family="AF_UNIX", authkey=KEY)

    def run():
        with listener:
            for answer in answers:
                with listener.accept() as connection:
                    connection.recv()
                    if answer is not None:
                        connection.send(answer)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_service_that_stops_while_rendering_is_asked_again(tmp_path):
    thread = fake_service(tmp_path, [None, ("ok", b"PNG")])
    assert RenderClient(tmp_path, KEY).render({}, PRESETS["slide-16x9"], "png") == b"PNG"
    thread.join(5)


def test_twice_stopped_says_so_in_one_line(tmp_path):
    thread = fake_service(tmp_path, [None, None])
    with pytest.raises(ExportFailed, match="stopped while rendering; try again"):
        RenderClient(tmp_path, KEY).render({}, PRESETS["slide-16x9"], "png")
    thread.join(5)


def test_a_refusal_is_not_asked_again(tmp_path):
    thread = fake_service(tmp_path, [("failed", "the figure is too large"), ("ok", b"PNG")])
    with pytest.raises(ExportFailed, match="too large"):
        RenderClient(tmp_path, KEY).render({}, PRESETS["slide-16x9"], "png")
    thread.join(0.5)
