"""Held-out confidence of article events: cross-validation of `coder.article_confidence`
by document on the article gold.

The extractor runs once with the article model off, so each event keeps its sentence-level
score as a feature; each fold fits the model on the other folds' events (matched to a gold
event or not) and scores its own. The (confidence, matched) pairs of all folds make the
reliability table of `marsad evaluate docs --folds K`.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coder.article_confidence import features, fit
from marsad.doc import Doc
from marsad.evaluate.docs import GoldDoc, asserted, match_events

Rows = list[tuple[list[float], bool]]


def event_rows(gold_docs: Sequence[GoldDoc], docs: Sequence[Doc]) -> list[Rows]:
    """Per document: (features, matched a gold event) for each asserted predicted event."""
    out = []
    for g, d in zip(gold_docs, docs, strict=True):
        preds = asserted(d.events)
        got = {pi for _, pi in match_events(g.events, preds)}
        out.append([(features(e, d), i in got) for i, e in enumerate(preds)])
    return out


def cross_validate(rows: Sequence[Rows], k: int) -> list[tuple[float, bool]]:
    """(held-out confidence, matched) for every event; documents go to folds round-robin."""
    if k < 2 or k > len(rows):
        raise ValueError(f"--folds must be between 2 and the number of documents ({len(rows)})")
    out: list[tuple[float, bool]] = []
    for fold in range(k):
        train = [r for i, doc in enumerate(rows) if i % k != fold for r in doc]
        test = [r for i, doc in enumerate(rows) if i % k == fold for r in doc]
        if not test:
            continue
        model = fit([x for x, _ in train], [y for _, y in train])
        out += [(model.predict(x), y) for x, y in test]
    return out
