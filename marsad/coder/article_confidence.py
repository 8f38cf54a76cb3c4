"""Confidence of an event coded from a whole article: a small logistic model over how the
article tells the event.

The sentence gate (`model.py`) answers "would annotators call this lone sentence an
event?". In a whole article its probability hardly ranks the coded events: on
gold/docs-dev.json its ROC AUC is 0.51 (chance is 0.5). What does rank them is how the
article tells the event: in the headline or lead rather than in background further down, in
several sentences, with a victim and a toll. These cues, and the sentence-level score as
one more, go into a logistic regression fitted on the matched and unmatched events of the
article gold. It applies to every document but a lone sentence (`component.is_lone_sentence`,
no title and one sentence), which keeps the gate's calibrated probability.

Trained by `scripts/train_article_confidence.py`, shipped as a few JSON weights, and
scored only by cross-validation by document: `marsad evaluate docs gold/docs-dev.json
--folds 5` prints the held-out reliability table.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.doc import Doc, Event
from marsad.registry import resource
from marsad.resources import Resources, data_dir

MODEL_FILE = "article_confidence.json"
FEATURES = ("lead", "position", "mentions", "victim", "killed", "place", "day",
            "violence", "protest", "sentence_score")
VIOLENCE = {"ASSAULT", "FIGHT", "COERCE"}


def position(event: Event, doc: Doc) -> int:
    """How many body sentences come before the one the event is first told in (0: the
    headline or the first body sentence)."""
    if not event.evidence:
        return 0
    first = min(e.start for e in event.evidence)
    return sum(1 for s in doc.sentences if not s.is_title and s.end <= first)


def features(event: Event, doc: Doc) -> list[float]:
    """The model's inputs for one event, in `FEATURES` order. `event.confidence` must
    still be the sentence-level score (the best mention's)."""
    pos = position(event, doc)
    ptype = event.plover.get("type")
    return [
        float(pos == 0),
        math.log1p(pos),
        math.log(max(len(event.evidence), 1)),
        float(event.actor2 is not None),
        float((event.fatalities.value or 0) > 0),
        float(event.location is not None),
        float(event.date.precision == "day"),
        float(ptype in VIOLENCE),
        float(ptype == "PROTEST"),
        float(event.confidence),
    ]


@dataclass(frozen=True)
class ArticleConfidence:
    weights: tuple[float, ...]  # one per FEATURES entry
    bias: float

    def predict(self, x: Sequence[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self, **extra: Any) -> str:
        return json.dumps({"features": list(FEATURES), "weights": list(self.weights),
                           "bias": self.bias, **extra}, indent=1)

    @classmethod
    def load(cls, path: Path) -> ArticleConfidence:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("features") != list(FEATURES):
            raise ValueError(f"{path}: trained on features {data.get('features')}, this code has {FEATURES}")
        return cls(tuple(float(w) for w in data["weights"]), float(data["bias"]))


def fit(x: Sequence[Sequence[float]], y: Sequence[bool]) -> ArticleConfidence:
    """A regularised logistic regression (few features, few dozen events: keep it simple)."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1.0, max_iter=1000).fit(x, [int(v) for v in y])
    return ArticleConfidence(tuple(float(w) for w in clf.coef_[0]), float(clf.intercept_[0]))


def rescore(events: Sequence[Event], doc: Doc, model: ArticleConfidence | None) -> None:
    """Replace the confidence of the article's reported events by the model's."""
    if model is None:
        return
    for e in events:
        if e.modality in ("asserted", "historical"):
            e.confidence = round(model.predict(features(e, doc)), 3)


def trained_on() -> list[str]:
    """The names of the gold files the shipped model was fitted on (none if it is absent)."""
    path = data_dir() / "coder" / MODEL_FILE
    if not path.exists():
        return []
    return list(json.loads(path.read_text(encoding="utf-8")).get("trained_on", []))


@resource("article_confidence")
def _load(resources: Resources) -> ArticleConfidence | None:
    if "article_confidence" in resources.options:
        return resources.options["article_confidence"] or None  # given (cross-validation) or off
    path = data_dir() / "coder" / MODEL_FILE
    return ArticleConfidence.load(path) if path.exists() else None
