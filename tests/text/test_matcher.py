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


def test_matcher_keeps_every_reading_of_one_written_word() -> None:
    # "بانه" is the verb-ish cue بان with the pronoun ه, and also the cue بانه itself:
    # both readings are candidates, and the longer name wins
    m = PhraseMatcher([("بان", "short"), ("بأنه", "long")])
    hits = m.find(normalise("وأضاف بأنه لم يصب أحد").text)
    assert [(h.payloads[0], h.suffix) for h in hits] == [("long", "")]
    cands = {(h.payloads[0], h.suffix) for h in m.iter_candidates(normalise("بأنه").text)}
    assert cands == {("short", "ه"), ("long", "")}


def test_matcher_reads_punctuation_inside_a_name_as_a_word_break() -> None:
    # agency credits are written "د.ب.أ" as often as "د ب أ"
    m = PhraseMatcher([("د ب أ", "dpa")])
    assert [h.payloads[0] for h in m.find(normalise("برلين (د.ب.أ) - قالت الشرطة").text)] == ["dpa"]
    assert m.find(normalise("دبا").text) == []


def test_matcher_short_names_only_as_whole_words() -> None:
    m = PhraseMatcher([("لا", "neg"), ("لم", "neg")], suffixes=frozenset({""}),
                      prefixes=frozenset({"", "و", "ف"}))
    text = normalise("الاحتلال لم ينسحب، ولا يزال قائماً فلا تسوية علماً").text
    assert [text[h.start - len(h.prefix) : h.end] for h in m.find(text)] == ["لم", "ولا", "فلا"]
    # two texts in turn: the cached word mask belongs to the text it was made from
    assert m.find(normalise("لا").text)[0].start == 0
    assert m.find(normalise("قال لا").text)[0].start == 4
