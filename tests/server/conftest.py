"""Fixtures for the HTTP service: a stand-in model endpoint on loopback, the app, and a real uvicorn server.

Drafts in these tests go through the real model path (the service's aiohttp transport, over real HTTP) to
:class:`replydraft.server.standin.StandIn`, an OpenAI-compatible server on 127.0.0.1 that can be slowed, held or
made to fail.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx2
import pytest

from replydraft.config import load_settings
from replydraft.plugins import new_plugin_host
from replydraft.server.app import create_app
from replydraft.server.settings import ServerSettings
from replydraft.server.standin import StandIn

TOKEN = "test-token-" + "x" * 24
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def standin() -> Iterator[StandIn]:
    server = StandIn(0.0)
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # The developer's own endpoint, key, tokens or config file must not leak into these tests.
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "REPLYDRAFT_CONFIG", "REPLYDRAFT_LOAD_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("REPLYDRAFT_TOKENS", raising=False)
    monkeypatch.delenv("REPLYDRAFT_TOKEN_FILE", raising=False)


@pytest.fixture
def make_app(standin: StandIn) -> Callable[..., Any]:
    """Build the app against ``standin`` (or another endpoint); keyword args go to ServerSettings."""

    def factory(*, base_url: str | None = None, extra: dict[str, Any] | None = None, **server: Any) -> Any:
        settings = load_settings(None, base_url=base_url or standin.base_url, model="standin", max_attempts=2)
        if extra:
            settings = settings.with_overrides(extra=extra)
        server.setdefault("tokens", (TOKEN,))
        return create_app(settings, ServerSettings(**server), plugins=new_plugin_host())

    return factory


@pytest.fixture
async def client(make_app: Callable[..., Any]) -> AsyncIterator[httpx2.AsyncClient]:
    """An in-process client (ASGI transport) on the default app, with the token set."""
    async with httpx2.AsyncClient(
        transport=httpx2.ASGITransport(app=make_app()), base_url="http://service", headers=AUTH
    ) as http:
        yield http


class LiveServer:
    """uvicorn serving an app on a free loopback port, in a thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=lambda: asyncio.run(self.server.serve(sockets=[self.sock])))

    def __enter__(self) -> LiveServer:
        self.thread.start()
        for _ in range(500):  # wait for startup; bounded, not a speed assertion
            if self.server.started:
                return self
            threading.Event().wait(0.01)
        raise RuntimeError("uvicorn did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@pytest.fixture
def live(make_app: Callable[..., Any]) -> Iterator[LiveServer]:
    with LiveServer(make_app()) as server:
        yield server
