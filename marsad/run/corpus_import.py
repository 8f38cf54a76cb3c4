"""Loading `marsad extract-corpus` output (Parquet partitions) into a store.

One partition at a time: its documents are added (content-hash ids, the input's id kept
as `source_id`), the ones still pending are claimed by this import run, and their events
(rebuilt from `event_json`) are saved with `Store.save_results` — the same atomic
"events + document done" transaction as `marsad run`. Quarantined records go to the
quarantine table with their reason. Killed midway, an import leaves documents pending
(the next import or `marsad run` finishes them), never half-coded; re-running it is a
no-op for documents already done.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.parquet as pq
from sqlalchemy import select, update

from marsad.doc import ActorRef, Attribution, Count, DateRef, Event, LocationRef, TextRef
from marsad.errors import InputError
from marsad.ingest.ids import document_id
from marsad.run.work import DocumentResult

if TYPE_CHECKING:
    from marsad.store import Store


def _build(cls: type, data: dict[str, Any] | None) -> Any:
    """A dataclass from its dict, ignoring keys a newer version added."""
    if data is None:
        return None
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def event_from_dict(d: dict[str, Any]) -> Event:
    """The inverse of `Event.to_dict()` (DESIGN.md's event object)."""
    date = dict(d.get("date") or {"value": None, "precision": "unknown"})
    if isinstance(date.get("value"), str):
        date["value"] = dt.date.fromisoformat(date["value"][:10])
    atts = [Attribution(actor=_build(ActorRef, a["actor"]), stance=a["stance"],
                        by=_build(TextRef, a.get("by")), text=a["text"], start=a["start"],
                        end=a["end"]) for a in d.get("attributions") or []]
    data = dict(d)
    data.update(
        date=_build(DateRef, date),
        location=_build(LocationRef, d.get("location")),
        actor1=_build(ActorRef, d.get("actor1")),
        actor2=_build(ActorRef, d.get("actor2")),
        assoc_actor_1=[_build(ActorRef, a) for a in d.get("assoc_actor_1") or []],
        assoc_actor_2=[_build(ActorRef, a) for a in d.get("assoc_actor_2") or []],
        attributions=atts,
        fatalities=_build(Count, d.get("fatalities") or {"value": None}),
        injuries=_build(Count, d.get("injuries") or {"value": None}),
        sources=[_build(TextRef, s) for s in d.get("sources") or []],
        evidence=[_build(TextRef, s) for s in d.get("evidence") or []],
        trigger=_build(TextRef, d.get("trigger")),
        target=_build(TextRef, d.get("target")),
    )
    return _build(Event, data)


@dataclass
class ImportStats:
    run_id: int = 0
    partitions: int = 0
    documents: int = 0
    added: int = 0
    already_stored: int = 0
    coded: int = 0
    failed: int = 0
    events: int = 0
    quarantined: int = 0
    quarantine_already: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def partitions(out_dir: Path) -> list[str]:
    names = sorted(p.stem for p in (out_dir / "manifest").glob("*.parquet"))
    if not names:
        raise InputError(f"{out_dir} has no manifest/*.parquet: is it `marsad extract-corpus` output?")
    return names


def import_corpus(store: Store, out_dir: Path,
                  on_partition: Callable[[str], None] | None = None) -> ImportStats:
    from marsad.store import NewDocument, QuarantineItem
    from marsad.store import models as m

    stats = ImportStats()
    names = partitions(out_dir)
    stats.run_id = run_id = store.start_run("import", engine="parquet", source=str(out_dir))
    status = "failed"
    try:
        for name in names:
            man = pq.read_table(out_dir / "manifest" / f"{name}.parquet").to_pylist()
            events = pq.read_table(out_dir / "events" / f"{name}.parquet",
                                   columns=["document_id", "event_json"]).to_pylist()
            stats.partitions += 1
            by_input: dict[str, list[Event]] = {}
            for e in events:
                by_input.setdefault(e["document_id"], []).append(
                    event_from_dict(json.loads(e["event_json"])))
            docs, results, quarantine = [], [], []
            seen_ids: set[str] = set()
            for row in man:
                stats.documents += 1
                if row["status"] == "quarantined":
                    quarantine.append(QuarantineItem(reason=row["reason_code"] or "bad_input",
                                                     message=row["reason"] or "",
                                                     origin=row["origin"],
                                                     source_id=row["document_id"]))
                    continue
                if row["text"] is None:
                    raise InputError(f"{out_dir}: the manifest has no article text; re-run "
                                     "`marsad extract-corpus` with --keep-text to import it")
                sid = document_id(row["text"])
                if sid in seen_ids:  # the same article twice in a partition: code it once
                    stats.already_stored += 1
                    continue
                seen_ids.add(sid)
                docs.append(NewDocument(
                    id=sid, text=row["text"], title=row["title"], published=row["published"],
                    outlet=row["outlet"], url=row["url"], source_id=row["document_id"],
                    origin=row["origin"], meta=json.loads(row["meta"]) if row["meta"] else {}))
                results.append(DocumentResult(
                    sid, row["extractor_version"] or "", by_input.get(row["document_id"], []),
                    row["reason"] if row["status"] == "failed" else None))
            # documents: add the new ones (a re-import adds nothing)
            ids = list({d.id for d in docs})
            with store.read() as conn:
                have = set()
                for i in range(0, len(ids), 500):
                    have |= set(conn.execute(select(m.Document.id)
                                             .where(m.Document.id.in_(ids[i:i + 500]))).scalars())
            new = [d for d in docs if d.id not in have]
            store.add_documents(new, ingest_id=None)
            stats.added += len(new)
            stats.already_stored += len(docs) - len(new)
            # claim exactly the pending ones among them, then save their events atomically
            with store.write() as conn:
                conn.execute(update(m.Document).where(m.Document.id.in_(ids),
                                                      m.Document.status == "pending")
                             .values(status="claimed", claimed_by=run_id,
                                     claimed_at=dt.datetime.now(dt.UTC)))
            saved = store.save_results(run_id, results)
            stats.coded += saved.saved
            stats.failed += saved.failed
            stats.events += saved.events
            # quarantine: once per origin
            if quarantine:
                with store.read() as conn:
                    seen = set(conn.execute(select(m.Quarantine.origin).where(
                        m.Quarantine.origin.in_([q.origin for q in quarantine]))).scalars())
                fresh = [q for q in quarantine if q.origin not in seen]
                store.add_quarantine(fresh)
                stats.quarantined += len(fresh)
                stats.quarantine_already += len(quarantine) - len(fresh)
            if on_partition:
                on_partition(name)
        status = "finished"
    finally:
        store.finish_run(run_id, stats.to_dict(), status=status)
    return stats
