"""Suites as pytest items: one item per case, through the ``replydraft-evals`` pytest11 entry point.

The inner pytest runs in a subprocess, as a user's would: the plugin is found through the installed entry point.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from replydraft.evals.runner import run
from replydraft.evals.suite import load_suite


def run_pytest(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "--rootdir", str(directory), *args],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_plugin_is_registered_as_a_pytest11_entry_point() -> None:
    values = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert values.get("replydraft-evals") == "replydraft.evals.pytest_plugin"


def test_cases_become_items_that_replay_and_fail_with_reasons(make_suite: Any, standin: Any, tmp_path: Path) -> None:
    source = make_suite(endpoint=standin.base_url)
    run(load_suite(source), record=True)
    # The same suite under a name the plugin collects, with its recordings beside it.
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(source, project / "eval_small.yaml")
    shutil.copytree(source.parent / "cassettes", project / "cassettes")
    before = len(standin.requests)

    proc = run_pytest(project)
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    assert "eval_small.yaml::kettle PASSED" in out
    assert "eval_small.yaml::misused FAILED" in out
    assert "eval case 'misused' failed:" in out and "max-words: 5" in out
    assert "1 failed, 1 passed" in out
    assert len(standin.requests) == before  # replayed, not called


def test_a_bad_suite_is_a_collection_error(tmp_path: Path) -> None:
    (tmp_path / "eval_broken.yaml").write_text("cases:\n  - id: a\n    case: {}\n", "utf-8")
    proc = run_pytest(tmp_path)
    assert proc.returncode == 2, proc.stdout
    assert "cases[0].case.customer: required" in proc.stdout
