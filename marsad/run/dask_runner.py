"""Running the extractor on a Dask cluster (dask.distributed).

Two paths, one pure function underneath (`marsad.extract`):

* `extract_corpus_dask`: the bulk path. One task per input partition
  (`marsad.run.corpus.run_partition`); each task writes its own Parquet partition
  atomically, so a task retried after a lost worker rewrites the same partition and never
  duplicates it.
* `run_dask`: the store path (`marsad run --engine dask`). See `marsad.run.dask_store`.

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
from typing import Any

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
from marsad.run.worker_state import builds, worker_resources


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
