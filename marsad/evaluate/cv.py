"""K-fold cross-validation of a learned component on the GSR sentences.

Folds are drawn by article, never by sentence: sentences with the same document id
prefix (and sentences sharing a text) stay in one fold, so no held-out sentence has a
sibling in training. The split depends only on the ids and texts, not on input order.
Each fold trains on the other K-1 folds and is scored with `score_gsr`; the confusion
counts of the K held-out folds are summed, so no figure is computed on training data.

A trainable component is `train(sentences) -> model`; `predict_with(model)` returns the
`Predict` function that uses it (for the extractor: `Resources(options={"event_model":
model})`, see `extractor_with_model`).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from typing import Any

from marsad.evaluate.gsr import GsrScores, Predict, extractor_predict, score_gsr
from marsad.evaluate.gsr_data import GsrSentence, unique_sentences

Train = Callable[[list[GsrSentence]], Any]


class FoldError(ValueError):
    """The sentences cannot be split into the folds asked for."""


def assign_folds(sentences: Sequence[GsrSentence], k: int, seed: int = 0) -> list[int]:
    """The fold (0..k-1) of each sentence, whole articles per fold, sizes balanced. `seed`
    draws another split of the same kind (0 is the split every reported figure used): the
    learned gate moves by a few points of F1 with the draw alone, so compare changes to it
    over several seeds."""
    if k < 2:
        raise FoldError("cross-validation needs at least 2 folds (--folds 2 or more)")
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for s in sentences:  # an article and every text it shares are one group
        union("doc:" + s.doc_key, "text:" + " ".join(s.text.split()))
    sizes: dict[str, int] = {}
    for s in sentences:
        root = find("doc:" + s.doc_key)
        sizes[root] = sizes.get(root, 0) + 1
    if len(sizes) < k:
        raise FoldError(f"{len(sizes)} articles cannot fill {k} folds; use fewer folds")
    # a stable shuffle (hash order), then each group to the currently smallest fold
    salt = f"{seed}:" if seed else ""
    order = sorted(sizes, key=lambda g: hashlib.sha256((salt + g).encode()).hexdigest())
    load = [0] * k
    fold_of: dict[str, int] = {}
    for g in order:
        f = min(range(k), key=lambda i: (load[i], i))
        fold_of[g] = f
        load[f] += sizes[g]
    return [fold_of[find("doc:" + s.doc_key)] for s in sentences]


def cross_validate(
    sentences: Sequence[GsrSentence],
    train: Train,
    predict_with: Callable[[Any], Predict],
    k: int = 5,
    on_fold: Callable[[int, int, float], None] | None = None,
    seed: int = 0,
) -> GsrScores:
    """Held-out scores of `train` summed over `k` folds (`on_fold(i, k, seconds)` after each),
    on the split `seed` draws (`assign_folds`)."""
    unique, dropped = unique_sentences(sentences)
    folds = assign_folds(unique, k, seed)
    total = GsrScores(duplicates=dropped, folds=k)
    for i in range(k):
        train_set = [s for s, f in zip(unique, folds, strict=True) if f != i]
        held_out = [s for s, f in zip(unique, folds, strict=True) if f == i]
        t = time.perf_counter()
        model = train(train_set)
        total.add(score_gsr(held_out, predict_with(model)))
        if on_fold is not None:
            on_fold(i + 1, k, time.perf_counter() - t)
    return total


def extractor_with_model(
    pipeline: Sequence[str] | None = None, extra_actor_files: Sequence[str] = (),
    gate: bool | None = None,
) -> Callable[[Any], Predict]:
    """`predict_with` for the extractor: a fresh `Resources` carrying the model (compiled
    matchers come back from the on-disk cache, so a fold costs little more than loading).
    `gate=None` keeps the gate's default (on for one-sentence documents), as users run it;
    `gate=False` keeps every candidate, each with its held-out probability as confidence."""
    from marsad.resources import Resources

    def predict_with(model: Any) -> Predict:
        res = Resources(extra_actor_files=extra_actor_files,
                        options={"event_model": model, "gate": gate})
        return extractor_predict(res, pipeline)

    return predict_with


def coder_train() -> Train:
    """`marsad.coder.model.train`, or a clear error when the learned coder is not installed."""
    try:
        from marsad.coder import model as coder_model
    except ImportError as exc:
        raise LookupError(
            "--folds needs a learned event coder (marsad.coder.model with a train function), "
            f"which this installation does not have ({exc}); score without --folds"
        ) from exc
    train = getattr(coder_model, "train", None)
    if not callable(train):
        raise LookupError(
            "marsad.coder.model has no train(sentences) function, so there is nothing to "
            "cross-validate; score without --folds"
        )
    return train
