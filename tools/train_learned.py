"""Train the learned second opinion (``plugins/replydraft_guardrails/learned.py``) on the labelled corpus.

    pip install -e '.[train]'
    python tools/train_learned.py                 # writes plugins/replydraft_guardrails/learned.json
    python tools/train_learned.py --check         # exit 1 if learned.json is not what the corpus gives

For each of blame, rash-promise and next-steps: tf-idf over the reply's words and word pairs (the runtime's own
``terms``), then logistic regression. Only splits the rules were tuned on are used (TRAIN); ``heldout.jsonl`` and
the later blind splits stay unseen.

The thresholds are fixed, not fitted here. They were chosen once, before heldout5 and later splits were scored: a model
trained on TRAIN without heldout4 was run behind the rules (as the guardrails run it) on heldout4 and heldout,
and for each guardrail we took a threshold where rules + model kept precision >= 0.90 on both. The 5-fold
figures printed are the model alone on TRAIN at that threshold.
The file records a hash of every training file, and tests/guardrails/test_learned.py fails when the corpus
changes without retraining.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
OUT = ROOT / "plugins" / "replydraft_guardrails" / "learned.json"
TRAIN = (
    "dev",
    "batch10",
    "batch11",
    "batch12",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
)
GUARDRAILS = ("blame", "rash-promise", "next-steps")
THRESHOLDS = {"blame": 0.75, "rash-promise": 0.75, "next-steps": 0.6}
C = 10.0  # inverse regularisation; with class_weight="balanced" so rarer positives count as much


def train_files() -> dict[str, str]:
    return {f"{s}.jsonl": hashlib.sha256((CORPUS / f"{s}.jsonl").read_bytes()).hexdigest() for s in TRAIN}


def build() -> dict:
    import numpy as np
    from replydraft_guardrails.learned import terms
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from replydraft.corpus import load_corpus

    items = [item for split in TRAIN for item in load_corpus(CORPUS / f"{split}.jsonl")]
    replies = [item.reply for item in items]
    vectoriser = TfidfVectorizer(analyzer=terms, min_df=2, sublinear_tf=True, norm="l2", lowercase=False)
    x = vectoriser.fit_transform(replies)
    vocabulary = vectoriser.get_feature_names_out()
    model: dict = {
        "about": "tools/train_learned.py; see plugins/replydraft_guardrails/learned.py",
        "trained_on": train_files(),
        "replies": len(items),
        "guardrails": {},
    }
    columns = [vectoriser.idf_]
    # Probabilities from scikit-learn itself for a sample of replies: the tests recompute them with the runtime's
    # plain-Python scoring, so the shipped file and the code that reads it cannot disagree unnoticed.
    probes = [(split, item) for split in TRAIN for item in load_corpus(CORPUS / f"{split}.jsonl")][::97]
    model["probes"] = [{"split": split, "id": item.id, "p": {}} for split, item in probes]
    x_probes = vectoriser.transform([item.reply for _, item in probes])
    for index, gid in enumerate(GUARDRAILS):
        y = np.array([int(item.labels[gid]) for item in items])
        classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        folds = StratifiedKFold(5, shuffle=True, random_state=0)
        oof = cross_val_predict(classifier, x, y, cv=folds, method="predict_proba")[:, 1]
        threshold = THRESHOLDS[gid]
        flagged = oof >= threshold
        tp = int((flagged & (y == 1)).sum())
        precision, recall = tp / max(1, int(flagged.sum())), tp / int(y.sum())
        classifier.fit(x, y)
        columns.append(classifier.coef_[0])
        for probe, p in zip(model["probes"], classifier.predict_proba(x_probes)[:, 1], strict=True):
            probe["p"][gid] = round(float(p), 6)
        model["guardrails"][gid] = {
            "index": index,
            "threshold": round(threshold, 2),
            "cv_precision": round(precision, 3),
            "cv_recall": round(recall, 3),
            "intercept": round(float(classifier.intercept_[0]), 6),
        }
        print(f"{gid:13} threshold {threshold:.2f}  5-fold precision {precision:.3f} recall {recall:.3f} (model alone)",
              file=sys.stderr)  # fmt: skip
    # term -> [idf, weight per guardrail]: one dictionary look-up per term scores all three at once.
    model["terms"] = {t: [round(float(c[i]), 5) for c in columns] for i, t in enumerate(vocabulary)}
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check learned.json matches the corpus")
    args = parser.parse_args()
    if args.check:
        shipped = json.loads(OUT.read_text("utf-8"))
        if shipped["trained_on"] != train_files():
            sys.exit("learned.json was trained on other corpus files: run python tools/train_learned.py")
        print("learned.json matches the corpus")
        return
    model = build()
    OUT.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB, {len(model['terms'])} terms)")


if __name__ == "__main__":
    main()
