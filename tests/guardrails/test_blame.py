"""``blame``: the customer, colleagues and third parties as excuses; owning, quoting and clearing are fine."""

from __future__ import annotations

import re

import pytest
from replydraft_guardrails.blame import Blame

# These tests pin the rules; the learned second opinion has its own (test_learned.py).
pytestmark = pytest.mark.usefixtures("rules_only")

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


# -- round 4: the grammar of blame, each rule with variants in new words and near misses it must leave alone ------


@pytest.mark.parametrize(
    ("reply", "quote"),
    [
        # The customer's details on file were from before: the old card, the previous plan, last year's policy.
        ("The insurance information on file was from your previous plan, which is why it wasn't applied.", "previous"),
        ("The card details we held were for your old card, so the payment didn't go through.", "old card"),
        ("The address on your account was still your previous one, so the parcel went there.", "previous"),
        ("Your policy details on file were from last year, so the discount wasn't applied.", "last year"),
        # A step only the customer could take, not taken, in the passive or with "you" as the subject.
        ("The cancellation may not have completed if the final confirmation screen wasn't reached.", "reached"),
        ("The final step of the cancellation was never completed.", "never completed"),
        ("If you didn't get to the last screen, the cancellation wouldn't have gone through.", "get to"),
        # A requirement tied to the customer's own change.
        ("The printer is saved as a 4100; if you changed printers, the model does need updating.", "does need"),
        ("If you've switched printers, you need to update the model in My Devices.", "need to update"),
        ("The model needs to be updated under My Devices whenever you change printers.", "whenever you"),
        ("When you move house, the address has to be changed in your account settings.", "has to be changed"),
        # A channel rule with a contrast, and passive advice for next time.
        ("Urgent repairs should be phoned through on the emergency line rather than the online form.", "rather than"),
        ("Just so you know for next time, urgent repairs should be phoned through on the emergency line.", "next"),
        ("For future bookings, changes should be made through the app.", "future"),
        # The customer as the subject of a slip, or what they sent as not good enough.
        ("You accidentally booked the 9th instead of the 19th.", "accidentally"),
        ("It looks like you paid the old invoice instead of the new one.", "instead of"),
        ("The photos you sent didn't show the damage clearly enough for the claim.", "didn't show"),
        # A requirement the customer missed, our people unable to get to them, their item used, their timing.
        ("Unfortunately the item was not returned in its original packaging, which voids the refund.", "original"),
        ("Payment wasn't received by the due date, so the account was suspended.", "due date"),
        ("The technician arrived at 10 but there was no access to the property.", "no access"),
        ("Our team tried calling you three times but couldn't reach you.", "reach you"),
        ("Since the item was used, we're unable to offer a full refund.", "was used"),
        ("Orders placed after 2pm are dispatched the next working day.", "after 2pm"),
        ("As per our policy, refunds are only issued within 14 days of purchase.", "as per our policy"),
        ("Our logs show the password was reset from your device on Monday.", "reset from your device"),
        ("It's likely your spam filter caught our emails.", "spam filter"),
    ],
)
def test_flags_the_customer_as_the_hidden_agent(assert_flags, reply, quote):
    assert_flags(BLAME, reply, quote=quote)


@pytest.mark.parametrize(
    "reply",
    [
        # Another team or an outside firm runs it, so the writer cannot speak for it.
        "The status page is maintained by our NOC team separately from support, so I can't speak to why it wasn't "
        "updated.",
        "That's handled by a different department, so I can't comment on what happened.",
        "The limit change was made by our IT team during maintenance, not by customer services, so I'm not able to "
        "see why it happened.",
        "Our billing is handled by an outside billing company and they have been informed of the error.",
        "Deliveries are managed by an external logistics firm, who will be in touch with you.",
        # Staff who are not ours to manage, and control we say we don't have.
        "Trainers are self-employed so we can't really control their attendance.",
        "Our drivers are independent contractors, so we can't fully control when they turn up.",
        "We have no real control over the installers' schedules.",
        # A third party late, the weather as the cause, and only the messenger.
        "It was a very warm day and the courier's van was running late, which is what caused the box to warm up.",
        "Our delivery partner was behind schedule, which meant the ice packs thawed.",
        "The heatwave is what caused the box to warm up.",
        "The airline changed the schedule, and we simply passed that on.",
        "The night shift forgot to restock your order.",
        "The vet practice didn't send us the records in time.",
    ],
)
def test_flags_not_my_department_and_circumstances(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Our own check owns it even when a third party made the first slip.
        "The restaurant left two items out and our packing check should have caught it; it didn't.",
        "The restaurant missed your drinks, and our final check failed to spot it.",
        # Clearing the customer with any verb, not only "did".
        "Our checkout charged you twice; it's our bug, not anything you clicked.",
        "Our app charged you twice, and that's not something you pressed.",
        "Our agent gave you the wrong information about the fee. I'm sorry, we got that wrong.",
        # Not knowing yet, an honest handover, or a future hand-off is not passing the buck.
        "I can't see why it happened yet, so I've asked our IT team to find out and I'll tell you by 4pm.",
        "I can't comment on the exact cause yet, but I'll have an answer for you by Thursday.",
        "Our IT team made the change during maintenance, and that's on us.",
        "I've passed this to a different team, who will call you by 5pm today.",
        "Your claim is handled by an external assessor who will visit on Tuesday.",
        "The refund was processed by a separate team, and it'll reach you Friday.",
        "The repair is handled by an independent engineer we work with; we chose them, so it's on us.",
        "I can't tell you how sorry I am.",
        # Requirements and times that are not about what the customer did.
        "Your refund should be back on your card within 5 days.",
        "The engineer should be with you by noon rather than 3pm.",
        "If you change printers in future, just let me know and I'll update it for you.",
        "If you've changed your mind, you need to let us know by Friday and I'll cancel it.",
        "Orders placed after 2pm today will still go out tonight; I've made sure of it.",
        "Your bank may take 3-5 days to show the refund.",
        "Per our policy, you're entitled to a full refund, and I've processed it today.",
        # Our own failure, in the same sentence, behind a step or a requirement.
        "The final screen wasn't reached because our app crashed, which is our fault.",
        "Your payment wasn't received in full because our system split it, and that's our error.",
        "I tried calling you at 2pm but couldn't reach you, so I'm writing instead. I'll try again at 4pm.",
        "I'm sorry we couldn't reach you sooner; that's on us.",
        "You accidentally got charged twice because of our checkout bug, sorry!",
        "The photos you sent were really helpful and I've approved the claim.",
        "Since the sofa was damaged in transit, I've arranged a full replacement.",
        # A hypothetical third party, and the customer cleared of any control.
        "If the driver is running late, I'll call you.",
        "You had no control over any of this, and I'm sorry.",
        "The box warmed up because we under-filled the ice packs; the courier was late too, but that's our mistake.",
    ],
)
def test_passes_near_misses_of_the_new_rules(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Evidence framing around a change to the customer's own order, with no agent named.
        "According to our records, the delivery was switched to collection on the 3rd.",
        "It appears the order was changed to a different size after it was placed.",
        "Our records indicate the appointment was rescheduled at your request.",
        "The notes on file say you agreed to the later date.",
        "The account history shows the auto-renew setting was left on.",
        # The customer named as the agent of a passive.
        "It seems the meter was read by you rather than by our technician.",
        # Their side of the deal, not done.
        "The appointment was cancelled because the deposit wasn't paid.",
        "Since the account wasn't verified, the transfer was held.",
        "Looking at your account, autopay was never set up.",
        "We haven't received the return yet, so the refund can't be issued.",
        # Damage put down to their use, their own choice or setting, a standard practice, a failed attempt.
        "Our engineer found the unit had been tampered with.",
        "The damage appears to be from misuse rather than a manufacturing fault.",
        "As the booking was non-refundable, we can't offer a refund.",
        "The renewal went through automatically because auto-renew was switched on.",
        "The confirmation email was sent to the address you registered with.",
        "The reservation was held for 15 minutes, as is standard, and then released.",
        "The parcel was returned to us after two failed delivery attempts.",
        "We did try to deliver on Tuesday, but the address couldn't be found.",
        "The driver reports that the gate was locked when he arrived.",
        # Sending the customer to the third party, or the third party as the decider.
        "You'll need to take this up with the manufacturer, as the warranty is theirs.",
        "The damage happened in transit, so you'd need to claim through the courier.",
        "We're just the platform; the host sets the cancellation terms.",
        "The delay was on the supplier's side; they shipped late to us.",
        "The issue sits with our payments provider and they're investigating.",
    ],
)
def test_flags_evidence_framing_unmet_duties_and_referrals(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "According to our records, your refund was processed on Monday and should reach you by Friday.",
        "Our system shows the booking was changed, but you never asked for that, so that's on us.",
        "It looks like the order was moved to the wrong warehouse when we split the shipment.",
        "I'll stand by you on this and call you at 3pm.",
        "The photos were sent by you on Monday and I've approved the claim.",
        "I'll take this up with the manufacturer myself and update you by Thursday.",
        "You don't need to contact the courier; I've already arranged the collection.",
        "The door was locked when our engineer arrived because we gave you the wrong date, which is our fault.",
        "Our depot was closed on Monday, so I've booked the redelivery for Tuesday morning.",
        "Your deposit wasn't refunded on time, and that's our mistake; it's on its way today.",
        "The payment wasn't received because our card terminal was down; I've refunded the fee.",
        "We haven't received the return yet, but there's no rush; your refund is already done.",
        "I'm sorry we never received your form; our upload page was broken.",
        "Your ticket is non-refundable normally, but I've refunded it in full anyway.",
        "There's no sign of misuse at all; this is a manufacturing fault and we'll replace it.",
        "The reservation is held for you until 8pm as standard, so no rush.",
        "The address couldn't be found because our system dropped the flat number; that's on us.",
        "The problem is with the hinge, so I've sent you a new one.",
        "The issue sits with our payments provider, but we chose them, so it's on us to fix it.",
    ],
)
def test_passes_near_misses_of_evidence_duties_and_referrals(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Whole replies with a remedy, whose one blaming clause is what the customer did at ordering time, their
        # equipment, their unreachable phone, a third party or colleague as the agent, or a rule they missed.
        "Hi Priya, I'm sorry for the hassle. The booking shows a check-in date of the 12th, which is the date that "
        "was entered when the reservation was made. I've moved it to the 14th at no charge.",
        "Hello Mark, apologies. Our technician reports the router was unplugged when he tested the line, so the "
        "fault didn't show up. I've booked a second visit for Thursday 8-12.",
        "Dear Ms Chen, the refund went to the card ending 4411, which was the card on file at the time. I've asked "
        "finance to reissue it to your new card within 5 days.",
        "Hi Joe, sorry about this. The order was set to deliver to your work address, which is closed on "
        "Saturdays. I've rebooked it for Monday.",
        "Hi Ana, the system only sends reminders to verified numbers, and yours hadn't been verified yet. I've "
        "verified it now.",
        "Hi Lee, the subscription renewed because cancellation has to be done 7 days before the renewal date. "
        "I've refunded this month as a one-off.",
        "Hi Kim, our warehouse can only ship what's in the order, and the charger wasn't added to the basket. "
        "I've sent one free today.",
        "Hello Raj, the flight change was made by the airline, and we only found out the same day as you. I've "
        "rebooked you on the 6pm.",
        "Hi Tess, the class was cancelled by the instructor at short notice. We've credited your account.",
        "Hi Omar, we tried to call on the number we have, but it went to voicemail each time. Your engineer is "
        "now booked for Wednesday 1-5pm.",
    ],
)
def test_flags_one_blaming_clause_in_a_whole_reply(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Priya, I'm so sorry: we put the wrong check-in date on your booking. I've moved it to the 14th.",
        "Hello Mark, our technician missed the fault on his first visit, and that's on us. I've booked a second "
        "visit for Thursday 8-12.",
        "Dear Ms Chen, the refund went to your old card because our system didn't pick up your new one. That's "
        "our error; it's being reissued today.",
        "Hi Kim, we left the charger out of your parcel. I've sent one free today by tracked post.",
        "Hello Raj, the airline moved your flight, and we should have told you the moment we knew. I've rebooked "
        "you on the 6pm.",
        "Hi Omar, I'm sorry we missed you. Your engineer is now booked for Wednesday 1-5pm.",
        "The router was unplugged by our engineer during the visit, so I've sent him back today at 2pm.",
        "I tried calling you at noon but it went to voicemail, so I'm emailing instead; I'll try again at 4pm.",
    ],
)
def test_passes_whole_replies_that_own_it(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The customer corrected about their own booking or choice, and the consequence drawn from it.
        "Hi Dan, your booking was for the 3rd, not the 4th, so the room was released.",
        "Hi Sue, you'd selected standard delivery, which doesn't include weekends.",
        "The refund went to the original payment method, as the card you mentioned isn't linked to the order.",
        "Hi Max, the courier left it in the porch as instructed on the order.",
        "Hi Bo, the voucher code only works on full-price items, so it wouldn't apply to the sale jacket.",
        # People on our side named with what they did wrong, in everyday words.
        "Hi Ben, the guy on the phone wasn't authorised to promise that refund.",
        "Hi Al, the cleaning crew skipped your flat because the access code had changed.",
        "Hi Jo, the temp who handled your case didn't save the notes.",
        "Hi Meg, the developer who built that feature has left, so nobody knew it had stopped working.",
    ],
)
def test_flags_corrections_of_the_customer_and_everyday_colleagues(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Your booking was for the 3rd, not the 4th as we told you, and that's our mistake; I've moved it.",
        "You selected express delivery, so I've refunded the difference since it arrived late.",
        "As requested on the form, I've sent the invoice to your accounts team.",
        "The voucher works on everything in the sale too, so I've applied it to your jacket.",
        "The guy who helped you on Tuesday has already sent your replacement; it arrives Friday.",
        "Nobody knew to call you because we never logged the request, and that's on us.",
        "The card you registered is all set, and the refund is on its way.",
        "The courier lost it at their depot, but you ordered from us, so it's ours to put right.",
    ],
)
def test_passes_corrections_we_own_and_colleagues_who_did_nothing_wrong(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The customer as the subject of a slip verb, or of an action with what was wrong about it.
        "It looks like you sent it to the wrong address.",
        "You misread the dates on the booking page.",
        "I think you misunderstood the offer terms.",
        "You confused the collection date with the delivery date.",
        "You paid twice, which is why there are two charges.",
        "You only gave us one day's notice, so we couldn't rearrange it.",
        "You called after the cut-off, so the change didn't go through.",
        "You ticked the box to opt out of updates.",
        "You didn't mention the allergy when you booked.",
        "You'd have needed to tell us about the allergy in advance.",
        # Their details given when ordering, someone at their address, misuse of the product.
        "The parcel was sent to the address given at checkout.",
        "Whoever was home signed for it at 2pm.",
        "Someone at your address took the parcel in.",
        "The dryer was overloaded, which burned out the motor.",
        "The bike was ridden in the rain, which causes the rust.",
        "Your dog chewed the cable, so it's not covered.",
    ],
)
def test_flags_the_customer_as_the_subject_of_a_slip(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "You received the wrong item, and that's on us; the right one ships today.",
        "You were sent the wrong size, so I've sent the right one by express.",
        "You told us twice and we still got it wrong, so I've refunded the fee.",
        "You paid twice because our checkout retried the payment; I've refunded the duplicate.",
        "I'm sorry if our email confused you; the new date is Friday.",
        "You ordered the right size and we sent the wrong one; a replacement arrives tomorrow.",
        "The address given at checkout was correct; the courier misread the label, which is on us.",
        "Our servers were overloaded on Friday, which is our failure, and I've credited your account.",
        "Someone at our depot signed for it by mistake, and that's on us.",
        "You'd have had every right to cancel, and I'm sorry we made you wait.",
        "You tried three times to reach us and nobody answered; that's on us.",
        # Contacting us more than once is the customer's effort, and a standard remedy is no rule held against them.
        "You emailed us twice and heard nothing back, which isn't good enough. I'll call you at 3pm today.",
        "It's standard for us to refund the delivery fee when we're late, so I've done that too.",
        "You'd selected next-day delivery and we missed it, so I've refunded the delivery charge.",
        "Per our policy you're due a full refund, which I've issued today.",
        "If the courier is late again, call me directly and I'll chase them.",
    ],
)
def test_passes_what_happened_to_the_customer_and_owned_slips(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A third party as the sole cause, in new words, with nothing owned.
        "Hi Nina, the outage was caused by a failed update from our hosting partner, which we have no way to prevent.",
        "Hi Leo, apparently the supplier sent us the wrong batch, so your order was affected.",
        "Hi Fay, this was a glitch on the bank's side, and they've now fixed it.",
        "Hi Sam, our parcel partner is experiencing high volumes, so deliveries are taking longer.",
        "Hi Kay, the hotel overbooked, so your room was given to another guest.",
        "Hi Tom, unfortunately the venue cancelled the event at short notice.",
        "Hi Ivy, the payment gateway timed out, which caused the duplicate charge.",
        "Hi Ned, the manufacturer recalled the part, so we couldn't fit it.",
    ],
)
def test_flags_a_third_party_as_the_sole_cause(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Tomás, sorry, that's our installer's bug. An engineer is calling within 2 hours.",
        "The venue is booked for the 14th, and I'll send your tickets by 5pm today.",
        "The payment gateway timed out on our checkout, which is our fault; I've refunded the duplicate.",
    ],
)
def test_passes_third_parties_named_without_blame(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A colleague (or a driver) late, behind, lost or against policy, with nothing owned.
        "Our accounts department processed it late, which is why the payment bounced.",
        "The dispatch team was running behind on Monday, so your order missed the van.",
        "Our technician arrived late because his previous job overran.",
        "The store manager approved the return without the receipt, against policy.",
        "The driver we assigned was new to the area and got lost.",
    ],
)
def test_flags_colleagues_late_or_against_policy(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Our engineer arrived late, and that's on us; I've refunded the call-out fee.",
        "If the technician is running late, he'll call you before 10.",
        "I'm sorry our technician arrived late; we should have warned you. He'll be back Friday at 9.",
    ],
)
def test_passes_lateness_we_own_or_that_has_not_happened(assert_passes, reply):
    assert_passes(BLAME, reply)


# -- round 5: the general reasons behind the heldout5 misses, each in words nobody has written yet ------------------
@pytest.mark.parametrize(
    ("reply", "message"),
    [
        # Third-person possessive fault nouns: "which was his error".
        (
            "The engineer who visited logged the wrong fault code, which was his mistake, and I've told his manager.",
            "colleague",
        ),
        ("The receptionist booked you for the wrong day; that was her error.", "colleague"),
        # Verbs of doing it wrongly ("mis-"), by a colleague or a third party, active or passive.
        ("Our agent misread your meter photo and entered the wrong number.", "colleague"),
        ("The courier clearly mishandled the box in transit, so I've opened a claim with them.", "third party"),
        ("Your parcel was misdelivered by the courier to a neighbour.", "third party"),
        ("The driver misrouted the van and arrived at the wrong depot.", "third party"),
        # Too busy to do their part.
        ("Our returns team has been completely swamped this month, so your refund sat in the queue.", "colleague"),
        (
            "Our compliance team got really backed up this week, so your transfer has been sitting with them.",
            "colleague",
        ),
        # A colleague's action, then what it did to the customer.
        ("Our finance team reissued the invoice, which resulted in you being billed twice.", "colleague"),
        ("The night shift re-ran the payment batch, and this caused the double charge.", "colleague"),
        # The team that runs the tool that went wrong.
        ("The count came from the sync job the engineering team runs, which picked up a stale number.", "colleague"),
        # A third party that experienced, encountered or ran into a problem.
        ("Our hosting provider experienced an outage overnight, which took the site down.", "third party"),
        ("The payment gateway encountered a technical issue during the update.", "third party"),
        ("Our SMS supplier ran into a problem with the reminder service.", "third party"),
        # Nothing we could do; not something we did; not from us; we had no idea.
        ("Unfortunately the bank didn't release the funds, and there isn't much we can do about that.", "third party"),
        ("There wasn't anything we could do once the airline cancelled the flight.", "third party"),
        (
            "The reminder email came from our booking partner, not from the salon, so the team here had no idea.",
            "third party",
        ),
        ("This was caused by an outage at our email provider; it was not something we did.", "third party"),
    ],
)
def test_flags_colleagues_and_third_parties_in_new_words(assert_flags, reply, message):
    assert_flags(BLAME, reply, message=message)


@pytest.mark.parametrize(
    "reply",
    [
        # The customer's slip, excused as easy to make.
        "It appears the meter reading was keyed as 5,210 rather than 2,510, an easy mistake to make with those dials.",
        "It looks like the last two digits were swapped, which is an understandable slip.",
        # A requirement the customer failed, as the mechanism.
        "Bank transfers need our reference, and if the reference isn't included the payment can't be matched, which "
        "is what happened here.",
        "As your return arrived without the returns slip, the refund could not be processed automatically.",
        "Since yours came back without the order number, it sat in the unmatched pile.",
        # We only did what the order said.
        "The warehouse shipped exactly what was on the order, which was the blue one.",
        "Our kitchen made what you ordered: the order shows no allergy note.",
        "It looks like the black model was the option that went through at checkout.",
        "According to our system, the size ordered was a 9, so that's what was sent.",
        "Thanks for your message. Our records show the date requested was the 14th, which is why nobody came on the "
        "12th.",
        # The counterfactual with the customer's setting or act.
        "Had two-factor login been turned on in your account, the attacker would have been blocked.",
        "If you'd enabled the auto-save setting, the draft would have been kept.",
        # Advice for next time.
        "For future claims, please make sure the photos are attached before you submit.",
        "We'd recommend closing other apps while streaming to avoid further buffering.",
        # Requirements and setups, explained and never owned.
        "Our records show the photos you sent did not come through in a format the claims system could open.",
        "HD streaming requires a stable connection of 10 Mbps, and on some devices it may drop to SD.",
    ],
)
def test_flags_the_customer_by_implication_in_new_words(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "The engineer logged the wrong fault code, and that was our mistake, not his.",
        "Our courier mishandled the parcel; we chose them, so that's on us.",
        "Your prescription reached us from your GP on Monday, just as it should have, and we misfiled it.",
        "Our billing team resent the file, which resulted in the double charge, and that's our error.",
        # An apology for what a colleague did not do names no culprit.
        "I'm sorry our engineer didn't turn up on Tuesday. I've booked him for 9am tomorrow.",
        "We apologise that the technician missed your appointment; I've rebooked you for Friday at 10am.",
        "We're sorry our technician didn't arrive. I'll call you at 9am tomorrow to rebook.",
        # The "third party" is the company signing the reply.
        "Dear Mr Ali,\n\nThe delay was the Council's mistake, not yours. I've cancelled the fine today.\n\n"
        "Yours sincerely,\nJo\nParking Services, Northgate City Council",
        # Owned in the sentence before, or as "on our side".
        "Both of these were our failures, and I'm sorry. The crew didn't use the dolly.",
        "Hi Sam, this is on our side: our payment provider migration marked your plan unpaid. I've restored access.",
        # Our own plans and conditions, not failed requirements.
        "If the reference isn't included, I'll match the payment by hand for you.",
        "We'll ship exactly what was ordered by Thursday.",
        "The replacement requested was sent today and arrives Friday.",
        "Had we checked the address, this wouldn't have happened; that's on us.",
        "If you'd like, I can send the label now, and it would have the same tracking.",
        "Our update had a sync bug that wiped notes on some accounts, and it was our mistake.",
        "It was an honest mistake by our packer, and it's ours to own: the right size ships today.",
        "You were told we'd call on Tuesday and nobody did. I'll call you Thursday to pick up where you left off.",
        "There isn't much more I need from you: I'll send the refund today.",
        "We'd recommend keeping this email for your records.",
        "The team here had no idea the reminder had gone out, and that's on us: we should have checked.",
    ],
)
def test_passes_owned_apologised_and_our_own_plans_in_new_words(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # What the customer sent fell short, or came too late; the customer's own card or bank as the cause.
        "Hi Ty, the meter reading you submitted was lower than the previous one, so the system estimated instead.",
        "Hi Ed, the photos provided didn't show the damage clearly, so the claim was declined.",
        "Hi Kim, the item was returned after the 30-day window, so the system declined the refund automatically.",
        "Hi Kim, your claim was lodged outside the 14-day deadline.",
        "Hi Raj, the system shows the card on file expired in May, which is why the renewal failed.",
        "Hi Mo, the payment was declined by your bank, and we can't see why on our end.",
        "Hi Max, our courier partner handles all deliveries in your area and they were short of drivers on Monday.",
    ],
)
def test_flags_what_the_customer_sent_or_did_too_late(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Ed, thanks for the photos you sent; they show the damage clearly and I've approved the claim.",
        "Hi Ed, the photos you provided were really helpful, and the claim is approved.",
        "Hi Kim, your return arrived after the bank holiday, and I've refunded it today.",
        "Hi Kim, the refund was sent after the weekend and lands within 3 days.",
        "Hi Kim, your claim was submitted after the deadline because our portal was down, so I've accepted it anyway.",
        "Hi Mo, the payment was declined by our fraud check by mistake; that's on us and I've cleared it.",
        "Hi Raj, your card on file was charged twice because of our bug, and that's our fault. Refund sent today.",
        "Hi Max, we were short of drivers on Monday, which is on us; your delivery comes tomorrow by noon.",
    ],
)
def test_passes_what_the_customer_sent_when_nothing_is_pinned_on_them(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The customer's act as the first cause of what went wrong.
        "Hi Oli, our logs show you logged in from a new country, which triggered the lock.",
        "Hi Oli, you changed the plan mid-cycle, and that reset the allowance.",
        "Hi Oli, you entered the code three times, which locked the card.",
        # The fault placed with the customer's things.
        "Hi Uma, the charger supplied is the correct one, so the fault is likely with the socket you used.",
        "Hi Wes, the issue seems to be on your network.",
        # The customer's plan or expectation, or someone else's decision, as the reason.
        "Hi Ama, the plan you're on only covers one device, so the second login was blocked.",
        "Hi Tia, the store you bought it from is independently owned, so returns are up to them.",
        "Hi Tia, rebooking is entirely up to the airline.",
        "Hi Val, that's how the feature is meant to work: it archives chats after 30 days.",
    ],
)
def test_flags_the_customers_act_things_or_expectation_as_the_cause(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Oli, you reported the fault on Monday, which led to us finding the bug; thank you, and it's fixed now.",
        "Hi Oli, you called us at 9, and that is when I set up the refund.",
        "Hi Wes, the issue was on our network, and that's on us. It's fixed now.",
        "Hi Wes, the issue with your order is fixed; a new one ships today.",
        "Hi Tia, it's up to you: refund or replacement, and I'll action it today.",
        "Hi Val, that's how it should have worked, and it didn't; that's our bug. Fixed today.",
        "Hi Ama, your new plan covers two devices, and I've upgraded you at no charge.",
    ],
)
def test_passes_the_customers_act_when_it_caused_nothing_bad(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Ana, I had no idea this had happened to you, and I'm sorry. A replacement ships today.",
        "Hi Ana, I'm sorry we experienced an outage on Monday; it was our fault and I've credited 10%.",
        "Hi Ana, we encountered a bug in our billing run, which resulted in the double charge. I've refunded it today.",
        "Hi Ana, the refund will come from us, not from the bank, and lands within 3 days.",
        "Hi Ana, I misunderstood your first email, sorry about that. The refund is on its way today.",
        "Hi Ana, we misrouted your parcel to the wrong depot. A new one ships today and arrives Thursday.",
        "Hi Ana, the new router requires a compatible power adapter, which I've included in the box arriving Friday.",
        "Hi Ana, the app update fixes the crash on some devices; I'll send you the link within the hour.",
        "Hi Ana, how you'd like the refund is entirely up to you, and I'll process it today.",
        "Hi Ana, I've asked the team that runs the booking system to fix the bug today.",
        "Hi Ana, the courier our warehouse uses lost it, and that's on us since we chose them.",
    ],
)
def test_passes_the_new_rules_own_words_in_owning_replies(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Someone else picked out as the one who did it, or as where it started; decided above us.
        "Hi Bo, our finance colleagues were the ones who paused the refund.",
        "Hi Bo, the warehouse lads were the ones that packed it wrong.",
        "Hi Bo, our front desk double-booked the room.",
        "Hi Bo, the booking platform we list on double-booked the room.",
        "Hi Bo, the outage originated with our cloud vendor.",
        "Hi Bo, that was a decision made by head office, so I can't change it.",
        # Beyond our influence, or not our concern; questions sent elsewhere.
        "Hi Bo, the airline changed the departure time, which is outside anything we could influence.",
        "Hi Bo, the airline moved the flight, and we couldn't influence that.",
        "Hi Bo, the courier's system shows it as delivered, so as far as we're concerned it arrived.",
        "Hi Bo, the claim is now with the insurer, and any questions about the payout should go to them.",
    ],
)
def test_flags_someone_else_picked_out_or_beyond_our_influence(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Bo, the missed payment can't affect your credit rating, and I've removed the fee today.",
        "Hi Bo, as far as we're concerned this is our mistake, and I've refunded you today.",
        "Hi Bo, we were the ones who got this wrong, and I've refunded you today.",
        "Hi Bo, the decision was made by our team to refund you in full, and it lands Friday.",
        "Hi Bo, any questions about the refund can come straight to me.",
        "Hi Bo, we double-booked the room, and that's on us; I've upgraded you for tonight.",
        "Hi Bo, the help desk will call you at 10am tomorrow with the new date.",
        "Hi Bo, the issue originated with our own update, and that's on us.",
    ],
)
def test_passes_our_own_influence_and_decisions(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The record speaks of what the customer did, chose or set, with nothing owned.
        "Hi Jen, the system registered two taps on the pay button, so two orders went through.",
        "Hi Jen, the delivery instructions on the order said to leave it at the back door.",
        "Hi Jen, the booking shows a party of two, so the table was set for two.",
        "Hi Jen, from what I can tell the wrong flat number was on the label you printed.",
        # A setting on the customer's side, or the type they bought, as the cause.
        "Hi Jen, your account was set to paperless, so the bills only went to your inbox.",
        "Hi Jen, it looks like notifications were switched off on your phone, so the reminder didn't show.",
        "Hi Jen, the direct debit was stopped at your bank, so the policy lapsed.",
        "Hi Jen, the ticket type purchased doesn't allow changes.",
        # Too late, by the customer's hand.
        "Hi Jen, the voucher code was applied after payment, which is why the discount didn't come off.",
        "Hi Jen, your request came in after the cut-off, so it went into next week's run.",
    ],
)
def test_flags_the_record_of_what_the_customer_did_set_or_chose(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Jen, your account is now set to paperless as you asked, and I've emailed your bill today.",
        "Hi Jen, the tracking shows it's out for delivery today, and I'll call you once it's there.",
        "Hi Jen, your booking now shows a party of four, and the table is ready at 7pm.",
        "Hi Jen, your order was cancelled by our system by mistake; that's on us. It's reinstated now.",
        "Hi Jen, your refund arrived after the weekend? I'm sorry; I've sent £10 for the wait today.",
        "Hi Jen, the system shows we charged you twice, and that's our error; the refund is on its way today.",
        "Kwame, I'm sorry, we misfiled your transcript. Your application now shows complete, before Friday's deadline.",
    ],
)
def test_passes_the_record_when_it_shows_a_fix_or_our_own_fault(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("Hi Lea, someone in accounts keyed the amount in as £1,200 instead of £120.", "colleague"),
        ("Hi Lea, the previous owner of the flat never cancelled the account, so the bill came to you.", "third party"),
        ("Hi Lea, our partner hotel gave your room away after midnight.", "third party"),
    ],
)
def test_flags_an_unnamed_colleague_or_a_previous_owner(assert_flags, reply, message):
    assert_flags(BLAME, reply, message=message)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Lea, someone in support will call you at 3pm today with the new date.",
        "Hi Lea, the previous tenant's account is closed, and I've opened yours from today with no charge.",
        "Hi Lea, we gave your room away by mistake, and that's on us; tonight's stay is free.",
    ],
)
def test_passes_an_unnamed_colleague_or_a_previous_owner_without_fault(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The customer's input named without an agent as wrong or blank, or what they seem to have done.
        "Hi Sid, you appear to have booked the 6th rather than the 16th.",
        "Hi Sid, you seem to have entered an old card.",
        "Hi Sid, the wrong model number was given when the part was ordered.",
        "Hi Sid, the gift message was left blank at checkout, so nothing was printed.",
        "Hi Sid, the address on the order reads Flat 2, not Flat 12.",
    ],
)
def test_flags_the_customers_input_without_an_agent(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Sid, the wrong code was entered by our agent, and that's on us; I've fixed it today.",
        "Hi Sid, the notes field was left blank on our side, and that's our failure. An engineer comes Friday at 9.",
        "Hi Sid, the address on the order is Flat 12, not Flat 2 as the driver thought; I've re-sent it for tomorrow.",
        "Hi Sid, you seem to have been charged twice, and I'm sorry; the refund is done today.",
        "Hi Sid, the wrong size was sent from our warehouse, and I've sent the right one today.",
    ],
)
def test_passes_input_that_was_ours_or_was_right(assert_passes, reply):
    assert_passes(BLAME, reply)


# -- round 6: honest replies by new writers that the rules read as blame ------------------------------------------
@pytest.mark.parametrize(
    "reply",
    [
        # What the customer should have been spared is sympathy, not what they should have done.
        "Dear Gloria, nobody called you on Tuesday. That was our mistake and you shouldn't have lost a day waiting.",
        "Hi Ravi, you shouldn't have spent your lunch break on hold with us; I've credited £10 today.",
        "Hi Ravi, you should not have needed to chase us three times. The refund went out this morning.",
        "Hi Ravi, I'm sorry, you shouldn't have had to wait in the cold. A new driver is booked for 7pm tonight.",
    ],
)
def test_passes_what_the_customer_should_have_been_spared(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Ravi, you shouldn't have opened the box before the engineer arrived.",
        "Hi Ravi, you should have waited for the confirmation email before paying.",
        "Hi Ravi, you shouldn't have clicked the link in that email.",
        "Hi Ravi, you should have paid by the 5th to keep the discount.",
    ],
)
def test_flags_what_the_customer_should_have_done(assert_flags, reply):
    assert_flags(BLAME, reply, message="customer")


@pytest.mark.parametrize(
    "reply",
    [
        # A promise about the future is not a denial of the past.
        "Hey Jonah, that fee is wrong and I'm sorry. I've reversed it and made sure this can't happen to you again.",
        "Hi Jonah, I've fixed the setting so that it can't happen to anyone else again; the refund lands today.",
        "Hi Jonah, I've removed the duplicate rule, so this cannot happen to your account twice. £5 is back today.",
    ],
)
def test_passes_a_promise_that_it_cannot_happen_again(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Jonah, our logs show the fee was applied correctly, so that can't have happened the way you describe.",
        "Hi Jonah, this cannot happen unless the card was left on file by you.",
        "Hi Jonah, that couldn't have happened on our side.",
    ],
)
def test_still_flags_a_denial_that_it_could_have_happened(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # When it struck, with sympathy, is not why.
        "Yusuf, you didn't do anything wrong. Our fraud rule locked you out, and I'm sorry it happened when you "
        "need to pay your suppliers. I'm unlocking it now.",
        "Hi Ana, I'm so sorry this happened when you were about to board. The new ticket is in your inbox now.",
        "Hi Ana, the site crashed when you most needed it, and that's on us. I've extended your deadline to Friday.",
        "Hi Ana, I'm sorry the card was blocked when you were at the till; it's unblocked now and I've added £10.",
    ],
)
def test_passes_sympathy_for_when_it_happened(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Ana, the account locked because you entered the wrong password three times.",
        "Hi Ana, the payment was flagged when you changed the delivery address after checkout.",
        "Hi Ana, the order was delayed because your card details had expired.",
    ],
)
def test_still_flags_the_customer_as_the_cause_of_the_lock(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # "Our office" with nothing before it is the company itself: "we never sent it".
        "Hi Aoife, I'm so sorry. You did everything right and our office simply never sent the form off. I've sent it "
        "today and the money will be in your account by Friday.",
        "Hi Aoife, our branch didn't pass your letter on, and I'm sorry. I've put the refund through today.",
        "Hi Aoife, our office never logged your call. I've logged it now and I'll ring you at 10am tomorrow.",
    ],
)
def test_passes_our_office_as_the_company_itself(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Aoife, our accounts office simply never sent the form off.",
        "Hi Aoife, the head office never passed your letter on to us.",
        "Hi Aoife, the Leeds branch didn't pass your letter on, so it sat there for a week.",
    ],
)
def test_still_flags_another_office_or_branch(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The party named is cleared in the next or the same sentence.
        "Hi Marta, you're right, and sorry. The driver's app lost GPS for part of your trip and our fare system "
        "billed a longer route. Nothing you or the driver did wrong. I've refunded £27.60 just now.",
        "Hi Marta, the courier delivered it to the address on the label. That wasn't the courier's fault: our "
        "label printer swapped two orders. Your parcel goes out again today.",
        "Hi Marta, the installer didn't have the right bracket. The installer did nothing wrong; we packed the "
        "wrong kit, and a new one arrives Thursday.",
    ],
)
def test_passes_a_third_party_that_the_reply_clears(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Marta, the driver's app lost GPS for part of your trip, so the fare came out higher. Nothing we could do.",
        "Hi Marta, the courier lost your parcel, which is out of our hands.",
        "Hi Marta, the installer didn't have the right bracket, so the visit had to be cut short.",
    ],
)
def test_still_flags_a_third_party_that_is_not_cleared(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The cause is our own tool acting in error: that owns it, even in a plain explanation.
        "Dear Mr Donnelly, it appears the booking was cancelled automatically by our system in error, and we are "
        "investigating this with our systems provider.",
        "Hi Leo, it looks like our booking system wrongly flagged your card as expired, so the order was held.",
        "Hi Leo, it seems your account was closed by mistake by our system during the upgrade.",
    ],
)
def test_passes_an_explanation_that_puts_the_error_on_our_own_system(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Leo, it looks like your card was declined by your bank, so the order was held.",
        "Hi Leo, it seems the booking was cancelled because your payment details were out of date.",
        "Hi Leo, it appears the address on your order was incorrect, so the parcel was returned.",
    ],
)
def test_still_flags_an_explanation_that_points_at_the_customer_or_their_bank(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # "Can" in a purpose clause ("so someone can get back to you") is no generalisation.
        "Hi Tomás, our developers are aware of error 0x80070643. I'll pass your details along so someone can get "
        "back to you.",
        "Hi Tomás, I've flagged it to the team so an engineer can get to you first thing tomorrow.",
        "Hi Tomás, I've escalated your case so our billing team can get the refund out by Friday.",
    ],
)
def test_passes_can_in_a_purpose_clause(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Tomás, updates can get stuck on older laptops like yours, which is why the install failed.",
        "Hi Tomás, parcels can get delayed at this time of year, so the courier was late.",
        "Hi Tomás, installs can sometimes fail if your antivirus is running.",
    ],
)
def test_still_flags_a_generalisation_that_explains_it_away(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # What the customer saw or went through is not what they did wrong.
        "Hi Sam, you might have noticed two charges; the second was our error and I've refunded it today.",
        "Hi Sam, you may have expected a call on Monday, and you should have got one. I'll ring you today at 4.",
        "Hi Sam, you must have been charged twice when the page froze. The duplicate is refunded today.",
        "Hi Sam, you probably received two reminders this week. I've stopped the second run; the fee is waived.",
    ],
)
def test_passes_what_the_customer_may_have_seen_or_been_through(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Sam, you must have entered the card number wrongly.",
        "Hi Sam, you might have clicked the renew button by accident.",
        "Hi Sam, you probably ticked the wrong box at checkout.",
    ],
)
def test_still_flags_what_the_customer_may_have_done(assert_flags, reply):
    assert_flags(BLAME, reply, message="customer")


@pytest.mark.parametrize(
    "reply",
    [
        # The customer's input was right; the fault word belongs to our clause.
        "Hi Priya, the size you picked was right; we sent the wrong one. A size 10 arrives Wednesday.",
        "Hi Priya, the address you gave was correct, but we printed an old one on the label. It's re-sent today.",
        "Hi Priya, the card you used was fine; we applied the wrong currency. I've refunded the difference today.",
    ],
)
def test_passes_the_customers_input_that_was_right(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Priya, the size you picked was the wrong one for this model.",
        "Hi Priya, the address you gave was incomplete, so the courier brought it back.",
        "Hi Priya, the card you used was out of date, so the payment failed.",
    ],
)
def test_still_flags_the_customers_input_as_wrong(assert_flags, reply):
    assert_flags(BLAME, reply, message="customer")


@pytest.mark.parametrize(
    "reply",
    [
        # A passive whose agent is us or someone we sent is not the customer's act.
        "Hi Sam, the wrong option was selected by our booking agent, and I've changed it to the family room today.",
        "Hi Sam, the date was entered by one of us as the 5th instead of the 15th; it's fixed and confirmed.",
        "Hi Sam, the size was chosen by the stylist we sent, not by you, and the right one ships today.",
    ],
)
def test_passes_a_passive_with_someone_else_as_the_agent(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Sam, the wrong option was selected when the booking was made.",
        "Hi Sam, the date was entered as the 5th on the form.",
        "Hi Sam, the size was chosen by you at checkout.",
    ],
)
def test_still_flags_a_passive_around_the_customers_own_choice(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The customer's act would not have helped: that clears them.
        "Hi Sam, even if you had backed up the files, our migration would have overwritten them, so this is "
        "entirely on us. Our team restores them by 6pm.",
        "Hi Sam, if you had called us, we still wouldn't have picked up, because our lines were down. I'll call you "
        "at 2pm.",
        "Hi Sam, even had you updated the app, the bug would have hit you. The fix is live now.",
    ],
)
def test_passes_a_counterfactual_that_clears_the_customer(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Sam, if you had backed up the files, nothing would have been lost.",
        "Hi Sam, had you updated the app, the bug would not have hit you.",
        "Hi Sam, if you had read the email, you would have known the date had moved.",
    ],
)
def test_still_flags_a_counterfactual_that_blames_the_customer(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A slip or a step we own, even when worded as easy or as a routine we skipped.
        "Hi Sam, an understandable mix-up on our part, but still a mix-up. I've fixed the booking to the 16th.",
        "Hi Sam, when the payment reference isn't included, our team matches it by hand, and we simply didn't this "
        "time. It's matched now and the late fee is gone.",
        "Hi Sam, it's an easy slip to make, but it was our slip: a muddle on our side. The right date is booked.",
    ],
)
def test_passes_a_slip_or_a_routine_we_own(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Sam, it's an easy mix-up to make with two dials, and the reading was entered as 38,417.",
        "Hi Sam, when the payment reference isn't included, the payment can't be matched to your account.",
        "Hi Sam, an understandable slip, as the form does ask for the date of birth first.",
    ],
)
def test_still_flags_a_slip_or_a_requirement_put_on_the_customer(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The colleague named is right; the fault word is in a clause whose subject is us.
        "Hi Priya, the engineer you spoke to on Monday was right that the part was on order; we just never booked "
        "the fitting. It's booked for Wednesday 1pm.",
        "Hi Priya, our adviser told you the truth about the refund, and we then didn't process it. It's done today.",
        "Hi Priya, the technician flagged the leak on his visit; I never passed it on. Someone is with you at 9.",
    ],
)
def test_passes_a_colleague_named_beside_a_fault_we_own(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Priya, the engineer you spoke to on Monday never booked the fitting.",
        "Hi Priya, our adviser didn't process the refund, so it sat there for a week.",
        "Hi Priya, the technician forgot to report the leak after his visit.",
    ],
)
def test_still_flags_a_colleague_named_with_the_fault(assert_flags, reply):
    assert_flags(BLAME, reply, message="colleague")


@pytest.mark.parametrize(
    "reply",
    [
        # The record backs the customer, and our own tool failed: an explanation that owns its cause.
        "Hi Priya, your booking shows two guests, which is what you asked for; our system only gave you one "
        "breakfast. I've added the second from tomorrow.",
        "Hi Priya, looking at your account, the payment arrived on the 2nd, but our billing system didn't record "
        "it. I've removed the late fee.",
        "Hi Priya, it looks like your order went through, but our checkout charged your card twice. The duplicate "
        "is refunded today.",
    ],
)
def test_passes_an_explanation_where_our_own_tool_failed(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi László, I can see a travel notice in the app, but it appears to have been set up from the 14th, and the "
        "payment was on the 13th, so our fraud system treated it as unexpected.",
        "Hi Priya, looking at your account, the payment arrived on the 9th, after the due date on your bill.",
        "Hi Priya, your booking shows one guest, which is why only one breakfast was included.",
    ],
)
def test_still_flags_an_explanation_where_our_tool_only_reacted_to_the_customer(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Retelling what the customer did, as they reported it, is not a slip.
        "Hi Sam, I saw you left us a voicemail on Monday. I'm sorry nobody called back; I'll ring you at 3pm.",
        "Hi Sam, I see you clicked the link in our email and got an error page. The link is fixed and your discount "
        "is applied.",
        "Hi Sam, you pressed the help button at 9pm and waited 40 minutes. That's far too long; I've added £10.",
        "Hi Sam, you closed your account in May, and the direct debit should have stopped then. All 4 payments are "
        "refunded today.",
    ],
)
def test_passes_the_customers_own_report_retold(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Sam, you closed the page before the payment had finished.",
        "Hi Sam, you clicked the pay button twice, so two orders went through.",
        "Hi Sam, you left the parcel unattended on the doorstep overnight.",
        "Hi Sam, you pressed reset, which is what wiped the saved settings.",
    ],
)
def test_still_flags_the_customers_act_as_a_slip(assert_flags, reply):
    assert_flags(BLAME, reply, message="customer")


@pytest.mark.parametrize(
    "reply",
    [
        # A third party's slip that the reply then owns in a clause of its own ("we ... and should have ...").
        "Hi Omar, the supplier was late with the stock, but we promised you Friday and should have warned you the "
        "moment it slipped. It's with you Tuesday and delivery is free.",
        "Hi Omar, the courier lost the first box; we sold you the next-day service and really should have "
        "tracked it. A new one is on the van now.",
        "Hi Omar, the airline moved your flight, and we had the email and should have passed it on. You're on the "
        "14:10 now.",
    ],
)
def test_passes_a_third_partys_slip_that_we_then_own(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Omar, the supplier was late with the stock, so your order couldn't go out on Friday.",
        "Hi Omar, the courier lost the first box, and they should have tracked it.",
        "Hi Omar, the airline moved your flight and should have emailed you about it.",
    ],
)
def test_still_flags_a_third_partys_slip_left_with_them(assert_flags, reply):
    assert_flags(BLAME, reply, message="third party")


@pytest.mark.parametrize(
    "reply",
    [
        # A rule named only to be waived at once.
        "Hi Omar, under our policy refunds take 10 days, but I've pushed yours through today.",
        "Hi Omar, per our terms the fee would normally apply, but we've waived it because the delay was ours.",
        "Hi Omar, as per our rules a return needs the box, but I've sent a free bag instead and booked the pickup.",
    ],
)
def test_passes_a_rule_named_and_waived(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Omar, under our policy refunds take 10 days, so I can't do it any sooner.",
        "Hi Omar, per our terms the fee applies to late cancellations.",
        "Hi Omar, as per our rules a return needs the original box.",
    ],
)
def test_still_flags_a_rule_held_against_the_customer(assert_flags, reply):
    assert_flags(BLAME, reply, message="customer")


@pytest.mark.parametrize(
    "reply",
    [
        # Nobody answering the customer's own messages is our silence.
        "Hi Omar, you wrote that nobody answered your three emails. That's true, and I'm sorry; I'll call at 2pm.",
        "Hi Omar, nobody picked up your calls on Friday, and I'm sorry. I'm your contact now: 0161 555 0101.",
        "Hi Omar, no one answered you in the chat for an hour. I've refunded the fee and I'll stay on until 6.",
    ],
)
def test_passes_nobody_answering_the_customer(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Omar, the driver rang twice but nobody answered the door.",
        "Hi Omar, our engineer called at 9 and nobody was home.",
        "Hi Omar, nobody picked up when our nurse rang to confirm.",
    ],
)
def test_still_flags_nobody_being_there_for_our_visit(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A colleague named, then the fault in a clause whose subject is the company itself.
        "Hi Omar, the technician who visited noted the leak, and our office failed to book the follow-up. It's "
        "booked for Thursday 9am.",
        "Hi Omar, the agent you spoke to logged your request, and our team never actioned it. It's done today.",
        "Hi Omar, the driver reported the damage, but we didn't tell you. The replacement ships today.",
    ],
)
def test_passes_a_colleague_named_beside_the_companys_own_failure(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Omar, the technician who visited failed to book the follow-up.",
        "Hi Omar, the agent you spoke to never actioned your request.",
        "Hi Omar, our returns team didn't tell you, so the parcel sat there.",
    ],
)
def test_still_flags_the_fault_put_on_the_colleague(assert_flags, reply):
    assert_flags(BLAME, reply, message="colleague")


# -- round 6: recall on new writers' blame, each with the honest near misses it must leave alone ------------------
@pytest.mark.parametrize(
    "reply",
    [
        # A colleague who skipped a required step, or who ran the thing that failed.
        "Hi Owen, the outage was caused by a database migration that our infrastructure team ran without the usual "
        "sign-off.",
        "Hi Owen, the outage was caused by a failure during maintenance carried out by our infrastructure team.",
        "Hi Owen, our release team pushed the update without proper testing, so the app crashed on login.",
    ],
)
def test_flags_a_colleague_who_skipped_a_step_or_ran_what_failed(assert_flags, reply):
    assert_flags(BLAME, reply, message="colleague")


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Lena, our finance team approved your refund without the usual checks so it reaches you today.",
        "Hi Lena, to fix the fault, a repair was carried out by our engineering team this morning; the line is up.",
        "Hi Lena, after the outage, a full check was done by our network team at 6am and everything is running.",
        "Hi Lena, the outage was caused by a migration our infrastructure team ran without sign-off, and that's on "
        "us. Service is back and I've credited a week.",
    ],
)
def test_passes_a_colleague_doing_a_fix_or_a_favour(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        # Departments and staff named bare, or after an adverb.
        ("Hi Daniel, your physio called in sick and unfortunately reception didn't ring the list until too late.",
         "colleague"),
        ("Hi Sienna, one of our new hosts put your booking in for the wrong Saturday.", "colleague"),
        ("Hi Sienna, the waitress forgot to pass your allergy note to the kitchen.", "colleague"),
        # Outside firms named as the cause in a reply that owns nothing.
        ("Dear Naomi, our external mailing house worked from an older file and didn't apply your opt-out.",
         "third party"),
        ("Dear Helen, this was due to a technical fault with our email service provider's servers.", "third party"),
        ("Hi Ray, the cancellation was triggered by an outage at our card processor.", "third party"),
        ("Hi Jonah, the driver uploaded a photo from another trip, which is completely unacceptable.", "third party"),
    ],
)  # fmt: skip
def test_flags_new_names_for_colleagues_and_outside_firms(assert_flags, reply, message):
    assert_flags(BLAME, reply, message=message)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Daniel, reception will call you at 9 tomorrow to confirm the new slot.",
        "Hi Sienna, one of our hosts will meet you at the door at 7 and show you to your table.",
        "Hi Sienna, our hosts should have checked the diary, and that's our failure. Your table is booked.",
        "Hi Naomi, our external auditor has confirmed the refund amount, and it's on its way to you today.",
        "Hi Lena, we use an outside printing firm, and we didn't check their proofs; that's on us. Reprints ship "
        "Friday.",
        "Hi Lena, the delay was due to a problem at our warehouse, which is our fault. It ships tomorrow.",
        "Hi Lena, the courier left it in the rain, which is unacceptable, and we picked that courier, so it's on us.",
        "Hi Lena, the installer arrived late because we gave him the wrong address. A new visit is booked for Friday.",
    ],
)
def test_passes_colleagues_and_outside_firms_without_a_fault_left_on_them(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Excuses: no control, another office.
        "Hi Marcus, courier handling is something we don't have control over once the parcel leaves us.",
        "Dear Mr Whitaker, assistance at Leeds is delivered by the station team, who are managed separately from our "
        "customer relations office, and I've forwarded your complaint to them.",
        "Hi Marcus, we didn't have any control over the delay at the port.",
    ],
)
def test_flags_no_control_and_another_office(assert_flags, reply):
    assert_flags(BLAME, reply, message="excuse")


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Lena, we don't have control over the weather, but we should have warned you sooner. Your ticket is "
        "refunded.",
        "Hi Lena, the station team is managed separately from our office, but I've called them myself and they'll "
        "meet you at 10 on the platform.",
        "Hi Lena, you don't have control over when the courier arrives, so I've booked a named-day slot for Friday.",
    ],
)
def test_passes_limits_owned_or_acted_on(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The customer's order, rules or requirement put forward as the cause.
        "Hi Ana, looking at your order confirmation, size 9 is what came through at checkout, so that's what the "
        "warehouse packed.",
        "Hi Ana, the packing slip shows size 9, which is what the warehouse matched against your order.",
        "Hi Tomás, the installer needs the old service stopped before it runs, as covered in the release notes.",
        "Hi Rosa, payouts go through a review, as set out in section 7.3 of the Seller Terms.",
        "Hi Priya, if inactive users aren't removed before the billing date, they're counted as seats.",
        "Hi Nadia, for future orders we'd recommend keeping allergy notes short.",
    ],
)
def test_flags_the_customers_order_rules_or_requirements_as_the_cause(assert_flags, reply):
    assert_flags(BLAME, reply, message="customer")


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Lena, the size 9 that came through at checkout was our website's error, not yours; size 10 ships today.",
        "Hi Lena, as covered in our guarantee, you're entitled to a full refund, and I've processed it today.",
        "Hi Lena, as set out in our service promise, we should have fixed this within 24 hours, and we didn't.",
        "Hi Lena, if any users aren't removed before your renewal, tell me and I'll take them off the bill by hand.",
        "Hi Lena, when the form isn't signed by us, the bank rejects it, and we forgot to sign yours. It's resent.",
        "Hi Lena, for future orders we'd recommend the tracked option, and I've added free tracking to your account.",
    ],
)
def test_passes_orders_rules_and_requirements_that_clear_the_customer(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # "Can" as what someone can do for the customer, or in an indirect question, is no generalisation.
        "Hi Ray, I'm checking now whether Max's space can be restored, and I'll email you by 3pm today.",
        "Hi Jeff, our partner body shop will repair it at our cost, and they can get you booked within 5 days.",
        "Hi Jeff, the new part can be with you by Friday, and I'll call you on Thursday to confirm.",
        "Hi Jeff, we can usually get an engineer out the same day; I've booked one for 2pm.",
    ],
)
def test_passes_can_as_what_someone_can_do(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Jeff, parcels can get lost at this time of year, and yours was one of them.",
        "Hi Jeff, older doors can be stiff after a wash, so the seal may have moved in your garage.",
        "Hi Jeff, bookings made by phone can be missed when the line is busy.",
    ],
)
def test_still_flags_can_as_how_things_tend_to_go(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Our records cast doubt on what the customer says happened.
        "Hi Jeff, there's no record of anything happening to the door while the truck was in our bay.",
        "Hi Jeff, our check-in walkaround doesn't note any damage either way.",
        "Hi Jeff, I can see no sign of any damage in the photos taken at collection.",
    ],
)
def test_flags_records_that_cast_doubt_on_the_customer(assert_flags, reply):
    assert_flags(BLAME, reply, message="doubt")


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Jeff, there's no record of the damage on our check-in sheet, which is our failure; we should have noted "
        "it. The repair is booked for Monday.",
        "Hi Jeff, the photos you sent show the damage clearly, and the repair is booked for Monday at our cost.",
        "Hi Jeff, there's no record of your call, and that's on us. I'll ring you at 10 tomorrow.",
    ],
)
def test_passes_records_that_back_the_customer_or_a_gap_we_own(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Something given free ("your next session is on us") owns nothing, so a colleague blamed beside it stays
        # blamed.
        "Hi Daniel, unfortunately reception didn't ring the cancellation list until it was too late. Your next "
        "session is on us.",
        "Hi Daniel, the waiter forgot your order for an hour. Dessert is on us next time.",
        "Hi Daniel, the courier lost the first parcel. Delivery on the replacement is on us.",
    ],
)
def test_flags_blame_beside_a_freebie_that_is_on_us(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Daniel, reception didn't ring the list in time, and that is on us. Your next session is free.",
        "Hi Daniel, the waiter forgot your order for an hour; that was on us, and dessert is on us next time.",
        "Hi Daniel, the courier we chose lost the first parcel, so this is all on us. The replacement ships today.",
    ],
)
def test_passes_blame_that_the_reply_then_owns(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The driver's report of the customer's absence, left standing.
        "Hi Graham, our driver reports that there was no answer at the door at 2:04pm, so a card was left.",
        "Hi Graham, there was no answer at the address when the engineer called, so the visit was closed.",
        "Hi Graham, the courier had no answer at your door and took the parcel back to the depot.",
    ],
)
def test_flags_no_answer_at_the_door(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Graham, the card says 'no answer at the door', but the van's GPS shows the van never stopped at your "
        "address. Redelivery is Saturday 8-12.",
        "Hi Graham, the card says there was no answer at the door. However, the GPS shows the van never stopped, "
        "so I've booked a redelivery for Saturday.",
        "Hi Graham, I called at 3pm and there was no answer, so I've left a voicemail and I'll try again at 6.",
    ],
)
def test_passes_no_answer_that_the_reply_contradicts(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Evidence that backs the customer, or a fault placed at our end, is no excuse.
        "Dear Ms Patel, according to our records, you cancelled within the 14-day period, so you are entitled to "
        "a full refund, which I have processed today.",
        "Dear Ms Patel, looking at your account, your direct debit was set up correctly, and the missed collection "
        "was caused by a processing error at our end. I've re-run it for Friday.",
        "Hi Jo, it looks like your payment was made on time; the late fee came from our end, and it's removed.",
    ],
)
def test_passes_evidence_that_backs_the_customer(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Dear Ms Patel, according to our records, you cancelled after the 14-day period had ended.",
        "Dear Ms Patel, looking at your account, the direct debit was set up for the wrong date on your side.",
        "Hi Jo, it looks like the payment from your card arrived after the due date, which is why the fee was added.",
    ],
)
def test_still_flags_evidence_that_points_at_the_customer(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # What the customer sent was fine; what fell short is in our clause.
        "Hi Jo, the documents you uploaded were fine, we just couldn't open them due to a bug on our portal.",
        "Hi Jo, the photos you sent were clear; we didn't look at them before replying. The claim is approved.",
        "Hi Jo, the reading you gave us was correct, and we didn't use it. The new bill arrives Monday.",
    ],
)
def test_passes_what_the_customer_sent_that_was_fine(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Jo, the documents you uploaded couldn't be opened, so we couldn't process the application.",
        "Hi Jo, the photos you sent didn't show the damage clearly enough for us to approve it.",
        "Hi Jo, the reading you gave us was lower than the last one, so the bill was estimated.",
    ],
)
def test_still_flags_what_the_customer_sent_as_falling_short(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A rule or promise that binds us, quoted against us, is the company's failure, not the customer's.
        "Hi Tobias, our website says 14 days and you've waited six weeks. I've refunded the postage; it ships today.",
        "Hi Tobias, our terms say we refund within 5 days, and it's been three weeks. I've pushed it through today.",
        "Hi Tobias, the product page says it fits a 60cm space, so you should have had no problem; our listing was "
        "wrong. Your refund is done today.",
        "Hi Tobias, our confirmation email says you'll get a call within an hour, but nobody called. I'll ring at 4.",
    ],
)
def test_passes_a_rule_that_binds_us_quoted_against_us(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Tobias, as our terms state, delivery dates are estimates.",
        "Hi Tobias, our website says orders over 20kg need a delivery slot, which wasn't booked.",
        "Hi Tobias, the product page says it needs a 60cm space, so it was never going to fit your alcove.",
    ],
)
def test_still_flags_a_rule_held_against_the_customer_by_what_it_says(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # "If you did X" that assumes the customer did it right, or that gives an instruction, blames nobody.
        "Hi Kim, if you selected express at checkout, you should have had it by Tuesday, so I've refunded the fee.",
        "Hi Kim, if you updated the app on Monday, the bug would have logged you out; it's fixed in today's update.",
        "Hi Kim, if you called us last week and got no answer, I'm sorry; I'm your contact now and I'll ring at 10.",
        "Hi Kim, if you see the error again, restart the app and it will pick up the fix.",
    ],
)
def test_passes_if_you_that_assumes_the_customer_did_it_right(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Kim, if you had selected express at checkout, it would have arrived by Tuesday.",
        "Hi Kim, had you updated the app on Monday, the bug wouldn't have logged you out.",
        "Hi Kim, if you'd read the email we sent, you would have known the class had moved.",
    ],
)
def test_still_flags_if_you_had_that_blames_the_customer(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # What only we do, admitted as not done, or our own thing as the cause.
        "Hi Lee, sorry for the wait. Looking at your account, the refund was never submitted. I've submitted it now "
        "and it'll arrive by Friday.",
        "Hi Lee, from what I can see, your replacement was not dispatched last week. It goes out today by express.",
        "Hi Lee, I'm sorry. The pharmacy didn't receive the prescription from us because our fax line was down. "
        "It's ready at 3pm.",
        "Hi Lee, the lab never got your sample because of our courier booking system, and it's collected tomorrow.",
    ],
)
def test_passes_what_we_never_did_or_our_own_cause(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Lee, looking at your account, the refund was never submitted because you didn't confirm your bank details.",
        "Hi Lee, the pharmacy didn't receive the prescription, so you'll need to take it up with them.",
        "Hi Lee, looking at your account, the subscription was still set to the old plan when the order went out.",
    ],
)
def test_still_flags_what_was_not_done_put_on_the_customer_or_a_third_party(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # "We've let you down" owns what follows.
        "Hi Sam, we've let you down, and I won't pretend otherwise. The engineer missed your appointment; a new one "
        "is booked for Friday at 9.",
        "Hi Sam, I have failed you here. The courier lost the parcel and I didn't chase it. A new one ships today.",
        "Hi Sam, we really let you down. Our billing team applied the old tariff; the corrected bill comes Friday.",
    ],
)
def test_passes_a_colleague_or_party_named_after_we_let_you_down(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Sam, the engineer let you down by missing your appointment.",
        "Hi Sam, the courier failed you here and lost the parcel.",
        "Hi Sam, you've been let down by our billing team, who applied the old tariff.",
    ],
)
def test_still_flags_a_colleague_or_party_who_let_the_customer_down(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Our own staff, or a party we sent, named as doing the fix: the fault word is what they are putting right.
        "Hi Ana, our billing team will correct the wrong invoice by Friday.",
        "Hi Ana, our engineer will replace the faulty part that was missed on Monday, at 9am Thursday.",
        "Hi Ana, I've asked our returns team to collect the wrong item tomorrow between 8 and 12.",
        "Hi Ana, our warehouse manager is re-sending the order that didn't arrive, by express today.",
        "Hi Ana, the courier will collect the incorrect sofa on Tuesday and deliver the right one the same day.",
        "Hi Ana, our support team has fixed the incorrect charge, and you'll see it reversed within 3 days.",
    ],
)
def test_passes_staff_or_a_party_named_as_doing_the_fix(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Ana, our warehouse team has sent the wrong colour.",
        "Hi Ana, our billing team didn't update the rate, so they'll correct it this week.",
        "Hi Ana, the courier collected the wrong sofa on Tuesday.",
        "Hi Ana, our returns team refunded the wrong card by mistake.",
        "Hi Ana, the driver's cancelled the visit without notice.",
    ],
)
def test_still_flags_staff_or_a_party_whose_own_act_was_the_fault(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # The customer's own account of a colleague or a party, retold, is not the reply blaming them.
        "Hi Ana, you said our engineer didn't turn up on Tuesday. I've booked a new visit for Thursday at 9.",
        "Hi Ana, I understand the agent you spoke to promised a call back that never came. I'll call you at 3pm.",
        "Hi Ana, from your message I understand the technician forgot the part. He'll be back with it on Friday.",
        "Hi Ana, you're right that our agent gave you the wrong date. The correct date is the 14th, confirmed.",
        "Hi Ana, you told us the driver was rude and left without unloading. A two-person team delivers Saturday.",
    ],
)
def test_passes_the_customers_account_retold(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Ana, I've checked, and our engineer didn't turn up on Tuesday because he was double-booked.",
        "Hi Ana, I can confirm the agent you spoke to forgot to book the call back.",
        "Hi Ana, as I said, the technician forgot the part, so he couldn't finish.",
        "Hi Ana, I've looked into it: the driver didn't unload because he was running late.",
    ],
)
def test_still_flags_the_reply_putting_it_on_them(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # More ways new writers own it, after naming the party.
        "Hi Ben, the courier left your parcel at the wrong house. That's down to us; a replacement ships today.",
        "Hi Ben, the courier left your parcel at the wrong house. I take full responsibility; a new one ships today.",
        "Hi Ben, the courier left your parcel at the wrong house. The blame is ours, and a new one ships today.",
        "Hi Ben, the courier left your parcel at the wrong house. This one's on me, and a new one ships today.",
        "Hi Ben, the installer didn't turn up. That's unacceptable from us; a new installer comes Friday at 8.",
        "Hi Ben, our engineer missed the leak. I'm not going to make excuses; he's back tomorrow at 8 to fix it.",
        "Hi Ben, the courier damaged the TV, and we packed it too lightly for them. A new one ships today.",
    ],
)
def test_passes_a_party_named_then_owned_in_other_words(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Ben, the courier left your parcel at the wrong house. That's down to them, not us.",
        "Hi Ben, the courier left your parcel at the wrong house, and the responsibility lies with them.",
        "Hi Ben, the installer didn't turn up, which is unacceptable from them.",
        "Hi Ben, the courier damaged the TV, and we were given no warning by them.",
    ],
)
def test_still_flags_a_party_named_and_left_with_the_fault(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A duty we meet, an entitlement, a choice made right, a rule the product failed.
        "Hi Cara, it's essential that the boiler is checked properly, which is why our senior engineer comes Friday.",
        "Hi Cara, as our terms state, you're covered for accidental damage, so the repair is free and booked Monday.",
        "Hi Cara, the item was selected correctly on your order; we picked the wrong one. The right one ships today.",
        "Hi Cara, the manual says the light should go green, and it didn't, because the unit was faulty. A new one "
        "arrives tomorrow.",
    ],
)
def test_passes_duties_entitlements_and_rules_that_clear_the_customer(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Cara, it's essential that the boiler is checked every year, and yours hadn't been.",
        "Hi Cara, the damage looks like misuse, so it isn't covered.",
        "Hi Cara, the wrong item was selected on your order.",
        "Hi Cara, the manual says to charge it for 8 hours before first use.",
    ],
)
def test_still_flags_duties_misuse_choices_and_rules_put_on_the_customer(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A third party named, with the fault in our own clause or done "by us".
        "Hi Dev, the hospital transport booking was our job and we missed it. A car collects you at 8:15 Monday.",
        "Hi Dev, the venue was overbooked by us, not by them, and I'm sorry. Your new tickets are attached.",
        "Hi Dev, the courier had the parcel ready, but we never booked the collection. It goes out today.",
    ],
)
def test_passes_a_party_named_beside_a_fault_in_our_clause(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Dev, the manufacturer recalled the part, so we couldn't fit it.",
        "Hi Dev, the venue was overbooked by the promoter, so we had to move you.",
        "Hi Dev, the courier never booked the collection, so the parcel is still here.",
    ],
)
def test_still_flags_a_party_whose_fault_left_us_unable(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Empathy for what a colleague's miss did to the customer, and a cause in the machinery.
        "Hi Dana, I understand how frustrating it is that the engineer didn't come. A priority visit is booked for "
        "Thursday at 8am.",
        "Hi Dana, it must have been so annoying when our engineer didn't ring. He'll call at 8am tomorrow.",
        "Hi Dana, it looks like the booking was cancelled when the deposit was retried after the processor outage. "
        "I've restored it.",
    ],
)
def test_passes_empathy_and_a_cause_in_the_machinery(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Dana, the engineer didn't come because he was given the wrong day by dispatch.",
        "Hi Dana, the driver didn't ring, and he says nobody was home.",
        "Hi Dana, it looks like the booking was cancelled from your account on Monday.",
    ],
)
def test_still_flags_a_miss_or_a_change_left_on_someone(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # An explanation the writer judges as a failure is no excuse.
        "Hi Jo, the app can be slow to update your balance, which isn't good enough. Your balance is £240.",
        "Hi Jo, new accounts are only activated once the ID check is done, and ours took five days, far too long. "
        "You're active now.",
        "Hi Jo, parcels can get held at the depot over a weekend, and that's not acceptable. Yours is on the van now.",
    ],
)
def test_passes_an_explanation_judged_as_our_failure(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Jo, the app can be slow to update your balance on older phones like yours.",
        "Hi Jo, new accounts are only activated once the ID check is done, and yours was sent in late.",
        "Hi Jo, parcels can get held at the depot over a weekend, so there was nothing unusual here.",
    ],
)
def test_still_flags_an_explanation_left_as_how_things_go(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Words of the stock excuses used in a plan, a condition or a kindness.
        "Hi Jo, if it happens again, call me directly on 0161 555 0101 and I'll sort it the same day.",
        "Hi Jo, I'll make sure it happens on Friday: the engineer is booked for 9am.",
        "Hi Jo, given the nature of your job, I've booked the earliest slot, 7am Monday.",
        "Hi Jo, we rely on you to tell us when something goes wrong, and you did exactly that. The fix is live.",
        "Hi Jo, as far as I'm concerned, you deserve a full refund, and I've sent it today.",
    ],
)
def test_passes_excuse_words_in_a_plan_a_condition_or_a_kindness(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Jo, I'm afraid it happens with couriers at Christmas.",
        "Hi Jo, that's just the nature of deliveries in December.",
        "Hi Jo, we rely on our courier for the last mile.",
        "Hi Jo, as far as we're concerned, the parcel was delivered.",
    ],
)
def test_still_flags_the_stock_excuses(assert_flags, reply):
    assert_flags(BLAME, reply, message="excuse")


@pytest.mark.parametrize(
    "reply",
    [
        # What the customer didn't do, with our failure as the reason, or cleared outright.
        "Hi Jo, you didn't arrive at 9 because we sent you the wrong time. The new slot is Friday at 9.",
        "Hi Jo, you didn't confirm the booking because our confirmation link was broken. I've confirmed it for you.",
        "Hi Jo, you never told us anything wrong; we misread your note. The right cake is on its way.",
        "Hi Jo, you didn't select express because our site hid the option. I've upgraded you for free.",
    ],
)
def test_passes_what_the_customer_didnt_do_because_of_us(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Jo, you didn't confirm the booking, so it lapsed.",
        "Hi Jo, you didn't arrive at 9, so the slot was given away.",
        "Hi Jo, you never told us about the allergy when you booked.",
    ],
)
def test_still_flags_what_the_customer_didnt_do(assert_flags, reply):
    assert_flags(BLAME, reply, message="customer")


# -- round 8: heldout9's false positives, fixed by their general reason --------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        # Our own team named as working with us on the fix, or a purpose ("make sure it never ..."), not a culprit.
        "We're looking into what went wrong with our network team and will make sure it never happens again. Your "
        "credit of £20 is on your account now.",
        "I am working on this together with our claims team to make sure nothing else is missed, and I will call you "
        "on Thursday with the outcome.",
        "I've been through the booking log with our front desk manager, and we'll ensure no booking is ever dropped "
        "like this again. Your table is confirmed for Friday at 7pm.",
        "I've passed your photos to our warehouse team so they can make sure the replacement isn't damaged, and it "
        "leaves us tomorrow.",
    ],
)
def test_passes_our_team_working_with_us_on_the_fix(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I've spoken with our warehouse team, who forgot to book the pickup on Monday.",
        "I checked with the billing team and they didn't update your seat count.",
        "I've checked with the store and the picker should have read your notes before substituting anything.",
        "We are investigating with our engineering team, who rolled out the update without testing it.",
    ],
)
def test_still_flags_a_colleague_met_through_with_or_to(assert_flags, reply):
    assert_flags(BLAME, reply, message="colleague")


@pytest.mark.parametrize(
    "reply",
    [
        # The team's mistake told as the company's: owned ("that mistake is ours", "we should've caught it") or with
        # the customer cleared beside it.
        "Our lab team mislabelled your sample, so the results were delayed. That error is ours, and I've booked a "
        "free retest for Monday.",
        "Our billing office sent the claim under the wrong code, and the balance was moved to you in error. That "
        "mistake is ours. The claim goes back to your insurer within 2 business days.",
        "Our scheduling team double-booked the court and I should've checked before confirming. I've refunded the "
        "£30 today.",
        "You did nothing wrong here. Our accounts team applied the payment to the wrong invoice, and I've moved it "
        "across today.",
        "Our back office didn't send the renewal to your card, so the gate refused a valid ticket. None of this was "
        "down to you. The penalty fare is cancelled and you'll have written confirmation within 5 working days.",
        "Your form was complete and correct. Our enrolment team didn't register it in time, which is why the place "
        "went to someone else. Not your fault at all — I've reserved you a place on the March intake.",
    ],
)
def test_passes_the_teams_mistake_owned_as_the_companys(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Our billing team didn't update your seat count, so you were overcharged. It's not your fault, it's theirs.",
        "Our dispatch team assigned your job to the wrong region, so nobody came. I've escalated it with their "
        "manager.",
        "Our engineer left the boiler on the wrong setting and didn't reconnect the flue; he's been spoken to.",
        "One of our new packers mixed up the sizes, and that's been raised with his supervisor.",
    ],
)
def test_still_flags_a_colleagues_mistake_left_with_them(assert_flags, reply):
    assert_flags(BLAME, reply, message="colleague")


@pytest.mark.parametrize(
    "reply",
    [
        # A third party named, with our own failure owned in a contraction.
        "hi Ruth, so sorry, the courier lost it at their depot and we should've caught it sooner. a replacement "
        "goes out today by tracked courier.",
        "hi Tom, the supplier sent the wrong part and I should've checked it before fitting. The right one is "
        "fitted Monday at 9.",
        "The venue double-booked the room, and we ought to have confirmed it the week before. Your new date is 12 May.",
    ],
)
def test_passes_a_third_party_named_with_our_part_owned(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "The courier lost it at their depot and should've scanned it, so it's out of our hands.",
        "The supplier sent the wrong part, which is beyond our control.",
        "The venue double-booked the room at the last minute.",
    ],
)
def test_still_flags_a_third_party_left_as_the_cause(assert_flags, reply):
    assert_flags(BLAME, reply, message="excuse")


@pytest.mark.parametrize(
    "reply",
    [
        # "Under the wrong policy number" names a record, not a rule; "since" says from when; owned or free.
        "I am so sorry. Your claim was filed under the wrong policy number at our end, and you should never have "
        "had to chase it. It's approved today.",
        "Your claim was recorded under the wrong policy number, so it sat unmatched for a month. That's our "
        "mistake; it's approved today.",
        "We'll also refund the late fees your bank has charged you since you paid the deposit; just send me the "
        "statement.",
        "We'll cover the interest you've been charged since you paid for the repair, and I'll transfer it on Friday.",
        "The screen is covered in the warranty terms you signed, so the repair is free and ready Friday.",
        "Nothing in the contract you signed allows a cancellation fee, so I've removed it today.",
    ],
)
def test_passes_records_times_and_rules_in_the_customers_favour(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "quote"),
    [
        ("As per our policy, refunds are only given within 14 days of purchase.", "as per our policy"),
        ("Under our terms, the deposit is non-refundable once the booking is confirmed.", "under our terms"),
        ("Your account was locked because you entered the wrong password five times.", "because you entered"),
        ("Face ID faults are a known risk, and this is covered in the repair terms you signed.", "covered in the"),
        ("This is set out in the hire agreement you signed at collection.", "set out in the hire agreement"),
        ("Damage to the lining is listed in the care terms you accepted at checkout.", "listed in the care terms"),
    ],
)
def test_still_flags_rules_and_causes_pinned_on_the_customer(assert_flags, reply, quote):
    assert_flags(BLAME, reply, quote=quote, message="customer")


# -- round 8: heldout9's misses, as families -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        # Damage put before our person arrived: casts doubt on the customer's account.
        "Our fitter says the tiles were already cracked when he arrived, so it may not be down to the job.",
        "The technician tells me the screen was already chipped before he started on the repair.",
        "The cleaners report the carpet was already stained when they got there.",
        "From the check-in notes, it's possible the dent was already there before the car came in.",
        "It may have been already damaged before our movers collected it, but we'll look into it.",
    ],
)
def test_flags_damage_put_before_our_visit(assert_flags, reply):
    assert_flags(BLAME, reply, message="casts doubt")


@pytest.mark.parametrize(
    "reply",
    [
        "The sofa was already damaged when it left our warehouse, so that's on us. A replacement arrives Friday.",
        "I'm sorry the lamp was already broken when the parcel arrived. A new one ships today.",
        "The boiler was already leaking when our engineer arrived, and he should have fixed that while he was "
        "there. That's our miss; he's back tomorrow at 9.",
        "Your photos show the alloy was undamaged at drop-off, so the scratch happened while the car was with us. "
        "We'll refinish it on Monday.",
    ],
)
def test_passes_damage_before_it_reached_the_customer_or_owned(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        # The customer's own settings, side or payment as the cause.
        ("As paperless billing was switched off on your account, the reminder went by post and arrived late.",
         "settings"),
        ("Autopay was disabled on your profile, so the payment wasn't taken.", "settings"),
        ("Most of the furniture was assembled by the household before our team arrived, so the fault could be in "
         "the fixing.", "customer"),
        ("The settings were configured by your IT team, so the sync stopped when the password changed.", "customer"),
        ("Our records show the June premium didn't come through, and a missed premium is what lapses the policy.",
         "explains"),
        ("Looking at the account, the standing order hasn't arrived for two months, so the service was paused.",
         "explains"),
        ("The bill was worked out from the readings shown in your app at the time, which is why it's higher.",
         "explains"),
    ],
)  # fmt: skip
def test_flags_the_customers_own_side_as_the_cause(assert_flags, reply, message):
    assert_flags(BLAME, reply, message=message)


@pytest.mark.parametrize(
    "reply",
    [
        "Auto-pay was switched off on your account when we moved you to the new plan, which is our mistake. I've "
        "turned it back on and waived the late fee.",
        "The boxes were packed and labelled by our crew, so any mix-up in numbering is ours to sort out. I'll call "
        "you with an update on Thursday.",
        "Our records show your direct debit came through on the 3rd, so the cancellation was our error; I've "
        "reinstated the policy today.",
        "Our records show the refund didn't go through on our side, and I've resent it today.",
        "Your new bill is calculated from the readings shown in your app, so it's accurate now, and the credit of "
        "£40 is on your account.",
    ],
)
def test_passes_the_customers_side_cleared_or_our_own(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        # Departments named by their room or centre, too busy, acting without warning, or gone and unexplained.
        ("Our print room has had a big backlog this month and your letter wasn't posted as a result.", "colleague"),
        ("Our call centre logged your calls but they weren't passed on to the delivery team, which is why nothing "
         "changed.", "colleague"),
        ("The mail room has been behind for weeks, so your documents sat unopened.", "colleague"),
        ("The migration was pushed through by our platform team without giving us any warning, so we were as "
         "blindsided as you were.", "colleague"),
        ("Honestly we were as surprised as you were; nobody in customer care was told about the price change.",
         "excuse"),
        ("The stylist who did your colour has since left the salon, so I can't really say what went wrong.",
         "excuse"),
        ("Our old courier account was closed last year so I'm unable to see why the parcel went astray.", "excuse"),
    ],
)  # fmt: skip
def test_flags_departments_and_colleagues_left_with_the_fault(assert_flags, reply, message):
    assert_flags(BLAME, reply, message=message)


@pytest.mark.parametrize(
    "reply",
    [
        "Our print room will send the corrected letter first class today, so it reaches you by Thursday.",
        "I've asked our call centre to flag your account so nobody rings you about the arrears while this is fixed.",
        "Our contact centre has a backlog this week, so I've taken your case myself and I'll call you at 2pm.",
        "We changed the timetable without giving you proper notice, and that's on us. Your fare is refunded today.",
        "I was shocked to read what happened, and I'm sorry. We should have checked the booking before you travelled.",
        "The inspection report isn't back yet, so I can't tell you what went wrong until Thursday, when I'll call "
        "you with it.",
        "I haven't heard from the lab, so I can't say what happened yet, but I'll ring you by 4pm.",
    ],
)
def test_passes_departments_doing_the_fix_and_answers_still_to_come(assert_passes, reply):
    assert_passes(BLAME, reply)


# -- round 8: heldout8's misses, as families, with the honest wordings each must leave alone ------------------------


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("The manufacturer's turnaround has been much longer than they promised us.", "excuse"),
        ("The lab's processing was slower than usual this month, so your results are late.", "excuse"),
        ("If you've recently changed phones or reset the app, that would explain the lock.", "customer"),
        ("If you shared your login with anyone, that could be the reason the account was flagged.", "customer"),
        ("Darren, the engineer who commissioned it, set the boiler up for underfloor heating rather than radiators.",
         "colleague"),
        ("The consultant handling your file drafted the email but it was never sent.", "colleague"),
        ("I'm afraid the receptionist may not have passed the message on.", "colleague"),
        ("We weren't aware there was a problem until your email, as the delivery was signed for as complete.",
         "excuse"),
        ("Your form came through after the Monday 5pm cut-off, so it rolled into next month.", "too late"),
        ("It looks like the order went in just after the cut-off for same-day dispatch.", "too late"),
        ("As your contract pricing wasn't re-confirmed when it came up for renewal, the account reverted to list "
         "prices.", "paperwork"),
        ("Because your ID wasn't verified in time, the account was frozen.", "customer"),
        ("The app does ask you to keep enough balance for each scheduled buy.", "rules"),
        ("Our editor normally shows a warning when images are low resolution.", "rules"),
        ("Usually guests let reception know if they'll arrive after midnight.", "prevented"),
        ("It looks like the postcode on your order sent it to the wrong depot.", "customer"),
        ("It seems the photos were uploaded at a low resolution, which is why they printed blurry.", "explains"),
        ("Our dispatch team sent the van to your old address, so the sofa went back to the depot.", "colleague"),
        ("The courier delivered it to your previous address even though the label was right.", "excuse"),
        ("Our accounts team charged your old card, which is why the payment bounced.", "colleague"),
    ],
)  # fmt: skip
def test_flags_more_families_of_blame(assert_flags, reply, message):
    assert_flags(BLAME, reply, message=message)


@pytest.mark.parametrize(
    "reply",
    [
        "The repair took longer than we quoted, and that's on us; your loan car is ready today at 10am.",
        "I'm sorry this has taken far longer than it should have. Your refund of £42 went back to your card today.",
        "If you've had trouble logging in since Monday, that would be our outage, and I'm sorry; it's fixed now.",
        "I'll email you the new date by Friday rather than leave you waiting for a call.",
        "We've fitted a new valve rather than patching the old one, so it won't drip again; the engineer left at 4pm.",
        "The engineer should be with you by noon rather than 3pm, and I'll text you when he sets off.",
        "Our engineer may not have the right part tomorrow, so I've ordered it for Thursday and will confirm by 5pm.",
        "We weren't aware of the fault until you told us, and we should have been. Your replacement ships today.",
        "Orders placed after 2pm usually go the next day, but I've had yours sent today anyway.",
        "As your contract renewal wasn't processed by our team on time, the account reverted to list price. That's "
        "our mistake; the credit note follows by Thursday.",
        "Because your application was approved yesterday, your card will arrive by Friday.",
        "The app asks you to confirm your address before it books, and that step was broken on our side; I've "
        "booked it for you for Tuesday.",
        "Our site will remind you to book your next service in May, and I've pencilled in 12 May for you.",
        "The postcode on your booking was right; our system put it in the wrong region, and I've fixed that. "
        "Thursday 8-10am is booked.",
        "I've checked our system and the agent you spoke to booked everything correctly; the van broke down, and "
        "I've rebooked you for 9am Friday.",
        "Our billing team has now updated your old address to the new one, and the next statement goes to Leeds.",
        "I've asked our warehouse team to stop the parcel going to your old address; it will be redirected tomorrow.",
        "Our support team couldn't reach you on Monday because we had the wrong number on file after our "
        "migration; I've corrected it and I'll call you at 11 today.",
    ],
)
def test_passes_the_honest_neighbours_of_those_families(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A colleague cleared, with the fault in our tool's clause; a party we chose, named as ours; good news
        # explained; the rule quoted in the customer's favour.
        "Hi Sara, our agent on chat gave you the right answer; the system just didn't apply the discount. I've "
        "applied it now and refunded the difference.",
        "Dear Mr Park, the contractor we hired damaged your fence, and we'll pay for the repair in full. Our "
        "surveyor will visit on Monday at 10.",
        "The printer we contracted printed the wrong date on your invitations, so we're reprinting them at our "
        "cost, ready Friday.",
        "Hi Uma, because you paid by card, the refund goes back to that card automatically; you'll see it within 3 "
        "working days.",
        "Hi Abe, you're entitled to a full refund under our terms, and I've sent it today.",
    ],
)
def test_passes_parties_cleared_chosen_or_in_the_customers_favour(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("The courier we use lost it, which is out of our hands.", "excuse"),
        ("The contractor we hired damaged your fence, so you'll need to take this up with them directly.", "excuse"),
        ("The contractor we use didn't pick up the job from their portal.", "excuse"),
        ("Under our terms, you're not entitled to a refund after 14 days.", "rules"),
        ("As per our policy, you're no longer eligible for the discount.", "rules"),
        ("Hi Carla, our pharmacy team forgot to order your medication, so it wasn't ready.", "colleague"),
        ("Hi Lucy, our reception team didn't call you back; I've reminded them about it.", "colleague"),
    ],
)  # fmt: skip
def test_still_flags_parties_left_with_the_fault_and_rules_against_the_customer(assert_flags, reply, message):
    assert_flags(BLAME, reply, message=message)


@pytest.mark.parametrize(
    "reply",
    [
        # Busy agents own it in their own words: "totally on us", "my bad", "our screw-up".
        "hi, sorry - our driver missed your stop, totally on us. rebooked for tmrw am, no charge. Kev",
        "Hey Jo, the tech forgot the filter, my bad for not checking his kit. He's back Thurs 9am. Sam",
        "sorry Pat - billing double charged you, that's our screw-up. refund's gone back today, 3 days to show.",
        "Hi Max, the night staff didn't get your message and we should have had a better handover. Breakfast "
        "tomorrow is on us and your late checkout is set for 2pm.",
    ],
)
def test_passes_terse_notes_that_own_it(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Something given free "on us" owns nothing: "breakfast tomorrow is on us".
        "hi, sorry - our driver missed your stop, he's new and didn't check the list. rebooked for tmrw.",
        "Hey Jo, the tech forgot the filter. He's back Thurs 9am.",
        "sorry Pat - billing double charged you. refund's gone back today.",
        "Hi Max, the night staff didn't pass on your message. Breakfast tomorrow is on us.",
    ],
)
def test_still_flags_terse_notes_that_pass_it_on(assert_flags, reply):
    assert_flags(BLAME, reply, message="colleague")


@pytest.mark.parametrize(
    "reply",
    [
        # A fault the visit found, or damage from our own stock, disputes nothing.
        "The pipe was already leaking when our plumber arrived, so he isolated it and the repair is booked for "
        "Monday at 8.",
        "The fuse board was already faulty when the electrician got there; he's made it safe and a new board is "
        "fitted Friday.",
        "The sofa was already damaged when our driver collected it from the warehouse, so a new one is on order for "
        "Friday.",
    ],
)
def test_passes_faults_found_on_the_visit_or_damage_from_our_stock(assert_passes, reply):
    assert_passes(BLAME, reply)


def test_flags_damage_put_before_the_movers_picked_it_up(assert_flags):
    reply = "Our movers say the table was already scratched before they picked it up."
    assert_flags(BLAME, reply, message="casts doubt")


@pytest.mark.parametrize(
    "reply",
    [
        # The customer cleared, but the colleague held to account in front of them: still passing the buck.
        "Not your fault at all. Our new trainee entered the wrong date, and he's been spoken to.",
        "You did nothing wrong. Our night porter forgot your wake-up call; I've raised it with his manager.",
        "None of this is your fault - the agent you spoke to didn't log the callback, and she's been retrained.",
    ],
)
def test_still_flags_a_colleague_held_to_account_beside_a_cleared_customer(assert_flags, reply):
    assert_flags(BLAME, reply, message="colleague")


@pytest.mark.parametrize(
    "reply",
    [
        # Evidence read out with our own cause, or owned.
        "Our records show the direct debit didn't go through because our bank details changed; I've reset it, "
        "nothing to do on your side.",
        "Looking at your account, the email on your account is correct, so the problem was on our side. I've resent "
        "the invoice now.",
        "Looking at your order, the size on your order confirmation was a 10, and we sent a 9. The 10 ships today.",
        "Looking at your order, the size on your order confirmation was a 9, and that's what we sent, but our size "
        "guide was wrong for this boot, which is on us. A 10 ships today.",
    ],
)
def test_passes_evidence_with_our_own_cause(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # What we did, justified by the customer's own record ("so that's what we sent") owns nothing.
        "Looking at your order, the size on your order confirmation was a 9, so that's what we sent.",
        "Our records show the meter reading you gave was 4,500, which is what we billed.",
        "According to our system, the address on your account was Flat 2, so that's where the driver went.",
    ],
)
def test_flags_what_we_did_justified_by_the_customers_record(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # How our safeguards treat suspect activity, given as the explanation, implies the customer looked suspect.
        ("For your security, our system locks accounts when it detects suspicious activity.", True),
        ("Our bank partner declines payments automatically when it detects unusual spending, so you'll need to "
         "call them.", True),
        ("The app suspends bookings when it spots a mismatch in the card details.", True),
        ("Our system locks accounts when it detects suspicious activity, and this time it got it wrong, which is on "
         "us. I've unlocked yours and added a £10 credit.", False),
        ("I've unlocked your account, and from now on our system will only lock accounts when it detects three "
         "failed logins in a row.", False),
    ],
)  # fmt: skip
def test_safeguards_given_as_the_explanation(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply)
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A colleague named as the cause through "due to", with a slip as a gerund; or met through "due to", not
        # "to" ("I've passed it to our billing team").
        "Apologies, this was due to our warehouse team missing the pickup on Monday.",
        "Thanks to our billing team forgetting the update, you were charged twice.",
        "It happened because of the front desk not passing your message on.",
        "This was down to our dispatcher sending the wrong van.",
        "Our engineer has since moved on and didn't leave any notes on your job.",
    ],
)
def test_flags_a_colleague_as_the_cause_in_a_gerund(assert_flags, reply):
    assert_flags(BLAME, reply, message="colleague")


@pytest.mark.parametrize(
    "reply",
    [
        "Thanks to our support team working late, your refund went out today and will reach you by Thursday.",
        "Due to our engineers working on the fix overnight, the site is back up, and I've added a week's credit to "
        "your account.",
        "Because of our night team staying on, your car will be ready at 7am tomorrow.",
    ],
)
def test_passes_a_colleague_as_the_cause_of_good_news(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("Hi Bill, the instructions on the box do say to let the unit stand for 4 hours before switching it on.",
         "rules"),
        ("Hi Noor, our policy is to only refund to the original payment method, so it went to your old card.",
         "rules"),
        ("Hi Max, the parts supplier is having stock issues across the whole industry at the moment.", "excuse"),
        ("Hi Rex, the airline changed the schedule, which is something we have no say in.", "excuse"),
    ],
)  # fmt: skip
def test_flags_rules_quoted_and_shortages_or_decisions_left_with_others(assert_flags, reply, message):
    assert_flags(BLAME, reply, message=message)


@pytest.mark.parametrize(
    "reply",
    [
        "Our policy is to refund you in full when we get it wrong, so I've refunded the £60 today.",
        "Our policy is to call before arriving, and the driver didn't, which is on us. He'll ring at 8:30 tomorrow.",
        "The instructions on our website say we'll reply within a day, and it took us four. I'm sorry; your repair "
        "is booked for Monday.",
        "Our supplier had stock issues, and we should have told you the moment we knew. Your order ships Thursday, "
        "and delivery is free.",
        "Whether we can offer a refund is up to us, and I've decided to refund you in full today.",
        "Our process is to check every parcel before it leaves, and we missed the crack in yours. A new one ships "
        "today.",
    ],
)
def test_passes_rules_that_bind_us_and_shortages_owned(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Our own process, told as what we'll do; a rule the product failed.
        "Our process is to send a reminder 48 hours before, and I've made sure yours for next week's visit is "
        "scheduled for Tuesday at 9am.",
        "Hi Gus, our rule is that you can change your booking for free up to the day before, so I've moved it to "
        "Saturday at no charge.",
        "The manual on our website says the fan should run quietly; yours doesn't, so it's faulty and a replacement "
        "ships today.",
        "Hi Jay, the policy is that refunds take 5 days, but I've pushed yours through today as a priority; you'll "
        "see it tomorrow.",
        "It's up to you whether you keep the spare; either way the refund of £30 has gone back to your card today.",
    ],
)
def test_passes_our_process_and_rules_in_the_customers_favour(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Left undone "by us" owns it; the customer's own form left undone does not.
        ("Hi Hal, looking at your account, you were charged the old price because the new tariff hadn't been "
         "loaded by us. I've refunded the £12 difference today.", False),
        ("Hi Ann, it seems your renewal wasn't processed by us in time, so the cover lapsed for a day. It's "
         "reinstated with no gap, backdated.", False),
        ("Hi Ann, it seems your renewal form wasn't returned, so the cover lapsed.", True),
        ("The parcel was collected by us on Monday, and then the courier lost it, which is out of our hands.", True),
    ],
)  # fmt: skip
def test_left_undone_by_us_or_by_the_customer(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply)
    else:
        assert_passes(BLAME, reply)


# -- round 9: heldout10's honest replies by new writers, and the near misses beside them ------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        # The customer's action told as right, our side failing after it.
        "You're right - you cancelled the class on Monday and our booking system didn't register it, so I've "
        "refunded the £15.",
        "You skipped the March delivery in plenty of time, but our warehouse system lost the request. I've refunded "
        "the £32 today.",
        "You're quite right: you skipped the April box on the 2nd, and that request should have stopped the charge. "
        "The £40 is refunded.",
        # A fault on the customer's side denied.
        "This was a labelling error in our pharmacy, not an oversight on your part.",
        "There was no mistake on your end; the meter reading we used was from the old meter.",
        "Our scanner misread the barcode, so there was no error at all on your part.",
        "That's a gap in our handover, not a misunderstanding on your side, and I'm sorry.",
        # Our own silence, not the customer's absence.
        "Your technician was moved to another job and no one picked up the phone to let you know. I've booked him "
        "for 8am tomorrow.",
        "No one answered when you rang the branch on Friday, and I'm sorry you wasted your lunch break.",
        # "When" that only dates our slip.
        "We missed it when your laptop came in for repair, and the cracked hinge should have been noted on the ticket.",
        "Our scanner flagged it when your parcel arrived at the depot, and the hold notice never went out to you.",
    ],
)
def test_passes_the_customer_cleared_or_our_side_failing(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "You skipped the verification step, so our system couldn't confirm the order.",
        "It looks like you skipped the email confirmation step, which is why the booking didn't go through.",
        "You ignored the low-balance reminder and our system then paused the account.",
        "It may not have registered on your end.",
        "It was a mistake on your part to book the non-refundable fare.",
        "Unfortunately the error was on your end, not ours.",
        "Our driver knocked twice but nobody answered, so the parcel went back to the depot.",
        "No one picked up when the engineer called, so the visit was cancelled.",
        "The card was blocked because you entered the PIN wrongly three times.",
        "The alarm was triggered when you opened the back door without the code.",
    ],
)
def test_still_flags_the_customer_as_the_cause_beside_those(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A plan or a change told with "rather than" a channel or a place.
        "Your next delivery is with our driver Sam, and if anything changes you'll hear it from me rather than from "
        "an automated text.",
        "From now on any double-booked table is sorted by a manager the day before, rather than at the door.",
        # "So often": what the customer bears, not how things tend to go.
        "We had an outage on our booking page that morning, so your payment went through but no tickets were issued. "
        "I'm sorry, especially when you come to our shows so often.",
        # A supplier's act, with our own safeguard owned as the failure.
        "The supplier changed the recipe without telling us. Our quality checks should have caught the new allergen "
        "before it reached the shelf, and they didn't.",
        "The previous owner had registered the wrong chassis number. Our vetting should have spotted that before we "
        "sold you the car.",
    ],
)
def test_passes_plans_sympathy_and_safeguards_owned(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Our courier took the parcel to the depot rather than to your house.",
        "The technician set it up for a combi boiler rather than a system boiler.",
        "Transfers from some banks often arrive a day late, so the payment showed as missed.",
        "The supplier changed the recipe without telling us, so there was nothing we could have done.",
        "The seller cancelled and reissued the barcodes, so the tickets were void; that's down to the seller.",
    ],
)
def test_still_flags_wrong_choices_generalisations_and_parties_left_with_it(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # A third party's trouble, with our own part owned.
        "The driver had trouble finding your house because the pin we sent him was wrong. That's on us.",
        "Our courier had problems with the van, which is no excuse: we should have sent another one the same day.",
        "I can see the bank had an outage on Monday, but our app should have retried the payment and it didn't. "
        "That's our failure.",
        # "On us" as a treat still to come is not owning it, and owns nothing away either.
        "I'm sorry: your next two lessons will be completely on us, and I've rebooked you for Tuesday at 5pm.",
        # Fair to the customer clears them; a department doing the fix; "after we" with the slip owned.
        "To be fair to you, the form is confusing, and we've now rewritten it.",
        "Looks like finance has already approved your refund; it'll be on your card by Friday.",
        "The delay came after we moved warehouses, and I should have warned you; that's on me.",
        # Control and cut-offs about what is still to come, or in the customer's favour.
        "Whether the replacement parts arrive on time is not in our control, so I won't promise a date, but I'll "
        "call you Friday with news.",
        "Your change was made well before this month's billing cut-off; we simply didn't apply it, and I've "
        "refunded the difference.",
        "The engineer ran the update without the usual pre-checks, which was our process failing, not him, and "
        "that's on us.",
    ],
)
def test_passes_parties_departments_and_cut_offs_with_our_part_owned(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("Unfortunately the weather at the port is not in our control, so the ferry times may change.", "excuse"),
        ("The airline has confirmed the problem was with their booking system, so you'd need to contact them.",
         "excuse"),
        ("The supplier had significant delays with the fabric, which held up your sofa.", "excuse"),
        ("Our hosting provider suffered an outage overnight, and your site was among those affected.", "excuse"),
        ("To be fair to the plumber, the pipes were very old and it was always going to be a difficult job.",
         "excuse"),
        ("In their defence, the courier had a huge number of parcels that week.", "excuse"),
        ("Apparently dispatch sent the wrong colour, so the sofa has to go back.", "colleague"),
        ("It seems billing applied the old rate to your account.", "colleague"),
        ("Looks like billing didn't update your payment status after we moved systems, so the card got "
         "deactivated.", "colleague"),
        ("The patch was deployed by our platform team without the usual pre-checks, which is why the app crashed.",
         "colleague"),
        ("Your cancellation was submitted after this week's cut-off, so the order had already shipped.", "too late"),
        ("The form arrived after today's deadline, so the place went to the next applicant.", "too late"),
    ],
)  # fmt: skip
def test_flags_trouble_left_with_others_departments_as_found_and_cut_offs(assert_flags, reply, message):
    assert_flags(BLAME, reply, message=message)


@pytest.mark.parametrize(
    "reply",
    [
        # A page quoted in the customer's favour or against us.
        "As set out on page 3 of your policy, you're covered for accidental damage, so the repair is free.",
        "As shown on page 2 of your invoice, we charged you twice, and I've refunded the second charge.",
        "As set out on page 4 of our terms, we refund within 5 days, and it's been three weeks; I'm sorry.",
        # Silence that was theirs to break, or ours.
        "I'm sorry there was no response to your three emails; I've answered them all now.",
        "There was no reply to the message you sent us on Monday, and that's our failure.",
        "We got no response to our emails because we had your old address, which is our mistake.",
        "There was no response to our follow-up call because our dialler dropped it before it rang, so the ticket "
        "closed in error.",
    ],
)
def test_passes_pages_quoted_for_the_customer_and_silence_owned(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("As set out on page 2 of the report you signed, the inspection is a visual check only.", "rules"),
        ("As explained on page 5 of the handbook, claims must be made within 30 days.", "rules"),
        ("As stated on page 3 of your contract, the deposit is non-refundable.", "rules"),
        ("I've had a look and the ticket was closed automatically after there was no response to our follow-up "
         "message.", "did not respond"),
        ("We got no reply to our reminder emails, so the booking was released.", "did not respond"),
        ("We never heard back from you, so the claim was closed.", "did not respond"),
        ("There had been no answer to the letters we sent in March, so the account was passed to collections.",
         "did not respond"),
    ],
)  # fmt: skip
def test_flags_pages_held_against_the_customer_and_silence_put_on_them(assert_flags, reply, message):
    assert_flags(BLAME, reply, message=message)


@pytest.mark.parametrize(
    "reply",
    [
        # Long, honest explanations naming a colleague, a supplier or the customer's bank, with the failure owned.
        "Dear Mrs Okafor, I run the surgery myself, so this sits with me. Our receptionist booked you into the 9am "
        "slot that Dr Patel had already given up, and nobody rang to warn you. That isn't good enough, and I'm sorry.",
        "Hi Sam, our supplier sent the wrong grade of timber, but we signed it off at the yard without checking, so "
        "the warped boards are our failure. A new set arrives Thursday.",
        "Dear Mr Li, the valuation you received used last year's figures. The analyst who prepared it picked up an "
        "old template, and our review should have caught it before it reached you. I've attached the corrected "
        "report.",
        "Hi Tom, the card machine at our till declined your card twice and charged you both times. Your bank did "
        "nothing wrong; our terminal retried the payment. I've refunded the second £42.",
        # Advice for next time that is an offer of our help, beside the fault owned.
        "Hi Priya, going forward you can always email me directly at this address if you need a change quickly, and "
        "I'll confirm it the same day. The missed change this month was ours.",
        "Hi Ken, for future bookings you might find it easier to use the app, which shows live availability, but "
        "this time the fault was entirely our booking page, and your refund is on its way.",
        "Dear Mr Evans, the pharmacist who checked your prescription missed the change in dose. That was our error, "
        "not yours, and we have now added a second check for every dose change.",
    ],
)
def test_passes_long_honest_explanations_and_offers_for_next_time(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Going forward, you should always check the address before you pay.",
        "Next time, if you need a change quickly, you should call rather than email.",
        "Your bank declined it, so there's nothing we can do.",
        "The driver did nothing wrong; you weren't home when he called.",
    ],
)
def test_still_flags_advice_that_implies_fault_and_a_party_cleared_onto_the_customer(assert_flags, reply):
    assert_flags(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # A fault of the customer's denied further back than a word or two is cleared, not blamed ...
        ("This was not, in any sense, your fault, and the refund is on its way.", False),
        ("None of this was ever your mistake; our scanner misread the label.", False),
        ("Nothing about the delay was down to your error.", False),
        # ... unless the sentence turns back on them.
        ("It's not ideal, but this was your mistake.", True),
        ("I can't refund it, as it was your own mistake.", True),
        ("We don't normally do this, so it was your error that caused it.", True),
        ("No refund is possible because the damage was your fault.", True),
    ],
)  # fmt: skip
def test_a_fault_denied_further_back_or_turned_back_on_the_customer(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply, message="customer")
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # "Which is how it arose" and "not done by them" pin the cause on the colleague named ...
        ("The booking was confirmed by our coordinator before your times had arrived, which is how the clash "
         "happened.", True),
        ("The refund was processed by the finance team, and yours was not included by them in the March batch.",
         True),
        ("Receipts are generated by our finance team, and I'm afraid yours was not picked up by them in March.",
         True),
        ("The patch was pushed by our platform team on Friday, and that is how the outage started.", True),
        # ... but not when it tells how we caught it, what the customer saw, or our own slip owned.
        ("Our planner spotted the clash on Friday, which is how we caught it before your day.", False),
        ("Our engineer rebooked you for Monday, which is how you ended up with a text at 7am.", False),
        ("The slot was confirmed by our coordinator after we had already given it away, which is how the clash "
         "arose, and that's our mistake.", False),
        ("Your claim was passed to our assessor, who will call you by Friday; it was not looked at by him before "
         "today because we sent it to the wrong inbox.", False),
    ],
)  # fmt: skip
def test_a_cause_pinned_on_a_colleague_or_told_as_ours(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply, message="colleague")
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Departments as found doing their part, or their slip owned; a party's trouble with our part owned.
        "Looks like dispatch sent it out this morning, so it'll be with you tomorrow.",
        "It seems billing has already refunded the £20; you'll see it by Friday.",
        "Looks like billing didn't get the form until Friday because we forwarded it late, which is my mistake.",
        "I think finance will have the credit on your account by Monday.",
        "Your hotel had an issue with the booking we sent, because we put the wrong dates on it. That's on us.",
        "The supplier had delays, and we should have told you straight away instead of letting the date pass. I'm "
        "sorry.",
        "Apparently reception didn't pass on your message, and that's our failure, not theirs alone.",
    ],
)
def test_passes_departments_as_found_and_party_trouble_with_our_part_owned(assert_passes, reply):
    assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "this is our failure, you should have known before leaving": owned just before,
        # with no "but" after it.
        ("Our dispatcher sent the wrong van, this is our failure, you should have been told at once.", False),
        (
            "The class was cancelled and our reminder never went out; that's our mistake, you should have heard the "
            "night before.",
            False,
        ),
        ("We missed the rota change, that's our mistake, you should have known by Monday.", False),
        ("Our text never went out, this is our failure, you should have known before you drove over.", False),
        ("Sorry for the trouble, but you should have checked the size chart before ordering.", True),
        ("That's our fault for the delay, but you should have read the care label before washing it.", True),
        ("You should have kept the receipt if you wanted a refund.", True),
        ("We take full responsibility for the delay, however you should have updated your address.", True),
    ],
)
def test_an_admission_just_before_makes_a_should_have_ours(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply, message="customer")
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "I'll call you tomorrow to make sure you have everything you need",
        # "I'll ring you once the van has left us": our plan, not an instruction or an excuse.
        ("I'll ring you on Thursday to make sure you have the new keys before the weekend.", False),
        ("We will email you tonight to make sure you have the link for tomorrow's session.", False),
        ("I'll text you once the engineer has left us so you know when to expect him.", False),
        ("We'll let you know as soon as the parcel has left our warehouse so you can track it.", False),
        ("Please make sure you follow the setup guide before contacting us again.", True),
        ("I'll replace it, but next time make sure you read the instructions first.", True),
        ("You need to make sure you select the right plan at checkout.", True),
        ("Once it has left our warehouse, the courier is responsible for any damage, so it's out of our hands.", True),
    ],
)
def test_our_own_plan_is_not_an_instruction_or_excuse(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply)
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "our crew simply didn't show - and then nobody picked up the phone": our silence.
        ("We simply didn't turn up, and then nobody answered your calls.", False),
        ("Our team never arrived - and then nobody picked up the phone.", False),
        ("We failed to send the part and then no one answered the phone.", False),
        ("Our driver knocked twice but nobody answered the door.", True),
        ("The engineer came at 9 and nobody was home.", True),
        ("Our courier called on Monday and no one was there to sign.", True),
    ],
)
def test_our_silence_after_our_own_slip(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply)
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "the last thing you needed, and it's our workmanship that caused it".
        (
            "I'm sorry the boiler failed the week you moved in, and it's our installation that caused it: a valve "
            "was left open.",
            False,
        ),
        ("You booked the earliest slot, and it was our software that caused the double booking.", False),
        ("You changed the password, and it's our security rule that triggered the lock, not anything you did.", False),
        ("You changed your password, which then locked the account.", True),
        ("You left the window open, and that caused the damp.", True),
        ("You unplugged the router, which caused the outage.", True),
    ],
)
def test_our_own_thing_named_as_the_cause(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply, message="customer")
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "That's our process failing you" owns what the colleague named before it did.
        (
            "The agent you spoke to promised a callback, but it never reached our booking system. That's our "
            "process failing you.",
            False,
        ),
        (
            "Our warehouse manager said it had gone, but it was still on the shelf. That was us failing you, plain "
            "and simple.",
            False,
        ),
        (
            "Our night team didn't log the fault, so nobody came out. This is our system failing you, and I'm sorry.",
            False,
        ),
        ("The agent you spoke to promised a callback, but she never logged it.", True),
        ("Our night team didn't log the fault, so nobody came out.", True),
        ("Our billing team forgot to send the credit note.", True),
    ],
)
def test_our_process_failing_you_owns_it(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply, message="colleague")
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "That's on Sizzl, not on you and not on the restaurant": the party named is cleared.
        (
            "Your allergy note was cut off by our app before it reached the kitchen, so they never saw it. That's "
            "on us, not on you and not on the kitchen.",
            False,
        ),
        (
            "The instructions were trimmed by our system before they reached the driver, so he never read them. "
            "That's on Loop, not on you or the driver.",
            False,
        ),
        (
            "The pharmacy never saw the note because our form dropped it. That's on us, not on you, and not on the "
            "pharmacy.",
            False,
        ),
        ("The restaurant ignored your note, so they never saw your warning.", True),
        ("The courier lost the parcel, so it's out of our hands.", True),
        ("The kitchen forgot your allergy note, it's their mistake.", True),
    ],
)
def test_a_party_cleared_beside_the_customer(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply)
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "He's brilliant with this kind of damage, and the piano itself wasn't affected".
        (
            "Our technician, Priya, will come on Friday to fix the hinge. She's very good with this kind of fault, "
            "and the door itself wasn't damaged; I checked the photos.",
            False,
        ),
        (
            "Our fitter will redo the seal on Monday. He knows these units well, and the rest of the kitchen wasn't "
            "affected.",
            False,
        ),
        ("Our engineer will call tomorrow. She has checked your data, and none of it was lost or compromised.", False),
        ("Our technician didn't fit the hinge properly, so the door came off.", True),
        ("Our fitter wasn't careful with the seal and it leaked.", True),
        ("He forgot to tighten the valve.", True),
    ],
)
def test_harm_denied_is_not_a_colleague_fault(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply, message="colleague")
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "the recent bank feed issue" names our feature, not the bank.
        ("We're sorry for the trouble caused by the recent bank feed issue; our engineers have fixed it.", False),
        ("Apologies for the delay caused by the courier integration problem on our side.", False),
        ("The carrier sync stopped on Tuesday and we missed it; we have restarted it.", False),
        ("The delay was caused by the bank, which is out of our hands.", True),
        ("The courier lost your parcel, so there's nothing we can do.", True),
        ("The issue was caused by our payment provider, which is beyond our control.", True),
    ],
)
def test_a_party_name_used_for_our_feature(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply)
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "critical to your operations, particularly during peak periods": the customer's busy time.
        (
            "We know how much the booking page matters to your salon, especially during busy periods, and we are "
            "sorry it went down.",
            False,
        ),
        ("The till app is central to your shop, particularly at peak times, so I understand why Saturday hurt.", False),
        (
            "We appreciate how important deliveries are for you, above all during peak seasons, and we let you down.",
            False,
        ),
        ("Sorry your order was late, we were very busy that week.", True),
        ("Orders are often slower during peak periods, so delays can happen.", True),
        ("Your refund took longer as we were short-staffed.", True),
    ],
)
def test_the_customers_busy_time_is_not_our_excuse(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply, message="excuse")
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "in fairness to the lads, the hallway was tighter than the form said": the one who slipped defended.
        ("In fairness to the crew, the stairs were narrower than described.", True),
        ("In all fairness to our driver, the road was closed and the sat-nav sent him the long way.", True),
        ("In fairness to Tom, the system gave him the old price.", True),
        ("In defence of our fitters, the walls were not level when they arrived.", True),
        # ... but fair to the customer, or to everyone, or with our part owned, is not.
        ("In fairness to you, the booking form was confusing, and we've now changed it.", False),
        (
            "In fairness to everyone involved, I want to get the facts right before I reply, so I'll call you Friday.",
            False,
        ),
        ("Our fitter, in fairness to him, was given the wrong measurements by us, and that's our mistake.", False),
    ],
)
def test_in_fairness_to_the_party_who_slipped(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply, message="excuse")
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "their scheduling is outside of our direct control".
        ("Their scheduling is outside of our direct control.", True),
        ("Customs checks are beyond our immediate control, so the parcel is held.", True),
        ("Sorry for the wait; the supplier's stock levels are beyond our direct control.", True),
        # ... but not why a promise is withheld, or beside our fault owned.
        (
            "Whether the insurer approves it is outside our direct control, so I won't promise an answer, but I'll "
            "chase them daily.",
            False,
        ),
        ("Some of this is outside our direct control, but the delay was our mistake and that's on us.", False),
        ("The fault was entirely inside our direct control, and we should have fixed it on day one.", False),
    ],
)
def test_outside_our_direct_control(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply, message="excuse")
    else:
        assert_passes(BLAME, reply)


@pytest.mark.parametrize(
    ("reply", "flagged"),
    [
        # Round 10: "the restaurant left the fries and drinks out of your bag - we've reported it to them".
        ("The restaurant left the fries and drinks out of your bag - we've reported it to them.", True),
        ("The supplier left two chairs off the pallet, so the set was incomplete.", True),
        ("Unfortunately the courier left the cable out of the box.", True),
        # ... but not our own packer with the slip owned, our app as the cause, or a plan.
        ("Our packer left the charger out of your box, and that's our mistake; a new one is on its way.", False),
        (
            "The restaurant left the fries out of your bag because our app dropped that part of the order, so that's "
            "on us.",
            False,
        ),
        ("I've asked the warehouse to leave the old unit off the van so nothing gets mixed up.", False),
    ],
)
def test_a_party_that_left_items_out(assert_flags, assert_passes, reply, flagged):
    if flagged:
        assert_flags(BLAME, reply, message="excuse")
    else:
        assert_passes(BLAME, reply)


def _module_strings() -> list[str]:
    """Every string of a few words written in this test module: replies, sentences and quotes."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    return [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and " " in n.value
    ]


# ownership.ADMISSION, as it read before each wording was spelt out to begin with a plain word (which is faster):
# the reference its matches are checked against.
READABLE_ADMISSION = re.compile(
    r"\b(?:(?:that|this|it)(?:'s| is| was) (?:on us|on me|ours|all ours|our (?:fault|mistake|error|doing|failure|"
    r"bug|responsibility|problem))|on us\b|on me\b|(?:our|my) (?:own )?(?:fault|mistake|error|failure|bug|"
    r"doing|slip|oversight)\b|ours to (?:own|fix|put right|sort)|we(?:'ve| have)? (?:got (?:it|this|that|the \w+) "
    r"wrong|messed up|slipped up|dropped the ball|made (?:a|an|the) (?:mistake|error)|let you down|failed you|"
    r"fell short)|(?:we|i) (?:should have|shouldn't have|should not have)|i take (?:full )?responsibility|"
    r"we take (?:full )?responsibility|(?:it|this|that) was (?:our|my) \w+|(?:a|the) \w+ (?:on|at) our (?:side|end)|"
    r"on our (?:side|end)|our (?:\w+ ){0,2}(?:system|checkout|server|installer|update|release|bug|job|rule|"
    r"warehouse|packing|scheduling|migration|process|courier|check|loop|flow)s? (?:\w+ ){0,2}?"
    r"(?:failed|missed|lost|sent|charged|double-charged|packed|booked|broke|deleted|locked|flagged|put|took|"
    r"billed|kept|left|got|retried|misread|didn't|did not|was stuck|got stuck|used|reused|mixed)|"
    r"we (?:\w+ )?(?:missed|sent|charged|lost|packed|booked|forgot|failed|didn't|did not|shipped|billed|took|"
    r"flooded|buried|wasted|shipped|broke|deleted|locked|overcharged|double-charged|mixed up|never|packed|"
    r"promised|picked|let|kept|ran|pushed|released)\b|(?:i'm|i am|we're|we are) (?:so |very |really |truly )?"
    r"sorry (?:that )?we\b|not (?:your|anything you|something you)|you did (?:nothing|everything) (?:wrong|right)|"
    r"you didn't do anything wrong|we were wrong|you're right|(?:bug|fault|error|problem|glitch|mistake|loop) "
    r"(?:in|on|with|from|of) our\b|our \w+'s (?:fault|mistake|error)|because of us|"
    r"(?:this|that|it) one (?:was|is) ours|\bours (?:\w+ )?(?:wasn't|was not|weren't|were not|didn't|did not|"
    r"failed)|(?:it|yours|the \w+|your \w+) should (?:have|never have) (?:gone out|shipped|arrived|been|left))",
)


def test_the_admission_pattern_finds_what_its_readable_form_finds():
    # blame and ownership share ownership.ADMISSION, spelt out so that re can skip ahead; match for match, it must
    # find what the readable form finds.
    from replydraft_guardrails._text import prepare
    from replydraft_guardrails.ownership import ADMISSION

    for text in _module_strings():
        _, low = prepare(text)
        assert [(m.span(), m.group(0)) for m in ADMISSION.finditer(low)] == [
            (m.span(), m.group(0)) for m in READABLE_ADMISSION.finditer(low)
        ], text


def test_each_excuse_needs_entry_names_one_group():
    # The needed text of an excuse group is keyed by a piece of its source: each piece must name exactly one group.
    from replydraft_guardrails.blame import _EXCUSE_NEEDS
    from replydraft_guardrails.blame.lexicon import _EXCUSE_GROUPS

    for piece in _EXCUSE_NEEDS:
        assert sum(piece in source for _, source in _EXCUSE_GROUPS) == 1, piece


def test_a_long_s_in_a_colleague_blaming_sentence_gets_the_same_rewrite(rules_only):
    """re.I matches "ſhe" as "she"; the rewrite once looked it up lower-cased ("ſhe") and raised KeyError."""
    from replydraft_guardrails.blame import Blame

    from replydraft import Case

    case = Case.from_dict(
        {"customer": {"name": "Dana"}, "message": "Where is my desk?", "issue": "Order #4821 missed the pickup."}
    )
    plain = "Sorry. Our warehouse team forgot to ship it because she was off sick. I will send it today."
    long_s = plain.replace("she was", "ſhe waſ")
    (expected,) = Blame().check(plain, case)
    (found,) = Blame().check(long_s, case)
    assert found.suggestion == expected.suggestion == "We forgot to ship it because we were off sick, and that's on us."


def _gated_patterns() -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    from replydraft_guardrails.blame import EXCUSE_GROUPS
    from replydraft_guardrails.blame.customer import NEEDS

    return [*NEEDS.items(), *((pattern, needs) for _, pattern, needs in EXCUSE_GROUPS if needs)]


@pytest.mark.parametrize("pattern, needs", _gated_patterns(), ids=lambda value: str(getattr(value, "pattern", ""))[:40])
def test_a_pattern_is_only_skipped_when_it_cannot_match(pattern: re.Pattern[str], needs: tuple[str, ...]) -> None:
    """The hand-written texts a pattern needs (blame.customer.NEEDS, blame._EXCUSE_NEEDS) are a gate: a sentence
    with none of them is not searched. Hypothesis writes texts that do match; each must hold one of the texts, or an
    alternative added to the pattern is missing from its list and blame would silently stop finding it."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def holds_a_needed_text(text: str) -> None:
        text = text.lower()  # the rules read lower-cased text
        if pattern.search(text):
            assert any(need in text for need in needs), text

    holds_a_needed_text()
