"""Recogniser: time expressions, resolved against the publication date.

Word lists (months of both naming systems and the Hijri calendar, weekdays, deictic and
relative words) are data in `marsad/data/lexicons/`; this module compiles them once into a
few regexes over the normalised text (the resource "time_grammar") and resolves each match
with the rules in `dates_rules.py`. Overlapping matches: the longest wins, so
"يوم الخميس 9 يوليو 2015" is one date, not three.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from marsad.doc import Doc, Span, TimeValue
from marsad.recognise import dates_rules as R
from marsad.recognise import make_span
from marsad.recognise.wordlists import (
    B0,
    B1,
    PREFIX,
    Anchored,
    Anchors,
    Scan,
    alternation,
    lexicon,
    norm,
)
from marsad.registry import component, resource
from marsad.resources import Resources

COMPONENT = "marsad.dates.v1"

#: words that license a bare month name or a bare year ("في مارس", "منذ 2011")
_MONTH_CUES = frozenset(
    norm(w)
    for w in (
        "في خلال منذ حتى مطلع منتصف أواخر أوائل نهاية بداية قبل بعد وفي وخلال ومنذ أشهر "
        "لأشهر شهري"
    ).split()
)
_LAST = frozenset(norm(w) for w in ("الأخير", "الأخيرة", "الأخيرين"))


@dataclass(frozen=True)
class TimeGrammar:
    """Compiled time patterns and the word tables their groups are looked up in."""

    months: dict[str, tuple[int, bool, bool]]  # word -> (month, hijri, ambiguous)
    weekdays: dict[str, int]
    deictic: dict[str, int]
    rel: dict[str, int]
    units: dict[str, tuple[str, str]]  # word -> (day|week|month|year, sg|dual|pl)
    numbers: dict[str, int]
    ordinals: dict[str, int]  # "الثالث" -> 3 (day of the month)
    not_weekday_before: frozenset[str]
    not_today_before: frozenset[str]
    not_today_after: frozenset[str]
    anchors: Anchors  # each pattern runs only around its anchor words
    month_re: Anchored
    weekday_re: Anchored
    deictic_re: Anchored
    ago_re: Anchored
    period_re: Anchored
    year_re: Anchored
    numeric_re: Anchored


@resource("time_grammar")
def load_time_grammar(resources: Resources) -> TimeGrammar:
    months = {
        norm(r["name"]): (int(r["month"]), r["system"] == "hijri", r["ambiguous"] == "1")
        for r in lexicon("months.tsv")
    }
    weekdays = {norm(r["name"]): int(r["weekday"]) for r in lexicon("weekdays.tsv")}
    words = lexicon("time_words.tsv")
    deictic = {norm(r["word"]): int(r["value"]) for r in words if r["kind"] == "deictic"}
    deictic[norm("الأمس")] = -1
    parts = [r["word"] for r in words if r["kind"] == "part"]
    rel = {norm(r["word"]): int(r["value"]) for r in words if r["kind"] == "rel"}
    units = {norm(r["word"]): (r["value"], r["number"]) for r in words if r["kind"] == "unit"}
    def kind(k: str) -> frozenset[str]:
        return frozenset(norm(r["word"]) for r in words if r["kind"] == k)

    ordinals = {norm(r["word"]): int(r["value"]) for r in words if r["kind"] == "ordinal"}
    numbers = {
        norm(r["word"]): int(r["value"])
        for r in lexicon("number_words.tsv")
        if r["kind"] in ("unit", "ten", "teen")
    }
    MON, WD, REL = alternation(months), alternation(weekdays), alternation(rel)
    PART, DX, UNIT, NUM = (
        alternation(parts),
        alternation(deictic),
        alternation(units),
        alternation(numbers),
    )
    year = r"(?P<year>\d{4})(?!\d)(?:\s*(?P<hsuf>ه|م)(?!\w))?"
    weekday_lead = rf"(?:(?:يوم\s+)?(?P<wd>{WD})\s*,?\s*(?:الموافق\s+)?)?"
    pair = rf"(?:\s*(?:/|\(|-|–)\s*(?P<mon2>{MON})\s*\)?)?"
    month_re = (
        rf"{B0}{PREFIX}(?:(?P<part>{PART})\s+)?{weekday_lead}"
        rf"(?:(?P<day>\d{{1,2}})(?!\d)\s*(?:من\s+)?|(?P<oday>{alternation(ordinals)})\s+من\s+)?"
        rf"(?:(?P<shahr>شهر)\s+)?(?P<mon>{MON})"
        rf"{pair}(?:\s*,?\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?{year})?"
        rf"(?:\s+(?:من\s+)?(?P<yr>العام\s+|السنه\s+)?(?P<rel>{REL}))?{B1}"
    )
    weekday_re = (
        rf"{B0}{PREFIX}(?:(?P<part>{PART})\s+)?(?:(?P<yawm>يوم)\s+)?(?P<wd>{WD})"
        rf"(?:(?:\s*[-–/]\s*|\s+(?:الي\s+|و)?)(?P<wd2>{WD}))?(?:\s+(?P<rel>{REL}))?{B1}"
    )
    deictic_re = (
        rf"{B0}{PREFIX}(?:(?P<part>{PART})\s+)?(?P<dx>{DX})(?:\s*(?P<par>\()?\s*(?P<wd>{WD})"
        rf"(?(par)\s*\)))?"
        rf"(?:\s+(?P<rel>{REL}))?{B1}"
    )
    ago_re = (
        rf"{B0}{PREFIX}(?P<ago>قبل|منذ)\s+(?:(?P<mod>اكثر من|ما يزيد عن|ما يزيد علي|اقل من|"
        rf"نحو|حوالي|قرابه|ما يقارب|زهاء)\s+)?(?:(?P<num>\d{{1,3}}|{NUM})\s+)?(?P<unit>{UNIT})"
        rf"{B1}(?!\s*\d)(?!\s+(?:{WD}|{MON}){B1})"
    )
    period_units = [w for w, (u, n) in units.items() if not (u == "day" and n != "pl")]
    PUNIT = alternation("ال" + w for w in period_units)
    period_re = (
        rf"{B0}{PREFIX}(?:(?P<this>هذا|هذه)\s+)?(?P<punit>{PUNIT})"
        rf"(?:\s+(?P<rel>{REL}|{alternation(_LAST)}))?{B1}"
    )
    year_re = (
        rf"{B0}{PREFIX}(?:(?P<c1>{alternation(_MONTH_CUES)})\s+)?"
        rf"(?:(?P<c2>عام|العام|سنه|السنه)\s+)?{year}"
    )
    numeric_re = (
        rf"{B0}{PREFIX}{weekday_lead}"
        r"(?<![\d/.])(?:(?P<d>\d{1,2})(?P<sep>\s?/\s?|[.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
        r"|(?P<y2>\d{4})(?P<sep2>\s?/\s?|[.-])(?P<m2>\d{1,2})(?P=sep2)(?P<d2>\d{1,2}))"
        r"(?![\d/])(?:\s*(?P<hsuf>ه|م)(?!\w))?"
    )
    anchors = Anchors()
    specs = (
        anchors.add(re.compile(month_re), months, 70, 70),
        anchors.add(re.compile(weekday_re), weekdays, 30, 40),
        anchors.add(re.compile(deictic_re), deictic, 25, 30),
        anchors.add(re.compile(ago_re), ("قبل", "منذ"), 3, 60),
        anchors.add(re.compile(period_re), ["ال" + w for w in period_units], 8, 20),
        anchors.add(re.compile(year_re), (), 25, 10, digits=True),
        anchors.add(re.compile(numeric_re), (), 30, 15, digits=True),
    )
    return TimeGrammar(
        months, weekdays, deictic, rel, units, numbers, ordinals,
        kind("not_weekday_before"), kind("not_today_before"), kind("not_today_after"),
        anchors.build(),
        *specs,
    )


# --- helpers ------------------------------------------------------------------------------

_PREV_WORD = re.compile(r"(\w+)\W*$")


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 25), pos)
    return m.group(1) if m else ""


_NEXT_WORD = re.compile(r"\s*(\w+)")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def _plausible_year(year: int, hijri: bool) -> bool:
    return 1300 <= year <= 1500 if hijri else 1800 <= year <= 2100


Candidate = tuple[int, int, TimeValue]


def _months(g: TimeGrammar, scan: Scan, pub: dt.date | None) -> list[Candidate]:
    text = scan.text
    # [start, end, month, hijri, day, year (0: relative to an unknown publication date),
    #  rel, joined by و, licensed, year relative to publication]
    found: list[list] = []
    for m in scan.finditer(g.month_re):
        month, hijri, ambiguous = g.months[m["mon"]]
        day = int(m["day"]) if m["day"] else g.ordinals.get(m["oday"]) if m["oday"] else None
        year = int(m["year"]) if m["year"] else None
        rel = g.rel.get(m["rel"]) if m["rel"] else None
        if m["hsuf"] == "ه":
            hijri = True
        start = min(
            m.start(k)
            for k in ("part", "wd", "day", "oday", "shahr", "mon")
            if m[k] is not None
        )
        year_rel = False
        if m["yr"] and rel is not None and year is None:
            # "فبراير من العام الماضي": the year is relative, not the month
            base = (R.hijri_year_of(pub) if hijri else pub.year) if pub is not None else None
            year, rel, year_rel = (base + rel if base else 0), None, True
        licensed = True
        if day is None and year is None and not m["shahr"] and rel is None:
            if ambiguous:
                continue
            licensed = m["mon2"] is not None or _prev_word(text, start) in _MONTH_CUES
        if day is not None and not 1 <= day <= 31:
            continue
        if year and not _plausible_year(year, hijri):
            continue
        found.append(
            [start, m.end(), month, hijri, day, year, rel, m.start() < start, licensed, year_rel]
        )
    # "في يناير وفبراير من العام الماضي", "لأشهر إبريل ومايو ويونيو 2015م": a month joined
    # by و to the next one takes its year, and one licensed month licenses the others
    for i in range(len(found) - 2, -1, -1):
        cur, nxt = found[i], found[i + 1]
        if nxt[7] and text[cur[1] : nxt[0]].strip() == "و":
            if cur[5] is None and cur[6] is None:
                cur[5], cur[6], cur[9] = nxt[5], nxt[6], nxt[9]
            cur[8] = cur[8] or nxt[8]
    for i in range(1, len(found)):
        prev, cur = found[i - 1], found[i]
        if cur[7] and text[prev[1] : cur[0]].strip() == "و":
            cur[8] = cur[8] or prev[8]
    out: list[Candidate] = []
    for s, e, month, hijri, day, year, rel, _, licensed, year_rel in found:
        if not licensed:
            continue
        value = None if year == 0 else R.month_day_date(pub, month, day, year, rel, hijri)
        precision = "day" if day is not None else "month"
        out.append((s, e, TimeValue(value, precision, relative=year is None or year_rel)))
    return out


def _weekdays(g: TimeGrammar, scan: Scan, pub: dt.date | None) -> list[Candidate]:
    text = scan.text
    out: list[Candidate] = []
    for m in scan.finditer(g.weekday_re):
        start = min(m.start(k) for k in ("part", "yawm", "wd") if m[k] is not None)
        if m["part"] is None and m["yawm"] is None and (
            _prev_word(text, start) in g.not_weekday_before
        ):
            continue
        rel = g.rel.get(m["rel"]) if m["rel"] else None
        value = end = None
        if pub is not None:
            if m["wd2"]:
                end = R.weekday_date(pub, g.weekdays[m["wd2"]], rel)
                span_days = (g.weekdays[m["wd2"]] - g.weekdays[m["wd"]]) % 7
                value = end - span_days * R.DAY
            else:
                value = R.weekday_date(pub, g.weekdays[m["wd"]], rel)
        out.append((start, m.end(), TimeValue(value, "day", end, relative=True)))
    return out


def _deictics(g: TimeGrammar, scan: Scan, pub: dt.date | None) -> list[Candidate]:
    text = scan.text
    out: list[Candidate] = []
    for m in scan.finditer(g.deictic_re):
        dx = m["dx"]
        start = m.start("part") if m["part"] else m.start("dx")
        offset = g.deictic[dx]
        rel = g.rel.get(m["rel"]) if m["rel"] else None
        end = m.end()
        if dx in ("اليوم", "الليله", "امس"):
            if _prev_word(text, start) in g.not_today_before:
                continue
            nxt = _next_word(text, m.end())
            if m["wd"] is None and rel is None and (nxt.startswith("ال") or nxt in g.not_today_after):
                continue  # "اليوم الوطني", "في أمس الحاجة", "اليوم ذاته": not a date
            if dx == "الليله" and rel == -1:
                offset = -1
        if rel is not None and dx != "الليله":
            end = m.end("wd") if m["wd"] else m.end("dx")
        value = pub + offset * R.DAY if pub is not None else None
        if value is not None and m["wd"]:
            # "اليوم (الاثنين)": the named weekday nearest the deictic day wins (feeds often
            # carry the crawl date rather than the publication date)
            back = (value.weekday() - g.weekdays[m["wd"]]) % 7
            fwd = value + (7 - back) * R.DAY if back else value
            if back > 3 and (offset > 0 or fwd <= pub):
                value = fwd
            else:
                value = value - back * R.DAY
        out.append((start, end, TimeValue(value, "day", relative=True)))
    return out


def _agos(g: TimeGrammar, scan: Scan, pub: dt.date | None) -> list[Candidate]:
    out: list[Candidate] = []
    for m in scan.finditer(g.ago_re):
        unit, number = g.units[m["unit"]]
        more = 1 if m["mod"] in ("اكثر من", "ما يزيد عن", "ما يزيد علي") else 0
        more = -1 if m["mod"] == "اقل من" else more
        n: int | None
        if m["num"]:
            n = int(m["num"]) if m["num"].isdigit() else g.numbers.get(m["num"])
        elif number == "dual":
            n = 2
        elif number == "sg":
            n = 1
        else:
            n = None
        if n is None:
            if unit not in R.VAGUE_PLURAL:
                continue  # "منذ سنوات": too vague to place
            precision, n = R.VAGUE_PLURAL[unit]
            if more:
                more = 0
        else:
            precision = R.AGO_PRECISION[unit]
            if unit == "day" and (m["mod"] or n > 3):
                precision = "week"
        value = R.ago(pub, unit, n, more) if pub is not None else None
        start = m.start("ago")
        out.append((start, m.end(), TimeValue(value, precision, relative=True)))  # type: ignore[arg-type]
    return out


def _periods(g: TimeGrammar, scan: Scan, pub: dt.date | None) -> list[Candidate]:
    out: list[Candidate] = []
    for m in scan.finditer(g.period_re):
        if m["rel"] is None and m["this"] is None:
            continue
        unit, number = g.units[m["punit"][2:]]
        rel = 0 if m["this"] else g.rel.get(m["rel"], -1)
        start = m.start("this") if m["this"] else m.start("punit")
        value: dt.date | None = None
        if number == "pl":
            if unit not in R.VAGUE_PLURAL or rel != -1:
                continue
            precision, n = R.VAGUE_PLURAL[unit]
            if pub is not None:
                value = R.ago(pub, unit, n)
        else:
            precision = {"week": "week", "month": "month", "year": "year"}.get(unit, "day")
            if pub is not None:
                value, precision = R.period(pub, unit, rel)
        out.append((start, m.end(), TimeValue(value, precision, relative=True)))  # type: ignore[arg-type]
    return out


def _years(g: TimeGrammar, scan: Scan, pub: dt.date | None) -> list[Candidate]:
    out: list[Candidate] = []
    for m in scan.finditer(g.year_re):
        if not (m["c1"] or m["c2"] or m["hsuf"]):
            continue
        year, hijri = int(m["year"]), m["hsuf"] == "ه"
        if not _plausible_year(year, hijri):
            continue
        value = R.hijri_to_date(year, 1, 1) if hijri else dt.date(year, 1, 1)
        start = m.start("c2") if m["c2"] else m.start("year")
        out.append((start, m.end(), TimeValue(value, "year")))
    return out


def _numeric(g: TimeGrammar, scan: Scan, pub: dt.date | None) -> list[Candidate]:
    out: list[Candidate] = []
    for m in scan.finditer(g.numeric_re):
        if m["y"]:
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        else:
            y, mo, d = int(m["y2"]), int(m["m2"]), int(m["d2"])
        hijri = m["hsuf"] == "ه" or 1300 <= y <= 1500
        if not (1 <= mo <= 12 and 1 <= d <= 31 and _plausible_year(y, hijri)):
            continue
        value = R.hijri_to_date(y, mo, d) if hijri else R.safe_date(y, mo, d)
        if value is None:
            continue
        start = m.start("wd") if m["wd"] else m.start("d" if m["y"] else "y2")
        out.append((start, m.end(), TimeValue(value, "day")))
    return out


_PUB_MIN, _PUB_MAX = dt.date(1100, 1, 1), dt.date(9000, 12, 31)
_FINDERS = (_months, _numeric, _years, _weekdays, _deictics, _agos, _periods)


def find(doc: Doc, resources: Resources) -> list[Span]:
    """Time expressions in `doc`, each resolved against `doc.published`."""
    assert doc.norm is not None, "the text layer must run before the recognisers"
    g: TimeGrammar = resources.get("time_grammar")
    pub = doc.published
    if pub is not None and not _PUB_MIN <= pub <= _PUB_MAX:
        pub = None  # a nonsense publication date anchors nothing (and cannot overflow)
    scan = g.anchors.scan(doc.norm.text)
    cands = [c for f in _FINDERS for c in f(g, scan, pub)]
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[Candidate] = []
    for c in cands:
        if all(c[1] <= s or e <= c[0] for s, e, _ in taken):
            taken.append(c)
    taken.sort(key=lambda c: c[0])
    spans = [make_span(doc, s, e, "time", v, COMPONENT) for s, e, v in taken]
    for sp in spans:  # "1436هـ": keep the tatweel the normalised text dropped
        while sp.end < len(doc.text) and doc.text[sp.end] == "\u0640":
            sp.end += 1
            sp.text = doc.text[sp.start : sp.end]
    return spans


@component(COMPONENT)
def recognise_dates(doc: Doc, resources: Resources) -> Doc:
    doc.spans.extend(find(doc, resources))
    return doc
