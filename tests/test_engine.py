"""The engine end to end over the real openai client, replaying calls recorded against the embedded model's server."""

from __future__ import annotations

import json

import pytest
from engine_support import EXAMPLES, LATE, recorded_model, recorded_settings

import replydraft
from replydraft import Engine, Finding, Guardrail, hookimpl
from replydraft.case import load_case
from replydraft.plugins import new_plugin_host


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_drafts(path, cassette):
    case = load_case(path)
    # One model call per example: what the guardrails say may change without invalidating the recording.
    engine = Engine(recorded_settings(max_repairs=0), model=recorded_model())
    draft = engine.draft(case)

    assert draft.status in ("ready", "needs_review")
    assert draft.reply.startswith(f"Hi {case.first_name}")
    assert draft.model == "smollm2"
    assert draft.prompt_version == "v1"
    assert draft.attempts >= 1
    assert draft.usage["prompt_tokens"] > 0 and draft.usage["completion_tokens"] > 0
    # A remedy is only ever offered in the case's own words.
    offered = [r for r in case.remedies if r.description.rstrip(".") in draft.reply]
    assert len(offered) <= 1
    if draft.status == "needs_review":
        assert any(f.severity == "error" for f in draft.findings)
    else:
        assert not any(f.severity == "error" for f in draft.findings)
    # The stable JSON shape of `replydraft draft --format json`.
    data = json.loads(json.dumps(draft.to_dict()))
    assert list(data) == ["status", "reply", "findings", "attempts", "model", "prompt_version", "usage"]
    assert set(data["usage"]) == {"prompt_tokens", "completion_tokens"}


class AlwaysObjects(Guardrail):
    """A guardrail no draft can satisfy, to drive the repair loop to its limit against the real model."""

    id = "always-objects"
    description = "Objects to every reply."

    def check(self, reply, case):
        yield self.finding("The reply must mention the moon.", 0, min(5, len(reply)))


class Plugin:
    @hookimpl
    def register_guardrails(self, register):
        register(AlwaysObjects())


def test_repair_loop_is_bounded_and_marks_needs_review(cassette):
    # Only the test's own guardrail, so the repair messages recorded do not depend on the built-ins' wording.
    host = new_plugin_host(plugins=[Plugin()], load_entry_points=False)
    engine = Engine(recorded_settings(max_repairs=2), model=recorded_model(), plugins=host)
    draft = engine.draft(load_case(EXAMPLES[0]))

    assert draft.attempts == 3  # the first draft and two repairs
    assert draft.status == "needs_review"
    assert any(f.guardrail == "always-objects" for f in draft.findings)
    # Each repair went back to the model with the findings listed in the conversation.
    requests = [json.loads(r.body) for r in cassette.requests]
    assert len(requests) == 3
    last = requests[-1]["messages"]
    assert last[-1]["role"] == "user" and "The reply must mention the moon." in last[-1]["content"]
    assert last[-2]["role"] == "assistant"


def test_no_repairs_when_max_repairs_is_zero(cassette):
    host = new_plugin_host(plugins=[Plugin()], load_entry_points=False)
    engine = Engine(recorded_settings(max_repairs=0), model=recorded_model(), plugins=host)
    draft = engine.draft(load_case(EXAMPLES[0]))
    assert draft.attempts == 1
    assert draft.status == "needs_review"


async def test_async_twin_matches_sync(cassette):
    case = load_case(EXAMPLES[0])
    engine = Engine(recorded_settings(max_repairs=0), model=recorded_model())
    draft = await replydraft.adraft(case, engine=engine)
    assert draft.reply.startswith(f"Hi {case.first_name}")
    verdict = await replydraft.acheck(draft.reply, case, engine=engine)
    assert verdict.passed == (draft.status == "ready")
    assert verdict.findings == draft.findings


def test_check_flags_the_seeds_bad_lines_and_passes_their_good_ones():
    case = load_case(LATE)
    engine = Engine(recorded_settings())
    bad = engine.check("That can't happen, you must have misused it. It'll never happen again.", case)
    assert not bad.passed
    assert {"blame", "rash-promise"} <= {f.guardrail for f in bad.findings}
    good = engine.check(
        "I see why you're upset. We slipped on the shipping date, and that's on us. "
        "I've upgraded your order to overnight shipping, and I'll email you the tracking number by 5pm today.",
        case,
    )
    assert good.passed, [f.to_dict() for f in good.findings]


def test_findings_point_at_the_words():
    case = load_case(LATE)
    reply = "Hi Dana, you must have entered the wrong address. I'll call you by 5pm today."
    result = replydraft.check(reply, case, engine=Engine(recorded_settings()))
    blame = [f for f in result.findings if f.guardrail == "blame"]
    assert blame and isinstance(blame[0], Finding)
    assert "you must have entered the wrong address" in reply[blame[0].start : blame[0].end]
