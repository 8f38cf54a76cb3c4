"""Recogniser: actors.

One pass of the compiled actor trie (`marsad.actors.index`) over the normalised text,
then a left-to-right walk over the hits that
  * resolves named actors, people's roles on the publication date and shared aliases;
  * completes a generic head with the nationality adjective that follows it
    ("القوات الأمريكية", "طائرات حربية روسية", "ميليشيات إيرانية") or with "unknown"
    ("مسلحون مجهولون");
  * folds membership nouns into the actor they introduce ("مقاتلو حزب الله");
  * reads a country name after a locative preposition as a place, not a state actor
    ("في العراق"), but remembers it as the sentence's country;
  * gives a generic agent with no nationality the country of the sentence.
A second component (`marsad.actors.context.v1`, after the places recogniser) does the
last step with the places found by the gazetteer.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from dataclasses import dataclass

from marsad.actors import compose
from marsad.actors.cues import (
    DEMONSTRATIVES,
    LOCATION_NOUNS,
    MEMBER_WORDS,
    SEAT_WORDS,
    backer,
    counted,
    gap_ok,
    prev_word,
    state_is_place_or_adjective,
)
from marsad.actors.index import ActorIndex
from marsad.actors.kb import Actor
from marsad.doc import ActorValue, Doc, Span
from marsad.places.countries import by_name
from marsad.places.cues import across_border, from_land
from marsad.recognise import make_span
from marsad.registry import component
from marsad.resources import Resources
from marsad.text.matcher import Hit

NAME = "marsad.actors.v1"

#: generic heads that introduce members of the actor that follows ("عناصر الشرطة")
MEMBER_KINDS = frozenset({"members", "fighters", "gunmen", "soldiers", "militants", "attackers",
                          "security_forces", "military", "police", "strikes"})
#: generic kinds a country from the sentence may complete
CONTEXT_MODES = frozenset({"set", "backed", "theatre", "MIL", "COP", "GOV", "SPY", "LEG", "JUD"})
#: ... but not these: a minister, a parliament or a party is often named where it visits
#: or is talked about ("وزير" in a sentence about a visit to New Zealand)
NO_PLACE_KINDS = frozenset({"officials", "legislature", "judiciary", "party", "opposition",
                            # an air strike in Yemen is not the Yemeni air force's by default
                            "warplanes", "drone", "strikes"})


@dataclass
class _Item:
    start: int
    end: int
    value: ActorValue
    head: Actor | None  # the generic head, while its country is still open


def _index(resources: Resources) -> ActorIndex:
    return resources.get("actors")


def _tags(hit: Hit[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in hit.payloads:
        tag, _, rest = p.partition(":")
        out.setdefault(tag, []).append(rest)
    return out


#: composition modes where a country name right after the head owns it ("سفير بولندا")
_ORGAN_OR_SET = frozenset({"MIL", "COP", "GOV", "SPY", "LEG", "JUD", "set"})


def _country_after(text: str, end: int) -> tuple[str, int] | None:
    """The country named by the one or two words right after `end` (construct state, no
    preposition: "سفير بولندا", "جنود كوريا الجنوبية"), with the end of its name."""
    rest = text[end : end + 40]
    if not rest[:1].isspace():
        return None
    words = rest.split()
    for k in (2, 1):
        if len(words) >= k:
            name = " ".join(words[:k]).rstrip("،,.:؛")
            c = by_name(name)
            if c is not None:
                return c.iso2, text.index(name, end) + len(name)
    return None


def _pick(ids: list[str], idx: ActorIndex, doc_countries: set[str]) -> Actor | None:
    actors = [a for a in (idx.kb.get(i) for i in ids) if a is not None]
    if not actors:
        return None
    if len(actors) > 1:
        for a in actors:
            if a.country in doc_countries:
                return a
    return actors[0]


def _with_next(actor: Actor, h: Hit[str], nh: Hit[str], tn: dict[str, list[str]], idx: ActorIndex,
               on: dt.date | None, doc_countries: set[str], head_text: str = "") -> _Item | None:
    """A generic head completed by the match right after it: a nationality ("القوات
    الأمريكية"), "unknown" ("مسلحون مجهولون") or the group its members belong to
    ("مقاتلو حزب الله"); None when the next match does not complete it."""
    gentilic = tn.get("g") or (tn.get("ga") if head_text.endswith("ا") else None)
    if gentilic and actor.compose and not nh.prefix:
        # "جنديا أميركيا": an accusative head takes the accusative adjective
        v = compose.with_country(actor, gentilic[0], idx.kb, on, source="nationality")
        # a backed militia still operates somewhere: its place may come from the sentence
        return _Item(h.start, nh.end, v, actor if actor.compose == "backed" else None)
    if "u" in tn and not nh.prefix:
        # unknown gunmen in Syria are Syria's; unknown aircraft are nobody's by their place
        return _Item(h.start, nh.end, compose.unidentified(actor, idx.kb, on),
                     actor if actor.compose in CONTEXT_MODES and actor.kind not in NO_PLACE_KINDS
                     else None)
    follower = _pick(tn["a"], idx, doc_countries) if "a" in tn else None
    if (follower is not None and actor.kind in MEMBER_KINDS and "x" not in tn
            and not nh.prefix.startswith(("و", "ف"))  # "متطرفون ومهربون": two groups
            and not _not_construct(head_text)  # "هاجم مسلحون حزب الله": subject, then object
            and follower.kind not in MEMBER_KINDS and not follower.needs_modifier):
        if follower.kind == "state" and follower.country and actor.compose in _ORGAN_OR_SET:
            # "جنود فرنسا": France's soldiers are its forces, not the state itself
            return _Item(h.start, nh.end, compose.with_country(actor, follower.country, idx.kb, on,
                                                               source="nationality"), None)
        return _Item(h.start, nh.end, compose.value_of(follower, idx.kb, on), None)
    return None


def _not_construct(head: str) -> bool:
    """A sound plural or dual keeps its ن ("مسلحون", "جنديين"): it cannot head a construct
    ("مسلحو", "جنديي" can), so the name after it is another noun, not its owner."""
    return head.endswith(("ون", "ين", "ان"))


def _feminine_misread(h: Hit[str]) -> bool:
    """"محافظة" is not "محافظ" + "his": a bare ه after a name is a feminine ending."""
    return h.suffix == "ه" and not h.key.endswith("ت")


def find(doc: Doc, resources: Resources) -> list[Span]:
    if doc.norm is None:
        from marsad.text.normalise import normalise

        doc.norm = normalise(doc.text)
    idx = _index(resources)
    text = doc.norm.text
    hits = idx.matcher.find(text)
    if not hits:
        return []
    tagged = [_tags(h) for h in hits]
    on = doc.published
    # countries named anywhere in the text ("اليمن", "مصادر يمنية"), for shared aliases
    doc_countries = {cc for t in tagged for cc in t.get("a", []) if cc.endswith("-STATE")}
    doc_countries = {c[:-6] for c in doc_countries} | {cc for t in tagged for cc in t.get("g", [])}
    sent_starts = _sentence_starts(doc)
    items: list[_Item] = []
    sentence_country: dict[int, list[str]] = {}
    last_place_end: int | None = None  # end of the last country name read as a place ("من العراق وتونس")
    i = 0
    n = len(hits)
    while i < n:
        h, t = hits[i], tagged[i]
        nxt = (i + 1 if i + 1 < n and gap_ok(text, h.end, hits[i + 1].start - len(hits[i + 1].prefix))
               else None)
        if nxt is None and i + 1 < n and text[h.end:hits[i + 1].start].strip() in DEMONSTRATIVES:
            nxt = i + 1  # "عناصر هذه الميليشيات"
        if nxt is not None and hits[nxt].prefix and _feminine_misread(hits[nxt]):
            # "قوات الأمن بمحافظة" is not joined to "محافظ" (but an adjective is:
            # "القوات المتمردة")
            nxt = None
        if "x" in t or _feminine_misread(h):
            i += 1
            continue
        actor = _pick(t["a"], idx, doc_countries) if "a" in t else None
        if actor is not None and actor.kind == "person" and prev_word(text, h.start, h.prefix) in (
            "بن", "ابن", "بنت"
        ):
            # "الأمير بندر بن سلمان بن عبدالعزيز": the father's name inside someone else's
            i += 1
            continue
        if actor is not None and h.suffix and (h.suffix == "ي" or actor.kind in ("person", "state")):
            # "مشاري" is not "مشار" + "my", "حماسي" not "حماس" + "my": names take no suffix
            i += 1
            continue
        if actor is None:
            if "n" in t:  # "عراقيين": people of that nationality
                items.append(_Item(h.start, h.end, compose.nationals(t["n"][0]), None))
            elif ("g" in t and prev_word(text, h.start, h.prefix) in LOCATION_NOUNS
                  and not from_land(text, h.start)):
                # "في الأراضي السورية": the sentence happens in that country (but fire "من
                # داخل الأراضي اليمنية" came from there: the coder reads that as an origin)
                sentence_country.setdefault(bisect.bisect_right(sent_starts, h.start), []).append(t["g"][0])
            i += 1
            continue
        if actor.kind == "state" and not h.prefix and counted(text, h.start):
            # "70 أستراليا": the accusative nationality ("70 Australians"), not the state
            items.append(_Item(h.start, h.end, compose.nationals(actor.country or ""), None))
            i += 1
            continue
        if actor.kind == "state" and (
            state_is_place_or_adjective(text, h, actor)
            or (h.prefix == "و" and last_place_end is not None
                and not text[last_place_end : h.start - 1].strip())
        ):
            # "في العراق", "بالعراق", "من العراق وتونس": a place (the gazetteer's), and the
            # sentence's country
            if prev_word(text, h.start, h.prefix) not in SEAT_WORDS:
                sentence_country.setdefault(bisect.bisect_right(sent_starts, h.start), []).append(
                    actor.country or "")
            last_place_end = h.end
            i += 1
            continue
        if actor.generic and actor.compose == "backed" and i + 1 < n:
            sponsor = backer(text, h, hits[i + 1], tagged[i + 1])
            if sponsor:
                v = compose.with_country(actor, sponsor, idx.kb, on, source="nationality")
                items.append(_Item(h.start, h.end, v, actor))
                i += 1  # the backer's name stays a span of its own
                continue
        if actor.generic and nxt is not None:
            done = _with_next(actor, h, hits[nxt], tagged[nxt], idx, on, doc_countries,
                              text[h.start : h.end])
            if done is not None:
                items.append(done)
                i = nxt + 1
                continue
        if actor.kind == "officials" and i + 1 < n and "g" in tagged[i + 1] and not hits[i + 1].prefix:
            between = text[h.end : hits[i + 1].start].split()
            if len(between) == 1 and between[0].startswith("ال"):  # "وزير الثقافة اليمني"
                v = compose.with_country(actor, tagged[i + 1]["g"][0], idx.kb, on, source="nationality")
                items.append(_Item(h.start, hits[i + 1].end, v, None))
                i += 2
                continue
        if (actor.generic and actor.compose in _ORGAN_OR_SET and not h.suffix
                and not _not_construct(text[h.start : h.end])):
            owner = _country_after(text, h.end)
            if owner is not None:  # "سفير بولندا", "جنود فرنسا": the head belongs to that country
                cc, end = owner
                items.append(_Item(h.start, end, compose.with_country(actor, cc, idx.kb, on,
                                                                      source="nationality"), None))
                i += 1
                while i < n and hits[i].start < end:
                    i += 1
                continue
        if actor.needs_modifier:
            i += 1
            continue
        v = compose.value_of(actor, idx.kb, on)
        if actor.unidentified:
            v = compose.unidentified(actor, idx.kb, on)
        head = (actor if actor.generic and actor.compose in CONTEXT_MODES
                and actor.kind not in NO_PLACE_KINDS else None)
        items.append(_Item(h.start, h.end, v, head))
        i += 1
    items = fold_members(text, items)
    # a generic agent with no nationality takes the country its sentence names
    for it in items:
        if it.head is None or it.value.country:
            continue
        ccs = [c for c in sentence_country.get(bisect.bisect_right(sent_starts, it.start), [])
               if c and c != it.value.nationality]  # a militia's backer is not where it is
        cc = ccs[0] if ccs else None
        if cc:
            it.value = _in_country(it, cc, idx, doc)
    refer_back(text, items)
    return [make_span(doc, it.start, it.end, "actor", it.value, NAME) for it in items]


#: a bare definite "the forces" (with a clitic: "والقوات", "للقوات") names forces already named
_BARE_FORCES = ("القوات", "والقوات", "للقوات", "بالقوات", "فالقوات", "وللقوات")


def refer_back(text: str, items: list[_Item]) -> None:
    """A bare "القوات" is the state forces last named before it ("منسوبي قوات الطوارئ الخاصة
    ... استشهاد 12 من منسوبي القوات" is the emergency forces, not the army of the place)."""
    last: ActorValue | None = None
    for it in items:
        v = it.value
        if text[it.start : it.end] in _BARE_FORCES:
            if last is not None:
                it.value = last
            continue
        if v.sector in ("MIL", "COP") and v.inter in (1, 8) and v.country and v.kind != "state":
            last = v


def fold_members(text: str, items: list[_Item]) -> list[_Item]:
    """"قيادي في حركة حماس", "ضابطا في الشرطة": the member belongs to the group that follows;
    the span grows back over the member word and a generic span on it is dropped."""
    out: list[_Item] = []
    for it in items:
        words = text[max(0, it.start - 40) : it.start].split()
        if (len(words) >= 2 and words[-1] in ("في", "من") and words[-2] in MEMBER_WORDS
                and it.value.kind not in ("state", "nationals") and not it.value.id.startswith(
                    ("GEN-civilians", "GEN-protesters"))):
            start = text.rfind(words[-2], 0, it.start)
            if out and out[-1].start >= start and out[-1].end <= it.start:
                out.pop()  # the generic "عناصر" / "مسؤولون" now part of this span
            it = _Item(start, it.end, it.value, it.head)
        out.append(it)
    return out


def head_of(value: ActorValue, idx: ActorIndex) -> Actor | None:
    """The generic head a value was composed from, if its country is still open."""
    if not value.generic or value.country:
        return None
    head = idx.kb.get(value.id.split("@")[0].split("+")[0].rstrip("?"))
    if head is None or head.compose not in CONTEXT_MODES or head.kind in NO_PLACE_KINDS:
        return None
    return head


def _placed_head(value: ActorValue, idx: ActorIndex) -> Actor | None:
    """The generic head of a value the first pass placed by a country named in its sentence.
    A town named after the actor overrides it: "ألف متظاهر تجمعوا في أنقرة للاحتجاج على
    الضربات في سوريا" are protesters in Turkey."""
    if value.country_source != "place" or not value.generic:
        return None
    return head_of(dataclasses.replace(value, country=None), idx)


def _near_town(doc: Doc, actor: Span, place: Span) -> bool:
    """A town or district of another country a few words after the actor, behind في or ب
    ("تجمعوا في العاصمة أنقرة"): where it is. Not an object ("يحمّل المتظاهرون بكين")."""
    v = place.value
    between = doc.text[actor.end : place.start].split()
    return (getattr(v, "level", None) not in (None, "country") and v.country != actor.value.country  # type: ignore[union-attr]
            and len(between) <= 4 and ("في" in between or doc.text[place.start - 1] == "ب"))


def _in_country(it: _Item, cc: str, idx: ActorIndex, doc: Doc) -> ActorValue:
    return complete(it.value, it.head, cc, idx, doc)


def complete(value: ActorValue, head: Actor | None, cc: str, idx: ActorIndex, doc: Doc) -> ActorValue:
    """`value` (from generic `head`) placed in country `cc` by the sentence's place."""
    if head is None:
        return value
    v = compose.with_country(head, cc, idx.kb, doc.published, source="place")
    if value.unidentified:
        v.unidentified = True
        v.sector, v.inter, v.id = value.sector, value.inter, f"{value.id}@{cc}"
        if head.sector == "MIL":
            v.name_en = value.name_en
        else:
            v.name_en = f"{compose.UNIDENTIFIED} ({compose.country_name(cc)})"
    if value.nationality and not v.nationality:
        v.nationality = value.nationality
        v.affiliations = value.affiliations
        v.name_en = value.name_en
    return v


def _sentence_starts(doc: Doc) -> list[int]:
    assert doc.norm is not None
    return [doc.norm.from_original(s.start) for s in doc.sentences] if doc.sentences else [0]


@component(NAME)
def recognise_actors(doc: Doc, resources: Resources) -> Doc:
    doc.spans.extend(find(doc, resources))
    return doc


@component("marsad.actors.context.v1")
def actors_in_context(doc: Doc, resources: Resources) -> Doc:
    """After the places recogniser: a generic agent still without a country takes the
    country of the first place in its sentence ("مسلحون مجهولون في درعا" -> Syria)."""
    in_actor = bytearray(len(doc.text))  # 1 where an actor's name lies
    for a in doc.spans:
        if a.kind == "actor":
            in_actor[a.start : a.end] = b"\x01" * (a.end - a.start)
    places = [
        s for s in doc.spans
        if s.kind == "place" and getattr(s.value, "country", None)
        and 1 not in in_actor[s.start : s.end]  # "لإيران" the actor
    ]
    if not places or not doc.sentences:
        return doc
    idx = _index(resources)
    starts = [s.start for s in doc.sentences]
    by_sentence: dict[int, list[Span]] = {}
    for p in places:
        by_sentence.setdefault(bisect.bisect_right(starts, p.start), []).append(p)
    for sp in doc.spans:
        if sp.kind != "actor" or not isinstance(sp.value, ActorValue):
            continue
        head = head_of(sp.value, idx)
        placed = head is None and (head := _placed_head(sp.value, idx)) is not None
        if head is None:
            continue
        cands = by_sentence.get(bisect.bisect_right(starts, sp.start))
        if not cands and not placed and head.inter in (5, 6):
            # protesters and rioters march where the text last placed them ("في بغداد ...
            # ورفع المتظاهرون شعارات"), else where it places them next
            earlier = [p for p in places if p.end <= sp.start and not across_border(doc.text, p.start)]
            later = [p for p in places if p.start >= sp.end and not across_border(doc.text, p.start)]
            near = earlier[-1:] or later[:1]
            if near and sp.value.nationality != near[0].value.country:  # type: ignore[union-attr]
                sp.value = complete(sp.value, head, near[0].value.country, idx, doc)  # type: ignore[union-attr]
            continue
        if not cands:
            continue
        # a neighbour named as a border ("قرب الحدود مع العراق") is not where the actor is
        cands = [p for p in cands if not across_border(doc.text, p.start)]
        if not cands:
            continue
        after = [p for p in cands if p.start >= sp.end]  # "مسلحون في درعا": the place that follows
        if sp.value.nationality:  # "ميليشيات إيرانية": the backer's country is not where it is
            after = [p for p in after if p.value.country != sp.value.nationality]  # type: ignore[union-attr]
            cands = [p for p in cands if p.value.country != sp.value.nationality]  # type: ignore[union-attr]
            if not cands:
                continue
        if placed and not (after and _near_town(doc, sp, after[0])):
            continue
        place = (after or cands)[0]
        sp.value = complete(sp.value, head, place.value.country, idx, doc)  # type: ignore[union-attr]
    return doc
