"""``empathy``: the reply never acknowledges how the customer feels or what this cost them.

Seeds 000 and 004 step 1: acknowledge the concern with empathy and mirror the customer's own words ("I can't
afford to wait" -> "your deadline is tight"). The guardrail passes a reply that either uses an acknowledgement
("I understand", "that must have been", "you're right to be upset") or echoes the customer's situation in their
own words (two or more of the distinctive words of their message, such as "birthday" and "mum"). Otherwise it
reports the reply as a whole and suggests an opening built from the customer's message. Default: ``warning``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from replydraft import Finding, Guardrail, hookimpl

from ._text import keys, prepare, sentences, words

ACKNOWLEDGEMENT = re.compile(
    r"\b(?:i (?:completely |totally |really |fully )?(?:understand|get it|hear you|can see|can imagine|can only "
    r"imagine|know how|appreciate how|see why|see how)|(?:that|this|it) (?:must|would) (?:have been|be|feel)|"
    r"(?:that|this|it) (?:sounds|is|was) (?:awful|horrible|terrible|stressful|frustrating|maddening|exhausting|"
    r"rubbish|upsetting|the worst|not okay|not ok|unacceptable|serious|a lot|dangerous)|frustrat\w*|upset\w*|"
    r"stress\w*|annoy\w*|disappoint\w*|maddening|exhausting|worrying|right to be|you're right|you are right|"
    r"understandabl[ey]|no wonder|what a (?:horrible|terrible|rotten|rubbish)|the last thing you|"
    r"(?:so|really|truly) sorry (?:to hear|that you|you)|sorry you(?:'ve| have)? (?:had|been|waited|lost|got)|"
    r"i'm sorry (?:that )?you|sorry (?:that )?your|sorry (?:about|for) (?:the|your|this) (?!inconvenience|trouble|"
    r"confusion|hassle|issue|disruption|mix-up|problem)[a-z]{3,}|wasted your|cost you|"
    r"your (?:whole )?(?:day|morning|time|evening|deadline|trip|"
    r"kids|children|family|team|clients|business|money|rent|budget|birthday|weekend))\b"
)
# Words too common to count as mirroring the customer.
_COMMON = keys(
    "that this with have from your they them their there what when where which would could should about after "
    "before again still just been were will into only even also than then very much more some most over such "
    "order thing things time told said today days week hasn't haven't didn't doesn't can't won't isn't wasn't "
    "it's i've i'm you're we're don't please thanks thank hello dear because being does doing make made want "
    "need know think every last first since while here those these ever never always nothing something anything "
    "your you yours mine ours our"
)


class Empathy(Guardrail):
    id = "empathy"
    description = "Flags a reply that never acknowledges the customer's feelings or echoes their situation."
    severity = "warning"

    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        _, low = prepare(reply)
        if ACKNOWLEDGEMENT.search(low):
            return
        message = getattr(case, "message", "") or ""
        if len(_theirs(message) & words(low)) >= 2:
            return  # the reply echoes the customer's own words
        yield self.finding(
            "The reply never acknowledges how the customer feels or what this cost them. Start by showing "
            "you understand, in their own words.",
            suggestion=_suggestion(message),
        )


# Every draft of a case is checked against the same customer message: what is derived from it alone is kept for
# the last few messages.
@lru_cache(maxsize=32)
def _theirs(message: str) -> frozenset[str]:
    """The distinctive words of the customer's message."""
    return frozenset(_distinctive(message))


def _distinctive(message: str) -> set[str]:
    return {w for w in words(message) if len(w) >= 4 and w not in _COMMON and not w.isdigit()}


@lru_cache(maxsize=32)
def _suggestion(message: str) -> str:
    # Echo the customer's most telling sentence: the one with most distinctive words, short enough to quote.
    best = ""
    for s in sentences(message):
        text = s.text.strip()
        if 3 <= len(text.split()) <= 20 and len(_distinctive(text)) > len(_distinctive(best)):
            best = text
    if best:
        return f'Acknowledge it in their words, e.g. "I understand — you said \u201c{best}\u201d, and we let you down."'
    return "Acknowledge how they feel, e.g. \"I can see why you're upset, and you're right to be.\""


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(Empathy())
