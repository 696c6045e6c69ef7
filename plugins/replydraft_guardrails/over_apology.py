"""``over-apology``: apologising again and again instead of fixing the problem.

Seeds 000 and 002: "Keep the apology concise but sincere", then move to the solution. The guardrail counts
apologies ("sorry", "apologise", "apologies", "forgive us", "we regret"), ignoring quoted words, and reports
every apology after the second one, or stacked intensifiers ("so, so sorry", "deeply and sincerely sorry").
Default: ``warning``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from replydraft import Finding, Guardrail, hookimpl

from ._text import in_spans, prepare, quoted_spans

# Anchored on the apology word itself, so the search can skip ahead quickly; the span is that word.
APOLOGY = re.compile(r"\b(?:sorry|apologi[sz](?:e|ed|ing)|apologies|forgive (?:us|me)|regret(?:s|ful)?)\b")
# Two or more intensifiers on one apology read as grovelling: "so, so sorry", "truly, deeply sorry".
STACKED = re.compile(
    r"\b(?:(?:so|very|really|truly|deeply|terribly|incredibly|extremely|sincerely|genuinely|awfully)"
    r"(?:,| and)? ){2,}(?:sorry|apologetic)\b|\bsorry,? sorry\b|\bso+ so+ sorry\b"
)
#: More apologies than this is over-apologising; one sincere apology, perhaps one more, is enough.
LIMIT = 2


class OverApology(Guardrail):
    id = "over-apology"
    description = "Flags a reply that apologises more than twice, or piles intensifiers onto an apology."
    severity = "warning"

    def check(self, reply: str, case: Any) -> Iterator[Finding]:
        _, low = prepare(reply)
        if "sorry" not in low and "apolog" not in low and "forgive" not in low and "regret" not in low:
            return
        quoted = quoted_spans(low)
        found = [m for m in _apologies(low) if not in_spans(m.start(), quoted)]
        for m in _stacked(low):
            if not in_spans(m.start(), quoted):
                yield self.finding(
                    "This apology is piled high; one plain, sincere apology lands better.",
                    m.start(),
                    m.end(),
                    "I'm sorry",
                )
        if len(found) <= LIMIT:
            return
        for m in found[LIMIT:]:
            start = m.start()
            yield self.finding(
                f"This is apology number {found.index(m) + 1}: apologise once or twice, then spend the words on "
                "what you are doing to fix it.",
                start,
                m.end(),
                "Drop this apology and say what happens next instead.",
            )


# Python's re tries every alternative of a pattern that opens on \b at every position of the reply, while str.find
# skips ahead to a word: these find the same matches as APOLOGY.finditer and STACKED.finditer, searching only where
# an apology word occurs.
_APOLOGY_STARTS = ("sorry", "apologi", "forgive", "regret")
_BREAKS = ".!?\n"
#: What the last word of a STACKED match follows: "so ", "very ", "deeply and ", "truly, ", "sorry, ", "sooo ".
_BEFORE_LAST = frozenset(("o ", "y ", "d ", ", "))


def _occurrences(text: str, word: str) -> list[int]:
    found = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _apologies(low: str) -> list[re.Match[str]]:
    """``APOLOGY.finditer(low)``: every match starts with one of _APOLOGY_STARTS, and no two overlap."""
    starts = sorted(at for word in _APOLOGY_STARTS for at in _occurrences(low, word))
    return [m for m in (APOLOGY.match(low, at) for at in starts) if m is not None]


def _stacked(low: str) -> Iterator[re.Match[str]]:
    """``STACKED.finditer(low)``: a match ends in "sorry" or "apologetic" and never spans . ! ? or a line break,
    so only the sentences with one of those words are searched (with the break that ends them in view, as the
    closing word boundary may need it)."""
    end = 0
    for at in sorted(_occurrences(low, "sorry") + _occurrences(low, "apologetic")):
        if at < end or low[at - 2 : at] not in _BEFORE_LAST:
            continue  # in the sentence just searched, or not the end of a match
        start = max(low.rfind(c, 0, at) for c in _BREAKS) + 1
        end = min((i for i in (low.find(c, at) for c in _BREAKS) if i >= 0), default=len(low))
        yield from STACKED.finditer(low, start, end + 1)


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(OverApology())
