"""Fixtures for the fault tests: a scripted loopback stand-in server and engines pointed at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from standin import StandIn, stand_in_model

from replydraft import Engine, Settings
from replydraft.plugins import new_plugin_host


@pytest.fixture
def standin() -> Iterator[StandIn]:
    with StandIn() as server:
        yield server


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
