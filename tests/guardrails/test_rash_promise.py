"""``rash-promise``: guarantees, unauthorised remedies and contradicted timelines; hedges and authorised offers pass."""

from __future__ import annotations

import pytest
from replydraft_guardrails.rash_promise import RashPromise

RASH = RashPromise()

# Remedies: free overnight upgrade arriving Friday; a delivery-fee refund within 3 business days.
REMEDIES = [
    {"id": "overnight", "description": "Free upgrade to overnight shipping", "eta": "arrives Friday"},
    {"id": "delivery-refund", "description": "A refund of the delivery fee", "eta": "within 3 business days"},
]


@pytest.mark.parametrize(
    "reply",
    [
        "It will never happen again.",
        "We've fixed it, so you won't have to deal with this again.",
        "I guarantee the desk will be perfect.",
        "From now on you'll always get your deliveries on time.",
        "We've fixed the loop permanently, so it can't recur.",
    ],
)
def test_flags_guarantees_stated_or_implied(assert_flags, reply):
    assert_flags(RASH, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I can't promise it will never happen again, but here is what we changed: every order is now checked.",
        "Nobody can guarantee a courier is never late, but I'll track this one myself.",
        "I've flagged the restaurant so it doesn't happen again.",
        "You were promised a call on Tuesday and it never came.",
    ],
)
def test_passes_hedges_purposes_and_past_promises(assert_passes, reply):
    assert_passes(RASH, reply)


def test_flags_remedy_not_in_the_case(assert_flags, make_case):
    case = make_case(remedies=REMEDIES)
    assert_flags(RASH, "To make up for it I've refunded the full price of the desk.", case, message="full")
    assert_flags(RASH, "I've also knocked 15% off your next order.", case, message="discount")
    assert_flags(RASH, "As an extra apology I'm sending you a matching lamp free.", case, message="free")


def test_empty_remedies_means_nothing_may_be_promised(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[])
    assert_flags(RASH, "As an apology, I've added a £25 credit to your account.", case, message="no remedy")
    assert_passes(RASH, "I can't offer compensation myself, but I'll ask our manager and write by Friday.", case)


def test_authorised_remedies_pass_in_any_wording(assert_passes, make_case):
    case = make_case(remedies=REMEDIES)
    assert_passes(RASH, "I've upgraded it to overnight shipping at no cost, so it arrives Friday.", case)
    assert_passes(RASH, "I'd like to offer you free upgrade to overnight shipping (arrives Friday).", case)
    assert_passes(RASH, "I'm refunding the delivery fee; it will reach your card within 3 business days.", case)


def test_flags_timelines_the_case_contradicts(assert_flags, make_case):
    case = make_case(remedies=REMEDIES)
    findings = assert_flags(RASH, "I've upgraded you, so you'll have the desk tomorrow morning.", case)
    assert "arrives Friday" in findings[0].message
    assert findings[0].suggestion and "Friday" in findings[0].suggestion
    assert_flags(RASH, "The delivery fee will be back on your card today.", case)


def test_information_is_not_a_delivery_promise(assert_passes, make_case):
    case = make_case(remedies=REMEDIES)
    assert_passes(RASH, "The desk arrives Friday, and the tracking link will be with you by 5pm today.", case)


def test_quoted_customer_words_are_not_promises(assert_passes):
    assert_passes(RASH, 'You wrote "I was told it would never happen again" and I understand why you\'re angry.')
