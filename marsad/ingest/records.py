"""Reading article records from .txt, .jsonl(.gz) and stdin for the one-shot commands.

Every record either carries text or an `error` (an `InputError`) saying why it could not
be read; a bad line never stops the rest of a JSONL file.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import DecodeError, InputError
from marsad.ingest.decode import check_text, decode_bytes


class MalformedInput(InputError):
    """A record that is not what its format promises (bad JSON, a broken CSV row)."""

    code = "malformed"


class NoText(InputError):
    """A record without a text field (check the field mapping: --field text=...)."""

    code = "no_text"


#: default JSONL field names; `field_map` maps ours to the input's ("text" -> "content")
FIELDS = ("id", "text", "title", "published", "url", "outlet")


@dataclass
class InputRecord:
    id: str | None
    text: str | None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    origin: str = ""  # file and line it came from
    title_first_line: bool = False
    error: InputError | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None

    def error_dict(self) -> dict[str, Any]:
        assert self.error is not None
        return {"code": self.error.code, "message": str(self.error), "origin": self.origin}


def titled_text(title: str | None, body: str) -> tuple[str, bool]:
    """The text an article is coded on, and whether its first line is the title: a title
    given apart is read as the first line, as in a .txt file, unless the body already opens
    with it. A headline often tells the event ("غارة أمريكية تقتل 14 جنديا") and the gold
    articles are scored this way."""
    title = (title or "").strip()
    if not title:
        return body, False
    if body.lstrip().split("\n", 1)[0].strip() == title:
        return body, True
    return f"{title}\n\n{body}", True


def _from_text(text: str, origin: str, rid: str | None) -> InputRecord:
    try:
        check_text(text)
    except InputError as exc:
        return InputRecord(rid, None, origin=origin, error=exc)
    return InputRecord(rid, text, origin=origin, title_first_line=True)


def read_txt(data: bytes, origin: str, rid: str | None = None) -> InputRecord:
    try:
        text, enc = decode_bytes(data)
    except InputError as exc:
        return InputRecord(rid, None, origin=origin, error=exc)
    rec = _from_text(text, origin, rid)
    rec.encoding = enc
    return rec


def parse_json_record(
    obj: Any, origin: str, field_map: dict[str, str] | None = None, fallback_id: str | None = None
) -> InputRecord:
    fm = {k: (field_map or {}).get(k, k) for k in FIELDS}
    if not isinstance(obj, dict):
        return InputRecord(fallback_id, None, origin=origin,
                           error=MalformedInput("the line is JSON but not an object"))
    rid = obj.get(fm["id"], fallback_id)
    rid = None if rid is None else str(rid)
    text = obj.get(fm["text"])
    if not isinstance(text, str):
        return InputRecord(rid, None, origin=origin,
                           error=NoText(f"no text in field {fm['text']!r}; map it with --field text=NAME"))
    rec = _from_text(text, origin, rid)
    rec.title_first_line = False
    for k in ("title", "published", "url", "outlet"):
        v = obj.get(fm[k])
        setattr(rec, k, None if v is None else str(v))
    if rec.text is not None:
        text, rec.title_first_line = titled_text(rec.title, rec.text)
        try:  # the title too: a huge or binary one is refused as a body would be
            rec.text = check_text(text)
        except InputError as exc:
            rec.text, rec.error = None, exc
    rec.extra = {k: v for k, v in obj.items() if k not in fm.values()}
    return rec


def read_jsonl_lines(
    lines: Iterator[bytes], origin: str, field_map: dict[str, str] | None = None
) -> Iterator[InputRecord]:
    for n, raw in enumerate(lines, 1):
        where = f"{origin}:{n}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                line, _ = decode_bytes(raw)
            except InputError as exc:
                yield InputRecord(None, None, origin=where, error=exc)
                continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputRecord(None, None, origin=where,
                              error=MalformedInput(f"malformed JSON line ({exc.msg}, column {exc.colno})"))
            continue
        yield parse_json_record(obj, where, field_map, fallback_id=f"line-{n}")


def read_path(path: str, field_map: dict[str, str] | None = None) -> Iterator[InputRecord]:
    """Records from a .txt, .jsonl or .jsonl.gz file, or stdin for "-"."""
    if path == "-":
        data = sys.stdin.buffer.read()
        stripped = data.lstrip()
        if stripped.startswith(b"{") and b"\n{" in stripped:
            yield from read_jsonl_lines(iter(data.splitlines()), "<stdin>", field_map)
        else:
            yield read_txt(data, "<stdin>", "stdin")
        return
    p = Path(path)
    try:
        if p.name.endswith((".jsonl.gz", ".ndjson.gz")):
            with gzip.open(p, "rb") as fh:
                yield from read_jsonl_lines(iter(fh), str(p), field_map)
        elif p.suffix in (".jsonl", ".ndjson"):
            with open(p, "rb") as fh:
                yield from read_jsonl_lines(iter(fh), str(p), field_map)
        else:
            yield read_txt(p.read_bytes(), str(p), p.stem)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputRecord(p.stem, None, origin=str(p), error=DecodeError(f"cannot read {p}: {exc}"))
