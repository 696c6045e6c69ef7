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

#: First-person admissions, in lower-cased text (see ``_text.prepare``): "that's on us", "we missed the pickup", "it
#: was our server", "a bug on our side". Each wording is spelt out so that it begins with a plain word ("it was our
#: \w+|this was ...|that was ..." rather than "(?:it|this|that) was ..."): re rejects such a wording at a glance, but
#: must enter one that begins with a group at every word of the reply (a third faster). The readable form, with the
#: same matches in the same order, is kept in tests/guardrails/test_blame.py, which checks that the two agree.
_OURS_IS = (
    r"(?:'s| is| was) (?:on us|on me|ours|all ours|our (?:fault|mistake|error|doing|failure|bug|responsibility|"
    r"problem))"
)
_OWN_SLIP = r" (?:own )?(?:fault|mistake|error|failure|bug|doing|slip|oversight)\b"
_WE_SHOULD = r" (?:should have|shouldn't have|should not have)"
_WAS_OURS = r" was (?:our|my) \w+"
_ON_OUR_SIDE = r" \w+ (?:on|at) our (?:side|end)"
_SORRY_WE = r" (?:so |very |really |truly )?sorry (?:that )?we\b"
_IN_OUR = r" (?:in|on|with|from|of) our\b"
_ONE_OURS = r" one (?:was|is) ours"
_SHOULD_HAVE_GONE = r" should (?:have|never have) (?:gone out|shipped|arrived|been|left)"
ADMISSION = re.compile(
    rf"\b(?:that{_OURS_IS}|this{_OURS_IS}|it{_OURS_IS}|on us\b|on me\b|our{_OWN_SLIP}|my{_OWN_SLIP}|"
    r"ours to (?:own|fix|put right|sort)|we(?:'ve| have)? (?:got (?:it|this|that|the \w+) "
    r"wrong|messed up|slipped up|dropped the ball|made (?:a|an|the) (?:mistake|error)|let you down|failed you|"
    rf"fell short)|we{_WE_SHOULD}|i{_WE_SHOULD}|i take (?:full )?responsibility|we take (?:full )?responsibility|"
    rf"it{_WAS_OURS}|this{_WAS_OURS}|that{_WAS_OURS}|a{_ON_OUR_SIDE}|the{_ON_OUR_SIDE}|"
    r"on our (?:side|end)|our (?:\w+ ){0,2}(?:system|checkout|server|installer|update|release|bug|job|rule|"
    r"warehouse|packing|scheduling|migration|process|courier|check|loop|flow)s? (?:\w+ ){0,2}?"
    r"(?:failed|missed|lost|sent|charged|double-charged|packed|booked|broke|deleted|locked|flagged|put|took|"
    r"billed|kept|left|got|retried|misread|didn't|did not|was stuck|got stuck|used|reused|mixed)|"
    r"we (?:\w+ )?(?:missed|sent|charged|lost|packed|booked|forgot|failed|didn't|did not|shipped|billed|took|"
    r"flooded|buried|wasted|shipped|broke|deleted|locked|overcharged|double-charged|mixed up|never|packed|"
    rf"promised|picked|let|kept|ran|pushed|released)\b|i'm{_SORRY_WE}|i am{_SORRY_WE}|we're{_SORRY_WE}|"
    rf"we are{_SORRY_WE}|not (?:your|anything you|something you)|you did (?:nothing|everything) (?:wrong|right)|"
    rf"you didn't do anything wrong|we were wrong|you're right|bug{_IN_OUR}|fault{_IN_OUR}|error{_IN_OUR}|"
    rf"problem{_IN_OUR}|glitch{_IN_OUR}|mistake{_IN_OUR}|loop{_IN_OUR}|our \w+'s (?:fault|mistake|error)|"
    rf"because of us|this{_ONE_OURS}|that{_ONE_OURS}|it{_ONE_OURS}|ours (?:\w+ )?(?:wasn't|was not|weren't|"
    rf"were not|didn't|did not|failed)|it{_SHOULD_HAVE_GONE}|yours{_SHOULD_HAVE_GONE}|the \w+{_SHOULD_HAVE_GONE}|"
    rf"your \w+{_SHOULD_HAVE_GONE})"
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
