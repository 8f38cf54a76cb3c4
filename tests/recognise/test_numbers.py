"""Number recogniser: values, counted nouns and categories on real sentences."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.doc import Span
from marsad.extract import make_doc
from marsad.recognise import dates, numbers
from marsad.recognise.numbers_words import parse_digits
from marsad.text.component import text_layer


def nums(text: str, resources, published: str | None = "2008-01-10") -> list[Span]:
    doc = text_layer(make_doc(text, published=published), resources)
    doc.spans.extend(dates.find(doc, resources))  # numbers skip what the dates took
    return numbers.find(doc, resources)


def summary(spans: list[Span]) -> list[tuple]:
    return [(s.value.value, s.value.category) for s in spans]


@pytest.fixture(scope="module")
def gsr_rows(gsr_dev) -> dict[str, str]:
    rows: dict[str, str] = {}
    for name in ("assault_gsr_dev.csv", "protest_gsr_dev.csv"):
        with open(gsr_dev / name, encoding="utf-8") as fh:
            rows.update({r["id"]: r["text"] for r in csv.DictReader(fh)})
    return rows


def test_numbers_worked_example_storeys_are_not_a_toll(seed_text, resources):
    spans = nums(seed_text, resources, "2019-09-19")
    storeys = [s for s in spans if s.text == "5"]
    assert storeys and storeys[0].value.category == "unit"
    assert seed_text[storeys[0].value.counted_start : storeys[0].value.counted_end] == "طوابق"
    assert not [s for s in spans if s.value.category == "killed"]
    # "9 أيلول" is a date, not a count
    assert "9" not in [s.text for s in spans]


@pytest.mark.parametrize(
    ("gsr_id", "expected"),
    [
        # (100 كلم شمال شرقي بغداد) ... مقتل عشرة اشخاص على الاقل
        ("AAW_ARB_20071208.0036-23", [(100, "unit"), (10, "killed")]),
        ("AAW_ARB_20071231.0003-1", [(2, "killed")]),  # مقتل جنديين
        ("AAW_ARB_20070811.0003-7", [(15, "killed")]),  # بمقتل زهاء 15 مسلحا
        ("AAW_ARB_20070419.0012-16", [(4, "killed"), (6, "injured")]),
        ("AAW_ARB_20070317.0048-19", [(30, "kidnapped")]),  # اختطاف 30 فردا
        ("AAW_ARB_20080803.0045-3", [(3, "injured")]),  # اصابة ثلاثة من عناصر الجيش
        ("AAW_ARB_20080822.0027-9", [(59, "killed")]),
        ("AAW_ARB_20080710.0037-81", [(3500, "unit"), (4, "other")]),  # 3500 كيلومتر, شهاب 4
        ("AAW_ARB_20070107.0016-1", [(1, "killed")]),  # مقتل أحد المارة
        # اعتقال ثلاثة عناصر ... وراح ضحيته أكثر من 20 جنديا
        ("AAW_ARB_20070115.0049-7", [(3, "arrested"), (20, "killed")]),
        ("AAW_ARB_20061217.0040-21", [(40, "unit"), (4, "injured")]),
        # مقتل ثلاثة أشخاص وإصابة ستة آخرين بجروح: "بجروح" belongs to the six
        ("AAW_ARB_20070417.0014-6", [(100, "unit"), (3, "killed"), (6, "injured")]),
        ("AAW_ARB_20071219.0043-3", [(4, "killed"), (7, "injured")]),  # no counted noun
        ("AAW_ARB_20071230.0043-5", [(70, "killed"), (47, "killed")]),  # أسيراً توفوا
    ],
)
def test_numbers_gsr_sentences(gsr_id, expected, gsr_rows, resources):
    spans = nums(gsr_rows[gsr_id], resources, f"{gsr_id[8:12]}-{gsr_id[12:14]}-{gsr_id[14:16]}")
    assert summary(spans) == expected


def test_numbers_toll_links_counted_noun(gsr_rows, resources):
    text = gsr_rows["AAW_ARB_20071208.0036-23"]
    toll = [s for s in nums(text, resources) if s.value.category == "killed"][0]
    assert toll.text == "عشرة" and toll.value.counted == "اشخاص"
    assert text[toll.value.counted_start : toll.value.counted_end] == "اشخاص"
    assert toll.value.approximate  # على الاقل


@pytest.mark.parametrize(
    ("text", "value", "approximate", "category"),
    [
        ("مقتل خمسة وعشرين شخصا", 25, False, "killed"),
        ("تظاهر ثلاثمائة طالب", 300, False, "people"),
        ("خسائر بقيمة ألفين وخمسمائة دولار", 2500, False, "unit"),
        ("لقي 4 أشخاص حتفهم", 4, False, "killed"),
        ("اعتصم عشرات المواطنين", 10, True, "people"),
        ("شارك حوالي 15 ألف متظاهر", 15000, True, "people"),
        ("مقتل ما لا يقل عن 34 شخصا", 34, True, "killed"),
        ("سقوط 3 قتلى", 3, False, "killed"),
        ("العثور على 12 جثة", 12, False, "killed"),
        ("أكثر من 30 جريحا", 30, True, "injured"),
        ("أسفر عن قتيلين", 2, False, "killed"),
        ("حكم عليه بالسجن 30 عاما", 30, False, "unit"),
        ("بنسبة 21% تقريبا", 21, True, "unit"),
        ("نزح عشرات الآلاف من اللاجئين", 10000, True, "people"),
        ("أطلقت عشرات الصواريخ", 10, True, "other"),
        ("سقوط 3 صواريخ", 3, False, "other"),
        ("بقيمة 2,4 مليار يورو", 2_400_000_000, False, "unit"),
        ("قتل ١٢ شخصا", 12, False, "killed"),  # Arabic-Indic digits
        # a verb after the counted noun that could also open a toll ("قتلوا 5") still closes this one
        ("إن 12 شخصا على الأقل قتلوا اليوم", 12, True, "killed"),
        # "one of": a noun with a possessive or with a definite complement follows أحد
        ("مما نتج عنه استشهاد أحد أفرادها وإصابة زميله", 1, False, "killed"),
        ("وأسفر الانفجار عن مقتل أحد أفراد الشرطة في العريش", 1, False, "killed"),
    ],
)
def test_numbers_values_and_categories(text, value, approximate, category, resources):
    (span,) = nums(text, resources)
    assert (span.value.value, span.value.approximate, span.value.category) == (
        value, approximate, category)


@pytest.mark.parametrize(
    "text",
    ["لم يصب أحد بأذى", "لم يصب أحد من الركاب", "في عام 2015 زار الرياض", "اتصل على 10:30 صباحا",
     # a number that names a list or a resolution counts nothing
     "كشفت الشرطة تفاصيل مقتل مطلوب القائمة 23 بالقطيف", "تنفيذا للقرار 2216 الصادر عن مجلس الأمن"],
)
def test_numbers_not_counts(text, resources):
    assert [s for s in nums(text, resources) if s.value.category != "unit"] == []


def test_numbers_parse_digits():
    assert parse_digits("1,500") == 1500
    assert parse_digits("2.5") == 2.5
    assert parse_digits("1,2,3") is None


def test_numbers_saudinewsnet_no_year_or_unit_tolls(saudinewsnet_articles, resources):
    """On real articles, tolls are never tied to a unit noun, and years are not counts."""
    tolls = 0
    for art in saudinewsnet_articles[:150]:
        text = art["content"]
        for s in nums(text, resources, art["date_extracted"][:10]):
            assert text[s.start : s.end] == s.text
            if s.value.category == "killed":
                tolls += 1
                assert s.value.counted not in ("طوابق", "كلم", "كيلومترا", "عاما", "دولار")
            if s.text.isdigit() and len(s.text) == 4 and 1990 <= int(s.text) <= 2016:
                assert s.value.counted is not None, s.text
    assert tolls >= 10


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="مقتلعشرةاشخاصوخمسينألفجنديين0123456789.,% ٠١٢ من", max_size=80))
def test_numbers_never_raise(text):
    from marsad.resources import default_resources

    for s in nums(text, default_resources()):
        assert 0 <= s.start <= s.end <= len(text)
        assert s.value.value is None or s.value.value >= 0
