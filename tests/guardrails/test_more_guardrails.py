"""The plugins beyond the core three: ownership, empathy, policy-language, over-apology (all warnings)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from replydraft_guardrails import empathy, over_apology, ownership, policy_language

OWN = ownership.Ownership()
EMPATHY = empathy.Empathy()
POLICY = policy_language.PolicyLanguage()
SORRY = over_apology.OverApology()


def test_each_plugin_registers_one_warning_guardrail(plugin_guardrails):
    for module, gid in [
        (ownership, "ownership"),
        (empathy, "empathy"),
        (policy_language, "policy-language"),
        (over_apology, "over-apology"),
    ]:
        (guardrail,) = plugin_guardrails(module)
        assert guardrail.id == gid and guardrail.severity == "warning"


def test_ownership(assert_flags, assert_passes, make_case):
    findings = assert_flags(OWN, "We apologise for any inconvenience. Your order will arrive Friday.", make_case())
    assert "that's on us" in (findings[0].suggestion or "")
    assert_passes(OWN, "We missed the pickup on Monday, and that's on us.")
    assert_passes(OWN, "It was our checkout that charged you twice.")
    assert_passes(OWN, "You did nothing wrong: our fraud rule misfired.")


def test_empathy(assert_flags, assert_passes, make_case):
    case = make_case(message="My mum's birthday is Saturday and the lamp arrived broken.")
    findings = assert_flags(EMPATHY, "A replacement ships today.", case)
    assert "birthday" in (findings[0].suggestion or "")
    assert_passes(EMPATHY, "I understand how frustrating this is.", case)
    assert_passes(EMPATHY, "A broken lamp for your mum's birthday is awful to open.", case)  # mirrors their words


@pytest.mark.parametrize(
    ("reply", "quote"),
    [
        ("As per our policy, refunds take 10 days.", "as per our policy"),
        ("Please be advised that the fee is non-refundable.", "please be advised that"),
        ("We apologise for any inconvenience caused.", "any inconvenience"),
        ("Your call is important to us.", "your call is important to us"),
        ("Your ticket has been escalated to tier 2 support.", "tier 2"),
    ],
)
def test_policy_language_points_at_the_phrase(assert_flags, reply, quote):
    findings = assert_flags(POLICY, reply, quote=quote)
    assert findings[0].suggestion


def test_policy_language_rewrite_drops_the_phrase(assert_flags):
    (finding,) = assert_flags(POLICY, "Hi Ana. As per our policy, the exchange ships within 1 business day.")
    assert finding.suggestion == "The exchange ships within 1 business day."


def test_policy_language_passes_plain_words_and_quotes(assert_passes):
    assert_passes(POLICY, "I've refunded the fee. It reaches your card within 3 business days.")
    assert_passes(POLICY, 'You were told "as per our policy" — that was the wrong answer, and I\'m sorry.')


def test_over_apology(assert_flags, assert_passes):
    reply = "I'm so sorry. We apologise again. Sorry once more. Truly sorry."
    findings = assert_flags(POLICY if False else SORRY, reply)
    assert len(findings) == 2  # the third and fourth apology
    assert_flags(SORRY, "I'm so, so sorry about this.", quote="so, so sorry")
    assert_passes(SORRY, "I'm sorry we missed the pickup. I'll email tracking by 5pm.")
    assert_passes(SORRY, "You said \"sorry isn't enough\" and you're right; I'm sorry, and here is the fix.")


# Over-apology searches only where an apology word occurs; it must find exactly what the patterns find on their own.
_APOLOGY_WORDS = "so sooo very really truly and sorry apologetic apologise apologies regretful i'm x é _ 2 — '"
_APOLOGY_BITS = st.sampled_from([*_APOLOGY_WORDS.split(), "forgive us", " ", " ", ", ", ".", "!", "\n"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_APOLOGY_BITS, max_size=30).map("".join) | st.lists(_APOLOGY_BITS, max_size=10).map(" ".join))
def test_over_apology_finds_what_its_patterns_find(low):
    def spans(matches):
        return [m.span() for m in matches]

    assert spans(over_apology._apologies(low)) == spans(over_apology.APOLOGY.finditer(low))
    assert spans(over_apology._stacked(low)) == spans(over_apology.STACKED.finditer(low))
