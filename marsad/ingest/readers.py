"""Input records from any supported path: a dispatcher by file type, and a folder walker.

    .txt                      one article; the first line is its title
    .jsonl .ndjson (.gz)      one JSON object per line (fields mapped by `field_map`)
    .json                     an array of such objects (or one object)
    .csv .tsv                 a header row naming the fields
    .html .htm                one page; main text by trafilatura
    .rss .atom .xml           a feed; one record per entry
    .warc .warc.gz            the HTML responses of a web archive
    http(s)://...             a feed (or, if it is not one, a page)

Every record carries either text or an InputError; a broken file becomes one error record,
never an exception. Anything else is reported as an unsupported file.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from marsad.errors import DecodeError, InputError
from marsad.ingest.decode import decode_bytes
from marsad.ingest.records import (
    InputRecord,
    MalformedInput,
    parse_json_record,
    read_jsonl_lines,
    read_path,
    read_txt,
)
from marsad.ingest.web import feed_records, fetch, html_record, warc_records


class Unsupported(InputError):
    code = "unsupported"


SUFFIXES = (".txt", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json", ".csv", ".tsv",
            ".html", ".htm", ".rss", ".atom", ".xml", ".warc", ".warc.gz")
csv.field_size_limit(50_000_000)


def kind_of(name: str) -> str | None:
    low = name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if low.endswith(suffix):
            return suffix.lstrip(".").replace(".gz", "").replace("ndjson", "jsonl")
    return None


def walk(paths: list[str]) -> Iterator[str]:
    """Files under `paths` (folders recursively, in name order; hidden files skipped)."""
    for p in paths:
        if p.startswith(("http://", "https://")) or p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts):
                    yield str(f)
        else:
            yield str(path)


def _json_records(data: bytes, origin: str, field_map: dict[str, str] | None) -> Iterator[InputRecord]:
    try:
        text, _ = decode_bytes(data)
        obj = json.loads(text)
    except InputError as exc:
        yield InputRecord(None, None, origin=origin, error=exc)
        return
    except json.JSONDecodeError as exc:
        # a .json that is really JSON lines
        if b"\n{" in data.strip():
            yield from read_jsonl_lines(iter(data.splitlines()), origin, field_map)
        else:
            yield InputRecord(None, None, origin=origin, error=MalformedInput(
                f"malformed JSON ({exc.msg}, line {exc.lineno} column {exc.colno})"))
        return
    items = obj if isinstance(obj, list) else [obj]
    for n, item in enumerate(items, 1):
        yield parse_json_record(item, f"{origin}[{n}]", field_map, fallback_id=f"item-{n}")


def _csv_records(data: bytes, origin: str, field_map: dict[str, str] | None,
                 delimiter: str) -> Iterator[InputRecord]:
    try:
        text, _ = decode_bytes(data)
    except InputError as exc:
        yield InputRecord(None, None, origin=origin, error=exc)
        return
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for n, row in enumerate(reader, 2):
            if None in row:  # more cells than header names
                yield InputRecord(None, None, origin=f"{origin}:{n}", error=MalformedInput(
                    f"CSV row {n} has more cells than the header"))
                continue
            clean = {k: v for k, v in row.items() if v not in (None, "")}
            yield parse_json_record(clean, f"{origin}:{n}", field_map, fallback_id=f"row-{n}")
    except csv.Error as exc:
        yield InputRecord(None, None, origin=origin, error=MalformedInput(f"broken CSV: {exc}"))


def read_any(path: str, field_map: dict[str, str] | None = None, *,
             follow_links: bool = False) -> Iterator[InputRecord]:
    """Records from one file or URL of any supported type ("-": stdin)."""
    if path == "-":
        yield from read_path("-", field_map)
        return
    if path.startswith(("http://", "https://")):
        try:
            data = fetch(path)
        except InputError as exc:
            yield InputRecord(None, None, origin=path, error=exc)
            return
        head = data.lstrip()[:400].lower()
        if b"<rss" in head or b"<feed" in head or b"<rdf" in head:
            yield from feed_records(data, path, follow_links=follow_links)
        else:
            yield html_record(data, path, url=path, rid=path)
        return
    kind = kind_of(path)
    if kind == "warc":
        yield from warc_records(path)
        return
    try:
        if path.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                if kind == "jsonl":  # stream: a truncated archive still yields its good lines
                    yield from read_jsonl_lines(iter(fh), path, field_map)
                    return
                data = fh.read()
        else:
            data = Path(path).read_bytes()
    except (OSError, EOFError, zlib.error) as exc:
        yield InputRecord(Path(path).stem, None, origin=path,
                          error=DecodeError(f"cannot read {path}: {exc}"))
        return
    if kind == "txt":
        yield read_txt(data, path, Path(path).stem)
    elif kind == "jsonl":
        yield from read_jsonl_lines(iter(data.splitlines()), path, field_map)
    elif kind == "json":
        yield from _json_records(data, path, field_map)
    elif kind in ("csv", "tsv"):
        yield from _csv_records(data, path, field_map, "," if kind == "csv" else "\t")
    elif kind in ("html", "htm"):
        yield html_record(data, path, rid=Path(path).stem)
    elif kind in ("rss", "atom", "xml"):
        yield from feed_records(data, path, follow_links=follow_links)
    else:
        yield InputRecord(None, None, origin=path, error=Unsupported(
            f"unsupported file type {Path(path).suffix or '(none)'}; give .txt, .jsonl(.gz), "
            ".json, .csv, .html, .rss/.atom/.xml or .warc(.gz)"))
