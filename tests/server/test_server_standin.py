"""The benchmark's stand-in model endpoint keeps its latency: never shorter, its own work done inside it.

server_bench.py subtracts exactly the configured latency from every draft's end-to-end time, so a stand-in that
answered early would flatter the service and one that parsed and encoded after its sleep would burden it.
"""

from __future__ import annotations

import asyncio
import json
import time

import pytest

from replydraft.server.standin import StandIn, _sleep_until


@pytest.mark.parametrize("loop", ["asyncio", "uvloop"])
def test_sleep_until_never_wakes_before_the_deadline(loop: str) -> None:
    # uvloop's timers count from a cached millisecond clock and, asked for sleep(d), can wake before d has passed.
    woke: list[float] = []

    async def run() -> None:
        for step in range(20):
            deadline = time.perf_counter() + 0.003 + step / 2000
            await _sleep_until(deadline)
            woke.append(time.perf_counter() - deadline)

    if loop == "uvloop":
        uvloop = pytest.importorskip("uvloop")
        uvloop.run(run())
    else:
        asyncio.run(run())
    assert len(woke) == 20 and min(woke) >= 0


def test_the_answer_comes_after_the_latency_and_is_a_completion() -> None:
    standin = StandIn(0.05)
    url = standin.start()
    body = json.dumps({"model": "m", "messages": [], "response_format": {"type": "json_object"}}).encode()

    async def call() -> tuple[float, bytes]:
        reader, writer = await asyncio.open_connection(standin.host, standin.port)
        head = f"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-length: {len(body)}\r\n\r\n".encode()
        sent = time.perf_counter()
        writer.write(head + body)
        status = await reader.readuntil(b"\r\n\r\n")
        took = time.perf_counter() - sent
        writer.close()
        return took, status

    try:
        took, status = asyncio.run(call())
    finally:
        standin.stop()
    assert url.endswith("/v1") and status.startswith(b"HTTP/1.1 200")
    assert took >= 0.05 and standin.calls == 1
