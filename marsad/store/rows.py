"""marsad.doc.Event -> rows of mentions, evidence, mention_actors, actors and places."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from marsad.doc import ActorRef, Event, TextRef

#: columns a mention and a canonical event share (see models._EventColumns)
EVENT_COLUMNS = (
    "event_type", "sub_event_type", "plover_type", "plover_mode", "event_date",
    "date_precision", "location_name_ar", "location_name_en", "geonameid", "country",
    "admin1", "admin2", "lat", "lon", "geo_precision", "actor1_id", "actor1_name",
    "actor1_name_ar", "inter1", "actor2_id", "actor2_name", "actor2_name_ar", "inter2",
    "perpetrator_status", "fatalities", "civilian_targeting", "confidence", "notes_en",
)


@dataclass
class MentionRows:
    mention: dict[str, Any]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    actor_defs: list[dict[str, Any]] = field(default_factory=list)
    place_defs: list[dict[str, Any]] = field(default_factory=list)


def mention_id(document_id: str, event_id: str) -> str:
    return f"{document_id}/{event_id}"


def _ref(role: str, ref: TextRef | Any, mid: str, doc_id: str) -> dict[str, Any] | None:
    start, end, text = getattr(ref, "start", None), getattr(ref, "end", None), getattr(ref, "text", None)
    if start is None or end is None or text is None:
        return None
    return {"mention_id": mid, "document_id": doc_id, "role": role,
            "char_start": int(start), "char_end": int(end), "text": text}


def _actor_row(role: str, a: ActorRef, mid: str, stance: str | None = None) -> dict[str, Any]:
    return {"mention_id": mid, "role": role, "actor_id": a.id, "name_ar": a.name_ar,
            "name_en": a.name_en, "kind": a.kind, "country": a.country, "sector": a.sector,
            "inter": a.inter, "generic": bool(a.generic), "stance": stance, "text": a.text,
            "char_start": a.start, "char_end": a.end}


def event_columns(ev: Event) -> dict[str, Any]:
    loc, a1, a2 = ev.location, ev.actor1, ev.actor2
    date = ev.date.value if ev.date else None
    if isinstance(date, str):
        date = dt.date.fromisoformat(date[:10])
    elif isinstance(date, dt.date):  # a subclass (hijridate.Gregorian) -> a plain date
        date = dt.date(date.year, date.month, date.day)
    return {
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "plover_type": (ev.plover or {}).get("type"),
        "plover_mode": (ev.plover or {}).get("mode"),
        "event_date": date,
        "date_precision": ev.date.precision if ev.date else None,
        "location_name_ar": loc.name_ar if loc else None,
        "location_name_en": loc.name_en if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        "actor1_id": a1.id if a1 else None,
        "actor1_name": a1.name_en if a1 else None,
        "actor1_name_ar": a1.name_ar if a1 else None,
        "inter1": a1.inter if a1 else None,
        "actor2_id": a2.id if a2 else None,
        "actor2_name": a2.name_en if a2 else None,
        "actor2_name_ar": a2.name_ar if a2 else None,
        "inter2": a2.inter if a2 else None,
        "perpetrator_status": ev.perpetrator_status,
        "fatalities": ev.fatalities.value if ev.fatalities else None,
        "civilian_targeting": bool(ev.civilian_targeting),
        "confidence": ev.confidence,
        "notes_en": ev.notes_en,
    }


def mention_rows(document_id: str, ev: Event, *, run_id: int | None, version: str) -> MentionRows:
    mid = mention_id(document_id, ev.id)
    row = {"id": mid, "document_id": document_id, "run_id": run_id,
           "extractor_version": ev.extractor_version or version, "modality": ev.modality,
           "outlet": ev.outlet, "payload": ev.to_dict(), **event_columns(ev)}
    out = MentionRows(row)
    refs: list[tuple[str, Any]] = [("evidence", r) for r in ev.evidence]
    refs += [("trigger", ev.trigger), ("date", ev.date), ("location", ev.location),
             ("fatalities", ev.fatalities), ("target", ev.target)]
    refs += [("source", s) for s in ev.sources]
    refs += [("attribution", a) for a in ev.attributions]
    for role, ref in refs:
        r = _ref(role, ref, mid, document_id) if ref is not None else None
        if r is not None:
            out.evidence.append(r)
    actors: list[tuple[str, ActorRef, str | None]] = []
    if ev.actor1:
        actors.append(("actor1", ev.actor1, None))
    actors += [("assoc_actor_1", a, None) for a in ev.assoc_actor_1]
    if ev.actor2:
        actors.append(("actor2", ev.actor2, None))
    actors += [("assoc_actor_2", a, None) for a in ev.assoc_actor_2]
    actors += [("attributed", at.actor, at.stance) for at in ev.attributions]
    for role, a, stance in actors:
        out.actors.append(_actor_row(role, a, mid, stance))
        if a.id:
            out.actor_defs.append({"id": a.id, "name_ar": a.name_ar, "name_en": a.name_en,
                                   "kind": a.kind, "country": a.country, "sector": a.sector,
                                   "inter": a.inter})
    loc = ev.location
    if loc is not None and loc.geonameid is not None:
        out.place_defs.append({"geonameid": loc.geonameid, "name_ar": loc.name_ar,
                               "name_en": loc.name_en, "country": loc.country,
                               "admin1": loc.admin1, "admin2": loc.admin2,
                               "lat": loc.lat, "lon": loc.lon})
    return out
