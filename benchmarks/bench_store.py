"""Store benchmark: ingest rate into SQLite and PostgreSQL, `marsad run` with 1 and 2 workers.

    python benchmarks/bench_store.py                      # 2,000 SaudiNewsNet articles
    python benchmarks/bench_store.py --articles 5000 --postgres postgresql://postgres@127.0.0.1:5432/test

For each database: the articles are written to a temporary JSONL file (never into the
repository) and ingested through `marsad.ingest.batch.ingest` (reading, decoding, hashing,
batch inserts, full-text index); then `run_local` codes them with 1 worker, the documents
are reset to pending, and `run_local` codes them again with 2 workers. The bare
extractor (a loop in this process over the same texts) gives the ceiling per worker, so
`efficiency_1_worker` = run throughput with 1 worker / bare throughput. Under load these
docs/s swing widely; `extractor_share` (time inside the extractor / (wall time x workers),
both measured during the same run) is the steadier figure of the runner's overhead.
PostgreSQL uses a
private schema, dropped at the end. On a shared machine the figures are indicative: the
JSON records the load average at start and end.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._work import DEFAULT_CORPUS, machine

RESULTS = Path(__file__).with_name("results")


def _articles(corpus: Path, n: int, out: Path) -> int:
    count = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            dst.write(line)
            count += 1
            if count >= n:
                break
    return count


def _bare(store: Any, limit: int) -> dict[str, Any]:
    from sqlalchemy import select

    from marsad.extract import extract
    from marsad.resources import default_resources
    from marsad.store import models as m

    with store.read() as conn:
        rows = conn.execute(select(m.Document.text, m.Document.published, m.Document.title)
                            .order_by(m.Document.id).limit(limit)).all()  # the runs' documents
    default_resources()
    extract(rows[0].text)  # warm
    t0 = time.perf_counter()
    for r in rows:
        extract(r.text, published=r.published, title=r.title)
    sec = time.perf_counter() - t0
    return {"documents": len(rows), "seconds": round(sec, 2), "docs_per_second": round(len(rows) / sec, 1)}


def _reset(store: Any) -> None:
    from sqlalchemy import delete, update

    from marsad.store import models as m

    with store.write() as conn:
        conn.execute(delete(m.Evidence))
        conn.execute(delete(m.MentionActor))
        conn.execute(delete(m.Mention))
        conn.execute(update(m.Document).values(status="pending", extractor_version=None))


def bench_db(url: str, jsonl: Path, run_limit: int) -> dict[str, Any]:
    from marsad.ingest.batch import ingest
    from marsad.ingest.presets import field_map_for
    from marsad.run.local import run_local
    from marsad.store import Store

    store = Store(url)
    summary = ingest(store, [str(jsonl)], field_map=field_map_for("saudinewsnet"))
    out: dict[str, Any] = {"ingest": summary.to_dict()}
    # bare extractor before and after the runs (load drifts on a shared machine): the mean
    before = _bare(store, run_limit)
    for workers in (1, 2):
        _reset(store)
        stats = run_local(store, workers=workers, limit=run_limit)
        out[f"run_{workers}_worker"] = {k: round(v, 2) if isinstance(v, float) else v
                                        for k, v in stats.to_dict().items()}
    after = _bare(store, run_limit)
    out["bare_extractor"] = {"before": before, "after": after, "docs_per_second": round(
        (before["docs_per_second"] + after["docs_per_second"]) / 2, 1)}
    bare = out["bare_extractor"]["docs_per_second"]
    out["efficiency_1_worker"] = round(out["run_1_worker"]["docs_per_second"] / bare, 3)
    out["speedup_2_workers"] = round(out["run_2_worker"]["docs_per_second"]
                                     / out["run_1_worker"]["docs_per_second"], 3)
    store.close()
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles to ingest")
    ap.add_argument("--run-articles", type=int, default=1000, help="documents coded per run")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--postgres", default=os.environ.get("MARSAD_TEST_POSTGRES"),
                    help="PostgreSQL URL (a private schema is created and dropped)")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    result: dict[str, Any] = {"machine": machine(), "load_start": os.getloadavg(),
                              "articles": args.articles, "run_articles": args.run_articles}
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "articles.jsonl"
        result["articles"] = _articles(args.corpus, args.articles, jsonl)
        result["sqlite"] = bench_db(f"sqlite:///{Path(tmp) / 'bench.db'}", jsonl, args.run_articles)
        if args.postgres:
            from sqlalchemy import create_engine, text

            schema = f"marsad_bench_{uuid.uuid4().hex[:8]}"
            base = create_engine(args.postgres.replace("postgresql://", "postgresql+psycopg://", 1))
            with base.begin() as conn:
                conn.execute(text(f"CREATE SCHEMA {schema}"))
            try:
                sep = "&" if "?" in args.postgres else "?"
                result["postgresql"] = bench_db(
                    f"{args.postgres}{sep}options=-csearch_path%3D{schema}", jsonl, args.run_articles)
            finally:
                with base.begin() as conn:
                    conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    result["load_end"] = os.getloadavg()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"store-{time.strftime('%Y%m%dT%H%M%S')}.json"
    path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    for db in ("sqlite", "postgresql"):
        if db in result:
            r = result[db]
            print(f"{db:10s} ingest {r['ingest']['docs_per_second']:>7} articles/s | bare "
                  f"{r['bare_extractor']['docs_per_second']} docs/s | run 1 worker "
                  f"{r['run_1_worker']['docs_per_second']} docs/s "
                  f"({r['efficiency_1_worker']:.0%} of bare; extractor share "
                  f"{r['run_1_worker']['extractor_share']:.0%}) | 2 workers "
                  f"{r['run_2_worker']['docs_per_second']} docs/s (extractor share "
                  f"{r['run_2_worker']['extractor_share']:.0%})")
    print(f"load average {result['load_start'][0]:.1f} -> {result['load_end'][0]:.1f}; {path}")
    return result


if __name__ == "__main__":
    main()
