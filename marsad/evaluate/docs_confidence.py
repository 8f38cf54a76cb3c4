"""Held-out confidence of article events: cross-validation of `coder.article_confidence`
by document.

The model learns from two sets of articles: the article gold (an event is right when it
matches a gold event) and the audit of real articles (right when judged `right` or
`type`). The extractor runs once with the article model off, so each event keeps its
sentence-level score as a feature; each fold fits the model on the other folds' events
plus every event of the other set, and scores its own. The (confidence, right) pairs of
all folds make the held-out reliability tables of `marsad evaluate docs --folds K` and
`marsad evaluate audit --folds K`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from marsad.coder.article_confidence import features, fit
from marsad.doc import Doc
from marsad.evaluate.audit import Judged, audit_docs, found, load_audit
from marsad.evaluate.docs import (
    GoldDoc,
    Resolved,
    asserted,
    extract_docs,
    load_gold,
    match_events,
    resolve_texts,
)
from marsad.resources import Resources

Rows = list[tuple[list[float], bool]]


def event_rows(gold_docs: Sequence[GoldDoc], docs: Sequence[Doc]) -> list[Rows]:
    """Per document: (features, matched a gold event) for each asserted predicted event."""
    out = []
    for g, d in zip(gold_docs, docs, strict=True):
        preds = asserted(d.events)
        got = {pi for _, pi in match_events(g.events, preds)}
        out.append([(features(e, d), i in got) for i, e in enumerate(preds)])
    return out


def audit_rows(judged: Sequence[Judged], resolved: Sequence[Resolved],
               docs: Sequence[Doc]) -> list[Rows]:
    """Per audited article: (features, a real event the article reports) for each judged
    event the extractor still outputs."""
    by_url = {r.doc.url: d for r, d in zip(resolved, docs, strict=True)}
    out: dict[str, Rows] = {}
    for j in judged:
        d = by_url.get(j.url)
        e = found(j, asserted(d.events)) if d is not None else None
        if e is not None:
            out.setdefault(j.url, []).append((features(e, d), j.real))
    return list(out.values())


def cross_validate(rows: Sequence[Rows], k: int, also: Sequence[Rows] = ()) -> list[tuple[float, bool]]:
    """(held-out confidence, right) for every event of `rows`; documents go to folds
    round-robin, and every fold also trains on `also` (the other set's documents)."""
    if k < 2 or k > len(rows):
        raise ValueError(f"--folds must be between 2 and the number of documents ({len(rows)})")
    extra = [r for doc in also for r in doc]
    out: list[tuple[float, bool]] = []
    for fold in range(k):
        train = extra + [r for i, doc in enumerate(rows) if i % k != fold for r in doc]
        test = [r for i, doc in enumerate(rows) if i % k == fold for r in doc]
        if not test:
            continue
        model = fit([x for x, _ in train], [y for _, y in train])
        out += [(model.predict(x), y) for x, y in test]
    return out


def unscored_docs(resolved: Sequence[Resolved]) -> list[Doc]:
    """Extract with the article model off: each event keeps its sentence-level score."""
    return extract_docs(resolved, resources=Resources(options={"article_confidence": None}))


def gold_file_rows(path: str | Path, corpus: str | Path, shared: str | Path) -> list[Rows]:
    """The article gold's training rows, per document."""
    resolved = resolve_texts(load_gold(path), corpus, shared)
    return event_rows([r.doc for r in resolved], unscored_docs(resolved))


def audit_file_rows(path: str | Path, corpus: str | Path) -> list[Rows]:
    """The audit's training rows, per article."""
    judged = load_audit(path)
    resolved = resolve_texts(audit_docs(judged), corpus)
    return audit_rows(judged, resolved, unscored_docs(resolved))
