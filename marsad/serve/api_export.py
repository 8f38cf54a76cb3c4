"""Export of the current filter, with reviewed values (machine values kept in JSONL)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse
from sqlalchemy import select

from marsad.export.acled import ACLED_COLUMNS, acled_row
from marsad.serve.api_read import event_rows
from marsad.serve.deps import get_store, reader
from marsad.serve.filters import EventFilter, event_filter
from marsad.serve.reviewed import apply_reviews
from marsad.store.models import Event, Mention
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
            for m in conn.execute(select(Mention.event_id, Mention.payload).where(Mention.event_id.in_(chunk))).mappings():
                rows[m["event_id"]]["mentions"].append({"payload": m["payload"]})
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


def _geojson(items: list[dict[str, Any]]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for rec in items:
        if rec.get("lat") is None or rec.get("lon") is None:
            continue
        feat = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [rec["lon"], rec["lat"]]},
                "properties": {k: v for k, v in rec.items() if k not in ("lat", "lon")}}
        yield ("" if first else ",") + json.dumps(feat, ensure_ascii=False, default=str)
        first = False
    yield "]}"


@router.get("/export", response_class=StreamingResponse, responses={200: {"content": {
    "text/csv": {"schema": {"type": "string"}},
    "application/x-ndjson": {"schema": {"type": "string"}},
    "application/geo+json": {"schema": {"type": "object"}},
}, "description": "the events, in the format asked for"}})
def export(
    format: Literal["csv", "jsonl", "geojson"] = Query("csv"),
    f: EventFilter = Depends(event_filter),
    limit: int = Query(1_000_000, ge=1, le=1_000_000),
    store: Store = Depends(get_store),
) -> StreamingResponse:
    """The filtered events as ACLED-style CSV, JSONL or GeoJSON. Reviewed values win;
    rejected events are left out unless review_status=rejected is asked for."""
    items, _ = event_rows(store, f, limit=limit)
    if f.review_status != "rejected":
        items = [r for r in items if r["status"] != "rejected"]
    if format == "csv":
        return StreamingResponse(_csv(_acled_events(store, items)), media_type="text/csv; charset=utf-8",
                                 headers={"content-disposition": 'attachment; filename="marsad-events.csv"'})
    media, body, ext = {
        "jsonl": ("application/x-ndjson; charset=utf-8", _jsonl, "jsonl"),
        "geojson": ("application/geo+json", _geojson, "geojson"),
    }[format]
    return StreamingResponse(body(items), media_type=media,
                             headers={"content-disposition": f'attachment; filename="marsad-events.{ext}"'})
