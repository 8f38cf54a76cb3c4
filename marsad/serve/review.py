"""Review actions: accept, edit, reject, merge, split, and revert any of them.

Every action is one row in the store's append-only `reviews` table (who, when, field,
before, after) written in the same transaction as its effect; `review_state` is then
recomputed from the log, so reverting is just one more row and the machine's values are
never overwritten.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from marsad.serve.records import EDITABLE, check_value, reverted_ids
from marsad.serve.tables import ReviewState
from marsad.store.canonical import event_id_for
from marsad.store.models import Event, EventLink, KeepApart, Mention, Review
from marsad.store.rows import EVENT_COLUMNS

FILTER_COLUMNS = ("event_type", "sub_event_type", "plover_type", "event_date", "country", "admin1", "lat", "lon")


class ReviewError(ValueError):
    """A review that cannot be applied; the message says why (HTTP 409 or 422)."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _event(conn: Connection, event_id: str) -> Any:
    ev = conn.execute(select(Event).where(Event.id == event_id)).first()
    if ev is None:
        raise ReviewError(f"no event {event_id!r}", 404)
    return ev


def _log(conn: Connection, event_id: str, action: str, who: str, *, field: str | None = None,
         before: Any = None, after: Any = None, note: str | None = None) -> int:
    return int(conn.execute(
        insert(Review).values(target_kind="event", target_id=event_id, action=action, field=field,
                              old_value=before, new_value=after, reviewer=who, note=note, created_at=_now())
        .returning(Review.id)
    ).scalar_one())


def recompute_state(conn: Connection, event_id: str) -> None:
    """review_state of one event from its review log (reverted rows left out)."""
    rows = conn.execute(
        select(Review).where(Review.target_kind == "event", Review.target_id == event_id).order_by(Review.id)
    ).all()
    undone = reverted_ids(conn, event_id)
    decision: str | None = None
    overrides: dict[str, Any] = {}
    for r in rows:
        if r.id in undone or r.action == "revert":
            continue
        if r.action in ("accept", "reject"):
            decision = r.action
        elif r.action == "edit" and r.field:
            overrides[r.field] = r.new_value
    ev = _event(conn, event_id)
    merged_into = None
    if ev.status == "merged":
        status: str | None = "merged"
        merged_into = _merged_into(conn, event_id)
    elif decision == "reject":
        status = "rejected"
    elif overrides:
        status = "edited"
    elif decision == "accept":
        status = "accepted"
    else:
        status = None
    if ev.status != "merged":  # the store's exporter and dedup pass honour events.status
        want = "rejected" if status == "rejected" else "active"
        if ev.status != want:
            conn.execute(update(Event).where(Event.id == event_id).values(status=want))
    conn.execute(delete(ReviewState).where(ReviewState.event_id == event_id))
    if status is None:
        return
    cols = {c: overrides.get(c) for c in FILTER_COLUMNS}
    if cols["event_date"]:
        cols["event_date"] = dt.date.fromisoformat(cols["event_date"])
    conn.execute(insert(ReviewState).values(event_id=event_id, status=status, merged_into=merged_into,
                                            overrides=overrides, updated_at=_now(), **cols))


def _merged_into(conn: Connection, event_id: str) -> str | None:
    """The event this one was last merged into (its own "merge" row says where)."""
    undone = reverted_ids(conn, event_id)
    for r in conn.execute(select(Review).where(Review.target_kind == "event", Review.target_id == event_id,
                                               Review.action == "merge").order_by(Review.id.desc())).all():
        if r.id not in undone and isinstance(r.new_value, dict) and r.new_value.get("into") != event_id:
            return r.new_value.get("into")
    return None


# --- the actions -------------------------------------------------------------------------


def decide(conn: Connection, event_id: str, action: str, who: str, note: str | None = None) -> int:
    ev = _event(conn, event_id)
    if ev.status == "merged":
        raise ReviewError(f"event {event_id} was merged into another; review that one")
    rid = _log(conn, event_id, action, who, note=note)
    recompute_state(conn, event_id)
    return rid


def edit(conn: Connection, event_id: str, field: str, value: Any, who: str, note: str | None = None) -> int:
    ev = _event(conn, event_id)
    if ev.status == "merged":
        raise ReviewError(f"event {event_id} was merged into another; edit that one")
    try:
        new = check_value(field, value)
    except ValueError as exc:
        raise ReviewError(str(exc), 422) from None
    state = conn.execute(select(ReviewState).where(ReviewState.event_id == event_id)).first()
    current = (state.overrides or {}).get(field, getattr(ev, field)) if state else getattr(ev, field)
    if isinstance(current, dt.date):
        current = current.isoformat()
    rid = _log(conn, event_id, "edit", who, field=field, before=current, after=new, note=note)
    recompute_state(conn, event_id)
    return rid


def _refresh_counts(conn: Connection, event_id: str) -> None:
    n_m, n_d = conn.execute(
        select(func.count(), func.count(func.distinct(Mention.document_id))).where(Mention.event_id == event_id)
    ).one()
    outlets = conn.execute(
        select(Mention.outlet).where(Mention.event_id == event_id, Mention.outlet.is_not(None)).distinct()
    ).scalars().all()
    conn.execute(update(Event).where(Event.id == event_id).values(
        n_mentions=n_m, n_documents=n_d, sources="; ".join(sorted(o for o in outlets if o)) or None))


def _move(conn: Connection, mention_ids: list[str], src: str, dst: str, reason: str) -> None:
    now = _now()
    conn.execute(update(Mention).where(Mention.id.in_(mention_ids)).values(event_id=dst))
    conn.execute(update(EventLink).where(EventLink.event_id == src, EventLink.mention_id.in_(mention_ids),
                                         EventLink.undone_at.is_(None)).values(undone_at=now, undone_reason=reason))
    conn.execute(insert(EventLink), [{"event_id": dst, "mention_id": m, "reason": reason, "created_at": now}
                                     for m in mention_ids])


def merge(conn: Connection, event_id: str, other_id: str, who: str, note: str | None = None) -> int:
    """Fold `other_id` into `event_id`: its mentions (and documents) join this event."""
    if other_id == event_id:
        raise ReviewError("an event cannot be merged with itself", 422)
    ev, other = _event(conn, event_id), _event(conn, other_id)
    if ev.status == "merged" or other.status == "merged":
        raise ReviewError("one of the two events was already merged into another; merge with that one")
    moved = list(conn.execute(select(Mention.id).where(Mention.event_id == other_id)).scalars())
    reason = f"merged by {who}"
    _move(conn, moved, other_id, event_id, reason)
    conn.execute(update(Event).where(Event.id == other_id).values(status="merged"))
    rid = _log(conn, event_id, "merge", who, before={"other": other_id, "other_status": other.status,
                                                      "mentions": moved}, after={"into": event_id}, note=note)
    _log(conn, other_id, "merge", who, before={"status": other.status}, after={"into": event_id},
         note=f"merged into {event_id} (review {rid})")
    _refresh_counts(conn, event_id)
    _refresh_counts(conn, other_id)
    recompute_state(conn, event_id)
    recompute_state(conn, other_id)
    return rid


def split(conn: Connection, event_id: str, document_id: str, who: str, note: str | None = None) -> tuple[int, str]:
    """Take the mentions of one document out of an event into a new event of their own."""
    ev = _event(conn, event_id)
    if ev.status == "merged":
        raise ReviewError(f"event {event_id} was merged into another; split that one")
    mentions = conn.execute(select(Mention).where(Mention.event_id == event_id).order_by(Mention.id)).all()
    moving = [m for m in mentions if m.document_id == document_id]
    staying = [m for m in mentions if m.document_id != document_id]
    if not moving:
        raise ReviewError(f"document {document_id!r} does not report event {event_id}", 422)
    if not staying:
        raise ReviewError("the event has no other document: nothing to split it from", 422)
    new_id = event_id_for(moving[0].id)  # the id a later deduplication pass gives this cluster
    first = moving[0]
    values = {c: getattr(first, c) for c in EVENT_COLUMNS}
    existing = conn.execute(select(Event.id).where(Event.id == new_id)).first()
    if existing:  # split before, reverted, now split again: bring the same id back
        conn.execute(update(Event).where(Event.id == new_id).values(status="active", **values))
    else:
        conn.execute(insert(Event).values(id=new_id, status="active", merge_reason=f"split by {who}",
                                          created_at=_now(), n_mentions=0, n_documents=0, **values))
    ids = [m.id for m in moving]
    _move(conn, ids, event_id, new_id, f"split by {who}")
    pairs = [{"mention_a": min(a.id, b.id), "mention_b": max(a.id, b.id), "reason": f"split by {who}",
              "created_at": _now()} for a in moving for b in staying]
    have = set(conn.execute(select(KeepApart.mention_a, KeepApart.mention_b)).tuples())
    fresh = [p for p in pairs if (p["mention_a"], p["mention_b"]) not in have]
    if fresh:
        conn.execute(insert(KeepApart), fresh)
    rid = _log(conn, event_id, "split", who, before={"mentions": ids},
               after={"new_event": new_id, "document_id": document_id, "keep_apart": [[p["mention_a"], p["mention_b"]] for p in fresh]},
               note=note)
    _refresh_counts(conn, event_id)
    _refresh_counts(conn, new_id)
    recompute_state(conn, event_id)
    recompute_state(conn, new_id)
    return rid, new_id


def revert(conn: Connection, review_id: int, who: str) -> tuple[int, str]:
    """Undo one review: one more row in the log; the effect is rolled back."""
    r = conn.execute(select(Review).where(Review.id == review_id)).first()
    if r is None or r.target_kind != "event":
        raise ReviewError(f"no review {review_id}", 404)
    if r.action == "revert":
        raise ReviewError("a revert cannot be reverted; make the change again instead", 422)
    if review_id in reverted_ids(conn, r.target_id):
        raise ReviewError(f"review {review_id} is already reverted")
    event_id = r.target_id
    if r.action == "merge" and isinstance(r.old_value, dict) and "other" in r.old_value:
        other = r.old_value["other"]
        back = [m for m in r.old_value.get("mentions", [])]
        here = set(conn.execute(select(Mention.id).where(Mention.event_id == event_id)).scalars())
        if not set(back) <= here:
            raise ReviewError("those mentions have moved since the merge (split?); revert that first")
        _move(conn, back, event_id, other, f"merge {review_id} reverted by {who}")
        conn.execute(update(Event).where(Event.id == other).values(status=r.old_value.get("other_status", "active")))
        for rr in conn.execute(select(Review).where(Review.target_id == other, Review.action == "merge")
                               .order_by(Review.id.desc())).all():
            if rr.note and f"(review {review_id})" in rr.note:
                _log(conn, other, "revert", who, before=rr.new_value, after={"reverts": rr.id})
                break
        rid = _log(conn, event_id, "revert", who, before=r.new_value, after={"reverts": review_id})
        _refresh_counts(conn, event_id)
        _refresh_counts(conn, other)
        recompute_state(conn, event_id)
        recompute_state(conn, other)
        return rid, event_id
    if r.action == "split" and isinstance(r.new_value, dict):
        new_id = r.new_value["new_event"]
        back = list((r.old_value or {}).get("mentions", []))
        there = set(conn.execute(select(Mention.id).where(Mention.event_id == new_id)).scalars())
        if not set(back) <= there:
            raise ReviewError("those mentions have moved since the split; revert that first")
        _move(conn, back, new_id, event_id, f"split {review_id} reverted by {who}")
        for a, b in r.new_value.get("keep_apart", []):
            conn.execute(delete(KeepApart).where(KeepApart.mention_a == a, KeepApart.mention_b == b))
        conn.execute(update(Event).where(Event.id == new_id).values(status="merged"))
        rid = _log(conn, event_id, "revert", who, before=r.new_value, after={"reverts": review_id})
        _refresh_counts(conn, event_id)
        _refresh_counts(conn, new_id)
        recompute_state(conn, event_id)
        recompute_state(conn, new_id)
        return rid, event_id
    if r.action == "merge":  # the absorbed side's row: revert through the surviving event
        raise ReviewError("revert the merge on the event it was merged into", 422)
    rid = _log(conn, event_id, "revert", who, before=r.new_value, after={"reverts": review_id},
               note=f"revert of {r.action}{' ' + r.field if r.field else ''}")
    recompute_state(conn, event_id)
    return rid, event_id


__all__ = ["EDITABLE", "ReviewError", "decide", "edit", "merge", "recompute_state", "revert", "split"]
