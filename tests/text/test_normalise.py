from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalise import normalise, normalise_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد", "احمد"),
        ("إيران", "ايران"),
        ("آلاف", "الاف"),
        ("مستشفى", "مستشفي"),
        ("الحكومة", "الحكومه"),
        ("مسؤول", "مسوول"),
        ("مسئول", "مسيول"),
        ("الطوارىء", "الطواري"),  # hamza after alef maqsura is the same word as "الطوارئ"
        ("الطوارئ", "الطواري"),
        ("بشكلٍ", "بشكل"),
        ("دُمِّر", "دمر"),
        ("عمليـــات", "عمليات"),
        ("٩ أيلول ٢٠١٩", "9 ايلول 2019"),
        ("۱۲۳", "123"),
        ("کرمانشاه گیلان", "كرمانشاه كيلان"),
        ("العربية\u200f.نت", "العربيه.نت"),
        ("حزب  \n الله", "حزب الله"),
        ("ﻻ", "لا"),
        ("ISIS", "isis"),
    ],
)
def test_normalise_maps_variants_to_one_form(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


def test_normalise_offsets_point_back_into_the_original() -> None:
    raw = "قُتِلَ ثلاثـــة مدنيين في البوكمال"
    n = normalise(raw)
    i = n.text.index("البوكمال")
    s, e = n.to_original(i, i + len("البوكمال"))
    assert raw[s:e] == "البوكمال"
    j = n.text.index("ثلاثه")
    s, e = n.to_original(j, j + len("ثلاثه"))
    assert raw[s:e] == "ثلاثـــة"


def test_normalise_key_strips_outer_space() -> None:
    assert normalise_key("  الحشد   الشعبي ") == "الحشد الشعبي"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalise_never_raises_and_offsets_are_monotonic(raw: str) -> None:
    n = normalise(raw)
    offs = n.offsets if n.offsets is not None else list(range(len(n.text)))
    assert len(offs) == len(n.text)
    assert all(0 <= o < len(raw) for o in offs)
    assert all(a <= b for a, b in zip(offs, offs[1:], strict=False))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئء ـًٌٍَُِّْ\u200f٠١٩.،\n")), max_size=60))
def test_normalised_spans_map_to_substrings_that_normalise_back(raw: str) -> None:
    n = normalise(raw)
    for i in range(len(n.text)):
        for j in range(i + 1, min(len(n.text), i + 6) + 1):
            s, e = n.to_original(i, j)
            assert 0 <= s < e <= len(raw)
            # the original substring normalises to the normalised slice (up to spaces)
            assert normalise(raw[s:e]).text.strip(" ") == n.text[i:j].strip(" ")
