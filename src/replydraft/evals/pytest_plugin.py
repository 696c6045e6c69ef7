"""pytest integration: eval suites as pytest items, one per case (loaded through the ``pytest11`` entry point).

Files named ``eval_*.yaml`` or ``*.evals.yaml`` under the test paths are collected as suites; each case is an
item that replays its cassette and fails with the assertions that did not hold::

    pytest tests/                           # replays every collected suite offline
    pytest tests/ --evals-record            # re-records their cassettes against the configured model

A suite named otherwise (``evals/recovery.yaml``) can be collected by passing it explicitly:
``pytest evals/recovery.yaml -p replydraft.evals.pytest_plugin`` works because explicit ``.yaml`` arguments go
through the same hook (see :func:`pytest_collect_file`).

This module is imported by every pytest run in an environment where replydraft is installed, so it imports
nothing heavy at module level.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any

import pytest

_PATTERNS = ("eval_*.yaml", "eval_*.yml", "*.evals.yaml", "*.evals.yml")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("replydraft-evals", "replydraft eval suites")
    group.addoption(
        "--evals-record",
        action="store_true",
        default=False,
        help="Re-record eval suite cassettes against the configured model instead of replaying them.",
    )


def is_suite_file(path: Path, explicit: bool = False) -> bool:
    """Whether pytest should collect ``path`` as an eval suite."""
    if any(fnmatch.fnmatch(path.name, p) for p in _PATTERNS):
        return True
    # A .yaml named on the command line is collected too, if it looks like a suite (has a cases list).
    return explicit and path.suffix in (".yaml", ".yml") and "cassettes" not in path.parts


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    explicit = any(Path(str(arg)).resolve() == file_path.resolve() for arg in parent.config.args)
    if is_suite_file(file_path, explicit):
        return EvalSuiteFile.from_parent(parent, path=file_path)
    return None


class EvalSuiteFile(pytest.File):
    """A suite file: yields one :class:`EvalCaseItem` per case."""

    def collect(self) -> Any:
        from .suite import SuiteError, load_suite

        try:
            suite = load_suite(self.path)
        except SuiteError as exc:
            raise self.CollectError(str(exc)) from None
        self._suite = suite
        self._runner: Any = None
        for case in suite.cases:
            yield EvalCaseItem.from_parent(self, name=case.id, case_id=case.id)

    def runner(self) -> Any:
        # One engine (model client, plugins) per suite file, built on first use.
        if self._runner is None:
            from .runner import _VariantRunner, default_variant

            record = bool(self.config.getoption("--evals-record"))
            self._runner = _VariantRunner(self._suite, default_variant(self._suite), record)
        return self._runner


class EvalCaseFailed(Exception):
    """A case's assertions did not meet its threshold, or its recording is missing."""


class EvalCaseItem(pytest.Item):
    def __init__(self, *, case_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case_id = case_id
        self.add_marker(pytest.mark.replydraft_eval)

    def runtest(self) -> None:
        parent: EvalSuiteFile = self.parent  # type: ignore[assignment]
        suite = parent._suite
        case = suite.case(self.case_id)
        result = parent.runner().run_case(case, suite.runs, suite.pass_k)
        self.user_properties.append(("outcome", result.outcome))
        if not result.passed:
            raise EvalCaseFailed("\n".join(result.reasons()))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, EvalCaseFailed):
            return f"eval case {self.case_id!r} failed:\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"eval case {self.case_id}"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "replydraft_eval: an eval suite case collected from a suite YAML file")
