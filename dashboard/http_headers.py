"""Response headers for a dashboard that sits in other people's portals: a Content-Security-Policy
that allows no third-party origin, framing only by the configured origins, and no sniffing or
referrer leaks. Pure builders plus one function that installs them on the Flask server; and the check
that refuses, with 400 and one line, a callback request that is not what the page sends."""

from __future__ import annotations

import json
from typing import Any, Callable, Mapping, Sequence

from flask import Flask, Response, request


def content_security_policy(frame_ancestors: Sequence[str], script_hashes: Sequence[str]) -> str:
    # Styles need 'unsafe-inline': React sets style attributes and Plotly writes <style> elements.
    # Scripts do not: Dash's one inline script is allowed by its hash.
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The dashboard may frame itself (the Share control's preview of the embed) unless no framing
        # at all is allowed ('none' stands alone).
        "frame-ancestors": (list(frame_ancestors) if "'none'" in frame_ancestors
                            else list(dict.fromkeys(["'self'", *frame_ancestors]))),
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def security_headers(policy: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    }


MAX_QUERY_BYTES = 65_536  # what the development server itself takes; the address keeps 2,000 characters of it


def install_security_headers(server: Flask, headers: dict[str, str]) -> None:
    server.config["SECURITY_HEADERS"] = dict(headers)  # for the servers' own error pages (request_handler_with)

    @server.before_request
    def refuse_huge_queries():
        # gunicorn is told to pass long request lines on (gunicorn.conf.py), so the refusal is made
        # here, with the headers every response carries, and says what to do.
        if len(request.query_string) > MAX_QUERY_BYTES:
            return (f"This address is {len(request.query_string):,} bytes long; the dashboard reads at most "
                    f"{MAX_QUERY_BYTES:,}. Open the dashboard without the query and choose the view again.",
                    414, {"Content-Type": "text/plain; charset=utf-8"})
        return None

    @server.after_request
    def add_headers(response):
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response


def request_handler_with(headers: Mapping[str, str]):
    """The development server's request handler, whose own error pages (a request line too long for
    it, a malformed request) carry the same security headers as the app's responses."""
    from werkzeug.serving import WSGIRequestHandler

    class SecureErrorPages(WSGIRequestHandler):
        def send_error(self, code, message=None, explain=None):
            self._own_error_page = True
            super().send_error(code, message, explain)

        def end_headers(self):
            if getattr(self, "_own_error_page", False):
                for name, value in headers.items():
                    self.send_header(name, value)
            super().end_headers()

    return SecureErrorPages


def _is_dependency(item: Any) -> bool:
    """One input, state or output as the page sends it: {id, property[, value]} (a list of them for a
    pattern-matching one)."""
    if isinstance(item, list):
        return all(_is_dependency(i) for i in item)
    return (isinstance(item, dict) and isinstance(item.get("id"), (str, dict))
            and isinstance(item.get("property"), str))


def callback_request_problem(body: Any, known_outputs: Mapping[str, Any],
                             store_checks: Mapping[str, Callable[[Any], object]] = {}) -> str | None:
    """Why a body POSTed to _dash-update-component is not one the page sends, or None.

    `store_checks`: for a component id, a function that raises TypeError, ValueError or AttributeError
    on a value the page could not have stored there (the view store's reader)."""
    if not isinstance(body, dict):
        return f"the body must be a JSON object, not {type(body).__name__ if body is not None else 'null'}"
    output = body.get("output")
    if not isinstance(output, str) or output not in known_outputs:
        return "'output' names no callback of this page"
    outputs = body.get("outputs")
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    if isinstance(outputs, dict):
        outputs = [outputs]
    if not isinstance(outputs, list) or len(outputs) != len(parts) or not _is_dependency(outputs):
        return f"'outputs' must list the callback's {len(parts)} output(s) as {{id, property}}"
    for key in ("inputs", "state"):
        value, expected = body.get(key, []), known_outputs[output].get(key) or []
        if not isinstance(value, list) or len(value) != len(expected) or not _is_dependency(value):
            return f"'{key}' must list the callback's {len(expected)} {key} as {{id, property, value}}"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "'changedPropIds' must be a list of text"
    for item in body.get("inputs", []) + body.get("state", []):
        check = store_checks.get(item["id"]) if isinstance(item, dict) and isinstance(item["id"], str) else None
        if check and item.get("property") == "data":
            try:
                check(item.get("value"))
            except (TypeError, ValueError, AttributeError):
                return f"{item['id']!r} does not hold what the page stores there"
    return None


def refuse_malformed_callbacks(server: Flask, path: str, known_outputs: Callable[[], Mapping[str, Any]],
                               store_checks: Mapping[str, Callable[[Any], object]]) -> None:
    """A POST to the callback endpoint that the page could not have sent gets 400 and one line, before
    Dash reads it: Dash would answer 500 and log a traceback for what is the client's mistake. A real
    callback's own error still reaches the server log as before."""
    @server.before_request
    def check_callback_request():
        if request.method != "POST" or request.path != path:
            return None
        try:
            body = json.loads(request.get_data())
        except ValueError:  # not JSON, or not UTF-8
            problem = "the body is not JSON"
        else:
            problem = callback_request_problem(body, known_outputs(), store_checks)
        if problem is None:
            return None
        server.logger.info("refused a callback request: %s", problem)
        return Response(f"Bad callback request: {problem}\n", status=400, mimetype="text/plain")
