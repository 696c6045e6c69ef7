"""``next-steps``: the reply must say what happens next, by whom, and when (or on what trigger).

"We'll look into it" and "someone will be in touch" are warm but empty; "I'll email you the tracking number by
5pm today" is a next step.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from replydraft import Finding, Guardrail, hookimpl

from ._text import negated_before, sentences

_OWNER = re.compile(
    r"\b(?:i(?:'ll|’ll| will| am going to|'m going to|’m going to| have| 've|'ve|’ve)|we(?:'ll|’ll| will| are going to|"
    r"'re going to| have|'ve|’ve)|let me|our (?:\w+ )?(?:team|engineer|technician|driver|courier) will|"
    r"(?:[A-Z][a-z]+) (?:from|in) our \w+ team will|you(?:'ll|’ll| will) (?:receive|get|see|have))\b",
    re.I,
)
_TIME = re.compile(
    r"\b(?:today|tonight|tomorrow(?: morning| afternoon| evening)?|this (?:morning|afternoon|evening|week)|"
    r"(?:by|before|on|at|until) (?:the )?(?:end of (?:the )?(?:day|today|tomorrow|week)|noon|midday|"
    r"\d{1,2}(?::\d{2})?\s?(?:am|pm)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)|"
    r"(?:within|in) (?:the next )?(?:an?|one|two|three|four|five|\d+) (?:minutes?|hours?|(?:business |working )?days?)|"
    r"within the (?:hour|day)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:as soon as|once|when) (?:it|the|your|we|I)\b[^.!?\n]{3,}|"
    r"first thing|end of (?:the )?day|right (?:now|away)|immediately|"
    r"in a (?:few|couple of) (?:minutes|hours))\b",
    re.I,
)
_VAGUE = re.compile(
    r"\b(?:(?:we|i)(?:'ll|’ll| will) (?:look into (?:it|this|that)|get back to you|be in touch|"
    r"see what (?:we|i) can do|"
    r"do (?:our|my) best|keep you (?:posted|updated|informed))|someone will (?:be in touch|contact you|get back to you|"
    r"reach out)|(?:please |just )?let (?:us|me) know(?: if)?|feel free to (?:reach out|contact us)|"
    r"(?:we|i) hope (?:this|that) helps|don't hesitate to)\b",
    re.I,
)


class NextSteps(Guardrail):
    id = "next-steps"
    description = "Requires a concrete next step: an action, who does it, and when (or on what trigger)."

    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        concrete = False
        for sentence in sentences(reply):
            owner = _OWNER.search(sentence.text)
            if not owner or negated_before(sentence.text, owner.end() + 1, 12):
                continue
            if _TIME.search(sentence.text[owner.end() :]) or _TIME.search(sentence.text[: owner.start()]):
                concrete = True
                break
        if concrete:
            return
        vague = list(_VAGUE.finditer(reply))
        for m in vague:
            yield self.finding(
                "This is warm but empty: it does not say what happens next, who does it, or when.",
                m.start(),
                m.end(),
                suggestion="Name the action, the owner and the time, e.g. \"I'll call you by 3pm tomorrow with an "
                'update."',
            )
        if not vague:
            yield self.finding(
                "The reply gives no concrete next step: say what you will do and when (e.g. \"I'll send the "
                'tracking number by 5pm today").'
            )


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(NextSteps())
