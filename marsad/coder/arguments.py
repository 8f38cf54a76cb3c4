"""Argument assignment: who did it, to whom, where, when, and how many were killed.

Rules read the clause around the trigger: Arabic puts the subject after a verb
("قصفت طائرات حربية مواقع ...") or before it, the perpetrator after a noun trigger in a
construct ("غارات التحالف"), targets behind على / ضد / مواقع, perpetrators behind
برصاص / على يد / من قبل. Victims come from actor spans of civilians or from the noun a
toll counts ("مقتل عشرة اشخاص").
"""

from __future__ import annotations

import functools
import re

from marsad.actors.cues import MEMBER_WORDS
from marsad.coder.lexicon import CoderLexicon, Trigger, VictimNoun
from marsad.coder.mention import THAT_CLAUSE, Found, Mention
from marsad.doc import ActorValue, Doc, NumberValue, PlaceValue, Span
from marsad.places.cues import names_the_scene
from marsad.recognise.wordlists import lexicon, norm, strip_prefix
from marsad.text.normalise import normalise_key

ARMED_SECTORS = {"MIL", "REB", "UAF", "COP", "SPY", "INS", "PMF"}
_VICTIM_FAMILIES = {"kill", "injure"}
#: place levels, most specific highest
LEVEL_RANK = {"town": 4, "admin2": 3, "admin1": 2, "country": 1}
_LOCATIVE = ("في", "ب", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "داخل", "منطقة", "مدينة", "بلدة", "قرية", "حي", "محافظة")


def _words(text: str) -> list[str]:
    return text.split()


def _gap(doc: Doc, a: int, b: int) -> int:
    """Words strictly between offsets a and b (a <= b)."""
    return len(doc.text[a:b].split())


#: words between a victim word and the victims that do not part them ("استشهد اثنان من رجال
#: الشرطة": a count, "من" and a member noun)
_PARTITIVE = MEMBER_WORDS | {"من", "رجال", "منسوبي"}


def _outside(doc: Doc, spans: list[Span], a: int, b: int, kind: str) -> str:
    """The text between offsets a and b with the `spans` of `kind` in it blanked out."""
    text = doc.text[a:b]
    for s in sorted((s for s in spans if s.kind == kind and a <= s.start and s.end <= b),
                    key=lambda s: -s.start):
        text = text[: s.start - a] + " " + text[s.end - a :]
    return text


_AT_LEAST = re.compile(r"على\s+ال[أا]قل")


def _victim_gap(m: Mention, doc: Doc, a: int, b: int) -> int:
    """Words between offsets a and b of the mention, leaving out counts, partitives and
    "على الأقل"."""
    text = _AT_LEAST.sub(" ", _outside(doc, m.entities, a, b, "number"))
    return sum(1 for w in text.split() if normalise_key(w) not in _PARTITIVE)


def _nominative_plural(a: Span, doc: Doc) -> bool:
    """Does the actor open with a sound plural in the nominative ("مسلحون", not "مسلحين")?
    After "قتل" it is then the verb's subject, not the genitive of the masdar."""
    words = doc.text[a.start : a.end].split()
    return bool(words) and words[0].endswith("ون")


def _describes_actor_before(m: Mention, a: Span, actors: list[Span], doc: Doc) -> bool:
    """Does the actor follow another one at once (a word between at most), not counted
    ("خمسة فلسطينيين") nor coordinated ("والسعوديين")?"""
    if doc.text[a.start - 1 : a.start] == "و":
        return False
    return any(
        b.end <= a.start and _gap(doc, b.end, a.start) <= 1
        and not any(n.kind == "number" and b.end <= n.start < a.start for n in m.entities)
        for b in actors if b is not a
    )


def _has_object(m: Mention, a: Span, doc: Doc) -> bool:
    """An armed actor right after a kill word, itself followed at once by another actor or a
    count of one, is the subject of an active verb: "وقتلت قوات الأمن ثلاثة متظاهرين", "وقتل
    مسلحون مجهولون جنديا" (not the passive "قتل 3 جنود في هجوم")."""
    if not _is_armed(a.value):  # type: ignore[arg-type]
        return False
    b = _right_after(m, doc, a.end, ("actor", "number"))
    # a count is an object only when someone is counted: not "مقتل جنديين اثنين"
    return b is not None and (b.kind == "actor" or _right_after(m, doc, b.end, ("actor",)) is not None)


_OBJECT_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "كم"})


def _object_pronoun(doc: Doc, t: Found) -> bool:
    """Does the verb `t` carry its object as a pronoun ("قتلهم", "خطفه")? Then the actor
    after it is its subject."""
    end = t.end
    while end < len(doc.text) and doc.text[end].isalnum():
        end += 1
    return doc.text[t.end : end] in _OBJECT_PRONOUNS


def _right_after(m: Mention, doc: Doc, end: int, kinds: tuple[str, ...]) -> Span | None:
    """The span of `kinds` that follows offset `end` at once, not joined by و ("قتلوا 5 جنود")."""
    nxt = [s for s in m.entities if s.start >= end]
    b = min(nxt, key=lambda s: s.start) if nxt else None
    if b is None or b.kind not in kinds or doc.text[end : b.start].strip():
        return None
    return None if doc.text[b.start : b.end].startswith("و") else b


def _is_victim(a: ActorValue) -> bool:
    return a.sector == "CVL" or a.inter == 7


def _is_armed(a: ActorValue) -> bool:
    return (a.sector or "") in ARMED_SECTORS or (a.inter or 0) in (1, 2, 3, 4, 8)


def _cue_before(m: Mention, span: Span, role: str, doc: Doc, window: int = 3) -> bool:
    for c in m.cues:
        if c.value == role and c.end <= span.start and _gap(doc, c.end, span.start) <= window:
            if m.clause[0] <= c.start:
                return True
    return False




#: actors named by their weapons ("الغارات الجوية", "طائرات"): doers of violence only
_WEAPON_KINDS = frozenset({"strikes", "warplanes", "drone"})


def _suffers(m: Mention, span: Span, doc: Doc) -> bool:
    """Did the actor undergo the act? Before a suffer cue in its own clause ("مركز لحرس الحدود
    تعرض لقذائف"; not the speaker of "أوضح المتحدث بأنه تعرضت دورية"), or between the cue and
    the trigger ("وتتعرض المواقع التي يتحصن فيها مقاتلو حزب الله ... لقصف"). Before a cause
    cue ("سقوط قتلى من قوات صالح جراء غارات التحالف") it suffered the act too."""
    for c in m.cues:
        if c.value not in ("suffer", "cause") or c.end > m.primary.start:
            continue
        if span.end <= c.start:
            if _gap(doc, span.end, c.start) <= 3 and not THAT_CLAUSE.search(doc.text[span.end : c.start]):
                return True
        elif (c.value == "suffer" and m.clause[0] <= c.start and c.end <= span.start
              and span.end <= m.primary.start):  # not "إثر قيام مسلحين بمهاجمة": the doers
            return True
    return False


def _negated_before(doc: Doc, start: int) -> bool:
    words = doc.text[max(0, start - 20) : start].split()[-2:]
    return any(w.lstrip("و") in ("ليست", "ليس", "لا", "غير") for w in words)


#: a bare complementizer: what follows is what the speaker before it said ("قال X إن ...");
#: with a pronoun ("أكد الجيش أنه قصف") the speaker is also the subject, so it is not here
_THAT_BARE = frozenset({"إن", "أن", "ان", "بأن", "بان"})


@functools.cache
def _reporting_verbs() -> frozenset[str]:
    return frozenset(norm(r["word"]) for r in lexicon("source_cues.tsv") if r["kind"] == "verb")


def _announces(doc: Doc, a: Span, m: Mention) -> bool:
    """"أعلنت وزارة الداخلية (أمس) مقتل شرطيين": the actor between a reporting verb and the
    kill word right after it reports the deaths; it did not cause them. An armed announcer
    ("أعلن الجيش مقتل 20 مسلحا") may well have killed them, unless they are its own men
    ("أعلن الجيش مقتل جنديين")."""
    # at most three words between, beside a date: the announcer's adjectives ("أعلن مسؤولون
    # أمنيون عراقيون وأكراد أمس مقتل ...")
    kill = next((t for t in m.triggers if getattr(t.value, "family", "") in _VICTIM_FAMILIES
                 and t.start >= a.end and len(_outside(doc, m.entities, a.end, t.start, "time").split()) <= 3), None)
    if kill is None:
        return False
    v: ActorValue = a.value  # type: ignore[assignment]
    if (v.sector or "") in ARMED_SECTORS:  # a force, not a ministry (both are inter 1)
        own = [s for s in m.entities if s.kind == "actor" and s.start >= kill.end
               and _victim_gap(m, doc, kill.end, s.start) <= 2]
        if not any(o.value.country == v.country and o.value.sector == v.sector for o in own):  # type: ignore[union-attr]
            return False
    before = doc.text[max(0, a.start - 20) : a.start].split()
    return bool(before) and strip_prefix(norm(before[-1]), _reporting_verbs()) is not None


def _speaks_before(doc: Doc, end: int, trigger_start: int) -> bool:
    """Is an actor ending at `end` the speaker of a report ("قالت وزارة الداخلية إن ...")
    whose content holds the trigger, not a participant of the event?"""
    return any(w.strip("«\"،,:") in _THAT_BARE for w in doc.text[end:trigger_start].split())


def participants(m: Mention) -> list[Span]:
    out = []
    for s in m.entities:
        if s.kind != "actor" or not isinstance(s.value, ActorValue):
            continue
        if s.value.kind in ("media", "outlet"):
            continue
        out.append(s)
    return out


_LAM_OBJECT = re.compile(r"[\s\"'«»“”]*ل")  # "لمسجد", "لـ«رجال الأمن»": an object marked by لـ

_BETWEEN = re.compile(r"(?:^|\s)بين\s")
_ON_ONE_SIDE = re.compile(r"من\s+جه[ةه](?!\s+[أا]خر)")  # "من جهة" but not "من جهة أخرى"


def _between_sides(m: Mention, doc: Doc, actors: list[Span]) -> tuple[list[Span], list[Span]] | None:
    """"اشتباكات ... بين قوات الحكومة ومقاتلين إسلاميين": the first side named after بين is
    actor1, the one joined by و actor2; with "بين X وY من جهة، وZ من جهة أخرى" X and Y are
    one side and Z the other."""
    hit = _BETWEEN.search(doc.text, m.primary.end, m.clause[1])
    if hit is None or _gap(doc, m.primary.end, hit.start()) > 6:
        return None
    after = [a for a in actors if a.start >= hit.end()]
    if not after or _gap(doc, hit.end(), after[0].start) > 1:
        return None
    first = after[0]
    side = _ON_ONE_SIDE.search(doc.text, first.end, m.clause[1])
    if side is not None:
        one = [a for a in after if a.end <= side.start()]
        other = [a for a in after if a.start >= side.end()]
    else:
        one = [first]
        other = [a for a in after[1:] if doc.text[a.start - 1] == "و"][:1]
    return (one, other) if other else None


def assign_actors(m: Mention, doc: Doc) -> None:
    trig: Trigger = m.primary.value  # type: ignore[assignment]
    fam = m.family.name
    actors = participants(m)
    perp: list[Span] = []
    target: list[Span] = []
    for a in actors:
        v: ActorValue = a.value  # type: ignore[assignment]
        if _cue_before(m, a, "affil", doc, window=2):
            continue  # "الموالية لإيران": who backs a participant, not a participant
        if _negated_before(doc, a.start):
            continue  # "وليست غارات إسرائيلية": ruled out, see attribution
        if a.end <= m.primary.start and (_speaks_before(doc, a.end, m.primary.start)
                                         or _announces(doc, a, m)):
            continue  # "وقالت وزارة الداخلية إن انتحاريا فجر نفسه": the ministry tells it
        if a.end <= m.primary.start and any(
            c.value == "hunt" and a.end <= c.start and c.end <= m.primary.start for c in m.cues
        ):
            continue  # "قيام الشرطة بالقبض على المتسبب في إطلاق النار": it hunts the doer
        if v.kind == "nationals" and a.end <= m.primary.start and _describes_actor_before(m, a, actors, doc):
            continue  # "مسؤولون أمنيون عراقيون": the nationality of the actor before it
        if v.kind in _WEAPON_KINDS and m.family.group != "violence":
            continue  # "أدت الغارات لتراجع المقاتلين": the strikes caused it, the fighters withdrew
        if any(
            getattr(t.value, "family", "") in _VICTIM_FAMILIES
            and (t is m.primary or getattr(t.value, "pos", "") == "v" or _nominative_plural(a, doc))
            and a.start >= t.end and _gap(doc, t.end, a.start) <= 1
            for t in m.triggers
        ) and _has_object(m, a, doc):
            # "وقتلت قوات الأمن ثلاثة متظاهرين": the subject of an active verb, also where a
            # stronger word leads the mention ("قتل مسلحون خمسة مدنيين في هجوم على سوق")
            perp.append(a)
            continue
        if _is_armed(v) and any(
            getattr(t.value, "family", "") in _VICTIM_FAMILIES and t.end <= a.start
            and _gap(doc, t.end, a.start) <= 1 and _object_pronoun(doc, t)
            for t in m.triggers
        ):
            perp.append(a)  # "رجال قتلهم مسلحون مجهولون": the verb's object is a pronoun
            continue
        if any(
            getattr(t.value, "family", "") in _VICTIM_FAMILIES and a.start >= t.end
            and _victim_gap(m, doc, t.end, a.start) <= 2
            # not the weapon's owner: "وإصابة 4 بمقذوفات حوثية"
            and not any(t.end <= u.start and u.end <= a.start for u in m.triggers)
            for t in m.triggers
        ):
            target.append(a)  # "مقتل جنديين عراقيين": the killed or wounded
            continue
        if any(
            getattr(t.value, "family", "") in _VICTIM_FAMILIES and a.end <= t.start
            and (t.end <= m.primary.start or (t is m.primary and _right_after(m, doc, t.end, ("actor", "number")) is None))
            and _victim_gap(m, doc, a.end, t.start) <= 1
            for t in m.triggers
        ):
            # "شرطيين قتلا في تفجير", "3 حوثيين على الأقل قتلوا": killed, not the killers
            target.append(a)
            continue
        before = a.end <= m.primary.start
        gap = _gap(doc, a.end, m.primary.start) if before else _gap(doc, m.primary.end, a.start)
        if m.family.group == "protest" and (v.inter == 6 or v.kind in ("protesters", "generic_protesters")):
            perp.append(a)
        elif m.family.group == "protest" and (v.sector or "") in ("COP", "MIL"):
            target.append(a)  # the police or army meeting the protest (ACLED: actor2)
        elif _cue_before(m, a, "agent", doc):
            perp.append(a)
        elif _cue_before(m, a, "target", doc) or _is_victim(v) or _suffers(m, a, doc):
            target.append(a)
        elif fam in _VICTIM_FAMILIES and not before and gap <= 4:
            target.append(a)  # "مقتل جنديين عراقيين": the killed
        elif fam == "arrest":
            # the state arrests; an armed group that is the verb's subject seized its captives
            # ("اعتقل مسلحو حركة الشباب ثلاثة عمال": an abduction, see classify)
            state = v.sector in ("COP", "MIL", "SPY", "GOV", "JUD")
            subject = (before and gap <= 6) or (not before and gap <= 1 and _has_object(m, a, doc))
            (perp if state or (subject and (v.inter or 0) in (2, 3, 4)) else target).append(a)
        elif m.family.group not in ("violence", "protest", "arrest") and not before:
            if gap <= 3 and not perp:
                perp.append(a)
        elif fam == "target" and trig.pos == "n" and not before and gap <= 1 and not _LAM_OBJECT.match(
            doc.text, a.end
        ):
            # "استهداف رجال الأمن": the masdar's genitive is its object, unless the object
            # follows with لـ ("استهداف داعش لمسجد": then the genitive did it)
            target.append(a)
        elif not before and gap <= 3:
            # VSO after a verb, construct state after a noun: the doer
            (perp if _is_armed(v) or trig.pos == "v" or fam not in _VICTIM_FAMILIES else target).append(a)
        elif before and gap <= 6:
            (perp if _is_armed(v) else target).append(a)
        elif not before and m.family.group == "violence":
            target.append(a)
    sides = _between_sides(m, doc, actors) if fam == "clash" else None
    if sides is not None:
        perp, target = sides
    m.actor1 = perp[0] if perp else None
    m.assoc1 = [a for a in perp[1:] if a.value != m.actor1.value] if m.actor1 else []  # type: ignore[union-attr]
    target = [a for a in target if not (m.actor1 and a.value == m.actor1.value)]
    if m.family.group in ("withdraw", "visit", "base"):
        target = []  # one-sided acts: no target
    m.actor2 = target[0] if target else None
    m.assoc2 = [a for a in target[1:] if m.actor2 and a.value != m.actor2.value]
    if m.actor1:
        m.why.append(f"actor1 {m.actor1.text!r}")
    if m.actor2:
        m.why.append(f"actor2 {m.actor2.text!r}")


def victim_nouns(m: Mention, doc: Doc, lex: CoderLexicon) -> list[tuple[int, int, VictimNoun]]:
    """Victim nouns in the clause after the trigger ("مقتل شخص", "اصابة 18 بينهم ثمانية")."""
    assert doc.norm is not None
    ns, ne = doc.norm.from_original(m.clause[0]), doc.norm.from_original(m.clause[1])
    out = []
    for h in lex.victims.find(doc.norm.text[ns:ne]):
        s, e = doc.norm.to_original(ns + h.start, ns + h.end)
        out.append((s, e, h.payloads[0]))
    return out


def assign_victims(m: Mention, doc: Doc, lex: CoderLexicon) -> None:
    """Civilian targeting and a victim group when no actor span names the target."""
    nouns = victim_nouns(m, doc, lex)
    if any(n.sector == "CVL" and n.inter == 7 for _, _, n in nouns) or m.has_cue("civilian"):
        m.civilian = True
    if m.actor2 is None and nouns:
        s, e, n = nouns[0]
        m.victims_text = (s, e, doc.text[s:e], n.noun)


# "وبعيد هذا التفجير الاول في مدينة سوروتش، استهدف هجوم آخر ...": a fronted phrase that
# dates this event by an earlier one, and whose place is that event's
_FRONTED = re.compile(r"(?:^|\s)[وف]?(?:بعد|بعيد|عقب|إثر|اثر|غداة|قبل)\s")


def _speakers_place(m: Mention, doc: Doc, s: Span) -> bool:
    """"وقال أمام الصحافيين في أنقرة «إن ... اعتداء انتحاري»": a place between a reporting
    verb and the "that" of a report whose content holds the trigger is where the speaker
    spoke."""
    if s.end > m.primary.start or not _speaks_before(doc, s.end, m.primary.start):
        return False
    verbs = _reporting_verbs()
    return any(strip_prefix(norm(w.strip("«\"،,:")), verbs) for w in doc.text[m.clause[0] : s.start].split())


def _in_fronted_event(m: Mention, doc: Doc, s: Span) -> bool:
    """Is place `s` inside a fronted "after that event in X," phrase before the trigger?"""
    if s.end > m.primary.start:
        return False
    if "،" not in doc.text[s.end : m.primary.start] and "," not in doc.text[s.end : m.primary.start]:
        return False
    return _FRONTED.search(doc.text[m.clause[0] : s.start]) is not None


def assign_location(m: Mention, doc: Doc, context_place: Span | None) -> None:
    def pick(spans: list[Span]) -> Span | None:
        places = [
            s for s in spans
            if s.kind == "place" and isinstance(s.value, PlaceValue) and names_the_scene(doc.text, s.start, s.end)
            and not _speakers_place(m, doc, s)
        ]
        if not places:
            return None

        def score(s: Span) -> tuple[int, int, int, int]:
            v: PlaceValue = s.value  # type: ignore[assignment]
            pre = doc.text[max(0, s.start - 12) : s.start].split()
            loc = int(bool(pre) and any(pre[-1].endswith(w) or pre[-1] == w for w in _LOCATIVE))
            own = int(not _in_fronted_event(m, doc, s))
            return (own, LEVEL_RANK.get(v.level, 0), loc, -abs(s.start - m.primary.start))

        return max(places, key=score)

    place = pick(m.entities) or pick(m.sentence_entities)
    inherited = False
    if place is None and context_place is not None:
        place, inherited = context_place, True
    m.location = place
    if place is None:
        return
    v: PlaceValue = place.value  # type: ignore[assignment]
    if v.level == "country":
        prec = "country"
    elif v.level == "admin1":
        prec = "admin1"
    elif v.level == "admin2":
        prec = "admin2"
    elif v.modifier or inherited:
        prec = "near"
    else:
        prec = "exact"
    m.location_precision = prec
    m.why.append(f"place {place.text!r}{' (from context)' if inherited else ''}")


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def assign_date(m: Mention, doc: Doc) -> None:
    times = [s for s in m.entities if s.kind == "time"] or [
        s for s in m.sentence_entities if s.kind == "time"
    ]
    if times:
        # the most precise date, then the nearest: "خلال صلاة الجمعة في شهر رمضان في 26 يونيو"
        m.date = min(times, key=lambda s: (_PRECISION_RANK.get(getattr(s.value, "precision", ""), 9),
                                           abs(s.start - m.primary.start)))


#: "57 قتيلا بينهم 12 طفلا": a count after these is part of the one before, not added to it
_AMONG = frozenset({"بينهم", "منهم", "بينها", "بينهن", "منهن"})


def _count_from(spans: list[Span], category: str, doc: Doc) -> tuple[int | None, Span | None]:
    nums = [
        s
        for s in spans
        if s.kind == "number"
        and isinstance(s.value, NumberValue)
        and s.value.category == category
        and s.value.value is not None
    ]
    nums = [s for s in nums if not (
        s is not nums[0] and _AMONG & {normalise_key(w) for w in doc.text[max(0, s.start - 14) : s.start].split()[-2:]}
    )]
    # "جنديين اثنين": a numeral right after a dual restates its count
    nums = [s for s in nums if not any(0 <= s.start - p.end <= 1 for p in nums if p is not s)]
    if not nums:
        return None, None
    nouns = {s.value.counted for s in nums}  # type: ignore[union-attr]
    if len(nums) > 1 and len(nouns) == len(nums):
        # "مقتل 5 جنود و3 مدنيين": different groups add up
        return sum(s.value.value for s in nums), nums[0]  # type: ignore[union-attr,misc]
    best = max(nums, key=lambda s: s.value.value)  # type: ignore[union-attr,arg-type,return-value]
    return best.value.value, best  # type: ignore[union-attr]


def _joined_singulars(m: Mention, doc: Doc, lex: CoderLexicon, after: int) -> int:
    """Bare singular victims joined to a toll: "مقتل جنديين عراقيين ومدني" adds one."""
    extra = 0
    for s, _e, n in victim_nouns(m, doc, lex):
        if n.number == 1 and s > after and _gap(doc, after, s) <= 3 and doc.text[s - 1] == "و":
            extra += 1
    return extra


def assign_counts(m: Mention, doc: Doc, lex: CoderLexicon) -> None:
    m.fatalities = _count_from(m.entities, "killed", doc)
    if m.fatalities[0] is not None and m.fatalities[1] is not None:
        extra = _joined_singulars(m, doc, lex, m.fatalities[1].end)
        if extra:
            m.fatalities = (m.fatalities[0] + extra, m.fatalities[1])
    m.injuries = _count_from(m.entities, "injured", doc)
    if m.fatalities[0] is None:
        # "مقتل شخص", "قتل جندي": a bare singular victim right after a killing word
        kills = [t for t in m.triggers if getattr(t.value, "family", "") == "kill"]
        for t in kills:
            for s, _e, n in victim_nouns(m, doc, lex):
                if n.number == 1 and s >= t.end and _gap(doc, t.end, s) <= 1:
                    m.fatalities = (1, None)
                    m.why.append("fatalities 1 (singular victim)")
                    break
            if m.fatalities[0] is not None:
                break
    if m.fatalities[0] is None:
        m.deaths_untold = _deaths_untold(m, doc, lex)
    if m.family.name == "assassinate" and m.fatalities[0] is None and m.modality == "asserted":
        m.fatalities = (1, None)  # an assassination (not an attempt) kills its target
        m.why.append("fatalities 1 (assassination)")


#: plural words for the dead: "سقوط قتلى وجرحى", "هناك قتلى"
_DEAD = frozenset({"قتلي", "ضحايا"})
_SOME = re.compile(r"^\s*(?:عدد|عددا)\s+من\s")


def _deaths_untold(m: Mention, doc: Doc, lex: CoderLexicon) -> Span | None:
    """A death told without a number: "سقوط قتلى", "قتل عدد من الحوثيين", "مقتل مدنيين"
    (a plural victim right after a killing word). ACLED codes 3 for such a limited event."""
    for t in m.triggers:
        if getattr(t.value, "family", "") != "kill":
            continue
        if normalise_key(t.text).removeprefix("و") in _DEAD or _SOME.match(doc.text[t.end : t.end + 20]):
            return t
        for s, _e, n in victim_nouns(m, doc, lex):
            # not a nisba in -يين: "مقتل شرطيين" is as likely two policemen as several
            if n.number == 0 and not normalise_key(n.noun).endswith("يين") and s >= t.end and _gap(doc, t.end, s) <= 1:
                return t
    return None


def assign_sources(m: Mention) -> None:
    m.sources = [s for s in m.sentence_entities if s.kind == "source"]

