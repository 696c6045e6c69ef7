"""Body limit over real HTTP (uvicorn on loopback), and the bounded queue in front of the model."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx2
import pytest

from replydraft.server.standin import StandIn

from .conftest import AUTH, LiveServer

CASE = json.loads((Path(__file__).parents[2] / "examples" / "late-delivery.json").read_text())
ONE_MB = b"x" * (1024 * 1024)


def test_one_megabyte_body_is_413_over_real_http(live: LiveServer) -> None:
    with httpx2.Client(base_url=live.url, headers=AUTH) as http:
        response = http.post("/v1/drafts", content=ONE_MB)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_chunked_body_is_counted_while_reading(live: LiveServer) -> None:
    # No Content-Length at all: the limit must hold while the body streams in.
    def chunks():
        for _ in range(16):
            yield ONE_MB[: 64 * 1024]

    with httpx2.Client(base_url=live.url, headers=AUTH) as http:
        response = http.post("/v1/drafts", content=chunks())
    assert response.status_code == 413


def test_body_at_the_limit_is_read(make_app) -> None:
    with LiveServer(make_app(max_body_bytes=4096)) as live, httpx2.Client(base_url=live.url, headers=AUTH) as http:
        body = json.dumps(CASE).encode()
        assert http.post("/v1/drafts", content=body).status_code == 200
        padded = json.dumps({**CASE, "metadata": {"pad": "x" * 4096}}).encode()
        assert http.post("/v1/drafts", content=padded).status_code == 413


def test_unauthenticated_large_body_is_refused_before_reading(live: LiveServer) -> None:
    with httpx2.Client(base_url=live.url) as http:
        assert http.post("/v1/drafts", content=ONE_MB).status_code == 401


async def _wait_for(condition, what: str) -> None:
    for _ in range(1000):  # bounded wait for a state, not a timing assertion
        if condition():
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"never reached: {what}")


@pytest.fixture
def held() -> StandIn:
    server = StandIn()
    server.start()
    server.hold()
    yield server
    server.stop()


async def test_full_queue_is_429_with_retry_after(make_app, held: StandIn) -> None:
    app = make_app(base_url=held.base_url, max_concurrent=1, max_queue=1)
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url="http://s", headers=AUTH) as http:
        first = asyncio.create_task(http.post("/v1/drafts", json=CASE))
        await _wait_for(lambda: held.waiting == 1, "first draft at the model")
        second = asyncio.create_task(http.post("/v1/drafts", json=CASE))  # waits in the queue
        await _wait_for(lambda: app.state.service.gate.in_flight == 2, "second draft queued")
        third = await http.post("/v1/drafts", json=CASE)
        assert third.status_code == 429
        assert third.json()["error"]["code"] == "queue_full"
        assert int(third.headers["retry-after"]) >= 1
        assert held.calls == 1  # the queued draft has not reached the model: one slot only
        held.release()
        assert (await first).status_code == 200
        assert (await second).status_code == 200
    assert app.state.service.gate.in_flight == 0


async def test_queue_of_zero_refuses_as_soon_as_slots_are_busy(make_app, held: StandIn) -> None:
    app = make_app(base_url=held.base_url, max_concurrent=2, max_queue=0)
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url="http://s", headers=AUTH) as http:
        busy = [asyncio.create_task(http.post("/v1/drafts", json=CASE)) for _ in range(2)]
        await _wait_for(lambda: held.waiting == 2, "two drafts at the model")
        assert (await http.post("/v1/drafts", json=CASE)).status_code == 429
        # Checks never wait for the model, so they are not queued behind drafts.
        assert (await http.post("/v1/checks", json={"case": CASE, "reply": "Hi Dana."})).status_code == 200
        held.release()
        assert [(await task).status_code for task in busy] == [200, 200]
