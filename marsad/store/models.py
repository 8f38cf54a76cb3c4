"""The database tables (SQLAlchemy 2). Alembic migrations in `migrations/` create them.

documents ──< document_sources        every time an article was seen (first + duplicates)
documents ──< mentions ──< evidence   events coded in one document, with their text spans
                      └──< mention_actors
mentions >── events                   canonical events after cross-document deduplication
events ──< event_links                why each mention joined its event (history; reversible)
quarantine                            inputs that could not be stored, with reason and origin
runs                                  ingest / extract / dedup runs, their options and counts
actors, places                        actors and places as resolved (one row per id)
reviews                               analyst decisions (accept / edit / reject), append-only

Character offsets are `char_start` / `char_end` (Python indices into documents.text), not
`start` / `end`, so raw SQL needs no quoting ("end" is a keyword).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JSONType = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSONType, list[Any]: JSONType}


class Run(Base):
    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # ingest | extract | dedup
    status: Mapped[str] = mapped_column(String(16), default="running")  # running|finished|failed|killed
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    heartbeat_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    host: Mapped[str | None] = mapped_column(String(200))
    pid: Mapped[int | None] = mapped_column(Integer)
    engine: Mapped[str | None] = mapped_column(String(16))  # local | dask
    workers: Mapped[int | None] = mapped_column(Integer)
    extractor_version: Mapped[str | None] = mapped_column(String(40))
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # content hash, see ids.py
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(String(200))  # the input's own id
    origin: Mapped[str] = mapped_column(Text, default="")  # file:line first seen
    encoding: Mapped[str | None] = mapped_column(String(40))
    title_first_line: Mapped[bool] = mapped_column(Boolean, default=False)
    n_chars: Mapped[int] = mapped_column(Integer, default=0)
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    ingest_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    # extraction state: pending -> claimed -> done | failed (one transaction per batch)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    claimed_by: Mapped[int | None] = mapped_column(Integer, index=True)  # runs.id
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    extractor_version: Mapped[str | None] = mapped_column(String(40))
    coded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    coded_by: Mapped[int | None] = mapped_column(Integer)  # runs.id
    n_codings: Mapped[int] = mapped_column(Integer, default=0)  # times coded, all versions
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)


class DocumentSource(Base):
    """One sighting of a document: the first one, and every exact duplicate after it."""

    __tablename__ = "document_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    duplicate: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[dt.date | None] = mapped_column(Date)
    ingest_id: Mapped[int | None] = mapped_column(Integer)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Quarantine(Base):
    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reason: Mapped[str] = mapped_column(String(32), index=True)  # errors.InputError.code
    message: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(String(200))
    sample: Mapped[str | None] = mapped_column(Text)  # first characters, for a person to look at
    ingest_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Actor(Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name_ar: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(2))
    sector: Mapped[str | None] = mapped_column(String(16))
    inter: Mapped[int | None] = mapped_column(Integer)


class Place(Base):
    __tablename__ = "places"

    geonameid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name_ar: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)


class _EventColumns:
    """Columns shared by a mention (one document) and a canonical event (all documents)."""

    event_type: Mapped[str] = mapped_column(String(60), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(80))
    plover_type: Mapped[str | None] = mapped_column(String(40))
    plover_mode: Mapped[str | None] = mapped_column(String(40))
    event_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(16))
    location_name_ar: Mapped[str | None] = mapped_column(Text)
    location_name_en: Mapped[str | None] = mapped_column(Text)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[str | None] = mapped_column(String(16))
    actor1_id: Mapped[str | None] = mapped_column(String(200))
    actor1_name: Mapped[str | None] = mapped_column(Text)  # English
    actor1_name_ar: Mapped[str | None] = mapped_column(Text)
    inter1: Mapped[int | None] = mapped_column(Integer)
    actor2_id: Mapped[str | None] = mapped_column(String(200))
    actor2_name: Mapped[str | None] = mapped_column(Text)
    actor2_name_ar: Mapped[str | None] = mapped_column(Text)
    inter2: Mapped[int | None] = mapped_column(Integer)
    perpetrator_status: Mapped[str | None] = mapped_column(String(16))
    fatalities: Mapped[int | None] = mapped_column(Integer)
    civilian_targeting: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float | None] = mapped_column(Float)
    notes_en: Mapped[str | None] = mapped_column(Text)


class Event(_EventColumns, Base):
    """A canonical event: one real-world event, with every mention that reports it."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    n_mentions: Mapped[int] = mapped_column(Integer, default=1)
    n_documents: Mapped[int] = mapped_column(Integer, default=1)
    sources: Mapped[str | None] = mapped_column(Text)  # outlets, "; "-joined (ACLED's source)
    merge_reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | rejected
    dedup_run_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Mention(_EventColumns, Base):
    """An event as coded in one document (marsad.doc.Event), flattened, plus its JSON."""

    __tablename__ = "mentions"

    id: Mapped[str] = mapped_column(String(160), primary_key=True)  # "<document_id>/<event.id>"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[str | None] = mapped_column(String(64), index=True)  # events.id after dedup
    run_id: Mapped[int | None] = mapped_column(Integer)
    extractor_version: Mapped[str] = mapped_column(String(40))
    modality: Mapped[str] = mapped_column(String(16), index=True)
    outlet: Mapped[str | None] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column()  # Event.to_dict(): the output contract
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mention_id: Mapped[str] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(String(64), index=True)
    role: Mapped[str] = mapped_column(String(24))  # evidence|trigger|date|location|source|fatalities|target|attribution
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class MentionActor(Base):
    __tablename__ = "mention_actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mention_id: Mapped[str] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(24))  # actor1|assoc_actor_1|actor2|assoc_actor_2|attributed
    actor_id: Mapped[str | None] = mapped_column(String(200), index=True)
    name_ar: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(2))
    sector: Mapped[str | None] = mapped_column(String(16))
    inter: Mapped[int | None] = mapped_column(Integer)
    generic: Mapped[bool] = mapped_column(Boolean, default=False)
    stance: Mapped[str | None] = mapped_column(String(16))  # for attributions
    text: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)


class EventLink(Base):
    """Why a mention belongs to a canonical event. Rows are never deleted: a split sets
    `undone_at`, and the pair is then kept apart by later deduplication runs."""

    __tablename__ = "event_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    mention_id: Mapped[str] = mapped_column(String(160), index=True)
    reason: Mapped[str] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    undone_reason: Mapped[str | None] = mapped_column(Text)


class KeepApart(Base):
    """A pair of mentions an analyst (or a split) said are different events."""

    __tablename__ = "keep_apart"

    mention_a: Mapped[str] = mapped_column(String(160), primary_key=True)
    mention_b: Mapped[str] = mapped_column(String(160), primary_key=True)
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Review(Base):
    """An analyst's decision on an event or mention. Append-only: the original is kept."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    target_kind: Mapped[str] = mapped_column(String(16))  # event | mention
    target_id: Mapped[str] = mapped_column(String(160), index=True)
    action: Mapped[str] = mapped_column(String(16))  # accept | edit | reject | note
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[Any | None] = mapped_column(JSONType)
    new_value: Mapped[Any | None] = mapped_column(JSONType)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


Index("ix_mentions_doc_version", Mention.document_id, Mention.extractor_version)
Index("ix_documents_status_claim", Document.status, Document.claimed_by)
