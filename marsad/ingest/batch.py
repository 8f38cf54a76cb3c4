"""`ingest`: read inputs of any type into a store, in batches, with a summary that adds up.

Every record read ends in exactly one of: stored (a new document), duplicate (its
normalised text is already stored: recorded as another sighting) or quarantined (with the
reason and origin). A bad file or record never stops the batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from marsad.extract import parse_date
from marsad.ingest.ids import document_id
from marsad.ingest.readers import read_any, walk
from marsad.ingest.records import InputRecord

if TYPE_CHECKING:
    from marsad.store import Store

BATCH = 500


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    quarantined: Counter[str] = field(default_factory=Counter)
    files: int = 0
    run_id: int = 0
    seconds: float = 0.0

    @property
    def adds_up(self) -> bool:
        return self.read == self.stored + self.duplicates + sum(self.quarantined.values())

    def to_dict(self) -> dict[str, Any]:
        return {"files": self.files, "read": self.read, "stored": self.stored,
                "duplicates": self.duplicates, "quarantined": sum(self.quarantined.values()),
                "quarantined_by_reason": dict(sorted(self.quarantined.items())),
                "adds_up": self.adds_up, "run_id": self.run_id,
                "seconds": round(self.seconds, 3),
                "docs_per_second": round(self.read / self.seconds, 1) if self.seconds else None}


def _sample(rec: InputRecord) -> str | None:
    return rec.text[:200] if rec.text else None


def ingest_records(store: Store, records: Iterable[InputRecord], summary: IngestSummary, *,
                   batch_size: int = BATCH, on_batch: Callable[[IngestSummary], None] | None = None,
                   defaults: dict[str, str] | None = None) -> IngestSummary:
    """`defaults` fills `published` / `outlet` for records that carry none."""
    from marsad.store import NewDocument, QuarantineItem

    docs: list[NewDocument] = []
    bad: list[QuarantineItem] = []

    def flush() -> None:
        for outcome in store.add_documents(docs, summary.run_id):
            if outcome == "stored":
                summary.stored += 1
            else:
                summary.duplicates += 1
        store.add_quarantine(bad, summary.run_id)
        for q in bad:
            summary.quarantined[q.reason] += 1
        docs.clear()
        bad.clear()
        if on_batch:
            on_batch(summary)

    defaults = defaults or {}
    for rec in records:
        summary.read += 1
        rec.published = rec.published or defaults.get("published")
        rec.outlet = rec.outlet or defaults.get("outlet")
        if rec.error is not None or not rec.text:
            code = rec.error.code if rec.error else "empty"
            msg = str(rec.error) if rec.error else "no text"
            bad.append(QuarantineItem(code, msg, rec.origin, rec.id, _sample(rec)))
        else:
            title = rec.title
            if title is None and rec.title_first_line:
                title = rec.text.split("\n", 1)[0].strip()[:500] or None
            docs.append(NewDocument(
                id=document_id(rec.text), text=rec.text, title=title,
                published=parse_date(rec.published), outlet=rec.outlet, url=rec.url,
                source_id=rec.id, origin=rec.origin, encoding=rec.encoding,
                title_first_line=rec.title_first_line,
                meta={k: v for k, v in rec.extra.items() if isinstance(v, str | int | float)
                      and k not in ("content", "text")} if rec.extra else {}))
        if len(docs) + len(bad) >= batch_size:
            flush()
    flush()
    return summary


def ingest(store: Store, paths: list[str], *, field_map: dict[str, str] | None = None,
           follow_links: bool = False, batch_size: int = BATCH,
           on_batch: Callable[[IngestSummary], None] | None = None,
           published: str | None = None, outlet: str | None = None) -> IngestSummary:
    """Ingest files, folders (recursively) and feed URLs into `store`."""
    import time

    t0 = time.perf_counter()
    summary = IngestSummary()
    summary.run_id = store.start_run("ingest", paths=list(paths), field_map=field_map or {},
                                     published=published, outlet=outlet)
    status = "failed"
    try:
        files = list(walk(paths))
        summary.files = len(files)

        def records() -> Iterable[InputRecord]:
            for f in files:
                yield from read_any(f, field_map, follow_links=follow_links)

        defaults = {k: v for k, v in (("published", published), ("outlet", outlet)) if v}
        ingest_records(store, records(), summary, batch_size=batch_size, on_batch=on_batch,
                       defaults=defaults)
        status = "finished"
    finally:
        summary.seconds = time.perf_counter() - t0
        store.finish_run(summary.run_id, summary.to_dict(), status=status)
    return summary
