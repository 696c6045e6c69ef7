"""pytest fixtures for guardrail authors, loaded automatically through the ``pytest11`` entry point.

::

    def test_my_guardrail(make_case, run_guardrail):
        findings = run_guardrail(MyGuardrail(), "It's your fault.", make_case(remedies=[]))
        assert [f.guardrail for f in findings] == ["my-guardrail"]
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from .case import Case
from .findings import Finding
from .guardrails import GuardrailSettings, run_guardrails

SAMPLE_CASE: dict[str, Any] = {
    "customer": {"name": "Dana Whitfield", "language": "en"},
    "message": "I was told my desk would arrive Monday. It's Wednesday and it hasn't even shipped.",
    "issue": "Order #4821 missed the warehouse pickup on Monday; not shipped yet.",
    "remedies": [{"id": "overnight", "description": "Free upgrade to overnight shipping", "eta": "arrives Friday"}],
    "channel": "email",
    "agent": {"name": "Sam"},
    "company": {"name": "Northwind Furniture"},
}


def make_case_dict(**overrides: Any) -> dict[str, Any]:
    """A valid case document (the sample late-delivery case) with top-level fields replaced by ``overrides``."""
    data = copy.deepcopy(SAMPLE_CASE)
    data.update(overrides)
    return data


@pytest.fixture
def make_case() -> Callable[..., Case]:
    """Build a validated :class:`~replydraft.Case`: the sample case with any top-level field overridden."""

    def factory(**overrides: Any) -> Case:
        return Case.from_dict(make_case_dict(**overrides))

    return factory


@pytest.fixture
def run_guardrail() -> Callable[..., list[Finding]]:
    """Run one guardrail (or several) the way the engine does: isolated, with findings validated."""

    def runner(guardrail: Any, reply: str, case: Case | None = None, timeout: float = 2.0) -> list[Finding]:
        guardrails: Iterable[Any] = guardrail if isinstance(guardrail, (list, tuple)) else [guardrail]
        return run_guardrails(
            guardrails, reply, case or Case.from_dict(make_case_dict()), GuardrailSettings(timeout=timeout)
        )

    return runner
