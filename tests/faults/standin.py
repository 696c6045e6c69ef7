"""A stand-in OpenAI-compatible Chat Completions server on loopback, scripted per test.

Real sockets and real HTTP, so the faults are the ones the ``openai`` SDK meets in production: a closed port, a
server that stalls past the read timeout, a body cut off mid-way, a 429 with ``Retry-After``. Each request takes
the next action from the script; :meth:`StandIn.always` sets the action used once the script runs out.

Also used by ``benchmarks/run.py`` (the raw-client vs engine overhead comparison).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from replydraft.openai_client import OpenAIChatModel, RetryPolicy

Action = Callable[["_Handler", dict[str, Any]], None]


def valid_answer(schema: dict[str, Any], text: str = "I will email you the new tracking number") -> dict[str, Any]:
    """A JSON answer matching the output schema the engine sent: first enum value, else ``text`` (trimmed)."""
    answer: dict[str, Any] = {}
    for name in schema.get("required", []):
        spec = schema["properties"][name]
        if "enum" in spec:
            answer[name] = spec["enum"][0]
        else:
            answer[name] = text[: spec.get("maxLength", len(text))]
    return answer


def completion_body(content: str, finish_reason: str = "stop", model: str = "stand-in") -> dict[str, Any]:
    return {
        "id": "chatcmpl-standin",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
    }


# -- actions ---------------------------------------------------------------------------------------------------
def answer(text: str = "I will email you the new tracking number", **overrides: Any) -> Action:
    """200 with a valid structured answer built from the schema in the request (fields overridable)."""

    def act(h: _Handler, body: dict[str, Any]) -> None:
        schema = body["response_format"]["json_schema"]["schema"]
        h.send_json(200, completion_body(json.dumps({**valid_answer(schema, text), **overrides})))

    return act


def content(text: str, finish_reason: str = "stop") -> Action:
    """200 with exactly this message content (empty, invalid JSON, truncated JSON...)."""
    return lambda h, body: h.send_json(200, completion_body(text, finish_reason))


def raw(
    status: int, body: bytes, content_type: str = "application/json", headers: dict[str, str] | None = None
) -> Action:
    return lambda h, _: h.send_bytes(status, body, content_type, headers or {})


def status(code: int, message: str = "stand-in failure", headers: dict[str, str] | None = None) -> Action:
    """An error status with an OpenAI-style error body."""
    body = json.dumps({"error": {"message": message, "type": "server_error", "code": code}}).encode()
    return raw(code, body, headers=headers)


def stall(seconds: float = 30.0) -> Action:
    """Accept the request and say nothing (until ``seconds`` pass or the server stops): a read timeout."""

    def act(h: _Handler, _: dict[str, Any]) -> None:
        h.server.stopping.wait(seconds)  # type: ignore[attr-defined]
        h.close_connection = True

    return act


def cut(after: int = 40) -> Action:
    """Announce a full body, send only its first ``after`` bytes, then close the connection."""

    def act(h: _Handler, body: dict[str, Any]) -> None:
        data = json.dumps(completion_body('{"acknowledgement": "I am so sorry about the wait"}')).encode()
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data[:after])
        h.wfile.flush()
        h.close_connection = True
        h.connection.shutdown(socket.SHUT_RDWR)

    return act


@dataclass
class Seen:
    """One request the stand-in received."""

    at: float
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, str]]:
        return self.body.get("messages", [])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read .requests instead
        pass

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without TCP_NODELAY the second waits for the client's delayed ACK
        # (~40 ms), which would swamp any timing taken against this server.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw_body = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw_body or b"{}")
        except ValueError:
            body = {}
        headers = {k.lower(): v for k, v in self.headers.items()}
        action = self.server.owner.next_action(Seen(time.monotonic(), self.path, headers, body))
        try:
            action(self, body)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True  # the client gave up (timeout): nothing to do

    def send_json(self, code: int, payload: dict[str, Any]) -> None:
        self.send_bytes(code, json.dumps(payload).encode(), "application/json", {})

    def send_bytes(self, code: int, data: bytes, content_type: str, headers: dict[str, str]) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, owner: StandIn) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.owner = owner
        self.stopping = threading.Event()


@dataclass
class StandIn:
    """The scripted server. Use as a context manager, or through the ``standin`` fixture."""

    script: list[Action] = field(default_factory=list)
    default: Action | None = None
    requests: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server: _Server | None = None

    def push(self, *actions: Action) -> StandIn:
        with self._lock:
            self.script.extend(actions)
        return self

    def always(self, action: Action) -> StandIn:
        self.default = action
        return self

    def next_action(self, seen: Seen) -> Action:
        with self._lock:
            self.requests.append(seen)
            if self.script:
                return self.script.pop(0)
        # An unscripted request is a test bug: say so loudly rather than invent an answer.
        return self.default or status(500, "stand-in script exhausted")

    @property
    def base_url(self) -> str:
        assert self._server is not None, "server not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def start(self) -> StandIn:
        self._server = _Server(self)
        threading.Thread(target=self._server.serve_forever, name="standin", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stopping.set()
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released): connecting to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


FAKE_KEY = "sk-test-faults-0123456789abcdef"


def stand_in_model(
    base_url: str,
    *,
    max_attempts: int = 3,
    deadline: float = 30.0,
    timeout: float = 10.0,
    max_tokens: int = 400,
) -> OpenAIChatModel:
    """The Chat Completions client on the stand-in, with a fake key and backoff shortened so tests stay quick."""
    retry = RetryPolicy(max_attempts=max_attempts, deadline=deadline, initial_backoff=0.01, max_backoff=0.05)
    return OpenAIChatModel(
        "stand-in", base_url=base_url, api_key=FAKE_KEY, timeout=timeout, retry=retry, max_tokens=max_tokens
    )
