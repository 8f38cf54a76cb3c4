"""Export of the current filter, with reviewed values (machine values kept in JSONL)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from marsad.serve.api_read import event_rows
from marsad.serve.deps import get_store, reader
from marsad.serve.filters import EventFilter, event_filter
from marsad.store.store import Store

router = APIRouter(prefix="/api", dependencies=[Depends(reader)],
                   responses={401: {"description": "reading needs a token on this server (--read-token)"}})

# ACLED's column names where marsad has the value; marsad's own columns after them
CSV_COLUMNS = [
    ("event_id_cnty", "id"), ("event_date", "event_date"), ("year", None), ("time_precision", None),
    ("event_type", "event_type"), ("sub_event_type", "sub_event_type"), ("actor1", "actor1_name"),
    ("inter1", "inter1"), ("actor2", "actor2_name"), ("inter2", "inter2"),
    ("civilian_targeting", "civilian_targeting"), ("iso", None), ("country", "country"), ("admin1", "admin1"),
    ("admin2", "admin2"), ("location", "location_name_en"), ("latitude", "lat"), ("longitude", "lon"),
    ("geo_precision", "geo_precision"), ("source", "sources"), ("notes", "notes_en"), ("fatalities", "fatalities"),
    ("plover_type", "plover_type"), ("plover_mode", "plover_mode"), ("actor1_ar", "actor1_name_ar"),
    ("actor2_ar", "actor2_name_ar"), ("location_ar", "location_name_ar"), ("confidence", "confidence"),
    ("review_status", "status"),
]
_PRECISION = {"day": 1, "week": 2, "month": 2, "year": 3}


def _csv_value(rec: dict[str, Any], acled: str, ours: str | None) -> Any:
    if ours is not None:
        v = rec.get(ours)
        if acled == "civilian_targeting":
            return "Civilian targeting" if v else ""
        return "" if v is None else v
    if acled == "year":
        return (rec.get("event_date") or "")[:4]
    if acled == "time_precision":
        return _PRECISION.get(rec.get("date_precision") or "", 3)
    return ""


def _cell(v: Any) -> Any:
    # spreadsheet formula injection: a cell starting with = + - @ is text, not a formula
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def _csv(items: list[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([c for c, _ in CSV_COLUMNS])
    for rec in items:
        w.writerow([_cell(_csv_value(rec, c, o)) for c, o in CSV_COLUMNS])
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
    media, body, ext = {
        "csv": ("text/csv; charset=utf-8", _csv, "csv"),
        "jsonl": ("application/x-ndjson; charset=utf-8", _jsonl, "jsonl"),
        "geojson": ("application/geo+json", _geojson, "geojson"),
    }[format]
    return StreamingResponse(body(items), media_type=media,
                             headers={"content-disposition": f'attachment; filename="marsad-events.{ext}"'})
