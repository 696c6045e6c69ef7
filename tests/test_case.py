"""The case contract: valid cases load, and every fault is named by its JSON path without echoing customer data."""

from __future__ import annotations

import json

import pytest
from engine_support import EXAMPLES

from replydraft import Case, CaseError, load_case
from replydraft.case import case_schema


def valid() -> dict:
    return json.loads(EXAMPLES[0].read_text())


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_are_valid(path):
    case = load_case(path)
    assert case.customer_name and case.message and case.issue
    assert case.channel in ("email", "chat")


def test_schema_is_draft_2020_12_and_names_the_fields():
    schema = case_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == {"customer", "message", "issue"}
    assert {"customer", "message", "issue", "remedies", "channel", "agent", "company", "history", "metadata"} <= set(
        schema["properties"]
    )


def test_minimal_case_gets_defaults():
    case = Case.from_dict({"customer": {"name": "Ana"}, "message": "Hi", "issue": "Late."})
    assert case.remedies == () and case.channel == "email" and case.language == "en"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["remedies"][0].pop("id"), "remedies[0].id: required"),
        (lambda d: d.pop("message"), "message: required"),
        (lambda d: d["customer"].pop("name"), "customer.name: required"),
        (lambda d: d.update(channel="fax"), "channel: must be one of email, chat"),
        (lambda d: d.update(priority="high"), "priority: unknown field (put extra data under metadata)"),
        (lambda d: d.update(message="   "), "message: must not be blank"),
        (lambda d: d.update(message=""), "message: must not be empty"),
        (lambda d: d.update(remedies="overnight"), "remedies: must be of type array"),
        (
            lambda d: d["history"].append({"from": "bot", "text": "x"}),
            "history[1].from: must be one of customer, agent",
        ),
        (lambda d: d["remedies"].append(dict(d["remedies"][0])), "remedies[2].id: duplicate remedy id 'overnight'"),
    ],
)
def test_each_problem_names_its_path(mutate, expected):
    data = json.loads((EXAMPLES[0].parent / "late-delivery.json").read_text())
    mutate(data)
    with pytest.raises(CaseError) as info:
        Case.from_dict(data)
    assert expected in info.value.problems


def test_several_problems_are_all_reported():
    with pytest.raises(CaseError) as info:
        Case.from_dict({"customer": {}, "remedies": [{}]})
    problems = info.value.problems
    for expected in (
        "customer.name: required",
        "message: required",
        "issue: required",
        "remedies[0].id: required",
        "remedies[0].description: required",
    ):
        assert expected in problems


def test_errors_never_echo_customer_text():
    data = valid()
    data["channel"] = "dana@example.com"
    data["customer"]["name"] = 12345
    with pytest.raises(CaseError) as info:
        Case.from_dict(data)
    assert "dana@example.com" not in str(info.value)
    assert "12345" not in str(info.value)


def test_not_an_object():
    with pytest.raises(CaseError, match="case: must be a JSON object"):
        Case.from_dict(["not", "a", "case"])


def test_missing_file_and_bad_json(tmp_path):
    with pytest.raises(CaseError, match="file not found"):
        load_case(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(CaseError, match="not valid JSON"):
        load_case(bad)
