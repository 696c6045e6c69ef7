"""Recording against a loopback OpenAI-compatible server, strict replay, missing interactions, and reports."""

from __future__ import annotations

import copy
import json
import shutil
import xml.etree.ElementTree as ET
from typing import Any

import yaml
from evals_helpers import run_cli, stable

from replydraft.evals.report import to_json, to_junit
from replydraft.evals.runner import parse_compare, run
from replydraft.evals.suite import load_suite


def test_record_rewrites_cassettes_and_replay_passes_offline(make_suite: Any, standin: Any, monkeypatch: Any) -> None:
    path = make_suite(endpoint=standin.base_url)
    cassettes = path.parent / "cassettes" / "small"
    cassettes.mkdir(parents=True)
    stale = cassettes / "kettle.yaml"
    stale.write_text("version: 1\ninteractions: []\n", "utf-8")

    recorded = run(load_suite(path), record=True)
    assert {p.name for p in cassettes.iterdir()} == {"kettle.yaml", "misused.yaml"}
    assert "interactions: []" not in stale.read_text()
    calls = len(standin.requests)
    assert calls >= 3  # two drafts and one rubric grading

    # Replay: the server is still up, but nothing may reach it (or anything else).
    import socket

    def refuse(self: socket.socket, address: Any) -> None:
        raise OSError(f"replay tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    replayed = run(load_suite(path))
    assert len(standin.requests) == calls
    assert stable(json.loads(to_json(replayed))) == stable(json.loads(to_json(recorded)))
    assert [c.outcome for c in replayed.variants[0].cases] == ["passed", "failed"]
    kettle = replayed.variants[0].cases[0].runs[0]
    rubric = next(a for a in kettle.assertions if a.type == "rubric")
    assert rubric.passed and "grader (stand-in-model): pass" in rubric.detail


def test_cassettes_are_readable_yaml_without_secrets(make_suite: Any, standin: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-testsecret1234567890abcdef")
    path = make_suite(endpoint=standin.base_url)
    run(load_suite(path), record=True)
    # The key really was sent: it is the cassette that must not keep it.
    assert any("sk-testsecret" in str(r["headers"]) for r in standin.requests)
    for cassette in (path.parent / "cassettes" / "small").iterdir():
        text = cassette.read_text("utf-8")
        data = yaml.safe_load(text)
        for interaction in data["interactions"]:
            headers = {k.lower() for k in interaction["request"]["headers"]}
            assert not headers & {"authorization", "api-key", "x-api-key"}
            assert isinstance(interaction["request"]["body"]["json"], dict)  # structure, not an escaped line
        assert "sk-testsecret" not in text
        assert "ana.lopez@example.com" not in text
        assert "612 345 678" not in text


def test_missing_interaction_names_the_case_and_how_to_rerecord(make_suite: Any, standin: Any) -> None:
    path = make_suite(endpoint=standin.base_url)
    run(load_suite(path), record=True)
    data = yaml.safe_load(path.read_text())
    data["cases"][0]["case"]["message"] = "I got a green kettle, not red."
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    before = len(standin.requests)

    code, out, _err = run_cli(["eval", str(path), "-q", "--json", str(path.parent / "out.json")])
    assert code == 1
    assert len(standin.requests) == before  # strict replay: no call went out
    report = json.loads((path.parent / "out.json").read_text())
    (case,) = [c for c in report["variants"][0]["cases"] if c["id"] == "kettle"]
    assert case["outcome"] == "error"
    assert "case 'kettle'" in case["error"]
    assert f"replydraft eval {path.as_posix()} --record --case kettle" in case["error"]
    assert "kettle" in out and "error" in out


def test_missing_cassette_file_is_the_same_clear_error(make_suite: Any) -> None:
    path = make_suite()
    result = run(load_suite(path))
    case = result.variants[0].cases[0]
    assert case.outcome == "error"
    assert "does not exist" in (case.error or "") and "--record --case kettle" in (case.error or "")


def test_junit_counts_match_json(make_suite: Any, standin: Any) -> None:
    path = make_suite(endpoint=standin.base_url)
    run(load_suite(path), record=True)
    (path.parent / "cassettes" / "small" / "misused.yaml").unlink()
    data = yaml.safe_load(path.read_text())
    data["cases"].append({**copy.deepcopy(data["cases"][0]), "id": "kettle-copy"})
    shutil.copy(
        path.parent / "cassettes" / "small" / "kettle.yaml", path.parent / "cassettes" / "small" / "kettle-copy.yaml"
    )
    data["cases"][0]["assert"].append({"contains": "this text is not in the reply"})
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")

    junit_file, json_file = path.parent / "out.xml", path.parent / "out.json"
    code, _, _ = run_cli(["eval", str(path), "-q", "--junit", str(junit_file), "--json", str(json_file)])
    assert code == 1
    summary = json.loads(json_file.read_text())["variants"][0]["summary"]
    assert (summary["passed"], summary["failed"], summary["errors"]) == (1, 1, 1)
    root = ET.fromstring(junit_file.read_text())
    (suite_el,) = root.findall("testsuite")
    assert int(suite_el.get("tests")) == summary["cases"]
    assert int(suite_el.get("failures")) == summary["failed"] == len(suite_el.findall("testcase/failure"))
    assert int(suite_el.get("errors")) == summary["errors"] == len(suite_el.findall("testcase/error"))
    assert int(root.get("tests")) == summary["cases"]
    names = [t.get("name") for t in suite_el.findall("testcase")]
    assert names == ["kettle", "misused", "kettle-copy"]


def test_repeat_pass_k_of_n(make_suite: Any, standin: Any) -> None:
    path = make_suite(endpoint=standin.base_url)
    recorded = run(load_suite(path), record=True, runs=3, pass_k=2)
    assert all(len(c.runs) == 3 for c in recorded.variants[0].cases)
    replayed = run(load_suite(path), runs=3, pass_k=2)
    assert stable(json.loads(to_json(replayed))) == stable(json.loads(to_json(recorded)))
    assert replayed.to_dict()["repeat"] == {"runs": 3, "pass": 2}
    # Asking for more runs than were recorded is a missing interaction, not a network call.
    more = run(load_suite(path), runs=4)
    assert all(c.outcome == "error" for c in more.variants[0].cases)


def test_thresholds_decide_the_exit_code(make_suite: Any, standin: Any) -> None:
    path = make_suite(endpoint=standin.base_url, threshold=0.5)
    run(load_suite(path), record=True)
    assert run_cli(["eval", str(path), "-q"])[0] == 0  # 1 of 2 cases passes: 50% meets 0.5
    data = yaml.safe_load(path.read_text())
    data["threshold"] = 0.51
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    assert run_cli(["eval", str(path), "-q"])[0] == 1
    # A per-case threshold: "misused" passes when half its assertions do.
    data["cases"][1]["threshold"] = 0.5
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    assert run_cli(["eval", str(path), "-q"])[0] == 0


def test_compare_prompts_records_each_variant_in_its_own_cassette(make_suite: Any, standin: Any) -> None:
    path = make_suite(endpoint=standin.base_url)
    suite = load_suite(path)
    variants = parse_compare("prompts=v1,v2", suite)
    recorded = run(suite, record=True, variants=variants)
    names = sorted(p.name for p in (path.parent / "cassettes" / "small").iterdir())
    assert names == ["kettle.yaml", "kettle@prompt-v2.yaml", "misused.yaml", "misused@prompt-v2.yaml"]
    _code, out, _ = run_cli(
        ["eval", str(path), "-q", "--compare", "prompts=v1,v2", "--json", str(path.parent / "c.json")]
    )
    report = json.loads((path.parent / "c.json").read_text())
    assert [v["prompt_version"] for v in report["variants"]] == ["v1", "v2"]
    assert stable(report) == stable(json.loads(to_json(recorded)))
    assert "compare: prompt v1" in out


def test_bad_compare_spec_exits_2(make_suite: Any) -> None:
    code, _, err = run_cli(["eval", str(make_suite()), "--compare", "colours=red,blue"])
    assert code == 2 and "prompts=A,B or models=A,B" in err


def test_junit_is_well_formed_for_the_shipped_suite_replay() -> None:
    from evals_helpers import SHIPPED_SUITE

    xml = to_junit(run(load_suite(SHIPPED_SUITE)))
    root = ET.fromstring(xml)
    assert int(root.get("tests")) >= 30


def test_record_missing_records_only_cases_without_a_cassette(make_suite: Any, standin: Any) -> None:
    path = make_suite(endpoint=standin.base_url)
    run(load_suite(path), record=True)
    kept = (path.parent / "cassettes" / "small" / "kettle.yaml").read_text()
    (path.parent / "cassettes" / "small" / "misused.yaml").unlink()
    before = len(standin.requests)
    code, _, _ = run_cli(["eval", str(path), "-q", "--record-missing"])
    assert code == 0
    assert len(standin.requests) == before + 1  # misused: one draft, no rubric
    assert (path.parent / "cassettes" / "small" / "kettle.yaml").read_text() == kept
    assert (path.parent / "cassettes" / "small" / "misused.yaml").is_file()


def test_junit_masks_the_case_contact_details_in_replies(make_suite: Any, standin: Any) -> None:
    path = make_suite(endpoint=standin.base_url)
    result = run(load_suite(path), record=True)
    run_ = result.variants[0].cases[0].runs[0]
    # A reply that quotes the customer's contact details (a model may copy them from the message).
    run_.reply += "\nWe will write to ana.lopez@example.com or call +34 612 345 678."
    xml = to_junit(result)
    assert "ana.lopez@example.com" not in xml and "612 345 678" not in xml
    assert "write to ••••" in xml
    assert "ana.lopez@example.com" in to_json(result)  # the JSON keeps the draft verbatim
