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

from evals_standin import StandInServer

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_SUITE = ROOT / "evals" / "recovery.yaml"
#: Where small test suites say their model lives; in replay nothing listens there and nothing needs to.
DEAD_ENDPOINT = "http://127.0.0.1:9/v1"


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


SMALL_CASES: list[dict[str, Any]] = [
    {
        "id": "kettle",
        "case": {
            "customer": {"name": "Ana Lopez", "email": "ana.lopez@example.com", "phone": "+34 612 345 678"},
            "message": "I got a blue kettle, not red. Write to ana.lopez@example.com or +34 612 345 678.",
            "issue": "Order #5510 was picked from the wrong shelf.",
            "remedies": [{"id": "swap", "description": "A free exchange with a prepaid return label"}],
        },
        "assert": [
            {"remedy-offered": "swap"},
            {"icontains": "exchange"},
            {"rubric": "The reply owns the mistake."},
        ],
    },
    {
        "id": "misused",
        "description": "The stand-in blames the customer here, so the blame guardrail fires.",
        "case": {
            "customer": {"name": "Tom Becker"},
            "message": "The kettle broke. I have not misused it.",
            "issue": "A batch of kettles had a faulty switch.",
            "remedies": [],
        },
        "assert": [{"guardrail": "blame", "expect": "fail"}, {"max-words": 5}],
    },
]


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


def run_cli(args: list[str]) -> tuple[int, str, str]:
    """Run ``replydraft ARGS`` in-process; return (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from replydraft.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, args, catch_exceptions=True)
    code = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        from replydraft.errors import ReplydraftError

        if not isinstance(result.exception, ReplydraftError):
            raise result.exception
        code = result.exception.exit_code
        return code, result.stdout, result.stderr + str(result.exception)
    return code, result.stdout, result.stderr


def stable(report: dict[str, Any]) -> dict[str, Any]:
    """A JSON report without its ``run`` key (timings and mode): what must be identical between runs."""
    return {k: v for k, v in report.items() if k != "run"}
