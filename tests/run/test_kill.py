"""`marsad run` killed with SIGKILL midway, then resumed: no document lost or coded twice.

Runs on SQLite and on PostgreSQL. The first run (2 worker processes, small batches, a
slowed extractor) is killed once some batches are committed and others are in flight; the
second run must code exactly the documents the first did not, each once, and the events
stored must equal what the (test) extractor gives for each document.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from marsad.extract import parse_date
from marsad.ingest.ids import document_id
from marsad.store import NewDocument, Store
from marsad.store import models as m
from tests.run.slow_extractor import expected_events
from tests.store.dbs import db_url  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]
N_DOCS = 120


def _marsad(*args: str, delay: float) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MARSAD_TEST_DELAY": str(delay)}
    return subprocess.Popen(
        [sys.executable, "-c", "from marsad.cli import main; main()", "run", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True)


def _status_counts(store: Store) -> Counter:
    with store.read() as conn:
        return Counter(dict(conn.execute(select(m.Document.status, func.count())
                                         .group_by(m.Document.status)).all()))


def test_run_sigkill_then_resume_loses_nothing_codes_nothing_twice(
        db_url: str, saudinewsnet_articles) -> None:  # noqa: F811
    store = Store(db_url)
    docs = {}
    for a in saudinewsnet_articles[:N_DOCS]:
        d = NewDocument(document_id(a["content"]), a["content"], title=a["title"],
                        published=parse_date(a["date_extracted"]), outlet=a["source"],
                        url=a["url"], origin="saudinewsnet")
        docs.setdefault(d.id, d)
    store.add_documents(list(docs.values()))
    total = len(docs)
    expected = {d.id: expected_events(d.text) for d in docs.values()}

    args = ["--db", db_url, "--extractor", "tests.run.slow_extractor:extract",
            "--workers", "2", "--batch-size", "4", "--no-dedup", "--json"]
    first = _marsad(*args, delay=0.05)
    deadline = time.time() + 180
    try:
        while _status_counts(store)["done"] < 20:
            assert first.poll() is None, (first.stdout.read() + first.stderr.read()).decode()[-2000:]
            assert time.time() < deadline, "the first run made no progress"
            time.sleep(0.1)
        os.kill(first.pid, signal.SIGKILL)  # the runner itself, mid-batch
        first.wait(timeout=30)
    finally:
        try:
            os.killpg(first.pid, signal.SIGKILL)  # its orphaned pool workers
        except ProcessLookupError:
            pass
    assert first.returncode == -signal.SIGKILL
    at_kill = _status_counts(store)
    assert 20 <= at_kill["done"] < total, at_kill  # killed midway
    assert at_kill["claimed"] > 0, at_kill  # with batches in flight

    second = _marsad(*args, delay=0.0)
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err.decode()[-2000:]

    after = _status_counts(store)
    assert after == Counter({"done": total}), after
    with store.read() as conn:
        rows = conn.execute(select(m.Document.id, m.Document.n_codings, m.Document.n_events,
                                   m.Document.extractor_version)).all()
        per_doc = Counter(dict(conn.execute(select(m.Mention.document_id, func.count())
                                            .group_by(m.Mention.document_id)).all()))
        runs = dict(conn.execute(select(m.Run.id, m.Run.status)
                                 .where(m.Run.kind == "extract")).all())
    assert {r.n_codings for r in rows} == {1}  # nothing coded twice
    assert {r.extractor_version for r in rows} == {"kill-test-1"}
    assert {r.id: r.n_events for r in rows} == expected
    assert {k: per_doc.get(k, 0) for k in expected} == expected
    assert sum(expected.values()) > 0  # the check above compared real events
    assert sorted(runs.values()) == ["finished", "killed"]
    store.close()
