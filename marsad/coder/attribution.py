"""Attribution: who says who did it, and how sure they are.

A mention marks its perpetrator unknown ("الغارات المجهولة", "مسلحون مجهولون"); a claim
cue ("تبنى", "أعلن مسؤوليته") makes the actor near it the claimant; a denial ("وليست
غارات إسرائيلية") names an actor the speaker rules out; words of doubt ("فرضية",
"يعتقد", "اتهم") make an identification a suspicion. When an event's perpetrator is
unknown, identifications in sourced sentences become attributions by that source rather
than facts.
"""

from __future__ import annotations

import re

from marsad.coder.lexicon import CoderLexicon
from marsad.coder.mention import Mention
from marsad.doc import ActorRef, ActorValue, Attribution, Doc, Span, TextRef
from marsad.places.countries import by_gentilic
from marsad.places.cues import FROM_LAND

_NEAR_WORDS = 3


def actor_ref(span: Span) -> ActorRef:
    v: ActorValue = span.value  # type: ignore[assignment]
    return ActorRef(
        id=v.id, name_ar=v.name_ar, name_en=v.name_en, kind=v.kind, country=v.country,
        sector=v.sector, inter=v.inter, text=span.text, start=span.start, end=span.end,
        generic=v.generic,
    )


def country_forces_ref(iso2: str, text: str, start: int, end: int) -> ActorRef:
    from marsad.places.countries import countries

    c = countries().get(iso2)
    name = c.name_en if c else iso2
    return ActorRef(
        id=f"{iso2}-MIL", name_ar=c.name_ar if c else "", name_en=f"Military Forces of {name}",
        kind="state_forces", country=iso2, sector="MIL", inter=1, text=text, start=start, end=end,
    )


def _gap(doc: Doc, a: int, b: int) -> int:
    return len(doc.text[min(a, b) : max(a, b)].split())


def mark_unknown(m: Mention, doc: Doc) -> None:
    for c in m.cues:
        if c.value != "unknown":
            continue
        for t in m.triggers:
            if _gap(doc, t.end, c.start) <= _NEAR_WORDS or _gap(doc, c.end, t.start) <= 1:
                m.unknown_perpetrator = True
                m.why.append(f"perpetrator unknown ({c.text})")
                return
    if m.actor1 is not None and isinstance(m.actor1.value, ActorValue):
        v = m.actor1.value
        if v.generic and "unidentified" in (v.name_en or "").lower():
            m.unknown_perpetrator = True


def source_for(m: Mention, doc: Doc) -> TextRef | None:
    """The source that says what the sentence says: in it, else the last one cited before."""
    in_sentence = [s for s in m.sentence_entities if s.kind == "source"]
    if in_sentence:
        s = in_sentence[0]
        return TextRef(s.text, s.start, s.end)
    earlier = [s for s in doc.spans if s.kind == "source" and s.end <= m.sentence.start]
    if earlier:
        s = earlier[-1]
        return TextRef(s.text, s.start, s.end)
    return None


def claims(m: Mention, doc: Doc) -> None:
    for c in m.cues:
        if c.value != "claim":
            continue
        actors = [s for s in m.sentence_entities if s.kind == "actor" and isinstance(s.value, ActorValue)]
        if not actors:
            continue
        # the group that claims is named before "مسؤوليته" ("أعلن تنظيم داعش أمس مسؤوليته عن
        # هجوم انتحاري"), and is a group, not the bomber the attack is told with
        before = [s for s in actors if s.end <= c.start]
        named = [s for s in before if not getattr(s.value, "generic", False)]
        pool = named or before or actors
        claimant = min(pool, key=lambda s: _gap(doc, s.end, c.start) if s.end <= c.start
                       else _gap(doc, c.end, s.start))
        ref = actor_ref(claimant)
        m.attributions.append(Attribution(ref, "claimed", None, m.sentence.text, m.sentence.start, m.sentence.end))
        m.actor1 = claimant
        m.perpetrator_status = "claimed"
        m.why.append(f"claimed by {claimant.text!r}")
        return


def denials(m: Mention, doc: Doc, lex: CoderLexicon) -> list[ActorRef]:
    """Actors a negated mention rules out: "وليست غارات إسرائيلية" -> Israel."""
    assert doc.norm is not None
    out: list[ActorRef] = []
    for s in m.entities:
        if s.kind == "actor" and isinstance(s.value, ActorValue) and s.start >= m.primary.start:
            out.append(actor_ref(s))
    ns = doc.norm.from_original(m.primary.end)
    ne = doc.norm.from_original(min(m.clause[1], m.primary.end + 40))
    for h in lex.gentilics.find(doc.norm.text[ns:ne]):
        s, e = doc.norm.to_original(ns + h.start, ns + h.end)
        out.append(country_forces_ref(h.payloads[0], doc.text[s:e], s, e))
    return out


def suspected(m: Mention) -> bool:
    return m.has_cue("suspect")


#: attacks a nationality adjective attributes to a state's forces ("غارة إسرائيلية", "قصف روسي")
_STATE_WEAPONS = frozenset({"air", "drone", "shelling", "bombard", "rocket"})
_PARTICLES = frozenset("من في على الى عن ضد قرب داخل مع بين علي منذ بعد قبل".split())
_WORD = re.compile(r"[^\W\d_]+")
_FROM_COUNTRY = re.compile(r"(?:من\s+داخل|(?:اطلق|انطلق)\S*\s+من)\s*$")


def _gentilic(word: str) -> str | None:
    """The country (ISO2) a whole normalised word is the nationality adjective of."""
    c = by_gentilic(word)
    return c.iso2 if c else None


def origin_country(m: Mention, doc: Doc) -> tuple[str, int, int] | None:
    """The country an unnamed attacker fired from, with the words that say it: "قذائف من داخل
    الأراضي اليمنية" on a Saudi border post is an attack by an unidentified group of Yemen."""
    assert doc.norm is not None
    ns, ne = doc.norm.from_original(m.clause[0]), doc.norm.from_original(m.clause[1])
    for fm in FROM_LAND.finditer(doc.norm.text[ns:ne]):
        iso2 = _gentilic(fm.group(1))
        if iso2:
            s, e = doc.norm.to_original(ns + fm.start(), ns + fm.end(1))
            return iso2, s, e
    for p in m.sentence_entities:
        if p.kind != "place" or getattr(p.value, "level", "") != "country" or not (m.clause[0] <= p.start < m.clause[1]):
            continue
        before = doc.norm.text[doc.norm.from_original(max(m.clause[0], p.start - 20)) : doc.norm.from_original(p.start)]
        if _FROM_COUNTRY.search(before):
            return p.value.country, p.start, p.end  # type: ignore[union-attr]
    return None


def nationality_after(m: Mention, doc: Doc, words: int = 3) -> ActorRef | None:
    """"ضربة جوية أميركية", "قصف روسي", "الغارات الإسرائيلية": a nationality adjective on the
    attack itself names whose forces carried it out."""
    if m.family.name not in _STATE_WEAPONS:
        return None  # "عبوة ناسفة عراقية" says nothing of who planted it
    assert doc.norm is not None
    ns = doc.norm.from_original(m.primary.end)
    ne = doc.norm.from_original(min(m.clause[1], m.primary.end + 40))
    for i, wm in enumerate(_WORD.finditer(doc.norm.text[ns:ne])):
        if i >= words or wm.group(0) in _PARTICLES:
            break  # "مقذوف من الأراضي اليمنية": where from, not whose (see origin_country)
        iso2 = _gentilic(wm.group(0))
        if iso2:
            s, e = doc.norm.to_original(ns + wm.start(), ns + wm.end())
            return country_forces_ref(iso2, doc.text[s:e], s, e)
    return None
