"""Pure-ASGI middleware, outermost first: access log + request id + last-resort 500, bearer auth, body limit.

Plain ASGI rather than Starlette's BaseHTTPMiddleware: cheaper per request, and the body limit can count bytes
as they arrive instead of trusting ``Content-Length``.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import time
import traceback
import uuid
from pathlib import Path
from typing import Any

from .limits import request_timing

__all__ = ["AccessLog", "BearerAuth", "BodyLimit", "error_body"]

access_log = logging.getLogger("replydraft.server.access")
error_log = logging.getLogger("replydraft.server")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
OPEN_PATHS = frozenset({"/healthz"})


def error_body(code: str, message: str, details: list[str] | None = None) -> bytes:
    """The one error shape every response uses: ``{"error": {"code", "message", "details"}}``."""
    return json.dumps({"error": {"code": code, "message": message, "details": details or []}}).encode()


async def send_error(
    send: Any, status: int, code: str, message: str, details: list[str] | None = None, headers: Any = ()
) -> None:
    body = error_body(code, message, details)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _where(exc: BaseException) -> str:
    # File and line only: an exception's message can quote request data, and logs must not hold customer text.
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"


class AccessLog:
    """One log line per request (id, method, path, status, latency; never bodies or query strings).

    Also: the ``X-Request-ID`` header (the caller's if it is a safe token, else a fresh one), a
    ``Server-Timing`` header splitting the time into model calls and the rest, and a JSON 500 for anything
    that escaped the app, logged without its message or stack trace.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        timing: dict[str, float] = {"model": 0.0}
        request_timing.set(timing)
        status = 0

        async def send_wrapper(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                total = (time.perf_counter() - started) * 1000
                model = timing["model"] * 1000
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode()),
                    (b"server-timing", f"model;dur={model:.1f}, app;dur={total - model:.1f}".encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception as exc:
            error_log.error("request_id=%s internal error %s at %s", request_id, type(exc).__name__, _where(exc))
            if status == 0:
                await send_error(
                    send_wrapper, 500, "internal_error", f"unexpected server error (request id {request_id})"
                )
        finally:
            access_log.info(
                "request_id=%s method=%s path=%s status=%s latency_ms=%.1f model_ms=%.1f",
                request_id,
                scope["method"],
                scope["path"],
                status,
                (time.perf_counter() - started) * 1000,
                timing["model"] * 1000,
            )


class BearerAuth:
    """``Authorization: Bearer <token>`` on every path but ``/healthz``, compared in constant time."""

    def __init__(self, app: Any, tokens: tuple[str, ...]) -> None:
        self.app = app
        self.tokens = [t.encode() for t in tokens]

    def allowed(self, header: bytes) -> bool:
        scheme, _, given = header.partition(b" ")
        if scheme.lower() != b"bearer" or not given:
            return False
        # Compare against every token, without stopping at a match, so timing says nothing about which.
        matched = False
        for token in self.tokens:
            matched |= hmac.compare_digest(given.strip(), token)
        return matched

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        header = dict(scope["headers"]).get(b"authorization", b"")
        if not self.allowed(header):
            await send_error(
                send,
                401,
                "unauthorized",
                "a valid bearer token is required (Authorization: Bearer <token>)",
                headers=[(b"www-authenticate", b'Bearer realm="replydraft"')],
            )
            return
        await self.app(scope, receive, send)


class BodyLimit:
    """413 for a body over ``limit`` bytes: refused when ``Content-Length`` says so, and also counted while
    reading (chunked uploads, or a lying header), so no more than ``limit`` bytes are ever held in memory.

    Before answering, the rest of a moderately oversized body is read and thrown away (up to ``drain``
    bytes): a client still sending when the connection closes sees a reset, not the 413.
    """

    def __init__(self, app: Any, limit: int, drain: int = 8 * 1024 * 1024) -> None:
        self.app = app
        self.limit = limit
        self.drain = drain

    async def _too_large(self, receive: Any, send: Any, received: int, more: bool) -> None:
        while more and received <= self.drain:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            received += len(message.get("body", b""))
            more = message.get("more_body", False)
        await send_error(
            send,
            413,
            "payload_too_large",
            f"the request body is larger than {self.limit} bytes",
            headers=[(b"connection", b"close")] if more else [],
        )

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            # Declared too large: do not even drain what would exceed the drain budget.
            more = not length.isdigit() or int(length) <= self.drain
            await self._too_large(receive, send, 0, more)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._too_large(receive, send, size, message.get("more_body", False))
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
