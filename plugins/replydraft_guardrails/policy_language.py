"""``policy-language``: internal-policy and rehearsed corporate phrases that read as defensive.

Seed 000: "Avoid the temptation to shift blame or offer an apology that references internal policies - those
words can feel defensive rather than compassionate"; seed 004 on calling a complaint "an expression of
dissatisfaction". Each finding points at the phrase and suggests the sentence without it (or a plain rewrite).
Default: ``warning``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from replydraft import Finding, Guardrail, hookimpl

from ._text import in_spans, prepare, quoted_spans

#: (pattern, why, replacement for the matched words: "" drops them). Run on lower-cased text.
PHRASES: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(
            r"\b(?:as per|per|according to|in (?:line|accordance) with|under|due to) (?:our |the |company |"
            r"internal )?(?:company |internal |standard |refund |returns? |cancellation |billing |security )?"
            r"(?:policy|policies|procedures?|protocol|guidelines|terms and conditions|terms & conditions|t&cs|"
            r"terms of service|sla)\b,?\s*"
        ),
        "quotes internal policy at the customer",
        "",
    ),
    (
        re.compile(
            r"\b(?:(?:it is|it's|this is) (?:our |company )?(?:policy|procedure)(?: (?:that|to))?|our (?:policy|"
            r"procedure|process) (?:is|states|requires|dictates|does not allow|doesn't allow)|company policy|"
            r"(?:policy|procedure) (?:dictates|requires|states|does not allow|doesn't allow))\b[^.!?\n]*"
        ),
        "hides behind policy instead of saying what you can do",
        "Say what you can do instead.",
    ),
    (
        re.compile(r"\b(?:please be advised|kindly (?:note|be advised)|please note) that\s*|\bplease be advised,?\s*"),
        "sounds like a form letter",
        "",
    ),
    (
        re.compile(
            r"\b(?:we|i) (?:sincerely )?apologi[sz]e for any (?:inconvenience|trouble|disruption|issues?)"
            r"(?: (?:this|that) (?:may have |has |might have )?(?:caused|causes)| caused(?: by [^.!?,;\n]*)?)?"
            r"(?: (?:you|to you))?"
        ),
        'is a rehearsed apology ("any inconvenience") rather than a specific one',
        "I'm sorry we let you down",
    ),
    (
        re.compile(
            r"\b(?:your (?:call|business|custom|feedback|satisfaction) is (?:important|valuable|our (?:top )?"
            r"priority)(?: to us)?|we value (?:you as )?(?:a|our) (?:valued )?customer|we value your (?:business|"
            r"custom|patience|feedback)|we strive to (?:provide|deliver|offer)[^.!?\n]*|(?:your|this) (?:query|"
            r"complaint|expression of dissatisfaction) has been (?:logged|noted|recorded|received)|"
            r"your (?:comments|feedback) (?:have|has) been (?:shared|noted|passed on|logged)[^.!?\n]*)"
        ),
        "is stock corporate wording that says nothing about this customer",
        "",
    ),
    (
        re.compile(
            r"\b(?:escalated to (?:tier|level|l)\s?\d|(?:tier|level) \d (?:support|team)|an? (?:rma|sla) (?:number|"
            r"request)|(?:ticket|case|incident) (?:number|id|#)\s*\S*|raised (?:a|an) (?:ticket|incident) with)\b"
        ),
        "uses internal jargon the customer does not need",
        "",
    ),
]


class PolicyLanguage(Guardrail):
    id = "policy-language"
    description = "Flags internal-policy references and stock corporate phrases that sound defensive."
    severity = "warning"

    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        text, low = prepare(reply)
        if not any(k in low for k in _KEYS):
            return
        quoted = quoted_spans(text)
        taken: list[tuple[int, int]] = []
        for pattern, why, replacement in PHRASES:
            for m in pattern.finditer(low):
                start, end = m.start(), m.end()
                if in_spans(start, quoted) or any(s <= start < e for s, e in taken):
                    continue
                taken.append((start, end))
                yield self.finding(
                    f"This {why}.", start, len(text[:end].rstrip()), _rewrite(text, start, end, replacement)
                )


# One of these occurs in every phrase above: a cheap test that skips most replies without a regex.
_KEYS = (
    "polic",
    "procedure",
    "protocol",
    "guideline",
    "terms",
    "t&c",
    "sla",
    "advised",
    "note that",
    "inconvenience",
    "any trouble",
    "any disruption",
    "any issue",
    "important",
    "valu",
    "strive",
    "logged",
    "noted",
    "recorded",
    "received",
    "shared",
    "passed on",
    "tier",
    "level",
    "rma",
    "ticket",
    "case number",
    "case id",
    "incident",
)


def _rewrite(text: str, start: int, end: int, replacement: str) -> str:
    """The sentence around the phrase, with the phrase replaced (or dropped) and capitalisation repaired."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    if replacement and replacement[0].isupper() and replacement.endswith("."):
        return replacement  # a whole-sentence rewrite
    sentence = (text[left:start] + replacement + text[end:right]).strip()
    sentence = re.sub(r"\s{2,}", " ", sentence)
    if len(sentence.split()) < 3:
        return "Delete this sentence: it says nothing specific to the customer."
    return sentence[:1].upper() + sentence[1:]


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(PolicyLanguage())
