"""Fixtures for the eval runner tests: a loopback stand-in endpoint, small suites in a temp dir, no network."""

from __future__ import annotations

import json
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent))

from evals_helpers import DEAD_ENDPOINT, SMALL_CASES
from evals_standin import StandInServer


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Runs must not pick up a developer's endpoint, key or config file.
    for name in (
        "OPENAI_BASE_URL",
        "OPENAI_API_KEY",
        "REPLYDRAFT_CONFIG",
        "REPLYDRAFT_MODEL",
        "REPLYDRAFT_LOAD_PLUGINS",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Any outgoing connection fails the test: replay must not touch the network, loopback included."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            raise OSError(f"network disabled in this test (tried {address})")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return attempts


@pytest.fixture
def standin() -> Iterator[StandInServer]:
    with StandInServer() as server:
        yield server


@pytest.fixture
def make_suite(tmp_path: Path) -> Callable[..., Path]:
    """Write a small suite (two cases by default) into a temp dir and return its path."""

    def factory(endpoint: str = DEAD_ENDPOINT, cases: list[dict[str, Any]] | None = None, **top: Any) -> Path:
        suite = {
            "name": "small",
            "threshold": 0.5,
            "defaults": {
                "endpoint": endpoint,
                "model": "stand-in-model",
                "response_format": "json_object",
                "max_repairs": 0,
                "guardrails": {"enable": ["blame", "rash-promise", "next-steps"]},
                "case": {"agent": {"name": "Sam"}, "company": {"name": "Northwind"}},
                "assert": [{"addresses-customer": True}],
            },
            "cases": cases if cases is not None else json.loads(json.dumps(SMALL_CASES)),
            **top,
        }
        path = tmp_path / "small.yaml"
        path.write_text(yaml.safe_dump(suite, sort_keys=False), "utf-8")
        return path

    return factory
