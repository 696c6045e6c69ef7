"""Model endpoint faults, against a real loopback stand-in server (``standin.py``), never the network.

Each fault ends in one of three ways, and the tests pin which: a retried success (``Draft.model_calls`` counts the
retries), a ``needs_review`` draft (``Draft.attempts`` counts the repair rounds), or one ``ModelError`` whose
``attempts`` and message say what happened. Attempts are bounded by ``max_attempts`` and the deadline; the tests
check counts and error shape, not how long anything took.
"""

from __future__ import annotations

import json

import pytest
from standin import FAKE_KEY, answer, closed_port, completion_body, content, cut, raw, stall, stand_in_model, status

from replydraft import Engine, Guardrail, ModelError, hookimpl


def _requests(server) -> int:
    return len(server.requests)


# -- transient HTTP statuses: retried --------------------------------------------------------------------------
def test_429_without_retry_after_backs_off_then_succeeds(standin, make_engine, make_case):
    standin.push(status(429, "rate limited"), answer())
    draft = make_engine().draft(make_case())
    assert draft.ready
    assert (draft.attempts, draft.model_calls, _requests(standin)) == (1, 2, 2)


def test_429_retry_after_is_waited_for(standin, make_engine, make_case):
    standin.push(status(429, headers={"Retry-After": "0.3"}), answer())
    draft = make_engine().draft(make_case())
    assert draft.ready and draft.model_calls == 2
    # A lower bound only (sleeping never ends early), so this cannot flake on a slow machine.
    first, second = standin.requests
    assert second.at - first.at >= 0.3


def test_429_retry_after_beyond_the_deadline_gives_up_at_once(standin, make_engine, make_case):
    # Waiting 120 s would overrun the 5 s deadline: one clear error now beats a late one.
    standin.push(status(429, "slow down", headers={"Retry-After": "120"}), answer())
    with pytest.raises(ModelError) as caught:
        make_engine(deadline=5.0, max_attempts=5).draft(make_case())
    assert caught.value.attempts == 1 and _requests(standin) == 1
    assert "failed after 1 attempt(s): HTTP 429" in str(caught.value)


def test_429_retry_after_as_http_date(standin, make_engine, make_case):
    standin.push(status(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}), answer())  # in the past: 0 s
    assert make_engine().draft(make_case()).model_calls == 2


@pytest.mark.parametrize("code", [500, 502, 503])
def test_5xx_once_is_retried(standin, make_engine, make_case, code):
    standin.push(status(code), answer())
    draft = make_engine().draft(make_case())
    assert draft.ready and (draft.attempts, draft.model_calls) == (1, 2)


@pytest.mark.parametrize("code", [500, 502, 503])
def test_5xx_for_good_is_one_error_after_max_attempts(standin, make_engine, make_case, code):
    standin.always(status(code, "upstream unavailable"))
    with pytest.raises(ModelError) as caught:
        make_engine(max_attempts=3).draft(make_case())
    error = caught.value
    assert error.attempts == 3 == _requests(standin)
    assert str(error) == (
        f"model endpoint {standin.base_url} failed after 3 attempt(s): HTTP {code}: upstream unavailable"
    )
    assert "\n" not in str(error)


def test_400_is_not_retried(standin, make_engine, make_case):
    standin.always(status(400, "bad request"))
    with pytest.raises(ModelError) as caught:
        make_engine(max_attempts=4).draft(make_case())
    assert caught.value.attempts == 1 == _requests(standin)


# -- the connection itself -------------------------------------------------------------------------------------
def test_connection_refused_is_retried_then_one_error(make_engine, make_case):
    port = closed_port()
    with pytest.raises(ModelError) as caught:
        make_engine(base_url=f"http://127.0.0.1:{port}/v1", max_attempts=3).draft(make_case())
    assert caught.value.attempts == 3
    assert "connection failed" in str(caught.value) and f"127.0.0.1:{port}" in str(caught.value)


def test_read_timeout_is_retried_then_one_error(standin, make_engine, make_case):
    standin.always(stall())
    with pytest.raises(ModelError) as caught:
        make_engine(timeout=0.3, max_attempts=2).draft(make_case())
    assert caught.value.attempts == 2 == _requests(standin)
    assert str(caught.value).endswith("failed after 2 attempt(s): request timed out")


def test_read_timeout_then_success(standin, make_engine, make_case):
    standin.push(stall(), answer())
    draft = make_engine(timeout=0.3).draft(make_case())
    assert draft.ready and draft.model_calls == 2


def test_deadline_bounds_attempts_before_max_attempts(standin, make_engine, make_case):
    # Each attempt takes at least the 0.3 s read timeout, so a 1 s deadline allows at most 4 of the 50.
    standin.always(stall())
    with pytest.raises(ModelError) as caught:
        make_engine(timeout=0.3, max_attempts=50, deadline=1.0).draft(make_case())
    assert 1 <= caught.value.attempts <= 4
    assert caught.value.attempts == _requests(standin)


def test_response_cut_off_mid_body_is_retried(standin, make_engine, make_case):
    standin.push(cut(after=40), answer())
    draft = make_engine().draft(make_case())
    assert draft.ready and draft.model_calls == 2


def test_response_cut_off_every_time_is_one_error(standin, make_engine, make_case):
    standin.always(cut(after=40))
    with pytest.raises(ModelError) as caught:
        make_engine(max_attempts=2).draft(make_case())
    assert caught.value.attempts == 2 == _requests(standin)
    assert "connection failed" in str(caught.value)


def test_garbage_200_body_is_one_clear_error(standin, make_engine, make_case):
    # A captive portal or misconfigured proxy answering 200 with HTML instead of a completion.
    standin.always(raw(200, b"<html><body>Gateway login</body></html>", "text/html"))
    with pytest.raises(ModelError) as caught:
        make_engine().draft(make_case())
    assert caught.value.attempts >= 1
    assert "\n" not in str(caught.value)


# -- what the model said ---------------------------------------------------------------------------------------
def test_empty_completion_every_time_needs_review(standin, make_engine, make_case):
    standin.always(content(""))
    draft = make_engine(max_repairs=2).draft(make_case())
    assert draft.status == "needs_review" and draft.reply == ""
    assert (draft.attempts, draft.model_calls, _requests(standin)) == (3, 3, 3)
    assert [f.guardrail for f in draft.findings] == ["model"]
    assert "not valid JSON" in draft.findings[0].message


def test_no_choices_at_all_needs_review(standin, make_engine, make_case):
    standin.always(raw(200, json.dumps({**completion_body(""), "choices": []}).encode()))
    draft = make_engine(max_repairs=1).draft(make_case())
    assert draft.status == "needs_review" and draft.attempts == 2


def test_invalid_json_is_sent_back_and_repaired(standin, make_engine, make_case):
    standin.push(content("Sure! Here is your reply: {acknowledgement: sorry"), answer())
    draft = make_engine(max_repairs=1).draft(make_case())
    assert draft.ready and draft.attempts == 2
    repair = standin.requests[1].messages[-1]["content"]
    assert "not valid JSON" in repair


def test_invalid_json_every_time_needs_review(standin, make_engine, make_case):
    standin.always(content("{not json"))
    draft = make_engine(max_repairs=1).draft(make_case())
    assert draft.status == "needs_review" and draft.attempts == 2 == _requests(standin)


def test_answer_cut_at_the_token_limit_needs_review(standin, make_engine, make_case):
    standin.always(content('{"acknowledgement": "I completely understand how frustrating', finish_reason="length"))
    draft = make_engine(max_repairs=1).draft(make_case())
    assert draft.status == "needs_review" and draft.attempts == 2
    assert "cut off at the token limit" in draft.findings[0].message


def _oversized(h, body):
    """Every free-text field far past its maxLength: the model rambled on."""
    schema = body["response_format"]["json_schema"]["schema"]
    parts = {k: spec["enum"][0] if "enum" in spec else "so sorry " * 500 for k, spec in schema["properties"].items()}
    h.send_json(200, completion_body(json.dumps(parts)))


def test_far_too_long_fields_are_rejected_not_passed_through(standin, make_engine, make_case):
    standin.always(_oversized)
    draft = make_engine(max_repairs=1).draft(make_case())
    assert draft.status == "needs_review" and draft.reply == ""
    assert "does not match the schema" in draft.findings[0].message


class _AlwaysFlags(Guardrail):
    id = "always-flags"
    description = "Flags every reply: a model that can never satisfy the guardrails."

    def check(self, reply, case):
        yield self.finding("this reply blames the warehouse", 0, 2)


class _Plugin:
    @hookimpl
    def register_guardrails(self, register):
        register(_AlwaysFlags())


def test_model_that_keeps_failing_guardrails_needs_review(standin, make_engine, make_case):
    standin.always(answer())
    draft = make_engine(max_repairs=2, plugins=(_Plugin(),)).draft(make_case())
    assert draft.status == "needs_review" and draft.reply
    assert (draft.attempts, _requests(standin)) == (3, 3)
    assert [f.guardrail for f in draft.findings] == ["always-flags"]
    # Every repair round told the model what was wrong.
    for seen in standin.requests[1:]:
        assert "this reply blames the warehouse" in seen.messages[-1]["content"]


def test_model_error_on_a_repair_keeps_the_draft_for_review(standin, make_engine, make_case):
    standin.push(answer()).always(status(503))
    draft = make_engine(max_repairs=2, max_attempts=2, plugins=(_Plugin(),)).draft(make_case())
    assert draft.status == "needs_review" and draft.reply
    assert draft.attempts == 1 and draft.model_calls == 1
    assert draft.findings[-1].guardrail == "model" and "repair stopped" in draft.findings[-1].message
    assert _requests(standin) == 3  # the first answer plus two failed attempts at the repair


# -- async path: same outcomes through AsyncOpenAI --------------------------------------------------------------
async def test_async_transient_failure_then_success(standin, make_engine, make_case):
    standin.push(status(502), cut(), answer())
    draft = await make_engine().adraft(make_case())
    assert draft.ready and draft.model_calls == 3


async def test_async_timeout_for_good_is_one_error(standin, make_engine, make_case):
    standin.always(stall())
    with pytest.raises(ModelError) as caught:
        await make_engine(timeout=0.3, max_attempts=2).adraft(make_case())
    assert caught.value.attempts == 2 == _requests(standin)


def test_error_message_never_holds_the_key_or_customer_text(standin, make_case):
    # A server that echoes the request back in its error message (some proxies do).
    def echo(h, body):
        said = body["messages"][-1]["content"]
        h.send_json(500, {"error": {"message": f"key {FAKE_KEY} rejected for: {json.dumps(said)[-150:]}"}})

    standin.always(echo)
    case = make_case(message="My number is 07700 900123 and I am furious about the desk.")
    engine = Engine(model=stand_in_model(standin.base_url, max_attempts=1))
    with pytest.raises(ModelError) as caught:
        engine.draft(case)
    text = str(caught.value)
    assert FAKE_KEY not in text and "07700 900123" not in text and "furious" not in text
