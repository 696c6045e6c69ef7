"""The learned second opinion behind blame, rash-promise and next-steps (replydraft_guardrails.learned).

No fakes: the shipped learned.json, real corpus replies, and the decorator the core guardrails use.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from replydraft_guardrails import learned

from replydraft import Case, Guardrail
from replydraft.corpus import load_corpus
from replydraft.testing import make_case_dict

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MODEL = json.loads(learned.MODEL_FILE.read_text("utf-8"))
CASE = Case.from_dict(make_case_dict())

GOOD = (
    "Hi Dana, I'm sorry: your desk missed the warehouse pickup on Monday, and that's on us. I've upgraded it to "
    "overnight shipping, so it arrives Friday, and I'll email you the tracking number by 5pm today."
)


def test_the_shipped_model_was_trained_on_the_corpus_as_it_is() -> None:
    hashes = {name: hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() for name in MODEL["trained_on"]}
    assert hashes == MODEL["trained_on"], "corpus changed: run python tools/train_learned.py"
    assert set(MODEL["guardrails"]) == {"blame", "rash-promise", "next-steps"}


def test_plain_python_scoring_matches_what_scikit_learn_computed_at_training() -> None:
    items = {}
    for probe in MODEL["probes"]:
        split = probe["split"]
        items.setdefault(split, {i.id: i for i in load_corpus(CORPUS / f"{split}.jsonl")})
        reply = items[split][probe["id"]].reply
        for gid, expected in probe["p"].items():
            assert learned.probability(gid, reply) == pytest.approx(expected, abs=2e-3), (probe["id"], gid)
    assert len(MODEL["probes"]) >= 10


def _rules_find_nothing(gid: str) -> Guardrail:
    class NoRules(Guardrail):
        id = gid

        @learned.second_opinion
        def check(self, reply, case):
            return []

    return NoRules()


def _strongest_positive(gid: str) -> str:
    """The tuned-on corpus reply the model is surest is positive (it was trained on it)."""
    items = [i for i in load_corpus(CORPUS / "dev.jsonl") if i.labels[gid]]
    return max(items, key=lambda i: learned.probability(gid, i.reply)).reply


@pytest.mark.parametrize("gid", ["blame", "rash-promise"])
def test_when_rules_find_nothing_the_learned_check_flags_the_heaviest_sentence(gid: str) -> None:
    reply = _strongest_positive(gid)
    [finding] = _rules_find_nothing(gid).check(reply, CASE)
    assert finding.guardrail == gid and finding.severity == "error"
    assert finding.message == learned.MESSAGES[gid][0] and finding.suggestion
    sentence = reply[finding.start : finding.end]
    assert sentence and sentence == sentence.strip() and len(sentence) < len(reply)


def test_a_missing_next_step_is_flagged_for_the_whole_reply() -> None:
    [finding] = _rules_find_nothing("next-steps").check(_strongest_positive("next-steps"), CASE)
    assert (finding.start, finding.end) == (None, None) and "next step" in finding.message


@pytest.mark.parametrize("gid", ["blame", "rash-promise", "next-steps"])
def test_a_sound_reply_is_left_alone(gid: str) -> None:
    assert _rules_find_nothing(gid).check(GOOD, CASE) == []
    assert _rules_find_nothing(gid).check("   ", CASE) == []


def test_only_english_replies_are_judged() -> None:
    reply = _strongest_positive("blame")
    british = make_case_dict()
    british["customer"]["language"] = "en-GB"
    assert _rules_find_nothing("blame").check(reply, Case.from_dict(british))
    german = make_case_dict()
    german["customer"]["language"] = "de"
    assert _rules_find_nothing("blame").check(reply, Case.from_dict(german)) == []


def test_a_fragment_is_too_short_to_judge() -> None:
    fragment = "Unfortunately the courier lost it, so out of our hands."
    assert learned.probability("blame", fragment) > MODEL["guardrails"]["blame"]["threshold"]
    assert len(fragment.split()) < learned.MIN_WORDS
    assert _rules_find_nothing("blame").check(fragment, CASE) == []


def test_rule_findings_stand_and_the_model_is_not_asked() -> None:
    class Rules(Guardrail):
        id = "blame"

        @learned.second_opinion
        def check(self, reply, case):
            yield self.finding("rule", 0, 2)

    findings = Rules().check(_strongest_positive("blame"), CASE)
    assert [f.message for f in findings] == ["rule"]


@pytest.mark.parametrize("value", ["0", "false", "off", "No"])
def test_switched_off_by_the_environment(monkeypatch, value: str) -> None:
    reply = _strongest_positive("blame")
    monkeypatch.setenv("REPLYDRAFT_LEARNED", value)
    assert not learned.enabled()
    assert _rules_find_nothing("blame").check(reply, CASE) == []
    monkeypatch.setenv("REPLYDRAFT_LEARNED", "1")
    assert len(_rules_find_nothing("blame").check(reply, CASE)) == 1


def test_without_a_model_file_the_rules_decide_alone(monkeypatch, tmp_path) -> None:
    reply = _strongest_positive("blame")
    monkeypatch.setattr(learned, "MODEL_FILE", tmp_path / "missing.json")
    learned._model.cache_clear()
    try:
        assert not learned.enabled()
        assert _rules_find_nothing("blame").check(reply, CASE) == []
    finally:
        monkeypatch.undo()
        learned._model.cache_clear()
    assert learned.enabled()


def test_terms_are_words_and_word_pairs() -> None:
    assert learned.terms("It's the courier’s fault, not ours!") == [
        "it",
        "the",
        "courier",
        "fault",
        "not",
        "ours",
        "it the",
        "the courier",
        "courier fault",
        "fault not",
        "not ours",
    ]


def _reference_scores(reply: str) -> tuple[float, ...]:
    """The scores computed the plain way, straight from terms() and the model's rows."""
    import math
    from collections import Counter

    known = MODEL["terms"]
    s0 = s1 = s2 = norm = 0.0
    for term, n in Counter(learned.terms(reply)).items():
        if term not in known:
            continue
        idf, a, b, c = known[term]
        w = idf if n == 1 else (1.0 + math.log(n)) * idf
        norm += w * w
        s0 += a * w
        s1 += b * w
        s2 += c * w
    scale = 1.0 / math.sqrt(norm) if norm else 0.0
    return (s0 * scale, s1 * scale, s2 * scale)


@pytest.mark.parametrize(
    "reply",
    [
        GOOD,
        "",
        "!!! ?? ...",
        "Café déjà vu: the the the courier courier, 3 3 3 days days — naïve zzqx qqzx.",
        "Sorry sorry sorry. It's the courier's fault, the courier's fault, not ours; we'll refund it by 5pm today.",
    ],
)
def test_scores_are_exactly_the_plain_computation_over_terms(reply: str) -> None:
    # _scores looks word pairs up as tuples and precomputes single-occurrence shares: the floats must not change.
    learned._scores.cache_clear()
    assert learned._scores(reply) == _reference_scores(reply)


def test_scores_match_the_plain_computation_on_corpus_replies() -> None:
    replies = [item.reply for item in load_corpus(CORPUS / "dev.jsonl")][:200]
    learned._scores.cache_clear()
    assert all(learned._scores(reply) == _reference_scores(reply) for reply in replies)


def test_too_short_replies_get_no_opinion() -> None:
    words = " ".join(["late"] * (learned.MIN_WORDS - 1))
    assert learned.opinion("next-steps", words) is None
    assert learned.opinion("next-steps", "  " + words.replace(" ", " \n\t ") + "   ") is None


HEAVIEST_EDGES = [
    "Sorry. Sorry. Sorry. The courier lost it and it's not on us, we can't do anything more about it right now.",
    "I am sorry!!! ... The delivery team failed you; a b c d e f g. It won't happen again, I guarantee it, ok?",
    "Hi Zoë, that’s 5.2 kg — per our records the address you entered was wrong\n\nWe'll refund you today.\n",
    "You should have read the email we sent on Monday, which said the parcel would be late by two days. OK.",
]


@pytest.mark.parametrize("gid", ["blame", "rash-promise"])
def test_the_heaviest_sentence_is_the_one_rescoring_without_each_sentence_finds(gid: str) -> None:
    """The fast way (only the terms a sentence takes out or joins change) picks the same sentence as scoring the
    reply again without each sentence, on corpus replies and on edge cases (repeats, no words, one-letter words,
    curly apostrophes, decimals, blank lines)."""
    index = learned._model()["guardrails"][gid]["index"]
    replies = [item.reply for item in load_corpus(CORPUS / "dev.jsonl")] + HEAVIEST_EDGES
    for reply in replies:
        assert learned._heaviest_sentence(gid, reply) == learned._heaviest_sentence_by_rescoring(index, reply), reply
