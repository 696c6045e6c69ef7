"""``blame``: shifting fault to the customer, to colleagues or departments, or to a third party as an excuse.

Owning a fact is fine ("the parcel was damaged in transit; that's on us"); quoting the customer is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from replydraft import Finding, Guardrail, hookimpl

from ._text import in_spans, quoted_spans

_THIRD_PARTY = (
    r"(?:the |our )?(?:courier|carrier|delivery (?:company|driver|partner)|post office|postal service|ups|fedex|dhl|"
    r"usps|royal mail|supplier|manufacturer|vendor|factory|bank|payment (?:provider|processor)|"
    r"(?:third|3rd)[- ]party|partner|contractor|server provider|hosting provider|installer)"
)
_COLLEAGUE = (
    r"(?:my colleague|a colleague|another agent|the (?:previous|last|other) agent|(?:the |our )?(?:warehouse|shipping|"
    r"billing|accounts|finance|sales|it|tech(?:nical)?|dispatch|logistics|engineering|support|install(?:ation)?)"
    r" (?:team|department|staff|guys|people)|(?:the |our )?warehouse|(?:the |our )?(?:new|junior) (?:guy|hire|staff))"
)

PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # The customer.
    (
        re.compile(
            r"\byou (?:must|might|may) have (?:\w+ )?(?:misused|misread|misunderstood|entered|typed|"
            r"forgotten|missed|ignored|clicked|installed|done|made|used|set|ordered)\b[^.!?\n]*",
            re.I,
        ),
        "suggests the customer caused the problem",
    ),
    (
        re.compile(r"\byou (?:should|shouldn't|shouldn’t) have\b[^.!?\n]*", re.I),
        "tells the customer what they should have done",
    ),
    (
        re.compile(
            r"\b(?:you|the customer) (?:failed|forgot|neglected|didn't bother|didn’t bother) to\b[^.!?\n]*", re.I
        ),
        "puts the fault on the customer",
    ),
    (
        re.compile(
            r"\b(?:the |your )?(?:address|details|information|card|number|email|order) (?:that )?you "
            r"(?:provided|gave|entered|supplied|typed)\b[^.!?\n]*\b(?:incomplete|incorrect|wrong|invalid|"
            r"missing|mistyped|outdated)\b[^.!?\n]*",
            re.I,
        ),
        "implies the customer's own details caused the problem",
    ),
    (
        re.compile(
            r"\b(?:your (?:own )?(?:fault|mistake|error)|user error|operator error|on your end|"
            r"you misused|misuse of the product|if you had (?:read|followed|checked|listened))\b[^.!?\n]*",
            re.I,
        ),
        "puts the fault on the customer",
    ),
    (
        re.compile(
            r"\b(?:as (?:you were|we) (?:clearly )?(?:told|said|explained|stated)|"
            r"(?:it|this) (?:clearly )?(?:says|said|states|stated) in the (?:terms|instructions|manual))\b"
            r"[^.!?\n]*",
            re.I,
        ),
        "sounds like it blames the customer for not reading",
    ),
    (
        re.compile(
            r"\b(?:that|this|it) (?:can't|cannot|can’t|couldn't|couldn’t) (?:have )?happen(?:ed)?\b[^.!?\n]*", re.I
        ),
        "denies the customer's experience",
    ),
    # Colleagues and departments.
    (
        re.compile(
            rf"\b{_COLLEAGUE}\b[^.!?\n]*?\b(?:messed up|made (?:a|an|the) (?:mistake|error)|dropped the ball|"
            r"screwed up|got it wrong|forgot|failed|didn't|didn’t|mixed up|is to blame|are to blame|was to "
            r"blame|were to blame|is responsible|was responsible|were responsible|at fault)\b[^.!?\n]*",
            re.I,
        ),
        "blames a colleague or department; the customer sees one company",
    ),
    (
        re.compile(
            r"\b(?:it|this) (?:was|is)n[’']?t (?:my|our) (?:fault|doing|mistake)\b[^.!?\n]*|"
            r"\bnot (?:my|our) (?:fault|doing|mistake)\b[^.!?\n]*",
            re.I,
        ),
        "disowns the mistake instead of owning it",
    ),
    # A third party used as an excuse.
    (
        re.compile(
            rf"\b{_THIRD_PARTY}\b[^.!?\n]*?\b(?:is to blame|are to blame|was to blame|were to blame|"
            r"at fault|(?:is|was|are|were) responsible|their (?:fault|mistake|error)|messed up|screwed up|"
            r"dropped the ball|lost it|out of our (?:hands|control)|beyond our control)\b[^.!?\n]*",
            re.I,
        ),
        'uses a third party as an excuse; own it instead ("that\'s on us")',
    ),
    (
        re.compile(rf"\b(?:blame|fault) (?:lies |rests )?(?:with|on) {_THIRD_PARTY}\b[^.!?\n]*", re.I),
        'uses a third party as an excuse; own it instead ("that\'s on us")',
    ),
    (
        re.compile(
            r"\b(?:out of our hands|beyond our control|nothing (?:we|I) (?:can|could) (?:do|have done))\b"
            r"[^.!?\n]*",
            re.I,
        ),
        "disclaims responsibility; say what you will do instead",
    ),
]


class Blame(Guardrail):
    id = "blame"
    description = "Flags blame put on the customer, on colleagues or departments, or on a third party as an excuse."

    def check(self, reply: str, case: object) -> Iterator[Finding]:
        quoted = quoted_spans(reply)
        taken: list[tuple[int, int]] = []
        for pattern, why in PATTERNS:
            for match in pattern.finditer(reply):
                start, end = match.start(), match.end()
                if in_spans(start, quoted) or any(s <= start < e for s, e in taken):
                    continue
                taken.append((start, end))
                yield self.finding(
                    f"This {why}.", start, end, suggestion='Own it plainly: "We got this wrong, and that\'s on us."'
                )


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(Blame())
