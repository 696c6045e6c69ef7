"""Suite files: schema validation with ``path: problem`` errors, cases by file, defaults, exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from evals_helpers import SHIPPED_SUITE

from replydraft.evals.suite import SuiteError, load_suite


def write(tmp_path: Path, data: object, name: str = "suite.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False) if not isinstance(data, str) else data, "utf-8")
    return path


CASE = {"customer": {"name": "Ana Lopez"}, "message": "Wrong kettle.", "issue": "Picked from the wrong shelf."}


def problems(path: Path) -> list[str]:
    with pytest.raises(SuiteError) as info:
        load_suite(path)
    return info.value.problems


def test_shipped_suite_loads_with_at_least_30_cases() -> None:
    suite = load_suite(SHIPPED_SUITE)
    assert len(suite.cases) >= 30
    assert suite.cassette_dir == SHIPPED_SUITE.parent / "cassettes" / "recovery"
    kinds = {a.type for c in suite.cases for a in c.assertions}
    assert {"guardrails", "guardrail", "remedy-offered", "addresses-customer", "status", "rubric"} <= kinds


def test_every_fault_is_reported_with_its_path(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "threshold": 2,
            "defaults": {"model": "m", "colour": "red"},
            "cases": [
                {"id": "a", "case": {"customer": {}, "message": "x", "issue": "y"}, "assert": [{"contains": "x"}]},
                {"id": "b", "case": CASE, "assert": [{"contains": "x", "regex": "y"}, {"regex": "("}, {"bogus": 1}]},
                {"id": "a", "case": CASE, "assert": [{"max-words": 0}]},
            ],
        },
    )
    found = problems(path)
    assert "threshold: must be at most 1" in found
    assert any(p.startswith("defaults.colour: unknown field") for p in found)
    assert any(p.startswith("cases[1].assert[2].bogus: unknown field") for p in found)
    assert "cases[2].assert[0].max-words: must be at least 1" in found


def test_semantic_faults_after_the_schema(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "cases": [
                {"id": "a", "case": {"customer": {}, "message": "x", "issue": "y"}, "assert": [{"contains": "x"}]},
                {"id": "b", "case": CASE, "assert": [{"contains": "x", "regex": "y"}, {"regex": "("}]},
                {
                    "id": "b",
                    "case": CASE,
                    "assert": [{"remedy-offered": "refund"}, {"status": "ready", "expect": "pass"}],
                },
            ],
        },
    )
    found = problems(path)
    assert "cases[0].case.customer.name: required" in found
    assert "cases[1].assert[0]: needs exactly one assertion key (found: contains, regex)" in found
    assert any(p.startswith("cases[1].assert[1].regex: not a valid regular expression") for p in found)
    assert "cases[2].id: duplicate case id 'b'" in found
    assert any("no remedy 'refund' in this case" in p for p in found)
    assert "cases[2].assert[1].expect: only valid with guardrail" in found


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "cases:\n  - id: a\n    case: [unclosed\n")
    (problem,) = problems(path)
    assert problem.startswith("suite: not valid YAML") and "line" in problem


def test_case_by_file_relative_to_the_suite_and_defaults_merged(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "kettle.json").write_text(json.dumps(CASE), "utf-8")
    path = write(
        tmp_path,
        {
            "defaults": {"case": {"agent": {"name": "Sam"}, "channel": "chat"}, "assert": [{"status": "ready"}]},
            "repeat": {"runs": 3, "pass": 2},
            "cases": [
                {"id": "by-file", "case": "cases/kettle.json", "assert": [{"icontains": "kettle"}], "threshold": 0.5},
                {"id": "missing", "case": "cases/nope.json"},
            ],
        },
    )
    found = problems(path)
    assert found == ["cases[1].case: case file 'cases/nope.json' not found (relative to the suite file)"]
    data = yaml.safe_load(path.read_text())
    del data["cases"][1]
    path = write(tmp_path, data)
    suite = load_suite(path)
    (case,) = suite.cases
    assert case.case.agent_name == "Sam" and case.case.channel == "chat"
    assert [a.type for a in case.assertions] == ["status", "icontains"]
    assert case.threshold == 0.5 and (suite.runs, suite.pass_k) == (3, 2)


def test_problem_lines_never_echo_case_values(tmp_path: Path) -> None:
    secret = "dana.secret@example.org"
    path = write(
        tmp_path, {"cases": [{"id": "a", "case": {"customer": {"name": 5, "email": secret}, "message": secret}}]}
    )
    assert secret not in "\n".join(problems(path))


def test_bad_suite_file_exits_2_with_path_problem_lines(tmp_path: Path) -> None:
    path = write(tmp_path, {"cases": [{"id": "a", "case": CASE, "assert": [{"max-words": "ten"}]}]})
    proc = subprocess.run(
        [sys.executable, "-m", "replydraft.cli", "eval", str(path)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2, proc.stderr
    assert "cases[0].assert[0].max-words: must be of type integer" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_suite_file_exits_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "replydraft.cli", "eval", str(tmp_path / "nope.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "suite: file not found" in proc.stderr
