"""``rash-promise``: promising what cannot be guaranteed, or a remedy or timeline the case does not authorise.

An honest hedge is fine ("I can't promise it will never happen again, but here is what we changed").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from replydraft import Finding, Guardrail, hookimpl

from ._text import in_spans, negated_before, quoted_spans, sentences

GUARANTEES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(?:(?:will|'ll|’ll) never|won't ever|won’t ever|will not ever|never ever) "
            r"(?:happen|occur|be an issue|be a problem|go wrong|let you down|see this|experience this)"
            r"(?: again)?\b",
            re.I,
        ),
        "promises it will never happen again, which nobody can guarantee",
    ),
    (
        re.compile(
            r"\b(?:this|it|that) (?:will not|won't|won’t|is not going to|isn't going to|isn’t going to) "
            r"happen again\b",
            re.I,
        ),
        "promises it will never happen again, which nobody can guarantee",
    ),
    (
        re.compile(
            r"\byou (?:won't|won’t|will not|will never) (?:have to|need to|ever) "
            r"(?:deal with|worry about|go through|face|experience|see) (?:this|that|it|anything like)\w*"
            r"(?: \w+){0,3}?(?: again| ever again)?\b",
            re.I,
        ),
        "implies the problem can never recur",
    ),
    (
        re.compile(r"\b(?:i|we) (?:\w+ )?(?:guarantee|promise)\b(?! to (?:look|check|investigate))", re.I),
        "makes a guarantee; say what you will do instead",
    ),
    (
        re.compile(
            r"\b(?:guaranteed|100\s?%|one hundred percent|absolutely certain|without fail|"
            r"rest assured)\b",
            re.I,
        ),
        "sounds like a guarantee nobody can give",
    ),
]

# Offers: the agent granting something. Each capture names the kind of remedy it is.
_OFFER = re.compile(
    r"\b(?:(?:i|we)(?:'ve|’ve| have| will|'ll|’ll| can| am going to| are going to)? (?:also )?"
    r"(?:issue|issued|give|given|send|sent|offer|offered|arrange|arranged|process|processed|apply|applied|add|"
    r"added|credit|credited|refund|refunded|waive|waived|reimburse|reimbursed|upgrade|upgraded|ship|comp|"
    r"provide|provided|include|included)|you(?:'ll|’ll| will| can| are going to) (?:get|receive|have)|"
    r"consider (?:it|this|that)|(?:has|have) been (?:fully )?(?:refunded|credited|waived|reimbursed)|"
    r"(?:is|are) on (?:us|the house)|free of charge|at no (?:extra |additional )?cost)\b[^.!?\n]*",
    re.I,
)
_REMEDY_WORDS = {
    "refund": r"refund\w*|money back|reimburs\w*",
    "credit": r"credit\w*|store credit|account credit",
    "discount": r"discount\w*|\d+\s?% off|percent off",
    "voucher": r"voucher\w*|gift card\w*|coupon\w*",
    "replacement": r"replac\w*|new one|another one|resend|re-send|reship\w*",
    "upgrade": r"upgrad\w*|overnight|express|next[- ]day|expedited|priority shipping",
    "free": r"free\b|on us|on the house|no (?:extra |additional )?(?:cost|charge)|complimentary",
    "waiver": r"waiv\w*|cancel the (?:fee|charge)",
}
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|percent)")
_DAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_ARRIVAL = re.compile(
    rf"\b(?:arriv\w*|deliver\w*|reach(?:es)? you|be (?:with|at) you)\b[^.!?\n]*?\b({_DAYS}|"
    r"today|tomorrow|tonight)\b|"
    rf"\b({_DAYS}|today|tomorrow|tonight)\b[^.!?\n]*?\b(?:arriv\w*|deliver\w*)\b",
    re.I,
)


def _authorised_text(case: Any) -> str:
    remedies = getattr(case, "remedies", ()) or ()
    return " ".join(f"{r.id} {r.description} {r.eta or ''}" for r in remedies).lower()


class RashPromise(Guardrail):
    id = "rash-promise"
    description = "Flags guarantees nobody can keep, and remedies or timelines the case does not authorise."

    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        quoted = quoted_spans(reply)
        for pattern, why in GUARANTEES:
            for m in pattern.finditer(reply):
                if in_spans(m.start(), quoted) or negated_before(reply, m.start(), 30):
                    continue
                yield self.finding(
                    f"This {why}.",
                    m.start(),
                    m.end(),
                    suggestion="Say what you have changed, e.g. \"We've added a check so that "
                    'orders like yours are confirmed before dispatch."',
                )
        yield from self._unauthorised(reply, case, quoted)
        yield from self._timelines(reply, case, quoted)

    def _unauthorised(self, reply: str, case: Any, quoted: list[tuple[int, int]]) -> Iterator[Finding]:
        allowed = _authorised_text(case)
        for sentence in sentences(reply):
            for offer in _OFFER.finditer(sentence.text):
                start = sentence.start + offer.start()
                if in_spans(start, quoted) or negated_before(reply, start, 25):
                    continue
                span = offer.group(0)
                for kind, words in _REMEDY_WORDS.items():
                    hit = re.search(words, span, re.I)
                    if not hit or re.search(words, allowed, re.I):
                        continue
                    yield self.finding(
                        f"This offers a {kind} the case does not authorise"
                        + (" (no remedy is authorised)" if not allowed else "")
                        + ".",
                        start,
                        start + len(span.rstrip()),
                        suggestion="Offer only an authorised remedy, or say you will check what is possible.",
                    )
                    break
                else:
                    for pct in _PERCENT.finditer(span):
                        if pct.group(1) not in allowed:
                            yield self.finding(
                                f"This offers {pct.group(0)}, which the case does not authorise.",
                                start,
                                start + len(span.rstrip()),
                            )
                            break

    def _timelines(self, reply: str, case: Any, quoted: list[tuple[int, int]]) -> Iterator[Finding]:
        etas = " ".join(r.eta or "" for r in (getattr(case, "remedies", ()) or ())).lower()
        authorised_days = set(re.findall(_DAYS + "|today|tomorrow|tonight", etas))
        if not authorised_days:
            return
        for m in _ARRIVAL.finditer(reply):
            day = (m.group(1) or m.group(2)).lower()
            if day in authorised_days or in_spans(m.start(), quoted) or negated_before(reply, m.start(), 25):
                continue
            yield self.finding(
                f"This promises delivery {day}, but the case's remedy says {etas.strip()!r}.",
                m.start(),
                m.end(),
            )


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(RashPromise())
