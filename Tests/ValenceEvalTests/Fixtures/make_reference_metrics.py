"""Computes the expected numbers that ValenceEvalTests asserts (run once; results are committed in the tests).

Usage: python Tests/ValenceEvalTests/Fixtures/make_reference_metrics.py [SHARED_DATA_DIR]
Needs scikit-learn and numpy (a private venv: python3 -m venv .venv && .venv/bin/pip install scikit-learn numpy).
"""
import json
import sys

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support, recall_score

# The made-up label set of EvalMetricsTests: neutral is never predicted; "irony" and "mixed" are predicted only.
gold = ["negative", "negative", "negative", "neutral", "neutral", "neutral", "neutral",
        "positive", "positive", "positive", "positive", "positive"]
pred = ["negative", "positive", "negative", "negative", "positive", "positive", "mixed",
        "positive", "positive", "negative", "positive", "irony"]
classes = ["negative", "neutral", "positive", "irony", "mixed"]
gold_classes = ["negative", "neutral", "positive"]
print("confusion", confusion_matrix(gold, pred, labels=classes).tolist())
print("accuracy", repr(accuracy_score(gold, pred)))
p, r, f, s = precision_recall_fscore_support(gold, pred, labels=classes, zero_division=0)
for row in zip(classes, p, r, f, s):
    print("class", row[0], *map(repr, row[1:]))
print("macro_f1 over gold", repr(f1_score(gold, pred, labels=gold_classes, average="macro", zero_division=0)))
print("macro_recall over gold", repr(recall_score(gold, pred, labels=gold_classes, average="macro", zero_division=0)))
print("macro_f1 sklearn default (union)", repr(f1_score(gold, pred, average="macro", zero_division=0)))

scores = [0.9, -0.2, 0.4, 0.0, -0.7, 0.35, 0.1, -0.05]
ratings = [3.1, -0.5, 1.2, 0.3, -2.8, 0.0, 1.9, -1.0]
print("pearson small", repr(np.corrcoef(scores, ratings)[0, 1]))

if len(sys.argv) > 1:
    base = sys.argv[1]
    with open(f"{base}/vader-groundtruth/tweets_GroundTruth.txt", "rb") as handle:
        rows = [line.rstrip(b"\r").decode("utf-8").split("\t", 2) for line in handle.read().split(b"\n")]
    reference = [json.loads(line) for line in open(f"{base}/vader-groundtruth/tweets.vader-reference.jsonl", encoding="utf-8")]
    assert len(rows) == len(reference) == 4200
    assert all(row[0] == ref["id"] and row[2] == ref["text"] for row, ref in zip(rows, reference))
    means = np.array([float(row[1]) for row in rows])
    compounds = np.array([ref["compound"] for ref in reference])
    print("pearson tweets compound vs mean", repr(np.corrcoef(compounds, means)[0, 1]))
    labels = np.where(means >= 0.5, "positive", np.where(means <= -0.5, "negative", "neutral"))
    predicted = np.where(compounds >= 0.05, "positive", np.where(compounds <= -0.05, "negative", "neutral"))
    print("tweets gold counts", {k: int(v) for k, v in zip(*np.unique(labels, return_counts=True))})
    print("tweets accuracy", repr(accuracy_score(labels, predicted)),
          "macro_f1", repr(f1_score(labels, predicted, average="macro", zero_division=0)),
          "macro_recall", repr(recall_score(labels, predicted, average="macro", zero_division=0)))

    tweeteval = f"{base}/benchmarks/tweeteval-sentiment-val"
    names = dict(line.rstrip("\n").split("\t") for line in open(f"{tweeteval}/mapping.txt"))
    gold_te = [names[line.strip()] for line in open(f"{tweeteval}/val_labels.txt")]
    ref_te = [json.loads(line) for line in open(f"{tweeteval}/tweeteval-sentiment-val.vader-reference.jsonl", encoding="utf-8")]
    c = np.array([ref["compound"] for ref in ref_te])
    pred_te = np.where(c >= 0.05, "positive", np.where(c <= -0.05, "negative", "neutral"))
    print("tweeteval accuracy", repr(accuracy_score(gold_te, pred_te)),
          "macro_f1", repr(f1_score(gold_te, pred_te, average="macro")),
          "macro_recall", repr(recall_score(gold_te, pred_te, average="macro")))
    print("tweeteval confusion", confusion_matrix(gold_te, pred_te, labels=gold_classes).tolist())
