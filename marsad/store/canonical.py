"""Canonical events: apply cross-document deduplication (marsad.merge.dedup) to a store.

Each pass re-clusters every asserted mention and rewrites the `events` table in one
transaction. The history is kept in `event_links` (a link that no longer holds is marked
undone, never deleted), an event keeps its id while its earliest mention stays in it, and
an analyst's status on an event (e.g. rejected) survives the pass. A merge is reversed by
`split_mention`, which records keep-apart pairs that every later pass honours;
`allow_merge` removes them again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, insert, or_, select, update

from marsad.merge.dedup import cluster_with_reasons
from marsad.store import models as m
from marsad.store.rows import EVENT_COLUMNS

if TYPE_CHECKING:
    from marsad.store import Store


@dataclass
class DedupStats:
    mentions: int = 0
    events: int = 0
    merged: int = 0  # mentions that joined another mention's event
    run_id: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def event_id_for(first_mention: str) -> str:
    return "ev-" + hashlib.sha256(first_mention.encode()).hexdigest()[:16]


def _canonical(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One event's columns from its mentions: the most confident mention, with the
    earliest date and the lowest reported fatality count (ACLED's conservative rule)."""
    best = max(rows, key=lambda r: r["confidence"] or 0.0)  # ties: the first
    out = {c: best[c] for c in EVENT_COLUMNS}
    dates = [r["event_date"] for r in rows if r["event_date"] is not None]
    if dates:
        out["event_date"] = min(dates)
    tolls = [r["fatalities"] for r in rows if r["fatalities"] is not None]
    out["fatalities"] = min(tolls) if tolls else None
    out["civilian_targeting"] = any(r["civilian_targeting"] for r in rows)
    return out


def deduplicate_store(store: Store, *, window_days: int = 2, max_km: float = 25.0) -> DedupStats:
    """Re-cluster the store's asserted mentions into canonical events."""
    cols = [getattr(m.Mention, c) for c in EVENT_COLUMNS]
    with store.read() as conn:
        rows = [dict(r) for r in conn.execute(
            select(m.Mention.id, m.Mention.document_id, m.Mention.outlet, m.Mention.payload,
                   m.Document.outlet.label("doc_outlet"), *cols)
            .join(m.Document, m.Document.id == m.Mention.document_id)
            .where(m.Mention.modality == "asserted").order_by(m.Mention.id)).mappings()]
        apart_rows = conn.execute(select(m.KeepApart.mention_a, m.KeepApart.mention_b)).all()
        old_status = dict(conn.execute(select(m.Event.id, m.Event.status)).all())
        active = {(e, mid) for e, mid in conn.execute(
            select(m.EventLink.event_id, m.EventLink.mention_id)
            .where(m.EventLink.undone_at.is_(None))).all()}
    index = {r["id"]: i for i, r in enumerate(rows)}
    apart = [(index[a], index[b]) for a, b in apart_rows if a in index and b in index]
    clusters = cluster_with_reasons([(r["document_id"], r["payload"]) for r in rows],
                                    window_days=window_days, max_km=max_km, keep_apart=apart)
    run_id = store.start_run("dedup", window_days=window_days, max_km=max_km)
    now = dt.datetime.now(dt.UTC)
    events, links, assign, want = [], [], [], set()
    stats = DedupStats(mentions=len(rows), events=len(clusters), run_id=run_id)
    for c in clusters:
        members = [rows[i] for i in c.members]
        eid = event_id_for(members[0]["id"])
        outlets = sorted({r["outlet"] or r["doc_outlet"] or "unknown" for r in members})
        reasons = [c.reasons[i] for i in c.members if i in c.reasons]
        events.append({"id": eid, **_canonical(members), "n_mentions": len(members),
                       "n_documents": len({r["document_id"] for r in members}),
                       "sources": "; ".join(outlets), "merge_reason": reasons[0] if reasons else None,
                       "status": old_status.get(eid, "active"), "dedup_run_id": run_id,
                       "created_at": now})
        stats.merged += len(members) - 1
        for i in c.members:
            mid = rows[i]["id"]
            assign.append({"mid": mid, "eid": eid})
            want.add((eid, mid))
            if (eid, mid) not in active:
                links.append({"event_id": eid, "mention_id": mid, "run_id": run_id,
                              "reason": c.reasons.get(i, "first report"), "created_at": now})
    with store.write() as conn:
        gone = active - want
        for eid, mid in gone:
            conn.execute(update(m.EventLink).where(
                m.EventLink.event_id == eid, m.EventLink.mention_id == mid,
                m.EventLink.undone_at.is_(None)).values(undone_at=now, undone_reason="re-clustered"))
        conn.execute(delete(m.Event))
        if events:
            conn.execute(insert(m.Event), events)
        if links:
            conn.execute(insert(m.EventLink), links)
        conn.execute(update(m.Mention).values(event_id=None))
        if assign:
            conn.execute(update(m.Mention).where(m.Mention.id == bindparam("mid"))
                         .values(event_id=bindparam("eid")), assign)
    store.finish_run(run_id, stats.to_dict())
    return stats


def split_mention(store: Store, mention_id: str, reason: str = "split by analyst") -> DedupStats:
    """Take a mention out of its canonical event (reversing the merge) and keep it apart."""
    with store.write() as conn:
        eid = conn.execute(select(m.Mention.event_id).where(m.Mention.id == mention_id)).scalar()
        mates = [] if eid is None else list(conn.execute(select(m.Mention.id).where(
            m.Mention.event_id == eid, m.Mention.id != mention_id)).scalars())
        for other in mates:
            a, b = sorted((mention_id, other))
            conn.execute(store._insert(m.KeepApart), [{"mention_a": a, "mention_b": b,
                                                       "reason": reason,
                                                       "created_at": dt.datetime.now(dt.UTC)}])
    return deduplicate_store(store)


def allow_merge(store: Store, mention_id: str) -> DedupStats:
    """Undo `split_mention`: forget the keep-apart pairs of this mention and re-cluster."""
    with store.write() as conn:
        conn.execute(delete(m.KeepApart).where(or_(m.KeepApart.mention_a == mention_id,
                                                   m.KeepApart.mention_b == mention_id)))
    return deduplicate_store(store)
