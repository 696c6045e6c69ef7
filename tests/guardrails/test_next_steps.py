"""``next-steps``: an action with a time or trigger and an owner; warm but empty replies are flagged."""

from __future__ import annotations

import pytest
from replydraft_guardrails.next_steps import NextSteps

NEXT = NextSteps()


@pytest.mark.parametrize(
    "reply",
    [
        "I'm so sorry. We'll look into it and get back to you.",
        "Sorry about this! Someone will be in touch. Let me know if you need anything else.",
        "I've escalated this to the relevant team, who will review it as a priority.",
        "We'll update you as soon as we know more.",
        "Our engineering team is investigating. Thanks for your patience.",
        "Once we have the photos we can decide on next steps.",
    ],
)
def test_flags_warm_but_empty_replies(assert_flags, reply):
    assert_flags(NEXT, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I'll email you the tracking number by 5pm today.",
        'Reply "yes" and I\'ll start the clean-up straight away.',
        "I'll send you the tracking number as soon as it ships.",
        "An engineer will call you within 2 hours.",
        "The refund will be back on your card within 5 business days.",
        "A £10 voucher is on your account now.",
        "I'll call you on Thursday at 10am; if that's no good, reply with a better time.",
    ],
)
def test_passes_concrete_next_steps(assert_passes, reply):
    assert_passes(NEXT, reply)


def test_past_days_are_not_next_steps(assert_flags):
    assert_flags(NEXT, "We missed the pickup on Monday. We're sorry and we'll keep you posted.")


def test_finding_points_at_the_empty_promise_and_suggests_from_the_case(assert_flags, make_case):
    reply = "Sorry for the delay. We'll look into it."
    findings = assert_flags(NEXT, reply, make_case(), quote="look into it")
    assert "overnight" in (findings[0].suggestion or "").lower()


def test_reply_with_no_promise_at_all_gets_a_finding_without_span(assert_flags):
    (finding,) = assert_flags(NEXT, "Sorry about that.", count=1)
    assert finding.start is None and finding.end is None
