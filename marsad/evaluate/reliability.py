"""Reliability of `Event.confidence`: how often events in each confidence band are right.

The issue's bar for confidence is that it means something: on the dev gold, events with
higher confidence should be right more often. `reliability` bins (confidence, correct)
pairs into fixed bands and reports, per band, how many events fell in it, how many were
right, the share right and the mean confidence, plus the Brier score over all pairs and the
ROC AUC (the chance that a right event outranks a wrong one; 0.5 is no better than chance). The
callers decide what "right" is: a GSR sentence labelled `yes` (`marsad evaluate gsr`), a
predicted event matched to a gold event (`marsad evaluate docs`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

#: band edges; the last band includes 1.0
EDGES: tuple[float, ...] = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass(slots=True)
class Band:
    low: float
    high: float
    events: int = 0
    correct: int = 0
    confidence_sum: float = 0.0

    @property
    def share_correct(self) -> float | None:
        return self.correct / self.events if self.events else None

    @property
    def mean_confidence(self) -> float | None:
        return self.confidence_sum / self.events if self.events else None

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {"low": self.low, "high": self.high, "events": self.events,
                "correct": self.correct, "share_correct": r(self.share_correct),
                "mean_confidence": r(self.mean_confidence)}


@dataclass(slots=True)
class Reliability:
    bands: list[Band]
    brier: float | None  # mean squared gap between confidence and 0/1 correctness
    auc: float | None = None  # None unless there are both right and wrong events

    @property
    def events(self) -> int:
        return sum(b.events for b in self.bands)

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events,
                "brier": None if self.brier is None else round(self.brier, 4),
                "auc": None if self.auc is None else round(self.auc, 4),
                "bands": [b.to_dict() for b in self.bands if b.events]}


def reliability(pairs: Iterable[tuple[float, bool]], edges: Sequence[float] = EDGES) -> Reliability:
    """Bin (confidence, correct) pairs into the bands between consecutive `edges`."""
    if len(edges) < 2 or list(edges) != sorted(edges):
        raise ValueError("edges must be at least two increasing numbers")
    bands = [Band(lo, hi) for lo, hi in zip(edges, edges[1:], strict=False)]
    squared, n = 0.0, 0
    scored: list[tuple[float, bool]] = []
    for conf, ok in pairs:
        conf = min(max(float(conf), edges[0]), edges[-1])
        band = next((b for b in bands if conf < b.high), bands[-1])
        band.events += 1
        band.correct += int(ok)
        band.confidence_sum += conf
        squared += (conf - float(ok)) ** 2
        n += 1
        scored.append((conf, bool(ok)))
    return Reliability(bands, squared / n if n else None, _auc(scored))


def _auc(scored: list[tuple[float, bool]]) -> float | None:
    labels = {ok for _, ok in scored}
    if len(labels) < 2:
        return None
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score([ok for _, ok in scored], [c for c, _ in scored]))


def format_reliability(rel: Reliability, title: str) -> list[str]:
    """Plain-text lines: one per non-empty band."""
    lines = [title, f"{'confidence':<12}{'events':>7}{'right':>7}{'share right':>13}{'mean conf':>11}"]
    for b in rel.bands:
        if b.events:
            lines.append(f"{b.low:.1f}-{b.high:.1f}{'':<5}{b.events:>7}{b.correct:>7}"
                         f"{b.share_correct:>13.3f}{b.mean_confidence:>11.3f}")
    brier = "-" if rel.brier is None else f"{rel.brier:.3f}"
    auc = "-" if rel.auc is None else f"{rel.auc:.3f}"
    lines.append(f"{rel.events} events, Brier score {brier}, ROC AUC {auc}")
    return lines
