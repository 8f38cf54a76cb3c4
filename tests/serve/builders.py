"""Events built by hand on real Arabic text, saved through the store's own path.

Until the event coder codes them, the web tests need events: these are made from the
worked example and from SaudiNewsNet articles (read at test time, never copied here),
with every offset found in the real text, then stored with Store.add_documents /
claim_documents / save_results and deduplicated with the store's own pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from marsad.doc import ActorRef, Attribution, Count, DateRef, Event, LocationRef, TextRef
from marsad.ingest.ids import document_id
from marsad.run.work import DocumentResult
from marsad.store.canonical import deduplicate_store
from marsad.store.store import NewDocument, Store

SEED_PUBLISHED = dt.date(2019, 9, 19)


def ref(text: str, needle: str, after: int = 0) -> TextRef:
    i = text.find(needle, after)
    if i < 0:
        raise ValueError(f"{needle!r} not in the text")
    return TextRef(needle, i, i + len(needle))


def sentence_of(text: str, r: TextRef) -> TextRef:
    start = max(text.rfind(".,", 0, r.start) + 2, text.rfind("\n", 0, r.start) + 1, 0)
    ends = [e for e in (text.find(".,", r.end), text.find("\n", r.end)) if e >= 0]
    end = min(ends) if ends else len(text)
    while start < end and text[start].isspace():
        start += 1
    return TextRef(text[start:end], start, end)


def actor(text: str, needle: str, id_: str, en: str, kind: str, country: str | None, sector: str | None,
          inter: int | None, after: int = 0) -> ActorRef:
    r = ref(text, needle, after)
    return ActorRef(id_, needle, en, kind, country, sector, inter, r.text, r.start, r.end)


def seed_events(text: str) -> list[Event]:
    """The Al-Bukamal air strike as DESIGN.md describes it."""
    trig = ref(text, "الغارات الجوية")
    date = ref(text, "ليل الاثنين- الثلاثاء الماضي")
    place = ref(text, "البوكمال", text.find("بلدة"))
    src = ref(text, "مصادر محلية")
    outlet = ref(text, "العربية.نت")
    pmf = actor(text, "الحشد الشعبي", "pmf", "Popular Mobilization Forces", "armed_group", "IQ", "MIL", 3)
    hez = actor(text, "حزب الله", "hezbollah", "Hezbollah", "armed_group", "LB", "REB", 3)
    coal_r = ref(text, "التحالف الدولي")
    coalition = ActorRef("intl_coalition", "التحالف الدولي", "International Coalition", "state_forces", None,
                         "MIL", 8, coal_r.text, coal_r.start, coal_r.end)
    isr_r = ref(text, "إسرائيلية")
    israel = ActorRef("israel_mil", "إسرائيل", "Military Forces of Israel", "state_forces", "IL", "MIL", 8,
                      isr_r.text, isr_r.start, isr_r.end)
    attr_sent = sentence_of(text, coal_r)
    target = ref(text, "مجمع الإمام علي")
    return [Event(
        id="e1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        plover={"type": "ASSAULT", "mode": "aerial"},
        date=DateRef(dt.date(2019, 9, 17), "day", date.text, date.start, date.end),
        location=LocationRef("البوكمال", "Abu Kamal", None, "SY", "Deir ez-Zor", 34.4506, 40.9171, "exact",
                             place.text, place.start, place.end),
        actor1=None, assoc_actor_1=[], actor2=pmf, assoc_actor_2=[hez], perpetrator_status="attributed",
        attributions=[
            Attribution(coalition, "suspected", src, attr_sent.text, attr_sent.start, attr_sent.end),
            Attribution(israel, "denied", src, attr_sent.text, attr_sent.start, attr_sent.end),
        ],
        fatalities=Count(None), injuries=Count(None), sources=[src, outlet], outlet="العربية.نت",
        modality="asserted", evidence=[sentence_of(text, trig)], confidence=0.82,
        notes_en="Unidentified air strikes on Iran-backed militia positions near Al-Bukamal destroyed the Imam Ali compound.",
        trigger=trig, target=target, extractor_version="test-builder",
    )]


# keyword -> (ACLED type, sub-type, PLOVER type, mode); places with their GeoNames data
KEYWORDS: list[tuple[str, tuple[str, str, str, str | None]]] = [
    ("غارات", ("Explosions/Remote violence", "Air/drone strike", "ASSAULT", "aerial")),
    ("تفجير", ("Explosions/Remote violence", "Remote explosive/landmine/IED", "ASSAULT", "explosion")),
    ("انفجار", ("Explosions/Remote violence", "Remote explosive/landmine/IED", "ASSAULT", "explosion")),
    ("اشتباكات", ("Battles", "Armed clash", "ASSAULT", "firearms")),
    ("مظاهرة", ("Protests", "Peaceful protest", "PROTEST", "demo")),
    ("القبض على", ("Strategic developments", "Arrests", "COERCE", "arrest")),
]
PLACES: dict[str, tuple[int, str, str, str, float, float]] = {
    "تعز": (70225, "Taiz", "YE", "Taiz", 13.5795, 44.0209),
    "عدن": (415189, "Aden", "YE", "Aden", 12.7794, 45.0367),
    "صنعاء": (71137, "Sanaa", "YE", "Amanat Al Asimah", 15.3547, 44.2067),
    "بغداد": (98182, "Baghdad", "IQ", "Baghdad", 33.3406, 44.4009),
    "الموصل": (99072, "Mosul", "IQ", "Nineveh", 36.335, 43.1189),
    "حلب": (170063, "Aleppo", "SY", "Aleppo", 36.2021, 37.1343),
    "دمشق": (170654, "Damascus", "SY", "Damascus", 33.5102, 36.2913),
    "إدلب": (169389, "Idlib", "SY", "Idlib", 35.9306, 36.6339),
    "الرياض": (108410, "Riyadh", "SA", "Riyadh Region", 24.6877, 46.7219),
    "الدمام": (110336, "Dammam", "SA", "Eastern Province", 26.4344, 50.1033),
    "القطيف": (108927, "Al Qatif", "SA", "Eastern Province", 26.5196, 50.0115),
    "بيروت": (276781, "Beirut", "LB", "Beirut", 33.8933, 35.5016),
}


def article_events(art: dict[str, Any]) -> list[Event]:
    """One event per article that names a violent or protest act and a known place."""
    text = art["content"]
    for kw, (etype, sub, ptype, mode) in KEYWORDS:
        i = text.find(kw)
        if i < 0:
            continue
        trig = TextRef(kw, i, i + len(kw))
        sent = sentence_of(text, trig)
        found = sorted((p for p in PLACES if p in text), key=lambda p: abs(text.find(p) - i))
        if not found:
            return []
        pname = found[0]
        pr = ref(text, pname)
        gid, en, cc, adm1, lat, lon = PLACES[pname]
        pub = dt.date.fromisoformat(art["date_extracted"][:10])
        return [Event(
            id="e1", event_type=etype, sub_event_type=sub, plover={"type": ptype, "mode": mode},
            date=DateRef(pub, "week"), location=LocationRef(pname, en, gid, cc, adm1, lat, lon, "exact",
                                                            pr.text, pr.start, pr.end),
            actor1=None, assoc_actor_1=[], actor2=None, assoc_actor_2=[], perpetrator_status="unknown",
            attributions=[], fatalities=Count(None), injuries=Count(None), sources=[], outlet=art.get("source"),
            modality="asserted", evidence=[sent], confidence=0.5, notes_en=f"{sub} reported near {en}.",
            trigger=trig, extractor_version="test-builder",
        )]
    return []


def save(store: Store, docs: Sequence[tuple[NewDocument, list[Event]]]) -> dict[str, str]:
    """Store documents and their events through the store's own path; doc id -> event id."""
    store.add_documents([d for d, _ in docs])
    run = store.start_run("extract", extractor_version="test-builder")
    claimed = store.claim_documents(run, len(docs) + 10, version="test-builder")
    events = {d.id: evs for d, evs in docs}
    store.save_results(run, [DocumentResult(t.id, "test-builder", events.get(t.id, [])) for t in claimed])
    store.finish_run(run, {})
    deduplicate_store(store)
    out = {}
    for m in store.iter_mentions():
        out[m["document_id"]] = m["event_id"]
    return out


def build(store: Store, seed_text: str, articles: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The worked example and the articles in `store`; returns their ids."""
    seed_doc = NewDocument(document_id(seed_text), seed_text, title=seed_text.split("\n", 1)[0].strip(),
                           published=SEED_PUBLISHED, outlet="العربية.نت", url="https://www.alarabiya.net/",
                           origin="seed")
    docs = [(seed_doc, seed_events(seed_text))]
    seen = {seed_doc.id}
    for art in articles:
        evs = article_events(art)
        if not evs:
            continue
        did = document_id(art["content"])
        if did in seen:
            continue
        seen.add(did)
        docs.append((NewDocument(did, art["content"], title=art.get("title"),
                                 published=dt.date.fromisoformat(art["date_extracted"][:10]),
                                 outlet=art.get("source"), url=art.get("url"), origin="saudinewsnet"), evs))
    event_of = save(store, docs)
    return {"seed_document": seed_doc.id, "seed_event": event_of[seed_doc.id], "event_of": event_of,
            "documents": [d.id for d, _ in docs]}


def build_real(store: Store, seed_text: str, articles: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The same documents coded by the real extractor (marsad.run.process_documents), saved
    and deduplicated by the store: what `marsad ingest` + `marsad run` leave behind."""
    from marsad.run.work import extractor_version, process_documents

    docs = [NewDocument(document_id(seed_text), seed_text, title=seed_text.split("\n", 1)[0].strip(),
                        published=SEED_PUBLISHED, outlet="العربية.نت", origin="seed", title_first_line=True)]
    for art in articles:
        docs.append(NewDocument(document_id(art["content"]), art["content"], title=art.get("title"),
                                published=dt.date.fromisoformat(art["date_extracted"][:10]),
                                outlet=art.get("source"), url=art.get("url"), origin="saudinewsnet"))
    store.add_documents(docs)
    version = extractor_version()
    run = store.start_run("extract", extractor_version=version)
    tasks = store.claim_documents(run, len(docs) + 10, version=version)
    store.save_results(run, process_documents(tasks))
    store.finish_run(run, {})
    deduplicate_store(store)
    return {"seed_document": docs[0].id, "documents": [d.id for d in docs]}
