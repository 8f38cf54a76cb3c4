"""A small Python API over a marsad database, for notebooks: pandas DataFrames out.

    import marsad.api as mapi
    db = mapi.open_db()                      # $MARSAD_DB or ~/.local/share/marsad/marsad.db
    events = db.events(country="SY", since="2019-09-01")   # ACLED columns + marsad's own
    docs = db.documents(outlet="alarabiya")
    db.evidence(events.marsad_id[0])          # the sentences behind an event
"""

from __future__ import annotations

import os
from typing import Any

import pandas as pd
from sqlalchemy import select

from marsad.export.acled import acled_frame
from marsad.export.query import EventFilter, load_events
from marsad.extract import parse_date
from marsad.store import Store
from marsad.store import models as m


class Database:
    """Read access to a store as DataFrames."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def events(self, *, since: str | None = None, until: str | None = None,
               country: str | None = None, admin1: str | None = None, type: str | None = None,
               actor: str | None = None) -> pd.DataFrame:
        """Canonical events: ACLED's columns, then marsad_id, plover_type, plover_mode,
        n_mentions, n_documents, merge_reason, actor1_ar, actor2_ar, location_ar."""
        evs = load_events(self.store, EventFilter(parse_date(since), parse_date(until), country,
                                                  admin1, type, actor))
        df = acled_frame(evs)
        extra = {"marsad_id": "id", "plover_type": "plover_type", "plover_mode": "plover_mode",
                 "n_mentions": "n_mentions", "n_documents": "n_documents",
                 "merge_reason": "merge_reason", "actor1_ar": "actor1_name_ar",
                 "actor2_ar": "actor2_name_ar", "location_ar": "location_name_ar"}
        for col, key in extra.items():
            df[col] = [e.get(key) for e in evs]
        return df

    def _frame(self, query: Any) -> pd.DataFrame:
        with self.store.read() as conn:
            return pd.DataFrame(conn.execute(query).mappings().all())

    def documents(self, *, outlet: str | None = None, status: str | None = None,
                  text: bool = False) -> pd.DataFrame:
        """Stored documents (without their text unless `text=True`)."""
        cols = [c for c in m.Document.__table__.c if text or c.name != "text"]
        q = select(*cols).order_by(m.Document.published, m.Document.id)
        if outlet:
            q = q.where(m.Document.outlet == outlet)
        if status:
            q = q.where(m.Document.status == status)
        return self._frame(q)

    def mentions(self) -> pd.DataFrame:
        """Events as coded in each document, before deduplication."""
        cols = [c for c in m.Mention.__table__.c if c.name != "payload"]
        return self._frame(select(*cols).order_by(m.Mention.id))

    def evidence(self, event_id: str) -> pd.DataFrame:
        """The text spans behind a canonical event, with their documents."""
        q = (select(m.Evidence.mention_id, m.Evidence.document_id, m.Evidence.role,
                    m.Evidence.char_start, m.Evidence.char_end, m.Evidence.text)
             .join(m.Mention, m.Mention.id == m.Evidence.mention_id)
             .where(m.Mention.event_id == event_id).order_by(m.Evidence.id))
        return self._frame(q)

    def quarantine(self) -> pd.DataFrame:
        return self._frame(select(m.Quarantine).order_by(m.Quarantine.id))

    def search(self, query: str, limit: int = 20) -> pd.DataFrame:
        """Full-text search over the normalised Arabic of the documents."""
        return pd.DataFrame(self.store.search(query, limit), columns=["id", "title"])

    def counts(self) -> dict[str, int]:
        return self.store.counts()


def open_db(url: str | os.PathLike[str] | None = None) -> Database:
    """Open (and if needed create) a marsad database: a SQLite path or a URL."""
    return Database(Store(url))
