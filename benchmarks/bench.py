"""Throughput, memory and load-time benchmark of marsad on the SaudiNewsNet corpus.

    python benchmarks/bench.py                      # ~300 articles, both pipelines, 1 and N processes
    python benchmarks/bench.py --articles 2000 --processes 4
    python benchmarks/bench.py --scaling            # 1k / 5k / 20k articles, and by article length
    python benchmarks/bench.py --profile            # seconds per pipeline component

"recognisers" is `marsad.pipeline.ENTITY_PIPELINE`, "extract" the full `DEFAULT_PIPELINE`.
A table is printed at the end and the figures are written as JSON under
benchmarks/results/ (git-ignored) to compare commits. Figures measured on a shared
machine are indicative only: the JSON records the load average next to them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks._work` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._work import (
    DEFAULT_CORPUS,
    PIPELINES,
    REPO,
    Article,
    current_rss_mb,
    git_commit,
    load_time,
    machine,
    peak_rss_mb,
    profile_stages,
    read_articles,
    ready,
    run_articles,
    warm_worker,
)

LENGTH_BUCKETS = (1000, 2000, 4000, 8000)  # characters: <1k, 1-2k, 2-4k, 4-8k, >=8k


def _rates(n: dict[str, Any], seconds: float) -> dict[str, Any]:
    return {
        "articles": n["articles"], "sentences": n["sentences"], "events": n["events"],
        "entities": n["entities"], "errors": n["errors"], "seconds": round(seconds, 3),
        "articles_per_s": round(n["articles"] / seconds, 2) if seconds else None,
        "sentences_per_s": round(n["sentences"] / seconds, 1) if seconds else None,
        "chars_per_s": round(sum(c for c, _ in n["per_article"]) / seconds) if seconds else None,
    }


def one_process(articles: list[Article], which: str) -> dict[str, Any]:
    from marsad.resources import default_resources

    t = time.perf_counter()
    default_resources().warm()
    load = time.perf_counter() - t
    t = time.perf_counter()
    n = run_articles(articles, which)
    out = _rates(n, time.perf_counter() - t)
    out.update(processes=1, resources_in_process_s=round(load, 3), peak_rss_mb=peak_rss_mb())
    out["_per_article"] = n["per_article"]
    return out


class WorkerPool:
    """N spawned workers that build their resources once, shared by every timed run."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        t0 = time.perf_counter()
        self.executor = ProcessPoolExecutor(processes, mp_context=mp.get_context("spawn"))
        warm = list(self.executor.map(_warm_once, range(processes * 2)))
        self.startup_s = round(time.perf_counter() - t0, 3)
        self.worker_resources_s = round(max(w["seconds"] for w in warm), 3)

    def run(self, articles: list[Article], which: str) -> dict[str, Any]:
        size = max(1, len(articles) // (self.processes * 4))
        chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
        t = time.perf_counter()
        parts = list(self.executor.map(run_articles, chunks, [which] * len(chunks)))
        seconds = time.perf_counter() - t
        total: dict[str, Any] = {k: sum(p[k] for p in parts)
                                 for k in ("articles", "sentences", "events", "entities", "errors")}
        total["per_article"] = [x for p in parts for x in p["per_article"]]
        out = _rates(total, seconds)
        out.update(
            processes=self.processes,
            workers_seen=len({p["pid"] for p in parts}),
            startup_s=self.startup_s,
            worker_resources_s=self.worker_resources_s,
            peak_rss_mb_per_worker=max(p["peak_rss_mb"] for p in parts),
        )
        out["_per_article"] = total["per_article"]
        return out


def _warm_once(i: int) -> dict[str, Any]:
    w = warm_worker()  # idempotent: resources are built on the first call only
    ready(i)
    return w


def length_buckets(per_article: list[tuple[int, float]]) -> list[dict[str, Any]]:
    edges = (0, *LENGTH_BUCKETS, None)
    out = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        rows = [(c, s) for c, s in per_article if c >= lo and (hi is None or c < hi)]
        if not rows:
            continue
        secs = sum(s for _, s in rows)
        out.append({
            "chars": f"{lo}-{hi}" if hi else f">={lo}", "articles": len(rows),
            "median_ms": round(statistics.median(s for _, s in rows) * 1000, 2),
            "chars_per_s": round(sum(c for c, _ in rows) / secs) if secs else None,
        })
    return out


def scaling(corpus: Path, sizes: list[int], pool: WorkerPool | None) -> dict[str, Any]:
    runs = []
    biggest: list[tuple[int, float]] = []
    for n in sizes:
        arts = read_articles(corpus, n)
        r = pool.run(arts, "extract") if pool is not None else one_process(arts, "extract")
        biggest = r.pop("_per_article")
        runs.append({"requested": n, **r})
        print(f"  scaling: {len(arts)} articles, {r['articles_per_s']} articles/s", file=sys.stderr)
    return {"runs": runs, "by_length": length_buckets(biggest)}


def profile(articles: list[Article], out_dir: Path, pyinstrument: bool) -> dict[str, Any]:
    spent = profile_stages(articles)
    total = sum(spent.values()) or 1.0
    stages = [{"component": k, "seconds": round(v, 4), "share": round(v / total, 4),
               "ms_per_article": round(v / len(articles) * 1000, 3)} for k, v in spent.items()]
    out: dict[str, Any] = {"articles": len(articles), "stages": stages}
    if pyinstrument:
        try:
            from pyinstrument import Profiler
        except ImportError:
            out["pyinstrument"] = "not installed (pip install pyinstrument)"
        else:
            prof = Profiler()
            with prof:
                run_articles(articles, "extract")
            path = out_dir / "profile.txt"
            path.write_text(prof.output_text(unicode=True, color=False), encoding="utf-8")
            out["pyinstrument"] = str(path)
    return out


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300, help="articles to run (default 300)")
    ap.add_argument("--processes", type=int, default=None,
                    help="worker processes for the N-process run (default: usable cores)")
    ap.add_argument("--pipelines", default="recognisers,extract",
                    help="which of recognisers,extract to time (default both)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    ap.add_argument("--no-load", action="store_true", help="skip the cold/warm load-time runs")
    ap.add_argument("--scaling", action="store_true", help="throughput against corpus size and length")
    ap.add_argument("--scaling-sizes", default="1000,5000,20000")
    ap.add_argument("--profile", action="store_true", help="time each pipeline component")
    ap.add_argument("--pyinstrument", action="store_true", help="with --profile: a pyinstrument profile")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (give --corpus or set MARSAD_SHARED)")
    which = [p.strip() for p in args.pipelines.split(",") if p.strip()]
    bad = set(which) - set(PIPELINES)
    if bad:
        sys.exit(f"unknown pipeline(s) {sorted(bad)}: choose from {PIPELINES}")
    facts = machine()
    procs = args.processes or facts["usable_cores"]
    result: dict[str, Any] = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                              "machine": facts, "git": git_commit(), "argv": sys.argv[1:] if argv is None else argv}
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.no_load:
        with tempfile.TemporaryDirectory(prefix="marsad-bench-cache-") as cache:
            result["load"] = {"cold": load_time(Path(cache)), "warm": load_time(Path(cache))}
    articles = read_articles(args.corpus, args.articles)
    result["sample"] = {"articles": len(articles), "chars": sum(len(a.text) for a in articles),
                        "corpus": str(args.corpus)}
    result["rss_before_mb"] = current_rss_mb()
    runs = []
    per_article: list[tuple[int, float]] = []
    pool = WorkerPool(procs) if procs > 1 else None
    try:
        for w in which:
            one = one_process(articles, w)
            per_article = one.pop("_per_article")
            runs.append({"pipeline": w, **one})
            if pool is not None:
                many = pool.run(articles, w)
                many.pop("_per_article")
                runs.append({"pipeline": w, **many})
        if args.scaling:
            sizes = sorted(int(x) for x in args.scaling_sizes.split(",") if x.strip())
            result["scaling"] = scaling(args.corpus, sizes, pool)
    finally:
        if pool is not None:
            pool.executor.shutdown()
    result["runs"] = runs
    result["by_length"] = length_buckets(per_article)
    if args.profile:
        result["profile"] = profile(articles, args.out, args.pyinstrument)
    result["machine"]["load_average_end"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    stamp = result["date"].replace(":", "").replace("-", "")[:15]
    commit = (result["git"]["commit"] or "nogit")[:8]
    path = args.out / f"bench-{stamp}-{commit}.json"
    text = json.dumps(result, ensure_ascii=False, indent=2)
    path.write_text(text, encoding="utf-8")
    (args.out / "latest.json").write_text(text, encoding="utf-8")
    result["json_path"] = str(path)
    from benchmarks.table import print_table

    print_table(result)
    return result


if __name__ == "__main__":
    main()
