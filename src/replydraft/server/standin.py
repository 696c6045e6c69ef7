"""A stand-in OpenAI-compatible Chat Completions endpoint, for the server's tests and benchmark (loopback only).

It answers ``POST .../chat/completions`` after a fixed latency with a valid structured answer for the schema
in the request's ``response_format`` (see :func:`replydraft.compose.output_schema`), so the whole real client
path runs: the service's HTTP transport, retries and the engine. It can also fail the first N calls with
an HTTP status, or hold every call until released, to make faults and a full queue happen on purpose.

It is a deliberately small HTTP/1.1 server on bare asyncio (keep-alive, Content-Length bodies): under a load
test it must cost far less CPU than the service being measured.

Run it on its own: ``python -m replydraft.server.standin --port 8100 --latency 0.3``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import threading
import time
from typing import Any

__all__ = ["StandIn", "answer_for"]

# Plausible wording for the free-text parts the current prompt asks for; any other string part gets a generic
# phrase. The answer is built from the request's schema, so it keeps up when the output schema changes.
ANSWER_TEXT = {
    "acknowledgement": "I understand how frustrating this wait has been for you",
    "ownership": "We let you down here and I am sorry",
    "mistake": "missed the date we promised you",
    "next_step": "check on your order personally and send you an update",
}


def answer_for(request: dict[str, Any]) -> dict[str, Any]:
    """A valid answer for the output schema in ``request``: the first remedy, the first of each choice."""
    schema = request.get("response_format", {}).get("json_schema", {}).get("schema", {})
    answer: dict[str, Any] = {}
    for name, prop in schema.get("properties", {}).items():
        options = [o for o in prop.get("enum") or [] if o != "none"] or prop.get("enum")
        if options:
            answer[name] = options[0]
        elif prop.get("type") == "string":
            answer[name] = ANSWER_TEXT.get(name, "sort this out for you")[: prop.get("maxLength", 200)]
    return answer


def _completion(request: dict[str, Any], calls: int) -> bytes:
    content = json.dumps(answer_for(request))
    body = {
        "id": f"chatcmpl-standin-{calls}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model") or "standin",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 40, "total_tokens": 140},
    }
    return json.dumps(body).encode()


class StandIn:
    """The stand-in server. ``start()`` runs it on a thread and returns its base URL (``.../v1``)."""

    def __init__(
        self,
        latency: float = 0.0,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        fail_first: int = 0,
        fail_status: int = 500,
        fail_headers: dict[str, str] | None = None,
    ) -> None:
        self.latency = latency
        self.fail_headers = fail_headers or {}
        self.host = host
        self.port = port
        self.fail_first = fail_first
        self.fail_status = fail_status
        self.calls = 0
        self._held = threading.Event()
        self._held.set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self.waiting = 0

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    # -- control (thread-safe) ------------------------------------------------------------------------------
    def hold(self) -> None:
        """Make every call wait until :meth:`release` (to fill the service's queue on purpose)."""
        self._held.clear()

    def release(self) -> None:
        self._held.set()

    # -- serving --------------------------------------------------------------------------------------------
    async def serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._server = await asyncio.start_server(self._connection, self.host, self.port, backlog=1024)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line, *header_lines = head.decode("latin-1").split("\r\n")
                headers = {}
                for line in header_lines:
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length") or 0))
                status, payload = await self._answer(request_line, body)
                extra = "".join(f"{k}: {v}\r\n" for k, v in self.fail_headers.items()) if status != 200 else ""
                writer.write(
                    f"HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {len(payload)}\r\n"
                    f"{extra}\r\n".encode()
                    + payload
                )
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError, asyncio.CancelledError):
            pass  # the client went away, or the stand-in is shutting down
        finally:
            with contextlib.suppress(RuntimeError):  # the loop may already be shutting down
                writer.close()

    async def _answer(self, request_line: str, body: bytes) -> tuple[int, bytes]:
        arrived = time.perf_counter()
        method, _, rest = request_line.partition(" ")
        path = rest.partition(" ")[0]
        if method != "POST" or not path.endswith("/chat/completions"):
            return 404, b'{"error": {"message": "not found"}}'
        self.calls += 1
        calls = self.calls
        if not self._held.is_set():
            self.waiting += 1
            await asyncio.to_thread(self._held.wait)
            self.waiting -= 1
            arrived = time.perf_counter()  # held calls take their latency from the release
        # The answer is worked out while the latency runs, as a model would: the stand-in's own work must not
        # add to the time the service is measured with.
        if calls <= self.fail_first:
            answer = self.fail_status, b'{"error": {"message": "stand-in fault"}}'
        else:
            try:
                answer = 200, _completion(json.loads(body), calls)
            except ValueError:
                answer = 400, b'{"error": {"message": "bad json"}}'
        if self.latency:
            await _sleep_until(arrived + self.latency)
        return answer

    def start(self) -> str:
        """Serve on a daemon thread; return the base URL once it listens."""
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            loop.run_until_complete(self.serve())
            ready.set()
            loop.run_forever()
            # Stopped: let open connections finish their clean-up before the loop goes away.
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()

            async def drain() -> None:
                # gather() must be created inside the running loop: this thread has no current loop outside it.
                await asyncio.gather(*pending, return_exceptions=True)

            loop.run_until_complete(drain())
            loop.close()

        self._thread = threading.Thread(target=run, name="standin", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self.base_url

    def stop(self) -> None:
        self.release()
        if self._loop and self._server:
            self._loop.call_soon_threadsafe(self._server.close)
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread:
            self._thread.join(10)


async def _sleep_until(deadline: float) -> None:
    """Sleep until ``deadline`` (``time.perf_counter()``), never less: uvloop's timers count from the loop's cached
    millisecond clock, so a bare ``sleep(latency)`` ends up to ~0.5 ms early or late, and the benchmark subtracts
    exactly the configured latency."""
    while (left := deadline - time.perf_counter()) > 0:
        await asyncio.sleep(left)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--latency", type=float, default=0.3, help="seconds before each answer")
    args = parser.parse_args()
    standin = StandIn(args.latency, host=args.host, port=args.port)

    async def run() -> None:
        await standin.serve()
        print(f"stand-in listening on {standin.base_url}", flush=True)
        await asyncio.Event().wait()

    with contextlib.suppress(KeyboardInterrupt):
        _run(run())


def _run(main: Any) -> None:
    """``asyncio.run`` on uvloop where it is installed, as the service runs under load: a stand-in sharing the
    machine with the server it stands in for should take as little of the CPU as it can."""
    try:
        import uvloop
    except ImportError:  # Windows, where uvloop does not exist
        asyncio.run(main)
    else:
        uvloop.run(main)


if __name__ == "__main__":
    main()
