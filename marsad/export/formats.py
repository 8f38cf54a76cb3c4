"""Writers: ACLED CSV, PLOVER-style JSON, GeoJSON (RFC 7946, opens in QGIS), Parquet."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from marsad.export.acled import ACLED_COLUMNS, acled_frame, acled_row
from marsad.export.query import EventFilter, load_events

if TYPE_CHECKING:
    from marsad.store import Store

FORMATS = ("csv", "json", "geojson", "parquet")


def _json_safe(v: Any) -> Any:
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def plover_record(e: dict[str, Any]) -> dict[str, Any]:
    """One event in the PLOVER data format's spirit: event, mode, actor, recipient, geo,
    plus the ACLED coding and every mention with its evidence offsets."""
    mentions = e.get("mentions") or []
    return {
        "id": e["id"],
        "date": _json_safe(e.get("event_date")),
        "date_precision": e.get("date_precision"),
        "event": e.get("plover_type"),
        "mode": e.get("plover_mode"),
        "context": [],
        "actor": e.get("actor1_name"), "actor_ar": e.get("actor1_name_ar"),
        "actor_id": e.get("actor1_id"), "actor_inter": e.get("inter1"),
        "recipient": e.get("actor2_name"), "recipient_ar": e.get("actor2_name_ar"),
        "recipient_id": e.get("actor2_id"), "recipient_inter": e.get("inter2"),
        "perpetrator_status": e.get("perpetrator_status"),
        "fatalities": e.get("fatalities"),
        "geo": {"country": e.get("country"), "admin1": e.get("admin1"), "admin2": e.get("admin2"),
                "place_name": e.get("location_name_en"), "place_name_ar": e.get("location_name_ar"),
                "geonameid": e.get("geonameid"), "lat": e.get("lat"), "lon": e.get("lon"),
                "precision": e.get("geo_precision")},
        "acled": {"event_type": e.get("event_type"), "sub_event_type": e.get("sub_event_type"),
                  "civilian_targeting": bool(e.get("civilian_targeting"))},
        "sources": e.get("sources"),
        "merge_reason": e.get("merge_reason"),
        "confidence": e.get("confidence"),
        "mentions": [{"mention_id": mm["id"], "document_id": mm["document_id"],
                      "url": mm.get("url"), "outlet": mm.get("outlet"), "title": mm.get("title"),
                      "published": _json_safe(mm.get("published")),
                      "evidence": (mm.get("payload") or {}).get("evidence", [])}
                     for mm in mentions],
    }


def geojson(events: list[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of points (longitude, latitude) with the ACLED columns as
    properties; events without coordinates have a null geometry (valid RFC 7946)."""
    feats = []
    for e in events:
        props = acled_row(e)
        geom = None
        if e.get("lat") is not None and e.get("lon") is not None:
            geom = {"type": "Point", "coordinates": [float(e["lon"]), float(e["lat"])]}
        feats.append({"type": "Feature", "id": e["id"], "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def _open(out: str | None, binary: bool = False) -> IO[Any]:
    if out in (None, "-"):
        return sys.stdout.buffer if binary else sys.stdout
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    return open(out, "wb" if binary else "w", encoding=None if binary else "utf-8", newline="")


def export(store: Store, fmt: str, out: str | None = None, f: EventFilter | None = None) -> int:
    """Write the store's canonical events to `out` (stdout for None or "-"); return the count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    events = load_events(store, f)
    if fmt == "csv":
        df = acled_frame(events)
        fh = _open(out)
        df.to_csv(fh, index=False, columns=list(ACLED_COLUMNS), lineterminator="\n")
    elif fmt == "parquet":
        if out in (None, "-"):
            raise ValueError("Parquet is binary: give a file with -o")
        acled_frame(events).to_parquet(out, index=False)
        return len(events)
    else:
        obj: Any = geojson(events) if fmt == "geojson" else [plover_record(e) for e in events]
        fh = _open(out)
        json.dump(obj, fh, ensure_ascii=False, default=_json_safe)
        fh.write("\n")
    if fh not in (sys.stdout,):
        fh.close()
    else:
        fh.flush()
    return len(events)
