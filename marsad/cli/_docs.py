"""Running the extractor over input records for the one-shot commands."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from marsad.errors import MarsadError
from marsad.extract import extract
from marsad.ingest.records import InputRecord, read_path
from marsad.resources import Resources


def parse_field_map(pairs: Sequence[str]) -> dict[str, str]:
    """["text=content", "published=date_extracted"] -> {"text": "content", ...}"""
    out: dict[str, str] = {}
    for pair in pairs:
        ours, _, theirs = pair.partition("=")
        if not theirs:
            raise ValueError(f"--field wants OURS=THEIRS, got {pair!r}")
        out[ours.strip()] = theirs.strip()
    return out


def process(
    path: str,
    *,
    pipeline: Sequence[str],
    resources: Resources,
    published: str | None = None,
    field_map: dict[str, str] | None = None,
    events: bool = True,
    all_modalities: bool = False,
) -> Iterator[dict[str, Any]]:
    """One output object per input record, in input order; errors become objects."""
    for rec in read_path(path, field_map):
        yield _one(rec, pipeline, resources, published, events, all_modalities)


def _one(
    rec: InputRecord,
    pipeline: Sequence[str],
    resources: Resources,
    published: str | None,
    events: bool,
    all_modalities: bool,
) -> dict[str, Any]:
    if rec.error is not None or rec.text is None:
        return {"id": rec.id, "error": rec.error_dict() if rec.error else {"code": "empty"}}
    try:
        doc = extract(
            rec.text,
            id=rec.id,
            published=rec.published or published,
            title=rec.title,
            outlet=rec.outlet,
            url=rec.url,
            title_first_line=rec.title_first_line,
            resources=resources,
            pipeline=pipeline,
        )
    except MarsadError as exc:
        return {"id": rec.id, "error": {"code": exc.code, "message": str(exc), "origin": rec.origin}}
    return doc.to_dict(events=events, all_modalities=all_modalities)
