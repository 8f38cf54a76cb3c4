"""Event filters -> SQLAlchemy conditions. Every value is a bound parameter, never SQL text.

Reviewed values win: each filterable column is COALESCE(review_state.x, events.x).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass, fields
from typing import Any, Literal

from fastapi import Query
from fastapi.exceptions import RequestValidationError
from sqlalchemy import ColumnElement, Select, and_, column, func, or_, select, table, true
from sqlalchemy.sql import literal_column

from marsad.serve.tables import ReviewState
from marsad.store.models import Document, Event, Mention, MentionActor

REVIEW_STATUSES = ("unreviewed", "accepted", "edited", "rejected", "merged")
_NUM = r"\s*-?\d+(\.\d+)?\s*"
BBOX_PATTERN = rf"^{_NUM},{_NUM},{_NUM},{_NUM}$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise bad_query(name, f"{name} must be a real date, YYYY-MM-DD", value) from None


def bad_query(name: str, message: str, value: object) -> RequestValidationError:
    """A 422 in FastAPI's own format, for checks the OpenAPI schema cannot express."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": message, "input": value}])


_EFF: dict[str, ColumnElement] = {}


def eff(name: str) -> ColumnElement:
    """The effective value of a column: the reviewed one if there is one, else the machine's.
    (Built once per column: constructing SQL expressions costs more than running the query.)"""
    if name not in _EFF:
        _EFF[name] = func.coalesce(getattr(ReviewState, name), getattr(Event, name)).label(name)
    return _EFF[name]


@dataclass
class EventFilter:
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    plover_type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    bbox: str | None = None
    q: str | None = None
    min_confidence: float | None = None
    review_status: str | None = None

    def as_params(self) -> dict[str, str]:
        return {f.name: str(v) for f in fields(self) if (v := getattr(self, f.name)) not in (None, "")}


def event_filter(
    since: str | None = Query(None, pattern=DATE_PATTERN, description="first event date, YYYY-MM-DD"),
    until: str | None = Query(None, pattern=DATE_PATTERN, description="last event date, YYYY-MM-DD"),
    event_type: str | None = Query(None, max_length=80, description="ACLED event type"),
    sub_event_type: str | None = Query(None, max_length=80, description="ACLED sub-event type"),
    plover_type: str | None = Query(None, max_length=40, description="PLOVER event type"),
    actor: str | None = Query(None, max_length=200, description="actor id, or part of an English or Arabic name"),
    country: str | None = Query(None, max_length=2, description="ISO 3166 alpha-2"),
    admin1: str | None = Query(None, max_length=200),
    bbox: str | None = Query(None, max_length=100, pattern=BBOX_PATTERN, description="west,south,east,north in degrees"),
    q: str | None = Query(None, max_length=200, description="full-text query on the articles"),
    min_confidence: float | None = Query(None, ge=0, le=1),
    review_status: Literal["unreviewed", "accepted", "edited", "rejected", "merged"] | None = Query(None),
) -> EventFilter:
    if bbox:
        _parse_bbox(bbox)
    return EventFilter(_date("since", since), _date("until", until), event_type, sub_event_type, plover_type, actor, country,
                       admin1, bbox, q, min_confidence, review_status)


def _parse_bbox(bbox: str) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(x) for x in bbox.split(","))
    except ValueError:
        raise bad_query("bbox", "bbox must be four numbers: west,south,east,north", bbox) from None
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
        raise bad_query("bbox", "bbox out of range: west,south,east,north in degrees, south <= north", bbox)
    return w, s, e, n


def base_select(*cols: Any) -> Select:
    return select(*cols).select_from(Event).outerjoin(ReviewState, ReviewState.event_id == Event.id)


def date_arms(f: EventFilter) -> list[list[ColumnElement]]:
    """The date filter as disjoint arms, each cheap on its own: events whose machine date is
    in range (served by the date index, in order), and events whose reviewed date is in
    range while their machine date is not. Without a date filter: one arm, no condition."""
    if not (f.since or f.until):
        return [[]]
    lo, hi = f.since or dt.date.min, f.until or dt.date.max
    exact = eff("event_date").between(lo, hi)
    reviewed = select(ReviewState.event_id).where(ReviewState.event_date.between(lo, hi))
    return [
        [Event.event_date.between(lo, hi), exact],
        [Event.id.in_(reviewed), or_(Event.event_date.is_(None), ~Event.event_date.between(lo, hi)), exact],
    ]


def conditions(f: EventFilter, dialect: str, *, dates: bool = True) -> list[ColumnElement]:
    # an event merged away by an analyst is hidden while it has no mentions of its own (a
    # later deduplication pass that gives it mentions back makes it visible again)
    c: list[ColumnElement] = [or_(Event.status != "merged", Event.n_mentions > 0)]
    if dates and (f.since or f.until):
        c.append(or_(*[and_(*arm) for arm in date_arms(f)]))
    for name in ("event_type", "sub_event_type", "plover_type", "admin1"):
        value = getattr(f, name)
        if value:
            c.append(eff(name) == value)
    if f.country:
        c.append(eff("country") == f.country.upper())
    if f.min_confidence is not None:
        c.append(eff("confidence") >= f.min_confidence)
    if f.bbox:
        w, s, e, n = _parse_bbox(f.bbox)
        lon, lat = eff("lon"), eff("lat")
        c.append(lat.between(s, n))
        c.append(lon.between(w, e) if w <= e else or_(lon >= w, lon <= e))  # across the antimeridian
    if f.review_status == "unreviewed":
        c.append(ReviewState.status.is_(None))
    elif f.review_status:
        c.append(ReviewState.status == f.review_status)
    if f.actor:
        c.append(_actor_condition(f.actor))
    if f.q:
        c.append(Event.id.in_(select(Mention.event_id).where(Mention.document_id.in_(document_search(f.q, dialect)))))
    return c


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _actor_condition(actor: str) -> ColumnElement:
    pat = _like(actor.strip())
    in_mentions = select(Mention.event_id).join(MentionActor, MentionActor.mention_id == Mention.id).where(
        or_(
            MentionActor.actor_id == actor,
            MentionActor.name_en.ilike(pat, escape="\\"),
            MentionActor.name_ar.like(pat, escape="\\"),
        )
    )
    return or_(
        Event.actor1_name.ilike(pat, escape="\\"),
        Event.actor2_name.ilike(pat, escape="\\"),
        Event.actor1_name_ar.like(pat, escape="\\"),
        Event.actor2_name_ar.like(pat, escape="\\"),
        Event.id.in_(in_mentions),
    )


def fts_terms(q: str) -> list[str]:
    """Normalised words of a query (the FTS index holds normalised Arabic text)."""
    from marsad.text.normalise import normalise

    norm = normalise(q)
    text = getattr(norm, "text", norm)
    return [w for w in "".join(ch if ch.isalnum() else " " for ch in str(text)).split() if w][:12]


def document_search(q: str, dialect: str) -> Select:
    """ids of documents matching every word of `q` (FTS5 on SQLite, tsvector on PostgreSQL)."""
    terms = fts_terms(q)
    if not terms:
        return select(Document.id).where(true().is_(False))
    if dialect == "sqlite":
        # each term quoted as an FTS5 string, so no query syntax can be injected
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
        fts = table("documents_fts", column("doc_id"))
        return select(fts.c.doc_id).where(literal_column("documents_fts").op("MATCH")(match))
    if dialect == "postgresql":
        return select(Document.id).where(
            literal_column("documents.search").op("@@")(func.plainto_tsquery("simple", " ".join(terms)))
        )
    return select(Document.id).where(and_(*[Document.text.like(_like(t), escape="\\") for t in terms]))


# --- cursors: opaque, but only ever parsed into typed values -----------------------------


def encode_cursor(date: dt.date | None, event_id: str) -> str:
    raw = json.dumps([date.isoformat() if date else None, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date | None, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        date, event_id = json.loads(raw)
        if not isinstance(event_id, str):
            raise ValueError
        return (dt.date.fromisoformat(date) if date else None), event_id
    except (ValueError, TypeError, json.JSONDecodeError, UnicodeDecodeError):
        raise bad_query("cursor", "bad cursor: pass next_cursor from the previous page unchanged", cursor) from None
