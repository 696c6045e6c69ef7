"""The shipped suite, evals/recovery.yaml: replays offline and deterministically from its recorded cassettes."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import yaml
from evals_helpers import SHIPPED_SUITE, run_cli, stable

from replydraft.evals.suite import load_suite


def test_replays_offline_and_gives_identical_json_twice(tmp_path: Path, no_network: list[Any]) -> None:
    outputs = []
    for i in range(2):
        out = tmp_path / f"run{i}.json"
        start = time.perf_counter()
        code, _stdout, stderr = run_cli(["eval", str(SHIPPED_SUITE), "-q", "--json", str(out)])
        elapsed = time.perf_counter() - start
        # Measured, not asserted: a wall-clock threshold would fail on a busy machine, not on a regression.
        print(f"replay {i + 1}: {elapsed:.2f}s, exit {code}")
        assert code in (0, 1), stderr
        outputs.append(json.loads(out.read_text()))
    assert no_network == []
    first, second = outputs
    assert stable(first) == stable(second)
    assert first["run"]["mode"] == "replay"
    cases = first["variants"][0]["cases"]
    assert len(cases) >= 30
    # Every case replays: a missing recording would show as an error naming the case.
    assert [c["id"] for c in cases if c["outcome"] == "error"] == []
    assert first["passed"] == (code == 0)


def test_no_cassette_holds_credentials_or_case_contact_details() -> None:
    suite = load_suite(SHIPPED_SUITE)
    contact = []
    for case in suite.cases:
        customer = case.case.raw.get("customer", {})
        contact += [customer[k] for k in ("email", "phone") if customer.get(k)]
    assert contact, "the shipped suite should include cases with an e-mail or phone to prove the scrubbing"
    files = sorted(suite.cassette_dir.glob("*.yaml"))
    assert len(files) >= len(suite.cases)
    for path in files:
        text = path.read_text("utf-8")
        data = yaml.safe_load(text)
        for interaction in data["interactions"]:
            headers = {k.lower() for k in interaction["request"]["headers"]}
            assert not headers & {"authorization", "api-key", "x-api-key", "cookie"}, path
        assert not re.search(r"\b(?:sk|rk)-[A-Za-z0-9_\-]{8,}|Bearer\s", text), path
        assert not re.search(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", text), path
        for value in contact:
            assert value not in text, f"{path.name} holds a case's contact detail"


def test_suite_summary_names_failing_cases_with_reasons(tmp_path: Path) -> None:
    code, stdout, _ = run_cli(["eval", str(SHIPPED_SUITE), "-q"])
    assert re.search(r"\d+ passed, \d+ failed, 0 errors · pass rate [\d.]+%", stdout)
    assert "replayed" in stdout
    if code == 1:
        assert "threshold missed" in stdout
