"""Command line: `python -m dashboard serve | check`."""

from __future__ import annotations

import argparse
import os
import sys

from dashboard.config import DEFAULT_HOST, DEFAULT_PORT, AppConfig, ConfigError
from dashboard.registry.problems import DataError


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1-65535)")
    return port


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the dashboard (development server)")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--debug", action="store_true", help="Dash dev tools and reloading")
    commands.add_parser("check", help="validate every data and seed file; exit 1 naming each problem")
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
    network = data.registry.network
    print(f"ok: {len(network.routes)} routes, {len(network.legs)} legs, {len(network.nodes)} places, "
          f"{len(data.corpus.statements)} statements from {len(data.corpus.articles)} article(s)")
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
    from dashboard.app import create_app

    try:
        app = create_app(config)
    except DataError as exc:
        print(f"not starting: {exc}", file=sys.stderr)
        return 1
    print(f"Serving on http://{args.host}:{args.port}{config.url_prefix}", flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


if __name__ == "__main__":
    sys.exit(main())
