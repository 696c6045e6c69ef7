"""The labelled corpus: well formed, and the core guardrails accurate on it.

The held-out split was written before the rules were tuned and never tuned on (tests/corpus/README.md); it is
held to floors at the measured figures. The dev split was tuned on, so it is held to a higher bar: a rule change
that breaks what used to work shows up here first.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replydraft.corpus import evaluate, load_corpus
from replydraft.guardrails import GuardrailSettings, run_guardrails
from replydraft.plugins import new_plugin_host

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CORE = ("blame", "rash-promise", "next-steps")


@pytest.fixture(scope="module")
def core_guardrails() -> list[object]:
    from replydraft_guardrails import blame, next_steps, rash_promise

    host = new_plugin_host(load_entry_points=False, plugins=[blame, rash_promise, next_steps], trace=False)
    return host.guardrails


def _report(split: str, guardrails: list[object]):
    items = load_corpus(CORPUS / f"{split}.jsonl")
    settings = GuardrailSettings(timeout=10)
    return evaluate(items, lambda reply, case: run_guardrails(guardrails, reply, case, settings), CORE, split)


# Splits all three rule sets were tuned on (dev.jsonl and the later batches and splits): held at 0.95. The others are
# pinned at what was measured: the splits never tuned on, and heldout10 and heldout11, tuned on for some guardrails.
TUNED = (
    "dev", "batch10", "batch11", "batch12", "heldout3", "heldout4", "heldout5", "heldout6", "heldout8", "heldout9",
)  # fmt: skip
HELD_OUT = ("heldout", "heldout7", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14")


def test_corpus_is_well_formed() -> None:
    cases = json.loads((CORPUS / "cases.json").read_text("utf-8"))
    ids: set[str] = set()
    replies: set[str] = set()
    for split in (*TUNED, *HELD_OUT):
        rows = [json.loads(line) for line in (CORPUS / f"{split}.jsonl").read_text("utf-8").splitlines() if line]
        assert len(rows) >= 90
        for row in rows:
            assert row["id"] not in ids, f"duplicate id {row['id']}"
            ids.add(row["id"])
            assert isinstance(row["case"], dict) or row["case"] in cases
            assert set(row["labels"]) == set(CORE) and set(row["labels"].values()) <= {0, 1}
            assert row["reply"] not in replies, f"{row['id']} repeats another reply"
            replies.add(row["reply"])
        for gid in CORE:  # hard positives and hard negatives for every guardrail
            positives = sum(row["labels"][gid] for row in rows)
            assert 0.15 * len(rows) <= positives <= 0.5 * len(rows), (split, gid, positives)
        assert len(load_corpus(CORPUS / f"{split}.jsonl")) == len(rows)  # inline cases are valid cases
    assert len(ids) >= 1500


# Held-out floors: the target is precision >= 0.90 and recall >= 0.85 for each guardrail. The floors record
# what was measured on splits the rules were never tuned on (tests/corpus/README.md), rather than pretending; where a
# figure is below the target, the README says so.
HELDOUT_FLOORS = {
    "heldout": {"blame": (0.94, 1.0), "rash-promise": (0.97, 1.0), "next-steps": (0.97, 1.0)},
    # Written blind and committed before scoring, never tuned on: heldout7 scored after rounds 5 to 10 (and again
    # after the sixth session's speed work, which changed no finding), heldout12 once after round 10, heldout13 and
    # heldout14 once on the round-10 rules. Below the target where the README says so.
    "heldout7": {"blame": (0.87, 0.92), "rash-promise": (0.97, 0.91), "next-steps": (0.97, 1.0)},
    "heldout12": {"blame": (0.92, 0.88), "rash-promise": (0.93, 0.87), "next-steps": (1.0, 1.0)},
    "heldout13": {"blame": (0.92, 0.9), "rash-promise": (0.9, 0.86), "next-steps": (0.96, 0.98)},
    "heldout14": {"blame": (0.93, 0.94), "rash-promise": (0.92, 0.94), "next-steps": (0.92, 1.0)},
    # Each scored blind once, then tuned on (heldout10: blame in round 9, rash-promise in round 10; heldout11: blame
    # and rash-promise in round 10) and added to the learned check's training data: optimistic.
    "heldout10": {"blame": (1.0, 1.0), "rash-promise": (1.0, 1.0), "next-steps": (0.97, 1.0)},
    "heldout11": {"blame": (0.98, 1.0), "rash-promise": (1.0, 1.0), "next-steps": (0.96, 1.0)},
}


# The same splits with the learned second opinion switched off (REPLYDRAFT_LEARNED=0): what the rules alone reach.
RULES_ONLY_FLOORS = {
    "heldout": {"blame": (0.97, 0.94), "rash-promise": (1.0, 1.0), "next-steps": (0.97, 1.0)},
    "heldout7": {"blame": (0.84, 0.73), "rash-promise": (1.0, 0.89), "next-steps": (0.96, 0.91)},
    "heldout12": {"blame": (0.9, 0.73), "rash-promise": (0.92, 0.79), "next-steps": (1.0, 0.95)},
    "heldout13": {"blame": (0.9, 0.67), "rash-promise": (0.89, 0.76), "next-steps": (0.98, 0.94)},
    "heldout14": {"blame": (0.92, 0.81), "rash-promise": (0.93, 0.9), "next-steps": (0.94, 0.91)},
    "heldout10": {"blame": (1.0, 0.85), "rash-promise": (1.0, 0.88), "next-steps": (0.97, 0.9)},
    "heldout11": {"blame": (0.98, 0.79), "rash-promise": (1.0, 0.85), "next-steps": (0.95, 0.95)},
}


@pytest.fixture(params=["default", "rules only"])
def learned_switch(request, monkeypatch: pytest.MonkeyPatch) -> dict:
    """Each held-out split is measured as shipped (learned check on) and with the rules alone."""
    if request.param == "rules only":
        monkeypatch.setenv("REPLYDRAFT_LEARNED", "0")
        return RULES_ONLY_FLOORS
    monkeypatch.delenv("REPLYDRAFT_LEARNED", raising=False)
    return HELDOUT_FLOORS


@pytest.mark.parametrize("split", HELD_OUT)
@pytest.mark.parametrize("gid", CORE)
def test_heldout_accuracy_does_not_fall_below_what_was_measured(
    core_guardrails, learned_switch: dict, gid: str, split: str
) -> None:
    score = _report(split, core_guardrails).scores[gid]
    precision, recall = learned_switch[split][gid]
    assert score.precision >= precision, f"{split} {gid} precision {score.precision:.3f}"
    assert score.recall >= recall, f"{split} {gid} recall {score.recall:.3f}"


@pytest.mark.parametrize("split", TUNED)
@pytest.mark.parametrize("gid", CORE)
def test_tuned_accuracy_does_not_regress(core_guardrails, gid: str, split: str, monkeypatch) -> None:
    monkeypatch.delenv("REPLYDRAFT_LEARNED", raising=False)
    score = _report(split, core_guardrails).scores[gid]
    assert score.precision >= 0.95 and score.recall >= 0.95, f"{split} {gid}: {score.to_dict()}"


def test_every_finding_on_the_corpus_is_well_formed() -> None:
    """All built-in guardrails on every reply: spans inside the reply, a message, suggestions that are text."""
    mine = {*CORE, "ownership", "empathy", "policy-language", "over-apology"}
    builtin = [g for g in new_plugin_host(trace=False).guardrails if g.id in mine]
    assert {g.id for g in builtin} == mine
    for split in (*TUNED, *HELD_OUT):
        for item in load_corpus(CORPUS / f"{split}.jsonl"):
            for finding in run_guardrails(builtin, item.reply, item.case, GuardrailSettings(timeout=10)):
                assert not finding.message.endswith("the reply was not checked by it"), finding
                assert finding.message[:1].isupper() and finding.message.endswith("."), finding.message
                if finding.start is not None:
                    assert finding.quote(item.reply).strip(), (item.id, finding)
                assert finding.suggestion is None or finding.suggestion.strip()
