"""`marsad run --engine dask` on a real 2-worker LocalCluster, on SQLite and PostgreSQL.

50 real SaudiNewsNet articles are stored at test time (nothing copied into the repo).
PostgreSQL tests use a private schema in the `test` database, so they do not see other
tests' documents; they skip with the reason when no server answers, except in CI
(MARSAD_TEST_POSTGRES set), where they fail instead.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from marsad.extract import extract, parse_date
from marsad.ingest.ids import document_id
from marsad.run.dask_runner import run_dask, worker_resource_info
from marsad.store import NewDocument, Store
from tests.conftest import SAUDINEWSNET, _need

N_DOCS = 50
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
EXTRACTOR_VERSION = "slow-test"


def slow_extract(text: str, **kw):
    """The real extractor, slowed so that a worker can be killed with a batch in flight."""
    time.sleep(0.01)
    return extract(text, **kw)


@pytest.fixture(scope="module")
def articles() -> list[NewDocument]:
    out = []
    with gzip.open(_need(SAUDINEWSNET), "rt", encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            out.append(NewDocument(id=document_id(o["content"]), text=o["content"],
                                   title=o["title"], published=parse_date(o["date_extracted"]),
                                   outlet=o["source"], url=o["url"], origin="saudinewsnet"))
            if len(out) == N_DOCS:
                break
    return out


def _postgres_store() -> Iterator[Store]:
    url = os.environ.get("MARSAD_TEST_POSTGRES") or PG_DEFAULT
    try:
        base = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        with base.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        if os.environ.get("MARSAD_TEST_POSTGRES"):
            raise
        pytest.skip(f"no PostgreSQL server at {url} ({type(exc).__name__}); "
                    "set MARSAD_TEST_POSTGRES to run these tests")
    schema = f"marsad_dask_{uuid.uuid4().hex[:10]}"
    with base.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"
    store = Store(f"{url}{sep}options=-csearch_path%3D{schema}")
    try:
        yield store
    finally:
        store.close()
        with base.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        base.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_store(request, tmp_path) -> Iterator[Store]:
    if request.param == "sqlite":
        with Store(tmp_path / "marsad.db") as s:
            yield s
    else:
        yield from _postgres_store()


@pytest.fixture
def store(empty_store, articles) -> Store:
    assert empty_store.add_documents(articles).count("stored") == N_DOCS
    return empty_store


@pytest.fixture
def client(dask_client):
    dask_client.wait_for_workers(2, timeout=60)  # a worker killed by an earlier test is back
    return dask_client


def _codings(store: Store) -> dict[str, int]:
    from marsad.store import models as m

    with store.read() as conn:
        rows = conn.execute(select(m.Document.status, m.Document.n_codings,
                                   m.Document.n_events, m.Document.id)).all()
        mentions = conn.execute(select(m.Mention.document_id, func.count())
                                .group_by(m.Mention.document_id)).all()
    per_doc = dict(mentions)
    assert all(per_doc.get(doc_id, 0) == n for _, _, n, doc_id in rows)
    out: dict[str, int] = {}
    for status, n, _, _ in rows:
        key = f"{status}:{n}"
        out[key] = out.get(key, 0) + 1
    return out


def test_dask_store_run_codes_every_document_exactly_once(store, client):
    stats = run_dask(store, client=client, batch_size=10, progress=False)
    assert (stats.todo, stats.coded, stats.failed, stats.dropped) == (N_DOCS, N_DOCS, 0, 0)
    assert _codings(store) == {f"done:{1}": N_DOCS}
    run = store.get_run(stats.run_id)
    assert run["status"] == "finished" and run["engine"] == "dask" and run["workers"] == 2
    # resources were built once per worker process, not once per batch (10 batches ran)
    info = client.run(worker_resource_info)
    assert [v["builds"] for v in info.values()] == [1, 1]
    assert [v["default_misses"] for v in info.values()] == [1, 1]
    again = run_dask(store, client=client, batch_size=10, progress=False)
    assert again.todo == 0 and again.coded == 0
    assert _codings(store) == {"done:1": N_DOCS}


def test_dask_store_worker_killed_mid_run_loses_and_doubles_nothing(store, client):
    pids = client.run(os.getpid)
    state: dict[str, object] = {}

    def on_batch(n: int) -> None:
        if state:
            return
        busy = {w: ts for w, ts in client.processing().items() if ts}
        victim = next(iter(busy))
        state.update(pid=pids[victim], in_flight=busy[victim])
        os.kill(pids[victim], signal.SIGKILL)

    stats = run_dask(store, client=client, batch_size=5, progress=on_batch,
                     extractor="tests.run.test_dask_store:slow_extract")
    assert state["in_flight"], "the killed worker had a batch in flight"
    assert state["pid"] not in client.run(os.getpid).values()
    assert (stats.coded, stats.failed, stats.dropped) == (N_DOCS, 0, 0)
    assert _codings(store) == {"done:1": N_DOCS}
    assert store.get_run(stats.run_id)["status"] == "finished"


def test_dask_store_cli_run_engine_dask(tmp_path: Path, articles, client):
    from typer.testing import CliRunner

    from marsad.cli import app

    db = tmp_path / "cli.db"
    with Store(db) as s:
        s.add_documents(articles[:30])
    res = CliRunner().invoke(app, ["run", "--db", str(db), "--engine", "dask", "--scheduler",
                                   client.scheduler.address, "--batch-size", "10",
                                   "--no-dedup", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["coded"] == 30 and out["failed"] == 0
    with Store(db) as s:
        assert s.counts()["documents_done"] == 30


def test_dask_store_bulk_parquet_imported_into_the_store(empty_store, client, tmp_path):
    """extract-corpus on Dask -> Parquet -> `marsad import`: every record lands once."""
    import pandas as pd

    from marsad.run import corpus
    from marsad.run.corpus_import import import_corpus
    from marsad.run.dask_runner import extract_corpus_dask

    lines = []
    with gzip.open(_need(SAUDINEWSNET), "rb") as fh:
        for raw in fh:
            lines.append(raw)
            if len(lines) == 40:
                break
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(lines[:20] + [b"{broken\n", b'{"content": ""}\n'] + lines[20:]))
    out = tmp_path / "out"
    opts = corpus.CorpusOptions(field_map=tuple(corpus.PRESETS["saudinewsnet"].items()),
                                chunk_lines=12)
    corpus.check_out_dir(out, opts)
    _, failed = extract_corpus_dask(corpus.plan_partitions([str(src)], 12), out, opts, client)
    assert failed == {}
    n_events = len(pd.read_parquet(out / "events"))
    stats = import_corpus(empty_store, out)
    assert (stats.partitions, stats.documents, stats.added) == (4, 42, 40)
    assert (stats.coded, stats.failed, stats.quarantined, stats.events) == (40, 0, 2, n_events)
    assert n_events > 0  # real articles give real events
    counts = empty_store.counts()
    assert counts["documents_done"] == 40 and counts["quarantined"] == 2
    assert counts["mentions"] == n_events
    assert _codings(empty_store) == {"done:1": 40}
    assert empty_store.quarantine_by_reason() == {"bad_input": 1, "empty": 1}
    with empty_store.read() as conn:
        from marsad.store import models as m

        urls = set(conn.execute(select(m.Document.url)).scalars())
    assert urls == {json.loads(x)["url"] for x in lines}
    again = import_corpus(empty_store, out)
    assert (again.added, again.coded, again.quarantined) == (0, 0, 0)
    assert again.already_stored == 40 and again.quarantine_already == 2
    assert _codings(empty_store) == {"done:1": 40}


def test_dask_store_two_drivers_share_the_queue(store, client):
    """Two `run_dask` drivers on one database and one cluster: each document coded once."""
    from concurrent.futures import ThreadPoolExecutor

    other = Store(store.url, migrate_schema=False)
    try:
        with ThreadPoolExecutor(2) as pool:
            runs = list(pool.map(lambda s: run_dask(s, client=client, batch_size=5,
                                                    progress=False), [store, other]))
    finally:
        other.close()
    assert sum(r.coded for r in runs) == N_DOCS and all(r.dropped == 0 for r in runs)
    assert all(r.coded > 0 for r in runs), "both drivers took part"
    assert _codings(store) == {"done:1": N_DOCS}
