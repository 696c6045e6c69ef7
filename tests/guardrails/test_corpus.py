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


def test_corpus_is_well_formed() -> None:
    cases = json.loads((CORPUS / "cases.json").read_text("utf-8"))
    ids: set[str] = set()
    replies: set[str] = set()
    for split in ("dev", "heldout"):
        rows = [json.loads(line) for line in (CORPUS / f"{split}.jsonl").read_text("utf-8").splitlines() if line]
        assert len(rows) >= 100
        for row in rows:
            assert row["id"] not in ids, f"duplicate id {row['id']}"
            ids.add(row["id"])
            assert row["case"] in cases
            assert set(row["labels"]) == set(CORE) and set(row["labels"].values()) <= {0, 1}
            assert row["reply"] not in replies, f"{row['id']} repeats another reply"
            replies.add(row["reply"])
        for gid in CORE:  # hard positives and hard negatives for every guardrail
            positives = sum(row["labels"][gid] for row in rows)
            assert 0.15 * len(rows) <= positives <= 0.5 * len(rows), (split, gid, positives)
    assert len(ids) >= 300


# Held-out floors: the target is precision >= 0.90 and recall >= 0.85 for each guardrail. blame's measured
# held-out precision is 0.889 (32 true, 4 false positives): one false positive short of the target. The floor
# records what is measured rather than pretending; rules are never tuned on this split (tests/corpus/README.md).
HELDOUT_FLOORS = {"blame": (0.88, 0.88), "rash-promise": (0.95, 0.95), "next-steps": (0.95, 0.90)}


@pytest.mark.parametrize("gid", CORE)
def test_heldout_accuracy_does_not_fall_below_what_was_measured(core_guardrails, gid: str) -> None:
    score = _report("heldout", core_guardrails).scores[gid]
    precision, recall = HELDOUT_FLOORS[gid]
    assert score.precision >= precision, f"{gid} precision {score.precision:.3f}"
    assert score.recall >= recall, f"{gid} recall {score.recall:.3f}"
    assert score.recall >= 0.85, "below the issue's recall target"


@pytest.mark.parametrize("gid", CORE)
def test_dev_accuracy_does_not_regress(core_guardrails, gid: str) -> None:
    score = _report("dev", core_guardrails).scores[gid]
    assert score.precision >= 0.97 and score.recall >= 0.97, f"{gid}: {score.to_dict()}"


def test_every_finding_on_the_corpus_is_well_formed() -> None:
    """All built-in guardrails on every reply: spans inside the reply, a message, suggestions that are text."""
    mine = {*CORE, "ownership", "empathy", "policy-language", "over-apology"}
    builtin = [g for g in new_plugin_host(trace=False).guardrails if g.id in mine]
    assert {g.id for g in builtin} == mine
    for split in ("dev", "heldout"):
        for item in load_corpus(CORPUS / f"{split}.jsonl"):
            for finding in run_guardrails(builtin, item.reply, item.case, GuardrailSettings(timeout=10)):
                assert not finding.message.endswith("the reply was not checked by it"), finding
                assert finding.message[:1].isupper() and finding.message.endswith("."), finding.message
                if finding.start is not None:
                    assert finding.quote(item.reply).strip(), (item.id, finding)
                assert finding.suggestion is None or finding.suggestion.strip()
