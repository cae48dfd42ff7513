"""`python -m dashboard export`: what it refuses, said in one line with every problem and where it
is, and the mode of the files it writes."""

from __future__ import annotations

import os
import stat

import pytest

from dashboard.__main__ import main
from dashboard.export.jobs import ExportRequestError, batch_views, command_size, read_batch
from dashboard.export.presets import PRESETS
from dashboard.export.renderer import write_atomically


def refused(capsys, *args) -> str:
    assert main(["export", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("export: ") and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    return err


def test_two_views_of_one_name_are_refused_naming_both_lines(tmp_path, capsys):
    batch = tmp_path / "views.txt"
    batch.write_text("cpc\troute=cpc\n# a comment\ntanap\troute=tanap\ncpc\troute=cpc&panel=table\n")
    err = refused(capsys, "--batch", str(batch), "--out-dir", str(tmp_path))
    assert f"{batch}:4: the name 'cpc' is also on line 1" in err
    assert list(tmp_path.iterdir()) == [batch], "nothing is written"


def test_a_bare_query_named_like_an_earlier_view_is_a_clash_too(tmp_path):
    batch = tmp_path / "views.txt"
    batch.write_text("view-2\troute=cpc\nroute=tanap\n")  # the bare query is named view-2
    with pytest.raises(ExportRequestError, match=r"views.txt:2: the name 'view-2' is also on line 1"):
        read_batch(batch)


def test_every_bad_view_of_a_batch_is_said_with_its_line_and_name(tmp_path, capsys):
    batch = tmp_path / "views.txt"
    batch.write_text("good\troute=cpc\nfirst\troute=nowhere\n\nsecond\tstatus=sideways\nthird\troute=tanap\n")
    err = refused(capsys, "--batch", str(batch), "--out-dir", str(tmp_path))
    assert f"{batch}:2: first: the view is malformed" in err and "nowhere" in err
    assert f"{batch}:4: second: the view is malformed" in err and "sideways" in err
    assert "good" not in err and "third" not in err


def test_clashing_names_and_bad_views_are_said_together_in_line_order(tmp_path, capsys):
    batch = tmp_path / "views.txt"
    batch.write_text("cpc\troute=cpc\nbad\troute=nowhere\ncpc\troute=tanap\n")
    err = refused(capsys, "--batch", str(batch), "--out-dir", str(tmp_path))
    assert err.index(f"{batch}:2: bad: the view is malformed") < err.index(f"{batch}:3: the name 'cpc'")


def test_good_batch_views_come_with_their_lines(tmp_path, app_data):
    batch = tmp_path / "views.txt"
    batch.write_text("# views\ncpc\troute=cpc\nroute=tanap\n")
    assert [(item.name, item.line, view.route) for item, view in batch_views(batch, app_data)] == [
        ("cpc", 2, "cpc"), ("view-2", 3, "tanap")]


@pytest.mark.parametrize("given, said", [
    (["--width", "800"], "--width is only for --preset custom: the preset a4-landscape has a size of its own"),
    (["--height", "600", "--scale", "2"], "--height and --scale are only for --preset custom"),
])
def test_a_size_given_with_a_fixed_preset_is_refused(tmp_path, capsys, given, said):
    out = tmp_path / "map.png"
    err = refused(capsys, "--view", "route=cpc", "--preset", "a4-landscape", *given, "--out", str(out))
    assert said in err and not out.exists()


def test_sizes_the_command_accepts():
    assert command_size("slide-16x9", None, None, None) == PRESETS["slide-16x9"]
    assert command_size("custom", 800, 600, None).width == 800


@pytest.fixture
def umask():
    def set_umask(value: int) -> None:
        os.umask(value)

    before = os.umask(0o022)
    yield set_umask
    os.umask(before)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path, umask, mask, expected):
    umask(mask)
    write_atomically(tmp_path / "map.png", b"png")
    assert mode(tmp_path / "map.png") == expected


@pytest.mark.parametrize("before", [0o644, 0o600, 0o664])
def test_a_replaced_file_keeps_its_mode(tmp_path, umask, before):
    target = tmp_path / "map.png"
    target.write_bytes(b"old")
    target.chmod(before)
    umask(0o077)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"], "no temporary file left"
