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


def test_span_points_at_the_blaming_clause(run_guardrail):
    reply = "Hi Dana,\n\nSorry for the wait. The warehouse crew forgot your order, so that one's on them."
    (finding,) = run_guardrail(BLAME, reply)
    assert finding.quote(reply).startswith("The warehouse crew forgot")
    assert finding.severity == "error"
