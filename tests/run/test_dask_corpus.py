"""The bulk path on a real 2-worker LocalCluster: SaudiNewsNet JSONL -> event Parquet.

The articles are copied from the shared corpus into tmp_path at test time (never into
the repository). The cluster (tests/run/conftest.py) is shared by all Dask tests.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import sys
import time
from pathlib import Path

import cloudpickle
import pandas as pd
import pytest

from marsad.extract import extract
from marsad.run import corpus
from marsad.run.dask_runner import extract_corpus_dask, worker_builds
from tests.conftest import SAUDINEWSNET, _need

# the slow extractor below must reach the workers by value (they cannot import tests/)
cloudpickle.register_pickle_by_value(sys.modules[__name__])

BROKEN = [b'{"content": 5, "url": "x"}\n', b"this is not json\n", b'{"content": "only English text"}\n']


def _slow_extract(text: str, **kw):  # the real extractor, slowed so a kill lands mid-task
    time.sleep(0.02)
    return extract(text, **kw)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple[Path, int]:
    """100 real articles as a plain .jsonl, 40 more plus 3 broken lines as .jsonl.gz."""
    d = tmp_path_factory.mktemp("corpus")
    lines: list[bytes] = []
    with gzip.open(_need(SAUDINEWSNET), "rb") as fh:
        for raw in fh:
            lines.append(raw)
            if len(lines) == 140:
                break
    (d / "a.jsonl").write_bytes(b"".join(lines[:100]))
    with gzip.open(d / "b.jsonl.gz", "wb") as fh:
        fh.write(b"".join(lines[100:130] + BROKEN + lines[130:]))
    return d, 143


@pytest.fixture
def client(dask_client):
    dask_client.wait_for_workers(2, timeout=60)  # a worker killed by an earlier test is back
    return dask_client


def _options(chunk: int = 10) -> corpus.CorpusOptions:
    return corpus.CorpusOptions(field_map=tuple(corpus.PRESETS["saudinewsnet"].items()),
                                chunk_lines=chunk)


def _plan(inputs: tuple[Path, int], out: Path, chunk: int = 10) -> list[corpus.Partition]:
    d, _ = inputs
    corpus.check_out_dir(out, _options(chunk))
    return corpus.plan_partitions(corpus.expand_inputs([str(d / "*.jsonl*")]), chunk)


def _check_complete(out: Path, n_lines: int) -> pd.DataFrame:
    """Every input line has exactly one manifest row; events match the manifest counts."""
    man = pd.read_parquet(out / "manifest")
    assert len(man) == n_lines
    assert man["origin"].is_unique
    assert man["document_id"].is_unique
    ev = pd.read_parquet(out / "events")
    per_doc = ev.groupby("document_id").size() if len(ev) else pd.Series(dtype=int)
    for doc_id, n in zip(man["document_id"], man["n_events"], strict=True):
        assert per_doc.get(doc_id, 0) == n
    return man


def test_dask_corpus_end_to_end_every_record_accounted_for(inputs, client, tmp_path):
    parts = _plan(inputs, tmp_path)
    assert len(parts) == 10 + 5  # 100/10 -> 10 chunks; 43 lines -> 5 chunks
    report, failed = extract_corpus_dask(parts, tmp_path, _options(), client)
    assert failed == {}
    assert report.partitions == 15 and report.skipped == 0 and len(report.results) == 15
    man = _check_complete(tmp_path, inputs[1])
    counts = man["status"].value_counts().to_dict()
    assert counts == {"done": 140, "quarantined": 3}
    bad = man[man.status == "quarantined"].set_index("origin")
    gz = str(inputs[0] / "b.jsonl.gz")
    assert bad.loc[f"{gz}:31", "reason"].startswith("no text in field 'content'")
    assert "malformed JSON" in bad.loc[f"{gz}:32", "reason"]
    assert bad.loc[f"{gz}:33", "reason_code"] == "not_arabic"
    # ids are the preset's url field; the text is kept for `marsad import`
    done = man[man.status == "done"]
    assert done["document_id"].str.startswith("http").all()
    assert done["text"].str.contains("[\u0600-\u06ff]").all()
    assert done["published"].notna().all()
    # both workers took part, and each built its resources once for all its tasks
    assert len({r.worker_pid for r in report.results}) == 2
    assert {r.resources_builds for r in report.results} == {1}
    assert set(client.run(worker_builds).values()) == {1}


def test_dask_corpus_rerun_finishes_only_missing_partitions(inputs, client, tmp_path):
    parts = _plan(inputs, tmp_path)[-5:]  # the .jsonl.gz file (43 lines) only
    extract_corpus_dask(parts, tmp_path, _options(), client)
    victim = parts[4].name
    (tmp_path / "manifest" / f"{victim}.parquet").unlink()  # as if killed before the rename
    mtimes = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "manifest").iterdir()}
    report, failed = extract_corpus_dask(parts, tmp_path, _options(), client)
    assert failed == {}
    assert report.skipped == len(parts) - 1
    assert [r.name for r in report.results] == [victim]
    assert all(p.stat().st_mtime_ns == mtimes[p.name]
               for p in (tmp_path / "manifest").iterdir() if p.name in mtimes)
    _check_complete(tmp_path, 43)
    again, _ = extract_corpus_dask(parts, tmp_path, _options(), client)
    assert again.skipped == len(parts) and again.results == []


def test_dask_corpus_refuses_other_partitioning(inputs, tmp_path):
    _plan(inputs, tmp_path, chunk=25)
    with pytest.raises(corpus.InputError, match="chunk_lines"):
        corpus.check_out_dir(tmp_path, _options(chunk=50))


def test_dask_corpus_cli_on_a_running_scheduler(inputs, client, tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    out = tmp_path / "out"
    args = ["extract-corpus", str(inputs[0] / "*.jsonl.gz"), "-o", str(out), "--engine", "dask",
            "--scheduler", client.scheduler.address, "--preset", "saudinewsnet",
            "--chunk-lines", "20", "--json"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["documents"] == 43 and summary["quarantined"] == 3
    assert summary["partitions"] == 3
    _check_complete(out, 43)


def test_dask_corpus_worker_killed_mid_run_loses_and_doubles_nothing(inputs, client, tmp_path):
    parts = _plan(inputs, tmp_path, chunk=5)  # 29 partitions of 5 articles
    pids = client.run(os.getpid)
    state: dict[str, object] = {}

    def kill_once(result: corpus.PartitionResult) -> None:
        if state:
            return
        busy = {w: ts for w, ts in client.processing().items() if ts}
        victim = next(iter(busy))  # a worker with a task in flight right now
        state.update(victim=victim, pid=pids[victim], in_flight=busy[victim],
                     done_before=len(list((tmp_path / "manifest").glob("*.parquet"))))
        os.kill(pids[victim], signal.SIGKILL)

    report, failed = extract_corpus_dask(parts, tmp_path, _options(chunk=5), client,
                                         on_result=kill_once, extract_fn=_slow_extract)
    assert state["in_flight"], "the killed worker had a task running"
    assert state["done_before"] < len(parts)
    assert failed == {}
    assert len({r.name for r in report.results}) == len(parts)
    assert state["pid"] not in client.run(os.getpid).values()  # the worker really died
    _check_complete(tmp_path, inputs[1])
