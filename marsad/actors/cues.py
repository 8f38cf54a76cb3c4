"""Word cues the actor recogniser reads around a match, in normalised spelling.

Which words before a country name make it a place ("في العراق"), which nouns of land
place a sentence in a country ("الأراضي السورية"), which words introduce members of a
group ("قيادي في حركة حماس") or say that a militia is backed by a state ("الموالية
لإيران"). Small closed sets, kept apart from the walk over the matches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.text.matcher import Hit

if TYPE_CHECKING:
    from marsad.actors.kb import Actor

#: words before a country name that make it a place ("في العراق"), normalised
LOCATIVES = frozenset(
    "في الي من عن داخل خارج شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط حدود عبر قرب انحاء "
    "ارجاء مدن محافظات عاصمه مناطق اراضي بلدات سفاره سفير سفيرا قنصليه زار زياره لزياره وصل "
    "الشمال الجنوب الشرق الغرب جيش قوات حكومه رئيس وزير مع مقره مقرها ومقره ومقرها معسكر لدي "
    "بجزيره بمدينه بدوله جزيره".split()
)


def gap_ok(text: str, end: int, start: int) -> bool:
    """Only spaces or quotes between two hits: they belong to one noun phrase."""
    return start >= end and start - end <= 3 and not text[end:start].strip(" \"'«»“”")


def prev_word(text: str, start: int, prefix: str) -> str:
    i = start - len(prefix)
    j = i
    while j > 0 and text[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and text[k - 1].isalnum():
        k -= 1
    word = text[k:j]
    for p in ("وب", "فب", "و", "ف", "ب"):  # "وفي", "بشمال": the preposition behind a clitic
        if word.startswith(p) and word[len(p) :] in LOCATIVES:
            return word[len(p) :]
    return word


#: locatives that place an institution, not the events of the sentence ("ومقره بريطانيا")
SEAT_WORDS = frozenset("مقره مقرها ومقره ومقرها سفاره سفير سفيرا قنصليه لدي معسكر".split())


#: nouns of land before a nationality adjective: "الأراضي السورية" places the sentence in Syria
LOCATION_NOUNS = frozenset(
    "الاراضي المناطق المدن القري البلدات المحافظات الارض الساحه الحدود الاجواء المياه العاصمه "
    "الداخل المدينه البلده القريه المحافظه المنطقه".split()
)

#: words for members of a group, before "في" / "من" and the group ("قيادي في حركة حماس")
MEMBER_WORDS = frozenset(
    "قيادي قياديا القيادي قيادات قياديين زعيم قائد قائدا عضو عضوا اعضاء عناصر عنصر عنصرا عنصران "
    "عنصرين مسوول مسوولا مسوولون مسوولين مقاتل مقاتلا مقاتلون مقاتلين ضابط ضابطا ضباط انصار "
    "مناصري مناصرين مسلحون مسلحين مسلحا افراد جنود جنديا جنديين".split()
)

DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هولاء", "اولئك"})

#: words between a militia and a state that mean "backed by it" ("الموالية لإيران")
BACKED_WORDS = frozenset(
    "الموالية الموالي الموالين موالية موالي موالين المدعومة المدعوم المدعومين مدعومة مدعوم "
    "مدعومين التابعة التابع التابعين تابعة".replace("ة", "ه").split()
)


def backer(text: str, head: Hit[str], nxt: Hit[str], tn: dict[str, list[str]]) -> str | None:
    """The state in "ميليشيات الموالية لإيران" / "المدعومة من إيران", else None."""
    states = [a[:-6] for a in tn.get("a", []) if a.endswith("-STATE")]
    if not states:
        return None
    words = text[head.end : nxt.start - len(nxt.prefix)].split()
    if not words or words[0] not in BACKED_WORDS or len(words) > 2:
        return None
    if len(words) == 2 and words[1] != "من":
        return None
    if len(words) == 1 and not nxt.prefix.endswith("ل"):
        return None
    return states[0]


#: travel words before "ل" + country: a destination ("زياراته لإيران", "انتقل للبنان")
TRAVEL = ("زيار", "انتقل", "توجه", "عاد", "عوده", "وصل", "سافر", "رحله", "وصول", "مغادر", "قدوم")


def counted(text: str, start: int) -> bool:
    j = start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return j > 0 and text[j - 1].isdigit()


def state_is_place_or_adjective(text: str, h: Hit[str], actor: Actor) -> bool:
    """A country name that names a place ("في العراق", "بالعراق", "زيارته لإيران") or that
    is the nationality adjective of the noun before it ("الكشافة السعودية")."""
    if "ب" in h.prefix:
        return True
    prev = prev_word(text, h.start, h.prefix)
    if prev in LOCATIVES:
        return True
    if h.prefix.endswith("ل") and prev.startswith(TRAVEL):
        return True
    from marsad.places.countries import by_gentilic

    if prev.endswith("ا") and len(prev) > 2 and not h.prefix:
        # "رجلا إيطاليا": the accusative nationality of the noun before it ("an Italian man")
        from marsad.places.countries import by_gentilic as _g

        c = _g(h.key + "ا") or _g(h.key)
        if c is not None and c.iso2 == actor.country and h.key.endswith("يا"):
            return True
    if prev.startswith("لل"):
        prev = "ال" + prev[2:]  # "للسينما السعودية"
    elif prev[:1] in ("و", "ف", "ب", "ك") and prev[1:3] == "ال":
        prev = prev[1:]  # "والشركة السعودية"
    if not h.prefix and prev.startswith("ال") and h.key.startswith("ال"):
        c = by_gentilic(h.key)
        return c is not None and c.iso2 == actor.country
    return False
