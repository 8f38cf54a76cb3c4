"""From a cluster of merged mentions to one `Event` of the output contract."""

from __future__ import annotations

import hashlib

from marsad.coder.attribution import (
    actor_ref,
    denials,
    nationality_after,
    origin_country,
    source_for,
    suspected,
)
from marsad.coder.lexicon import CoderLexicon
from marsad.coder.mention import Mention, words_between
from marsad.coder.notes import notes_en
from marsad.doc import (
    ActorRef,
    ActorValue,
    Attribution,
    Count,
    DateRef,
    Doc,
    Event,
    LocationRef,
    PlaceValue,
    TextRef,
    TimeValue,
)
from marsad.merge.dedup import state_of

#: a state's organs: inter 1 at home, 8 (external forces) abroad, whatever the KB's default
_STATE_KINDS = {"state_forces", "government"}
_PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}
_LOC_RANK = {"exact": 5, "near": 4, "admin2": 3, "admin1": 2, "country": 1}


def _event_id(doc: Doc, ms: list[Mention]) -> str:
    key = f"{doc.id or ''}:{ms[0].primary.start}:{ms[0].sub_event_type}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def _date(doc: Doc, ms: list[Mention]) -> DateRef:
    best = None
    for m in ms:
        if m.date is not None and isinstance(m.date.value, TimeValue):
            v = m.date.value
            if best is None or _PRECISION_RANK[v.precision] > _PRECISION_RANK[best.value.precision]:  # type: ignore[union-attr]
                best = m.date
    if best is not None:
        v = best.value  # type: ignore[assignment]
        return DateRef(v.value, v.precision, best.text, best.start, best.end)  # type: ignore[union-attr]
    # nothing in the text: the article reports it, the exact day is not stated
    return DateRef(doc.published, "week" if doc.published else "unknown")


def _location(ms: list[Mention]) -> LocationRef | None:
    best: Mention | None = None
    for m in ms:
        if m.location is None:
            continue
        if best is None or _LOC_RANK[m.location_precision or "country"] > _LOC_RANK[best.location_precision or "country"]:
            best = m
    if best is None or best.location is None:
        return None
    span = best.location
    v: PlaceValue = span.value  # type: ignore[assignment]
    return LocationRef(
        name_ar=v.name_ar, name_en=v.name_en, geonameid=v.geonameid, country=v.country,
        admin1=v.admin1, lat=v.lat, lon=v.lon, precision=best.location_precision or "exact",  # type: ignore[arg-type]
        text=span.text, start=span.start, end=span.end, admin2=v.admin2,
    )


def _count(ms: list[Mention], attr: str) -> Count:
    """The largest toll told, leaving out a perpetrator's claim when anyone else gives one."""
    best: tuple[int | None, object] = (None, None)
    told = [m for m in ms if getattr(m, attr)[0] is not None]
    others = [m for m in told if m.perpetrator_status != "claimed"]
    for m in others or told:
        value, span = getattr(m, attr)
        if value is not None and (best[0] is None or value > best[0]):
            best = (value, span)
    value, span = best
    if span is None:
        return Count(value)
    return Count(value, span.text, span.start, span.end)  # type: ignore[attr-defined]


def _victim_actor(m: Mention, country: str | None, lex: CoderLexicon) -> ActorRef | None:
    if m.victims_text is None:
        return None
    s, e, text, noun = m.victims_text
    for h in lex.victims.find(noun):
        v = h.payloads[0]
        cname = _country_name(country)
        if cname:
            name = v.name.format(country=cname)
        else:
            name = v.name.replace(" ({country})", "").replace(" of {country}", "")
        return ActorRef(None, text, name, "generic", country, v.sector, v.inter, text, s, e, True)
    return None


_STANCE_ORDER = {"claimed": 0, "asserted": 1, "suspected": 2, "denied": 3}


def _one_per_actor(atts: list[Attribution]) -> list[Attribution]:
    """One attribution per actor and stance family: the firmest, first said."""
    best: dict[str, Attribution] = {}
    for a in atts:
        key = a.actor.id or a.actor.name_en
        if key not in best or _STANCE_ORDER[a.stance] < _STANCE_ORDER[best[key].stance]:
            best[key] = a
    return list(best.values())


def _country_name(country: str | None) -> str:
    from marsad.places.countries import countries

    return countries()[country].name_en if country and country in countries() else ""


def _default_actor1(m: Mention, ms: list[Mention], country: str | None, doc: Doc,
                    lex: CoderLexicon) -> ActorRef | None:
    """ACLED's generic perpetrator for an event whose text names none ("Unidentified Armed
    Group (Iraq)", "Protesters (Egypt)"), its evidence the trigger. None for event types
    ACLED does not require an actor1 for here (strategic developments)."""
    d = (lex.default_actor1.get((m.event_type, m.sub_event_type))
         or lex.default_actor1.get((m.event_type, "*")))
    if d is None:
        return None
    text, start, end = m.primary.text, m.primary.start, m.primary.end
    origin = None
    if "{country}" in d.name and m.family.plover_type == "ASSAULT":
        origin = next((o for o in (origin_country(x, doc) for x in ms) if o), None)
    if origin is not None:  # fired from across the border: the group is of that country
        country, start, end = origin
        text = doc.text[start:end]
    cname = _country_name(country)
    name = d.name.format(country=cname) if cname else d.name.replace(" ({country})", "")
    return ActorRef(None, text, name, "generic", country if "{country}" in d.name else None,
                    d.sector, d.inter, text, start, end, True)


def _same_side(actor1: ActorRef | None, actor2: ActorRef, event_type: str) -> bool:
    """One actor is not both sides: the same named actor, the same generic one (except in
    Battles: two unnamed groups may fight each other), or a state and its own organ."""
    if actor1 is None:
        return False
    return ((not actor1.generic and actor2.id == actor1.id)
            or (actor2.name_en == actor1.name_en and event_type != "Battles")
            or (actor2.kind == "state" and state_of(actor1.id) == actor2.id))


_MARCHING = {"Peaceful protest", "Protest with intervention", "Violent demonstration"}
UNTOLD_DEATHS = 3
_MET_BY_FORCE = {"Protest with intervention", "Excessive force against protesters"}


def _marches_with(sub_event_type: str, actor: ActorRef) -> bool:
    """Civilians named in a demonstration (students, workers, nationals) march in it: ACLED
    codes them beside the protesters (assoc_actor_1), not as the protest's target."""
    return sub_event_type in _MARCHING and (actor.inter == 7 or actor.kind == "nationals")


def _protest_sides(sub_event_type: str, actor1: ActorRef | None, actor2: ActorRef | None,
                   ms: list[Mention]) -> tuple[ActorRef | None, ActorRef | None]:
    """ACLED's sides of a demonstration: the protesters are actor1 and the force that met
    them actor2, except in excessive force, where the force is actor1 and the protesters
    its victims. The force may be named in another clause of the sentence ("وفرقت الشرطة
    المتظاهرين ... بعد ان تظاهر المئات"). Protesters are never the target of their own
    protest."""
    def protesters(a: ActorRef | None) -> bool:
        return a is not None and a.inter == 6

    def force(a: ActorRef | None) -> bool:
        return a is not None and (a.sector or "") in ("COP", "MIL")

    if (sub_event_type in _MET_BY_FORCE and not force(actor1)
            and (actor2 is None or protesters(actor2))):
        named = next((s for m in ms for s in m.sentence_entities if s.kind == "actor"
                      and isinstance(s.value, ActorValue) and force(actor_ref(s))), None)
        if named is not None:
            actor2 = actor_ref(named)

    if sub_event_type == "Excessive force against protesters":
        if force(actor2) and not force(actor1):
            return actor2, actor1
        return actor1, actor2
    if sub_event_type in _MARCHING and protesters(actor2):
        return actor1, None
    return actor1, actor2


def _best_target(ms: list[Mention], actor1: ActorRef | None, event_type: str, *,
                 states: bool = False) -> ActorRef | None:
    """The most specific target the mentions name: a named actor ("حزب الله") over a
    nationality-marked one ("ميليشيات إيرانية") over a bare generic ("ميليشيات"). Never the
    perpetrator itself (the claimant of "أعلن داعش مسؤوليته عن الهجوم" is no target). A
    country's bare name ("هجوم يستهدف تركيا") only with `states`, as a last resort: ACLED
    codes its forces or its civilians, which the victim nouns of the sentence may name.
    A candidate on the perpetrator's side (the bomber a headline names after "تفجير
    انتحاري") gives way to the next."""
    spans = [m.actor2 for m in ms if m.actor2 is not None
             and not _same_side(actor1, actor_ref(m.actor2), event_type)
             and (getattr(m.actor2.value, "kind", None) == "state") == states]

    def specificity(span: object) -> int:
        v = span.value  # type: ignore[attr-defined]
        if not getattr(v, "generic", False):
            return 2
        return 1 if getattr(v, "nationality", None) else 0

    if not spans:
        return None
    best = max(spans, key=specificity)  # the first of the most specific
    return actor_ref(best)


#: words at most between an attack and the actor it is said to be of ("بغارة لطيران التحالف")
_DOER_GAP = 2


def _names_the_doer(m: Mention, doc: Doc) -> bool:
    """Is the mention's actor1 right beside its trigger, not elsewhere in the sentence?"""
    a, t = m.actor1, m.primary
    if a is None:
        return False
    between = (t.end, a.start) if a.start >= t.end else (a.end, t.start)
    return words_between(doc.text, *between) <= _DOER_GAP


def build_event(doc: Doc, ms: list[Mention], negated: list[Mention], lex: CoderLexicon,
                version: str) -> Event:
    head = next((m for m in ms if m.modality == "asserted"), ms[0])
    main = max(ms, key=lambda m: (m.family.rank if m.family.name not in ("kill", "injure") else 0))
    location = _location(ms)
    country = location.country if location else None
    unknown = any(m.unknown_perpetrator for m in ms)
    attributions: list[Attribution] = [a for m in ms for a in m.attributions]
    actor1: ActorRef | None = None
    claimed = any(a.stance == "claimed" for a in attributions)
    identified = [m for m in ms if m.actor1 is not None]
    if claimed:
        actor1 = next(a.actor for a in attributions if a.stance == "claimed")
    elif unknown and identified:
        for m in identified:
            if m.actor1 is None or getattr(m.actor1.value, "generic", False):
                continue
            stance, source = ("suspected" if suspected(m) else "asserted"), source_for(m, doc)
            attributions.append(Attribution(actor_ref(m.actor1), stance, source,
                                            m.sentence.text, m.sentence.start, m.sentence.end))
            if (actor1 is None and stance == "asserted" and source is None
                    and m.sub_event_type == main.sub_event_type and _names_the_doer(m, doc)):
                # the outlet's own words name the perpetrator of this very act ("مقتل 12
                # شخصا بتفجير انتحاري لداعش"): coded as ACLED codes it; a source's word
                # ("تتهم مصادر محلية") stays an attribution
                actor1, unknown = actor_ref(m.actor1), False
    elif (identified and main.family.group == "violence" and suspected(identified[0])
          and not getattr(identified[0].actor1.value, "generic", False)):  # type: ignore[union-attr]
        # "ورجحت مصادر أمنية أن يكون تنظيم داعش وراء التفجير": suspected, not known
        m = identified[0]
        attributions.append(Attribution(actor_ref(m.actor1), "suspected", source_for(m, doc),  # type: ignore[arg-type]
                                        m.sentence.text, m.sentence.start, m.sentence.end))
    elif identified:
        actor1 = actor_ref(identified[0].actor1)  # type: ignore[arg-type]
    attributions = _one_per_actor(attributions)
    for n in negated:
        for ref in denials(n, doc, lex):
            attributions.append(Attribution(ref, "denied", source_for(n, doc), n.sentence.text,
                                            n.sentence.start, n.sentence.end))
    attributions = _one_per_actor(attributions)
    said_unknown = any(c.value == "unknown" for m in ms for c in m.cues)  # "مجهولة": keep it so
    if (actor1 is None or actor1.generic) and not said_unknown and main.family.plover_type == "ASSAULT":
        # "غارات إسرائيلية" after "طائرات حربية": the nationality of the attack names the forces
        named = next((a for a in (nationality_after(x, doc) for x in ms) if a), None)
        if named is not None:
            actor1, unknown = named, False
    marcher: ActorRef | None = None
    if main.sub_event_type in _MARCHING and actor1 is not None and actor1.inter != 6:
        # ACLED: the protesters are actor1; students, a party or a movement named with them
        # ("تظاهر أنصار حزب الله") are associates; a state's forces never march
        marcher = None if (actor1.sector or "") in ("MIL", "COP") else actor1
        actor1 = None
    if actor1 is None:
        actor1 = _default_actor1(main, ms, country, doc, lex)  # ACLED codes the unnamed perpetrator
    if claimed:
        status = "claimed"
    elif any(a.stance in ("asserted", "suspected") for a in attributions) and (unknown or actor1 is None or actor1.generic):
        status = "attributed"
    elif actor1 is not None and not actor1.generic and not unknown:
        status = "known"
    else:
        status = "unknown"
    actor2 = _best_target(ms, actor1, main.event_type)
    if actor2 is None and main.family.group not in ("withdraw", "visit", "base"):
        for m in ms:
            actor2 = _victim_actor(m, country, lex)
            if actor2:
                break
    if actor2 is None:
        actor2 = _best_target(ms, actor1, main.event_type, states=True)
    if actor2 is not None and _same_side(actor1, actor2, main.event_type):
        actor2 = None
    actor1, actor2 = _protest_sides(main.sub_event_type, actor1, actor2, ms)
    assoc1 = [actor_ref(a) for m in ms for a in m.assoc1] + ([marcher] if marcher else [])
    assoc2 = [actor_ref(a) for m in ms for a in m.assoc2]
    if actor2 is not None and _marches_with(main.sub_event_type, actor2):
        assoc1.append(actor2)  # "تظاهر مئات الطلاب": the students are the protesters
        actor2 = None
    sides = {a.name_en for a in (actor1, actor2) if a is not None}
    assoc1 = [a for a in assoc1 if a.name_en not in sides]  # an actor is named once, in one role
    if actor2 is not None:
        seen = {actor2.id or actor2.name_en}
        uniq = []
        for a in assoc2:
            if (a.id or a.name_en) not in seen:
                seen.add(a.id or a.name_en)
                uniq.append(a)
        assoc2 = uniq
    for a in (actor1, actor2, *assoc1, *assoc2):
        if a is not None and country and a.country and a.inter in (1, 8) and a.kind in _STATE_KINDS:
            a.inter = 1 if a.country == country else 8  # ACLED: external forces only abroad
    evidence = []
    seen_sent: set[int] = set()
    for m in ms:
        if m.sentence.start not in seen_sent:
            seen_sent.add(m.sentence.start)
            evidence.append(TextRef(m.sentence.text, m.sentence.start, m.sentence.end))
    sources, seen_src = [], set()
    for m in ms:
        for s in m.sources:
            if (s.start, s.end) not in seen_src:
                seen_src.add((s.start, s.end))
                sources.append(TextRef(s.text, s.start, s.end))
    modality = "asserted" if any(m.modality == "asserted" for m in ms) else ms[0].modality
    if modality == "referenced":
        modality = "historical"
    fatalities = _count(ms, "fatalities")
    untold = next((m.deaths_untold for m in ms if m.deaths_untold is not None), None)
    if fatalities.value is None and untold is not None:
        # ACLED: deaths reported without a number count 3 for a limited event
        fatalities = Count(UNTOLD_DEATHS, untold.text, untold.start, untold.end)
    target = None
    event = Event(
        id=_event_id(doc, ms),
        event_type=main.event_type,
        sub_event_type=main.sub_event_type,
        plover={"type": main.family.plover_type, "mode": main.plover_mode},
        date=_date(doc, ms),
        location=location,
        actor1=actor1,
        assoc_actor_1=assoc1,
        actor2=actor2,
        assoc_actor_2=assoc2,
        perpetrator_status=status,  # type: ignore[arg-type]
        attributions=attributions,
        fatalities=fatalities,
        injuries=_count(ms, "injuries"),
        sources=sources,
        outlet=doc.outlet,
        modality=modality,  # type: ignore[arg-type]
        evidence=evidence,
        confidence=round(max(m.confidence for m in ms), 3),
        notes_en="",
        trigger=TextRef(head.primary.text, head.primary.start, head.primary.end),
        target=target,
        civilian_targeting=any(m.civilian for m in ms),
        extractor_version=version,
        why=[w for m in ms for w in m.why][:20],
    )
    event.notes_en = notes_en(event, doc)
    return event
