"""Recorded model calls (vcrpy cassettes), shared by the test suite and the eval runner.

Replay is the default and strict (``record_mode="none"``): a request that is not in the cassette fails instead of
reaching the network. Requests match on method, path and JSON body (parsed, so key order and spacing do not
matter). Credentials never reach a cassette: auth headers are dropped and any header or body text that looks like
a key is scrubbed, and a caller-supplied scrubber can remove customer data before anything is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["FILTERED_HEADERS", "make_vcr", "scrub_text"]

FILTERED_HEADERS = (
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
)
_KEY_LIKE = re.compile(r"\b(?:sk|rk|pk)-[A-Za-z0-9_\-]{8,}|\bBearer\s+[A-Za-z0-9._\-]{8,}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?<![\w#])\+?\d[\d ()\-.]{7,}\d(?!\w)")


def scrub_text(text: str) -> str:
    """Remove API keys, e-mail addresses and phone numbers from text bound for a cassette."""
    text = _KEY_LIKE.sub("[redacted-key]", text)
    text = _EMAIL.sub("[email]", text)
    return _PHONE.sub("[phone]", text)


def _scrub_json(value: Any, scrubber: Callable[[str], str]) -> Any:
    """Apply ``scrubber`` to every string inside parsed JSON. Scrubbing the serialised text instead would turn
    numbers into markers (a 10-digit ``created`` timestamp looks like a phone number) and break the JSON."""
    if isinstance(value, str):
        return scrubber(value)
    if isinstance(value, list):
        return [_scrub_json(v, scrubber) for v in value]
    if isinstance(value, dict):
        return {k: _scrub_json(v, scrubber) for k, v in value.items()}
    return value


def _scrub_body(text: str, scrubber: Callable[[str], str]) -> str:
    """Scrub a body: string by string when it is JSON (so it stays valid JSON), else as plain text."""
    try:
        data = json.loads(text)
    except ValueError:
        return scrubber(text)
    return json.dumps(_scrub_json(data, scrubber), ensure_ascii=False, separators=(",", ":"))


def _body_json(request: Any) -> Any:
    body = request.body
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    try:
        return json.loads(body) if body else None
    except ValueError:
        return body


def _scrub_request(scrubber: Callable[[str], str]) -> Callable[[Any], Any]:
    def before_record_request(request: Any) -> Any:
        body = request.body
        if body:
            text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
            request.body = _scrub_body(text, scrubber).encode("utf-8")
        return request

    return before_record_request


def _scrub_response(scrubber: Callable[[str], str]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def before_record_response(response: dict[str, Any]) -> dict[str, Any]:
        for name in list(response.get("headers", {})):
            if name.lower() in FILTERED_HEADERS:
                del response["headers"][name]
        body = response.get("body", {}).get("string")
        if body:
            text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
            response["body"]["string"] = _scrub_body(text, scrubber).encode("utf-8")
        return response

    return before_record_response


def make_vcr(
    cassette_dir: str | Path,
    *,
    record: bool = False,
    scrubber: Callable[[str], str] = scrub_text,
) -> Any:
    """A configured ``vcr.VCR``: strict replay by default, ``record=True`` to (re)write cassettes.

    A scrubbed request body no longer matches the live one, so the same scrubber is applied to live requests
    before matching: replays stay exact while the cassette never holds the raw text.
    """
    import vcr

    def scrubbed_body_matcher(r1: Any, r2: Any) -> None:
        a, b = _body_json(r1), _body_json(r2)
        a = _scrub_json(a, scrubber) if a is not None else None
        b = _scrub_json(b, scrubber) if b is not None else None
        if a != b:
            raise AssertionError("request bodies differ")

    recorder = vcr.VCR(
        cassette_library_dir=str(cassette_dir),
        serializer="yaml",
        record_mode="all" if record else "none",
        match_on=["method", "path", "json_body"],
        filter_headers=list(FILTERED_HEADERS),
        decode_compressed_response=True,
        before_record_request=_scrub_request(scrubber),
        before_record_response=_scrub_response(scrubber),
    )
    recorder.register_matcher("json_body", scrubbed_body_matcher)
    return recorder
