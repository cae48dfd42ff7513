"""Command line: `python -m dashboard serve | check | export | worker`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dashboard.config import DEFAULT_HOST, DEFAULT_PORT, AppConfig, ConfigError
from dashboard.links import PUBLIC_URL_VARIABLE, public_base_url
from dashboard.export.presets import FORMATS, PRESETS
from dashboard.registry.problems import DataError


def _whole_number(low: int, high: int, what: str):
    """An argparse type: a whole number from low to high, or a message naming what it should be."""
    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{number} is not {what} ({low}-{high})")
        return number
    return parse


_port = _whole_number(1, 65535, "a port number")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the dashboard (development server)")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--debug", action="store_true", help="Dash dev tools and reloading")
    commands.add_parser("check", help="validate every data and seed file; exit 1 naming each problem")
    export = commands.add_parser("export", help="export views as PNG, SVG or PDF report figures",
                                 description="Render one view (--view) or many (--batch) offline.")
    what = export.add_mutually_exclusive_group()
    what.add_argument("--view", default="", help="the view's query string, as in the dashboard's address")
    what.add_argument("--batch", type=Path, help="file of views, one a line: NAME<TAB>QUERY or QUERY")
    export.add_argument("--format", choices=FORMATS, default="png")
    export.add_argument("--preset", choices=[*PRESETS, "custom"], default="a4-landscape")
    export.add_argument("--width", type=float, help="custom layout width, px (PDF page: px/96 in)")
    export.add_argument("--height", type=float, help="custom layout height, px")
    export.add_argument("--scale", type=float, help="custom PNG pixels per layout px")
    export.add_argument("--out", type=Path, help="output file (one view)")
    export.add_argument("--out-dir", type=Path, help="output folder (batch)")
    export.add_argument("--base-url", default=public_base_url(),
                        help=f"the dashboard's public address, for the caption's link (default: ${PUBLIC_URL_VARIABLE})")
    export.add_argument("--quote", action="store_true", help="add the selected statement as a pull quote")
    data = commands.add_parser("data", help="the routes, legs and places of a view as GeoJSON, or its routes as CSV")
    data.add_argument("--view", default="", help="the view's query string, as in the dashboard's address")
    data.add_argument("--format", choices=["geojson", "csv"], default="geojson")
    data.add_argument("--out", type=Path, required=True, help="output file")
    worker = commands.add_parser("worker", help="a Celery worker rendering exports (needs DASHBOARD_REDIS_URL)")
    worker.add_argument("--concurrency", type=_whole_number(1, 64, "a number of processes"), default=2, help="exports rendered at once (default 2)")
    worker.add_argument("--loglevel", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    return top


def check(config: AppConfig) -> int:
    from dashboard.appdata import load_app_data
    from dashboard.registry.geometry import believability_problems

    try:
        data = load_app_data(config.paths)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    problems = believability_problems(data.registry)
    if problems:
        print(DataError(problems), file=sys.stderr)
        return 1
    for warning in data.corpus.warnings:  # well-formed articles with something a reader should know
        print(f"warning: {warning}")
    network = data.registry.network
    print(f"ok: {len(network.routes)} routes, {len(network.legs)} legs, {len(network.nodes)} places, "
          f"{len(data.corpus.statements)} statements from {len(data.corpus.articles)} article(s)")
    return 0


def take_data(args, config: AppConfig) -> int:
    """`data`: what the dashboard's GeoJSON and CSV buttons give, for a view named by its query."""
    from dashboard.appdata import load_app_data
    from dashboard.export.jobs import ExportRequestError, check_output, strict_view
    from dashboard.export.renderer import write_atomically
    from dashboard.view_data import view_csv, view_geojson_text

    try:
        data = load_app_data(config.paths)
        view = strict_view(args.view, data)
        check_output(args.out)
    except (ExportRequestError, DataError) as exc:
        print(f"data: {exc}", file=sys.stderr)
        return 2
    text = view_geojson_text(data, view) if args.format == "geojson" else view_csv(data, view)
    try:
        write_atomically(args.out, text.encode("utf-8"))
    except OSError as exc:
        print(f"data: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 1
    print(args.out)
    return 0


def progress_bar(done: int, total: int, label: str, width: int = 30) -> str:
    filled = round(width * done / total) if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label}"


def export(args, config: AppConfig) -> int:
    from dashboard.appdata import load_app_data
    from dashboard.export.jobs import (ExportRequestError, batch_views, check_output, command_size, export_bytes,
                                       strict_view)
    from dashboard.export.renderer import ExportFailed, ExportUnavailable, Renderer, write_atomically

    try:
        size = command_size(args.preset, args.width, args.height, args.scale)
        data = load_app_data(config.paths)
        if args.batch:
            if args.out_dir is None:
                raise ExportRequestError("--batch needs --out-dir")
            if not args.out_dir.is_dir():
                raise ExportRequestError(f"--out-dir {args.out_dir} is not a folder")
            jobs = [(item.name, view, args.out_dir / f"{item.name}.{args.format}")
                    for item, view in batch_views(args.batch, data)]
        else:
            if args.out is None:
                raise ExportRequestError("--out FILE is needed")
            jobs = [(args.out.stem, strict_view(args.view, data), args.out)]
        for _, _, out in jobs:
            check_output(out)
    except (ExportRequestError, DataError) as exc:
        print(f"export: {exc}", file=sys.stderr)
        return 2
    if not args.base_url:
        print(f"export: no public address ({PUBLIC_URL_VARIABLE} or --base-url): the caption has no link to reopen "
              "the view", file=sys.stderr)
    renderer = Renderer(config.paths)
    try:
        for done, (name, view, out) in enumerate(jobs):
            if len(jobs) > 1:
                print("\r" + progress_bar(done, len(jobs), name), end="", file=sys.stderr, flush=True)
            write_atomically(out, export_bytes(data, renderer, view, size, args.format, args.base_url, args.quote))
        if len(jobs) > 1:
            print("\r" + progress_bar(len(jobs), len(jobs), "done"), file=sys.stderr)
    except (ExportUnavailable, ExportFailed, OSError) as exc:
        print(f"\nexport: {exc}", file=sys.stderr)
        return 1
    except ExportRequestError as exc:  # a view's text leaves a custom page no room for its map
        print(("\n" if len(jobs) > 1 else "") + f"export: {exc}", file=sys.stderr)
        return 2
    finally:
        renderer.close()
    for _, _, out in jobs:
        print(out)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        config = AppConfig.from_env(os.environ)
    except ConfigError as exc:
        print(f"configuration: {exc}", file=sys.stderr)
        return 2
    if args.command == "check":
        return check(config)
    if args.command == "export":
        return export(args, config)
    if args.command == "data":
        return take_data(args, config)
    if args.command == "worker":
        from dashboard.export.worker import run_worker

        return run_worker(config, args.concurrency, args.loglevel)
    from dashboard.app import create_app

    try:
        app = create_app(config)
    except DataError as exc:
        print(f"not starting: {exc}", file=sys.stderr)
        return 1
    except ConfigError as exc:  # the cache folder or a key in it
        print(f"configuration: {exc}", file=sys.stderr)
        return 2
    print(f"Serving on http://{args.host}:{args.port}{config.url_prefix}", flush=True)
    from dashboard.http_headers import request_handler_with

    app.run(host=args.host, port=args.port, debug=args.debug,
            request_handler=request_handler_with(app.server.config["SECURITY_HEADERS"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
