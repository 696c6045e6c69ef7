"""Labelled corpora of replies, and how accurately the guardrails judge them.

A corpus is a JSONL file, one reply per line::

    {"id": "h001", "case": "late-desk", "labels": {"blame": 0, "rash-promise": 1}, "reply": "Hi Dana, ..."}

``case`` is a whole case object, or an id looked up in ``cases.json`` next to the corpus file. A label of 1 means
the guardrail should report at least one finding on the reply, 0 that it should report none. Used by
``replydraft check --corpus FILE --report``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .case import Case
from .errors import CaseError
from .findings import Finding

__all__ = ["CorpusItem", "Report", "evaluate", "load_corpus"]


@dataclass(frozen=True)
class CorpusItem:
    id: str
    case: Case
    reply: str
    labels: dict[str, bool]


def load_corpus(path: str | Path) -> list[CorpusItem]:
    """Read a JSONL corpus, resolving case ids through ``cases.json`` beside it (raises :class:`CaseError`)."""
    path = Path(path)
    source = str(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        raise CaseError(["file not found"], source) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseError([f"cannot read file ({exc.__class__.__name__})"], source) from None
    cases_file = path.with_name("cases.json")
    shared: dict[str, Any] = {}
    if cases_file.is_file():
        shared = json.loads(cases_file.read_text("utf-8"))
    built: dict[str, Case] = {}
    items: list[CorpusItem] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CaseError([f"not valid JSON: {exc.msg}"], where) from None
        if not isinstance(row, dict) or not isinstance(row.get("reply"), str):
            raise CaseError(["each line needs a reply string"], where)
        ref = row.get("case")
        if isinstance(ref, str):
            if ref not in shared:
                raise CaseError([f"case {ref!r} is not in {cases_file.name}"], where)
            if ref not in built:
                built[ref] = Case.from_dict(shared[ref], f"{cases_file}#{ref}")
            case = built[ref]
        else:
            case = Case.from_dict(ref, where)
        labels = row.get("labels") or {}
        if not isinstance(labels, dict):
            raise CaseError(["labels must be an object of guardrail id -> 0 or 1"], where)
        items.append(
            CorpusItem(str(row.get("id", number)), case, row["reply"], {k: bool(v) for k, v in labels.items()})
        )
    return items


@dataclass
class Score:
    """Confusion counts for one guardrail over a corpus."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        # No finding at all is vacuously precise: nothing it said was wrong.
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.tp + self.fn,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
        }


@dataclass
class Report:
    """Per-guardrail scores, and every reply where a guardrail disagreed with its label."""

    corpus: str
    replies: int
    scores: dict[str, Score] = field(default_factory=dict)
    #: (reply id, guardrail id, "false positive" | "false negative", first finding message or None)
    misses: list[tuple[str, str, str, str | None]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "replies": self.replies,
            "guardrails": {gid: score.to_dict() for gid, score in self.scores.items()},
            "misses": [{"id": i, "guardrail": g, "kind": k, "finding": m} for i, g, k, m in self.misses],
        }

    def format_text(self, scores: bool = True, misses: bool = True) -> str:
        """The report as a table of scores, then the disagreements (either part can be left out)."""
        lines = [f"{self.corpus}: {self.replies} replies"]
        if scores:
            lines += ["", self._table()]
        if misses and self.misses:
            lines += ["", "disagreements:"]
            for rid, gid, kind, message in self.misses:
                lines.append(f"  {rid:<8} {gid:<14} {kind}" + (f": {message}" if message else ""))
        return "\n".join(lines)

    def _table(self) -> str:
        lines = []
        lines.append(
            f"{'guardrail':<16}{'precision':>10}{'recall':>8}{'f1':>7}{'support':>9}{'tp':>5}{'fp':>5}{'fn':>5}"
        )
        for gid, s in self.scores.items():
            lines.append(
                f"{gid:<16}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}{s.tp + s.fn:>9}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
            )
        return "\n".join(lines)


def evaluate(
    items: Iterable[CorpusItem],
    check: Callable[[str, Case], list[Finding]],
    guardrail_ids: Iterable[str] | None = None,
    corpus: str = "corpus",
) -> Report:
    """Score ``check`` (reply, case -> findings) against the labels, for each labelled guardrail that ran.

    ``guardrail_ids`` limits the report to guardrails that actually ran, so a disabled one is not scored as
    missing everything.
    """
    items = list(items)
    wanted = set(guardrail_ids) if guardrail_ids is not None else None
    report = Report(corpus, len(items))
    for item in items:
        findings = check(item.reply, item.case)
        for gid, expected in item.labels.items():
            if wanted is not None and gid not in wanted:
                continue
            score = report.scores.setdefault(gid, Score())
            hits = [f for f in findings if f.guardrail == gid]
            if hits and expected:
                score.tp += 1
            elif hits:
                score.fp += 1
                report.misses.append((item.id, gid, "false positive", hits[0].message))
            elif expected:
                score.fn += 1
                report.misses.append((item.id, gid, "false negative", None))
            else:
                score.tn += 1
    report.scores = dict(sorted(report.scores.items()))
    return report
