"""A learned second opinion for ``blame``, ``rash-promise`` and ``next-steps``: a small local classifier.

Rules are precise but each new writer words blame, rash promises and empty next steps in ways no rule has seen
(``tests/corpus/README.md`` has the figures). Behind the rules sits a linear model over the words and word pairs
of the reply (tf-idf, logistic regression), trained on the labelled corpus by ``tools/train_learned.py`` and
shipped as ``learned.json``. It is consulted only when a guardrail's rules found nothing, and it flags a reply
only above a threshold chosen for precision, so it adds recall without crying wolf.

It is plain Python over a dictionary (no model runtime, no network), and one pass over the reply scores all three
guardrails. It reads only the reply, never the case, so unauthorised remedies and contradicted timelines stay the
rules' job. Switch it off with ``REPLYDRAFT_LEARNED=0`` (the rules alone then decide).
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, wraps
from itertools import chain, pairwise
from pathlib import Path
from typing import Any

from replydraft import Finding, Guardrail

from ._text import _OTHER_CACHES, prepare, sentences

__all__ = ["Opinion", "enabled", "opinion", "probability", "second_opinion", "terms"]

MODEL_FILE = Path(__file__).with_name("learned.json")
# Every byte that is not a lower-case ASCII letter or digit becomes a space, so split() yields the words (other
# letters first become "?": "café" gives "caf"). About ten times faster than a regex, and the trainer calls this
# same function, so what it learned and what runs here cannot drift apart.
_KEEP = b"abcdefghijklmnopqrstuvwxyz0123456789"
_TO_SPACE = bytes.maketrans(bytes(b for b in range(256) if b not in _KEEP), b" " * (256 - len(_KEEP)))


def terms(reply: str) -> list[str]:
    """The features of a reply: its lower-cased words of two or more characters and adjacent word pairs."""
    words = _words(reply)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def _words(reply: str) -> list[str]:
    """The reply's lower-cased words of two or more characters, in order: :func:`terms` without the pairs."""
    return _tokens(prepare(reply)[1])


def _tokens(low: str) -> list[str]:
    """The words of two or more characters of already normalised, lower-cased text (see :func:`_words`)."""
    return [w for w in low.encode("ascii", "replace").translate(_TO_SPACE).decode("ascii").split() if len(w) > 1]


def enabled() -> bool:
    """Off when ``REPLYDRAFT_LEARNED`` is 0/false/no/off, or when no model file ships with the package."""
    if os.environ.get("REPLYDRAFT_LEARNED", "1").strip().lower() in ("0", "false", "no", "off"):
        return False
    return _model() is not None


@lru_cache(maxsize=1)
def _model() -> dict[str, Any] | None:
    """``terms`` maps a term to [idf, weight for each guardrail in ``guardrails`` order]."""
    try:
        return json.loads(MODEL_FILE.read_text("utf-8"))  # type: ignore[no-any-return]
    except FileNotFoundError:
        return None


Key = str | tuple[str, ...]
Share = tuple[float, float, float, float]


def _table() -> tuple[dict[Key, list[float]], dict[Key, Share]]:
    """The model's terms keyed as :func:`_scores` looks them up: a word pair ("a b" in the model) as the tuple
    ("a", "b"), so no pair string is built per reply (words have no spaces, so the two keys name the same pair).
    With each term's row, its share of the sums when it occurs once (tf 1, so its weight w is its idf):
    (w * w, a * w, b * w, c * w), the very products the per-reply loop used to compute. Built once per loaded
    model (a test may load another)."""
    global _TABLE
    model: dict[str, Any] = _model()  # type: ignore[assignment]
    if _TABLE is None or _TABLE[0] is not model:
        known: dict[str, list[float]] = model["terms"]
        rows: dict[Key, list[float]] = {
            (tuple(term.split(" ")) if " " in term else term): row for term, row in known.items()
        }
        once = {key: (idf * idf, a * idf, b * idf, c * idf) for key, (idf, a, b, c) in rows.items()}
        _TABLE = (model, rows, once)
    return _TABLE[1], _TABLE[2]


_TABLE: tuple[dict[str, Any], dict[Key, list[float]], dict[Key, Share]] | None = None


@lru_cache(maxsize=32)
def _scores(reply: str) -> tuple[float, ...]:
    """The linear score of ``reply`` for each guardrail, in one pass over its terms: tf-idf with sublinear tf,
    L2-normalised, as the trainer's vectoriser, dotted with each guardrail's weights. The terms are those of
    :func:`terms` (pairs as tuples, see :func:`_table`), summed in the same order, so the floats are the same."""
    rows, once = _table()
    get = once.get
    words = _words(reply)
    s0 = s1 = s2 = norm = 0.0
    counts: Counter[Key] = Counter(chain(words, pairwise(words)))
    for term, n in counts.items():
        share = get(term)  # this loop is the whole cost of the check
        if share is None:
            continue
        if n == 1:
            ww, a, b, c = share
        else:
            idf, a, b, c = rows[term]
            w = (1.0 + math.log(n)) * idf
            ww, a, b, c = w * w, a * w, b * w, c * w
        norm += ww
        s0 += a
        s1 += b
        s2 += c
    scale = 1.0 / math.sqrt(norm) if norm else 0.0
    return (s0 * scale, s1 * scale, s2 * scale)


_OTHER_CACHES.append(_scores)


def probability(guardrail_id: str, reply: str) -> float:
    """The model's probability that ``reply`` is positive for ``guardrail_id`` (what its label would be)."""
    model = _model()["guardrails"][guardrail_id]  # type: ignore[index]
    z = model["intercept"] + _scores(reply)[model["index"]]
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class Opinion:
    """The learned check's verdict: the probability, and the sentence that weighs most (``None``: the whole
    reply, as for a missing next step)."""

    probability: float
    start: int | None
    end: int | None


#: The model learned from whole replies (13 words and more); a fragment gives it too little to go on.
MIN_WORDS = 12


def opinion(guardrail_id: str, reply: str) -> Opinion | None:
    """An :class:`Opinion` when the learned check flags ``reply`` for ``guardrail_id``, else ``None``."""
    model = _model()
    # Splitting stops after MIN_WORDS words: whether there are fewer is all that is asked.
    if model is None or guardrail_id not in model["guardrails"] or len(reply.split(maxsplit=MIN_WORDS)) < MIN_WORDS:
        return None
    p = probability(guardrail_id, reply)
    if p < model["guardrails"][guardrail_id]["threshold"]:
        return None
    if guardrail_id == "next-steps":  # something missing has no span
        return Opinion(p, None, None)
    return Opinion(p, *_heaviest_sentence(guardrail_id, reply))


def _heaviest_sentence(guardrail_id: str, reply: str) -> tuple[int | None, int | None]:
    """The sentence whose removal lowers the reply's score the most: what tipped the model's verdict.

    Taking a sentence out takes out its words and the word pairs that touch them, and makes one new pair of the
    words either side; only those terms' shares of the sums change. So each sentence costs what its own terms cost,
    instead of a whole re-scoring of the reply without it (1-2 ms on a 150-word reply the check flags)."""
    index = _model()["guardrails"][guardrail_id]["index"]  # type: ignore[index]
    text, low = prepare(reply)  # same offsets as the reply
    words = _words(reply)
    # Sentences split only at punctuation and line ends, which are never inside a word: their words, in order,
    # are the reply's words, and the reply without a sentence has the words before it and after it.
    spans, at = [], 0
    for sentence in sentences(text):
        count = len(_tokens(low[sentence.start : sentence.end]))
        spans.append((sentence.start, sentence.end, at, at + count))
        at += count
    if at != len(words):  # not expected; the long way stays exact whatever the text
        return _heaviest_sentence_by_rescoring(index, reply)
    rows, once = _table()
    at = 1 + index  # where this guardrail's weight is in a row (after the idf) and its product in a share
    counts: Counter[Key] = Counter(chain(words, pairwise(words)))
    s = norm = 0.0
    for term, n in counts.items():  # the sums of _scores, for this guardrail only
        row = rows.get(term)
        if row is not None:
            w = _weight(row[0], n)
            norm += w * w
            s += row[at] * w
    full = s * (1.0 / math.sqrt(norm) if norm else 0.0)
    best = 0.0
    span: tuple[int | None, int | None] = (None, None)
    last = len(words) - 1
    for start, end, first, after in spans:
        change: Counter[Key] = Counter(words[first:after])
        change.update(pairwise(words[max(first - 1, 0) : min(after, last) + 1]))
        if first > 0 and after <= last:
            change[words[first - 1], words[after]] -= 1  # the new pair across the gap
        s2, norm2 = s, norm
        for term, gone in change.items():
            share = once.get(term)
            if share is None or not gone:
                continue
            n = counts[term]
            if n == gone == 1:  # most terms: once in the reply, and in this sentence
                norm2 -= share[0]
                s2 -= share[at]
                continue
            row = rows[term]
            w, w2 = _weight(row[0], n), _weight(row[0], n - gone)
            norm2 += w2 * w2 - w * w
            s2 += row[at] * (w2 - w)
        drop = full - (s2 * (1.0 / math.sqrt(norm2)) if norm2 > 1e-12 else 0.0)
        if drop > best:
            best, span = drop, (start, end)
    return span


def _weight(idf: float, n: int) -> float:
    """A term's tf-idf weight before normalising: sublinear tf, as the trainer's vectoriser (0 when absent)."""
    return 0.0 if n <= 0 else idf if n == 1 else (1.0 + math.log(n)) * idf


def _heaviest_sentence_by_rescoring(index: int, reply: str) -> tuple[int | None, int | None]:
    text, _ = prepare(reply)
    full = _scores(reply)[index]
    best = 0.0
    span: tuple[int | None, int | None] = (None, None)
    for sentence in sentences(text):
        drop = full - _scores(f"{text[: sentence.start]} {text[sentence.end :]}")[index]
        if drop > best:
            best, span = drop, (sentence.start, sentence.end)
    return span


# What a finding from the learned check says, in a support agent's words, and the rewrite it suggests.
MESSAGES: dict[str, tuple[str, str | None]] = {
    "blame": (
        "This reads as putting the fault on the customer, a colleague or another company. Say what went wrong as "
        "our mistake.",
        'Own it plainly, e.g. "That was our mistake, and I\'m putting it right."',
    ),
    "rash-promise": (
        "This reads as a promise that may not be kept. Promise only what the case authorises, with its real timing.",
        'Say what you will do and when, without guarantees, e.g. "I\'ll check this and update you by 4pm."',
    ),
    "next-steps": (
        "The reply does not seem to give a concrete next step: say what you will do, and when.",
        'Add one line such as "I\'ll email you the tracking number by 5pm today."',
    ),
}


def second_opinion(check: Callable[[Any, str, Any], Iterable[Finding] | None]) -> Callable[..., list[Finding]]:
    """Decorate a core guardrail's ``check``: when its rules find nothing, ask the learned check (if enabled)."""

    @wraps(check)
    def checked(self: Guardrail, reply: str, case: Any) -> list[Finding]:
        found = list(check(self, reply, case) or ())
        # It learned from English replies; on another language its words mean nothing to it.
        if found or not enabled() or not str(getattr(case, "language", "en") or "en").lower().startswith("en"):
            return found
        verdict = opinion(self.id, reply)
        if verdict is not None:
            message, suggestion = MESSAGES[self.id]
            found.append(self.finding(message, verdict.start, verdict.end, suggestion))
        return found

    return checked
