"""``blame``: the customer, colleagues and third parties as excuses; owning, quoting and clearing are fine."""

from __future__ import annotations

import pytest
from replydraft_guardrails.blame import Blame

BLAME = Blame()


@pytest.mark.parametrize(
    ("reply", "quote"),
    [
        ("You must have entered the wrong address.", "must have entered"),
        ("Per the tracking, the address you provided was incomplete, so it bounced back.", "address you provided"),
        ("It looks like the order button was clicked twice during checkout.", "was clicked twice"),
        ("As stated in our terms, delivery dates are estimates.", "as stated in our terms"),
        ("It may just be your bank's display showing a pending charge.", "may just be your bank"),
        ("For fragile items we always recommend choosing our protective packaging.", "recommend choosing"),
        ("The lock was triggered because your login came from a new device.", "because your login"),
    ],
)
def test_flags_blaming_the_customer_openly_or_by_implication(assert_flags, reply, quote):
    assert_flags(BLAME, reply, quote=quote, message="customer")


@pytest.mark.parametrize(
    "reply",
    [
        "Our billing team didn't update the seat count, so the invoice was wrong.",
        "The agent you spoke to forgot to log the callback.",
        "One of our new packers mixed up the sizes.",
        "Our DBA ran the migration at the wrong time without telling anyone.",
    ],
)
def test_flags_blaming_colleagues(assert_flags, reply):
    findings = assert_flags(BLAME, reply, message="colleague")
    # The suggestion rewrites the sentence in the first person plural.
    assert findings[0].suggestion and findings[0].suggestion.lower().startswith("we ")


@pytest.mark.parametrize(
    "reply",
    [
        "Unfortunately the courier lost your parcel, and there's nothing we can do about their handling.",
        "The outage was caused by our hosting provider, which is beyond our control.",
        "The restaurant forgot your fries — it's their mistake, not ours.",
        "Tuesday was very busy and our call centre was short-staffed, so some callbacks were missed.",
    ],
)
def test_flags_third_parties_and_circumstances_used_as_excuses(assert_flags, reply):
    assert_flags(BLAME, reply, message="excuse")


@pytest.mark.parametrize(
    "reply",
    [
        # Owning a fact that involves a third party.
        "The parcel was damaged in transit; that's on us and I'm fixing it now.",
        "The courier lost it at their depot. We chose that courier, so it's on us to put right.",
        "I'm not going to hide behind the courier: we should have noticed sooner.",
        # Quoting the customer is not blaming them.
        'You said "your driver threw it over the fence" and I\'m sorry that happened.',
        # Clearing the customer.
        "This was our mistake, not yours, and it's not down to anything you did.",
        "You shouldn't have to explain our billing to your finance team.",
        # A system, not a person.
        "Our scheduling system sent the technician to the wrong region; that's our mistake.",
        # Colleagues mentioned without fault.
        "I've passed this to our billing team, who will call you by 5pm today.",
    ],
)
def test_passes_ownership_quotes_and_neutral_mentions(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "quote"),
    [
        # Advice for next time, aimed at the customer, implies they should have acted differently.
        ("Sorry about that. Going forward, please make sure your address is complete before you submit.", "going"),
        ("I've refunded it. Next time though, do give us a call the moment the code fails to arrive.", "next time"),
        ("A quick tip for next time: ticking 'signature required' stops parcels being left outside.", "tip"),
        ("It's always worth giving the confirmation email a quick read.", "always worth giving"),
        # The customer's role named as responsible.
        ("Under the rental terms it is the renter's responsibility to return the car with a full tank.", "renter's"),
        # "Easy to miss": the customer supposedly missed it.
        ("The confirm link is easy to overlook, so the cancellation never went through.", "easy to overlook"),
        # What the records say the customer did (or failed to do), as the cause.
        ("According to the driver, there was nobody available to sign for it.", "nobody available to sign"),
        ("The account locked because the security question wasn't answered correctly.", "answered correctly"),
        ("The card was declined because the CVV entered didn't match.", "entered didn't match"),
        ("Our logs indicate the reset email was delivered to your inbox at 09:14.", "delivered to your inbox"),
        ("Records indicate you opted out of text alerts in March.", "you opted out"),
        ("The app shows the update prompt was dismissed twice.", "was dismissed"),
        ("The invoice matches what was showing in your admin console on the billing date.", "matches what"),
        ("It seems that was the size selected at checkout, but I've arranged an exchange.", "size selected"),
        ("Please note that our menu states all dishes may contain traces of nuts.", "our menu states"),
    ],
)
def test_flags_blame_by_implication(assert_flags, reply, quote):
    assert_flags(BLAME, reply, quote=quote, message="customer")


@pytest.mark.parametrize(
    "reply",
    [
        "Our billing team used an outdated seat count, which is why the invoice shows 40 licences.",
        "My colleague who took your call did forget to book the engineer.",
        "The charge was applied because the inspector at our depot recorded the fuel level incorrectly.",
        "The gym's front desk staff forgot to cancel your membership.",
        "Finance put the refund on hold without telling anyone.",
    ],
)
def test_flags_colleagues_by_their_role(assert_flags, reply):
    assert_flags(BLAME, reply, message="colleague")


@pytest.mark.parametrize(
    "reply",
    [
        "Your parcel was lost by the courier at their depot, so it's being handled through their own claims process.",
        "Missing items are something you'd need to raise with the restaurant directly, as we only handle delivery.",
        "It's the new payment company, they've been having loads of issues lately.",
        "Your GP surgery sent the prescription without the authorisation code.",
        "Our newsletter goes out through a hosting provider, and their mail server got stuck in a loop.",
        "Locks are set by our fraud engine and agents can't override its decisions.",
        "This was a Royal Mail delay rather than anything on our side.",
        "Our partner airline cancelled the flight, so the rebooking is with them.",
        "Our fraud partner flags logins it doesn't recognise, so there's not much we can do on our side.",
        "You'll need to contact the hotel directly about the deposit.",
    ],
)
def test_flags_third_parties_named_as_the_cause_without_owning_it(assert_flags, reply):
    assert_flags(BLAME, reply, message="excuse")


@pytest.mark.parametrize(
    "reply",
    [
        # Owning it in the same sentence: a first-person admission, "was on us", "a mistake on our part".
        "The installer cancelled without telling us, but we booked him and we failed to notice.",
        "The part is back-ordered from our supplier, but we didn't tell you, and that part is entirely on us.",
        "The cut wasn't preventable, but what came next was on us: our repair crew didn't go out until Wednesday.",
        "My colleague promised the call and we failed to log it, which is a failure of how we work, not yours.",
        "Your driver cancelled and our app should have found you another car.",
        "Our system blocked the card after a restaurant payment; that was a wrong decision of our system.",
        "Your GP sent it exactly as it should be, then it sat in the wrong queue on our side.",
        # Our tool caused it; the colleague only suffered from it.
        "Our scheduling system put your job in the wrong region, so the technician never saw it.",
        # Clearing the third party.
        "Your prescription reached us from your GP on Monday, just as it should have, and we misfiled it.",
        # The company's own plans for next time are not advice to the customer.
        "Next time we'll call you before the driver leaves, so you're never left waiting.",
        "Going forward, I'll be your single point of contact, and I'll call you every Monday.",
        "To prevent this, we've added a second check to our packing line.",
        "One tip: you can track the replacement live in the app from tomorrow.",
        # Records that say the customer had it, contradicted at once, and a cause that is negated.
        "The tracking shows it as left at your door, but clearly it never reached you.",
        "The card was declined by our own fraud check, not because of anything you entered.",
        "It's worth noting that refunds take 3-5 business days to show.",
        # Our own errands with a third party, and the records when they clear the customer.
        "I'll chase the courier directly and update you by 3pm today.",
        "Our records show you called three times, and nobody called you back. That's on us.",
        "Finance has approved the refund; it will reach you within 5 business days.",
        "Our billing system has been fixed, and the corrected invoice is attached.",
    ],
)
def test_passes_owned_cleared_and_our_own_plans(assert_passes, reply):
    assert_passes(BLAME, reply)


def test_span_points_at_the_blaming_clause(run_guardrail):
    reply = "Hi Dana,\n\nSorry for the wait. The warehouse crew forgot your order, so that one's on them."
    (finding,) = run_guardrail(BLAME, reply)
    assert finding.quote(reply).startswith("The warehouse crew forgot")
    assert finding.severity == "error"


@pytest.mark.parametrize(
    ("reply", "quote", "message"),
    [
        # A guess that the customer's own input step went wrong, in the passive.
        (
            "It may have been picked by accident when you checked out, but I've sent the right size.",
            "picked",
            "guesses",
        ),
        ("The delivery option might have been unticked during checkout, so it went standard.", "unticked", "guesses"),
        # The customer's details or plan in a state only they could have changed.
        ("The email address we had on file for you was out of date, so the reminders bounced.", "out of date", "lapse"),
        (
            "The number on your account was no longer in use, which is why the driver couldn't call.",
            "no longer",
            "lapse",
        ),
        ("It looks like your subscription had expired, which switched off the extra features.", "expired", "lapse"),
        # What we sent the customer got no answer.
        ("Our texts and emails about the visit went unanswered, so the slot was released.", "unanswered", "respond"),
        ("The parcel went uncollected from the depot, so it was returned to us.", "uncollected", "respond"),
        ("Our call on Tuesday was not picked up, so the engineer moved on to the next job.", "picked up", "respond"),
        # The customer's choice of option as the cause.
        ("Your ticket was booked on a saver fare, which means it can't be changed.", "saver fare", "choice"),
        ("The order was placed with standard shipping, so it joined the normal queue.", "standard", "choice"),
        # Advice for next time, and a recommendation drawn as the lesson of what went wrong.
        ("For next time, it would help to add the flat number to the first address line.", "would help", "advises"),
        (
            "Files that weren't backed up were lost, which is why we always advise weekly backups.",
            "advise",
            "prevented",
        ),
        # The customer's details, entered somewhere, did not match.
        ("The payment was declined because the address entered on the form didn't match.", "didn't match", "action"),
    ],
)
def test_flags_more_wordings_of_customer_blame(assert_flags, reply, quote, message):
    assert_flags(BLAME, reply, quote=quote, message=message)


@pytest.mark.parametrize(
    ("reply", "quote"),
    [
        # The third party as the agent of the fault, however many words describe it.
        ("The outage was caused by our US-based cloud hosting provider.", "hosting provider"),
        ("This was due to our payment provider's outage.", "payment provider"),
        ("The wrong meter reading was submitted by the energy supplier.", "supplier"),
        # Doing it twice is the fault.
        ("The duplicate is because your card issuer approved the same payment twice.", "twice"),
        ("Our payment processor charged the card twice.", "twice"),
    ],
)
def test_flags_third_parties_as_the_agent_of_the_fault(assert_flags, reply, quote):
    assert_flags(BLAME, reply, quote=quote, message="excuse")


@pytest.mark.parametrize(
    "reply",
    [
        # A colleague asked to find out what went wrong is not blamed for it.
        "I've passed this to our billing team so they can check what went wrong with the invoice.",
        "I've asked our packing team to find out why it was damaged, and I'll update you by 5pm.",
        # "Can" in a purpose, a condition or a sympathetic exclamation states no general truth.
        "We understand how frustrating a missed delivery can be.",
        "Your account will be reviewed before it can be reopened; I'll call you at 2pm.",
        # "You had no way of knowing" clears the customer.
        "You had no way of knowing the dish contained nuts, because we labelled it wrongly. I'm so sorry.",
        # A current processing time is a timing fact, not an excuse.
        "Refund claims are taking longer than usual this week; yours will arrive by Friday.",
        # The customer's own messages going unanswered, or an owned cause, is not customer blame.
        "Your call on Monday went unanswered, and that's on us; I'll call you today at 3pm.",
        "Our reminder call went unanswered, but we should have tried again before cancelling.",
        "The address we held for you was out of date because our system didn't save your update.",
        # Goods a courier did not pick up are not the customer failing to respond.
        "Your parcel was not picked up by the courier on Monday, so I've rebooked the collection for today.",
        # Guesses about our own things, or naming someone else.
        "Your delivery may have been skipped by the driver; I've rebooked it for Friday and that's on us.",
        "The wrong size may have been picked at our warehouse; I've sent the right one.",
        # A participle with "by" is blame only when what was done was wrong.
        "The refund was issued by our bank partner this morning and will arrive within 3 days.",
        "I've called the courier twice today and they've promised a Thursday delivery.",
        # A recommendation that follows nothing going wrong.
        "Our new export button is live today, which is why we recommend giving it a try.",
    ],
)
def test_passes_questions_sympathy_timing_and_our_own_causes(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "quote"),
    [
        # A rule the customer had to meet, stated as a general requirement and given as the cause.
        ("Cancellations need to be submitted before the cut-off to be refunded, and yours arrived after it.", None),
        ("Tables are only held once they're confirmed by text the evening before.", None),
        # The customer's side as the one who acted, read from the records.
        ("Our records show the claim was paused awaiting the photos from your side.", None),
        ("It appears your employer submitted the form under an old reference, which is why it was rejected.", None),
        ("Looking at the booking form, the date was hard to read, which is probably where the error came from.", None),
        # Documents that ask the customer to do something, and rules about what helps.
        ("The setup guide asks for the old app to be removed first.", "asks for the old app"),
        ("It really helps when customers label the boxes before the movers arrive.", "helps when customers"),
        ("We do recommend packing medication in your hand luggage on short connections.", "recommend packing"),
        ("Access was blocked because the code entered didn't match the one we hold on file.", "match the one we hold"),
        ("Times are shown in the zone on your account, so if it's wrong they can appear an hour off.", None),
    ],
)
def test_flags_customer_blame_by_rule_record_or_advice(assert_flags, reply, quote):
    if quote is None:
        assert_flags(BLAME, reply)
    else:
        assert_flags(BLAME, reply, quote=quote)


@pytest.mark.parametrize(
    "reply",
    [
        # Roles and places of work beyond "team": coordinators, assistants, branches, "X on reception".
        "Our scheduling coordinator forgot to add your visit to the rota.",
        "The Elm Road branch had your parcel all week and didn't tell us.",
        "I spoke to Sam on the front desk, who forgot to pass on your message.",
    ],
)
def test_flags_blaming_more_kinds_of_colleague(assert_flags, reply):
    assert_flags(BLAME, reply, message="colleague")


@pytest.mark.parametrize(
    "reply",
    [
        # A third party unable to do its part, or "nothing more we can do", with nothing owned.
        "The courier couldn't fit your requested slot in, so the delivery moved to next week.",
        "The parcel was lost in transit and there is nothing more we can do until the carrier finishes its search.",
    ],
)
def test_flags_third_party_inability_and_nothing_more_we_can_do(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A colleague in a condition or a promise has done nothing wrong.
        "If he hasn't arrived by noon, I'll chase the installer myself and call you by 12:30.",
        "I can't promise she'll be back on her feet by Friday, but the test results will be with you by 5pm.",
        # "It can't happen again" is a promise about the future (rash-promise's concern), not a denial of fault.
        "We found and fixed the cause, so this cannot happen again.",
        # Why a promise is withheld is not an excuse for what went wrong.
        "We sent the wrong size, that's on us. I can't control the courier's speed, so I won't promise a date.",
        # A cause owned outright in the same sentence.
        "The clash happened because your booking wasn't copied into the new calendar, which is our fault.",
        # Where a fix was made is not an admission that undoes an explanation, and an interim tip is no lesson.
        "I recommend leaving the app closed until the engineer calls; I'll message you when it's booked.",
    ],
)
def test_passes_hypotheticals_future_promises_hedges_and_owned_causes(assert_passes, reply):
    assert_passes(BLAME, reply)
