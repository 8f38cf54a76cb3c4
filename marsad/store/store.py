"""`Store(url)`: the one object that reads and writes the database.

Every write that must be all-or-nothing is one transaction: a batch of new documents, a
claim, the results of a batch (its events inserted and its documents marked done
together), a deduplication pass. On SQLite writers take the lock at BEGIN (IMMEDIATE), so
concurrent writers queue instead of failing; on PostgreSQL claims use SKIP LOCKED, so any
number of runners can share the queue.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, text, update
from sqlalchemy.orm import Session

from marsad.run.work import DocumentResult, DocumentTask
from marsad.store import models as m
from marsad.store.db import make_engine, migrate, resolve_url
from marsad.store.rows import mention_rows
from marsad.store.search import search_text
from marsad.text.normalise import normalise


@dataclass(slots=True)
class NewDocument:
    id: str  # marsad.ingest.ids.document_id(text)
    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    source_id: str | None = None
    origin: str = ""
    encoding: str | None = None
    title_first_line: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class QuarantineItem:
    reason: str
    message: str
    origin: str
    source_id: str | None = None
    sample: str | None = None


@dataclass(slots=True)
class SaveStats:
    saved: int = 0
    failed: int = 0
    events: int = 0
    not_claimed: int = 0  # results for documents this run no longer holds: dropped


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Store:
    """A marsad database. `Store()` opens ``$MARSAD_DB`` or the per-user SQLite file."""

    def __init__(self, url: str | os.PathLike[str] | None = None, *, migrate_schema: bool = True,
                 echo: bool = False) -> None:
        self.url = resolve_url(url)
        self.engine = make_engine(self.url, echo=echo)
        self.dialect = self.engine.dialect.name
        if migrate_schema:
            migrate(self.engine)

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- connections -----------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction (BEGIN IMMEDIATE on SQLite); commits on success."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def session(self) -> Session:
        """An ORM session over the models in marsad.store.models (caller commits)."""
        return Session(self.engine)

    def _insert(self, table: Any) -> Any:
        """INSERT ... ON CONFLICT DO NOTHING for this dialect."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            return pg_insert(table).on_conflict_do_nothing()
        if self.dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            return sqlite_insert(table).on_conflict_do_nothing()
        return insert(table)

    # --- runs ------------------------------------------------------------------------

    def start_run(self, kind: str, *, engine: str | None = None, workers: int | None = None,
                  extractor_version: str | None = None, **options: Any) -> int:
        with self.write() as conn:
            return int(conn.execute(
                insert(m.Run).values(kind=kind, status="running", host=socket.gethostname(),
                                     pid=os.getpid(), engine=engine, workers=workers,
                                     extractor_version=extractor_version, options=options,
                                     stats={}, started_at=_now(), heartbeat_at=_now())
                .returning(m.Run.id)).scalar_one())

    def heartbeat(self, run_id: int, stats: dict[str, Any] | None = None) -> None:
        values: dict[str, Any] = {"heartbeat_at": _now()}
        if stats is not None:
            values["stats"] = stats
        with self.write() as conn:
            conn.execute(update(m.Run).where(m.Run.id == run_id).values(**values))

    def finish_run(self, run_id: int, stats: dict[str, Any], status: str = "finished") -> None:
        with self.write() as conn:
            conn.execute(update(m.Run).where(m.Run.id == run_id).values(
                status=status, stats=stats, finished_at=_now(), heartbeat_at=_now()))
            conn.execute(update(m.Document).where(m.Document.claimed_by == run_id,
                                                  m.Document.status == "claimed")
                         .values(status="pending", claimed_by=None, claimed_at=None))

    def get_run(self, run_id: int) -> dict[str, Any]:
        with self.read() as conn:
            row = conn.execute(select(m.Run).where(m.Run.id == run_id)).mappings().one()
            return dict(row)

    # --- ingest ----------------------------------------------------------------------

    def add_documents(self, docs: Sequence[NewDocument], ingest_id: int | None = None) -> list[str]:
        """Store a batch in one transaction; "stored" or "duplicate" for each input."""
        if not docs:
            return []
        ids = list({d.id for d in docs})
        outcome: list[str] = []
        now = _now()
        with self.write() as conn:
            existing: set[str] = set()
            for i in range(0, len(ids), 500):
                existing |= set(conn.execute(
                    select(m.Document.id).where(m.Document.id.in_(ids[i:i + 500]))).scalars())
            new_rows, sources, search = [], [], []
            for d in docs:
                dup = d.id in existing
                outcome.append("duplicate" if dup else "stored")
                sources.append({"document_id": d.id, "duplicate": dup, "origin": d.origin,
                                "source_id": d.source_id, "title": d.title, "url": d.url,
                                "outlet": d.outlet, "published": d.published,
                                "ingest_id": ingest_id, "seen_at": now})
                if dup:
                    continue
                existing.add(d.id)
                new_rows.append({"id": d.id, "text": d.text, "title": d.title,
                                 "published": d.published, "outlet": d.outlet, "url": d.url,
                                 "source_id": d.source_id, "origin": d.origin,
                                 "encoding": d.encoding, "title_first_line": d.title_first_line,
                                 "n_chars": len(d.text), "meta": d.meta, "ingested_at": now,
                                 "ingest_id": ingest_id, "status": "pending", "n_codings": 0,
                                 "n_events": 0})
                search.append({"doc_id": d.id, "title": search_text(d.title or ""),
                               "body": search_text(d.text)})
            if new_rows:
                conn.execute(self._insert(m.Document), new_rows)
                self._index_search(conn, search)
            conn.execute(insert(m.DocumentSource), sources)
        return outcome

    def _index_search(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        if self.dialect == "sqlite":
            conn.execute(text("INSERT INTO documents_fts(doc_id, title, body) "
                              "VALUES (:doc_id, :title, :body)"), rows)
        elif self.dialect == "postgresql":
            conn.execute(text("UPDATE documents SET search = to_tsvector('simple', "
                              "coalesce(:title, '') || ' ' || :body) WHERE id = :doc_id"), rows)

    def add_quarantine(self, items: Sequence[QuarantineItem], ingest_id: int | None = None) -> None:
        if not items:
            return
        now = _now()
        with self.write() as conn:
            conn.execute(insert(m.Quarantine), [
                {"reason": q.reason, "message": q.message, "origin": q.origin,
                 "source_id": q.source_id, "sample": q.sample, "ingest_id": ingest_id,
                 "created_at": now} for q in items])

    # --- claims and results (the runner's queue) --------------------------------------

    def _todo(self, version: str, reextract: bool, retry_failed: bool = False) -> Any:
        cond = m.Document.status == "pending"
        if retry_failed:
            cond = or_(cond, m.Document.status == "failed")
        if reextract:
            cond = or_(cond, (m.Document.status.in_(("done", "failed")))
                       & or_(m.Document.extractor_version.is_(None),
                             m.Document.extractor_version != version))
        return cond

    def count_todo(self, version: str, *, reextract: bool = False,
                   retry_failed: bool = False) -> int:
        with self.read() as conn:
            return int(conn.execute(select(func.count()).select_from(m.Document).where(
                self._todo(version, reextract, retry_failed))).scalar_one())

    def claim_documents(self, run_id: int, limit: int, *, version: str, reextract: bool = False,
                        retry_failed: bool = False) -> list[DocumentTask]:
        """Take up to `limit` documents to extract; nobody else gets them until released."""
        with self.write() as conn:
            ids = list(conn.execute(
                select(m.Document.id).where(self._todo(version, reextract, retry_failed))
                .order_by(m.Document.id).limit(limit)
                .with_for_update(skip_locked=True)).scalars())
            if not ids:
                return []
            conn.execute(update(m.Document).where(m.Document.id.in_(ids))
                         .values(status="claimed", claimed_by=run_id, claimed_at=_now()))
            rows = conn.execute(select(
                m.Document.id, m.Document.text, m.Document.title, m.Document.published,
                m.Document.outlet, m.Document.url, m.Document.title_first_line)
                .where(m.Document.id.in_(ids)).order_by(m.Document.id)).all()
        return [DocumentTask(*r) for r in rows]

    def save_results(self, run_id: int, results: Sequence[DocumentResult]) -> SaveStats:
        """Store a batch's events and mark its documents done, all in one transaction.

        Results for documents this run does not hold (its claim was released as stale)
        are dropped, so a document is never coded twice.
        """
        stats = SaveStats()
        if not results:
            return stats
        ids = [r.document_id for r in results]
        with self.write() as conn:
            held = set(conn.execute(select(m.Document.id).where(
                m.Document.id.in_(ids), m.Document.claimed_by == run_id,
                m.Document.status == "claimed")).scalars())
            mine = [r for r in results if r.document_id in held]
            stats.not_claimed = len(results) - len(mine)
            if not mine:
                return stats
            mine_ids = [r.document_id for r in mine]
            old = select(m.Mention.id).where(m.Mention.document_id.in_(mine_ids))
            conn.execute(delete(m.Evidence).where(m.Evidence.mention_id.in_(old)))
            conn.execute(delete(m.MentionActor).where(m.MentionActor.mention_id.in_(old)))
            conn.execute(delete(m.Mention).where(m.Mention.document_id.in_(mine_ids)))
            mentions, evidence, actors, actor_defs, place_defs = [], [], [], {}, {}
            now = _now()
            for r in mine:
                seen: set[str] = set()
                for ev in r.events:
                    rows = mention_rows(r.document_id, ev, run_id=run_id, version=r.extractor_version)
                    if rows.mention["id"] in seen:  # two events with one id: keep the first
                        continue
                    seen.add(rows.mention["id"])
                    rows.mention["created_at"] = now
                    mentions.append(rows.mention)
                    evidence += rows.evidence
                    actors += rows.actors
                    actor_defs.update({a["id"]: a for a in rows.actor_defs})
                    place_defs.update({p["geonameid"]: p for p in rows.place_defs})
            if mentions:
                conn.execute(insert(m.Mention), mentions)
            if evidence:
                conn.execute(insert(m.Evidence), evidence)
            if actors:
                conn.execute(insert(m.MentionActor), actors)
            if actor_defs:
                conn.execute(self._insert(m.Actor), list(actor_defs.values()))
            if place_defs:
                conn.execute(self._insert(m.Place), list(place_defs.values()))
            per_doc = Counter(mm["document_id"] for mm in mentions)
            conn.execute(
                update(m.Document).where(m.Document.id == bindparam("doc_id")).values(
                    status=bindparam("new_status"), error=bindparam("err"),
                    extractor_version=bindparam("version"), coded_at=now, coded_by=run_id,
                    n_codings=m.Document.n_codings + 1, n_events=bindparam("n"),
                    claimed_by=None, claimed_at=None),
                [{"doc_id": r.document_id, "new_status": "failed" if r.error else "done",
                  "err": r.error, "version": r.extractor_version, "n": per_doc[r.document_id]}
                 for r in mine])
            stats.failed = sum(1 for r in mine if r.error)
            stats.saved = len(mine) - stats.failed
            stats.events = len(mentions)
        return stats

    def release_stale_claims(self, lease_seconds: float = 600.0) -> list[int]:
        """Hand back documents claimed by runs that died (kill -9, lost machine).

        A run is dead when it ran on this host and its process is gone, or when it has not
        sent a heartbeat for `lease_seconds`. Returns the ids of the runs marked killed.
        """
        host = socket.gethostname()
        cutoff = _now() - dt.timedelta(seconds=lease_seconds)
        with self.write() as conn:
            running = conn.execute(select(m.Run.id, m.Run.host, m.Run.pid, m.Run.heartbeat_at)
                                   .where(m.Run.status == "running",
                                          m.Run.kind == "extract")).all()
            dead = []
            for rid, rhost, pid, beat in running:
                if beat is not None and beat.tzinfo is None:
                    beat = beat.replace(tzinfo=dt.UTC)
                gone = rhost == host and pid is not None and not _pid_alive(pid)
                if gone or (beat is not None and beat < cutoff):
                    dead.append(rid)
            if dead:
                conn.execute(update(m.Run).where(m.Run.id.in_(dead))
                             .values(status="killed", finished_at=_now()))
            # claims by dead runs, and any left by runs no longer running
            live = select(m.Run.id).where(m.Run.status == "running")
            conn.execute(update(m.Document).where(m.Document.status == "claimed",
                                                  or_(m.Document.claimed_by.is_(None),
                                                      m.Document.claimed_by.not_in(live)))
                         .values(status="pending", claimed_by=None, claimed_at=None))
        return dead

    # --- reading ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table and documents per status: the numbers a summary adds up."""
        out: dict[str, int] = {}
        with self.read() as conn:
            for name, table in (("documents", m.Document), ("duplicates", m.DocumentSource),
                                ("quarantined", m.Quarantine), ("mentions", m.Mention),
                                ("events", m.Event)):
                q = select(func.count()).select_from(table)
                if table is m.DocumentSource:
                    q = q.where(m.DocumentSource.duplicate.is_(True))
                out[name] = int(conn.execute(q).scalar_one())
            for status, n in conn.execute(select(m.Document.status, func.count())
                                          .group_by(m.Document.status)).all():
                out[f"documents_{status}"] = int(n)
        return out

    def quarantine_by_reason(self) -> dict[str, int]:
        with self.read() as conn:
            return {r: int(n) for r, n in conn.execute(
                select(m.Quarantine.reason, func.count()).group_by(m.Quarantine.reason)).all()}

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        with self.read() as conn:
            row = conn.execute(select(m.Document).where(m.Document.id == doc_id)).mappings().first()
            return dict(row) if row else None

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str | None]]:
        """Documents matching `query` (full-text over normalised Arabic): (id, title)."""
        q = normalise(query).text.strip()
        if not q:
            return []
        with self.read() as conn:
            if self.dialect == "sqlite":
                terms = " ".join('"' + t.replace('"', '') + '"' for t in q.split())
                rows = conn.execute(text(
                    "SELECT d.id, d.title FROM documents_fts f JOIN documents d ON d.id = f.doc_id "
                    "WHERE documents_fts MATCH :q ORDER BY rank LIMIT :n"), {"q": terms, "n": limit})
            else:
                rows = conn.execute(text(
                    "SELECT id, title FROM documents WHERE search @@ plainto_tsquery('simple', :q) "
                    "ORDER BY ts_rank(search, plainto_tsquery('simple', :q)) DESC LIMIT :n"),
                    {"q": q, "n": limit})
            return [(r[0], r[1]) for r in rows]

    def iter_mentions(self, *, asserted_only: bool = True) -> list[dict[str, Any]]:
        with self.read() as conn:
            q = select(m.Mention.id, m.Mention.document_id, m.Mention.payload, m.Mention.outlet,
                       m.Mention.event_id).order_by(m.Mention.id)
            if asserted_only:
                q = q.where(m.Mention.modality == "asserted")
            return [dict(r) for r in conn.execute(q).mappings()]


