"""Response headers for a dashboard that sits in other people's portals: a Content-Security-Policy
that allows no third-party origin, framing only by the configured origins, and no sniffing or
referrer leaks. Pure builders plus one function that installs them on the Flask server."""

from __future__ import annotations

from typing import Sequence

from flask import Flask


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
        "frame-ancestors": list(frame_ancestors),
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


def install_security_headers(server: Flask, headers: dict[str, str]) -> None:
    @server.after_request
    def add_headers(response):
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response
