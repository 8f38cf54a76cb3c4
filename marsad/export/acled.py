"""Canonical events as ACLED rows: ACLED's column names and codes, so ACLED notebooks run.

Codes follow ACLED's codebook: time_precision 1 (day), 2 (week), 3 (month or vaguer);
geo_precision 1 (the place itself), 2 (near it, or its district), 3 (province or
country); interaction = the two inter codes, smaller first (10 x inter1 without actor2);
fatalities 0 when no toll was reported; disorder_type from the event type.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from marsad.export.countries import country_info

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
GEO_PRECISION = {"exact": 1, "near": 2, "admin2": 2, "admin1": 3, "country": 3}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type == "Protests":
        if sub_event_type == "Excessive force against protesters":
            return "Political violence; Demonstrations"
        return "Demonstrations"
    if event_type == "Riots":
        return "Political violence" if sub_event_type == "Mob violence" else "Demonstrations"
    return "Political violence"


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b


def _assoc(mentions: list[dict[str, Any]], role: str, main: str | None) -> str:
    names: list[str] = []
    for mm in mentions:
        for a in (mm.get("payload") or {}).get(role) or []:
            name = a.get("name_en") or a.get("name_ar")
            if name and name != main and name not in names:
                names.append(name)
    return "; ".join(names)


INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
               "geo_precision", "fatalities", "timestamp")
FLOAT_COLUMNS = ("latitude", "longitude")


def acled_frame(events: list[dict[str, Any]]) -> Any:
    """A pandas DataFrame with exactly ACLED's columns, integers as nullable Int64."""
    import pandas as pd

    df = pd.DataFrame([acled_row(e) for e in events], columns=list(ACLED_COLUMNS))
    for col in INT_COLUMNS:
        df[col] = df[col].astype("Int64")
    for col in FLOAT_COLUMNS:
        df[col] = df[col].astype("float64")
    for col in ACLED_COLUMNS:
        if col not in INT_COLUMNS and col not in FLOAT_COLUMNS:
            df[col] = df[col].fillna("").astype(str)
    return df


def acled_row(e: dict[str, Any]) -> dict[str, Any]:
    c = country_info(e.get("country"))
    date: dt.date | None = e.get("event_date")
    mentions = e.get("mentions") or []
    stamp = e.get("created_at")
    tags = [f"marsad:{e['id']}", f"mentions={e.get('n_mentions', 1)}"]
    if e.get("perpetrator_status") and e["perpetrator_status"] != "known":
        tags.append(f"perpetrator {e['perpetrator_status']}")
    if e.get("merge_reason"):
        tags.append("merged: " + e["merge_reason"])
    return {
        "event_id_cnty": f"{c['iso3'] or 'XXX'}{e['id'].removeprefix('ev-').upper()}",
        "event_date": date.isoformat() if date else "",
        "year": date.year if date else None,
        "time_precision": TIME_PRECISION.get(e.get("date_precision") or "unknown", 3) if date else 3,
        "disorder_type": disorder_type(e["event_type"], e["sub_event_type"]),
        "event_type": e["event_type"],
        "sub_event_type": e["sub_event_type"],
        "actor1": e.get("actor1_name") or "",
        "assoc_actor_1": _assoc(mentions, "assoc_actor_1", e.get("actor1_name")),
        "inter1": e.get("inter1"),
        "actor2": e.get("actor2_name") or "",
        "assoc_actor_2": _assoc(mentions, "assoc_actor_2", e.get("actor2_name")),
        "inter2": e.get("inter2"),
        "interaction": interaction(e.get("inter1"), e.get("inter2")),
        "civilian_targeting": "Civilian targeting" if e.get("civilian_targeting") else "",
        "iso": c["isonumeric"] or None,
        "region": c["region"],
        "country": c["name"],
        "admin1": e.get("admin1") or "",
        "admin2": e.get("admin2") or "",
        "admin3": "",
        "location": e.get("location_name_en") or e.get("location_name_ar") or "",
        "latitude": e.get("lat"),
        "longitude": e.get("lon"),
        "geo_precision": GEO_PRECISION.get(e.get("geo_precision") or "country", 3),
        "source": e.get("sources") or "",
        "source_scale": "",
        "notes": e.get("notes_en") or "",
        "fatalities": e.get("fatalities") or 0,
        "tags": "; ".join(tags),
        "timestamp": int(stamp.timestamp()) if isinstance(stamp, dt.datetime) else None,
    }
