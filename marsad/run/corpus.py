"""The bulk path: corpora that never enter the database, straight to Parquet partitions.

`plan_partitions` cuts the inputs into partitions (one per WARC file, one per chunk of
`chunk_lines` lines of a JSONL/JSONL.gz file); `run_partition` reads one partition,
runs the pure extractor on every record and writes two Parquet files:

    OUT_DIR/events/<partition>.parquet    one row per event (`corpus_rows.EVENT_SCHEMA`)
    OUT_DIR/manifest/<partition>.parquet  one row per input record (done/quarantined/failed)

Each is written under a hidden temporary name and renamed into place, the manifest
last: a partition is done exactly when its manifest exists. A re-run skips done
partitions and redoes the others, so a crash, a lost Dask worker or Ctrl-C never leaves a
half-written partition that counts as done, and a partition run twice (a task retried
while its first attempt was still writing) ends with one copy, not two. Input files are
treated as immutable.

This module knows nothing about Dask: `marsad.run.dask_runner` ships `run_partition` to
the workers, and `run_local` runs it in a process pool.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from marsad.doc import Doc
from marsad.errors import DecodeError, InputError, MarsadError
from marsad.extract import EXTRACTOR_VERSION, extract
from marsad.ingest.decode import check_text, decode_bytes
from marsad.ingest.records import InputRecord, parse_json_record
from marsad.run.corpus_rows import (
    EVENT_SCHEMA,
    MANIFEST_SCHEMA,
    event_row,
    manifest_row,
    to_table,
)
from marsad.run.worker_state import builds, worker_resources

#: input field names of well-known corpora (ours -> theirs), for `--preset`
PRESETS: dict[str, dict[str, str]] = {
    "saudinewsnet": {
        "id": "url",
        "text": "content",
        "published": "date_extracted",
        "outlet": "source",
    },
}

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
PLAN_FILE = "_marsad_corpus.json"

ExtractFn = Callable[..., Doc]


@dataclass(frozen=True)
class CorpusOptions:
    """How to read the inputs and what to keep; shipped to every task."""

    field_map: tuple[tuple[str, str], ...] = ()
    published: str | None = None  # default publication date for records without one
    keep_text: bool = True  # keep article text in the manifest (for `marsad import`)
    extra_actor_files: tuple[str, ...] = ()
    chunk_lines: int = 1000
    compression: str = "zstd"

    @property
    def fields(self) -> dict[str, str]:
        return dict(self.field_map)


@dataclass(frozen=True)
class Partition:
    """A piece of one input file, read by one task."""

    path: str
    kind: str  # jsonl | jsonl.gz | warc
    index: int
    name: str
    first_line: int = 1  # 1-based
    n_lines: int | None = None  # None: to the end of the file
    byte_start: int = 0  # where `first_line` starts (plain JSONL only)


@dataclass
class PartitionResult:
    name: str
    documents: int = 0
    done: int = 0
    quarantined: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0
    worker_pid: int = 0
    resources_builds: int = 0  # builds in the worker process so far (should stay 1)
    skipped: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CorpusReport:
    """What a run did, for the CLI summary and the benchmark."""

    partitions: int = 0
    skipped: int = 0
    results: list[PartitionResult] = field(default_factory=list)
    seconds: float = 0.0

    def total(self, attr: str) -> int:
        return sum(getattr(r, attr) for r in self.results)

    def summary(self) -> dict[str, Any]:
        docs = self.total("documents")
        return {
            "partitions": self.partitions,
            "skipped_done": self.skipped,
            "ran": len(self.results),
            "documents": docs,
            "done": self.total("done"),
            "quarantined": self.total("quarantined"),
            "failed": self.total("failed"),
            "events": self.total("events"),
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(docs / self.seconds, 1) if self.seconds else None,
        }


# --- planning -------------------------------------------------------------------------


def _kind(path: str) -> str | None:
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl.gz"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return None


def expand_inputs(patterns: Sequence[str]) -> list[str]:
    """Glob patterns (with ** for recursion) -> input files, sorted; others rejected."""
    out: list[str] = []
    for pat in patterns:
        hits = sorted(glob.glob(pat, recursive=True)) if glob.has_magic(pat) else [pat]
        if not hits:
            raise InputError(f"no file matches {pat!r}: check the path or quote the glob")
        for hit in hits:
            if os.path.isdir(hit):
                continue
            if not os.path.exists(hit):
                raise InputError(f"{hit} does not exist")
            if _kind(hit) is None:
                raise InputError(
                    f"{hit}: extract-corpus reads .jsonl, .jsonl.gz and .warc(.gz) files; "
                    "ingest other formats with `marsad ingest`"
                )
            out.append(os.path.abspath(hit))
    return sorted(dict.fromkeys(out))


def _stem(path: str) -> str:
    base = os.path.basename(path)
    for suffix in (*WARC_SUFFIXES, *JSONL_SUFFIXES):
        if base.lower().endswith(suffix):
            base = base[: -len(suffix)]
            break
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in base)[:60]
    # two inputs with the same name in different folders must not share partitions
    return f"{safe}-{hashlib.sha256(path.encode()).hexdigest()[:8]}"


def plan_file(path: str, chunk_lines: int) -> list[Partition]:
    kind = _kind(path)
    stem = _stem(path)
    if kind == "warc":
        return [Partition(path, kind, 0, f"{stem}-00000")]
    opener = gzip.open if kind == "jsonl.gz" else open
    parts: list[Partition] = []
    line = 0
    offset = 0
    start_line, start_byte = 1, 0
    with opener(path, "rb") as fh:
        for raw in fh:
            line += 1
            offset += len(raw)
            if line % chunk_lines == 0:
                parts.append(Partition(path, kind, len(parts), f"{stem}-{len(parts):05d}",
                                       start_line, line - start_line + 1, start_byte))
                start_line, start_byte = line + 1, offset
    if line >= start_line or not parts:
        parts.append(Partition(path, kind, len(parts), f"{stem}-{len(parts):05d}",
                               start_line, max(line - start_line + 1, 0), start_byte))
    return parts


def plan_partitions(paths: Sequence[str], chunk_lines: int = 1000) -> list[Partition]:
    if chunk_lines < 1:
        raise ValueError("chunk_lines must be at least 1")
    return [p for path in paths for p in plan_file(path, chunk_lines)]


def check_out_dir(out_dir: Path, options: CorpusOptions) -> None:
    """Create OUT_DIR, or refuse one written with a different partitioning."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "events").mkdir(exist_ok=True)
    (out_dir / "manifest").mkdir(exist_ok=True)
    plan = out_dir / PLAN_FILE
    wanted = {"format": 1, "chunk_lines": options.chunk_lines, "field_map": options.fields}
    if plan.exists():
        have = json.loads(plan.read_text(encoding="utf-8"))
        for key in ("chunk_lines", "field_map"):
            if have.get(key) != wanted[key]:
                raise InputError(
                    f"{out_dir} was written with {key}={have.get(key)!r}, not {wanted[key]!r}: "
                    "re-run with the same options to finish it, or write to a new OUT_DIR"
                )
        return
    _atomic_write_bytes(plan, json.dumps(wanted, ensure_ascii=False, indent=1).encode())


def is_done(out_dir: Path, part: Partition) -> bool:
    return (out_dir / "manifest" / f"{part.name}.parquet").exists() and (
        out_dir / "events" / f"{part.name}.parquet"
    ).exists()


# --- reading ----------------------------------------------------------------------------


def _jsonl_records(part: Partition, options: CorpusOptions) -> Iterator[InputRecord]:
    base = os.path.basename(part.path)
    with (gzip.open(part.path, "rb") if part.kind == "jsonl.gz" else open(part.path, "rb")) as fh:
        if part.kind == "jsonl":
            fh.seek(part.byte_start)
        else:
            for _ in range(part.first_line - 1):
                fh.readline()
        for i in range(part.n_lines if part.n_lines is not None else 1 << 62):
            raw = fh.readline()
            if not raw:
                break
            n = part.first_line + i
            if raw.strip():
                yield _parse_line(raw, f"{part.path}:{n}", f"{base}:{n}", options)


def _parse_line(raw: bytes, origin: str, fallback_id: str, options: CorpusOptions) -> InputRecord:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            line, _ = decode_bytes(raw)
        except InputError as exc:
            return InputRecord(fallback_id, None, origin=origin, error=exc)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputRecord(fallback_id, None, origin=origin,
                           error=InputError(f"malformed JSON line ({exc.msg}, column {exc.colno})"))
    return parse_json_record(obj, origin, options.fields, fallback_id=fallback_id)


def _warc_records(part: Partition) -> Iterator[InputRecord]:
    from warcio.archiveiterator import ArchiveIterator

    with open(part.path, "rb") as fh:
        it = ArchiveIterator(fh)
        for rec in it:
            if rec.rec_type not in ("response", "resource", "conversion"):
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            rid = rec.rec_headers.get_header("WARC-Record-ID") or uri
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else None) or (
                rec.rec_headers.get_header("Content-Type") or ""
            )
            payload = rec.content_stream().read()
            origin = f"{part.path}@{it.get_record_offset()}"
            if rec.rec_type == "response" and "html" not in ctype.lower():
                continue  # images, scripts, robots.txt: not articles
            out = _warc_text(payload, ctype, origin, rid)
            if out.error is None:
                try:
                    check_text(out.text or "")
                except InputError as exc:
                    out.text, out.error = None, exc
            out.url = uri
            out.published = out.published or rec.rec_headers.get_header("WARC-Date")
            yield out


def _warc_text(payload: bytes, ctype: str, origin: str, rid: str | None) -> InputRecord:
    try:
        text, _ = decode_bytes(payload)
    except InputError as exc:
        return InputRecord(rid, None, origin=origin, error=exc)
    if "html" not in ctype.lower():
        return InputRecord(rid, text, origin=origin)
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False)
    if not body:
        return InputRecord(rid, None, origin=origin,
                           error=DecodeError("no article text found in the HTML page"))
    meta = trafilatura.extract_metadata(text)
    return InputRecord(rid, body, origin=origin,
                       title=getattr(meta, "title", None), published=getattr(meta, "date", None))


def read_partition(part: Partition, options: CorpusOptions) -> Iterator[InputRecord]:
    try:
        if part.kind == "warc":
            yield from _warc_records(part)
        else:
            yield from _jsonl_records(part, options)
    except (OSError, EOFError) as exc:  # truncated gzip, unreadable file: keep a trace
        yield InputRecord(None, None, origin=f"{part.path}#{part.index}",
                          error=DecodeError(f"cannot read the rest of {part.path}: {exc}"))


# --- running one partition -----------------------------------------------------------------


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _atomic_write_table(table: Any, path: Path, compression: str) -> None:
    # hidden temp name: pyarrow/pandas datasets skip files starting with "." or "_"
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp, compression=compression)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def run_partition(
    part: Partition,
    out_dir: str,
    options: CorpusOptions,
    extract_fn: ExtractFn = extract,
    skip_done: bool = True,
) -> PartitionResult:
    """Extract one partition and write its events and manifest (idempotent)."""
    out = Path(out_dir)
    result = PartitionResult(part.name, worker_pid=os.getpid())
    if skip_done and is_done(out, part):
        result.skipped = True
        return result
    t0 = time.perf_counter()
    resources = worker_resources(options.extra_actor_files)
    events: list[dict[str, Any]] = []
    manifest: list[dict[str, Any]] = []
    for rec in read_partition(part, options):
        result.documents += 1
        row = _process_record(rec, part, options, resources, extract_fn, events)
        manifest.append(row)
        status = row["status"]
        setattr(result, status, getattr(result, status) + 1)
        result.events += row["n_events"]
    _atomic_write_table(to_table(events, EVENT_SCHEMA),
                        out / "events" / f"{part.name}.parquet", options.compression)
    _atomic_write_table(to_table(manifest, MANIFEST_SCHEMA),
                        out / "manifest" / f"{part.name}.parquet", options.compression)
    result.seconds = time.perf_counter() - t0
    result.resources_builds = builds()
    return result


def _process_record(
    rec: InputRecord,
    part: Partition,
    options: CorpusOptions,
    resources: Any,
    extract_fn: ExtractFn,
    events: list[dict[str, Any]],
) -> dict[str, Any]:
    common = {"partition": part.name, "origin": rec.origin, "document_id": rec.id,
              "version": EXTRACTOR_VERSION, "title": rec.title, "outlet": rec.outlet,
              "url": rec.url, "meta": rec.extra or None}
    if rec.error is not None or rec.text is None:
        err = rec.error or InputError("no text")
        return manifest_row(status="quarantined", reason_code=err.code, reason=str(err), **common)
    try:
        doc = extract_fn(
            rec.text, id=rec.id, published=rec.published or options.published, title=rec.title,
            outlet=rec.outlet, url=rec.url, title_first_line=rec.title_first_line,
            resources=resources,
        )
    except MarsadError as exc:
        return manifest_row(status="failed", reason_code=exc.code, reason=str(exc),
                            text=rec.text, keep_text=options.keep_text, **common)
    except Exception as exc:  # a bug on one document must not sink the partition
        return manifest_row(status="failed", reason_code="crash",
                            reason=f"{type(exc).__name__}: {exc}",
                            text=rec.text, keep_text=options.keep_text, **common)
    for ev in doc.events:
        events.append(event_row(doc, ev, part.name, EXTRACTOR_VERSION))
    common["title"] = doc.title
    return manifest_row(status="done", n_events=len(doc.events), published=doc.published,
                        text=rec.text, keep_text=options.keep_text, **common)


# --- the local engine ----------------------------------------------------------------------


def pending(parts: Sequence[Partition], out_dir: Path) -> list[Partition]:
    return [p for p in parts if not is_done(out_dir, p)]


def _init_worker(extra_actor_files: tuple[str, ...]) -> None:
    worker_resources(extra_actor_files)


def run_local(
    parts: Sequence[Partition],
    out_dir: Path,
    options: CorpusOptions,
    workers: int = 1,
    on_result: Callable[[PartitionResult], None] | None = None,
) -> CorpusReport:
    """Run the partitions in `workers` processes (1: in this process)."""
    report = CorpusReport(partitions=len(parts))
    todo = pending(parts, out_dir)
    report.skipped = len(parts) - len(todo)
    t0 = time.perf_counter()
    if workers <= 1:
        for p in todo:
            r = run_partition(p, str(out_dir), options)
            report.results.append(r)
            if on_result:
                on_result(r)
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(workers, initializer=_init_worker,
                                 initargs=(options.extra_actor_files,)) as pool:
            futs = [pool.submit(run_partition, p, str(out_dir), options) for p in todo]
            for fut in as_completed(futs):
                r = fut.result()
                report.results.append(r)
                if on_result:
                    on_result(r)
    report.seconds = time.perf_counter() - t0
    return report
