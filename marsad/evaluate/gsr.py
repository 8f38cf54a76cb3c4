"""Scoring the extractor on the GSR sentences: the `score_gsr` function behind `marsad evaluate gsr`.

Sentence mode: each sentence is a document dated from its id. A sentence is predicted
positive for a PLOVER type when some event of that type has modality "asserted" or
"historical" (a denial, a threat or a plan is not an event). Strict scores put `yes`
against `easy no` + `difficult no`, clean scores `yes` against `easy no`; `ambiguous` is
never scored. A text that occurs twice for one type counts once.

`predict` is any function from sentences to predictions, so tests can score a fake
predictor with known counts and cross-validation can score a model it trained.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.doc import Event, Span
from marsad.evaluate.gsr_actors import ActorAgreement, agreement
from marsad.evaluate.gsr_data import LABELS, GsrSentence, unique_sentences
from marsad.evaluate.reliability import Reliability, reliability

#: event modalities that make a sentence positive
COUNTED_MODALITIES = ("asserted", "historical")
NEGATIVES = {"strict": ("easy no", "difficult no"), "clean": ("easy no",)}


@dataclass
class Prediction:
    """What the extractor returned for one sentence."""

    events: list[Event] = field(default_factory=list)  # every event, whatever its modality
    error: str | None = None  # the extractor failed on this sentence
    spans: list[Span] = field(default_factory=list)  # entities found (for error reports)

    def positive_events(self, plover_type: str) -> list[Event]:
        return [
            e for e in self.events
            if e.plover.get("type") == plover_type and e.modality in COUNTED_MODALITIES
        ]

    def is_positive(self, plover_type: str) -> bool:
        return bool(self.positive_events(plover_type))


Predict = Callable[[Sequence[GsrSentence]], Sequence[Prediction]]


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Confusion) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Outcome:
    """One scored sentence, kept for the error report."""

    sentence: GsrSentence
    prediction: Prediction
    positive: bool

    @property
    def kind(self) -> str:
        """TP / FP / FN / TN under the strict definition ('' for ambiguous)."""
        gold = self.sentence.label
        if gold == "ambiguous":
            return ""
        if gold == "yes":
            return "TP" if self.positive else "FN"
        return "FP" if self.positive else "TN"


@dataclass
class TypeScores:
    plover_type: str
    strict: Confusion = field(default_factory=Confusion)
    clean: Confusion = field(default_factory=Confusion)
    # label -> [sentences, predicted positive]
    labels: dict[str, list[int]] = field(default_factory=lambda: {lb: [0, 0] for lb in LABELS})
    actors: ActorAgreement = field(default_factory=ActorAgreement)
    # (confidence of the sentence's best counted event, its label) for predicted positives
    confidences: list[tuple[float, str]] = field(default_factory=list)

    def count(self, label: str, positive: bool) -> None:
        self.labels[label][0] += 1
        self.labels[label][1] += int(positive)
        if label == "ambiguous":
            return
        for name, conf in (("strict", self.strict), ("clean", self.clean)):
            if label == "yes":
                if positive:
                    conf.tp += 1
                else:
                    conf.fn += 1
            elif label in NEGATIVES[name]:
                if positive:
                    conf.fp += 1
                else:
                    conf.tn += 1

    def add(self, other: TypeScores) -> None:
        self.strict.add(other.strict)
        self.clean.add(other.clean)
        for lb, (n, pos) in other.labels.items():
            self.labels[lb][0] += n
            self.labels[lb][1] += pos
        self.actors.add(other.actors)
        self.confidences.extend(other.confidences)

    def reliability(self, definition: str = "strict") -> Reliability:
        """Share of predicted positives labelled `yes`, per confidence band (the
        definition's negatives count as wrong; other labels are left out)."""
        scored = ("yes", *NEGATIVES[definition])
        return reliability((c, lb == "yes") for c, lb in self.confidences if lb in scored)

    def label_rates(self) -> dict[str, dict[str, Any]]:
        """Recall on `yes`, false-positive rate on the no's, positive rate on ambiguous."""
        names = {"yes": "recall", "ambiguous": "positive_rate"}
        return {
            lb: {
                "sentences": n,
                "predicted_positive": pos,
                names.get(lb, "false_positive_rate"): round(pos / n, 4) if n else None,
            }
            for lb, (n, pos) in self.labels.items()
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "strict": self.strict.to_dict(),
            "clean": self.clean.to_dict(),
            "labels": self.label_rates(),
            "actors": self.actors.to_dict(),
            "reliability": {d: self.reliability(d).to_dict() for d in NEGATIVES},
        }


@dataclass
class GsrScores:
    types: dict[str, TypeScores] = field(default_factory=dict)
    sentences: int = 0  # scored after removing duplicate texts (ambiguous included)
    duplicates: int = 0
    errors: int = 0  # sentences on which the extractor failed (counted as negative)
    outcomes: list[Outcome] = field(default_factory=list)
    folds: int | None = None

    def of(self, plover_type: str) -> TypeScores:
        if plover_type not in self.types:
            self.types[plover_type] = TypeScores(plover_type)
        return self.types[plover_type]

    def add(self, other: GsrScores) -> None:
        """Sum another set of counts into this one (cross-validation folds)."""
        for t, ts in other.types.items():
            self.of(t).add(ts)
        self.sentences += other.sentences
        self.duplicates += other.duplicates
        self.errors += other.errors
        self.outcomes.extend(other.outcomes)

    def failing(self, min_f1: float) -> list[str]:
        """Types whose strict F1 is below `min_f1`."""
        return [t for t, ts in sorted(self.types.items()) if ts.strict.f1 < min_f1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "duplicates_dropped": self.duplicates,
            "errors": self.errors,
            "folds": self.folds,
            "counted_modalities": list(COUNTED_MODALITIES),
            "types": {t: ts.to_dict() for t, ts in sorted(self.types.items())},
        }


def score_gsr(sentences: Sequence[GsrSentence], predict: Predict) -> GsrScores:
    """Score `predict` on the sentences (duplicates of a text for one type count once)."""
    unique, dropped = unique_sentences(sentences)
    predictions = list(predict(unique))
    if len(predictions) != len(unique):
        raise ValueError(
            f"predict returned {len(predictions)} predictions for {len(unique)} sentences; "
            "it must return one per sentence, in order"
        )
    scores = GsrScores(sentences=len(unique), duplicates=dropped)
    for s, p in zip(unique, predictions, strict=True):
        positive = p.is_positive(s.event_type)
        ts = scores.of(s.event_type)
        ts.count(s.label, positive)
        if positive:
            ts.confidences.append((max(e.confidence for e in p.positive_events(s.event_type)), s.label))
        scores.errors += int(p.error is not None)
        scores.outcomes.append(Outcome(s, p, positive))
        if s.label == "yes" and s.has_spans:
            ts.actors.add(agreement(s, p.positive_events(s.event_type)))
    return scores


def extractor_predict(
    resources: Any = None,
    pipeline: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Predict:
    """A `Predict` that runs `marsad.extract` on each sentence, dated from its id."""
    from marsad.errors import MarsadError
    from marsad.extract import extract
    from marsad.pipeline import DEFAULT_PIPELINE
    from marsad.resources import default_resources

    res = resources or default_resources()
    names = tuple(pipeline or DEFAULT_PIPELINE)

    def predict(sentences: Sequence[GsrSentence]) -> list[Prediction]:
        cache: dict[tuple[str, Any], Prediction] = {}  # one run per (text, date)
        out = []
        for n, s in enumerate(sentences, 1):
            key = (s.text, s.published)
            if key not in cache:
                try:
                    doc = extract(
                        s.text, id=s.id, published=s.published, resources=res, pipeline=names
                    )
                    cache[key] = Prediction(events=list(doc.events), spans=list(doc.spans))
                except MarsadError as exc:  # one bad sentence never stops the run
                    cache[key] = Prediction(error=str(exc))
            out.append(cache[key])
            if progress is not None:
                progress(n, len(sentences))
        return out

    return predict
