"""Running the extractor on a Dask cluster (dask.distributed).

Two paths, one pure function underneath (`marsad.extract`):

* `extract_corpus_dask`: the bulk path. One task per input partition
  (`marsad.run.corpus.run_partition`); each task writes its own Parquet partition
  atomically, so a task retried after a lost worker rewrites the same partition and never
  duplicates it.
* `run_dask`: the store path (`marsad run --engine dask`). The driver claims batches of
  pending documents, the workers run `marsad.run.work.process_documents` (the local
  runner's function) and the driver commits each batch's results in one transaction.

Resources load once per worker process: `MarsadWorkerPlugin` warms them when a worker
joins, and `marsad.run.worker_state` keeps them for the life of the process. Start workers
with one thread each (`dask worker --nthreads 1`): the extractor is pure Python, so
threads in one process only contend for the GIL.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from marsad.extract import extract
from marsad.run.corpus import (
    CorpusOptions,
    CorpusReport,
    ExtractFn,
    Partition,
    PartitionResult,
    pending,
    run_partition,
)
from marsad.run.local import RunStats
from marsad.run.work import process_documents
from marsad.run.worker_state import builds, worker_resources

if TYPE_CHECKING:
    from marsad.store import Store


class MarsadWorkerPlugin(WorkerPlugin):
    """Builds marsad's resources once when a worker starts (or joins later)."""

    name = "marsad-resources"

    def __init__(self, extra_actor_files: Sequence[str] = ()) -> None:
        self.extra_actor_files = tuple(str(p) for p in extra_actor_files)

    def setup(self, worker: Any) -> None:
        worker_resources(self.extra_actor_files)


def worker_builds() -> int:
    """Run on a worker (`client.run(worker_builds)`): resource builds in that process."""
    return builds()


@contextlib.contextmanager
def connect(
    scheduler: str | None = None,
    *,
    workers: int = 2,
    memory_limit: str = "2GiB",
    dashboard: bool = True,
    extra_actor_files: Sequence[str] = (),
) -> Iterator[Client]:
    """A client on `scheduler` (tcp://host:port), or on a new LocalCluster of `workers`
    one-thread worker processes; resources are warmed on every worker."""
    cluster: LocalCluster | None = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            memory_limit=memory_limit,
            dashboard_address=":0" if dashboard else None,
            # without a dashboard the scheduler's HTTP server still wants 8787: any port
            scheduler_kwargs=None if dashboard else {"dashboard": False, "dashboard_address": ":0"},
        )
        client = Client(cluster)
    try:
        client.register_plugin(MarsadWorkerPlugin(extra_actor_files))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dashboard_link(client: Client) -> str | None:
    try:
        return client.dashboard_link
    except Exception:  # no dashboard (bokeh missing or disabled)
        return None


class PartitionFailed(Exception):
    """A partition task that raised (not a bad document: those are in the manifest)."""


def extract_corpus_dask(
    parts: Sequence[Partition],
    out_dir: Path,
    options: CorpusOptions,
    client: Client,
    *,
    on_result: Callable[[PartitionResult], None] | None = None,
    extract_fn: ExtractFn = extract,
    retries: int = 2,
) -> tuple[CorpusReport, dict[str, str]]:
    """Run the pending partitions on the cluster; returns the report and the partitions
    whose task failed (name -> error). Those stay pending: re-run to finish them."""
    report = CorpusReport(partitions=len(parts))
    todo = pending(parts, out_dir)
    report.skipped = len(parts) - len(todo)
    failed: dict[str, str] = {}
    t0 = time.perf_counter()
    if todo:
        # warm every worker (again a no-op where done): a caller's own client may lack it
        client.register_plugin(MarsadWorkerPlugin(options.extra_actor_files))
        run_id = uuid.uuid4().hex[:8]  # fresh keys: never reuse an earlier run's results
        futures = client.map(
            run_partition,
            todo,
            out_dir=str(out_dir),
            options=options,
            extract_fn=extract_fn,
            key=[f"marsad-partition-{p.name}-{run_id}" for p in todo],
            retries=retries,
        )
        names = {f.key: p.name for f, p in zip(futures, todo, strict=True)}
        for fut in as_completed(futures):
            if fut.status == "error":
                failed[names[fut.key]] = repr(fut.exception())
                continue
            r = fut.result()
            report.results.append(r)
            if on_result:
                on_result(r)
            fut.release()
    report.seconds = time.perf_counter() - t0
    return report, failed


# --- the store path: `marsad run --engine dask` -------------------------------------------


def worker_resource_info() -> dict[str, int]:
    """Run on a worker: resource builds there (ours, and `default_resources` cache misses)."""
    from marsad.resources import default_resources

    return {"builds": builds(), "default_misses": default_resources.cache_info().misses}


def run_dask(
    store: Store,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    batch_size: int = 50,
    reextract: bool = False,
    extractor: str | None = None,
    limit: int | None = None,
    lease_seconds: float = 600.0,
    progress: bool | Callable[[int], None] = True,
    on_start: Callable[[RunStats], None] | None = None,
    client: Client | None = None,
    in_flight: int | None = None,
    retries: int = 2,
) -> RunStats:
    """Extract every pending document of `store` on a Dask cluster.

    Only this driver process talks to the database: it claims batches, ships them to the
    workers (`marsad.run.work.process_documents`, the function the local runner uses) and
    saves each batch's results in one transaction (events + documents marked done). A
    worker lost mid-task makes Dask rerun that task elsewhere; its batch is still claimed
    by this run and saved once, when a result first arrives. A task that fails for good
    leaves its documents claimed until the run ends, when `finish_run` hands them back
    as pending; a killed driver's claims are freed by the next run
    (`release_stale_claims`). So no document is lost, and none is coded twice.
    """
    from marsad.run.work import extractor_version

    t0 = time.perf_counter()
    version = extractor_version(extractor)
    stats = RunStats(released=len(store.release_stale_claims(lease_seconds)))
    stats.todo = store.count_todo(version, reextract=reextract)
    if limit is not None:
        stats.todo = min(stats.todo, limit)
    ctx = contextlib.nullcontext(client) if client is not None else connect(scheduler, workers=workers)
    with ctx as c, _run_progress(progress, stats.todo, c) as advance:
        c.register_plugin(MarsadWorkerPlugin())  # a no-op where connect() did it
        n_workers = max(len(c.scheduler_info().get("workers", {})), 1)
        depth = in_flight or 2 * n_workers  # batches queued ahead: every worker stays busy
        stats.run_id = run_id = store.start_run(
            "extract", engine="dask", workers=n_workers, extractor_version=version,
            batch_size=batch_size, reextract=reextract, extractor=extractor,
            scheduler=c.scheduler.address)
        if on_start:
            on_start(stats)
        status = "failed"
        claimed = 0
        seq = 0
        errors: list[str] = []
        try:
            ac = as_completed()

            def submit() -> bool:
                nonlocal claimed, seq
                n = batch_size if limit is None else min(batch_size, limit - claimed)
                tasks = store.claim_documents(run_id, n, version=version,
                                              reextract=reextract) if n > 0 else []
                if not tasks:
                    return False
                claimed += len(tasks)
                seq += 1
                ac.add(c.submit(process_documents, tasks, extractor, pure=False,
                                key=f"marsad-batch-{run_id}-{seq}", retries=retries))
                return True

            more = True
            for _ in range(depth):
                if not (more := submit()):
                    break
            last_beat = time.monotonic()
            for fut in ac:
                if fut.status == "error":  # its claims are handed back by finish_run
                    errors.append(f"{fut.key}: {fut.exception()!r}")
                else:
                    results = fut.result()
                    saved = store.save_results(run_id, results)
                    stats.coded += saved.saved
                    stats.failed += saved.failed
                    stats.events += saved.events
                    stats.dropped += saved.not_claimed
                    stats.extract_seconds += sum(r.seconds for r in results)
                    advance(len(results))
                fut.release()
                if more:
                    more = submit()
                if time.monotonic() - last_beat > 5:
                    store.heartbeat(run_id, stats.to_dict())
                    last_beat = time.monotonic()
            status = "finished" if not errors else "incomplete"
        finally:
            stats.seconds = time.perf_counter() - t0
            # hands back any claim not saved (failed task, Ctrl-C): pending for the next run
            store.finish_run(run_id, stats.to_dict() | {"task_errors": errors[:20]}, status=status)
    if errors:
        from marsad.cli._output import err_console

        err_console.print(f"[red]{len(errors)} batch task(s) failed[/red]; their documents are "
                          f"pending again, run again to finish them. First: {errors[0]}")
    return stats


@contextlib.contextmanager
def _run_progress(progress: bool | Callable[[int], None], total: int,
                  client: Client) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr (with the dashboard link), or the caller's callback."""
    if callable(progress):
        yield progress
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from marsad.cli._output import err_console

    link = dashboard_link(client)
    if progress and link:
        err_console.print(f"Dask dashboard: {link}")
    with Progress("extracting on Dask", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err_console, disable=not progress, transient=True) as bar:
        task = bar.add_task("run", total=total)
        yield lambda n: bar.advance(task, n)
