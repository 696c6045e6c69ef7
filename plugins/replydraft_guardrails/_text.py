"""Text helpers shared by the built-in guardrails: sentences with offsets, quoted spans, negation, hedges, time.

Everything here is plain regular expressions compiled once at import, so a guardrail stays well under a
millisecond on a typical reply.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# A sentence ends at . ! ? or a line break (run on normalised text, where "5.30" is "5,30").
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]?|\n|$)")
#: Every guardrail pattern runs on lower-cased text and is compiled without re.IGNORECASE: Python's ``re``
#: cannot skip ahead through a case-insensitive alternation, which makes it about five times slower.
_LOWER = 0
_QUOTE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’|(?<!\w)'[^'\n]{3,}'(?!\w)")

NEGATION = re.compile(
    r"\b(?=[acdhinrsuw])"  # the first letters of every alternative (see TIME)
    r"(?:not|never|no|nobody|cannot|can't|won't|couldn't|unable|isn't|don't|doesn't|didn't|wouldn't|shouldn't|"
    r"wasn't|weren't|aren't|without|rather not|hardly)\b",
    _LOWER,
)
#: "I can't promise ...", "nobody can guarantee ...", "I won't pretend ...": an honest hedge, not a promise.
HEDGE = re.compile(
    r"\b(?=[cdgnpruw])"  # the first letters of every alternative (see TIME)
    r"(?:(?:can't|cannot|can not|won't|will not|couldn't|don't|do not|not going to|wouldn't|rather not|unable to|"
    r"not able to|no one can|nobody can|never)\s+(?:\w+\s+){0,2}?(?:promise|guarantee|say|tell you|pretend|"
    r"claim|swear|assure)|(?:promise|guarantee)s? (?:are|is) (?:hard|impossible))",
    _LOWER,
)

_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUM = r"(?:\d+|an?|one|two|three|four|five|six|seven|ten|twelve|fifteen|twenty|thirty|forty-eight|few|couple of)"
_UNIT = r"(?:minutes?|mins?|hours?|hrs?|(?:business |working )?days?|weeks?)"
_CLOCK = r"\d{1,2}(?::\d{2}|\.\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midday|midnight"

#: A time a next step can be pinned to (forward-looking: "yesterday" and "last week" are not here).
TIME = re.compile(
    # Every time starts with one of these: the look-ahead turns most positions away before the long alternation is
    # tried (re cannot skip ahead through a pattern that starts with \b).
    r"\b(?=[abdefijmnorstuw\d])"
    rf"(?:today|tonight|tomorrow|this (?:afternoon|evening|week)|next (?:week|{_DAY})|(?:on |by |before |until )?"
    rf"{_DAY}|end of (?:the |today|tomorrow|this )?(?:day|week|business)|first thing|(?:by|before|at|around|after) "
    rf"(?:{_CLOCK})|{_CLOCK}|within (?:the (?:next )?)?(?:{_NUM} )?{_UNIT}|within the hour|in (?:the next )?{_NUM} "
    rf"{_UNIT}|in the next (?:hour|day|{_UNIT})|(?:on |by )?(?:the )?\d{{1,2}}(?:st|nd|rd|th)\b|(?:by |on )?{_MONTH} "
    rf"\d{{1,2}}\b|right away|straight away|right now|immediately|(?:on|in) your next (?:invoice|bill|statement)|"
    rf"(?:every|each) (?:day|morning|evening)|\d+ (?:business|working) days?)",
    _LOWER,
)
#: Times that sound like a commitment but pin nothing down.
VAGUE_TIME = re.compile(
    r"\b(?=[aiosw])"  # the first letters of every alternative (see TIME)
    r"(?:as soon as (?:possible|we (?:can|know|have|hear)|i (?:can|know|hear))|asap|soon(?! as)|shortly|"
    r"in due course|"
    r"at some point|when (?:we|i) (?:can|know|hear)|(?:once|when) (?:we|i) (?:know|have|hear) more|"
    r"(?:once|when|as soon as) (?:we|i) (?:have|get|receive) (?:more|an update|news|further)|"
    r"as a (?:priority|matter of urgency)|in the (?:near )?future|over the coming days)\b[^.!?\n,;]*",
    _LOWER,
)
#: An event a next step can be pinned to: "as soon as it ships", "reply yes and I'll start".
TRIGGER = re.compile(
    r"\b(?=[aceilmorstuw])(?:"  # what every alternative starts with (see TIME)
    r"\b(?:as soon as|once|the moment|the minute|when|whenever|after) (?:it|they|you|your|the|i|we|that|this|he|she)"
    r"\b[^.!?\n]{2,}|\b(?:if|when|once) you (?:reply|send|tell|let me know|give|confirm|say|message|email|call|"
    r"choose|pick|prefer|don't|do not|haven't)\b|\b(?:reply|tell me|let me know|send me|message me|email me|"
    r"text me|call me|confirm)\b[^.!?\n]{0,60}\band (?:i|we)(?:'ll| will)\b|\bif (?:i|we) (?:don't|do not) "
    r"hear\b|\buntil (?:you|it|the)\b"
    r")",
    _LOWER,
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


# A point between two digits. It starts with the literal ".", so re jumps from one point to the next, and the
# look-behind then checks the digit before it; the replacement is a plain "," (no group to copy, which makes re.sub
# call back into Python for a template even when nothing matches).
_DECIMAL_POINT = re.compile(r"\.(?<=\d\.)(?=\d)")


# The built-in guardrails check the same reply one after another, and each starts from prepare(), words() and
# sentences(): caching the last few results does that work once per reply instead of once per guardrail. Everything
# cached is immutable (strings, tuples, frozensets), so sharing it between guardrails and threads is safe.
_CACHE = 32


def clear_caches() -> None:
    """Empty the per-reply caches (benchmarks time each guardrail on a reply it has not seen)."""
    for cached in (prepare, words, _sentences, *_OTHER_CACHES):
        cached.cache_clear()


#: Caches other modules add (the learned check's scores), so clear_caches() empties them too.
_OTHER_CACHES: list[Any] = []


@lru_cache(maxsize=_CACHE)
def prepare(reply: str) -> tuple[str, str]:
    """The reply normalised (see :func:`normalise`) and its lower-cased twin, with the same offsets."""
    text = normalise(reply)
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") lower-case to two; keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return text, low


def normalise(text: str) -> str:
    """Curly apostrophes become straight ones and "5.2" becomes "5,2" (so a version or price does not end a
    sentence), keeping every offset, so patterns need only one spelling."""
    # Two replace() calls are several times faster than translate() with a table, and do the same.
    if "’" in text:
        text = text.replace("’", "'")
    if "‘" in text:
        text = text.replace("‘", "'")
    return _DECIMAL_POINT.sub(",", text) if "." in text else text


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences (or lines) of ``text`` with their character offsets, surrounding whitespace trimmed."""
    return iter(_sentences(text))


@lru_cache(maxsize=_CACHE)
def _sentences(text: str) -> tuple[Sentence, ...]:
    return tuple(_split(text))


def _split(text: str) -> Iterator[Sentence]:
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
    if not ('"' in text or "“" in text or "‘" in text or " '" in text or "\n'" in text or text.startswith("'")):
        return []
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    if not spans:  # the common case: no quotation marks at all
        return False
    return any(start <= position < end for start, end in spans)


# Clause boundaries. The greedy ".*" makes one match find the last boundary, in a single call.
_LAST_BREAK = re.compile(r".*(?:[,;:—–]| - | but | and | so | because | which )", re.S)
_NEXT_BREAK = re.compile(r"[,;:—–]| - | but | and | so | because | which ")


# The breaks of _LAST_BREAK spelt backwards: searching the reversed window finds the last break first, which is
# cheaper than the greedy ".*" backtracking over the whole window. (No break contains another, so the last to end is
# also the last to start, the one _LAST_BREAK finds.)
_BREAK_REVERSED = re.compile(r",|;|:|—|–| (?:- |tub |dna |os |esuaceb |hcihw )")


def clause_before(text: str, position: int, window: int = 60) -> str:
    """The part of the clause that precedes ``position`` (at most ``window`` characters)."""
    low = max(0, position - window)
    if 0 < position <= len(text):  # (a position outside the text is sliced as _LAST_BREAK would have it)
        m = _BREAK_REVERSED.search(text[position - 1 : low - 1 if low else None : -1])
        return text[position - m.start() : position] if m else text[low:position]
    before = text[low:position]
    m = _LAST_BREAK.match(before)
    return before[m.end() :] if m else before


def clause_around(text: str, start: int, end: int) -> str:
    """The clause containing ``text[start:end]``."""
    m = _LAST_BREAK.match(text, 0, start)
    right = _NEXT_BREAK.search(text, end)
    return text[m.end() if m else 0 : right.start() if right else len(text)]


def negated_before(text: str, position: int, window: int = 40) -> bool:
    """Whether a negation word occurs shortly before ``position`` within the same clause."""
    return bool(NEGATION.search(clause_before(text, position, window)))


def hedged(text: str) -> bool:
    """Whether ``text`` hedges a promise ("I can't promise ...")."""
    return bool(HEDGE.search(text))


# Punctuation (apostrophes too: "didn't" -> "didn t") becomes space, so split() yields plain words. Working on
# ASCII bytes is about twice as fast as str.translate; other characters (curly quotes, dashes) become "?" first.
_PUNCT = b".,;:!?()[]{}\"'/\\*_<>=+#@"
_TO_SPACE = bytes.maketrans(_PUNCT, b" " * len(_PUNCT))
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=_CACHE)
def words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text``, for :func:`gate`."""
    return frozenset(text.lower().encode("ascii", "replace").translate(_TO_SPACE).decode("ascii").split())


def gate(found: frozenset[str], keys: frozenset[str]) -> bool:
    """Whether any of ``keys`` is among ``found``: a set test, far cheaper than a regex search, used to skip
    patterns that cannot match (Python's ``re`` tries every alternative at every position of the text)."""
    return not keys.isdisjoint(found)


def has_any(text: str, needles: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``needles``: the cheap test in front of a search that cannot match
    without one. A plain loop, because ``any()`` over a generator costs more than the few tests it makes."""
    for needle in needles:  # noqa: SIM110
        if needle in text:
            return True
    return False


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def keys(text: str) -> frozenset[str]:
    """A gate's words, written as one space-separated string."""
    return frozenset(text.split())


_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
#: Words one of which any TIME match contains (unless it has a digit).
TIME_KEYS = keys(
    f"{_DAYS} today tonight tomorrow this next day days end first noon midday midnight within minute minutes mins "
    "hour hours hrs week weeks away right immediately every each now already"
)
TRIGGER_KEYS = keys(
    "as once moment minute when whenever after if reply tell let send message email text call confirm until"
)
VAGUE_TIME_KEYS = keys("soon asap shortly due point when once priority urgency future coming")
