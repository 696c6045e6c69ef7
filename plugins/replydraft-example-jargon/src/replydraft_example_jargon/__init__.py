"""``jargon``: internal terms a customer should never have to decode, each with a plain-words suggestion.

An example third-party replydraft guardrail (see ``docs/plugins.md``). Everything a plugin needs is imported
from ``replydraft``; the package registers itself through the ``replydraft`` entry point in its pyproject.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from replydraft import Case, Finding, Guardrail, hookimpl

__all__ = ["Jargon", "register_guardrails"]

#: Internal term -> what to say instead. Matched as whole words, case-sensitively for acronyms.
PLAIN_WORDS: dict[str, str] = {
    "RMA": "return",
    "SLA": "the response time we promise",
    "SKU": "item",
    "ETA": "expected delivery time",
    "WISMO": "where your order is",
    "RCA": "what went wrong",
    "P1": "urgent",
    "L2": "our specialist team",
    "tier 2": "our specialist team",
    "backend": "our system",
    "sync job": "an automatic update",
    "hotfix": "a fix",
    "rollback": "undoing the change",
    "ticket": "request",
}
_ACRONYM = re.compile(r"^[A-Z0-9]+$")
_PATTERN = re.compile(
    "|".join(
        rf"\b{re.escape(term)}\b" if _ACRONYM.match(term) else rf"(?i:\b{re.escape(term)}s?\b)"
        for term in sorted(PLAIN_WORDS, key=len, reverse=True)
    )
)


class Jargon(Guardrail):
    id = "jargon"
    description = "Flags internal jargon (RMA, SLA, escalated to L2, ...) and suggests plain words."
    # A warning: worth a look before sending, never a reason to block a draft.
    severity = "warning"

    def check(self, reply: str, case: Case) -> Iterator[Finding]:
        for m in _PATTERN.finditer(reply):
            term = m.group(0)
            plain = PLAIN_WORDS.get(term) or PLAIN_WORDS.get(term.lower().rstrip("s")) or "plain words"
            yield self.finding(f'"{term}" is internal jargon; say "{plain}" instead.', m.start(), m.end(), plain)


@hookimpl
def register_guardrails(register):  # type: ignore[no-untyped-def]
    register(Jargon())
