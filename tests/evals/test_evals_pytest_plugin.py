"""Suites as pytest items: one item per case, through the ``replydraft-evals`` pytest11 entry point."""

from __future__ import annotations

import shutil
from importlib.metadata import entry_points
from typing import Any

import pytest

from replydraft.evals.runner import run
from replydraft.evals.suite import load_suite


def test_plugin_is_registered_as_a_pytest11_entry_point() -> None:
    values = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert values.get("replydraft-evals") == "replydraft.evals.pytest_plugin"


def test_cases_become_items_that_replay_and_fail_with_reasons(
    make_suite: Any, standin: Any, pytester: pytest.Pytester
) -> None:
    source = make_suite(endpoint=standin.base_url)
    run(load_suite(source), record=True)
    # The same suite under a name the plugin collects, with its recordings beside it.
    target = pytester.path / "eval_small.yaml"
    shutil.copy(source, target)
    shutil.copytree(source.parent / "cassettes", pytester.path / "cassettes")
    before = len(standin.requests)

    result = pytester.runpytest_inprocess("-v", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*eval_small.yaml::kettle PASSED*", "*eval_small.yaml::misused FAILED*"])
    result.stdout.fnmatch_lines(["*eval case 'misused' failed:*", "*max-words: 5*"])
    assert len(standin.requests) == before  # replayed, not called


def test_a_bad_suite_is_a_collection_error(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", eval_broken="cases:\n  - id: a\n    case: {}\n")
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*cases[[]0[]].case.customer: required*"])
