"""The local runner: claim batches from the store, extract them in a process pool, save.

Only this (parent) process talks to the database. Workers get `DocumentTask`s and return
`DocumentResult`s (`marsad.run.work.process_documents`). Even with one worker the
extraction runs in a child process, so the parent's claims and commits overlap with it
(on PostgreSQL under load, in-process runs spent ~30% of their time on the database);
`workers=0` extracts in this process (debugging, profiling). A batch's events and its
documents' "done" mark are written in one transaction, so killing the runner at any
moment (kill -9 included) loses nothing: documents claimed but not saved are handed back
by `Store.release_stale_claims` when the next run starts, and are coded exactly once.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from marsad.run.work import DocumentResult, DocumentTask, extractor_version, process_documents

if TYPE_CHECKING:
    from marsad.store import Store

Progress = Callable[[int], None]  # called with the number of documents just finished
WARM_TEXT = "قتل ثلاثة أشخاص أمس في قصف استهدف سوقا في مدينة حلب، بحسب مصادر محلية."
HEARTBEAT_SECONDS = 5.0  # far below the default lease (600 s) after which claims are freed


@dataclass
class RunStats:
    run_id: int = 0
    todo: int = 0
    coded: int = 0
    failed: int = 0
    events: int = 0
    dropped: int = 0  # results for claims this run lost (never happens without a stale lease)
    released: int = 0  # dead runs whose claims were handed back at start
    seconds: float = 0.0
    startup_seconds: float = 0.0  # loading the extractor's resources, before the first batch
    extract_seconds: float = 0.0  # time spent inside the extractor, summed over workers

    workers: int = 1

    @property
    def working_seconds(self) -> float:
        return max(self.seconds - self.startup_seconds, 1e-9)

    @property
    def docs_per_second(self) -> float:
        return (self.coded + self.failed) / self.working_seconds if self.seconds else 0.0

    @property
    def extractor_share(self) -> float:
        """Share of the workers' time spent inside the extractor (the rest is overhead:
        claims, commits, pickling, waiting). Robust to machine load, unlike docs/s."""
        return self.extract_seconds / (self.working_seconds * self.workers) if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "docs_per_second": round(self.docs_per_second, 2),
                "extractor_share": round(self.extractor_share, 3)}


def _warm(extractor: str | None) -> None:
    """Load the extractor's lazily built resources by coding one short sentence."""
    process_documents([DocumentTask("warm-up", WARM_TEXT, published=dt.date(2015, 7, 21))],
                      extractor)


def _save(store: Store, run_id: int, results: list[DocumentResult], stats: RunStats,
          progress: Progress | None) -> None:
    saved = store.save_results(run_id, results)
    stats.coded += saved.saved
    stats.failed += saved.failed
    stats.events += saved.events
    stats.dropped += saved.not_claimed
    stats.extract_seconds += sum(r.seconds for r in results)
    if progress:
        progress(len(results))


def run_local(
    store: Store,
    *,
    workers: int = 1,
    batch_size: int = 50,
    reextract: bool = False,
    retry_failed: bool = False,
    extractor: str | None = None,
    progress: Progress | None = None,
    on_start: Callable[[RunStats], None] | None = None,
    lease_seconds: float = 600.0,
    limit: int | None = None,
) -> RunStats:
    """Extract every pending document (and, with `reextract`, every document coded by
    another extractor version; with `retry_failed`, every document whose extraction
    failed). `limit` stops after about that many documents."""
    t0 = time.perf_counter()
    version = extractor_version(extractor)
    stats = RunStats(released=len(store.release_stale_claims(lease_seconds)),
                     workers=max(workers, 1))
    stats.todo = store.count_todo(version, reextract=reextract, retry_failed=retry_failed)
    if limit is not None:
        stats.todo = min(stats.todo, limit)
    stats.run_id = run_id = store.start_run(
        "extract", engine="local", workers=workers, extractor_version=version,
        batch_size=batch_size, reextract=reextract, retry_failed=retry_failed,
        extractor=extractor)
    if on_start:
        on_start(stats)
    status = "failed"
    claimed = 0
    last_beat = time.monotonic()

    def beat() -> None:  # a heartbeat every few seconds, not every batch: one less commit
        nonlocal last_beat
        if time.monotonic() - last_beat >= HEARTBEAT_SECONDS:
            store.heartbeat(run_id, stats.to_dict())
            last_beat = time.monotonic()

    def claim() -> list[DocumentTask]:
        nonlocal claimed
        n = batch_size if limit is None else min(batch_size, limit - claimed)
        if n <= 0:
            return []
        tasks = store.claim_documents(run_id, n, version=version, reextract=reextract,
                                      retry_failed=retry_failed)
        claimed += len(tasks)
        return tasks

    try:
        # resources load once, here: forked workers inherit them (shared pages, no reload)
        t_warm = time.perf_counter()
        _warm(extractor)
        stats.startup_seconds = time.perf_counter() - t_warm
        if workers < 1:  # in this process: for debugging and profiling
            while tasks := claim():
                _save(store, run_id, process_documents(tasks, extractor), stats, progress)
                beat()
        else:
            store.engine.dispose()  # forked workers must not inherit open database connections
            with ProcessPoolExecutor(workers, initializer=_warm, initargs=(extractor,)) as pool:
                pending: set[Future[list[DocumentResult]]] = set()
                more = True
                while more or pending:
                    while more and len(pending) < 2 * workers:  # keep every worker busy
                        tasks = claim()
                        if not tasks:
                            more = False
                            break
                        pending.add(pool.submit(process_documents, tasks, extractor))
                    if not pending:
                        break
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        _save(store, run_id, fut.result(), stats, progress)
                    beat()
        status = "finished"
    finally:
        stats.seconds = time.perf_counter() - t0
        # releases any claim not saved (Ctrl-C, a crash in a worker): nothing is lost
        store.finish_run(run_id, stats.to_dict(), status=status)
    return stats
