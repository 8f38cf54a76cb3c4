"""The web app's own tables, on the store's declarative base (migration 0100_serve_tables).

api_tokens      who may write: a name, a public prefix, the SHA-256 of the secret (never the secret)
review_state    the current reviewed state of an event, recomputed from the `reviews` log
                after every change, so lists filter on reviewed values with plain column reads

The `reviews` table of the store is the audit trail (who, when, field, before, after); a
revert is one more row (action "revert", new_value {"reverts": id}), never a deletion.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, DateTime, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from marsad.store.models import Base, utcnow


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    prefix: Mapped[str] = mapped_column(String(16), unique=True)  # public part, for lookup
    token_hash: Mapped[str] = mapped_column(String(64))  # sha256 hex of the whole token
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ReviewState(Base):
    """Reviewed values that win over the machine's (None: the machine's value stands)."""

    __tablename__ = "review_state"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)  # accepted|edited|rejected|merged
    merged_into: Mapped[str | None] = mapped_column(String(64))
    overrides: Mapped[dict[str, Any]] = mapped_column(default=dict)  # field -> reviewed value
    # the filterable overrides as columns (COALESCE(review_state.x, events.x) in queries)
    event_type: Mapped[str | None] = mapped_column(String(60))
    sub_event_type: Mapped[str | None] = mapped_column(String(80))
    plover_type: Mapped[str | None] = mapped_column(String(40))
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    confidence: Mapped[float | None] = mapped_column(Float)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
