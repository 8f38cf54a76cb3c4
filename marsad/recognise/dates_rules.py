"""Date arithmetic for the time recogniser: how an expression resolves against the
publication date. Pure functions, no regexes (those are in `dates.py`).

Conventions (documented for analysts, ACLED-style):
- precision "day": the day itself; "week": an approximate day within a week of the truth;
  "month": the first day of the month; "year": 1 January of the year.
- "الماضي" (rel = -1) means the latest such day/month strictly before publication;
  "المقبل" (+1) the next one strictly after; "الجاري" (0) the current month/year.
- With no relative word, a bare weekday is the latest such day on or before publication
  and a day-month without a year is the occurrence nearest to publication. A date after
  publication is kept as it is: the event coder decides whether it is a future event.
"""

from __future__ import annotations

import calendar
import datetime as dt

import hijridate

DAY = dt.timedelta(days=1)


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def hijri_to_date(year: int, month: int, day: int) -> dt.date | None:
    """A Hijri (Umm al-Qura) date as a Gregorian date, None outside 1343-1500 AH."""
    try:
        return hijridate.Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_year_of(d: dt.date) -> int | None:
    try:
        return hijridate.Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def weekday_date(published: dt.date, weekday: int, rel: int | None) -> dt.date:
    """The weekday nearest publication in the direction `rel` says."""
    back = (published.weekday() - weekday) % 7
    if rel == 1:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + ahead * DAY
    if rel == -1 and back == 0:
        back = 7
    return published - back * DAY


def month_day_date(
    published: dt.date | None,
    month: int,
    day: int | None,
    year: int | None,
    rel: int | None,
    hijri: bool = False,
) -> dt.date | None:
    """A (day,) month (, year) in either calendar, its year chosen from `rel` when absent."""
    make = hijri_to_date if hijri else safe_date
    if year is not None:
        return make(year, month, day or 1)
    if published is None:
        return None
    base = hijri_year_of(published) if hijri else published.year
    if base is None:
        return None
    cands = [(y, make(y, month, day or 1)) for y in (base - 1, base, base + 1)]
    dated = [(y, c) for y, c in cands if c is not None]
    if not dated:
        return None
    if day is None:  # a whole month: compare month starts with the publication month
        pub_key = published.replace(day=1)
        if hijri:
            h = hijri_start_of_month(published)
            pub_key = h if h is not None else pub_key
    else:
        pub_key = published
    if rel == -1:
        past = [c for _, c in dated if c < pub_key]
        return max(past) if past else None
    if rel == 1:
        future = [c for _, c in dated if c > pub_key]
        return min(future) if future else None
    if rel == 0:
        same = [c for y, c in dated if y == base]
        return same[0] if same else None
    return min((c for _, c in dated), key=lambda c: abs((c - pub_key).days))


def hijri_start_of_month(d: dt.date) -> dt.date | None:
    try:
        h = hijridate.Gregorian(d.year, d.month, d.day).to_hijri()
        return hijridate.Hijri(h.year, h.month, 1).to_gregorian()
    except (ValueError, OverflowError):
        return None


def ago(published: dt.date, unit: str, n: int, more: int = 0) -> dt.date:
    """`n` units before publication ("قبل ثلاثة أيام"); `more` shifts by a day (أكثر من)."""
    if unit == "day":
        return published - (n + more) * DAY
    if unit == "week":
        return published - (7 * n + more) * DAY
    if unit == "month":
        return add_months(published, -n) - more * DAY
    try:
        return published.replace(year=published.year - n)
    except ValueError:  # 29 February
        return dt.date(published.year - n, 2, 28)


#: precision of "n units ago" with a number, and of a vague plural ("قبل أيام")
AGO_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}
VAGUE_PLURAL = {"day": ("week", 3), "week": ("month", 2), "month": ("year", 3)}


def period(published: dt.date, unit: str, rel: int) -> tuple[dt.date, str]:
    """"الأسبوع الماضي", "الشهر الجاري", "العام المقبل": (value, precision)."""
    if unit == "day":
        return published + rel * DAY, "day"
    if unit == "week":
        return published + 7 * rel * DAY, "week"
    if unit == "month":
        return add_months(published.replace(day=1), rel), "month"
    return dt.date(published.year + rel, 1, 1), "year"
