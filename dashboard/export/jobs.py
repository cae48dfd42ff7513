"""One export, from a view's query string to the bytes of a file, and the checks around it that the
command line and the dashboard share."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from dashboard.appdata import AppData
from dashboard.export.presets import PRESETS, ExportSize, SizeError, custom_size
from dashboard.export.renderer import Renderer
from dashboard.export.report_figure import report_figure
from dashboard.links import dashboard_base, unembedded, view_link
from dashboard.url_state import decode
from dashboard.view import View


class ExportRequestError(ValueError):
    """A request that cannot be exported as asked, saying what is wrong with it."""


def strict_view(query: str, data: AppData) -> View:
    """The view a query names; unlike a link opened in a browser, an export refuses to guess."""
    view, ignored = decode(query, data.vocabulary)
    if ignored:
        raise ExportRequestError("the view is malformed: " + "; ".join(ignored))
    return view


def resolve_size(preset: str, width: float | None = None, height: float | None = None,
                 scale: float | None = None) -> ExportSize:
    if preset == "custom":
        if width is None or height is None:
            raise ExportRequestError("a custom size needs a width and a height (layout px), and may take a scale")
        try:
            return custom_size(width, height, scale if scale is not None else 1.0)
        except SizeError as exc:
            raise ExportRequestError(str(exc)) from None
    if preset not in PRESETS:
        raise ExportRequestError(f"unknown preset {preset!r}: one of {', '.join([*PRESETS, 'custom'])}")
    return PRESETS[preset]


def command_size(preset: str, width: float | None, height: float | None, scale: float | None) -> ExportSize:
    """resolve_size for the command line, where a size given with a fixed preset is a mistake to say
    rather than ignore (the Export panel always sends its size fields, used only for custom)."""
    given = [f"--{name}" for name, value in (("width", width), ("height", height), ("scale", scale))
             if value is not None]
    if given and preset != "custom":
        raise ExportRequestError(f"{' and '.join(given)} {'is' if len(given) == 1 else 'are'} only for --preset custom: "
                                 f"the preset {preset} has a size of its own")
    return resolve_size(preset, width, height, scale)


def check_output(path: Path) -> None:
    if path.is_dir():
        raise ExportRequestError(f"{path} is a folder; give a file name")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportRequestError(f"cannot write {path}: the folder {folder} does not exist")
    try:  # try it: permission bits say nothing to root, nor about read-only mounts
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        raise ExportRequestError(f"cannot write {path}: the folder {folder} is not writable") from None


def export_bytes(data: AppData, renderer: Renderer, view: View, size: ExportSize, fmt: str,
                 base_url: str = "", quote: bool = False) -> bytes:
    """The file's bytes. With no base address the caption has no reopen link (none is better than
    one that points at another machine's loopback)."""
    try:
        figure = report_figure(data, view, size, link=view_link(base_url, view) if base_url else "", quote=quote)
    except SizeError as exc:  # a custom page too small for the map beside this view's text
        raise ExportRequestError(str(exc)) from None
    return renderer.render(figure, size, fmt)


@dataclass(frozen=True)
class BatchItem:
    name: str
    query: str
    line: int = 0  # in the batch file, for messages


def read_batch(path: Path) -> list[BatchItem]:
    """Views to export, one a line: `name<TAB>query` or a bare query (named view-N); # starts a comment.
    Every problem is said, each with its line: a bad name, or a name given twice (both files would
    have been written to one)."""
    items, problems = _parse_batch(path)
    _refuse(problems)
    if not items:
        raise ExportRequestError(f"{path} lists no view")
    return items


def batch_views(path: Path, data: AppData) -> list[tuple[BatchItem, View]]:
    """Each view of a batch file, checked as strict_view does; every problem of the file is said at
    once, in line order, with its line and name."""
    items, problems = _parse_batch(path)
    views = []
    for item in items:
        try:
            views.append((item, strict_view(item.query, data)))
        except ExportRequestError as exc:
            problems.append((item.line, f"{path}:{item.line}: {item.name}: {exc}"))
    _refuse(problems)
    if not items:
        raise ExportRequestError(f"{path} lists no view")
    return views


def _parse_batch(path: Path) -> tuple[list[BatchItem], list[tuple[int, str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ExportRequestError(f"cannot read {path}: {exc}") from None
    items, problems, first_line = [], [], {}
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, query = line.partition("\t") if "\t" in line else (f"view-{len(items) + 1}", "", line)
        if not name.replace("-", "").replace("_", "").isalnum():
            problems.append((number, f"{path}:{number}: name {name!r} must be letters, digits, - and _"))
            continue
        if name in first_line:
            problems.append((number, f"{path}:{number}: the name {name!r} is also on line {first_line[name]}; "
                                     "each view needs a name of its own (it names the file)"))
            continue
        first_line[name] = number
        items.append(BatchItem(name, query.strip(), number))
    return items, problems


def _refuse(problems: list[tuple[int, str]]) -> None:
    if problems:
        raise ExportRequestError("; ".join(message for _, message in sorted(problems)))


def export_filename(view: View, preset: str, fmt: str) -> str:
    subject = view.route or (view.statement and "statement") or "map"
    return f"middle-corridor-{subject.replace('_', '-')}-{preset}.{fmt}"


def dashboard_request(stored_view: View, fmt: str | None, preset: str | None, width, height, scale,
                      quote: list | None, href: str | None) -> tuple[ExportSize, str, str, str, bool]:
    """(size, format, file name, link back, pull quote) from the Export panel's controls."""
    if fmt not in ("png", "svg", "pdf"):
        raise ExportRequestError(f"unknown format {fmt!r}")
    size = resolve_size(preset or "", width, height, scale)
    view = unembedded(stored_view)
    link = view_link(dashboard_base(href), view) if href else ""
    return size, fmt, export_filename(view, preset or "custom", fmt), link, bool(quote)
