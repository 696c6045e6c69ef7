"""``next-steps``: the reply must say what happens next, who does it, and when (or on what trigger).

"We'll look into it", "someone will be in touch" and "let us know if you need anything" are warm but empty
(seed 002 "Have a solution ready", seed 004 steps 4, 6 and 7). "I'll email you the tracking number by 5pm today",
"reply yes and I'll start straight away" and "the refund reaches your card within 3 business days" are next steps.

A sentence is a concrete next step when it has an owner committing to an action (I/we, a named role, or the
remedy itself arriving) and a time or trigger that pins it down; "soon", "as soon as possible" and "once we know
more" pin nothing down.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from replydraft import Finding, Guardrail, hookimpl

from ._text import (
    TIME,
    TIME_KEYS,
    TRIGGER,
    TRIGGER_KEYS,
    VAGUE_TIME,
    VAGUE_TIME_KEYS,
    has_digit,
    keys,
    negated_before,
    prepare,
    sentences,
    words,
)

_I = 0  # patterns run on lower-cased text (see _text.prepare)

#: Someone committing to act: the agent, the company, a named role, or the remedy itself being on its way.
COMMITMENT = re.compile(
    r"\b(?:i(?:'ll| will| shall|'m going to| am going to|'m| am|'ve| have|'d like to| would like to| can)|"
    r"we(?:'ll| will| shall|'re going to| are going to|'re| are|'ve| have|'d like to| can)|let me|"
    r"(?:an?|one of our|our|the|your) (?:\w+ ){0,2}?(?:engineer|technician|agent|specialist|manager|courier|"
    r"driver|team|rep|representative|colleague|lead|supervisor)s? (?:will|'ll|can|is going to|is booked|is "
    r"scheduled)|\w+ (?:from|in|on) (?:our|the) \w+(?: \w+)? (?:will|'ll)|"
    r"you(?:'ll| will) (?:receive|get|see|have|hear)|(?:it|they|this|the \w+|your \w+(?: \w+)?)(?:'ll| will| should)"
    r" (?:arrive|reach|land|be (?:back|with you|there|in your|on your|delivered|sent|processed|credited|refunded|"
    r"applied|shipped|ready|unlocked|done|fixed|removed|restored|collected))|"
    r"(?:'ll|will|should|is due to|are due to) (?:be back|arrive|appear|show up|reach|land|be with you|be in your|"
    r"be on your)|"
    r"(?:is|are) being (?:refunded|processed|sent|shipped|credited|applied|prepared|packed|restored)|"
    r"(?:is|are|will be|'ll be|'s) (?:on|in) your (?:next )?(?:invoice|bill|account|card|statement|inbox)|"
    r"(?:link|refund|replacement|tracking(?: number| link)?|voucher|credit|confirmation|invoice|email|label|call|"
    r"exchange|report|summary) (?=within|by|in the next|today|tonight|tomorrow|on \w+day|this (?:afternoon|evening))|"
    r"(?:back|lands?|landing) (?:on|in) your (?:card|account|inbox|bank)|(?:started|underway|in progress|on its way|"
    r"on the way)\b|"
    r"(?:arrives?|arriving|ships?|goes out|going out|go out|is (?:going out|on (?:its|the) way|held|booked|"
    r"scheduled|ready|there|set|confirmed|done|unlocked|on your account|in your account)|are (?:going out|on their way|"
    r"held|booked))\b|(?:tracking|confirmation|the (?:receipt|reference|link|invoice|label))"
    r"(?: number| email| link| code)?"
    r"(?: (?:in|to|by|will|coming|follows?|to follow|is coming))|^(?:[a-z][\w ]{2,30}):\s)",
    _I | re.M,
)
#: Remedies already done that the customer can use right away ("the voucher is on your account now").
AVAILABLE_NOW = re.compile(
    r"\b(?:(?:on|in|to) your (?:account|wallet|card)|ready to use|unlocked|(?:'s|is|are) there|done)\b"
    r"[^.!?\n]{0,30}\b(?:now|already|right now|straight away)\b|\b(?:now|already) (?:on|in) your (?:account|wallet)\b",
    _I,
)
#: Actions that commit to nothing, whenever they happen.
VAGUE_ACTION = re.compile(
    r"\b(?:decide (?:on )?(?:the )?(?:next steps|what|how)|(?:see|work out|figure out|decide|discuss) what (?:we|i) "
    r"can do|take it from there|look into|get back to you|be in touch|keep you (?:posted|updated|informed)|"
    r"update you|let you know|share more|review|investigate|follow up on this)\b",
    _I,
)
_VAGUE_ACTION_KEYS = keys(
    "decide see work figure discuss take look get be keep update let share review investigate follow"
)
#: Warm but empty: what the finding points at when no concrete step exists.
VAGUE = re.compile(
    r"\b(?:(?:we|i|they|the team|our team)(?:'ll| will| are| am|'re|'m)? (?:look(?:ing)? into (?:it|this|that|what|"
    r"why|the)|investigat\w+|get back to you|be in touch|reach out|see what (?:we|i) can do|do (?:our|my) best|"
    r"keep you (?:posted|updated|informed)|update you|let you know|review\w*|working on it|on it|take it from "
    r"there|get (?:this|it|that) (?:sorted|corrected|fixed|resolved)|make (?:this|it) right|sort it out|"
    r"pass\w* (?:this|it|your \w+) (?:on|along)|escalat\w+)|someone (?:will|'ll|from [\w ]+ will) (?:be in touch|"
    r"contact you|get back to you|reach out|call you)|(?:please |just |do )?let (?:us|me) know\b|feel free to "
    r"(?:reach out|contact us|get in touch)|(?:we|i) hope (?:this|that) helps|don't hesitate|please bear with us|"
    r"hang tight|thank you for your (?:patience|understanding)|thanks for your patience|as soon as possible|"
    r"(?:has|have) been (?:noted|shared|passed on|logged|escalated|flagged)|i've (?:flagged|noted|escalated|"
    r"passed|raised|made a note)|(?:is|are) (?:aware|investigating|reviewing|looking into))\b[^.!?\n]*",
    _I,
)


class NextSteps(Guardrail):
    id = "next-steps"
    description = "Requires a concrete next step: an action, who does it, and when (or on what trigger)."

    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        _, low = prepare(reply)
        if any(_concrete(s.text) for s in sentences(low)):
            return
        suggestion = _suggest(case)
        vague = [m for m in VAGUE.finditer(low) if m.group(0).strip()]
        for m in vague[:3]:
            yield self.finding(
                "This is warm but empty: it does not say what happens next, who does it, or when.",
                m.start(),
                m.start() + len(m.group(0).rstrip(" ,;:")),
                suggestion,
            )
        if not vague:
            yield self.finding(
                "The reply gives no concrete next step: say what you will do and when "
                '(e.g. "I\'ll send the tracking number by 5pm today").',
                suggestion=suggestion,
            )


def _concrete(s: str) -> bool:
    if s.rstrip().endswith("?") and not re.search(r"\b(?:i|we)(?:'ll| will)\b", s, _I):
        return False  # a question asks; it commits to nothing
    found = words(s)
    timed, triggered = not TIME_KEYS.isdisjoint(found) or has_digit(s), not TRIGGER_KEYS.isdisjoint(found)
    if not (timed or triggered):
        return False  # nothing pins it down, whoever commits to it
    pinned = VAGUE_TIME.sub(" ", s) if not VAGUE_TIME_KEYS.isdisjoint(found) else s
    vague_action = not _VAGUE_ACTION_KEYS.isdisjoint(found)
    if AVAILABLE_NOW.search(pinned):
        return True
    for owner in COMMITMENT.finditer(pinned):
        if negated_before(pinned, owner.end(), 25) or re.match(r"\s*(?:not|never|n't)\b", pinned[owner.end() :], _I):
            continue
        for time in TIME.finditer(pinned) if timed else ():
            if not _past(pinned, time.start()):
                return True
        # "We'll be in touch when we hear something": a trigger cannot rescue an empty action.
        if triggered and TRIGGER.search(pinned) and not (vague_action and VAGUE_ACTION.search(pinned)):
            return True
    return False


_PAST = re.compile(r"\b(?:last|since|ago|earlier|yesterday|this morning|was|were|had|did|missed|on)\s*$", _I)


def _past(s: str, at: int) -> bool:
    # "we missed the pickup on Monday" names a day, but in the past: it is not when the next step happens.
    before = s[max(0, at - 25) : at]
    return bool(re.search(r"\b(?:missed|happened|was|were|had|did|last|since|ago|earlier)\b[^,;]*$", before, _I))


def _suggest(case: Any) -> str:
    remedies = tuple(getattr(case, "remedies", ()) or ())
    if remedies:
        first = remedies[0]
        when = f" ({first.eta})" if first.eta else ""
        return (
            f"Name the action, who does it and when, e.g. \"I've arranged {first.description[:1].lower()}"
            f"{first.description[1:].rstrip('.')}{when}, and I'll email you to confirm by 5pm today.\""
        )
    return 'Name the action, who does it and when, e.g. "I\'ll call you tomorrow at 10am with an update."'


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(NextSteps())
