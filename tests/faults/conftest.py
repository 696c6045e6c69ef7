"""Fixtures for the fault tests: a scripted loopback stand-in server and engines pointed at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from standin import StandIn

from replydraft import Engine, Settings
from replydraft.openai_client import OpenAIChatModel, RetryPolicy
from replydraft.plugins import new_plugin_host

FAKE_KEY = "sk-test-faults-0123456789abcdef"


@pytest.fixture
def standin() -> Iterator[StandIn]:
    with StandIn() as server:
        yield server


def stand_in_model(
    base_url: str,
    *,
    max_attempts: int = 3,
    deadline: float = 30.0,
    timeout: float = 10.0,
    max_tokens: int = 400,
) -> OpenAIChatModel:
    # Backoff shortened so the suite stays quick; the policy's shape (attempts, deadline) is what is under test.
    retry = RetryPolicy(max_attempts=max_attempts, deadline=deadline, initial_backoff=0.01, max_backoff=0.05)
    return OpenAIChatModel(
        "stand-in", base_url=base_url, api_key=FAKE_KEY, timeout=timeout, retry=retry, max_tokens=max_tokens
    )


@pytest.fixture
def make_engine(standin: StandIn) -> Callable[..., Engine]:
    """An engine on the stand-in: no entry-point plugins (guardrails are the test's own), redaction off."""

    def factory(
        *, max_repairs: int = 1, plugins: tuple[Any, ...] = (), base_url: str | None = None, **model: Any
    ) -> Engine:
        host = new_plugin_host(load_entry_points=False, plugins=plugins)
        return Engine(
            Settings(max_repairs=max_repairs, redaction=False),
            model=stand_in_model(base_url or standin.base_url, **model),
            plugins=host,
        )

    return factory
