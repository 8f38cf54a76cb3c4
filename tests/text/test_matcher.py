from __future__ import annotations

import pytest

from marsad.text.matcher import PhraseMatcher
from marsad.text.normalise import normalise

MATCHER = PhraseMatcher(
    [
        ("البوكمال", "bukamal"),
        ("الحشد الشعبي", "pmf"),
        ("العربية.نت", "alarabiya"),
        ("داعش", "is"),
        ("حزب الله", "hezbollah"),
        ("الحكومة العراقية", "iraq-gov"),
        ("حمص", "homs"),
    ]
)


def ids(text: str) -> list[str]:
    return [h.payloads[0] for h in MATCHER.find(normalise(text).text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصف في بالبوكمال", ["bukamal"]),
        ("وصل إلى البوكمال أمس", ["bukamal"]),
        ("وللحشد الشعبي مواقع", ["pmf"]),
        ("قالت مصادر لـ\"العربية.نت\"", ["alarabiya"]),
        ("مقاتلو داعش وبداعش ولداعش", ["is", "is", "is"]),
        ("عناصر حزب الله اللبناني", ["hezbollah"]),
        ("قالت الحكومة العراقية", ["iraq-gov"]),
        ("حكومتها", []),
        ("قصفت حمص ومدينة حمصية", ["homs"]),  # حمصية is another word
        ("الحمصي", []),
        ("محمصة", []),
    ],
)
def test_matcher_handles_clitics_and_refuses_partial_words(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_matcher_prefers_the_longest_name() -> None:
    m = PhraseMatcher([("حزب الله", "hzb"), ("حزب الله العراقي", "kh")])
    hits = m.find(normalise("مسؤولون في حزب الله العراقي").text)
    assert [h.payloads[0] for h in hits] == ["kh"]


def test_matcher_open_ta_marbuta_needs_a_suffix() -> None:
    m = PhraseMatcher([("حكومة", "gov")])
    assert [h.payloads[0] for h in m.find(normalise("حكومتها وحكومة").text)] == ["gov", "gov"]
    assert m.find(normalise("حكومت").text) == []
