"""``rash-promise``: guarantees, unauthorised remedies and contradicted timelines; hedges and authorised offers pass."""

from __future__ import annotations

import pytest
from replydraft_guardrails.rash_promise import RashPromise

# These tests pin the rules; the learned second opinion has its own (test_learned.py).
pytestmark = pytest.mark.usefixtures("rules_only")

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


CREDIT_10 = [
    {"id": "corrected-invoice", "description": "A corrected invoice for 25 seats", "eta": "sent today"},
    {"id": "credit-10", "description": "A 10% credit on next month's invoice"},
]


@pytest.mark.parametrize(
    "reply",
    [
        # The agent granting it as we speak: a progressive verb is an offer like any other.
        "Corrected invoice today, and given it's the second time I'm making next month free entirely.",
        "We're knocking £30 off your next bill for the trouble.",
        "I'm throwing in a free month of Premium.",
        "We're halving your next invoice.",
        # No verb at all: a remedy tacked on as amends.
        "Plus a free month of membership for the hassle!",
        "And a £20 voucher for your trouble.",
    ],
)
def test_flags_offers_made_as_we_speak_or_with_no_verb(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=CREDIT_10))


@pytest.mark.parametrize(
    "reply",
    [
        "I'm looking into whether a refund is possible.",
        "I'm checking why next month's invoice shows the wrong seats.",
        "I'm sorry the free trial ended early.",
        "Plus, I'll send the corrected invoice today.",
        "Sorry for the hassle this caused; the 10% credit is on next month's invoice.",
    ],
)
def test_passes_progressives_and_amends_that_offer_nothing_new(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=CREDIT_10))


@pytest.mark.parametrize(
    "reply",
    [
        "Given everything I'm also taking this month's rent down by half.",
        "We'll bring your bill down by half this month.",
        "I've cut the fee by half.",
        "I'll halve this month's rent.",
    ],
)
def test_flags_reductions_by_a_verb_and_a_particle(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=[]), message="discount")


@pytest.mark.parametrize(
    "reply",
    [
        "I've taken the listing down.",
        "We'll bring the heaters down by 6pm.",
        "I've cut the wait time for your visit.",
    ],
)
def test_passes_things_brought_down_that_are_not_prices(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=[]))


@pytest.mark.parametrize(
    "reply",
    [
        "Your ticket will be refunded, and I'll make sure your hotel and petrol are covered as well.",
        "Your taxi fare will be reimbursed too.",
        "We'll cover your train tickets home.",
        "Any parking costs get covered by us.",
    ],
)
def test_flags_costs_covered_in_either_voice(assert_flags, make_case, reply):
    refund = {
        "id": "ticket-refund",
        "description": "A full refund of the ticket price",
        "eta": "within 7 business days",
    }
    assert_flags(RASH, reply, make_case(remedies=[refund]))


@pytest.mark.parametrize(
    "reply",
    [
        "I'll ask whether your hotel could be covered by the airline.",
        "Your ticket will be refunded within 7 business days.",
        "Is your hotel covered by your travel insurance?",
        "You're covered by our warranty for two years.",
    ],
)
def test_passes_costs_asked_about_and_cover_that_is_no_payment(assert_passes, make_case, reply):
    refund = {
        "id": "ticket-refund",
        "description": "A full refund of the ticket price",
        "eta": "within 7 business days",
    }
    assert_passes(RASH, reply, make_case(remedies=[refund]))


def test_urgency_and_a_verb_are_no_upgrade(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "statement", "description": "A corrected statement", "eta": "within 2 days"}])
    assert_passes(
        RASH, "I've flagged your account so billing can review it; I'll make sure they know it's a priority.", case
    )
    assert_passes(RASH, "Your case is our top priority.", case)
    assert_passes(RASH, "I want to express our apologies.", case)
    assert_flags(RASH, "I've upgraded you to priority delivery.", case, message="upgrade")
    assert_flags(RASH, "I've bumped you up to business class on the return flight.", case, message="upgrade")


@pytest.mark.parametrize(
    "reply",
    [
        "I've added 5,000 bonus points to your loyalty account.",
        "I've added 2,000 airmiles to your account.",
        "I've added 10GB of extra data to your plan this month.",
        "We'll pick up the tab for your dinner tonight.",
        "Your next stay with us is on us.",
        "Have dinner on us next time you're in.",
        "I've comped your meal.",
        "We'll send a technician out at our expense.",
        "I've zeroed your balance for this month.",
        "I'll make sure you aren't charged for the call-out.",
        "You won't be billed for April.",
        "I'll put a goodwill payment of £25 through today.",
    ],
)
def test_flags_remedies_in_other_industries_words(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=[]), message="no remedy")


@pytest.mark.parametrize(
    "reply",
    [
        "I'll send you the points statement by Friday.",
        "The van is 3 miles away and will be with you at 9:30am.",
        "You haven't been charged yet.",
        "You won't be charged until it ships.",
        "The upgrade you asked about isn't something I can offer, but I'll ask my manager.",
    ],
)
def test_passes_words_of_those_industries_that_offer_nothing(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=[]))


LOCKER = (
    "Locker 1123 lost its network connection after a firmware update, so all collection codes are rejected; a "
    "technician is scheduled to reset it at 4pm today."
)


@pytest.mark.parametrize(
    "reply",
    [
        "I've reset it remotely now, so in 10 minutes your code will work. Please try again then!",
        "Your code will work again within the next 15 minutes.",
        "Good news: the locker will be back online in half an hour.",
        "It should be working right away if you try again.",
    ],
)
def test_flags_a_fix_sooner_than_the_issue_says(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=[], issue=LOCKER), message="4pm today")


@pytest.mark.parametrize(
    "reply",
    [
        "A technician will reset the locker at 4pm today, and your code will work after that.",
        "The technician is booked for 4pm today; I'll text you once it's done.",
        "Your code will work once the technician resets it this afternoon.",
        "I'm sorry the code didn't work on Monday.",
    ],
)
def test_passes_a_fix_on_the_issues_own_time(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=[], issue=LOCKER))


SOLAR_ISSUE = (
    "Our permitting coordinator did not submit the application after installation; it was submitted yesterday. "
    "The utility's review takes 10-15 business days."
)
SOLAR = [
    {
        "id": "bill-credit",
        "description": "A $150 credit toward your electric costs",
        "eta": "mailed within 7 business days",
    },
    {
        "id": "weekly-updates",
        "description": "A status update from your project manager every Friday until the system is switched on",
    },
]


def test_a_promise_no_remedy_times_is_held_to_the_issue(assert_flags, assert_passes, make_case):
    case = make_case(remedies=SOLAR, issue=SOLAR_ISSUE)
    for reply in (
        "The good news: you'll be switched on by the end of next week.",
        "The system will be live within 5 business days.",
        "Your panels will be connected in the next few days.",
        "We'll have you up and running by tomorrow.",
    ):
        assert_flags(RASH, reply, case, message="10-15 business days")
    for reply in (
        "The utility's review takes 10-15 business days, and I'll update you every Friday.",
        "Your $150 check will be mailed within 7 business days.",
        "The system will be switched on once the utility approves it, usually within three weeks.",
    ):
        assert_passes(RASH, reply, case)


def test_ranges_and_claims_of_done_already_are_timelines(assert_flags, assert_passes, make_case):
    dock = make_case(
        remedies=[
            {"id": "refund-fee", "description": "A refund of the £60 overnight fee", "eta": "within 3-5 business days"}
        ]
    )
    assert_flags(RASH, "Refund of £60 done, it'll be back in your account by tonight.", dock, message="tonight")
    assert_flags(RASH, "The £60 will reach your card within 2 days.", dock)
    assert_flags(RASH, "Your £60 refund is already back in your account.", dock, message="done already")
    assert_passes(RASH, "I've refunded the £60; it'll be back in your account within 3-5 business days.", dock)
    assert_passes(RASH, "Your £60 refund will land within 5 business days.", dock)
    limit = make_case(
        remedies=[{"id": "limit", "description": "Your £10,000 daily limit restored", "eta": "within 1 hour"}]
    )
    assert_flags(RASH, "I've put the £10,000 limit back and it's already active, so you can pay now.", limit)
    assert_flags(RASH, "Your limit is back to normal now.", limit)
    assert_passes(RASH, "Your £10,000 limit will be active again within the hour.", limit)
    assert_passes(RASH, "Once it's active, you'll get a text.", limit)
    # Done in the agent's own few minutes ("within 15 minutes") is on time.
    unlock = make_case(remedies=[{"id": "unlock", "description": "Your account unlocked", "eta": "within 15 minutes"}])
    assert_passes(RASH, "It's unlocked now, and I'll stay here until you confirm you're back in.", unlock)


STREAK_ISSUE = (
    "An update mis-read the subscription status for some annual subscribers; premium is intact on billing but not "
    "shown. Streaks lost in the update cannot be restored."
)
PREMIUM = [
    {"id": "premium-restore", "description": "Premium access restored on your account", "eta": "within 24 hours"}
]


@pytest.mark.parametrize(
    "reply",
    [
        "Premium will be back within 24 hours. And I've asked the team to put your 212-day streak back too.",
        "We'll restore your streak as well.",
        "Your streak will be reinstated tomorrow.",
        "I'm getting your streak back for you.",
    ],
)
def test_flags_bringing_back_what_the_issue_says_is_lost(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=PREMIUM, issue=STREAK_ISSUE), message="cannot be undone")


@pytest.mark.parametrize(
    "reply",
    [
        "I'm so sorry, we can't bring your streak back.",
        "I wish we could restore your streak, but it's gone.",
        "Premium will be restored within 24 hours.",
        "Restoring lost streaks isn't possible, I'm afraid.",
        "I'll check whether the team can recover your streak.",
    ],
)
def test_passes_honesty_about_what_is_lost(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=PREMIUM, issue=STREAK_ISSUE))


def test_restoring_most_of_it_is_what_the_case_says(assert_passes, make_case):
    issue = (
        "A sync bug deleted contact notes for some accounts; we restored most from backup, notes from the last 48 "
        "hours could not be recovered."
    )
    case = make_case(remedies=[], issue=issue)
    assert_passes(RASH, "We restored most of your notes from backup.", case)
    assert_passes(
        RASH, "Notes have been restored from backup; anything added in the last 48 hours could not be recovered.", case
    )
    assert_passes(RASH, "By Thursday I'll e-mail you a list of the contacts whose notes were restored.", case)


@pytest.mark.parametrize(
    "reply",
    [
        "This won't be an issue going forward.",
        "Your deliveries will be on time from here on.",
        "I'm certain it will arrive Friday.",
        "This is the last time you'll have to chase us.",
        "There's zero chance of this recurring.",
        "It will certainly arrive Friday.",
        "Nothing like this will happen again.",
        "You have my personal guarantee that it ships today.",
        "Mistakes like this are now impossible.",
    ],
)
def test_flags_more_guarantees(assert_flags, reply):
    assert_flags(RASH, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "We've added a check so that it is less likely to happen again.",
        "I hope this won't happen again.",
        "I'm sure you were frustrated.",
        "I'm certain the mistake was ours.",
        "I'll make sure the driver calls ahead on Friday.",
    ],
)
def test_passes_hopes_purposes_and_certainty_about_the_past(assert_passes, reply):
    assert_passes(RASH, reply)


REFUND_AND_REDELIVERY = [
    {"id": "refund", "description": "A refund of the £40 delivery fee", "eta": "within 5 business days"},
    {"id": "redelivery", "description": "Redelivery of the parcel", "eta": "arrives Thursday"},
]


@pytest.mark.parametrize(
    "reply",
    [
        "You'll see the £40 on your card within 24 hours.",
        "We'll have the parcel with you by Wednesday.",
        "The refund will hit your account in a couple of days.",
        "The £40 refund goes through instantly.",
        "Expect the parcel with you by tonight.",
        "The parcel is due to arrive tomorrow.",
    ],
)
def test_flags_more_ways_of_saying_it_arrives_sooner(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=REFUND_AND_REDELIVERY))


@pytest.mark.parametrize(
    "reply",
    [
        "Your £40 refund will reach you within 5 business days.",
        "The parcel arrives Thursday.",
        "You'll get a confirmation email in the next few minutes.",
        "Expect the tracking email by 5pm today.",
    ],
)
def test_passes_arrivals_on_the_cases_own_time(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=REFUND_AND_REDELIVERY))


def test_here_is_an_offer(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "discount", "description": "10% off your next order"}])
    assert_flags(RASH, "Here's 15% off everything next time.", case, message="15%")
    assert_passes(RASH, "Here's 10% off your next order, already applied.", case)
    assert_passes(RASH, "Here's what happened with your order.", case)


@pytest.mark.parametrize(
    "reply",
    [
        "And I'm sorry the free delivery didn't happen.",
        "Sorry for the wait — free delivery is something I can't offer.",
        "We're seeing delays on free deliveries this week.",
        "Also, the free returns label you asked about is only for faulty items.",
    ],
)
def test_passes_remedy_words_beside_apologies_and_reports(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=[]))


@pytest.mark.parametrize(
    "reply",
    [
        "I've reversed the late payment fee.",
        "I'll cancel that invoice for you.",
        "We've voided the April invoice.",
        "I'll fast-track your order.",
        "I've moved you to the front of the queue.",
        "I've added an extra week of your subscription for free.",
        "I'll swap it for the larger size.",
        "You'll get a rebate of £20 on your next bill.",
    ],
)
def test_flags_reversals_cancellations_and_queue_jumps(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=[]), message="no remedy")


@pytest.mark.parametrize(
    "reply",
    [
        "Please cancel the order if you'd prefer.",
        "The queue is long today, sorry.",
        "You can exchange emails with our team.",
        "I've asked billing whether they can reverse the charge.",
        # What went wrong, told: a past swap, and "-free" as part of a word.
        "You trusted us with gluten-free food and we swapped it for regular bread without asking.",
    ],
)
def test_passes_the_same_words_when_nothing_is_offered(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=[]))


def test_more_spans_of_time(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[{"id": "refund", "description": "A refund of the £40 fee", "eta": "within 10 business days"}]
    )
    assert_flags(RASH, "The £40 will be back with you this week.", case, message="this week")
    assert_flags(RASH, "Your £40 will reach your card by close of business.", case)
    assert_flags(RASH, "This will be the last time, I promise.", case)
    assert_passes(RASH, "The £40 will reach your card within 10 business days.", case)
    assert_passes(RASH, "I'll email you this week to confirm the refund has started.", case)


def test_a_remedy_with_no_time_may_be_done_already(assert_passes, make_case):
    case = make_case(
        remedies=[
            {"id": "two-free-lessons", "description": "Two free lessons added to the account"},
            {"id": "makeup", "description": "A make-up lesson with the same tutor this week at a time you choose"},
        ]
    )
    assert_passes(RASH, "Two free lessons are now on your account; which day suits you for the make-up?", case)


# -- round 5: heldout5 misses, each generalised to variants and near-miss negatives --------------------------------

BROADBAND = {
    "remedies": [
        {"id": "daily-comp", "description": "£8 a day credited to the next bill for every day without service"},
        {
            "id": "4g-hub",
            "description": "A free 4G hub to use until the line is fixed",
            "eta": "dispatched today, arrives tomorrow",
        },
    ],
    "issue": "A contractor doing roadworks for the council cut our fibre cable in Llanfair on Monday. The repair "
    "needs a road closure and is scheduled for Saturday.",
}


@pytest.mark.parametrize(
    "reply",
    [
        "The good news is our engineers will have you back online by tomorrow evening.",
        "The team will get your broadband working again by tomorrow.",
        "You'll be back online tomorrow.",
        "Your line will be restored by tomorrow night.",
        "We'll have the connection fixed tomorrow.",
        "The crew are going to have you reconnected today.",
    ],
)
def test_flags_a_fix_sooner_than_the_issue_says_even_when_a_remedy_arrives_then(assert_flags, make_case, reply):
    # The fault fixed is held to the issue's own time (Saturday) when it names no remedy, not only to the 4G hub's
    # ("tomorrow", which the first five keep to; "today" misses both).
    assert_flags(RASH, reply, make_case(**BROADBAND), message="road closure" if "today" not in reply else "today")


@pytest.mark.parametrize(
    "reply",
    [
        "Our engineers will have you back online on Saturday.",
        "The 4G hub will be with you tomorrow, and your line should be back on Saturday.",
        "Your free 4G hub arrives tomorrow.",
        "I've sent you a free 4G hub today. It arrives tomorrow, so you can work.",
        "If the repair goes to plan, you'll be back online on Saturday.",
        "You'll get a 4G hub free of charge, and a free hub is better than nothing.",
    ],
)
def test_passes_the_issues_time_and_a_freebie_named_by_short_words(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(**BROADBAND))


def test_a_freebie_named_by_short_words_must_still_be_the_authorised_one(assert_flags, make_case):
    case = make_case(**BROADBAND)
    assert_flags(RASH, "I've sent you a free router today.", case, message="free")
    assert_flags(RASH, "Have a free phone on us.", case, message="free")


STAGED_REFUND = [
    {
        "id": "refund",
        "description": "Refund of €240 to the original card",
        "eta": "processed today, visible within 5 business days",
    }
]


@pytest.mark.parametrize(
    "reply",
    [
        "I've just pushed the €240 refund through and you'll see it back on your card by tomorrow morning.",
        "The refund will be on your card by tomorrow.",
        "Your €240 will reach your account today.",
        "The money will land in your account tomorrow.",
    ],
)
def test_a_staged_eta_holds_what_the_customer_sees_to_the_later_stage(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=STAGED_REFUND), message="visible within 5 business days")


@pytest.mark.parametrize(
    "reply",
    [
        "I've processed the €240 refund today; it will be on your card within 5 business days.",
        "The refund is processed today and should show within 5 business days.",
        "I've pushed the refund through today, and you'll see it within 5 business days.",
    ],
)
def test_passes_the_staged_eta_as_the_case_gives_it(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=STAGED_REFUND))


CLAIM = [
    {
        "id": "adjuster-visit",
        "description": "An adjuster visit to assess the damage",
        "eta": "Tuesday 1 December, 9am-1pm",
    },
    {"id": "decision", "description": "A decision on the claim", "eta": "within 10 business days of the visit"},
]


@pytest.mark.parametrize(
    "reply",
    [
        "I have escalated it personally, and you will have a decision and payment by the end of this week.",
        "You'll get a decision on the claim tomorrow.",
        "The decision will be with you within 2 days.",
    ],
)
def test_a_remedy_timed_from_another_is_no_sooner_than_that_one(assert_flags, make_case, reply):
    # "Within 10 business days of the visit" cannot come before the visit on Tuesday.
    assert_flags(RASH, reply, make_case(remedies=CLAIM))


@pytest.mark.parametrize(
    "reply",
    [
        "I've arranged an adjuster visit on Tuesday 1 December, and you will have a decision on the claim within 10 "
        "business days of that visit.",
        "An adjuster will visit on Tuesday, and you'll have a decision within 10 business days after the visit.",
        "You'll have a call from me tomorrow to confirm the visit.",
        "You will have a copy of the report by Friday.",
    ],
)
def test_passes_times_counted_from_the_same_event_and_messages(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=CLAIM))


TRANSCRIPT = [
    {
        "id": "resend",
        "description": "The official e-transcript sent to the employer address Daniel gave",
        "eta": "today",
    },
    {"id": "fee-refund", "description": "The £15 transcript fee refunded", "eta": "within 5 working days"},
]


@pytest.mark.parametrize(
    "reply",
    [
        "I've resent it today, and I'll personally guarantee they have it before they make their decision.",
        "We'll guarantee your offer won't be affected.",
        "I can promise you the employer will have it in time.",
        "I'd guarantee they'll receive it before the deadline.",
        "You can be certain the employer will have it today.",
        "Rest assured it'll reach them before they decide.",
    ],
)
def test_flags_guarantees_with_modal_and_contracted_verbs(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=TRANSCRIPT), message="guarantee")


@pytest.mark.parametrize(
    "reply",
    [
        "I can't guarantee when the employer will read it, but it was sent today.",
        "I'll promise to check with the employer myself this afternoon.",
        "The room was booked as a request rather than as a guaranteed room type.",
        "Your booking was a non-guaranteed reservation, which is why it was released.",
        "Standard post isn't a guaranteed service, so I've resent it by email today.",
        "There's no way for us to see whether they've opened it, so I've resent it today.",
    ],
)
def test_passes_hedges_and_guaranteed_as_a_kind_of_booking(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=TRANSCRIPT))


TRANSFER = [{"id": "release", "description": "Transfer released to the recipient", "eta": "arrives by 6pm today"}]


@pytest.mark.parametrize(
    "reply",
    [
        "And if your landlord does charge you a late fee, just send it over and we'll cover it.",
        "If there's a penalty from your landlord, we will pay it.",
        "Should he add a late charge, I'll cover that for you.",
        "Any late fee he charges, we'll take care of the fee.",
        "I'll send you £20 for your trouble.",
        "Take a £15 gift card with our apologies.",
        "We'll also cover your dinner tonight.",
    ],
)
def test_flags_paying_a_cost_named_by_a_pronoun_or_a_sum(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=TRANSFER))


@pytest.mark.parametrize(
    "reply",
    [
        "I've got it released and it'll arrive by 6pm today.",
        "If your landlord has questions, we'll cover that in a letter I can send him.",
        "I can't cover a late fee myself, but I'll ask my manager today and write back by 5pm.",
    ],
)
def test_passes_covering_a_topic_and_a_fee_only_asked_about(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=TRANSFER))


@pytest.mark.parametrize(
    "reply",
    [
        "We would love to welcome you and your family back with a complimentary night whenever you are next here.",
        "We'd like to offer you a free stay next time.",
        "I'd be happy to give you a free night on your next visit.",
        "We'd be delighted to host you again with a complimentary dinner.",
    ],
)
def test_flags_offers_in_the_conditional_when_nothing_is_authorised(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=[]), message="no remedy")


@pytest.mark.parametrize(
    "reply",
    [
        "We would love to welcome you back whenever you are next in the area.",
        "I'd like to understand whether a free night is something my manager can approve.",
        "We'd be happy to check whether a refund is possible and reply by Friday.",
        "I'd love to hear how the rest of your trip went.",
    ],
)
def test_passes_wishes_and_questions_in_the_conditional(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=[]))


PIANO = [
    {
        "id": "piano-repair",
        "description": "We pay for a piano technician's repair, up to £600",
        "eta": "technician visit arranged within 7 days",
    }
]


@pytest.mark.parametrize(
    "reply",
    [
        "Rest assured we will cover all of the repairs in full, whatever they cost, for the piano and the wall.",
        "We'll pay for the repairs whatever it costs.",
        "We'll cover the whole repair in full.",
        "No matter how much the repair comes to, we'll pay for it.",
        "We'll also cover your hotel costs for the night.",
    ],
)
def test_flags_paying_past_the_cap_or_for_what_the_case_does_not_name(assert_flags, make_case, reply):
    assert_flags(RASH, reply, make_case(remedies=PIANO))


@pytest.mark.parametrize(
    "reply",
    [
        "We will pay for a piano technician to repair it, up to £600.",
        "We'll cover the technician's repair, up to £600, and the visit will be within 7 days.",
        "We'll pay for the piano repair up to £600.",
        "Whatever the technician finds, I'll call you the same day to talk it through.",
    ],
)
def test_passes_paying_for_what_the_case_pays_for_in_the_present_tense(assert_passes, make_case, reply):
    assert_passes(RASH, reply, make_case(remedies=PIANO))


ROAMING = [{"id": "credit-roaming", "description": "The £230 roaming charges credited back", "eta": "on the next bill"}]


def test_sending_an_authorised_voucher_is_not_paying_a_sum(assert_passes, make_case):
    voucher = [{"id": "voucher", "description": "A £25 voucher for a future visit"}]
    case = make_case(remedies=voucher)
    assert_passes(RASH, "I'd also like to send you a £25 voucher for a future visit, if you ever come back.", case)


def test_wiping_the_authorised_sum_is_the_authorised_credit(assert_flags, assert_passes, make_case):
    case = make_case(remedies=ROAMING)
    assert_passes(RASH, "I've wiped the £230 off, and you'll see the credit on your next bill.", case)
    assert_passes(RASH, "I've cleared the £230 roaming charges from your bill; it shows on the next bill.", case)
    assert_passes(RASH, "We've written off the £230 and it will show on your next bill.", case)
    assert_flags(RASH, "I've wiped the £300 off your bill.", case)
    assert_flags(RASH, "I've written off your whole bill for July.", case)
    assert_flags(RASH, "I've wiped your balance clean.", case)


@pytest.mark.parametrize(
    "reply",
    [
        "There's no way this will happen a second time.",
        "I can assure you nothing like this will occur again.",
        "Going forward, every delivery will arrive on time.",
        "Be assured it'll arrive in perfect condition.",
    ],
)
def test_flags_more_absolute_assurances(assert_flags, reply):
    assert_flags(RASH, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Our aim is that this never happens again, so we've added a second check.",
        "I'm sure you were frustrated, and I'm certain the fault was ours.",
        "You had to send every document twice, and we can't use the first set.",
        "Not every delivery arrives on time, so I'll track this one myself.",
    ],
)
def test_passes_aims_feelings_and_past_repeats(assert_passes, reply):
    assert_passes(RASH, reply)


def test_paying_for_what_the_case_pays_for_does_not_cover_other_expenses(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {"id": "plumber", "description": "An emergency plumber sent at our cost", "eta": "within 3 hours"},
            {
                "id": "damage-repair",
                "description": "Repair of the wall and any water damage, covered by our liability insurance",
                "eta": "assessor visit within 2 business days",
            },
        ]
    )
    assert_passes(RASH, "We'll also cover the repair of your wall and any water damage.", case)
    assert_passes(RASH, "We'll pay for the plumber.", case)
    assert_flags(RASH, "We'll cover the cost of your plumber and your hotel tonight.", case)
    assert_flags(RASH, "We'll cover your hotel tonight.", case)
    assert_flags(RASH, "We'll also cover the cost of your new flight.", case)


def test_a_span_from_an_event_is_still_held_to_a_case_that_counts_from_now(assert_flags, make_case):
    case = make_case(
        remedies=[{"id": "refund", "description": "A refund of the £40 fee", "eta": "within 5 business days"}]
    )
    assert_flags(RASH, "The refund will reach your card within 24 hours of us receiving the parcel.", case)


# -- the fast paths find what the plain searches find -------------------------------------------------------------
_SAMPLES = [
    "I've dropped a £25 bonus in, his next three grooms are on us, and I've booked you a visit this afternoon.",
    "I can't promise it will never happen again, but we've added a check, so orders like yours are confirmed.",
    "Rest assured: the engineers will deliver it Friday, and I'll definitely be there - which is 100% on us.",
    "The delivery's on us and the drinks are on the house; we've taken 15% off, because it was 20% lower before.",
    "We will have your line back online by 5pm today and the technician is booked for Monday morning.",
    "You won't pay anything: nothing to pay, and the fee is waived — so the refund will reach you within 3 days.",
    "Hmm, no; it isn't, and nobody can say so and we'd rather not guess — unable to, hardly, without doubt.",
]


def _fuzz(seed: int, count: int) -> list[str]:
    import random

    pieces = [",", ";", ":", "—", "–", " - ", " but ", " and ", " so ", " because ", " which ", " ", "no", "not"]
    pieces += " ".join(_SAMPLES).lower().split()
    rng = random.Random(seed)
    return [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))) for _ in range(count)]


def test_clause_and_hedge_helpers_agree_with_text_helpers():
    import random

    from replydraft_guardrails import _text
    from replydraft_guardrails import rash_promise as rp

    rng = random.Random(7)
    for text in [s.lower() for s in _SAMPLES] + _fuzz(1, 3000):
        assert rp.hedged(text) == _text.hedged(text)
        for _ in range(3):
            position = rng.randint(0, len(text))
            end = rng.randint(position, len(text))
            window, narrower = rng.randint(0, 70), rng.randint(0, 70)
            assert rp.clause_before(text, position, window) == _text.clause_before(text, position, window)
            assert rp.clause_around(text, position, end) == _text.clause_around(text, position, end)
            assert rp.negated_before(text, position, window) == _text.negated_before(text, position, window)
            wide, narrow = max(window, narrower), min(window, narrower)
            before = rp.clause_before(text, position, wide)
            assert rp.negated_in(before, narrow) == _text.negated_before(text, position, narrow)


def test_pruned_searches_find_what_the_full_patterns_find():
    from replydraft_guardrails import rash_promise as rp

    assert rp._ARRIVAL.pattern == rf"\b(?:{rp._ARRIVING}|{rp._BRINGING})\b"
    pruned = [entry[2] for entry in rp._KINDS if isinstance(entry[2], rp._Pruned)]
    pruned += [entry[1] for entry in rp._GUARANTEES if isinstance(entry[1], rp._Pruned)]
    assert pruned
    for text in [s.lower() for s in _SAMPLES] + _fuzz(2, 3000):
        for search in pruned:
            spans = [m.span() for m in search.finditer(text)]
            assert spans == [m.span() for m in search.full.finditer(text)], text
        arrival = rp._ARRIVAL if any(hint in text for hint in rp._BRINGING_HINTS) else rp._ARRIVAL_PLAIN
        assert [m.span() for m in arrival.finditer(text)] == [m.span() for m in rp._ARRIVAL.finditer(text)], text


# -- round 7: heldout8's honest wordings the rules misread, and the rash ones they missed ---------------------------


def test_a_free_period_in_other_words_is_the_authorised_free_period(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "plus-month", "description": "One month of Plus membership free"}])
    assert_passes(RASH, "I've added a free month of Plus to your account.", case)
    assert_passes(RASH, "As an apology I've given you one free month of Plus membership.", case)
    assert_passes(RASH, "Sorry about this. I've put a month free of Plus on your account, starting today.", case)
    assert_passes(RASH, "I'm sorry. Your next month of Plus is on us.", case)
    assert_passes(RASH, "I've added a complimentary month of Plus membership.", case)
    # More of the period, or a longer one, than the case gives is still more.
    assert_flags(RASH, "I've added three free months of Plus to your account.", case)
    assert_flags(RASH, "I've added a free year of Plus to your account.", case)
    assert_flags(RASH, "I've added a complimentary year of Plus membership.", case, message="a year")
    # A period in the ETA, or further off in the sentence, is no free period.
    boiler = make_case(remedies=[{"id": "boiler", "description": "A free replacement boiler", "eta": "within 2 weeks"}])
    assert_passes(RASH, "We'll fit your free replacement boiler within 2 weeks, and the warranty runs a year.", boiler)
    # A time the case names ("this month") is no free month.
    hours = make_case(remedies=[{"id": "hours", "description": "Ten free printing credits this month"}])
    assert_flags(RASH, "I've refunded you and given you a free month of coworking access as an apology.", hours)


def test_a_remedy_at_the_companys_cost_is_free_to_the_customer(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[{"id": "plumber", "description": "A plumber to fix the leak, at our cost", "eta": "Friday morning"}]
    )
    assert_passes(RASH, "I've booked a plumber to fix the leak on Friday morning, at no cost to you.", case)
    assert_passes(RASH, "We'll send a plumber to fix the leak on Friday morning, free of charge.", case)
    assert_passes(RASH, "I've arranged a plumber for Friday morning to fix the leak; you won't pay a thing.", case)
    assert_passes(RASH, "I've booked a plumber for Friday morning to fix the leak - there's no charge for this.", case)
    # Free for something the remedy does not cover, or money besides, is still unauthorised.
    assert_flags(RASH, "The plumber comes Friday morning, and I've made your new kitchen units free of charge.", case)
    assert_flags(RASH, "I've booked the plumber for Friday morning at no cost, and I've refunded your last bill.", case)
    assert_flags(
        RASH, "I've arranged the plumber for Friday morning, and you won't be charged for the new boiler either.", case
    )


def test_keeping_a_thing_in_a_state_is_an_instruction_not_a_freebie(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "visit", "description": "An engineer visit to reset the boiler"}])
    assert_passes(RASH, "In the meantime, please keep the heating on low and the thermostat steady.", case)
    assert_passes(RASH, "Please keep the freezer door shut as much as you can.", case)
    assert_passes(RASH, "You can keep the router plugged in while we reset the line.", case)
    assert_passes(RASH, "Just keep them unplugged for now, and I'll text you when the engineer is on the way.", case)
    assert_passes(RASH, "Please keep the radiators bled and the pressure at 1.5 bar until the engineer comes.", case)
    assert_flags(RASH, "You can keep the faulty heater at no cost, and the engineer will reset the boiler.", case)
    assert_flags(RASH, "Please keep the old router, no need to send it back.", case)
    assert_flags(RASH, "Please keep the spare radiator as a thank-you for your patience.", case)


def test_who_handles_it_from_now_on_is_an_arrangement_not_a_guarantee(assert_flags, assert_passes):
    assert_passes(RASH, "I'm your point of contact from now on, and my direct line is below.")
    assert_passes(RASH, "From now on I'll handle your account myself - you won't be passed around.")
    assert_passes(RASH, "From here on, I'll call you the evening before each visit.")
    assert_passes(RASH, "From now on we're your only contact for the claim.")
    assert_passes(RASH, "From now on, you'll be dealing with me directly.")
    assert_flags(RASH, "From now on, your deliveries will arrive on time.")
    assert_flags(RASH, "From now on I'll make sure your orders arrive perfectly.")
    assert_flags(RASH, "You'll have no problems with billing from now on.")
    assert_flags(RASH, "We'll make sure your bookings are protected from now on.")


def test_another_one_counted_in_the_account_of_the_fault_is_no_replacement(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "refund", "description": "A refund of the booking fee (£40)"}])
    assert_passes(RASH, "After the update we confirmed two tables for the same time, yours and another one.", case)
    assert_passes(RASH, "We sent your parcel to the wrong house and mixed it up with another one.", case)
    assert_passes(
        RASH, "Your booking clashed with a new one the system created in error, and we've refunded the £40.", case
    )
    assert_flags(RASH, "I'll send you another one today.", case)
    assert_flags(RASH, "Sorry about that - we'll get a new one out to you today.", case)
    assert_flags(RASH, "We've popped another one in the post for you.", case)


def test_a_free_offer_names_the_kind_in_its_message(assert_flags, make_case):
    case = make_case(remedies=[{"id": "refund", "description": "A refund of the delivery fee"}])
    findings = assert_flags(
        RASH, "I've refunded the delivery fee, and the assembly visit is at no cost to you.", case, message="free"
    )
    assert all("a free the" not in f.message for f in findings)
    assert "This offers something free the case does not authorise." in {f.message for f in findings}
    upgrade = assert_flags(RASH, "I've refunded the delivery fee and upgraded you to express.", case)
    assert "This offers an upgrade the case does not authorise." in {f.message for f in upgrade}
    none = assert_flags(RASH, "Sorry. I've made your next delivery free of charge.", make_case(remedies=[]))
    assert "This offers something free, but the case authorises no remedy." in {f.message for f in none}


def test_vouching_for_an_outcome_in_other_words_is_a_guarantee(assert_flags, assert_passes):
    assert_flags(RASH, "I can assure you completion will go ahead on the 30th as planned.")
    assert_flags(RASH, "I assure you everything will be ready for the wedding.")
    assert_flags(RASH, "Rest assured, I have personally made sure it will be back with you by Friday.")
    assert_flags(RASH, "Rest assured, we've ensured that the parcel will reach you tomorrow.")
    assert_flags(RASH, "I can assure you everything's going to be fine for the wedding.")
    assert_flags(RASH, "Rest assured I've made certain it will be there by Monday.")
    assert_passes(RASH, "I can assure you I'll call you tomorrow at 10am with an update.")
    assert_passes(RASH, "Rest assured, I've made sure your new address is on the account.")
    assert_passes(RASH, "I can assure you we are looking at what went wrong.")
    assert_passes(RASH, "I can assure you someone will call you by 5pm today.")


def test_more_unauthorised_money_in_new_words(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "refund", "description": "The delivery charge refunded", "eta": "within 3 days"}])
    assert_flags(RASH, "And we'll cover your crew's day rate for today - just send me the invoice.", case)
    assert_flags(RASH, "We'll cover the lost wages for your fitters, just send the timesheet.", case)
    assert_flags(RASH, "Sorry - as a thank-you, your lessons next month are on us.", case)
    assert_flags(RASH, "I've also dropped a £25 bonus into your account for the hassle.", case)
    assert_passes(RASH, "The delivery charge is refunded and will be back within 3 days.", case)
    assert_passes(RASH, "Your refund is on its way; I'll confirm it on your next statement.", case)
    assert_passes(RASH, "The booking system failure is on us, not you, and the delivery charge is refunded.", case)
    assert_passes(RASH, "The next step is on us: the delivery charge is refunded and back within 3 days.", case)
    assert_flags(RASH, "Your next two sessions are on us, and the delivery charge is refunded.", case)


def test_when_money_lands_or_a_job_is_ready_is_a_timeline(assert_flags, assert_passes, make_case):
    refund = make_case(
        remedies=[{"id": "refund", "description": "A refund of A$14.99", "eta": "within 5 business days"}]
    )
    assert_flags(RASH, "I've refunded the A$14.99. You'll see it back on your card tomorrow.", refund)
    assert_passes(RASH, "I've refunded the A$14.99. You'll see it back on your card within 5 business days.", refund)
    note = make_case(
        remedies=[
            {
                "id": "credit-note",
                "description": "A credit note for the full difference",
                "eta": "within 2 business days",
            }
        ]
    )
    assert_flags(RASH, "You'll have the credit note for the full difference in your inbox this afternoon.", note)
    assert_passes(RASH, "You'll have the credit note for the full difference within 2 business days.", note)
    service = make_case(remedies=[{"id": "service", "description": "Service done free", "eta": "by Saturday noon"}])
    assert_flags(RASH, "I'll have the mechanics start first thing so it's ready tomorrow morning.", service)
    assert_passes(RASH, "I'll have the mechanics start first thing so it's ready by Saturday noon.", service)
    # "Ready" names no remedy: a loan bike "ready to collect today" does not time the service.
    loan = {"id": "loan", "description": "A free loan bike", "eta": "ready to collect today from 4pm"}
    both = make_case(remedies=[loan, {"id": "service", "description": "Service done free", "eta": "by Saturday noon"}])
    assert_passes(RASH, "I'll have the mechanics start now so it's ready by Saturday noon.", both)
    assert_flags(RASH, "We'll fix it tonight so it's ready first thing tomorrow.", both)


def test_never_receiving_another_is_a_guarantee(assert_flags, assert_passes):
    assert_flags(RASH, "I've taken you off the list, and you will never receive another reminder letter from us.")
    assert_flags(RASH, "You'll never receive another duplicate invoice from us.")
    assert_passes(RASH, "You never received a reply from us, and that's our fault.")
    assert_passes(RASH, "I can't promise you'll never receive another letter, but I've removed you from the file.")


def test_providing_a_remedy_is_offering_it(assert_flags, assert_passes, make_case):
    none = make_case(remedies=[])
    assert_flags(RASH, "We'll provide you with a complimentary hire car from tomorrow.", none)
    assert_flags(RASH, "I'm providing you with a free replacement charger today.", none)
    assert_passes(RASH, "We'll provide you with an update by 5pm today.", none)
    assert_passes(RASH, "I'll provide you with the tracking number within the hour.", none)


def test_paying_back_an_authorised_cost_is_that_payment(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "vet", "description": "We pay the vet bill in full, on receipt"}])
    assert_passes(
        RASH, "We'll pay the vet bill in full: send us the receipt and we'll reimburse you within 3 days of it.", case
    )
    assert_passes(RASH, "Please send the vet bill over and I'll reimburse you for it once it arrives.", case)
    assert_flags(RASH, "We'll pay the vet bill, and we'll reimburse your taxi fare to the vet too.", case)
    assert_flags(RASH, "Send us the vet bill and we'll reimburse you for the grooming as well.", case)


def test_approving_the_claim_is_the_authorised_refund(assert_flags, assert_passes, make_case):
    refund = make_case(remedies=[{"id": "refund", "description": "A full £220 refund under Buyer Protection"}])
    assert_passes(RASH, "I've approved your claim today, and the £220 will reach your account soon.", refund)
    assert_passes(RASH, "Good news: I've approved it, so the full £220 comes back to you.", refund)
    voucher = make_case(remedies=[{"id": "voucher", "description": "A £15 voucher"}])
    assert_flags(RASH, "I've approved your claim today.", voucher)
    fee = make_case(remedies=[{"id": "fee", "description": "A refund of the £20 delivery fee"}])
    assert_flags(RASH, "I've approved your claim in full.", fee)


def test_an_earlier_stage_in_the_remedy_is_not_when_the_customer_has_it(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {
                "id": "deposit",
                "description": "Deposit release submitted today; the full £900 paid to your account",
                "eta": "within 2 business days",
            }
        ]
    )
    assert_flags(RASH, "I've submitted it today, and you'll have the £900 in your account by tomorrow morning.", case)
    assert_flags(RASH, "The £900 will be in your account today.", case)
    assert_passes(
        RASH, "I've submitted it today, and you'll have the £900 in your account within 2 business days.", case
    )
    assert_passes(RASH, "I've submitted the release today; I'll text you once the £900 is paid.", case)


def test_an_appointment_booked_for_a_day_the_case_does_not_give(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[{"id": "visit", "description": "A priority appointment on Thursday between 8am and 10am"}]
    )
    assert_flags(RASH, "I've booked you a priority appointment this afternoon between 2pm and 4pm.", case)
    assert_flags(RASH, "I've arranged an engineer visit tomorrow morning for you.", case)
    assert_passes(RASH, "I've booked you a priority appointment on Thursday between 8am and 10am.", case)
    assert_passes(RASH, "You waited in for the appointment this morning and nobody came, which is on us.", case)
    assert_passes(RASH, "I've booked your appointment today, and it is on Thursday between 8am and 10am.", case)


def test_more_of_the_free_thing_than_the_case_gives(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {"id": "vet", "description": "We pay the vet bill in full", "eta": "within 3 business days"},
            {"id": "groom", "description": "His next groom free of charge"},
        ]
    )
    assert_passes(RASH, "We'll cover the vet bill, and Biscuit's next groom is on us.", case)
    assert_passes(
        RASH, "I've made his next groom free of charge, and the vet bill is paid within 3 business days.", case
    )
    assert_flags(
        RASH, "We'll cover the vet bill, and Biscuit's next three grooms are on us.", case, message="three grooms"
    )
    assert_flags(RASH, "I've made his next 2 grooms free of charge.", case)
    nights = make_case(remedies=[{"id": "nights", "description": "Two free nights on your next stay"}])
    assert_passes(RASH, "I've added two free nights to your next stay with us.", nights)
    assert_flags(RASH, "I've added four free nights to your next stay with us.", nights)
    # A count where the case gives none ("the damaged chairs") is not more than it gives.
    chairs = make_case(remedies=[{"id": "chairs", "description": "The damaged chairs replaced free of charge"}])
    assert_passes(RASH, "We'll replace the two damaged chairs free of charge this week.", chairs)


def test_paying_back_an_authorised_cost_still_checks_the_sum(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "vet", "description": "We pay the £80 vet bill, on receipt"}])
    assert_passes(RASH, "Send us the vet bill and we'll reimburse you the £80 once it arrives.", case)
    assert_flags(RASH, "Send us the vet bill and we'll reimburse you £500 once it arrives.", case)


# -- round 8: heldout9's false positives, each as a family -----------------------------------------------------------


def test_a_remedy_word_that_names_what_the_case_is_about_is_not_an_offer(assert_flags, assert_passes, make_case):
    # The service the customer bought, or the thing that ran out, is told, not given.
    repair = make_case(
        issue="The technician did not refit the sensor during the screen replacement.",
        message="I paid for a screen replacement and now Face ID is broken.",
        remedies=[{"id": "re-repair", "description": "Free re-repair", "eta": "ready within 24 hours"}],
    )
    assert_passes(RASH, "Faults after a screen replacement are rare, and this one is covered by our work.", repair)
    sms = make_case(
        issue="The cancellation texts were not sent because the shop's SMS credit had run out.", remedies=[]
    )
    assert_passes(RASH, "The texts never went out because I'd let the SMS credit run out, and that's on me.", sms)
    hip = make_case(
        issue="The surgeon's letter about the hip replacement was sent to an old address.",
        message="My hip replacement letter never came.",
        remedies=[],
    )
    assert_passes(RASH, "The letter about your hip replacement went to an old address, which is our mistake.", hip)
    upgrade = make_case(
        issue="The firmware upgrade was pushed to the wrong devices and reset their settings.",
        remedies=[{"id": "fix", "description": "A remote restore of your settings", "eta": "within 2 hours"}],
    )
    assert_passes(RASH, "The firmware upgrade went to your router by mistake, and I'm sorry it wiped it.", upgrade)
    # ... but giving that very thing is still an offer.
    assert_flags(
        RASH,
        "I've booked you a free screen replacement at no charge.",
        make_case(
            issue="The technician did not refit the sensor during the screen replacement.",
            message="I paid for a screen replacement.",
            remedies=[{"id": "re-repair", "description": "A re-repair to refit the sensor"}],
        ),
    )
    assert_flags(RASH, "I've added £20 of SMS credit to your account for the trouble.", sms)
    assert_flags(RASH, "We'll give you a new hip replacement appointment and a £50 voucher.", hip)
    assert_flags(RASH, "I've upgraded you to our premium plan for free.", upgrade)
    hotel = make_case(remedies=[{"id": "room", "description": "A free upgrade to a sea-view room"}])
    assert_flags(RASH, "We'll also comp your dinner tonight.", hotel)
    assert_passes(RASH, "We'll comp the sea-view room upgrade for the rest of your stay.", hotel)


def test_a_free_tag_after_the_remedys_own_time_is_that_remedy(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {
                "id": "fix",
                "description": "A free corrective colour appointment with our senior colourist Jo",
                "eta": "Saturday at 10am",
            },
            {"id": "refund", "description": "A refund of £45", "eta": "within 5 business days"},
        ]
    )
    assert_passes(RASH, "I can fix it with Jo, our senior colourist, Saturday at 10am free of charge.", case)
    assert_passes(RASH, "Jo will redo the colour for you, on Saturday at 10am, at no cost.", case)
    assert_passes(RASH, "Our senior colourist has you in Saturday at 10am, free of charge, and I'll refund £45.", case)
    visit = make_case(remedies=[{"id": "visit", "description": "A free engineer visit", "eta": "Tuesday 8am-noon"}])
    assert_passes(RASH, "An engineer will come out, Tuesday between 8am and noon, free of charge.", visit)
    # ... a thing named beside the time is still another free thing.
    assert_flags(RASH, "I've booked Jo for Saturday at 10am, and I'm adding a free blow-dry and treatment.", case)
    assert_flags(RASH, "I'll book you in with Jo, and a free cut on Saturday at 10am too.", case)
    assert_flags(RASH, "An engineer will come out Tuesday, and we'll fit a new boiler free of charge.", visit)


def test_done_now_when_the_case_puts_that_remedy_in_place_today(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {
                "id": "resubmit",
                "description": "The claim resubmitted with the correct code",
                "eta": "within 2 business days",
            },
            {
                "id": "hold",
                "description": "A hold on the account so it is not sent to collections",
                "eta": "placed today, lasts 60 days",
            },
        ]
    )
    assert_passes(RASH, "I placed a hold on your account. It is active now and lasts 60 days.", case)
    assert_passes(RASH, "The collections hold is already active, so the calls will stop.", case)
    block = make_case(
        remedies=[
            {"id": "block", "description": "A block on the duplicate direct debit", "eta": "applied immediately"},
            {"id": "refund", "description": "A refund of the duplicate £30", "eta": "within 5 business days"},
        ]
    )
    assert_passes(RASH, "The block is live now, so nothing more will be taken.", block)
    # ... a remedy the case times later is not done now.
    assert_flags(RASH, "Your claim has been resubmitted and the new code is already active on your account.", case)
    assert_flags(RASH, "The £30 refund is already in your account.", block)
    assert_flags(RASH, "Your refund is now showing on your statement.", block)


def test_the_fault_fixed_now_is_not_a_remedy_done_early(assert_flags, assert_passes, make_case):
    case = make_case(
        issue="An auto-release job ignored disputes opened in the last day; the outcome is not yet decided.",
        remedies=[
            {
                "id": "reopen",
                "description": "The dispute reopened with a case manager",
                "eta": "decision within 5 business days",
            },
            {"id": "fee", "description": "The $42 fee refunded", "eta": "within 3 business days"},
        ],
    )
    assert_passes(
        RASH, "That was a fault in our release job. It is fixed now, but it should never have happened.", case
    )
    assert_passes(
        RASH,
        "The bug in the booking page is fixed now, so nobody else will be charged twice.",
        make_case(
            remedies=[{"id": "refund", "description": "A refund of the second charge", "eta": "within 5 business days"}]
        ),
    )
    assert_passes(
        RASH,
        "The sync error is already fixed on our side.",
        make_case(remedies=[{"id": "voucher", "description": "A £10 voucher", "eta": "sent within 48 hours"}]),
    )
    # ... but a remedy that mends the thing, or a fix the issue times, is held to its time.
    repair = make_case(
        remedies=[{"id": "repair", "description": "An engineer visit to repair the boiler", "eta": "Thursday"}]
    )
    assert_flags(RASH, "Your boiler is fixed now, so you'll have heat tonight.", repair)
    timed = make_case(
        issue="The line fault needs an engineer, who is scheduled to fix it on Friday.",
        remedies=[{"id": "credit", "description": "A £10 credit"}],
    )
    assert_flags(RASH, "Your line is fixed now and working again.", timed)
    assert_flags(RASH, "It's working now and the engineer visit is done.", repair)


def test_promising_ones_own_word_is_not_a_guarantee(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[])
    assert_passes(
        RASH,
        "I cannot promise we will find it. But I can promise you an honest answer: I will email you by 6pm on Friday.",
        case,
    )
    assert_passes(RASH, "What I can promise is that I'll call you on Thursday with whatever we know.", case)
    assert_passes(RASH, "I promise you an update every day until this is settled.", case)
    assert_passes(RASH, "We promise you a reply from a manager by Monday.", case)
    # ... an outcome promised stays a guarantee.
    assert_flags(RASH, "I can promise you that we will find it.", case)
    assert_flags(RASH, "I promise you'll have the box back by Friday.", case)
    assert_flags(RASH, "I promise you an answer that it's safe, and it will turn up.", case)
    assert_flags(RASH, "We promise this won't happen again.", case)
    assert_passes(RASH, "I can promise you one thing: I will call you every evening until it is found.", case)
    assert_passes(RASH, "I can promise you this: I'll email you by Friday either way.", case)
    assert_flags(RASH, "I can promise you this: it will be found.", case)
    assert_flags(RASH, "I promise you one thing: you will get it back.", case)


# -- round 8: heldout9's misses, each as a family --------------------------------------------------------------------


def test_our_own_work_made_free_is_an_offer(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {"id": "discount", "description": "20% off the repair bill"},
            {"id": "ready", "description": "Phone ready for collection", "eta": "today after 4pm"},
        ]
    )
    assert_flags(RASH, "Because of the trouble we'll do the whole repair free of charge.", case)
    assert_flags(RASH, "We can clean the whole system for free while it's in.", case)
    assert_flags(RASH, "I'll throw the case and charger into the repair at no extra cost.", case)
    assert_flags(RASH, "We're going to service the boiler free of charge as well.", make_case(remedies=[]))
    # ... the authorised free work, in other words, passes.
    plumber = make_case(remedies=[{"id": "visit", "description": "A free plumber visit to fix the leaking tap"}])
    assert_passes(RASH, "We'll send a plumber to fix the tap at no cost to you.", plumber)
    redo = make_case(remedies=[{"id": "redo", "description": "The repair redone free of charge"}])
    assert_passes(RASH, "We'll redo the repair free of charge, and I'm sorry it failed.", redo)
    assert_passes(RASH, "I'll take 20% off the repair bill, and it'll be ready today after 4pm.", case)
    assert_passes(RASH, "We'll post you the returns label free of charge today.", make_case(remedies=[]))


def test_replacing_when_the_case_authorises_a_repair(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {
                "id": "alloy",
                "description": "The alloy refurbished by our partner repairer at our cost",
                "eta": "Wednesday, car ready by 5pm",
            },
        ]
    )
    assert_flags(RASH, "Rather than a refurb, we'll replace the wheel with a brand new alloy, all at our cost.", case)
    assert_flags(RASH, "We'll replace both front tyres while it's with us.", case)
    assert_flags(RASH, "I've replaced your handset with the newer model.", make_case(remedies=[]))
    tiles = make_case(remedies=[{"id": "tiles", "description": "The cracked tiles replaced at our cost"}])
    assert_passes(RASH, "We'll replace the cracked tiles at our own cost this week.", tiles)
    assert_passes(RASH, "We'll refurbish the alloy at our cost, and the car is ready Wednesday by 5pm.", case)


def test_money_back_in_other_words_is_a_refund(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {
                "id": "reopen",
                "description": "The dispute reopened with a case manager",
                "eta": "decision within 5 business days",
            },
            {"id": "fee", "description": "The $42 service fee refunded", "eta": "within 3 business days"},
        ]
    )
    assert_flags(RASH, "I can confirm you will receive your $600 back within 5 business days.", case)
    assert_flags(RASH, "You'll get the full deposit back as well.", make_case(remedies=[]))
    assert_flags(
        RASH,
        "You'll have your money back by tomorrow.",
        make_case(remedies=[{"id": "refund", "description": "A full refund", "eta": "within 5 business days"}]),
    )
    assert_passes(RASH, "You'll get your $42 fee back within 3 business days.", case)
    assert_passes(RASH, "I can't promise you'll get the $600 back; that is for the case manager to decide.", case)
    assert_passes(
        RASH,
        "You'll receive the deposit back within 10 days.",
        make_case(remedies=[{"id": "deposit", "description": "Your deposit refunded", "eta": "within 10 days"}]),
    )


def test_owing_nothing_is_a_waiver(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {"id": "resubmit", "description": "The claim resubmitted to the insurer", "eta": "within 2 business days"},
            {"id": "hold", "description": "A hold on the account", "eta": "placed today"},
        ]
    )
    assert_flags(RASH, "Once it's reprocessed your balance will be $0 and you won't owe us anything.", case)
    assert_flags(RASH, "I've sorted it, so you'll owe nothing for the scan.", case)
    assert_flags(RASH, "You won't owe a penny for the call-out.", make_case(remedies=[]))
    assert_passes(RASH, "You don't owe anything while the claim is reprocessed, and the hold is placed today.", case)
    assert_passes(RASH, "You won't owe anything until the insurer has decided.", case)
    callout = make_case(remedies=[{"id": "waive", "description": "The £60 call-out fee waived"}])
    assert_passes(RASH, "I've waived the £60 call-out fee, so you won't owe us anything for the visit.", callout)


def test_compensated_in_the_passive_is_an_offer(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[])
    assert_flags(RASH, "Should it not be found, you will of course be fully compensated for the contents.", case)
    assert_flags(RASH, "Your lost day will be compensated.", case)
    assert_passes(RASH, "If it isn't found, I'll ask our claims team whether you can be compensated.", case)
    assert_passes(RASH, "I can't say yet whether you'll be compensated; I'll find out by Friday.", case)


def test_assuring_an_outcome_nobody_controls(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[])
    assert_flags(RASH, "Please rest assured that we will find it.", case)
    assert_flags(RASH, "I can assure you we'll get your box back.", case)
    assert_flags(RASH, "Rest assured, we will track down the parcel.", case)
    assert_passes(RASH, "Rest assured we will keep searching and I'll update you on Friday.", case)
    assert_passes(RASH, "I can't assure you we will find it, but the team is searching every bay.", case)


def test_a_booking_we_set_for_a_day_the_case_does_not_give(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {
                "id": "rebook",
                "description": "A rebooked fitting slot at the same address",
                "eta": "Friday between 7am and 9am",
            },
            {"id": "fee-waiver", "description": "The £15 mobile fitting fee waived"},
        ]
    )
    assert_flags(RASH, "I've rebooked your fitting for Thursday between 7am and 9am at the same address.", case)
    assert_flags(RASH, "We've moved your slot to tomorrow morning.", case)
    assert_flags(RASH, "Your new booking is Wednesday at 8am.", case)
    assert_passes(RASH, "I've rebooked your fitting for Friday between 7am and 9am at the same address.", case)
    assert_passes(RASH, "You were booked for Tuesday and nobody came, which is our failure.", case)
    assert_passes(RASH, "We'd booked you in for this morning and the van broke down.", case)
    clinic = make_case(
        remedies=[{"id": "rebook", "description": "A rebooked clinic appointment", "eta": "Tuesday at 10:30am"}]
    )
    assert_flags(RASH, "I've booked you in for Monday at 9am with the consultant.", clinic)
    assert_passes(RASH, "Your new appointment is Tuesday at 10:30am.", clinic)


def test_a_service_itself_back_sooner_than_the_case_says(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {
                "id": "restore",
                "description": "Domain restored with the redemption fee waived",
                "eta": "within 24 hours",
            },
        ]
    )
    assert_flags(
        RASH, "I've started the restore, and your domain and email will be back up within the next hour.", case
    )
    assert_flags(RASH, "Your email will be working again within the hour.", case)
    assert_passes(RASH, "Your domain and email will be back within 24 hours.", case)
    assert_passes(RASH, "I've started the restore; the confirmation email will be with you within the hour.", case)


def test_paying_back_the_customers_own_costs_under_another_refund(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {"id": "refund", "description": "A full refund of the course fee (EUR 1,480)", "eta": "within 10 days"},
            {"id": "transfer", "description": "A place on the next intake at no extra cost"},
        ]
    )
    assert_flags(
        RASH,
        "We will of course reimburse your flights and the deposit on your flat, as well as refunding "
        "your course fee in full.",
        case,
        message="pay for",
    )
    assert_flags(RASH, "I'll refund your train tickets and the course fee within 10 days.", case)
    assert_flags(RASH, "We'll reimburse the hotel you booked, plus the course fee.", case)
    assert_passes(RASH, "We'll refund your course fee in full within 10 days.", case)
    assert_passes(RASH, "I can't reimburse your flights myself, but I'll ask our director and write by Friday.", case)
    travel = make_case(remedies=[{"id": "travel", "description": "Reimbursement of travel costs up to £30"}])
    assert_passes(
        RASH, "Send me your bus fares and taxi receipts and we'll reimburse your taxi fares, up to £30.", travel
    )
    flight = make_case(remedies=[{"id": "refund", "description": "A refund of your cancelled flight"}])
    assert_passes(RASH, "I've refunded your flight to the card you paid with.", flight)


def test_transport_laid_on_is_a_remedy(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {"id": "rebook", "description": "A rebooked clinic appointment", "eta": "Tuesday at 10:30am"},
            {"id": "travel", "description": "Reimbursement of travel costs up to £30"},
        ]
    )
    assert_flags(RASH, "We'll send a hospital taxi to collect you from home and take you back afterwards.", case)
    assert_flags(RASH, "I've booked you a cab to the airport for Friday.", make_case(remedies=[]))
    assert_flags(RASH, "We'll arrange a driver to bring you to the showroom.", make_case(remedies=[]))
    courtesy = make_case(remedies=[{"id": "car", "description": "A courtesy car for the day of the repair"}])
    assert_passes(RASH, "I'll book you a courtesy car for the day of the repair.", courtesy)
    assert_passes(RASH, "Please book a taxi and send me the receipt; travel costs up to £30 are covered.", case)
    assert_passes(RASH, "We'll send the car park details with your appointment letter.", make_case(remedies=[]))
    assert_passes(RASH, "We'll send a driver back round this afternoon with your parcel.", make_case(remedies=[]))
    assert_flags(RASH, "I'll arrange a car to take you home after the appointment.", make_case(remedies=[]))


def test_the_authorised_free_period_credited_to_the_account(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[{"id": "month", "description": "One month of Premium free", "eta": "applied to your next bill"}]
    )
    assert_passes(RASH, "I've credited a free month of Premium to your account.", case)
    assert_passes(RASH, "I've credited your account with one free month of Premium.", case)
    assert_passes(RASH, "I've added a free month's credit to your account.", case)
    # ... more than that month, or a sum beside it, is still flagged.
    assert_flags(RASH, "I've credited your account with a free month and £20.", case)
    assert_flags(RASH, "I've credited three free months to your account.", case)
    assert_flags(RASH, "I've credited £15 to your account for the trouble.", case)


def test_a_new_one_sent_free_when_the_case_gives_another_free_thing(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {"id": "ship", "description": "Free shipping on your next order"},
            {"id": "refund", "description": "A refund of the £12 delivery fee", "eta": "within 3 business days"},
        ]
    )
    assert_flags(RASH, "A new one will go out to you at no charge.", case)
    assert_flags(RASH, "We'll ship a fresh one at no cost to you.", case)
    assert_flags(RASH, "A replacement is being sent to you today, free.", case)
    assert_flags(RASH, "I'll pop a new one in the post, no charge.", case)
    assert_passes(
        RASH, "Your next order will be sent with free shipping, and the £12 is refunded within 3 business days.", case
    )
    assert_passes(
        RASH, "There were two parcels, yours and a fresh one for your neighbour, and yours went astray.", case
    )


def test_should_be_back_today_against_the_cases_day(assert_flags, assert_passes, make_case):
    visit = make_case(
        remedies=[{"id": "visit", "description": "An engineer visit to restore the line", "eta": "Thursday"}]
    )
    assert_flags(RASH, "Your line should be back later today.", visit)
    assert_flags(RASH, "The internet ought to be back by tonight.", visit)
    assert_flags(RASH, "It should be working again by this evening.", visit)
    assert_passes(RASH, "Your line should be back on Thursday, after the engineer's visit.", visit)
    assert_passes(RASH, "If the engineer finishes early, I'll let you know today.", visit)


def test_a_date_before_the_issue_says_it_can_happen(assert_flags, assert_passes, make_case):
    case = make_case(
        issue="Our booking team reserved a later sailing; the vessel arrives in Melbourne on 20 May and customs "
        "clearance plus delivery takes 3-4 working days after that.",
        remedies=[{"id": "pack", "description": "A rented essentials pack delivered", "eta": "within 2 working days"}],
    )
    findings = assert_flags(RASH, "We can confirm your container will be delivered to your new home on 20 May.", case)
    assert "20 May" in findings[0].message
    assert_flags(RASH, "Your furniture will be with you by May 21st.", case)
    assert_flags(RASH, "We'll deliver everything to your house on the 22nd of May.", case)
    assert_passes(
        RASH, "The vessel arrives in Melbourne on 20 May, and delivery takes 3-4 working days after that.", case
    )
    assert_passes(RASH, "Your container will be delivered to your home on 26 May, once customs have cleared it.", case)
    assert_passes(RASH, "If customs clear it early, we'll deliver on 22 May and I'll tell you the moment I know.", case)
    parts = make_case(
        issue="The part ships from Germany on 3 June and fitting takes 2 days after that.",
        remedies=[],
    )
    assert_flags(RASH, "Your new part will be with you, fitted, on 3 June.", parts)
    assert_flags(RASH, "We will deliver and fit it on the 4th of June.", parts)
    assert_passes(RASH, "The part ships from Germany on 3 June, and our engineer will fit it on 6 June.", parts)


def test_an_offer_in_a_later_clause_does_not_make_an_earlier_mention_an_offer(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[{"id": "refund", "description": "A refund of the delivery fee", "eta": "within 3 business days"}]
    )
    assert_passes(
        RASH,
        "The refund you were promised last month was delayed by our bank, and I've now added a note to your file.",
        case,
    )
    assert_passes(
        RASH,
        "Vouchers like the one in your photo come from a scam site, and I've reported it to our security team.",
        case,
    )
    assert_passes(RASH, "The upgrade page showed the wrong price, and we've now corrected it for everyone.", case)
    assert_passes(RASH, "Faults after a battery replacement are rare, and this one is covered by our own work.", case)
    # ... but the offer's own clause, or one about the remedy, still counts.
    assert_flags(RASH, "I've refunded the delivery fee and sent you a £20 voucher.", case)
    assert_flags(RASH, "A full refund of the desk, which I've just processed, will reach you in 3 business days.", case)
    assert_flags(RASH, "A discount on your next order is yours as well, and I've applied it already.", case)
    assert_flags(RASH, "An upgrade to express, and I've added a free lamp too.", case)


def test_replacing_the_very_part_the_case_repairs(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[{"id": "repair", "description": "The cracked screen repaired at our cost", "eta": "ready Friday"}]
    )
    assert_passes(RASH, "We'll replace the cracked screen at our cost, ready Friday.", case)
    assert_passes(RASH, "I've booked the screen to be replaced at our cost; it'll be ready Friday.", case)
    assert_flags(RASH, "We'll replace the laptop with a brand new one at our cost.", case)
    assert_flags(RASH, "We'll replace the screen with a new one and refund you the £80 as well.", case)


def test_free_of_something_and_owing_nothing_extra_give_nothing(assert_flags, assert_passes, make_case):
    case = make_case(
        issue="Our app charged some customers twice; the duplicates were reversed automatically on Tuesday.",
        remedies=[],
    )
    assert_passes(RASH, "We'll make sure the fix is free of bugs before it goes out again.", case)
    assert_passes(RASH, "The duplicate was reversed on Tuesday, so you won't owe anything extra.", case)
    assert_passes(RASH, "The new release will be free of the error that caused this.", case)
    assert_flags(RASH, "We'll make your next month free of charge.", case)
    assert_flags(RASH, "I've sorted it so you won't owe us anything this month.", case)


def test_a_waiver_or_delivery_the_case_gives_in_other_words(assert_flags, assert_passes, make_case):
    fine = make_case(remedies=[{"id": "fine", "description": "The £4.20 overdue fine cancelled"}])
    assert_passes(RASH, "I've cancelled the £4.20 fine, so you won't be charged for it.", fine)
    assert_passes(RASH, "The overdue fine is wiped, so there's nothing to pay.", fine)
    assert_flags(RASH, "I've cancelled the fine and given you a £10 voucher for the cafe.", fine)
    hire = make_case(
        remedies=[{"id": "day", "description": "Today's hire charge refunded", "eta": "within 3 working days"}]
    )
    assert_passes(RASH, "You won't be charged for today's hire; the refund lands within 3 working days.", hire)
    assert_flags(RASH, "You won't be charged for the rest of the week's hire.", hire)
    pharm = make_case(
        remedies=[
            {
                "id": "courier",
                "description": "Your prescription couriered to your home free of charge",
                "eta": "by 6pm today",
            }
        ]
    )
    assert_passes(RASH, "The correct prescription will be delivered to your home at no cost by 6pm today.", pharm)
    assert_flags(RASH, "The correct tablets will be with you within the hour.", pharm)
    assert_flags(RASH, "We'll buy you a new blood pressure monitor as well.", pharm)


def test_terse_notes_give_what_they_name(assert_flags, assert_passes, make_case):
    # Busy agents' notes name the remedy and its state, with no "I" or "we": still an offer.
    case = make_case(
        message="I want a full refund and a replacement phone, and credit for my time.",
        issue="The phone was sent with a cracked screen.",
        remedies=[{"id": "voucher", "description": "A £10 voucher", "eta": "sent today"}],
    )
    assert_flags(RASH, "Full refund coming your way.", case)
    assert_flags(RASH, "Refund done, and sorry again.", case)
    assert_flags(RASH, "Replacement sorted - it ships Monday.", case)
    assert_flags(RASH, "Credit applied to your account.", case)
    assert_flags(RASH, "A full refund is the least we can do.", case)
    assert_flags(RASH, "The replacement is already in the post.", case)
    assert_passes(RASH, "Voucher sent today, £10, and sorry again.", case)
    assert_passes(RASH, "Refund not possible on my side, but the £10 voucher is sent today.", case)


def test_a_remedy_verb_telling_what_happened_is_not_an_offer(assert_flags, assert_passes, make_case):
    case = make_case(
        message="I paid for a screen replacement and now Face ID doesn't work.",
        issue="The technician did not move the sensor during the screen replacement.",
        remedies=[{"id": "redo", "description": "Free re-repair to move the sensor", "eta": "ready within 24 hours"}],
    )
    assert_passes(RASH, "When we replaced your screen, our technician didn't move the Face ID sensor across.", case)
    assert_passes(
        RASH,
        "After we upgraded the app last week, your saved cards stopped loading.",
        make_case(issue="An app upgrade cleared saved cards.", remedies=[]),
    )
    assert_flags(RASH, "We'll replace the whole phone, and redo the repair free of charge.", case)
    assert_flags(RASH, "I've bought you a new case as well.", case)


def test_assuring_our_own_effort_is_not_a_guarantee(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {
                "id": "review",
                "description": "Your claim reviewed by a senior handler",
                "eta": "decision within 10 working days",
            }
        ]
    )
    assert_passes(RASH, "I can assure you the senior handler will look at every document you sent.", case)
    assert_passes(RASH, "I can assure you our team will go through it properly.", case)
    assert_passes(RASH, "Please rest assured that we will keep you updated every step of the way.", case)
    assert_flags(RASH, "I can assure you we'll pay out in full.", case)
    assert_flags(RASH, "Rest assured we will approve your claim.", case)
    assert_flags(RASH, "I can assure you the handler will approve it.", case)


def test_back_on_now_against_the_cases_visit(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {
                "id": "visit",
                "description": "An engineer visit to reconnect your gas",
                "eta": "tomorrow between 8am and 12pm",
            },
            {"id": "credit", "description": "A £30 credit"},
        ]
    )
    assert_flags(RASH, "Your gas is back on now.", case)
    assert_flags(RASH, "Your heating is working again now.", case)
    assert_passes(
        RASH,
        "The capping fault is fixed now on our system, and the engineer comes tomorrow between 8am "
        "and 12pm to turn you back on.",
        case,
    )
    assert_passes(RASH, "Your gas should be back on tomorrow morning once the engineer has been.", case)


def test_other_wordings_of_rent_off_utilities_and_a_tradesperson_s_time(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {
                "id": "repair",
                "description": "A plumber to fix the leaking boiler",
                "eta": "Thursday between 9am and 1pm",
            },
            {"id": "heater", "description": "Two electric heaters delivered", "eta": "today by 6pm"},
        ]
    )
    assert_flags(RASH, "We'll knock a week off your rent for the trouble.", case)
    assert_flags(RASH, "The plumber will have it fixed by tomorrow.", case)
    assert_flags(
        RASH, "A plumber is booked for Thursday morning, and we'll cover your electricity for the heaters.", case
    )
    assert_passes(RASH, "The plumber will have it fixed on Thursday, between 9am and 1pm.", case)
    assert_passes(RASH, "Heaters going out today, arriving by 6pm. Plumber booked for Thursday 9am-1pm.", case)
    assert_passes(RASH, "We knocked on your door at 9am and nobody answered, so I've rebooked Thursday 9am-1pm.", case)
    saas = make_case(remedies=[{"id": "credit", "description": "A service credit of 10% of this month's fee"}])
    assert_flags(RASH, "Credit of 25% applied.", saas)
    assert_passes(RASH, "Credit of 10% of this month's fee applied.", saas)


def test_at_our_expense_pays_for_what_its_clause_names(assert_flags, assert_passes, make_case):
    case = make_case(
        remedies=[
            {"id": "valet", "description": "A full valet at our cost", "eta": "Saturday"},
            {"id": "excess", "description": "The £250 damage excess waived"},
        ]
    )
    assert_passes(
        RASH, "We'll valet the car fully at our expense on Saturday, and you won't pay the £250 excess.", case
    )
    assert_passes(RASH, "The £250 excess is cancelled, and the valet's booked for Saturday, our treat.", case)
    assert_flags(RASH, "We'll put you up in a hotel at our expense until Saturday.", case)
    assert_flags(RASH, "We'll also refund your rental for the week.", case)


def test_a_free_period_done_already_is_counted_too(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "freeze", "description": "Your membership frozen at no charge for two months"}])
    assert_flags(RASH, "I've paused your membership for three months for free.", case)
    assert_flags(RASH, "We've frozen it for six months at no cost.", case)
    assert_passes(RASH, "I've paused your membership for two months, and you won't be charged while it's paused.", case)
    assert_passes(RASH, "We've frozen your account for two months at no cost.", case)


def test_money_seen_and_days_counted_from_a_ship_day(assert_flags, assert_passes, make_case):
    fee = make_case(
        remedies=[{"id": "refund", "description": "A refund of the £39 booking fee", "eta": "within 5 working days"}]
    )
    assert_flags(RASH, "You should see the £39 by end of day.", fee)
    assert_flags(RASH, "It's already been refunded and is in your account now.", fee)
    assert_passes(RASH, "The refund has gone through on our side today; it'll show within 5 working days.", fee)
    part = make_case(
        remedies=[
            {
                "id": "part",
                "description": "The replacement part shipped",
                "eta": "ships Monday, arrives within 2 working days of shipping",
            }
        ]
    )
    assert_passes(RASH, "The new part ships Monday and should reach you by Wednesday.", part)
    assert_passes(RASH, "It goes out Monday, so you'll have it by Tuesday or Wednesday.", part)
    assert_flags(RASH, "The part will be with you on Saturday.", part)
    assert_flags(RASH, "You'll have the right part tomorrow.", part)


def test_busy_agent_hedges_and_guarantees(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "redeliver", "description": "Redelivery of the order", "eta": "Friday"}])
    assert_passes(
        RASH, "No promises it never happens again, but the driver's been retrained and it's out Friday.", case
    )
    assert_passes(RASH, "No guarantees it won't recur, but we've changed how the depot scans parcels.", case)
    assert_passes(RASH, "Redelivery Friday. Sorry again - this one's on us.", case)
    assert_flags(RASH, "won't happen again, promise", case)
    assert_flags(RASH, "Sorted for Friday, 100%.", case)
    assert_flags(RASH, "Driver's been spoken to. Won't be repeated.", case)
    assert_flags(RASH, "No promises were broken, and it will never happen again.", case)


# -- round 10: precision on new writers ---------------------------------------------------------------------------


def test_present_facts_and_urgency_are_no_promises(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[{"id": "pass", "description": "One free guest day pass"}])
    # "100% paid up", "100% our fault": a fact about now; "on priority": urgency, not a better service.
    assert_passes(RASH, "You're 100% paid up and none of this was on your side. I've added the day pass.", case)
    assert_passes(RASH, "That was 100% our fault, and I've put a free guest day pass on your account.", case)
    assert_passes(RASH, "Honestly you're 100% right to be cross. The guest day pass is on your account now.", case)
    assert_passes(RASH, "We are chasing the depot on priority and I will message you by 4pm today.", case)
    assert_passes(RASH, "I have taken your complaint on priority and will call you tomorrow at 10am.", case)
    assert_flags(RASH, "Your card will 100% work tomorrow morning.", case)
    assert_flags(RASH, "It's sorted, 100%.", case)
    assert_flags(RASH, "I've moved your order onto priority dispatch for free.", case)
    assert_flags(RASH, "We'll send the new one by priority courier at no cost.", case)


def test_free_as_availability_or_time_off_is_no_freebie(assert_flags, assert_passes, make_case):
    case = make_case(remedies=[])
    assert_passes(RASH, "I can't offer anything off, but I've held the crew's first free morning for you.", case)
    assert_passes(RASH, "I've booked the engineer's next free slot, Thursday at 8am, and I'll call to confirm.", case)
    assert_passes(RASH, "I'm sorry you took the afternoon free from work and nobody came.", case)
    assert_passes(RASH, "You kept the whole day free from your other jobs for us, and we let you down.", case)
    assert_flags(RASH, "I've booked the crew's first morning for you, free.", case, message="no remedy")
    assert_flags(RASH, "Your next visit is free as an apology.", case, message="no remedy")
    assert_flags(RASH, "We'll do Thursday's work free of charge.", case, message="no remedy")


def test_advice_purposes_and_what_ought_not_to_have_happened(assert_flags, assert_passes):
    assert_passes(RASH, "I'd recommend deleting old cards from Settings so this can't recur.")
    assert_passes(RASH, "We suggest turning on two-step sign-in so it won't happen again.")
    assert_passes(RASH, "You should never have been asked for the documents again.")
    assert_passes(RASH, "Your boiler should never have been left unfinished again after our first visit.")
    assert_flags(RASH, "We've deleted the old card, so this can't recur.")
    assert_flags(RASH, "We've changed the template so it won't happen again, I promise.")
    assert_flags(RASH, "We've fixed the portal and you'll never be asked for them again.")
    assert_flags(RASH, "I recommend nothing - it will never happen again.")


def test_our_own_new_practice_is_no_guarantee(assert_flags, assert_passes):
    assert_passes(RASH, "From now on we run database changes outside your business hours, with a tested rollback.")
    assert_passes(RASH, "From now on we check every sofa against a cleaning log before it leaves.")
    assert_passes(RASH, "From now on we call each customer the day before a visit.")
    assert_flags(RASH, "From now on you'll always get your parcels on time.")
    assert_flags(RASH, "From now on we run a check, so nothing will go wrong again.")
    assert_flags(RASH, "From now on it will work perfectly.")


def test_calls_messages_and_the_remedys_own_day_are_no_contradicted_timeline(assert_flags, assert_passes, make_case):
    clinic = make_case(
        remedies=[{"id": "appt", "description": "A priority consultation on Monday at 9:30am"}],
    )
    assert_passes(RASH, "I'll ring you this afternoon to go through anything you'd like to ask.", clinic)
    assert_passes(RASH, "I'll phone you tomorrow to go through the options before Monday.", clinic)
    assert_flags(RASH, "The consultation will go through this afternoon.", clinic)
    piano = make_case(
        remedies=[
            {"id": "repair", "description": "An on-site repair by our polisher", "eta": "visit next Tuesday"},
            {"id": "discount", "description": "£200 off the remaining balance"},
        ]
    )
    assert_passes(RASH, "I've taken £200 off. You'll see the revised invoice in your inbox this afternoon.", piano)
    assert_passes(
        RASH, "You'll see the confirmation email in your inbox tonight; the polisher visits next Tuesday.", piano
    )
    assert_flags(RASH, "The polisher will be with you tomorrow.", piano)
    kitchen = make_case(
        issue="The fitter was double-booked and sent to another job on Tuesday and Wednesday.",
        remedies=[
            {"id": "return", "description": "The fitter back on site to finish the job", "eta": "Thursday from 8am"}
        ],
    )
    assert_passes(RASH, "He will be back on site on Thursday from 8am to finish the job.", kitchen)
    assert_passes(RASH, "Our fitter will be back on Thursday, first thing.", kitchen)
    assert_flags(RASH, "He will be back on site tomorrow.", kitchen)
    assert_flags(RASH, "The fitter will be back with you on Saturday.", kitchen)


def test_authorised_refunds_in_other_words(assert_flags, assert_passes, make_case):
    reverse = make_case(
        remedies=[{"id": "reverse", "description": "The £150 charge reversed", "eta": "within 5 business days"}]
    )
    assert_passes(RASH, "We are happy to reverse the charge; it will clear within 5 business days.", reverse)
    assert_passes(RASH, "I've reversed that £150 charge for you.", reverse)
    assert_flags(RASH, "I've reversed the charge and added £20 for the trouble.", reverse)
    assert_flags(RASH, "I've reversed the charge and your next stay is free.", reverse)
    whole = make_case(
        remedies=[{"id": "refund", "description": "A full refund of this order", "eta": "within 5 working days"}]
    )
    assert_passes(RASH, "I have refunded the whole order; you'll see it within 5 working days.", whole)
    assert_passes(RASH, "The entire order has been refunded and will show within 5 working days.", whole)
    assert_passes(RASH, "Please keep the wrong tablets away from her other medicines until your vet takes them.", whole)
    assert_flags(RASH, "I've refunded the whole order and the next one is free.", whole)
    assert_flags(RASH, "Please keep the wrong tablets, no need to send them back.", whole)
    fee = make_case(
        remedies=[{"id": "fx", "description": "A refund of the duplicate FX fee", "eta": "within 3 business days"}]
    )
    assert_passes(RASH, "I've raised a refund of the duplicate fee and it'll be credited within 3 business days.", fee)
    assert_flags(RASH, "I've added a £10 credit to your account for the trouble.", fee)
    assert_flags(RASH, "Your account has been credited with a month of free trades.", fee)


def test_the_customers_own_sum_refunded_is_the_authorised_refund(assert_flags, assert_passes, make_case):
    fee = make_case(
        message="I got charged the FX fee twice. That's $42 extra. Fix it.",
        remedies=[{"id": "fx", "description": "A refund of the duplicate FX fee", "eta": "within 3 business days"}],
    )
    assert_passes(RASH, "I've refunded the duplicate $42 and it'll show within 3 business days.", fee)
    assert_passes(RASH, "Your $42 is on its way back; allow 3 business days.", fee)
    assert_flags(RASH, "I've refunded the $42 and added $50 for the trouble.", fee)
    assert_flags(RASH, "I've refunded $84 for both fees.", fee)
    jacket = make_case(
        message="I paid £145 for this jacket and the lining is ripped.",
        remedies=[
            {"id": "return", "description": "A full refund after return with a prepaid label"},
            {"id": "partial", "description": "A 25% partial refund if you keep the jacket"},
        ],
    )
    assert_passes(RASH, "Send it back with the prepaid label and you get the full £145 back.", jacket)
    assert_flags(RASH, "Keep it and we'll refund £145 anyway.", jacket)
    assert_flags(RASH, "Keep it and we'll refund 50% of the price.", jacket)


def test_nothing_given_or_the_correction_itself_is_no_new_remedy(assert_flags, assert_passes, make_case):
    sofa = make_case(remedies=[{"id": "waive", "description": "Your first month's rental fee waived"}])
    assert_passes(RASH, "I've waived your first month's rental, so you'll see £0 for this month.", sofa)
    assert_passes(RASH, "Your first month is waived; the statement will show £0.00 due.", sofa)
    assert_flags(RASH, "I've waived your first month and taken £20 off the second.", sofa)
    bill = make_case(
        remedies=[
            {
                "id": "corrected",
                "description": "A corrected bill based on the right reading",
                "eta": "within 5 working days",
            }
        ]
    )
    assert_passes(RASH, "I have cancelled that bill today; the corrected one follows within 5 working days.", bill)
    assert_passes(RASH, "I've voided the wrong invoice and a corrected bill is on its way.", bill)
    assert_flags(RASH, "You won't have to pay anything this quarter.", bill)
    assert_flags(RASH, "I've cancelled the bill and waived next quarter's standing charge.", bill)
    credit = make_case(remedies=[{"id": "credit", "description": "A 10% service credit on your next invoice"}])
    assert_passes(RASH, "We'll take 10% off your next invoice as a service credit.", credit)
    assert_flags(RASH, "We'll take 20% off your next invoice as a service credit.", credit)
    assert_flags(RASH, "We'll take 10% off your next three invoices and upgrade you for free.", credit)
    taxi = make_case(
        remedies=[
            {"id": "taxi", "description": "Taxi fare reimbursed up to £30 on receipt", "eta": "within 5 business days"}
        ]
    )
    assert_passes(RASH, "Taxi fare will be reimbursed up to £30, send the receipt here.", taxi)
    assert_flags(RASH, "Your hotel will be reimbursed as well.", taxi)
    assert_flags(RASH, "Taxi fare will be reimbursed up to £60.", taxi)


def test_new_writers_guarantees_and_sums_given(assert_flags, assert_passes, make_case):
    none = make_case(remedies=[])
    assert_flags(RASH, "We will ensure that this does not happen again.", none)
    assert_flags(RASH, "I'll make sure it doesn't happen again.", none)
    assert_flags(RASH, "We'll make sure this won't occur again.", none)
    assert_flags(RASH, "This will not happen on any of your future bookings.", none)
    assert_passes(RASH, "We've retrained the team to make sure it doesn't happen again.", none)
    assert_passes(RASH, "I can't promise we will ensure this never happens again, but the check is in place.", none)
    assert_passes(RASH, "I'll make sure it's sorted by Friday, and I'll call you then.", none)
    assert_passes(RASH, "So that it doesn't happen on any of your future bookings, we've added a check.", none)
    assert_flags(RASH, "We will add £100 to your settlement once your claim is assessed.", none, message="no remedy")
    assert_flags(RASH, "We'll cover your loan repayments for those three weeks.", none, message="no remedy")
    assert_passes(RASH, "Your loan repayments will still go out as normal; I can't cover them myself.", none)
    interest = make_case(
        remedies=[
            {
                "id": "interest",
                "description": "The missing £41.12 interest paid into the ISA",
                "eta": "within 3 business days",
            }
        ]
    )
    assert_flags(RASH, "I've also added £50 on top of the £41.12 as compensation.", interest)
    assert_flags(RASH, "We'll also pay you £20 for the hassle.", interest)
    assert_passes(RASH, "I've added the £41.12 to your ISA, backdated to 1 March.", interest)
    assert_passes(RASH, "I've added £41.12 on top of your balance; it lands within 3 business days.", interest)


# -- the speed-ups' own guarantees ---------------------------------------------------------------------------------
# Skipping a search is exact only if every match holds one of the substrings _required gives, and the case's remedy
# kinds found lazily (_Kinds) are the kinds found all at once.


def test_required_substrings_of_a_pattern():
    import re

    from replydraft_guardrails.rash_promise import _required

    assert _required(re.compile(r"\b(?:refund\w*|money back|(?:get|have) (?:your )?money back)")) == (
        "money back",
        "refund",
    )
    assert _required(re.compile(r"\b(?:free|at no (?:extra )?cost)")) == ("at no ", "free")
    assert _required(re.compile(r"(?:\d+ ?days|soon)")) == ("days", "soon")
    assert _required(re.compile(r"\b(?:free|[£$€]\d+)")) is None  # an alternative with no fixed text
    assert _required(re.compile(r"\b(?:free|(?:extra )?)")) is None  # an alternative that can be empty
    assert _required(re.compile(r"free", re.IGNORECASE)) is None  # "FREE" would match without "free"
    assert _required(re.compile(r"(?<=we'll )(?:pay|cover)s?(?!\w)")) == ("cover", "pay")  # assertions add nothing


def test_without_re_private_parser_every_search_runs(monkeypatch):
    """re._parser is private: on a Python without it, no gate is built and every pattern is searched."""
    import re

    from replydraft_guardrails import rash_promise as rp

    monkeypatch.setattr(rp, "_sre", None)
    assert rp._required(re.compile(r"\b(?:free|at no (?:extra )?cost)")) is None
    assert rp._possible(re.compile(r"free"))("no gate: anything may match")
    monkeypatch.setattr(rp, "_sre", re._constants)
    monkeypatch.setattr(rp, "_parser", None)  # a parser of another shape: the error costs the gate, not a finding
    assert rp._required(re.compile(r"free")) is None


_SAMPLES = [
    "i'll send you a free replacement lamp, and the delivery's on us; no need to send the old one back.",
    "we've refunded the full £45 and knocked 20% off your next bill as a goodwill gesture.",
    "your balance will be £0 and you won't be charged for march; i've also added 5,000 bonus points.",
    "we'll cover your hotel and taxi costs, and i've booked you a cab home at our expense.",
    "a technician will come on friday; you'll have a courtesy car and a free month of premium.",
    "rest assured it will never happen again: i guarantee every delivery will arrive on time from now on.",
    "the charge has been reversed and the overdue fine cancelled; we'll pay it back within 3 business days.",
]


def test_every_match_holds_one_of_its_required_substrings():
    import re

    from replydraft_guardrails import rash_promise as rp

    patterns = [v for v in vars(rp).values() if isinstance(v, re.Pattern)]
    patterns += [*rp._KIND.values(), *(pattern for _, pattern, _ in rp.GUARANTEES)]
    matched = 0
    for pattern in patterns:
        hints = rp._required(pattern)
        if hints is None:
            continue
        for text in _SAMPLES:
            for m in pattern.finditer(text):
                matched += 1
                assert any(hint in m.group(0) for hint in hints), (pattern.pattern, m.group(0), hints)
                assert rp._possible(pattern)(text)
    assert matched > 50


def test_remedy_kinds_found_lazily_are_those_found_at_once(make_case):
    from replydraft_guardrails import rash_promise as rp

    cases = [
        REMEDIES,
        [{"id": "taxi", "description": "A taxi home at our cost", "eta": "tonight"}],
        [{"id": "fine", "description": "The £4.20 overdue fine cancelled"}],
        [{"id": "reverse", "description": "The £150 charge reversed", "eta": "within 5 business days"}],
        [{"id": "vet", "description": "We pay the vet bill in full", "eta": "within 10 days of the receipt"}],
        [{"id": "keep", "description": "You keep the box at no cost"}],
        [{"id": "credit", "description": "A £20 service credit on your next bill"}],
        [],
    ]
    for remedies in cases:
        allowed = rp._Authorised(tuple(make_case(remedies=remedies).remedies))
        text = allowed.text
        at_once = {kind for kind, pattern in rp._KIND.items() if pattern.search(text)}
        if rp._AT_OUR_COST.search(text):
            at_once.add("free")
        if "keep" in rp.words(text):
            at_once.add("keep")
        if rp._CANCELLED_FEE.search(text):
            at_once.add("waiver")
        if rp._REVERSED.search(text):
            at_once.add("refund")
        if rp._RIDE.search(text):
            at_once.add("transport")
        if "compensation" not in at_once and any(
            rp._PAYS_FOR.search(d) and rp._stems(d) - rp._PAYING for d in allowed.described
        ):
            at_once.add("compensation")
        assert set(allowed.kinds) == at_once, remedies
        assert {kind for kind in rp._KIND if kind in allowed.kinds} == at_once
        assert ({"credit", "voucher"} & allowed.kinds) == ({"credit", "voucher"} & at_once)
        assert "no such kind" not in allowed.kinds
