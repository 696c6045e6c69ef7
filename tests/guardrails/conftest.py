"""Fixtures for the guardrail tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch off the learned second opinion, so a test sees what the rules alone find."""
    monkeypatch.setenv("REPLYDRAFT_LEARNED", "0")
