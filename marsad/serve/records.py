"""Events as the API shows them: reviewed values over the machine's, evidence per field.

`effective()` is the one place where a review wins over the machine; the list, the detail
and the exports all go through it, and the machine's original stays beside it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select

from marsad.serve.tables import ReviewState
from marsad.store.models import Document, Event, Evidence, Mention, MentionActor, Review

ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
ACLED_TYPES_AR = {
    "Battles": "معارك", "Explosions/Remote violence": "انفجارات/عنف عن بعد",
    "Violence against civilians": "عنف ضد المدنيين", "Protests": "احتجاجات", "Riots": "أعمال شغب",
    "Strategic developments": "تطورات استراتيجية",
}
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

#: what an analyst may edit, with how the value is checked
EDITABLE: dict[str, type] = {
    "event_type": str, "sub_event_type": str, "plover_type": str, "plover_mode": str,
    "event_date": dt.date, "location_name_en": str, "location_name_ar": str, "country": str,
    "admin1": str, "lat": float, "lon": float, "actor1_name": str, "actor1_name_ar": str,
    "actor2_name": str, "actor2_name_ar": str, "fatalities": int, "perpetrator_status": str,
    "notes_en": str,
}
LIST_COLUMNS = ("id", "event_date", "event_type", "sub_event_type", "plover_type", "plover_mode",
                "location_name_en", "location_name_ar", "country", "admin1", "lat", "lon",
                "actor1_name", "actor1_name_ar", "actor2_name", "actor2_name_ar", "fatalities",
                "perpetrator_status", "confidence", "n_documents", "sources", "notes_en",
                "date_precision", "geo_precision", "inter1", "inter2", "civilian_targeting",
                "geonameid", "admin2", "actor1_id", "actor2_id")


def check_value(name: str, value: Any) -> Any:
    """An edited value in its column's type, or ValueError saying what is expected."""
    if name not in EDITABLE:
        raise ValueError(f"{name!r} cannot be edited; editable fields: {', '.join(EDITABLE)}")
    kind = EDITABLE[name]
    if value is None or value == "":
        if name in ("event_type", "sub_event_type", "event_date"):
            raise ValueError(f"{name} cannot be empty")
        return None
    if kind is dt.date:
        return dt.date.fromisoformat(str(value)).isoformat()
    if kind is float:
        fv = float(value)
        limit = 90 if name == "lat" else 180
        if not -limit <= fv <= limit:
            raise ValueError(f"{name} must be between {-limit} and {limit}")
        return fv
    if kind is int:
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"{name} is a whole number")
        iv = int(value)
        if iv < 0:
            raise ValueError(f"{name} cannot be negative")
        return iv
    v = str(value).strip()
    if len(v) > 500:
        raise ValueError(f"{name} is longer than 500 characters")
    if name == "event_type" and v not in ACLED_TYPES:
        raise ValueError(f"event_type must be one of ACLED's: {', '.join(ACLED_TYPES)}")
    if name == "sub_event_type" and not any(v in subs for subs in ACLED_TYPES.values()):
        raise ValueError("sub_event_type must be one of ACLED's sub-event types")
    if name == "plover_type" and v not in PLOVER_TYPES:
        raise ValueError(f"plover_type must be one of PLOVER's: {', '.join(PLOVER_TYPES)}")
    if name == "country" and (len(v) != 2 or not v.isalpha()):
        raise ValueError("country is an ISO 3166 alpha-2 code such as SY")
    if name == "perpetrator_status" and v not in ("known", "claimed", "attributed", "unknown"):
        raise ValueError("perpetrator_status is one of known, claimed, attributed, unknown")
    return v.upper() if name == "country" else v


def _jsonable(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def machine_record(row: Any) -> dict[str, Any]:
    d = row._asdict() if hasattr(row, "_asdict") else {c: getattr(row, c, None) for c in LIST_COLUMNS}
    out = {c: d.get(c) for c in LIST_COLUMNS}
    if out["event_date"] is not None:
        out["event_date"] = out["event_date"].isoformat()
    return out


def effective(machine: dict[str, Any], state: Any | None) -> dict[str, Any]:
    """The record with reviewed values in place, plus its review status."""
    out = dict(machine)
    if state is not None:
        out.update(state.overrides or {})
        out["status"] = state.status
    else:
        out["status"] = "unreviewed"
    return out


# --- one event in full -------------------------------------------------------------------

FIELD_LABELS_AR = {
    "event_type": "نوع الحدث", "sub_event_type": "النوع الفرعي", "plover": "PLOVER", "event_date": "التاريخ",
    "location": "المكان", "actor1": "الفاعل الأول", "assoc_actor_1": "المرتبطون بالفاعل الأول",
    "actor2": "الفاعل الثاني", "assoc_actor_2": "المرتبطون بالفاعل الثاني", "fatalities": "القتلى",
    "target": "الهدف", "perpetrator_status": "المنفذ", "sources": "المصادر", "notes_en": "ملاحظات",
}
MAX_TEXTS = 25  # document texts sent with one event

_FIELD_ROLES = {  # evidence roles (store.rows) behind each shown field
    "event_type": ("trigger", "evidence"), "sub_event_type": ("trigger", "evidence"),
    "plover": ("trigger",), "event_date": ("date",), "location": ("location",),
    "fatalities": ("fatalities",), "sources": ("source",), "target": ("target",),
}


def event_detail(conn: Connection, event_id: str) -> dict[str, Any] | None:
    ev = conn.execute(select(Event).where(Event.id == event_id)).first()
    if ev is None:
        return None
    state = conn.execute(select(ReviewState).where(ReviewState.event_id == event_id)).first()
    machine = machine_record(ev)
    record = effective(machine, state)
    mentions = conn.execute(
        select(Mention.id, Mention.document_id, Mention.payload, Mention.modality)
        .where(Mention.event_id == event_id).order_by(Mention.document_id)
    ).all()
    mids = [m.id for m in mentions]
    doc_ids = list(dict.fromkeys(m.document_id for m in mentions))
    docs = {
        d.id: d
        for d in conn.execute(
            select(Document.id, Document.title, Document.url, Document.outlet, Document.published, Document.text)
            .where(Document.id.in_(doc_ids))
        ).all()
    }
    evidence = conn.execute(
        select(Evidence.document_id, Evidence.role, Evidence.char_start, Evidence.char_end, Evidence.text)
        .where(Evidence.mention_id.in_(mids)).order_by(Evidence.char_start)
    ).all() if mids else []
    actors = conn.execute(
        select(MentionActor).where(MentionActor.mention_id.in_(mids)).order_by(MentionActor.char_start)
    ).all() if mids else []
    doc_of = {m.id: m.document_id for m in mentions}

    def spans(roles: tuple[str, ...]) -> list[dict[str, Any]]:
        return [{"document_id": e.document_id, "start": e.char_start, "end": e.char_end, "text": e.text}
                for e in evidence if e.role in roles]

    def actor_spans(role: str) -> list[dict[str, Any]]:
        return [{"document_id": doc_of[a.mention_id], "start": a.char_start, "end": a.char_end, "text": a.text}
                for a in actors if a.role == role]

    ov = (state.overrides if state else None) or {}
    r, mc = record, machine

    def field(name: str, label: str, value: Any, value_ar: Any, machine_value: Any, keys: tuple[str, ...],
              spans_: list[dict[str, Any]]) -> dict[str, Any]:
        return {"name": name, "label": label, "label_ar": FIELD_LABELS_AR.get(name, label), "value": value, "value_ar": value_ar, "machine": machine_value,
                "edited": any(k in ov for k in keys), "spans": spans_}

    def place(d: dict[str, Any]) -> str:
        return ", ".join(str(x) for x in (d.get("location_name_en"), d.get("admin1"), d.get("country")) if x)

    def plover(d: dict[str, Any]) -> str:
        return " / ".join(str(x) for x in (d.get("plover_type"), d.get("plover_mode")) if x)

    date_text = next((s["text"] for s in spans(("date",))), None)
    fields_ = [
        field("event_type", "Event type", r["event_type"], ACLED_TYPES_AR.get(r["event_type"]), mc["event_type"],
              ("event_type",), spans(_FIELD_ROLES["event_type"])),
        field("sub_event_type", "Sub-event type", r["sub_event_type"], None, mc["sub_event_type"],
              ("sub_event_type",), spans(_FIELD_ROLES["sub_event_type"])),
        field("plover", "PLOVER", plover(r), None, plover(mc), ("plover_type", "plover_mode"), spans(("trigger",))),
        field("event_date", "Date", r["event_date"], date_text, mc["event_date"], ("event_date",), spans(("date",))),
        field("location", "Location", place(r), r.get("location_name_ar"), place(mc),
              ("location_name_en", "location_name_ar", "country", "admin1", "lat", "lon"), spans(("location",))),
        field("actor1", "Actor 1", r.get("actor1_name"), r.get("actor1_name_ar"), mc.get("actor1_name"),
              ("actor1_name", "actor1_name_ar"), actor_spans("actor1")),
        field("assoc_actor_1", "Associated with actor 1", "; ".join(dict.fromkeys(a.name_en for a in actors if a.role == "assoc_actor_1")),
              "؛ ".join(dict.fromkeys(a.name_ar for a in actors if a.role == "assoc_actor_1")), None, (), actor_spans("assoc_actor_1")),
        field("actor2", "Actor 2", r.get("actor2_name"), r.get("actor2_name_ar"), mc.get("actor2_name"),
              ("actor2_name", "actor2_name_ar"), actor_spans("actor2")),
        field("assoc_actor_2", "Associated with actor 2", "; ".join(dict.fromkeys(a.name_en for a in actors if a.role == "assoc_actor_2")),
              "؛ ".join(dict.fromkeys(a.name_ar for a in actors if a.role == "assoc_actor_2")), None, (), actor_spans("assoc_actor_2")),
        field("fatalities", "Fatalities", r.get("fatalities"), next((s["text"] for s in spans(("fatalities",))), None),
              mc.get("fatalities"), ("fatalities",), spans(("fatalities",))),
        field("target", "Target", next((s["text"] for s in spans(("target",))), None), None, None, (), spans(("target",))),
        field("perpetrator_status", "Perpetrator", r.get("perpetrator_status"), None, mc.get("perpetrator_status"),
              ("perpetrator_status",), []),
        field("sources", "Reported by", r.get("sources"), "، ".join(dict.fromkeys(s["text"] for s in spans(("source",)))),
              None, (), spans(("source",))),
        field("notes_en", "Notes", r.get("notes_en"), None, mc.get("notes_en"), ("notes_en",), []),
    ]
    attributions = []
    for m in mentions:
        for a in (m.payload or {}).get("attributions", []) or []:
            actor = a.get("actor") or {}
            by = a.get("by") or {}
            attributions.append({
                "document_id": m.document_id, "stance": a.get("stance"), "actor_en": actor.get("name_en"),
                "actor_ar": actor.get("name_ar"), "by": by.get("text"), "text": a.get("text"),
                "start": a.get("start"), "end": a.get("end"),
            })
    # texts of the first documents only: an event reported by hundreds of articles stays
    # light; the page fetches the others from /api/documents/{id} when asked
    documents = [
        {"id": d, "title": docs[d].title, "url": docs[d].url, "outlet": docs[d].outlet,
         "published": _jsonable(docs[d].published), "text": docs[d].text if i < MAX_TEXTS else None}
        for i, d in enumerate(x for x in doc_ids if x in docs)
    ]
    return {
        "id": event_id, "status": record["status"], "merged_into": state.merged_into if state else None,
        "event": record, "machine": machine, "fields": fields_, "attributions": attributions,
        "documents": documents, "mentions": [{"id": m.id, "document_id": m.document_id, "modality": m.modality} for m in mentions],
        "editable": list(EDITABLE), "history": history(conn, event_id),
    }


def history(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(Review).where(Review.target_kind == "event", Review.target_id == event_id).order_by(Review.id)
    ).all()
    reverted = reverted_ids(conn, event_id)
    return [
        {"id": r.id, "action": r.action, "field": r.field, "before": r.old_value, "after": r.new_value,
         "who": r.reviewer, "at": _jsonable(r.created_at), "note": r.note, "reverted": r.id in reverted}
        for r in rows
    ]


def reverted_ids(conn: Connection, event_id: str) -> set[int]:
    """Ids of the reviews of an event that a later "revert" row undid."""
    rows = conn.execute(
        select(Review.new_value).where(Review.target_kind == "event", Review.target_id == event_id,
                                       Review.action == "revert")
    ).scalars().all()
    return {int(v["reverts"]) for v in rows if isinstance(v, dict) and isinstance(v.get("reverts"), int)}
