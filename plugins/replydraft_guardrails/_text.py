"""Text helpers shared by the built-in guardrails: sentences with offsets, quoted spans, negation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_QUOTE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’|(?<!\w)'[^'\n]{3,}'(?!\w)")
NEGATION = re.compile(
    r"\b(?:not|never|no|cannot|can't|can’t|won't|won’t|couldn't|couldn’t|unable|isn't|isn’t|don't|don’t|"
    r"wouldn't|wouldn’t|shouldn't|shouldn’t|without)\b",
    re.I,
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences (or lines) of ``text`` with their character offsets, leading whitespace trimmed."""
    for match in _SENTENCE.finditer(text):
        raw = match.group(0)
        stripped = raw.lstrip()
        if not stripped.strip():
            continue
        start = match.start() + (len(raw) - len(stripped))
        body = stripped.rstrip()
        yield Sentence(body, start, start + len(body))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text inside quotation marks: the customer's own words, not the agent's claims."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def negated_before(text: str, position: int, window: int = 40) -> bool:
    """Whether a negation word occurs shortly before ``position`` within the same clause."""
    before = text[max(0, position - window) : position]
    clause = re.split(r"[,;:—–]|\bbut\b", before)[-1]
    return bool(NEGATION.search(clause))
