"""Benchmark building blocks: the corpus sample, worker functions, memory and machine facts.

Workers are started with the "spawn" method so each one loads its own resources, as a
fresh worker process or a Dask worker does; their start-up is timed apart from the
throughput figures.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(
    os.environ.get("MARSAD_SHARED", REPO.parent / "shared")
) / "corpora" / "saudinewsnet" / "saudinewsnet.jsonl.gz"

PIPELINES = ("recognisers", "extract")


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str | None
    text: str  # the title line, a blank line, the body: as `marsad extract` reads a JSONL record
    published: str | None
    title_first_line: bool = False


def read_articles(path: Path, n: int) -> list[Article]:
    """The first `n` articles with text (read at run time, never copied anywhere)."""
    from marsad.ingest.records import titled_text

    out: list[Article] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            body = (obj.get("content") or "").strip()
            if not body:
                continue
            text, title_line = titled_text(obj.get("title"), body)
            out.append(Article(obj.get("url") or str(len(out)), obj.get("title"), text,
                               (obj.get("date_extracted") or "")[:10] or None, title_line))
            if len(out) >= n:
                break
    return out


def pipeline_names(which: str) -> tuple[str, ...]:
    from marsad.pipeline import DEFAULT_PIPELINE, ENTITY_PIPELINE

    return ENTITY_PIPELINE if which == "recognisers" else DEFAULT_PIPELINE


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def current_rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


# --- one chunk of articles (in this process or in a worker) ---------------------------


def run_articles(articles: list[Article], which: str) -> dict[str, Any]:
    """Extract each article; counts and per-article (chars, seconds) for length buckets."""
    from marsad.errors import MarsadError
    from marsad.extract import extract
    from marsad.resources import default_resources

    res = default_resources()
    names = pipeline_names(which)
    sentences = events = entities = errors = 0
    per_article: list[tuple[int, float]] = []
    for a in articles:
        t = time.perf_counter()
        try:
            doc = extract(a.text, id=a.id, title=a.title, published=a.published,
                          title_first_line=a.title_first_line, resources=res, pipeline=names)
        except MarsadError:
            errors += 1
            continue
        finally:
            per_article.append((len(a.text), time.perf_counter() - t))
        sentences += len(doc.sentences)
        events += len(doc.events)
        entities += len(doc.spans)
    return {"articles": len(articles), "sentences": sentences, "events": events,
            "entities": entities, "errors": errors, "per_article": per_article,
            "peak_rss_mb": peak_rss_mb(), "pid": os.getpid()}


def warm_worker() -> dict[str, Any]:
    """Pool initializer work: build every resource once in this worker."""
    from marsad.resources import default_resources

    t = time.perf_counter()
    default_resources().warm()
    return {"pid": os.getpid(), "seconds": time.perf_counter() - t}


def ready(_: int) -> int:
    time.sleep(0.05)  # long enough that every worker takes one, so all are started
    return os.getpid()


# --- per-stage profile ------------------------------------------------------------------


def profile_stages(articles: list[Article], which: str = "extract") -> dict[str, float]:
    """Seconds spent in each pipeline component over the articles."""
    from marsad import registry
    from marsad.extract import make_doc
    from marsad.resources import default_resources

    res = default_resources().warm()
    names = pipeline_names(which)
    spent = dict.fromkeys(names, 0.0)
    for a in articles:
        doc = make_doc(a.text, id=a.id, title=a.title, published=a.published)
        for name in names:
            t = time.perf_counter()
            doc = registry.components[name](doc, res)
            spent[name] += time.perf_counter() - t
    return spent


# --- resource load time in a new process ----------------------------------------------

_LOAD_CODE = """
import json, time
t0 = time.perf_counter()
import marsad.pipeline
from marsad import registry
from marsad.resources import Resources
t1 = time.perf_counter()
res = Resources()
per = {}
for name in list(registry.loaders):
    t = time.perf_counter()
    res.get(name)
    per[name] = round(time.perf_counter() - t, 4)
t2 = time.perf_counter()
import resource
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "per_resource_s": per,
                  "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def load_time(cache_dir: Path) -> dict[str, Any]:
    """Import and resource build time in a fresh process using `cache_dir`."""
    env = dict(os.environ, MARSAD_CACHE_DIR=str(cache_dir))
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _LOAD_CODE], env=env, capture_output=True,
                          text=True, check=False)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"loading resources failed in a new process:\n{proc.stderr[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_s"] = wall
    out["peak_rss_mb"] = round(out.pop("peak_rss_kb") / 1024, 1)
    return out


# --- the machine ------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {"cores": os.cpu_count(), "usable_cores": usable, "cpu": cpu, "memory_gb": mem,
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None}


def git_commit() -> dict[str, Any]:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                              check=False).stdout.strip()

    return {"commit": git("rev-parse", "HEAD") or None,
            "dirty": bool(git("status", "--porcelain", "--untracked-files=no"))}
