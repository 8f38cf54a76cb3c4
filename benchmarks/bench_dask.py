"""Dask against the local runner, on the same SaudiNewsNet articles, in one run.

    python benchmarks/bench_dask.py                   # 5,000 articles
    python benchmarks/bench_dask.py --articles 1000 --postgres postgresql://postgres@127.0.0.1:5432/test

What it measures (each engine on the same articles, clusters and pools started before the
clock where the engine allows it, their start-up reported apart):

- bare: the extractor in a loop in this process (the ceiling per worker);
- bulk path (`marsad extract-corpus`): local engine in-process and with a 2-process pool,
  Dask with 1 and 2 workers (JSONL in, Parquet out);
- store path (`marsad run`): the local runner with 1 and 2 workers and `run_dask` with 1
  and 2 Dask workers, on SQLite and (with --postgres) PostgreSQL; the time spent in the
  driver's atomic batch commits is timed apart (commits/s, documents committed/s);
- the database alone: claiming and saving precomputed results batch by batch with nothing
  else running (the commit rate one driver can sustain);
- scheduler overhead: the round trip of 1,000 no-op tasks, and of tasks carrying a batch
  of 50 articles, on the 2-worker cluster.

Overhead per document, two ways: wall time x workers / articles - the bare extractor's
time per article; and CPU seconds per article (this process with its in-process
schedulers, its reaped pool children, and the Dask worker processes, read with
`client.run(time.process_time)`) - the bare extractor's CPU per article. Both include
what each engine adds (process start, (de)serialisation, scheduling, Parquet or database
writes). On a shared machine the wall figures mostly show contention; the CPU figures
hold up better. The JSON records the load average at start and end.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._work import DEFAULT_CORPUS, machine

RESULTS = Path(__file__).with_name("results")
NO_DASHBOARD = {"dashboard": False, "dashboard_address": ":0"}  # HTTP on a free port


def _noop(i: int) -> int:
    return i


def _cpu_now(client: Any | None) -> float:
    """CPU seconds so far of this process (driver, in-process schedulers and nannies),
    its reaped children (local pools) and the client's Dask worker processes."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    if client is not None:
        total += sum(client.run(time.process_time).values())
    return total


def _size(batch: list[str]) -> int:
    return sum(len(t) for t in batch)


def write_sample(src: Path, n: int, dest: Path) -> list[dict[str, Any]]:
    """The first `n` articles as a JSONL file in a temp dir (deleted after the run)."""
    rows: list[dict[str, Any]] = []
    with gzip.open(src, "rt", encoding="utf-8") as fh, open(dest, "w", encoding="utf-8") as out:
        for line in fh:
            obj = json.loads(line)
            if not (obj.get("content") or "").strip():
                continue
            out.write(line if line.endswith("\n") else line + "\n")
            rows.append(obj)
            if len(rows) >= n:
                break
    return rows


def bare(rows: list[dict[str, Any]], keep: dict[str, Any]) -> dict[str, Any]:
    """The extractor in a loop; `keep` gets each article's events (for the commit test)."""
    from marsad.extract import extract
    from marsad.ingest.records import titled_text
    from marsad.resources import default_resources

    t = time.perf_counter()
    res = default_resources().warm()
    warm = time.perf_counter() - t
    t = time.perf_counter()
    c = time.process_time()
    events = 0
    for o in rows:
        text, title_line = titled_text(o["title"], o["content"])  # as the runner reads it
        doc = extract(text, id=o["url"], published=o["date_extracted"], title=o["title"],
                      outlet=o["source"], url=o["url"], title_first_line=title_line, resources=res)
        events += len(doc.events)
        keep[o["content"]] = doc.events
    s = time.perf_counter() - t
    return {"engine": "bare extractor", "workers": 1, "seconds": s, "events": events,
            "cpu_seconds": time.process_time() - c, "warm_seconds": warm}


@contextlib.contextmanager
def cluster(n: int) -> Iterator[tuple[Any, float]]:
    from distributed import Client, LocalCluster

    from marsad.run.dask_runner import MarsadWorkerPlugin

    t = time.perf_counter()
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, memory_limit="2GiB",
                      dashboard_address=None,
                      scheduler_kwargs=NO_DASHBOARD) as c, Client(c) as client:
        client.register_plugin(MarsadWorkerPlugin())
        client.wait_for_workers(n)
        yield client, time.perf_counter() - t


def bulk(sample: Path, tmp: Path, chunk: int, clients: dict[int, Any]) -> list[dict[str, Any]]:
    from marsad.run import corpus
    from marsad.run.dask_runner import extract_corpus_dask

    opts = corpus.CorpusOptions(field_map=tuple(corpus.PRESETS["saudinewsnet"].items()),
                                chunk_lines=chunk)
    parts = corpus.plan_partitions([str(sample)], chunk)
    out = []
    runs: list[tuple[str, int]] = [("local", 1), ("local", 2), ("dask", 1), ("dask", 2)]
    for engine, w in runs:
        d = tmp / f"bulk-{engine}-{w}"
        corpus.check_out_dir(d, opts)
        client = clients[w] if engine == "dask" else None
        cpu = _cpu_now(client)
        if engine == "local":
            rep = corpus.run_local(parts, d, opts, workers=w)
        else:
            rep, failed = extract_corpus_dask(parts, d, opts, clients[w])
            assert not failed, failed
        cpu = _cpu_now(client) - cpu
        s = rep.summary()
        out.append({"path": "bulk", "engine": engine + (" (pool)" if w > 1 and engine == "local"
                                                         else ""),
                    "workers": w, "seconds": rep.seconds, "cpu_seconds": cpu,
                    "documents": s["documents"],
                    "events": s["events"], "partitions": len(parts)})
    return out


def _reset(store: Any) -> None:
    from sqlalchemy import delete, update

    from marsad.store import models as m

    with store.write() as conn:
        conn.execute(delete(m.Evidence))
        conn.execute(delete(m.MentionActor))
        conn.execute(delete(m.Mention))
        conn.execute(update(m.Document).values(
            status="pending", n_codings=0, n_events=0, extractor_version=None, error=None,
            claimed_by=None, claimed_at=None, coded_at=None, coded_by=None))


def _timed_commits(store: Any) -> dict[str, float]:
    """Wrap `store.save_results` to time the driver's batch commits."""
    acc = {"seconds": 0.0, "cpu_seconds": 0.0, "batches": 0, "docs": 0}
    inner = store.save_results

    def save(run_id: int, results: Any) -> Any:
        t, c = time.perf_counter(), time.process_time()
        try:
            return inner(run_id, results)
        finally:
            acc["seconds"] += time.perf_counter() - t
            acc["cpu_seconds"] += time.process_time() - c
            acc["batches"] += 1
            acc["docs"] += len(results)

    store.save_results = save
    return acc


def commit_only(store: Any, events_by_text: dict[str, Any], batch: int) -> dict[str, Any]:
    """The database alone: claim and save precomputed results, nothing else running."""
    from marsad.extract import EXTRACTOR_VERSION
    from marsad.ingest.ids import document_id
    from marsad.run.work import DocumentResult

    by_id = {document_id(t): evs for t, evs in events_by_text.items()}
    _reset(store)
    run_id = store.start_run("extract", engine="bench-commit", extractor_version=EXTRACTOR_VERSION)
    claim_s = save_s = 0.0
    docs = events = batches = 0
    while True:
        t = time.perf_counter()
        tasks = store.claim_documents(run_id, batch, version=EXTRACTOR_VERSION)
        claim_s += time.perf_counter() - t
        if not tasks:
            break
        results = [DocumentResult(x.id, EXTRACTOR_VERSION, by_id.get(x.id, [])) for x in tasks]
        t = time.perf_counter()
        saved = store.save_results(run_id, results)
        save_s += time.perf_counter() - t
        docs += len(results)
        events += saved.events
        batches += 1
    store.finish_run(run_id, {"docs": docs})
    return {"documents": docs, "events": events, "batches": batches,
            "claim_ms_per_batch": claim_s / batches * 1000 if batches else None,
            "save_ms_per_batch": save_s / batches * 1000 if batches else None,
            "docs_per_s": docs / (claim_s + save_s) if docs else None}


def store_path(label: str, store: Any, rows: list[dict[str, Any]], batch: int,
               clients: dict[int, Any], events_by_text: dict[str, Any],
               facts: dict[str, Any]) -> list[dict[str, Any]]:
    from marsad.extract import parse_date
    from marsad.ingest.ids import document_id
    from marsad.run.dask_runner import run_dask
    from marsad.run.local import run_local
    from marsad.store import NewDocument

    docs = [NewDocument(id=document_id(o["content"]), text=o["content"], title=o["title"],
                        published=parse_date(o["date_extracted"]), outlet=o["source"],
                        url=o["url"]) for o in rows]
    t = time.perf_counter()
    for i in range(0, len(docs), 500):
        store.add_documents(docs[i:i + 500])
    ingest = time.perf_counter() - t
    out = []
    for engine, w in (("local", 1), ("local", 2), ("dask", 1), ("dask", 2)):
        _reset(store)
        acc = _timed_commits(store)
        client = clients[w] if engine == "dask" else None
        cpu = _cpu_now(client)
        if engine == "local":
            st = run_local(store, workers=w, batch_size=batch)
        else:
            st = run_dask(store, client=clients[w], batch_size=batch, progress=False)
        cpu = _cpu_now(client) - cpu
        del store.save_results  # back to the class's method
        out.append({"path": f"store:{label}", "engine": engine, "workers": w,
                    "seconds": st.seconds, "cpu_seconds": cpu,
                    "documents": st.coded + st.failed,
                    "events": st.events, "commit_seconds": acc["seconds"],
                    "commit_cpu_seconds": acc["cpu_seconds"],
                    "commits": acc["batches"],
                    "commits_per_s": acc["batches"] / acc["seconds"] if acc["seconds"] else None,
                    "committed_docs_per_s": acc["docs"] / acc["seconds"] if acc["seconds"] else None,
                    "ingest_docs_per_s": len(docs) / ingest})
    facts.setdefault("commit_only", {})[label] = commit_only(store, events_by_text, batch)
    return out


@contextlib.contextmanager
def postgres_store(url: str) -> Iterator[Any]:
    from sqlalchemy import create_engine, text

    from marsad.store import Store

    base = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    schema = f"marsad_bench_{uuid.uuid4().hex[:8]}"
    with base.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    store = Store(f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}")
    try:
        yield store
    finally:
        store.close()
        with base.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        base.dispose()


def scheduler_overhead(client: Any, rows: list[dict[str, Any]]) -> dict[str, float]:
    n = 1000
    client.gather(client.map(_noop, range(50), pure=False))  # warm the path
    t, cpu = time.perf_counter(), _cpu_now(client)
    client.gather(client.map(_noop, range(n), pure=False))
    noop = (time.perf_counter() - t) / n
    noop_cpu = (_cpu_now(client) - cpu) / n
    batch = [o["content"] for o in rows[:50]]
    m = 100
    t = time.perf_counter()
    client.gather([client.submit(_size, batch, pure=False) for _ in range(m)])
    payload = (time.perf_counter() - t) / m
    return {"noop_task_ms": noop * 1000, "noop_task_cpu_ms": noop_cpu * 1000,
            "batch50_task_ms": payload * 1000,
            "batch50_kb": sum(len(x.encode()) for x in batch) / 1024}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--chunk-lines", type=int, default=250, help="bulk path: lines per partition")
    ap.add_argument("--batch-size", type=int, default=50, help="store path: documents per batch")
    ap.add_argument("--postgres", default=os.environ.get("MARSAD_TEST_POSTGRES"),
                    help="also run the store path on this PostgreSQL URL (a private schema)")
    ap.add_argument("--no-store", action="store_true", help="skip the store path")
    ap.add_argument("--out", type=Path, default=None, help="JSON output (default: results/)")
    args = ap.parse_args(argv)

    facts: dict[str, Any] = {"machine": machine(), "articles": args.articles,
                             "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    rows_out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="marsad-bench-dask-") as tmpd:
        tmp = Path(tmpd)
        sample = tmp / "sample.jsonl"
        rows = write_sample(args.corpus, args.articles, sample)
        events_by_text: dict[str, Any] = {}
        base = bare(rows, events_by_text)
        rows_out.append({"path": "-", **base, "documents": len(rows)})
        with cluster(1) as (c1, start1), cluster(2) as (c2, start2):
            facts["cluster_start_seconds"] = {"1": start1, "2": start2}
            clients = {1: c1, 2: c2}
            facts["scheduler"] = scheduler_overhead(c2, rows)
            rows_out += bulk(sample, tmp, args.chunk_lines, clients)
            if not args.no_store:
                from marsad.store import Store

                with Store(tmp / "bench.db") as s:
                    rows_out += store_path("sqlite", s, rows, args.batch_size, clients,
                                           events_by_text, facts)
                if args.postgres:
                    with postgres_store(args.postgres) as s:
                        rows_out += store_path("postgresql", s, rows, args.batch_size,
                                               clients, events_by_text, facts)
    per_doc_bare = base["seconds"] / len(rows)
    cpu_bare = base["cpu_seconds"] / len(rows)
    for r in rows_out:
        r["docs_per_s"] = r["documents"] / r["seconds"] if r["seconds"] else None
        r["overhead_ms_per_doc"] = (r["seconds"] * r["workers"] / r["documents"] - per_doc_bare) * 1000
        r["cpu_ms_per_doc"] = r["cpu_seconds"] / r["documents"] * 1000
        r["cpu_overhead_ms_per_doc"] = r["cpu_ms_per_doc"] - cpu_bare * 1000
        if r.get("commit_seconds"):
            r["commit_ms_per_doc"] = r["commit_seconds"] / r["documents"] * 1000
            r["commit_cpu_ms_per_doc"] = r["commit_cpu_seconds"] / r["documents"] * 1000
    facts["runs"] = rows_out
    facts["machine"]["load_average_end"] = list(os.getloadavg())
    _print(facts)
    _save(facts, args.out)
    return facts


def _print(facts: dict[str, Any]) -> None:
    m = facts["machine"]
    print(f"\n{facts['articles']} SaudiNewsNet articles; {m['usable_cores']} usable cores, "
          f"load average {m['load_average'][0]:.1f} -> {m['load_average_end'][0]:.1f} "
          "(shared machine: indicative figures)")
    s = facts["scheduler"]
    print(f"Dask: cluster start {facts['cluster_start_seconds']['1']:.1f} s (1 worker), "
          f"{facts['cluster_start_seconds']['2']:.1f} s (2); no-op task: round trip "
          f"{s['noop_task_ms']:.2f} ms, {s['noop_task_cpu_ms']:.2f} ms CPU (scheduler + client + "
          f"worker); a task carrying 50 articles ({s['batch50_kb']:.0f} KB) "
          f"{s['batch50_task_ms']:.2f} ms")
    print("wall figures suffer from the machine's load; CPU figures much less so")
    print(f"{'path':<18}{'engine':<15}{'wkrs':>5}{'docs/s':>8}{'wall ovh':>10}{'CPU ms':>8}"
          f"{'CPU ovh':>9}{'commit ms':>11}{'commit CPU':>12}{'commit docs/s':>15}")
    for r in facts["runs"]:
        cms = f"{r['commit_ms_per_doc']:.2f}" if r.get("commit_ms_per_doc") else "-"
        ccpu = f"{r['commit_cpu_ms_per_doc']:.2f}" if r.get("commit_cpu_ms_per_doc") else "-"
        cds = f"{r['committed_docs_per_s']:.0f}" if r.get("committed_docs_per_s") else "-"
        print(f"{r['path']:<18}{r['engine']:<15}{r['workers']:>5}{r['docs_per_s']:>8.1f}"
              f"{r['overhead_ms_per_doc']:>10.2f}{r['cpu_ms_per_doc']:>8.2f}"
              f"{r['cpu_overhead_ms_per_doc']:>9.2f}{cms:>11}{ccpu:>12}{cds:>15}")
    print("(ms are per article; ovh = over the bare extractor; commit = the driver's "
          "save_results, CPU of this process only, not the database server's)")
    for label, c in facts.get("commit_only", {}).items():
        print(f"database alone ({label}): {c['documents']} documents, {c['events']} events in "
              f"{c['batches']} batches: claim {c['claim_ms_per_batch']:.1f} ms + save "
              f"{c['save_ms_per_batch']:.1f} ms per batch = {c['docs_per_s']:.0f} documents/s")


def _save(facts: dict[str, Any], out: Path | None) -> None:
    if out is None:
        RESULTS.mkdir(exist_ok=True)
        try:
            commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                    text=True, check=False).stdout.strip() or "nocommit"
        except OSError:
            commit = "nocommit"
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        out = RESULTS / f"dask-{stamp}-{commit}.json"
    out.write_text(json.dumps(facts, indent=1, default=str), encoding="utf-8")
    print(f"figures written to {out}")


if __name__ == "__main__":
    main()
