"""A small OpenAI-compatible Chat Completions server for eval tests, on loopback, deterministic.

It answers with JSON that matches the schema sent in ``response_format`` (either the ``json_schema`` or the
llama.cpp ``json_object`` + ``schema`` form): enums take their first value, strings a canned phrase. A rubric
request (a schema with ``verdict``) gets ``pass``. A customer message containing ``misused`` makes the
acknowledgement blame the customer, so tests can see a guardrail finding highlighted.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_TEXT = {
    "acknowledgement": "I know how frustrating this is for you",
    "ownership": "We got this wrong, and that's on us. I'm sorry",
    "mistake": "sent you the wrong item",
    "next_step": "email you the tracking number",
    "reason": "The reply owns the mistake and says what happens next",
}


def _answer(schema: dict[str, Any], last_user: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, prop in (schema.get("properties") or {}).items():
        if "enum" in prop:
            out[name] = prop["enum"][0]
        elif prop.get("type") == "string":
            out[name] = _TEXT.get(name, f"{name.replace('_', ' ')}")
            if name == "acknowledgement" and "misused" in last_user:
                out[name] = "You must have misused the kettle, but I know this is frustrating"
    if "verdict" in out:
        out["verdict"] = "pass"
    return out


class _Handler(BaseHTTPRequestHandler):
    server: StandInServer

    def log_message(self, *args: Any) -> None:  # keep test output clean
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        self.server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
        fmt = body.get("response_format") or {}
        schema = fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema") or {}
        users = [m["content"] for m in body.get("messages", []) if m.get("role") == "user"]
        answer = _answer(schema, users[-1] if users else "")
        payload = {
            "id": "chatcmpl-standin",
            "object": "chat.completion",
            "created": 1700000000,
            "model": body.get("model", "stand-in"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": json.dumps(answer)},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
        }
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class StandInServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[dict[str, Any]] = []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def __enter__(self) -> StandInServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
