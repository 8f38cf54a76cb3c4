"""Deduplication gold and its pairwise scorer.

The gold (gold/dedup-dev.json, format in gold/README.md) lists clusters of SaudiNewsNet
articles, by URL, that report the same real event, and near-misses: pairs of clusters that
look alike (same day and town, or same kind of event on another day) but are different
events. Two articles are a gold pair when they share a gold cluster; a predicted pair when
events extracted from them share a cluster of `marsad.merge.dedup.cluster_events`.
Precision and recall are over article pairs (`pairwise_scores`, a pure function).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from marsad.doc import Event
from marsad.errors import InputError

Pair = tuple[str, str]


@dataclass(slots=True)
class GoldCluster:
    id: str
    event: str  # a one-line English description of the real event
    urls: list[str]
    date: str | None = None
    place: str | None = None


@dataclass(slots=True)
class NearMiss:
    clusters: tuple[str, str]  # ids of two gold clusters that must stay apart
    why: str


@dataclass(slots=True)
class DedupGold:
    clusters: list[GoldCluster]
    near_misses: list[NearMiss] = field(default_factory=list)

    @property
    def urls(self) -> list[str]:
        seen: dict[str, None] = {}
        for c in self.clusters:
            for u in c.urls:
                seen.setdefault(u, None)
        return list(seen)


def load_dedup_gold(path: str | Path) -> DedupGold:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        clusters = [GoldCluster(c["id"], c.get("event", ""), list(c["urls"]), c.get("date"), c.get("place"))
                    for c in raw["clusters"]]
        near = [NearMiss((m["clusters"][0], m["clusters"][1]), m.get("why", ""))
                for m in raw.get("near_misses", [])]
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(f"cannot read the dedup gold {path}: {exc!r}. "
                         "See gold/README.md for the format.") from exc
    ids = {c.id for c in clusters}
    bad = [m.clusters for m in near if not set(m.clusters) <= ids]
    if bad:
        raise InputError(f"{path}: near-misses name unknown clusters {bad[:3]}.")
    return DedupGold(clusters, near)


def pairs_of(clusters: Iterable[Iterable[str]]) -> set[Pair]:
    """Unordered pairs of distinct documents that share a cluster."""
    out: set[Pair] = set()
    for c in clusters:
        members = sorted(set(c))
        out.update(combinations(members, 2))
    return out


@dataclass(slots=True)
class PairScores:
    tp: int
    fp: int
    fn: int
    near_miss_pairs: int = 0  # gold near-miss article pairs
    near_miss_merged: int = 0  # of those, wrongly put together

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1, "near_miss_pairs": self.near_miss_pairs,
                "near_miss_merged": self.near_miss_merged}


def pairwise_scores(gold: Iterable[Iterable[str]], predicted: Iterable[Iterable[str]],
                    near_misses: Iterable[Pair] = ()) -> PairScores:
    """Pairwise precision/recall of a predicted clustering of documents against the gold.

    Only documents that occur in the gold are scored (a prediction may hold others).
    """
    gold = [list(c) for c in gold]
    universe = {d for c in gold for d in c}
    gold_pairs = pairs_of(gold)
    pred_pairs = pairs_of([d for d in c if d in universe] for c in predicted)
    near = {tuple(sorted(p)) for p in near_misses} - gold_pairs
    return PairScores(
        tp=len(gold_pairs & pred_pairs),
        fp=len(pred_pairs - gold_pairs),
        fn=len(gold_pairs - pred_pairs),
        near_miss_pairs=len(near),
        near_miss_merged=len(near & pred_pairs),
    )


def near_miss_pairs(gold: DedupGold) -> set[Pair]:
    """Article pairs across each near-miss pair of clusters."""
    by_id = {c.id: c for c in gold.clusters}
    out: set[Pair] = set()
    for m in gold.near_misses:
        a, b = (by_id[i] for i in m.clusters)
        out.update(tuple(sorted((x, y))) for x in a.urls for y in b.urls if x != y)
    return out


def document_clusters(items: Sequence[tuple[str, Event]], clusters: Iterable[Iterable[int]]) -> list[list[str]]:
    """Event clusters (indexes into `items`) -> clusters of the documents the events came from."""
    return [sorted({items[i][0] for i in c}) for c in clusters]


def cluster_function() -> Any:
    """`marsad.merge.dedup.cluster_events`, imported late: it is written alongside this scorer."""
    try:
        from marsad.merge.dedup import cluster_events
    except ImportError as exc:
        raise InputError(
            "marsad.merge.dedup.cluster_events is not available yet "
            f"({exc}); the cross-document deduplication has to land before it can be scored."
        ) from exc
    return cluster_events


def score_dedup(gold: DedupGold, items: Sequence[tuple[str, Event]],
                clusters: Iterable[Iterable[int]]) -> PairScores:
    """Score an event clustering (indexes into `items`, whose first element is the URL)."""
    return pairwise_scores([c.urls for c in gold.clusters], document_clusters(items, clusters),
                           near_miss_pairs(gold))


def format_pair_scores(s: PairScores, *, articles: int, events: int) -> str:
    def pct(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    return "\n".join([
        f"{articles} articles, {events} asserted events clustered",
        f"pairs: tp {s.tp}  fp {s.fp}  fn {s.fn}",
        f"precision {pct(s.precision)}  recall {pct(s.recall)}  F1 {pct(s.f1)}",
        f"near-miss article pairs wrongly merged: {s.near_miss_merged} of {s.near_miss_pairs}",
    ])
