"""Modality: is a mention a new, asserted event, or denied, future, hypothetical or past?

A cue counts when it stands before the trigger in the same clause (within its word
window) or, for sentence-scope cues, anywhere in the sentence. A verb trigger carrying
the future prefix س is future. A resolved date well before publication makes a mention
historical; one after publication makes it future.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from marsad.coder.lexicon import ModalityCue, Trigger
from marsad.coder.mention import THAT_CLAUSE, Found, Mention, word_at, words_between
from marsad.doc import Doc, TimeValue
from marsad.text.normalise import normalise_key

# when several cues apply, the strongest reading wins
_PRIORITY = {"negated": 5, "future": 4, "hypothetical": 3, "referenced": 2, "historical": 1}
HISTORICAL_DAYS = 30  # a dated mention older than this is background, not today's news
REFERENCED_DAYS = 180  # a past event named by a noun only this long ago is referred to, not told


#: a tally over a span of months or years ("خلال 10 أشهر", "على مدى السنوات الثلاث"), in
#: normalised spelling
_PERIOD = re.compile(r"(?:خلال|طوال|طيله|علي مدي)\s+(?:\S+\s+)?(?:اشهر|شهور|الاشهر|الشهور|سنوات|السنوات|اعوام|الاعوام|اسبوعين|الاسبوعين|اسابيع|الاسابيع)")


# ل before these nouns is purpose; not before attacks: "تعرضت لقصف" was shelled
_PURPOSE_FAMILIES = frozenset({"takeover", "regain"})


#: characters from which an article with no date and no source is not a news report
LONG_ARTICLE = 1000
#: time words a column uses for "nowadays" ("والمسؤولية اليوم مسؤولية الجميع"): no date
_NOWADAYS = frozenset({"اليوم", "واليوم"})


def reports_news(doc: Doc) -> bool:
    """Does the article say when or who says? A report has a date or a time word ("أمس",
    "ليل الاثنين") or a source (an agency, a ministry, "مصادر محلية"); an opinion column, a
    sermon, a feature or a festival page has neither, and the acts it names are not events
    it reports ("قتل قدوتكم الخليفة عمر", "اغتالت فرحتنا"). A short item is not judged
    (a flash or a video caption of a few lines often has neither), nor is a lone sentence:
    it is a fragment of an article whose date and sources are elsewhere."""
    if len(doc.text) < LONG_ARTICLE:
        return True
    return any(
        s.kind == "source" or (s.kind == "time" and s.text.strip() not in _NOWADAYS)
        for s in doc.spans
    )


def assign_modality(m: Mention, doc: Doc, *, news: bool = True) -> None:
    """Set `m.modality` from its cues, dates and verb forms; `news` is False in an article
    that reports no news (`reports_news`), where what is otherwise asserted is referenced."""
    trig: Trigger = m.primary.value  # type: ignore[assignment]
    best: tuple[int, str, str] | None = None
    for c in m.modality_cues:
        cue: ModalityCue = c.value  # type: ignore[assignment]
        if cue.scope in ("before", "order"):
            if not (m.clause[0] <= c.start and c.end <= m.primary.start):
                continue
            if cue.window and words_between(doc.text, c.end, m.primary.start) > cue.window:
                continue
            if cue.scope == "order" and not m.primary.prefix.endswith("ب"):
                continue  # "وجه بالقبض على": ordered; "وجه ضربة": struck
        elif cue.scope == "clause" and not m.in_clause(c.start):
            continue
        after = doc.text[c.end : c.end + 12].split()
        if cue.modality == "negated" and after and after[0] in _HESITATE:
            continue  # "لم يتردد في إحراق نفسه": did not hesitate, so did it
        cand = (_PRIORITY[cue.modality], cue.modality, c.text)
        if best is None or cand[0] > best[0]:
            best = cand
    before = doc.text[max(0, m.primary.start - 8) : m.primary.start].split()
    imperfect = trig.pos == "v" and is_imperfect(trig.form)
    if (imperfect and before and before[-1] in ("قد", "وقد")) or _may_do(doc, m):
        # قد + imperfect: "may"; قد + past ("قد خطفت") is a plain past
        best = max(best or (0, "", ""), (_PRIORITY["hypothetical"], "hypothetical", "قد"))
    if trig.pos == "v" and m.primary.prefix.endswith("س"):
        best = max(best or (0, "", ""), (_PRIORITY["future"], "future", m.primary.text))
    if trig.pos == "n" and m.primary.prefix.endswith("ل") and m.family.name in _PURPOSE_FAMILIES:
        # "للسيطرة على التلال", "لاستعادة السيطرة": to take ground, not taken
        best = max(best or (0, "", ""), (_PRIORITY["future"], "future", m.primary.prefix + m.primary.text))
    verbal = any(getattr(t.value, "pos", "") == "v" for t in m.triggers)
    if not verbal and (best is None or best[1] == "historical") and _after_the_fact(m, doc):
        # "عادوا إلى عدن بعد تحريرها", "عقب الهجوم": what the sentence tells came after it
        best = (_PRIORITY["referenced"], "referenced", "after")
    if best is None and _relative_reference(m, doc):
        # "استنكارها للعمل الإرهابي الذي استهدف مسجد", "التفجير الغاشم الذي استهدف":
        # an event named and described, as one names what the reader already knows
        best = (_PRIORITY["referenced"], "referenced", "relative")
    date_modality, age = _date_modality(m, doc)
    if (
        date_modality == "historical" and not verbal and age > REFERENCED_DAYS
        and not _chronology_entry(m, doc)
    ):
        # a past event named by a noun only ("ملف اغتيال الحريري") is referred to, not told
        date_modality = "referenced"
    if date_modality and (best is None or _PRIORITY[date_modality] > best[0]):
        best = (_PRIORITY[date_modality], date_modality, "date")
    period = _PERIOD.search(doc.norm.text[doc.norm.from_original(m.sentence.start):
                                          doc.norm.from_original(m.sentence.end)]) if doc.norm else None
    if period and best is None:
        # "قتلت 3042 ... خلال 10 أشهر": a tally over months, not one event
        best = (_PRIORITY["historical"], "historical", period.group(0))
    if best is None and verbal and not imperfect and _pluperfect(m, doc):
        # "وكانت الأجهزة الأمنية ألقت القبض على السائق": what had happened before the news,
        # and no date says when
        best = (_PRIORITY["historical"], "historical", "كان")
    if best is None and _many_provinces(m, doc):
        # "مقتل 2927 ... في محافظات حماه وحلب وحمص والحسكة": a summary, not one event
        best = (_PRIORITY["historical"], "historical", "provinces")
    if (
        imperfect
        and not m.sentence.is_title
        and not any(s.kind == "time" for s in m.entities)
        and (best is None or best[0] < _PRIORITY["hypothetical"])
    ):
        # an imperfect verb with no date ("تخطف من تريد وتقتل من تشاء"): habitual; a
        # headline's imperfect is its present tense ("عمال يضربون عن العمل في ميناء")
        best = (_PRIORITY["hypothetical"], "hypothetical", "imperfect")
    if best is None and not news:
        best = (_PRIORITY["referenced"], "referenced", "no date or source in the article")
    if best is not None:
        m.modality, m.modality_why = best[1], best[2]
        m.why.append(f"modality {best[1]} ({best[2]})")


#: "did not hesitate to" after a negation: the act was done
_HESITATE = frozenset({"يتردد", "تتردد", "يترددوا", "يترددون", "يتورع", "تتورع", "يتوان", "تتوان",
                       "يتوانى", "تتوانى", "يتأخر", "تتأخر"})

#: كان opening a clause: with a past verb after it, the pluperfect of background
_KANA = frozenset({"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"})


def _pluperfect(m: Mention, doc: Doc) -> bool:
    """The clause opens with كان ("وكانت قوات الأمن قد اعتقلت", "وكان مسلحون هاجموا") and
    the mention carries no date: an earlier event told as background."""
    if any(s.kind == "time" for s in m.entities):
        return False
    between = doc.text[m.clause[0] : m.primary.start]
    words = between.split()
    if not (words and (words[0] in _KANA or (len(words) > 1 and words[0] in ("و", "ثم")
                                             and words[1] in _KANA))):
        return False
    # not when كان is another verb's: "وكانت القناة ذكرت أن مسلحين هاجموا", "وكان هؤلاء
    # عائدين عندما خطفهم مسلحون", "كانت مفاجئة، وقوات التحالف قامت بضربة"; nor the news
    # that broke into a scene: "وكانت طواقم تزيل الركام فانفجر صاروخ"
    if m.primary.prefix.startswith("ف") or _CLAUSE_MARK.search(between):
        return False
    return not THAT_CLAUSE.search(" ".join(w.strip("«\":") for w in words)) and not any(
        w in _KANA_ENDS for w in words
    )


_CLAUSE_MARK = re.compile(r"[،,؛]")
_KANA_ENDS = frozenset({"عندما", "حين", "حينما", "بعدما", "لما", "حيث", "إذ", "اذ"})


#: words with ال that are no genitive: a preposition, "except", "now", relative pronouns
_NOT_GENITIVE = frozenset("الى إلى الا إلا الآن الان الذي التي الذين".split())
#: "after" words: a noun event right after one is what the sentence's news followed
_AFTER = frozenset({"بعد", "وبعد", "عقب", "وعقب", "منذ"})
#: families whose nouns tell the toll itself: "مقتل 3 بعد انفجار" is still a report
TOLL_FAMILIES = frozenset({"kill", "injure"})


def _after_the_fact(m: Mention, doc: Doc) -> bool:
    """Every trigger a noun, the first right after بعد / عقب / منذ and known already
    (definite, with a pronoun, or with a definite genitive: "بعد تحريرها", "عقب الهجوم",
    "منذ اغتيال الحريري"), and no death or injury word or count in the clause. An
    indefinite one is news: "سيطرت على منطقة الفاو بعد مواجهات عنيفة" tells the clashes."""
    first = min(m.triggers, key=lambda t: t.start)
    before = doc.text[max(0, first.start - 8) : first.start].split()
    if not before or before[-1] not in _AFTER:
        return False
    suffixed = not word_at(doc.text, first.start, first.end).endswith(first.text)  # "تحريرها"
    # or the head of a construct, as definite as its genitive: "منذ اغتيال الحريري"
    genitive = doc.text[first.end : first.end + 30].split()[:1]
    construct = doc.text[first.end : first.end + 1].isspace() and bool(genitive) and (
        genitive[0].startswith("ال") and genitive[0] not in _NOT_GENITIVE
    )
    if not (first.text.startswith("ال") or first.prefix.endswith("ال") or suffixed or construct):
        return False
    if any(getattr(t.value, "family", "") in TOLL_FAMILIES for t in m.triggers):
        return False
    return not any(s.kind == "number" and getattr(s.value, "category", None) in ("killed", "injured")
                   for s in m.entities)


#: relative pronouns: a verb right after one describes what the noun before it names
_RELATIVE = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})


def _relative_reference(m: Mention, doc: Doc) -> bool:
    """Every verb trigger right after a relative pronoun ("الهجوم الذي استهدف"), every
    noun trigger definite, at least one trigger so described, and no death or injury word
    or count in the clause: the sentence names a known event and says something else about
    it. A report tells it with a main verb or a toll ("أسفر الهجوم الذي استهدف الحاجز عن
    مقتل ثلاثة"); a claim or a suspicion tells who did it, and stays."""
    if any(getattr(t.value, "family", "") in TOLL_FAMILIES for t in m.triggers):
        return False
    if any(s.kind == "number" and getattr(s.value, "category", None) in ("killed", "injured")
           for s in m.entities):
        return False
    if m.has_cue("claim") or m.has_cue("suspect"):
        return False  # "تبنى داعش الهجوم الذي استهدف": who did it is news about it
    described = False
    for t in m.triggers:
        if getattr(t.value, "pos", "") == "v":
            start = _verb_start(m, doc, t)
            before = doc.text[max(0, start - 12) : start].split()
            if not before or before[-1] not in _RELATIVE:
                return False
            described = True
            continue
        if not (t.text.startswith("ال") or t.prefix.endswith("ال")):
            return False
        # the pronoun right after the noun or its adjective: "التفجير الغاشم الذي"
        after = doc.text[t.end : t.end + 40].split()[:2]
        described = described or any(w in _RELATIVE for w in after)
    return described


def _verb_start(m: Mention, doc: Doc, t: Found) -> int:
    """Where the verb of a verb trigger starts: a noun told by a verb (`find_mentions`)
    counts from that verb ("الذي نفذ عملية اختطاف"), any other from itself."""
    tellers = [c.start for c in m.cues if c.value in ("told", "doer")
               and c.end <= t.start and words_between(doc.text, c.end, t.start) <= 1]
    return min([t.start, *tellers])


#: light verbs in the imperfect that start with ت (a past تفعّل such as "تمكن" also does)
_T_IMPERFECT = frozenset({"تشن", "تقوم", "تنفذ", "تحاول", "تستهدف", "تهاجم", "تلجا", "تعمد"})


def _may_do(doc: Doc, m: Mention) -> bool:
    """"قد تشن هجمات", "قد يحاول الهجوم": قد and an imperfect light verb before a noun
    trigger, within three words of it."""
    words = doc.text[max(0, m.primary.start - 40) : m.primary.start].split()[-3:]
    for i, w in enumerate(words[:-1]):
        if w in ("قد", "وقد"):
            verb = normalise_key(words[i + 1])
            return verb.startswith("ي") or verb in _T_IMPERFECT
    return False


def _many_provinces(m: Mention, doc: Doc) -> bool:
    """"في محافظات X وY وZ": a list of three or more governorates in the trigger's clause
    (a strike told over several towns of them is still an event)."""
    if "محافظات" not in doc.text[m.clause[0] : m.clause[1]]:
        return False
    admin1 = {getattr(s.value, "admin1", None) for s in m.entities if s.kind == "place"}
    return len(admin1 - {None}) >= 3


@lru_cache(maxsize=4096)  # per trigger form, on the per-mention path
def is_imperfect(form: str) -> bool:
    """An imperfect verb form: يفعل, and تفعل when it is the feminine of a listed يفعل
    (a past تفعّل such as "تظاهر" or "تجمع" starts with ت too)."""
    key = normalise_key(form).split(" ")[0]
    return key.startswith("ي") or (key.startswith("ت") and "ي" + key[1:] in _IMPERFECTS)


_IMPERFECTS = {"يقصف", "يقتل", "يهاجم", "يستهدف", "يتظاهر", "يعتصم", "يخطف", "يفجر", "يطلق"}


def _chronology_entry(m: Mention, doc: Doc) -> bool:
    """A sentence that opens with its day or month, as a chronology's entries do
    ("* 21 مايو 2005: اغتيال جورج حاوي في اعتداء بسيارة مفخخة في بيروت"): the past event it
    names is told there, not referred to."""
    for s in m.entities:
        if s.kind == "time" and isinstance(s.value, TimeValue) and s.value.precision in ("day", "month"):
            lead = doc.text[m.sentence.start : s.start]
            return not any(ch.isalpha() and ch != "ـ" for ch in lead)  # a tatweel bullet
    return False


def _date_modality(m: Mention, doc: Doc) -> tuple[str | None, int]:
    """("historical" | "future" | None, days before publication) from the mention's dates."""
    if doc.published is None:
        return None, 0
    for s in m.entities:
        if s.kind != "time" or not isinstance(s.value, TimeValue) or s.value.value is None:
            continue
        if _is_this_year(s.value, doc.published):
            continue  # "الأكثر دموية لهذا العام": no telling how long ago
        delta = (doc.published - _reference_day(s.value)).days
        if delta > HISTORICAL_DAYS:
            return "historical", delta
        if delta < -1 and s.value.precision == "day":
            return "future", delta
    return None, 0


def _is_this_year(t: TimeValue, published: dt.date) -> bool:
    """The calendar year of publication (resolved to 1 January), not a vague span back
    such as "منذ أشهر", which resolves to a day months ago with year precision."""
    v = t.value
    return t.precision == "year" and v is not None and (v.year, v.month, v.day) == (published.year, 1, 1)


def _reference_day(t: TimeValue) -> dt.date:
    """The day a date is taken to mean for its age: a month by its middle ("this month" is
    not weeks ago, "in June" told late in July is), a week by its end, a year by its start
    ("in 2007" in January 2008 is history); the current year says nothing of when."""
    d = t.value  # not t.end: "منذ نيسان" runs to today but tells of April
    assert d is not None
    if t.precision == "month":
        return dt.date(d.year, d.month, 15)
    if t.precision == "week":
        return d + dt.timedelta(days=6)
    return d


def is_reported(modality: str) -> bool:
    """True for mentions that report something that happened (counted as events)."""
    return modality in ("asserted", "historical")


def within_days(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= days
