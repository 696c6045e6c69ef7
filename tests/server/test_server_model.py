"""The service's lean model transport (replydraft.server.model) over real HTTP to the loopback stand-in.

It replaces the SDK's request path, so these check it keeps the SDK's contract: the same exception classes
for the same failures, Retry-After honoured, timeouts and refused connections retried then reported as one
ModelError, and the API key nowhere in what comes back.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import openai
import pytest

from replydraft import Case
from replydraft.compose import output_schema
from replydraft.errors import ModelError
from replydraft.openai_client import RetryPolicy, is_transient, retry_after
from replydraft.server.model import ServiceChatModel, _status_error
from replydraft.server.standin import StandIn
from replydraft.testing import make_case_dict

MESSAGES = [{"role": "system", "content": "Draft a reply."}, {"role": "user", "content": "My desk is late."}]
SCHEMA = output_schema(Case.from_dict(make_case_dict()))
KEY = "sk-test-" + "k" * 32


@pytest.fixture
def serve() -> Iterator[list[StandIn]]:
    started: list[StandIn] = []
    yield started
    for standin in started:
        standin.stop()


def _start(serve: list[StandIn], **kwargs: object) -> StandIn:
    standin = StandIn(**kwargs)  # type: ignore[arg-type]
    standin.start()
    serve.append(standin)
    return standin


def _model(base_url: str, attempts: int = 2, timeout: float = 10.0) -> ServiceChatModel:
    return ServiceChatModel(
        "standin",
        base_url=base_url,
        api_key=KEY,
        timeout=timeout,
        retry=RetryPolicy(max_attempts=attempts, initial_backoff=0.01, max_backoff=0.05, deadline=30),
        response_format="json_schema",
    )


async def test_a_completion_comes_back_with_text_usage_and_model(serve) -> None:
    standin = _start(serve)
    model = _model(standin.base_url)
    try:
        completion = await model.acomplete(MESSAGES, SCHEMA)
    finally:
        await model.aclose()
    assert completion.text.startswith("{") and completion.attempts == 1
    assert completion.usage["completion_tokens"] > 0 and completion.model


async def test_429_with_retry_after_is_retried(serve) -> None:
    standin = _start(serve, fail_first=1, fail_status=429, fail_headers={"retry-after": "0"})
    model = _model(standin.base_url)
    try:
        completion = await model.acomplete(MESSAGES, SCHEMA)
    finally:
        await model.aclose()
    assert standin.calls == 2 and completion.attempts == 2


@pytest.mark.parametrize("bypass", [False, True])
async def test_proxy_settings_in_the_environment_are_honoured(serve, monkeypatch, bypass: bool) -> None:
    # The stand-in plays the proxy: it answers the absolute-form request line a proxy receives.
    proxy = _start(serve)
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
    monkeypatch.setenv("NO_PROXY", "model.invalid" if bypass else "")
    monkeypatch.delenv("no_proxy", raising=False)
    model = _model("http://model.invalid/v1", attempts=1)
    try:
        if bypass:  # straight to the host, which does not resolve
            with pytest.raises(ModelError):
                await model.acomplete(MESSAGES, SCHEMA)
        else:
            completion = await model.acomplete(MESSAGES, SCHEMA)
            assert completion.attempts == 1
    finally:
        await model.aclose()
    assert proxy.calls == (0 if bypass else 1)


def test_status_errors_are_the_sdk_classes_with_headers() -> None:
    import httpx2

    request = httpx2.Request("POST", "http://x/v1/chat/completions")
    limited = _status_error(429, {"retry-after": "7"}, b'{"error": {"message": "slow down"}}', request)
    assert isinstance(limited, openai.RateLimitError) and is_transient(limited)
    assert retry_after(limited) == 7.0 and limited.body == {"error": {"message": "slow down"}}
    assert isinstance(_status_error(503, {}, b"", request), openai.InternalServerError)
    bad = _status_error(400, {}, b"not json", request)
    assert isinstance(bad, openai.BadRequestError) and not is_transient(bad) and bad.body == "not json"


async def test_final_status_error_is_one_model_error_without_the_key(serve) -> None:
    standin = _start(serve, fail_first=10**9, fail_status=401)
    model = _model(standin.base_url)
    try:
        with pytest.raises(ModelError) as caught:
            await model.acomplete(MESSAGES, SCHEMA)
    finally:
        await model.aclose()
    assert "HTTP 401" in str(caught.value) and KEY not in str(caught.value)
    assert standin.calls == 1  # 401 is final: not retried


async def test_timeout_is_retried_then_reported(serve) -> None:
    standin = _start(serve, latency=2.0)
    model = _model(standin.base_url, attempts=2, timeout=0.2)
    try:
        with pytest.raises(ModelError, match="request timed out") as caught:
            await model.acomplete(MESSAGES, SCHEMA)
    finally:
        await model.aclose()
    assert caught.value.attempts == 2


async def test_refused_connection_is_reported() -> None:
    with socket.socket() as sock:  # a port nobody listens on: bound, never listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        model = _model(f"http://127.0.0.1:{port}/v1", attempts=2)
        try:
            with pytest.raises(ModelError, match="connection failed") as caught:
                await model.acomplete(MESSAGES, SCHEMA)
        finally:
            await model.aclose()
    assert caught.value.attempts == 2 and KEY not in str(caught.value)
