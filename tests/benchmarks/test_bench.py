"""Smoke test: the benchmark runs end to end on 20 real articles (no speed threshold)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAUDINEWSNET


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    if not SAUDINEWSNET.exists():
        pytest.skip(f"SaudiNewsNet corpus not found at {SAUDINEWSNET} (set MARSAD_SHARED)")
    from benchmarks.bench import main

    out = tmp_path_factory.mktemp("bench")
    result = main(["--articles", "20", "--processes", "2", "--profile", "--out", str(out),
                   "--corpus", str(SAUDINEWSNET)])
    return result, out


def test_bench_writes_json_with_every_run(bench_run) -> None:
    result, out = bench_run
    written = json.loads(Path(result["json_path"]).read_text(encoding="utf-8"))
    assert json.loads((out / "latest.json").read_text(encoding="utf-8")) == written
    runs = {(r["pipeline"], r["processes"]): r for r in written["runs"]}
    assert set(runs) == {("recognisers", 1), ("recognisers", 2), ("extract", 1), ("extract", 2)}
    for r in runs.values():
        assert r["articles"] == 20 and r["errors"] == 0
        assert r["articles_per_s"] > 0 and r["sentences_per_s"] > 0
    assert runs[("extract", 2)]["peak_rss_mb_per_worker"] > 0
    assert written["machine"]["cores"] >= 1 and written["machine"]["python"].startswith("3.")
    assert set(written["load"]) == {"cold", "warm"}
    assert sum(b["articles"] for b in written["by_length"]) == 20


def test_bench_counts_the_sentences_the_splitter_finds(bench_run) -> None:
    from benchmarks._work import read_articles
    from marsad.text.sentences import split_sentences

    result, _ = bench_run
    expected = sum(len(split_sentences(a.text)) for a in read_articles(SAUDINEWSNET, 20))
    for r in result["runs"]:
        assert r["sentences"] == expected


def test_bench_profile_times_every_component(bench_run) -> None:
    from marsad.pipeline import DEFAULT_PIPELINE

    result, _ = bench_run
    stages = result["profile"]["stages"]
    assert [s["component"] for s in stages] == list(DEFAULT_PIPELINE)
    assert sum(s["share"] for s in stages) == pytest.approx(1.0, abs=0.01)
