"""The words around a place name that tell what it is: level words, modifiers, titles.

"محافظة دير الزور" names the governorate, "بلدة البوكمال" the town, "ريف دير الزور" the
countryside of the governorate, "شمال سوريا" a part of the country; "الشيخ محمد" and
"علي بن ..." are people. All words are in normalised spelling (see marsad.text.normalise).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from marsad.places.countries import gentilic_table
from marsad.text.clitics import ARTICLE_PREFIXES, BARE_PREFIXES
from marsad.text.matcher import word_mask

#: a word before the name that says which kind of place it is
LEVEL_WORDS: dict[str, str] = {
    "محافظه": "admin1", "محافظات": "admin1", "محافظتي": "admin1", "ولايه": "admin1", "اقليم": "admin1",
    "منطقه": "region", "مناطق": "region",
    "قضاء": "admin2", "مديريه": "admin2", "ناحيه": "admin2", "مركز": "admin2",
    "مدينه": "town", "مدينتي": "town", "بلده": "town", "بلدات": "town", "قريه": "town",
    "قري": "town", "مخيم": "town", "حي": "town", "العاصمه": "town", "عاصمه": "town",
    "مدن": "town", "ميناء": "town", "مطار": "town",
}

#: a word before the name that places the event in or near it, and its canonical form
MODIFIERS: dict[str, str] = {
    "ريف": "ريف", "ارياف": "ريف",
    "شمال": "شمال", "شمالي": "شمال", "جنوب": "جنوب", "جنوبي": "جنوب",
    "شرق": "شرق", "شرقي": "شرق", "غرب": "غرب", "غربي": "غرب", "وسط": "وسط",
    "اطراف": "اطراف", "ضواحي": "ضواحي", "محيط": "محيط", "قرب": "قرب", "مشارف": "مشارف",
}

#: prepositions before a place name ("في الباب"); a verb or adjective rarely follows them
PREPOSITIONS = frozenset("في من الى علي قرب نحو داخل حول عند بين باتجاه خارج شرقي غربي شمالي جنوبي".split())

_DIRECTIONS = {"شمال", "جنوب", "شرق", "غرب"}

#: a word before a name that makes it a person's name ("الشيخ علي", "ابن سلمان")
PERSON_BEFORE = frozenset(
    "بن ابن بنت بني ابو الشيخ الشيخه الامير الاميره الملك الملكه الرئيس السيد السيده الدكتور"
    " الدكتوره د المهندس الاستاذ الاستاذه الحاج الامام اللواء العميد العقيد الفريق النقيب"
    " الوزير الوزيره النائب الزميل الزميله الطفل الطفله المواطن المواطنه الشهيد الراحل"
    " الداعيه الكاتب الكاتبه المخرج الممثل الممثله الشاعر المطرب المطربه الفنان الفنانه"
    " اللاعب المدرب الكابتن المتحدث الناطق المحامي القاضي الشاب الفتاه السفير".split()
)

#: a word before a name that makes it a sports team or a group ("نادي اليرموك", "كتائب القدس")
TEAM_BEFORE = frozenset(
    "نادي فريق منتخب ريال اتلتيكو اتلتيك اولمبيك سبورتنغ سبورتينغ ديبورتيفو انتر بوروسيا باير"
    " كتايب سرايا جبهه".split()  # and armed groups: كتائب القدس, جبهة الأحواز
)
#: a word after a name that makes it a team ("مانشستر يونايتد", "باريس سان جيرمان")
TEAM_AFTER = frozenset({"يونايتد", "سيتي", "سان", "هوتسبير"})

#: a word after a name that makes it a person's name ("علي بن ابي طالب")
PERSON_AFTER = frozenset({"بن", "ابن", "بنت"})


@dataclass(frozen=True, slots=True)
class Cues:
    level: str | None = None  # admin1 | admin2 | region | town
    level_word: str | None = None  # the word that gave the level (محافظه, حي, ...)
    modifier: str | None = None  # ريف, شمال, ...
    person: bool = False  # a person's, tribe's or team's name: not a place here
    prep: bool = False  # after a preposition (في, من, ...) or with ب/ل glued on
    after_definite: bool = False  # right after a word with the article ("الحكومة السعودية")
    after_feminine: bool = False  # right after a feminine noun, no preposition ("ليرة سورية")


def _clitic_forms(words: Iterable[str]) -> dict[str, str]:
    """Every spelling of `words` with proclitics glued on (بمحافظة, وريف, للمنطقة) -> word."""
    out: dict[str, str] = {}
    for w in words:
        out.setdefault(w, w)
        for p in BARE_PREFIXES:
            out.setdefault(p + w, w)
        if w.startswith("ال"):
            for p in ARTICLE_PREFIXES:
                out.setdefault(p + w[2:], w)
    return out


_LEVEL_FORMS = _clitic_forms(LEVEL_WORDS)
_MODIFIER_FORMS = _clitic_forms(MODIFIERS)


_PHRASE_ENDS = '.,;:!?()«»"\n'  # punctuation that ends the phrase before a name
_WINDOW = 64  # characters: far more than the three words read before a name


def _words_before(text: str, start: int, n: int) -> list[str]:
    """Up to `n` words before position `start`, nearest first, not across punctuation
    that ends a phrase."""
    mask = word_mask(text)  # the gazetteer matcher's mask of this text, already made
    size = _WINDOW
    while True:
        lo = max(0, start - size)
        cut = max(text.rfind(c, lo, start) for c in _PHRASE_ENDS)
        words = mask[max(lo, cut + 1) : start].split()
        # with n words and one more, the window's first, maybe cut, word is not among them
        if cut >= 0 or lo == 0 or len(words) > n:
            return words[: -n - 1 : -1]
        size *= 2


def _word_after(text: str, end: int) -> str:
    i = end
    while i < len(text) and text[i] == " ":
        i += 1
    j = i
    while j < len(text) and text[j].isalnum():
        j += 1
    return text[i:j]


def read_cues(text: str, word_start: int, end: int) -> Cues:
    """The cues around the name that starts at `word_start` (its proclitic included)."""
    level = modifier = level_word = None
    before = _words_before(text, word_start, 3)
    if before and (before[0] in PERSON_BEFORE or before[0].lstrip("وفبل") in TEAM_BEFORE):
        return Cues(person=True)
    after = _word_after(text, end)
    if after in PERSON_AFTER or after in TEAM_AFTER:
        return Cues(person=True)
    if after.startswith("ال") and after.endswith("ي") and after in gentilic_table():
        # towns and countries are feminine: "الكويت الكويتي", "دبي الإماراتي" are clubs
        return Cues(person=True)
    prep = bool(before) and before[0] in PREPOSITIONS
    definite = bool(before) and (
        before[0].startswith(("ال", "بال", "وال", "لل", "فال"))
        or (len(before[0]) >= 5 and before[0].endswith(("نا", "ها", "هم", "هن", "كم")))
    )
    for w in before:
        lw = _LEVEL_FORMS.get(w)
        if lw is not None and level is None and modifier is None:
            level, level_word = LEVEL_WORDS[lw], lw
            continue
        mw = _MODIFIER_FORMS.get(w)
        if mw is not None and modifier is None:
            modifier = MODIFIERS[mw]
            continue
        if mw is not None and modifier in _DIRECTIONS and MODIFIERS[mw] in _DIRECTIONS:
            modifier = f"{MODIFIERS[mw]} {modifier}"  # شمال شرقي بغداد -> "شمال شرق"
            continue
        break
    feminine = bool(before) and not prep and before[0].endswith("ه") and len(before[0]) > 2
    return Cues(level, level_word, modifier, prep=prep, after_definite=definite, after_feminine=feminine)


def across_border(text: str, start: int) -> bool:
    """Does the place at `start` name the other side of a border ("بالقرب من الحدود مع
    العراق"), not where something is? "حرس الحدود بظهران الجنوب" (border guards at) does not."""
    before = text[max(0, start - 16) : start]
    if not ("الحدود" in before or "حدود" in before.split()[-2:]):
        return False
    wider = text[max(0, start - 26) : start]
    return "حرس الحدود" not in wider and "حرس حدود" not in wider


_DISTANCE = re.compile(r"(?:^|\s|\d|/|\()(?:كم|كلم|كيلو\s?متر\S*|ميلا|أميال)\s*\)?((?:\s*\S+){0,6})\s*$")
_DIRECTION = re.compile(r"(?:شمال|جنوب|شرق|غرب)")


def distance_anchor(text: str, start: int) -> bool:
    """Does the place at `start` only measure a distance ("35 كيلومترا شمال شرقي بغداد",
    "(370 كم شمال بغداد)", "175 كيلومترًا إلى الشمال من العاصمة بغداد"), not say where
    something is?"""
    m = _DISTANCE.search(text[max(0, start - 70) : start])
    return m is not None and _DIRECTION.search(m.group(1)) is not None


#: the head of a dateline: "بيروت:", "واس- الرياض:", "محمد المواسي- سبق- جازان:"
_DATELINE_HEAD = 60


def is_dateline(text: str, start: int, end: int) -> bool:
    """Is the place at start..end the dateline of a paragraph (where the report was filed,
    not where the event happened)? The name opens its line, or follows a short byline that
    ends in a dash ("واس- "), and a colon follows it; "تصريح من بغداد: إن" is a quote."""
    after = text[end : end + 3].lstrip(" )")
    if not after.startswith(":"):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start].strip(" \t(\u202b\u202a\u200f")
    return not head or (len(head) <= _DATELINE_HEAD and head.endswith(("-", "–", "—"))
                        and not any(ch in head for ch in ".:؟!"))


#: "من (داخل) الأراضي اليمنية", "ومن الاراضي السورية" (normalised): where fire came from,
#: not where the event is; "ضمن الأراضي السورية" (within) is not one
FROM_LAND = re.compile(r"(?:^|(?<=\s))[وف]?(?:من|داخل)\s+(?:داخل\s+)?(?:ال)?اراضي\s+([^\W\d_]+)")


def from_land(norm_text: str, start: int) -> bool:
    """Is the nationality adjective at `start` (normalised text) the X of "من الأراضي X"?"""
    m = FROM_LAND.search(norm_text, max(0, start - 30))
    while m is not None and m.start(1) < start:
        m = FROM_LAND.search(norm_text, m.end())
    return m is not None and m.start(1) == start


def names_the_scene(text: str, start: int, end: int) -> bool:
    """Can the place at start..end be where something happened? Not when it is across a
    border, a dateline or the anchor of a distance."""
    return not (
        across_border(text, start) or is_dateline(text, start, end) or distance_anchor(text, start)
    )
