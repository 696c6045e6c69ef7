"""Structured output: the schema the model must fill, and the reply assembled from its parts."""

from __future__ import annotations

import json

import pytest

from replydraft import Case
from replydraft.compose import OutputError, compose_reply, output_schema, parse_output
from replydraft.testing import make_case_dict

PARTS = {
    "acknowledgement": "I understand your deadline is tight and you took a day off to wait.",
    "mistake": "missed the pickup for your desk",
    "remedy_id": "overnight",
    "next_step": "I will email you the tracking number",
    "next_step_time": "by the end of today",
    "follow_up_time": "once it has arrived",
}


def case(**overrides) -> Case:
    return Case.from_dict(make_case_dict(**overrides))


def test_schema_offers_only_the_case_remedies():
    schema = output_schema(case())
    assert schema["properties"]["remedy_id"]["enum"] == ["overnight", "none"]
    assert output_schema(case(remedies=[]))["properties"]["remedy_id"]["enum"] == ["none"]


def test_email_reply_reads_as_a_recovery():
    reply = compose_reply(PARTS, case())
    assert reply.startswith("Hi Dana,\n\nI understand your deadline is tight")
    assert "We missed the pickup for your desk, and that's on us. I'm sorry." in reply
    assert "Free upgrade to overnight shipping (arrives Friday). Would that work for you?" in reply
    assert "I'll email you the tracking number by the end of today." in reply
    assert "I'll follow up with you once it has arrived" in reply
    assert reply.endswith("Best regards,\nSam\nNorthwind Furniture")


def test_chat_reply_is_one_paragraph_without_sign_off():
    reply = compose_reply(PARTS, case(channel="chat"))
    assert "\n" not in reply and "Best regards" not in reply and reply.startswith("Hi Dana! ")


def test_no_remedy_offers_nothing():
    reply = compose_reply({**PARTS, "remedy_id": "none"}, case())
    assert "offer" not in reply


def test_small_model_glitches_are_smoothed():
    parts = {
        **PARTS,
        "acknowledgement": "I'm sorry you waited. I'm sorry you waited. I'm sorry you waited.",
        "mistake": "the desk is not available",  # not a verb phrase: falls back to plain ownership
        "next_step": "send us the tracking number within 24 hours",
    }
    reply = compose_reply(parts, case())
    assert reply.count("I'm sorry you waited.") == 1
    assert "We got this wrong, and that's on us." in reply
    assert reply.count("sorry") == 1  # no second apology after one in the acknowledgement
    assert "I'll send you the tracking number by the end of today." in reply


def test_parse_output_accepts_fenced_json_and_rejects_bad_answers():
    c = case()
    assert parse_output("```json\n" + json.dumps(PARTS) + "\n```", c)["remedy_id"] == "overnight"
    with pytest.raises(OutputError, match="not valid JSON"):
        parse_output('{"acknowledgement": "cut off', c)
    with pytest.raises(OutputError, match="remedy_id"):
        parse_output(json.dumps({**PARTS, "remedy_id": "full-refund"}), c)


@pytest.mark.parametrize(
    ("next_step", "action"),
    [
        # A time inside the action is dropped: next_step_time says when, once.
        ("send us the tracking number within 24 hours", "send you the tracking number"),
        ("I will call you at 5pm", "call you"),
        ("confirm the refund on Friday", "confirm the refund"),
        ("ring you on the 14th", "ring you"),
        ("email you before noon", "email you"),
        ("send the label (by email)", "send the label"),
        # Words that only look like a time's start are part of the action.
        (
            "check on your order personally and send you an update",
            "check on your order personally and send you an update",
        ),
        ("send the replacement by courier", "send the replacement by courier"),
        ("call you at home", "call you at home"),
        ("check with the warehouse on the status", "check with the warehouse on the status"),
    ],
)
def test_next_step_keeps_its_action_and_loses_only_a_time(next_step, action):
    reply = compose_reply({**PARTS, "next_step": next_step}, case())
    assert f"I'll {action} {PARTS['next_step_time']}." in reply
