"""Recorded eval suites: run cases through the engine, check assertions, replay model calls from cassettes.

``replydraft eval SUITE.yaml`` is the command line; :func:`load_suite` and :func:`run` the Python API::

    from replydraft.evals import load_suite, run
    result = run(load_suite("evals/recovery.yaml"))
    assert result.passed
"""

from __future__ import annotations

from typing import Any

__all__ = ["SuiteError", "load_suite", "run"]


def __getattr__(name: str) -> Any:
    # Lazy: importing the package (e.g. by the pytest plugin) must not pull in the openai SDK or vcrpy.
    if name in ("load_suite", "SuiteError"):
        from . import suite

        return getattr(suite, name)
    if name == "run":
        from .runner import run

        return run
    raise AttributeError(name)
