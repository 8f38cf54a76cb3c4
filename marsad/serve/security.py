"""Security middleware: headers (a CSP that forbids inline script), request size limits, CORS.

Article text is untrusted input from the web. The page never puts it into HTML as markup
(the front end uses textContent only); this module adds the second line of defence:
a Content-Security-Policy with no 'unsafe-inline' for scripts, no framing, no sniffing,
and a hard cap on request bodies so a client cannot exhaust memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 256 * 1024  # reviews and filters are small; nothing legitimate is bigger


def content_security_policy(tile_url: str | None = None) -> str:
    """Same-origin everything; a configured tile server is the only other origin allowed."""
    img = "'self' data: blob:"
    if tile_url:
        origin = _origin(tile_url)
        if origin:
            img += f" {origin}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",  # no 'unsafe-inline', no 'unsafe-eval': inline script never runs
            "style-src 'self'",
            f"img-src {img}",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def _origin(url: str) -> str | None:
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"))
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return None
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}"


class SecurityHeaders:
    """Adds the CSP and the usual hardening headers to every response."""

    def __init__(self, app: ASGIApp, *, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodySizeLimit:
    """Rejects request bodies over `max_bytes` with 413, whether or not Content-Length is sent."""

    def __init__(self, app: ASGIApp, *, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    too_big = True
                if too_big:
                    await _reject(send, self.max_bytes)
                    return
        seen = 0
        rejected = False

        async def guarded_send(message: Message) -> None:
            if not rejected:  # once the 413 went out, the app's own reply is dropped
                await send(message)

        async def limited_receive() -> Message:
            nonlocal seen, rejected
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    # answer now: frameworks turn errors raised while reading into 400s
                    await _reject(send, self.max_bytes)
                    rejected = True
                    return {"type": "http.disconnect"}
            return message

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not rejected:
                raise


async def _reject(send: Send, limit: int) -> None:
    body = (
        '{"detail":"request body too large: the limit is ' + str(limit) + ' bytes; send less"}'
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def cors_kwargs(origins: Sequence[str]) -> dict[str, Any] | None:
    """CORS is closed unless origins are configured; then GETs and token-bearing writes."""
    if not origins:
        return None
    return {
        "allow_origins": list(origins),
        "allow_methods": ["GET", "POST", "DELETE"],
        "allow_headers": ["authorization", "content-type"],
        "allow_credentials": False,
        "max_age": 600,
    }


__all__ = ["MAX_BODY_BYTES", "BodySizeLimit", "CORSMiddleware", "SecurityHeaders", "content_security_policy", "cors_kwargs"]
