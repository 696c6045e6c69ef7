"""Fixtures for the engine and CLI tests; the helpers they share live in ``engine_support.py``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from engine_support import CASSETTES, RECORDING

from replydraft.recording import make_vcr


@pytest.fixture
def cassette(request: pytest.FixtureRequest) -> Iterator[object]:
    """Replay (or with REPLYDRAFT_RECORD=1, record) ``tests/cassettes/engine/<test name>.yaml``."""
    name = request.node.name.replace("[", "-").replace("]", "").replace("/", "_")
    recorder = make_vcr(CASSETTES / "engine", record=RECORDING)
    with recorder.use_cassette(f"{name}.yaml") as cassette:
        yield cassette
