"""Recogniser: places, resolved to GeoNames / curated divisions with document context.

1. Every gazetteer name is found with the clitic-aware trie (بالبوكمال, وللعراق).
2. The words before it are read: a level word (محافظة, بلدة, ...), a modifier (ريف,
   شمال, ...), or a title that makes it a person (الشيخ علي).
3. Candidates are filtered: stoplisted common words need a level word (or, for some, the
   place's country named in the document); places outside the Arab League need to be
   big, or their country named in the document (بوتو is not Poteau, USA).
4. The document's countries are counted from unambiguous mentions and nationality
   adjectives (اللبناني); each ambiguous name takes the candidate of a country the
   document talks about, then the level the cues ask for, then the most populous.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.doc import Doc, PlaceValue, Span
from marsad.places.countries import gentilic_table
from marsad.places.cues import Cues, read_cues
from marsad.places.gazetteer import CORE, MIN_ELSEWHERE, Gazetteer, Place, load_gazetteer
from marsad.registry import component, resource
from marsad.resources import Resources
from marsad.text.matcher import Hit, word_mask
from marsad.text.normalise import Normalised, normalise, strip_diacritics

COMPONENT = "marsad.places.v1"

#: a place outside the Arab League is matched without context only above this population
BIG_ELSEWHERE = 500_000
#: ... and with its country named in the document, above this one (smaller shipped ones
#: are not even in the gazetteer)
KNOWN_ELSEWHERE = MIN_ELSEWHERE
#: a place outside the Arab League loses to a namesake this many times bigger (Paris, TX)
DWARFED = 4
#: a one-word town of the Arab League below this population needs a cue, or its country
#: named in the document and a preposition before it ("في حرير")
SMALL_CORE = 50_000


#: words of a match report (normalised); with three of them, a foreign city named without
#: a preposition is taken for its club ("فاز برشلونة")
_SPORTS = ("مباراه", "الدوري", "المدرب", "اللاعب", "لاعبين", "كره القدم", "الملعب", "النادي",
           "المنتخب", "بطوله", "هدفا", "اهداف", "الهجوم والدفاع", "ركله")


@resource("places")
def load_places(resources: Resources) -> Gazetteer:
    return load_gazetteer(resources.options.get("gazetteer_files", ()))


@dataclass(slots=True)
class _Mention:
    hit: Hit[int]
    cands: list[Place]
    cues: Cues
    stop: str | None  # "trigger" | "context" | None


def _stop_rule(gaz: Gazetteer, hit: Hit[int]) -> str | None:
    return gaz.stop.get(hit.key) or gaz.stop.get("ال" + hit.key)


def _plausible(p: Place, m: _Mention, evidence: Counter[str], sports: bool = False) -> bool:
    """May `p` be what this mention names, given the document's countries?"""
    weight = evidence[p.country] if p.country else 0
    known = weight > 0
    if m.stop == "trigger" and not m.cues.level:
        return False
    if m.stop == "context" and not (m.cues.level or (known and (m.cues.prep or m.cues.modifier))):
        return False
    if m.cues.level_word == "حي" and not (known and weight == max(evidence.values())):
        return False  # a neighbourhood: حي الدوحة in a Saudi city is not Doha, Qatar
    if m.cues.level == "town" and p.level == "country":
        return False  # "حي مصر الجديدة" is a quarter of Cairo, not Egypt
    if p.source in ("country", "curated"):
        return True
    short = len(m.hit.key) <= 3 and " " not in m.hit.key  # كان, وان, بن: words first
    if p.country not in CORE:
        if sports and not (m.cues.prep or m.cues.level):
            return False  # "برشلونة" in a match report is the club
        if short or (m.cues.level and known):
            return bool(m.cues.level) and known  # "قرية X" in a country the text names
        return p.population >= BIG_ELSEWHERE or (known and p.population >= KNOWN_ELSEWHERE)
    if " " in m.hit.key or m.cues.level:
        return True
    if p.population >= (BIG_ELSEWHERE if short else SMALL_CORE):
        return True
    return known and m.cues.prep


def _candidates(m: _Mention, evidence: Counter[str], sports: bool = False) -> list[Place]:
    ok = [p for p in m.cands if _plausible(p, m, evidence, sports)]
    if len(ok) > 1:
        top = max(p.population for p in ok)
        ok = [
            p
            for p in ok
            if p.country in CORE or p.source in ("country", "curated") or p.population * DWARFED >= top
        ]
    return ok


@lru_cache(maxsize=1)
def _gentilic_words() -> dict[str, str]:
    """Every gentilic with its possible proclitics (والإيرانية, للعراقيين) -> country."""
    out: dict[str, str] = {}
    for word, iso in gentilic_table().items():
        out.setdefault(word, iso)
        for c in ("و", "ف", "ب", "وب", "فب", "ل", "ول", "فل"):
            out.setdefault(c + word, iso)
        if word.startswith("ال"):
            for c in ("", "و", "ف"):
                out.setdefault(c + "لل" + word[2:], iso)
    return out


def _gentilic_evidence(text: str) -> Counter[str]:
    """Countries named by nationality adjectives: "الميليشيات الإيرانية" -> IR."""
    table = _gentilic_words()
    # the matcher's word mask of this text (already made): split is far cheaper than \w+
    return Counter(iso for w in word_mask(text).split() if (iso := table.get(w)) is not None)


def _evidence(mentions: list[_Mention], text: str) -> Counter[str]:
    evidence = _gentilic_evidence(text)
    empty: Counter[str] = Counter()
    for m in mentions:
        if m.stop:
            continue
        cs = {p.country for p in _candidates(m, empty)}
        if len(cs) == 1 and None not in cs:
            (iso,) = cs
            level_country = any(p.level == "country" for p in m.cands)
            evidence[iso] += 2 if level_country else 1  # type: ignore[index]
    return evidence


def _score(p: Place, m: _Mention, evidence: Counter[str], admin1s: Counter[str]) -> float:
    s = math.log10(p.population + 1) * 0.5
    if p.country and evidence[p.country]:
        s += 4 + min(evidence[p.country], 4) * 0.5
    if p.admin1 and admin1s[p.admin1] and p.level != "admin1":
        s += 1.5
    if p.country in CORE:
        s += 1
    level, modifier = m.cues.level, m.cues.modifier
    if level == "region":
        level = "admin1" if p.level == "admin1" else "admin2"
    if level:
        # a district is named after its seat town: "مدينة زنجبار" is Zinjibar's district
        # seat before it is Zanzibar, Tanzania
        seat = level == "town" and p.level == "admin2" and p.source == "curated"
        s += 5 if p.level == level else 4 if seat else 0  # the town itself still first
    elif modifier == "ريف" and p.level == "admin1":
        s += 5  # ريف دير الزور: the governorate's countryside
    elif p.level == "country":
        s += 3  # تونس, الكويت, الجزائر: the country, unless the text says "مدينة"
    elif p.level == "town":
        s += 1  # a bare city name is the city, not the governorate named after it
    if p.source == "curated" and p.level in ("admin1", "admin2"):
        s += 0.5  # the same region also listed as a small GeoNames locality
    return s


def _value(p: Place, cues: Cues, surface: str) -> PlaceValue:
    return PlaceValue(
        geonameid=p.geonameid,
        # GeoNames lists Arabic names unordered (ترابلس before طرابلس): show the text's own
        name_ar=p.name_ar if p.source in ("country", "curated") else surface,
        name_en=p.name_en,
        country=p.country,
        admin1=p.admin1,
        lat=p.lat,
        lon=p.lon,
        level=p.level,
        admin2=p.admin2,
        modifier=cues.modifier,
    )


def find(doc: Doc, resources: Resources) -> list[Span]:
    gaz: Gazetteer = resources.get("places")
    norm = doc.norm or normalise(doc.text)
    text = norm.text
    mentions: list[_Mention] = []
    for hit in gaz.matcher.find(text):
        cues = read_cues(text, hit.start - len(hit.prefix), hit.end)
        if hit.prefix.lstrip("وف")[:1] in ("ب", "ل"):
            cues = replace(cues, prep=True)
        if cues.person:
            continue
        if _gentilic_words().get(hit.key) and (
            cues.after_definite or (cues.after_feminine and not hit.prefix)
        ):
            continue  # "الحكومة السعودية", "ليرة سورية": an adjective, not the country
        cands = [gaz.places[i] for i in hit.payloads]
        mentions.append(_Mention(hit, cands, cues, _stop_rule(gaz, hit)))
    evidence = _evidence(mentions, text)
    sports = sum(term in text for term in _SPORTS) >= 3
    chosen: list[tuple[_Mention, list[Place], Place]] = []
    admin1s: Counter[str] = Counter()
    none: Counter[str] = Counter()
    for m in mentions:
        ok = _candidates(m, evidence, sports)
        if ok:
            chosen.append((m, ok, max(ok, key=lambda p: _score(p, m, evidence, none))))
            admin1s.update({p.admin1 for p in ok if p.admin1 and len(ok) == 1})
    spans: list[Span] = []
    for m, ok, first in chosen:
        # a second pass: the regions of the places named without doubt now count
        best = max(ok, key=lambda p: _score(p, m, evidence, admin1s)) if len(ok) > 1 else first
        start, end = norm.to_original(m.hit.start, m.hit.end)
        surface = strip_diacritics(doc.text[start:end])
        if m.hit.prefix.endswith(("ال", "لل")) and not m.hit.key.startswith("ال"):
            surface = "ال" + surface  # بالبوكمال matched as بوكمال after the article
        value = _value(best, m.cues, surface)
        spans.append(Span("place", start, end, doc.text[start:end], value, COMPONENT))
    spans.extend(_capitals(doc, norm, gaz, spans))
    return spans


# "في العاصمة الأفغانية": the capital named by the country's adjective (normalised text)
_CAPITAL = re.compile(r"(?<!\w)[وفبل]{0,2}(?:ال|لل)?عاصمه\s+(ال\w+يه)(?!\w)")


def _capitals(doc: Doc, norm: Normalised, gaz: Gazetteer, found: list[Span]) -> list[Span]:
    """"العاصمة الأفغانية" is Kabul, unless the capital's name follows ("العاصمة العراقية
    بغداد"), which the gazetteer finds itself."""
    text = norm.text
    out: list[Span] = []
    if "عاصمه" not in text:  # a regex opening on a look-behind tries every character
        return out
    for m in _CAPITAL.finditer(text):
        iso = gentilic_table().get(m.group(1))
        place = gaz.capital(iso) if iso else None
        if place is None:
            continue
        start, end = norm.to_original(m.start(), m.end())
        if any(s.start < end + 3 and start < s.end for s in found):
            continue  # the name itself is there, or the words are part of another place
        value = _value(place, read_cues(text, m.start(), m.end()), place.name_ar)
        out.append(Span("place", start, end, doc.text[start:end], value, COMPONENT))
    return out


@component(COMPONENT)
def recognise_places(doc: Doc, resources: Resources) -> Doc:
    doc.spans.extend(find(doc, resources))
    return doc
