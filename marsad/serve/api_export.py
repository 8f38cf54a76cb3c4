"""Export of the current filter, with reviewed values (machine values kept in JSONL)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import select

from marsad.export.acled import ACLED_COLUMNS, acled_frame, acled_row
from marsad.export.formats import geojson, plover_record
from marsad.serve.api_read import event_rows
from marsad.serve.deps import get_store, reader
from marsad.serve.filters import EventFilter, event_filter
from marsad.serve.reviewed import apply_reviews
from marsad.store.models import Document, Event, Mention
from marsad.store.store import Store

router = APIRouter(prefix="/api", dependencies=[Depends(reader)],
                   responses={401: {"description": "reading needs a token on this server (--read-token)"}})

# exactly ACLED's columns (marsad.export.acled), then marsad's own
EXTRA_COLUMNS = ("marsad_id", "review_status", "plover_type", "plover_mode", "actor1_ar", "actor2_ar",
                 "location_ar", "confidence")


def _cell(v: Any) -> Any:
    # spreadsheet formula injection: a cell starting with = + - @ is text, not a formula
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def _acled_events(store: Store, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Full events rows (+ mention payloads for associated actors) for the listed ids,
    with reviewed values applied."""
    ids = [e["id"] for e in items]
    rows: dict[str, dict[str, Any]] = {}
    with store.read() as conn:
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for r in conn.execute(select(Event).where(Event.id.in_(chunk))).mappings():
                rows[r["id"]] = {**r, "mentions": []}
            for m in conn.execute(
                select(Mention.id, Mention.event_id, Mention.document_id, Mention.payload, Document.url,
                       Document.outlet, Document.title, Document.published)
                .join(Document, Document.id == Mention.document_id)
                .where(Mention.event_id.in_(chunk)).order_by(Mention.id)
            ).mappings():
                rows[m["event_id"]]["mentions"].append(dict(m))
        events = apply_reviews(conn, [rows[i] for i in ids if i in rows], include_rejected=True)
    return events


def _csv(events: list[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([*ACLED_COLUMNS, *EXTRA_COLUMNS])
    for e in events:
        row = acled_row(e)
        extra = [e["id"], e["review_status"], e.get("plover_type"), e.get("plover_mode"), e.get("actor1_name_ar"),
                 e.get("actor2_name_ar"), e.get("location_name_ar"), e.get("confidence")]
        w.writerow([_cell("" if v is None else v) for v in [*(row[c] for c in ACLED_COLUMNS), *extra]])
        if buf.tell() > 64_000:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _jsonl(items: list[dict[str, Any]]) -> Iterator[str]:
    for rec in items:
        yield json.dumps(rec, ensure_ascii=False, default=str) + "\n"


def _extra(e: dict[str, Any]) -> dict[str, Any]:
    return {"marsad_id": e["id"], "review_status": e["review_status"], "plover_type": e.get("plover_type"),
            "plover_mode": e.get("plover_mode"), "actor1_ar": e.get("actor1_name_ar"),
            "actor2_ar": e.get("actor2_name_ar"), "location_ar": e.get("location_name_ar"),
            "confidence": e.get("confidence")}


def _plover(events: list[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for i, e in enumerate(events):
        rec = {**plover_record(e), "review_status": e["review_status"], "machine": e.get("machine")}
        yield ("," if i else "") + json.dumps(rec, ensure_ascii=False, default=str)
    yield "]"


def _parquet(events: list[dict[str, Any]]) -> bytes:
    import pandas as pd

    df = acled_frame(events)
    extra = pd.DataFrame([_extra(e) for e in events], columns=list(EXTRA_COLUMNS))
    buf = io.BytesIO()
    pd.concat([df, extra], axis=1).to_parquet(buf, index=False)
    return buf.getvalue()


@router.get("/export", response_class=StreamingResponse, responses={200: {"content": {
    "text/csv": {"schema": {"type": "string"}},
    "application/json": {"schema": {"type": "array"}},
    "application/geo+json": {"schema": {"type": "object"}},
    "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
    "application/x-ndjson": {"schema": {"type": "string"}},
}, "description": "the events, in the format asked for"}})
def export(
    format: Literal["csv", "json", "geojson", "parquet", "jsonl"] = Query("csv"),
    f: EventFilter = Depends(event_filter),
    limit: int = Query(1_000_000, ge=1, le=1_000_000),
    store: Store = Depends(get_store),
) -> Response:
    """The filtered events as in `marsad export`: csv (exactly ACLED's columns, then marsad's),
    json (PLOVER-style records with evidence), geojson, parquet; or jsonl (the API's records).
    Reviewed values win; rejected events are left out unless review_status=rejected."""
    items, _ = event_rows(store, f, limit=limit)
    if f.review_status != "rejected":
        items = [r for r in items if r["status"] != "rejected"]

    def attachment(body: Any, media: str, ext: str) -> Response:
        headers = {"content-disposition": f'attachment; filename="marsad-events.{ext}"'}
        if isinstance(body, bytes):
            return Response(body, media_type=media, headers=headers)
        return StreamingResponse(body, media_type=media, headers=headers)

    if format == "jsonl":  # the API's own records: reviewed values, review status
        return attachment(_jsonl(items), "application/x-ndjson; charset=utf-8", "jsonl")
    events = _acled_events(store, items)
    if format == "csv":
        return attachment(_csv(events), "text/csv; charset=utf-8", "csv")
    if format == "json":
        return attachment(_plover(events), "application/json", "json")
    if format == "parquet":
        return attachment(_parquet(events), "application/vnd.apache.parquet", "parquet")
    gj = geojson(events)
    for feat, e in zip(gj["features"], events, strict=True):
        feat["properties"].update(_extra(e))
    return attachment(json.dumps(gj, ensure_ascii=False, default=str).encode(), "application/geo+json", "geojson")
