"""Flat Parquet rows for the bulk path: one row per event, one manifest row per document.

The event table flattens `Event` into columns an analyst can filter in pandas, R or
DuckDB (types, PLOVER, date, place, the two main actors, fatalities, modality...) and
keeps the nested parts (evidence, attributions, associated actors, sources) as JSON text,
plus the whole event as `event_json` so `marsad import` can rebuild it losslessly.

The manifest has one row per input record, whatever happened to it: `done` (with its
event count, possibly 0), `quarantined` (unreadable input, with the reason) or `failed`
(the extractor raised; with the component and message). Nothing is silently lost.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pyarrow as pa

from marsad.doc import ActorRef, Doc, Event

ACTOR_FIELDS = ("id", "name_ar", "name_en", "country", "inter", "sector", "kind", "text")

_ACTOR_TYPES = {"inter": pa.int32()}


def _actor_columns(prefix: str) -> list[pa.Field]:
    return [pa.field(f"{prefix}_{f}", _ACTOR_TYPES.get(f, pa.string())) for f in ACTOR_FIELDS]


EVENT_SCHEMA = pa.schema(
    [
        pa.field("document_id", pa.string(), nullable=False),
        pa.field("event_id", pa.string()),
        pa.field("event_type", pa.string()),
        pa.field("sub_event_type", pa.string()),
        pa.field("plover_type", pa.string()),
        pa.field("plover_mode", pa.string()),
        pa.field("date", pa.date32()),
        pa.field("date_precision", pa.string()),
        pa.field("date_text", pa.string()),
        pa.field("location_name_ar", pa.string()),
        pa.field("location_name_en", pa.string()),
        pa.field("geonameid", pa.int64()),
        pa.field("country", pa.string()),
        pa.field("admin1", pa.string()),
        pa.field("admin2", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("location_precision", pa.string()),
        pa.field("location_text", pa.string()),
        *_actor_columns("actor1"),
        *_actor_columns("actor2"),
        pa.field("assoc_actor_1", pa.string()),  # JSON list of actors
        pa.field("assoc_actor_2", pa.string()),
        pa.field("perpetrator_status", pa.string()),
        pa.field("attributions", pa.string()),  # JSON
        pa.field("fatalities", pa.int64()),
        pa.field("fatalities_text", pa.string()),
        pa.field("injuries", pa.int64()),
        pa.field("civilian_targeting", pa.bool_()),
        pa.field("modality", pa.string()),
        pa.field("confidence", pa.float64()),
        pa.field("notes_en", pa.string()),
        pa.field("trigger_text", pa.string()),
        pa.field("sources", pa.string()),  # JSON
        pa.field("outlet", pa.string()),
        pa.field("evidence", pa.string()),  # JSON list of {start, end, text}
        pa.field("extractor_version", pa.string()),
        pa.field("components", pa.string()),  # JSON {component: version}
        pa.field("document_published", pa.date32()),
        pa.field("document_url", pa.string()),
        pa.field("partition", pa.string()),
        pa.field("event_json", pa.string()),  # the whole event, DESIGN.md's contract
    ]
)

MANIFEST_SCHEMA = pa.schema(
    [
        pa.field("document_id", pa.string()),
        pa.field("partition", pa.string(), nullable=False),
        pa.field("origin", pa.string()),  # file:line (or WARC record offset)
        pa.field("status", pa.string(), nullable=False),  # done | quarantined | failed
        pa.field("n_events", pa.int32()),
        pa.field("reason_code", pa.string()),
        pa.field("reason", pa.string()),
        pa.field("title", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("outlet", pa.string()),
        pa.field("url", pa.string()),
        pa.field("chars", pa.int64()),
        pa.field("text", pa.string()),  # null unless the run keeps text (for `marsad import`)
        pa.field("meta", pa.string()),  # JSON: input fields not mapped to ours
        pa.field("extractor_version", pa.string()),
    ]
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _actor(prefix: str, actor: ActorRef | None) -> dict[str, Any]:
    return {f"{prefix}_{f}": (getattr(actor, f) if actor else None) for f in ACTOR_FIELDS}


def event_row(doc: Doc, event: Event, partition: str, version: str) -> dict[str, Any]:
    """One flat row for `event` of `doc`."""
    ev = event.to_dict()
    loc = event.location
    row: dict[str, Any] = {
        "document_id": doc.id,
        "event_id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover_type": (event.plover or {}).get("type"),
        "plover_mode": (event.plover or {}).get("mode"),
        "date": event.date.value,
        "date_precision": event.date.precision,
        "date_text": event.date.text,
        "location_name_ar": loc.name_ar if loc else None,
        "location_name_en": loc.name_en if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "location_precision": loc.precision if loc else None,
        "location_text": loc.text if loc else None,
        **_actor("actor1", event.actor1),
        **_actor("actor2", event.actor2),
        "assoc_actor_1": _json(ev["assoc_actor_1"]),
        "assoc_actor_2": _json(ev["assoc_actor_2"]),
        "perpetrator_status": event.perpetrator_status,
        "attributions": _json(ev["attributions"]),
        "fatalities": event.fatalities.value,
        "fatalities_text": event.fatalities.text,
        "injuries": event.injuries.value,
        "civilian_targeting": event.civilian_targeting,
        "modality": event.modality,
        "confidence": event.confidence,
        "notes_en": event.notes_en,
        "trigger_text": event.trigger.text if event.trigger else None,
        "sources": _json(ev["sources"]),
        "outlet": event.outlet,
        "evidence": _json(ev["evidence"]),
        "extractor_version": event.extractor_version or version,
        "components": _json(doc.components),
        "document_published": doc.published,
        "document_url": doc.url,
        "partition": partition,
        "event_json": _json(ev),
    }
    return row


def manifest_row(
    *,
    partition: str,
    origin: str,
    status: str,
    document_id: str | None,
    version: str,
    n_events: int = 0,
    reason_code: str | None = None,
    reason: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    text: str | None = None,
    keep_text: bool = False,
    meta: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "partition": partition,
        "origin": origin,
        "status": status,
        "n_events": n_events,
        "reason_code": reason_code,
        "reason": reason,
        "title": title,
        "published": published,
        "outlet": outlet,
        "url": url,
        "chars": len(text) if text is not None else None,
        "text": text if keep_text else None,
        "meta": _json(meta) if meta else None,
        "extractor_version": version,
    }


def to_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Rows -> a table with exactly `schema` (an empty partition still has every column)."""
    return pa.Table.from_pylist(rows, schema=schema)
