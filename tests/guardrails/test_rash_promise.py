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


def test_owning_the_fault_is_not_a_freebie(assert_passes, assert_flags, make_case):
    case = make_case(remedies=[])
    assert_passes(RASH, "The packaging wasn't up to our standard, that one's on us.", case)
    assert_passes(RASH, "This is on us: Sunday's migration locked out a number of learners, including you.", case)
    assert_flags(RASH, "Your next meal is on us.", case, message="no remedy")


def test_flags_paying_costs_the_case_does_not_authorise(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[])
    assert_flags(RASH, "Please don't worry about HMRC: we'll cover any penalty or interest they charge you.", case)
    assert_flags(RASH, "SkyLark Air will also cover the cost of a hotel tonight.", case, message="compensation")
    assert_passes(RASH, "I'll ask whether the airline will cover the cost of your hotel.", case)


def test_flags_waiving_a_bill_when_only_a_correction_is_authorised(assert_flags, assert_passes, make_case):
    corrected = {"id": "corrected", "description": "A corrected bill from the actual reading", "eta": "in 2 days"}
    paused = {"id": "dd-paused", "description": "The direct debit paused until the corrected bill is issued"}
    case = make_case(remedies=[corrected, paused])
    assert_flags(RASH, "I've cancelled the £412 bill entirely, so you won't pay anything for March.", case)
    assert_passes(
        RASH, "Your direct debit is paused, so you won't pay anything until the corrected bill arrives.", case
    )


def test_a_clock_time_does_not_cut_an_authorised_free_seat_off_its_flight(assert_passes, make_case):
    seat = {"id": "af1234", "description": "A seat on partner flight AF1234 via Paris tonight at 19:40, at no cost"}
    case = make_case(remedies=[seat])
    assert_passes(
        RASH, "I can offer you a seat on our partner flight AF1234 via Paris tonight at 19:40 at no cost.", case
    )


def test_a_timeline_is_held_to_the_remedy_it_names(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {"id": "collect", "description": "Tablets ready for collection", "eta": "today after 4pm"},
            {"id": "delivery", "description": "Free home delivery", "eta": "tomorrow morning"},
        ]
    )
    assert_flags(
        RASH, "I've put an urgent order in and we'll deliver the tablets to your door free by 11am today.", case
    )
    assert_passes(RASH, "Your tablets will be ready today from 4pm, or we'll deliver them free tomorrow morning.", case)


@pytest.mark.parametrize(
    "reply",
    [
        "We'll make sure nothing like this ever happens again.",
        "This kind of mistake won't be repeated.",
    ],
)
def test_flags_more_ways_of_promising_it_never_recurs(assert_flags, reply):
    assert_flags(RASH, reply)


def test_passes_a_purpose_that_mentions_never_again(assert_passes):
    assert_passes(RASH, "We've added a second check to make sure nothing like this ever happens again.")


def test_flags_a_visit_on_a_day_the_case_does_not_give(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "visit", "description": "A priority appointment on Thursday 8am-10am"}])
    assert_flags(RASH, "I've arranged for a technician to come out tomorrow morning.", case, message="Thursday")
    assert_passes(RASH, "I've arranged for a technician to come out on Thursday between 8am and 10am.", case)


def test_a_gift_is_a_remedy_too(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[])
    assert_flags(RASH, "Please accept a small gift from us as a token of our apology.", case, message="gift")
    assert_flags(RASH, "As an apology, I'm sending you a hamper.", case, message="no remedy")
    assert_passes(RASH, "Please accept our apologies; I'll call you on Friday at 10am.", case)


def test_words_that_only_look_like_remedies_are_not_offers(assert_passes, make_case):
    # "take time off" is no discount; "I'm free at 3pm" is availability, not a freebie.
    assert_passes(
        RASH,
        "Please accept my apologies: you had to take the day off to wait in.",
        make_case(remedies=REMEDIES),
    )
    assert_passes(RASH, "I'm free on Friday at 11am; reply and I'll put the call in my diary.", make_case(remedies=[]))


def test_a_deadline_the_arrival_meets_is_not_the_arrival_day(assert_flags, assert_passes, make_case):
    case = make_case(remedies=REMEDIES)
    assert_passes(RASH, "It's on overnight shipping and arrives Friday, so it will be there in time for Sunday.", case)
    assert_flags(RASH, "I've put it on overnight shipping, so it'll be at yours tomorrow.", case, message="tomorrow")


def test_an_authorised_sum_pins_the_scope_and_any_currency_spelling_counts(assert_flags, assert_passes, make_case):
    refund = {"id": "refund", "description": "A refund of the £95 cleaning charge", "eta": "within 5 business days"}
    case = make_case(remedies=[refund])
    assert_passes(RASH, "I've refunded the full £95 to your card; it will arrive within 5 business days.", case)
    assert_flags(RASH, "I've refunded the full cost of your rental to your card.", case, message="full")
    euros = make_case(remedies=[{"id": "refund", "description": "A full refund of the booking (EUR 64.20)"}])
    assert_passes(RASH, "I've issued a full refund of your booking, €64.20, to the card you paid with.", euros)
    assert_flags(RASH, "I've issued a refund of €80 to the card you paid with.", euros, message="€80")


def test_a_sum_off_the_next_order_is_the_authorised_voucher(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "voucher", "description": "A £5 voucher for your next order"}])
    assert_passes(RASH, "I've put £5 off your next order on your account; it applies at checkout.", case)
    assert_flags(RASH, "I've put 30% off your next order on your account.", case, message="discount")


@pytest.mark.parametrize(
    "reply",
    [
        "For the trouble, your whole office gets a free year on the plan.",  # the customer's team gets it
        "We'll pay for a new sofa of your choosing once you send me the link.",
        "I can confirm the claim will be settled in full by the end of the week.",
        "I've wiped the March invoice, so you have nothing to pay.",
    ],
)
def test_flags_more_shapes_of_unauthorised_remedies(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=[]), message="no remedy")


def test_sending_the_missing_items_is_a_replacement(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "voucher", "description": "A £5 voucher for your next order"}])
    assert_flags(RASH, "I'm getting the missing dessert sent out to you now by courier.", case, message="replacement")
    assert_passes(RASH, "I've added a £5 voucher for your next order to your account.", case)
    assert_passes(RASH, "I'll send you the correct tracking link by 5pm today.", make_case(remedies=[]))


def test_a_refund_timeline_does_not_govern_what_is_not_money_back(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "fee-refund", "description": "A refund of the £3 fee", "eta": "within 2 days"}])
    assert_passes(RASH, "The parcel was released by customs this morning and should reach your sister today.", case)
    assert_flags(RASH, "I've refunded the fee and it will be back on your card today.", case, message="today")
    # With a delivery remedy too, an arrival that names neither is held to the delivery.
    both = make_case(remedies=[*REMEDIES])
    assert_flags(RASH, "I got it onto a van this morning, so you'll have your desk this evening.", both)


def test_sending_new_information_is_no_replacement(assert_passes, make_case):
    case = make_case(remedies=[])
    assert_passes(RASH, "Once the locker is back online I'll send you a new code by text.", case)


def test_letting_the_customer_keep_the_goods_is_a_remedy(assert_flags, assert_passes, make_case):
    exchange = {"id": "exchange", "description": "A free exchange with a prepaid return label"}
    case = make_case(remedies=[exchange])
    assert_flags(RASH, "I'm sending the right size today, and you can keep the wrong pair, no need to return it.", case)
    assert_passes(RASH, "Please keep the box for the driver to collect on Monday.", case)
    kept = make_case(remedies=[{"id": "keep", "description": "You keep the damaged item at no cost"}])
    assert_passes(RASH, "I'm so sorry. Please keep the chair, no charge.", kept)


def test_more_wordings_of_unauthorised_money(assert_flags, make_case):
    case = make_case(remedies=[{"id": "corrected", "description": "A corrected invoice", "eta": "sent today"}])
    assert_flags(RASH, "I've cancelled that invoice, so there's nothing for you to pay this month.", case)
    assert_flags(RASH, "Sorry again. We'll lower this month's rent to make up for it.", make_case(remedies=[]))
    assert_flags(RASH, "I've gone ahead and approved your claim in full; the payment will go out this week.", case)
    capped = make_case(remedies=[{"id": "costs", "description": "Reimbursement of waiting time up to $100"}])
    assert_flags(RASH, "Don't worry, we'll cover all of their costs, just send the invoice.", capped)


def test_making_the_thing_again_is_a_replacement(assert_flags, make_case):
    case = make_case(remedies=[{"id": "refund", "description": "A full refund of the £40 order"}])
    assert_flags(RASH, "I've refunded the £40, and we'll also print you a brand-new poster, free.", case)


def test_scope_and_relative_timelines(assert_passes, make_case):
    month = make_case(remedies=[{"id": "month", "description": "One month free, applied to your next bill"}])
    assert_passes(RASH, "Sorry! Consider next month's subscription on the house; it's already applied.", month)
    credit = make_case(remedies=[{"id": "credit", "description": "A 5% credit on next month's invoice"}])
    assert_passes(RASH, "I've added a 5% credit to next month.", credit)
    redo = make_case(
        remedies=[{"id": "retest", "description": "A free retest", "eta": "results within 48 hours of the test"}]
    )
    assert_passes(RASH, "We have retest appointments at 10:00 and 2:30 today; which suits you?", redo)


def test_a_promise_of_the_authorised_remedy_is_no_guarantee(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[{"id": "confirmation", "description": "Written confirmation that your June booking stands"}]
    )
    assert_passes(RASH, "I can promise you this: your June booking stands.", case)
    assert_flags(RASH, "I promise you won't receive another June booking error.", case)


def test_flags_a_completion_sooner_than_the_case_allows(assert_flags, make_case):
    repair = {
        "id": "repair",
        "description": "Repair of the ceiling after an assessor's visit",
        "eta": "within 5 business days",
    }
    case = make_case(remedies=[repair])
    assert_flags(RASH, "We'll have the ceiling fully repaired by tomorrow evening.", case)
