"""``ownership``: the reply never owns the mistake.

Seeds 000, 001 and 003: "Own the mistake in plain words ... even when a third party caused it". A reply that
apologises "for any inconvenience" but never says what went wrong on the company's side reads as a cover-up.
This guardrail looks for any first-person admission ("that's on us", "we missed the pickup", "it was our
server", "a bug on our side"); when there is none it reports the reply as a whole, with a suggested sentence.
The default severity is ``warning``: a reply without ownership deserves a look, not a block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from replydraft import Finding, Guardrail, hookimpl

from ._text import negated_before, prepare

#: First-person admissions. Lower-cased text (see ``_text.prepare``).
ADMISSION = re.compile(
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
_SUGGEST = 'Own it plainly, e.g. "We got this wrong, and that\'s on us."'


class Ownership(Guardrail):
    id = "ownership"
    description = "Flags a reply that never owns the mistake in plain words."
    severity = "warning"

    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        _, low = prepare(reply)
        for m in ADMISSION.finditer(low):
            if not negated_before(low, m.start(), 12) or m.group(0).startswith(("not ", "you")):
                return
        yield self.finding(
            "The reply never owns the mistake: say plainly what went wrong on our side and that it's on us, "
            "even if someone else was involved.",
            suggestion=_suggestion((getattr(case, "issue", "") or "").strip()),
        )


@lru_cache(maxsize=32)  # the same for every draft of a case
def _suggestion(issue: str) -> str:
    if not issue:
        return _SUGGEST
    first = re.split(r"[.;]", issue, maxsplit=1)[0].strip()
    if 3 <= len(first.split()) <= 20:
        return f'Own it plainly, e.g. "{first[:1].upper()}{first[1:]}, and that\'s on us."'
    return _SUGGEST


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(Ownership())
