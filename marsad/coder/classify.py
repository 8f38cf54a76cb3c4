"""Is a mention an event, and of which ACLED sub-event type?

A weak trigger ("هجوم", "مسيرة", "تراجع") needs support in its clause: another trigger,
an armed actor, a victim or a toll. The family's default ACLED type is then refined by
context, following `reference/acled-notes.md`: aircraft words make a bombardment an air
strike; civilians as targets make an attack Violence against civilians, armed targets an
armed clash; arrests by a non-state group are abductions; a protest met with force is a
protest with intervention or excessive force; a territorial change depends on who gained.
"""

from __future__ import annotations

from marsad.coder.arguments import ARMED_SECTORS
from marsad.coder.lexicon import CROWD_STRENGTHS, CoderLexicon, Trigger
from marsad.coder.mention import Found, Mention, words_between
from marsad.doc import ActorValue, NumberValue

_REMOTE = {"bombard", "air", "drone", "shelling", "rocket", "ied", "explosion", "suicide", "grenade", "chemical"}
_CLASH_LIKE = {"clash", "shooting", "attack", "raid", "target", "kill", "injure", "massacre", "execute"}
_STATE_SECTORS = {"MIL", "COP", "GOV", "SPY"}
_BOMBS = {"ied", "explosion", "grenade", "suicide"}  # may be found or defused before they go off
# fighting forces by sector (police apart): only they make a visit, a withdrawal, a base
# or an agreement an event (a state's government, inter 1 like its army, does not)
_FIGHTERS = ARMED_SECTORS - {"COP"}
_GRIEVANCE = ("على", "ضد")  # "احتجاجا على ...": what a protest is against


def _actor_values(m: Mention) -> list[ActorValue]:
    return [s.value for s in m.entities if s.kind == "actor" and isinstance(s.value, ActorValue)]


def _fights(a: ActorValue, sectors: set[str] = _FIGHTERS) -> bool:
    """A fighting force by sector, or a non-state armed group by inter."""
    return (a.sector or "") in sectors or a.inter in (2, 3, 4)


def game_or_transfer(m: Mention) -> bool:
    """In a sports story: no armed actor in the clause and no weapon used, so "بادر نادي
    دبي بالهجوم", "إصابة اللاعب", "توصل إلى اتفاق مع المهاجم" are a game, an injury, a
    transfer ("اعتدى المشجعون على الشرطة" keeps the police)."""
    if m.family.name in _REMOTE or m.family.name == "shooting":
        return False  # a weapon was used: "إطلاق نار على حافلة فريق هيرتا برلين"
    return not any(_fights(a, ARMED_SECTORS) for a in _actor_values(m))


def _counts(m: Mention, category: str) -> bool:
    return any(
        s.kind == "number" and isinstance(s.value, NumberValue) and s.value.category == category
        for s in m.entities
    )


def supported(m: Mention, lex: CoderLexicon, victim_nouns: int) -> bool:
    """Does the clause carry enough to make this mention an event?"""
    trig: Trigger = m.primary.value  # type: ignore[assignment]
    others = [t for t in m.triggers if t is not m.primary]
    actors = _actor_values(m)
    armed = [a for a in actors if (a.sector or "") in {"MIL", "REB", "UAF", "COP", "SPY"}
             or (a.inter or 0) in (1, 2, 3, 4, 8)]
    toll = _counts(m, "killed") or _counts(m, "injured")
    group, fam = m.family.group, m.family.name
    if trig.strength == "participant":
        return False  # protesters mentioned, no protest told
    if group == "violence" and not anchored(m, victim_nouns):
        return False
    if group == "violence" and m.has_cue("crime") and not armed:
        return False  # "قتل شاب في مشاجرة", "سطو": a common crime, not political violence
    if group == "arrest" and m.has_cue("crime"):
        return False  # "اعتقل لصلته بحوادث سطو": a criminal arrest
    if group == "protest" and _cue_right_after(m, "pretend", m.triggers, 0):
        return False  # "فتظاهرت بأنني مريضة": pretended
    if group in ("violence", "arrest") and _kin_killed(m, lex) and not any(
        (a.sector or "") in ("REB", "UAF") or a.inter in (2, 3) for a in actors
    ):
        # "أقدم على قتل شقيقه", and the arrest of the man who did: a family killing is a
        # common crime, unless an armed group did it (a jihadist who kills his cousin)
        return False
    if fam in ("kill", "injure") and m.has_cue("accident") and all(
        getattr(t.value, "family", "") in ("kill", "injure") for t in others
    ):
        return False  # "لقي 4 أشخاص مصرعهم في حادث اصطدام": a road accident, not violence
    if not toll and _list_of_acts(m):
        return False  # "جرائمها من قصف وقتل ودمار وحصار": kinds of act listed, none told
    if not toll and all(_figurative(m, t, victim_nouns) for t in m.triggers):
        # "خطف ترامب الأضواء", "قتل أحلام الناس", "اقتحموا مواقعها الإلكترونية في هجوم
        # إلكتروني": every word of the act is a figure of speech
        return False
    if fam == "sexual" and any(c.value == "usurped" and 0 <= c.start - m.primary.end <= 2 for c in m.cues):
        return False  # "اغتصاب الشرعية", "اغتصاب منطقة أبيي": usurping, not rape
    if fam == "destroy":
        return bool(armed) or bool(others)
    if fam in _TERRITORY and (_over_people(m) or _cue_right_after(m, "figure1", [m.primary], 1)):
        return False  # "سيطرت عليهم مشاعر الإثارة", "السيطرة على حريق": people or a fire, not ground
    if group in ("withdraw", "base", "agree") and not any(_fights(a) for a in actors):
        # "انسحاب جميع المدن الأوروبية" (from an Olympic bid), "اليونان ودائنوها توصلوا إلى
        # اتفاق": no armed actor moves or agrees (ACLED's agreements are between armed actors)
        return False
    if fam in _TERRITORY and trig.strength == "weak" and not _takes_ground(m):
        # "السيطرة على الحريق", "تحرير الرهائن": no ground changes hands
        return any(getattr(t.value, "family", "") not in _TERRITORY for t in others)
    if trig.strength == "strong":
        return True
    if fam == "attack" and trig.pos == "v" and not (others or toll or victim_nouns):
        # "هاجم الوزير سياسة الحكومة", "هاجم خامنئي الولايات المتحدة": an attack in words,
        # unless fighters do it or it falls on ground below a country ("هاجمت إسرائيل مواقع")
        return any(_fights(a, ARMED_SECTORS) for a in actors) or _takes_ground(m, countries=False)
    if group == "violence":
        if trig.strength == "consequence":
            # deaths or injuries with no act and nobody named: "لقي شخص مصرعه وأصيب آخر"
            # is as often an accident or an illness as violence
            return bool(actors) or bool(others)
        return bool(others) or bool(armed) or toll or victim_nouns > 0
    if group == "protest":
        protesters = any(a.inter == 6 for a in actors)
        if trig.strength in CROWD_STRENGTHS:  # "رفع العلم", "نزل الذهب": only people protesting make it one
            told = any(getattr(t.value, "strength", "") not in CROWD_STRENGTHS for t in others)
            return (told or protesters or _counts(m, "people") or m.has_cue("street")
                    or _crowd_after(m))
        places = any(s.kind in ("place", "time") for s in m.entities)
        return bool(others) or protesters or places or _counts(m, "people") or m.has_cue("walkout")
    if group == "visit":
        # a militia leader or a commander at the front is news to a conflict analyst; a
        # minister's or a king's visit is diplomacy, which ACLED does not code
        visitor = m.actor1.value if m.actor1 is not None else None
        return isinstance(visitor, ActorValue) and (visitor.sector or "") in _FIGHTERS
    if group == "agree":
        if trig.strength == "weak" and not _concluded(m):
            return False  # "اتفاق فيينا النووي لن يقطع الطريق", "انتهاك الهدنة": referred to
        return len(actors) >= 2 or bool(armed)
    if group == "intercept":
        return m.has_cue("aerial") or bool(others)
    return bool(others) or bool(actors)


#: what a count right after a crowd verb must not count (numbers.py categories): units,
#: prices and percentages, "نزل الذهب 3.4 بالمئة"
_NOT_PEOPLE = frozenset({"unit"})


def _crowd_after(m: Mention) -> bool:
    """A crowd counted right after the verb: "تجمع عشرات الفلسطينيين", "خرج آلاف", or a
    "crowd" cue ("تجمع عدد من أنصار الحريري")."""
    end = m.primary.end
    for s in m.entities:
        if s.kind == "number" and isinstance(s.value, NumberValue) and 0 <= s.start - end <= 2:
            return s.value.category not in _NOT_PEOPLE
    return any(c.value == "crowd" and 0 <= c.start - end <= 2 for c in m.cues)


def _words(m: Mention, a: int, b: int) -> int:
    """Words between two document offsets of the mention's sentence."""
    return words_between(m.sentence.text, a - m.sentence.start, b - m.sentence.start)


#: violence one person can do to another by hand; not weapons of war
_PERSONAL = frozenset({"kill", "injure", "beat", "torture", "shooting", "attack", "abduct", "sexual"})


def _figurative(m: Mention, trigger: Found, victim_nouns: int) -> bool:
    """A "figure" cue after `trigger` in its clause: within five words, or further when
    no victim and no count lies between ("خطف الملياردير ترامب، الذي ...، الأضواء"; not
    "خطف مسلحون ثلاثة مهندسين في بغداد، ما أثار الأنظار")."""
    end = trigger.end
    for c in m.cues:
        if c.value not in ("figure", "figure1") or not m.in_clause(c.start) or c.start < end:
            continue
        if c.value == "figure1":  # only as the object: "فجرت إثيوبيا الخلاف"
            if _words(m, end, c.start) <= 1:
                return True
            continue
        if _words(m, end, c.start) <= 5:
            return True
        counted = any(s.kind == "number" and end <= s.start < c.start for s in m.entities)
        if not counted and victim_nouns == 0:
            return True
    return False


def _list_of_acts(m: Mention) -> bool:
    """Three nouns of act or more joined by و, of different kinds, and no verb and no date
    in the clause ("من قصف وقتل ودمار", "حالات اختطاف واعتداء واعتقال"): a list of what
    someone does, not an act told."""
    nouns = [t for t in m.clause_triggers if getattr(t.value, "pos", "") == "n"]
    if len(nouns) < 2 or len(nouns) < len(m.clause_triggers):
        return False
    if any(s.kind == "time" for s in m.entities):
        return False
    joins = [b.prefix.startswith("و") and _words(m, a.end, b.start) <= 1
             for a, b in zip(nouns, nouns[1:], strict=False)]
    families = {t.value.family for t in nouns}  # type: ignore[union-attr]
    # three acts or more in a row: a pair is often one event told twice ("بإطلاق النار
    # واحتجاز المتظاهرين", "بدء الهدنة واشتباكات متقطعة")
    return any(a and b for a, b in zip(joins, joins[1:], strict=False)) and len(families - {"injure"}) >= 2


def _kin_killed(m: Mention, lex: CoderLexicon) -> bool:
    """A relative of the doer right after an act of violence in the clause ("أقدم على قتل
    شقيقه", "بالاعتداء على شقيقه"), and no weapon of war there: a strike or a bomb that
    kills a family is no family killing."""
    violent = [t for t in m.clause_triggers
               if lex.families[t.value.family].group == "violence"]  # type: ignore[union-attr]
    if any(t.value.family not in _PERSONAL for t in violent):  # type: ignore[union-attr]
        return False
    return _cue_right_after(m, "kin", violent, 1)


def _cue_right_after(m: Mention, role: str, triggers: list[Found], words: int) -> bool:
    """A cue of `role` after one of `triggers`, at most `words` words after it."""
    return any(
        c.value == role and t.end <= c.start and _words(m, t.end, c.start) <= words
        for c in m.cues for t in triggers
    )


def _concluded(m: Mention) -> bool:
    """An agreement reached, signed, declared or taking effect: a "concluded" cue in its
    clause among the eight words before one of its words ("توصلت الحكومة والحوثيون أمس إلى
    اتفاق", "سريان الهدنة")."""
    return any(
        c.value == "concluded" and m.in_clause(c.start) and c.end <= t.start
        and _words(m, c.end, t.start) <= 7
        for c in m.cues for t in m.triggers
    )


_TERRITORY = frozenset({"takeover", "regain"})


def _over_people(m: Mention) -> bool:
    """"سيطرت عليهم", "عليكم": control over people, never ground ("عليها" may be a town)."""
    at = m.primary.end - m.sentence.start
    return m.sentence.text[at:at + 2] in ("هم", "كم")


def _takes_ground(m: Mention, *, countries: bool = True) -> bool:
    """A place or a word for ground ("مواقع", "المدينة", "مطار") among the four words after
    the trigger (with `countries=False`, a country's name is not ground)."""
    end = m.primary.end
    starts = [s.start for s in m.entities if s.kind == "place"
              and (countries or getattr(s.value, "level", "") != "country")]
    starts += [c.start for c in m.cues if c.value == "ground"]
    return any(end <= st and _words(m, end, st) < 4 for st in starts)


def anchored(m: Mention, victim_nouns: int) -> bool:
    """A violence mention told only with nouns ("قضية اغتيال ...") needs something that
    ties it to a real occurrence: a verb (its own, or one saying it was done), a toll, a
    victim, a place or a date."""
    if any(getattr(t.value, "pos", "") == "v" for t in m.triggers):
        return True  # a noun a verb tells ("شنوا الهجوم") is a verb trigger (find_mentions)
    if _counts(m, "killed") or _counts(m, "injured") or victim_nouns:
        return True
    if any(s.kind == "time" for s in m.entities):
        return True
    # a place alone is not enough ("اغتيالها هشم الآمال في باكستان" names no occurrence),
    # except in a headline, which is nominal by nature ("غارات البوكمال المجهولة")
    placed = any(s.kind == "place" for s in m.entities)
    return placed and (m.actor1 is not None or m.actor2 is not None or m.sentence.is_title)


def refine(m: Mention, lex: CoderLexicon) -> None:
    """Set the ACLED event type and sub-type and the PLOVER mode from context."""
    if m.family.name in _BOMBS and any(c.value == "defused" and c.end <= m.primary.start for c in m.cues):
        # "فككت قوات الأمن عبوة ناسفة": found or made safe, it never went off
        m.family = lex.families["intercept"]
        m.why.append("bomb defused or seized: disrupted weapons use")
    fam = m.family
    m.event_type, m.sub_event_type, m.plover_mode = fam.event_type, fam.sub_event_type, fam.plover_mode
    name = fam.name
    a1 = m.actor1.value if m.actor1 else None
    a2 = m.actor2.value if m.actor2 else None
    if name in ("shelling", "bombard", "rocket", "drone") and m.has_cue("aerial"):
        m.sub_event_type = "Air/drone strike"
        m.plover_mode = "drone" if name == "drone" else "aerial"
        m.why.append("aircraft in the clause: air strike")
    elif name == "destroy" and m.has_cue("aerial"):
        # "نجحت طائرات التحالف في تدمير مواقع": what aircraft destroy they destroy by striking
        m.event_type, m.sub_event_type = "Explosions/Remote violence", "Air/drone strike"
        m.plover_mode = "aerial"
        m.why.append("destroyed by aircraft: air strike")
    elif name in _CLASH_LIKE:
        armed_target = isinstance(a2, ActorValue) and a2.sector not in (None, "CVL") and a2.inter != 7
        civilian_target = m.civilian or (isinstance(a2, ActorValue) and (a2.sector == "CVL" or a2.inter == 7))
        if civilian_target and not armed_target:
            m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
        elif armed_target or (a1 is not None and name in ("clash", "shooting", "attack", "raid")):
            m.event_type, m.sub_event_type = "Battles", "Armed clash"
        elif name in ("kill", "injure", "massacre", "execute"):
            m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
    if name == "arrest" and isinstance(a1, ActorValue) and a1.sector not in _STATE_SECTORS and a1.inter in (2, 3, 4):
        m.event_type, m.sub_event_type = "Violence against civilians", "Abduction/forced disappearance"
        m.plover_mode = "abduct"
        m.why.append("arrest by a non-state group: abduction")
    if name in ("takeover", "regain") and isinstance(a1, ActorValue):
        if a1.inter == 1:
            m.sub_event_type = "Government regains territory"
        elif a1.inter in (2, 3, 4):
            m.sub_event_type = "Non-state actor overtakes territory"
    if fam.group == "protest":
        kills = any(getattr(t.value, "family", "") == "kill" for t in m.triggers) or _counts(m, "killed")
        if m.has_cue("excessive") or kills:
            m.event_type, m.sub_event_type = "Protests", "Excessive force against protesters"
        elif name == "riot" or m.has_cue("riot"):
            m.event_type, m.sub_event_type = "Riots", "Violent demonstration"
            m.plover_mode = "riot"
        elif any(c.value == "intervention" and not _is_grievance(m, c.start) for c in m.cues):
            m.event_type, m.sub_event_type = "Protests", "Protest with intervention"
    if fam.name in _REMOTE and m.civilian:
        m.why.append("civilians among the victims: civilian targeting")



def _is_grievance(m: Mention, start: int) -> bool:
    """"احتجاجا على اعتقال الصحفي": the arrest is what they protest, not how they were met."""
    before = m.sentence.text[max(0, start - m.sentence.start - 8) : start - m.sentence.start].split()
    return bool(before) and before[-1] in _GRIEVANCE
