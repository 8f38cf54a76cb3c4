from __future__ import annotations

import datetime as dt
import time

import pytest

from marsad.doc import Doc
from marsad.pipeline import run_pipeline
from marsad.recognise.actors import find

PIPE = ["marsad.text.v1", "marsad.actors.v1", "marsad.places.v1", "marsad.actors.context.v1"]


def actors(text: str, resources, published: dt.date | None = dt.date(2019, 9, 19)):
    doc = run_pipeline(Doc(text=text, published=published), resources, PIPE)
    return [s for s in doc.spans if s.kind == "actor"]


def test_actors_worked_example(seed_text: str, resources) -> None:
    spans = actors(seed_text, resources)
    ids = {s.value.id for s in spans}
    for expected in ("IQ-UAF-pmf", "LB-UAF-hezbollah", "IQ-UAF-kh", "AF-UAF-fatemiyoun",
                     "INT-MIL-coalition", "INT-REB-is", "IQ-P-muhandis", "IL-MIL"):
        assert expected in ids, expected
    names = {s.value.name_en for s in spans}
    assert "Iran-backed militia" in names
    muhandis = next(s for s in spans if s.value.id == "IQ-P-muhandis")
    assert muhandis.value.role == "Deputy head of the Popular Mobilization Forces"
    assert seed_text[muhandis.start:muhandis.end] == "أبو مهدي المهندس"
    for s in spans:
        assert seed_text[s.start:s.end] == s.text
    assert not any(s.text.startswith("محافظ") for s in spans)  # "محافظة" is not "محافظ"+ه
    # "الغارات الجوية "المجهولة"", "لقصف مجهول": the perpetrator is unknown
    unknown = [s for s in spans if s.value.unidentified]
    assert any(s.text.startswith("الغارات الجوية") for s in unknown)
    assert any(s.text == "قصف مجهول" for s in unknown)
    assert all(s.value.name_en == "Unidentified Military Forces" for s in unknown)
    israeli = next(s for s in spans if s.text == "القصف الإسرائيلي")
    assert israeli.value.id == "IL-MIL"


@pytest.mark.parametrize(
    ("text", "span", "name_en", "country", "sector"),
    [
        ("شنت طائرات حربية روسية غارات", "طائرات حربية روسية", "Military Forces of Russia (2000-)", "RU", "MIL"),
        ("انسحبت القوات الأمريكية", "القوات الأمريكية", "Military Forces of the United States", "US", "MIL"),
        ("قالت الحكومة العراقية", "الحكومة العراقية", "Government of Iraq", "IQ", "GOV"),
        ("اعتقلت الشرطة العراقية ثلاثة", "الشرطة العراقية", "Police Forces of Iraq", "IQ", "COP"),
        ("هاجم مسلحون مجهولون في درعا حاجزا", "مسلحون مجهولون", "Unidentified Armed Group (Syria)", "SY", "UAF"),
        ("تتمركز ميليشيات إيرانية قرب الحدود", "ميليشيات إيرانية", "Iran-backed militia", None, "UAF"),
        ("قتل 3 جنود أميركيين", "جنود أميركيين", "Military Forces of the United States", "US", "MIL"),
        # the accusative adjective after an accusative head; an adverbial "إيرانيا" stays out
        ("أن جنديا أميركيا قتل", "جنديا أميركيا", "Military Forces of the United States", "US", "MIL"),
        ("طائرات التحالف فوق صعدة", "طائرات التحالف", "Saudi-led Coalition", None, "MIL"),
        # one alias, two groups: the country the text names decides
        ("هجوم للجان المقاومة الشعبية على مواقع في البيضاء اليمنية", "لجان المقاومة الشعبية",
         "Popular Resistance (Yemen)", "YE", "UAF"),
        ("أطلقت لجان المقاومة الشعبية صواريخ من غزة على إسرائيل", "لجان المقاومة الشعبية",
         "PRC: Popular Resistance Committees", "PS", "REB"),
        # "the rebels" are the Houthis in Yemen, plain rebels of the country elsewhere
        ("اشتباكات مع المتمردين في محافظة تعز اليمنية", "المتمردين", "Ansar Allah (Houthis)", "YE", "REB"),
        ("اشتباكات مع المتمردين في ولاية شمال دارفور السودانية", "المتمردين", "Rebels (Sudan)", "SD", "REB"),
        ("وقال مسلحو حماس", "مسلحو حماس", "Hamas Movement", "PS", "REB"),
        # a country's name after the head owns it ("سفير بولندا"), and its soldiers are its forces
        ("أصيب سفير بولندا أمس", "سفير بولندا", "Government of Poland", "PL", "GOV"),
        ("قتل جنود فرنسا", "جنود فرنسا", "Military Forces of France", "FR", "MIL"),
        # a sound plural keeps its ن and heads no construct: "مسلحون" attacked Egypt
        ("هاجم مسلحون مصر", "مسلحون", "Unidentified Armed Group", None, "UAF"),
        ("خرج متظاهرون فلسطينيون", "متظاهرون فلسطينيون", "Protesters (Palestine)", "PS", "CVL"),
        ("وأكد تنظيم «داعش» مسؤوليته", "داعش", "Islamic State", None, "REB"),
        ("وللحشد الشعبي مواقع", "حشد الشعبي", "Popular Mobilization Forces", "IQ", "UAF"),
    ],
)
def test_actors_composition(resources, text, span, name_en, country, sector) -> None:
    found = {s.text: s.value for s in actors(text, resources)}
    assert span in found, found
    v = found[span]
    assert (v.name_en, v.country, v.sector) == (name_en, country, sector)


@pytest.mark.parametrize(
    "text",
    ["وقالت مصادر عراقية إن", "هبطت الطائرة في المطار", "نظمت مسيرة سلمية", "في القاعدة الجوية",
     "زار وفد محافظة دير الزور", "الجمعية العامة للشركة", "وقال في تصريح صحافي اليوم",
     "درس في جامعة كولومبيا"],
)
def test_actors_not_actors(resources, text) -> None:
    assert actors(text, resources) == []


def test_actors_country_after_preposition_is_a_place(resources) -> None:
    assert [s.text for s in actors("وقعت اشتباكات في العراق", resources)] == ["اشتباكات"] or all(
        s.value.id != "IQ-STATE" for s in actors("وقعت اشتباكات في العراق", resources))
    assert any(s.value.id == "IL-STATE" for s in actors("شنت إسرائيل غارات", resources))


def test_actors_gsr_sentences_find_most_coded_actors(gsr_dev, resources) -> None:
    from marsad.evaluate.actor_spans import evaluate

    figures = evaluate(sorted(gsr_dev.glob("*_spans_dev.json")), resources).to_dict()
    assert figures["gold_actors"] > 500
    assert figures["found_share"] >= 0.80
    assert figures["country_agreement"] >= 0.75
    assert figures["sector_agreement"] >= 0.80


def test_actors_saudinewsnet_offsets_and_speed(saudinewsnet_articles, resources) -> None:
    docs = [run_pipeline(Doc(text=a["content"]), resources, ["marsad.text.v1"]) for a in saudinewsnet_articles]
    resources.get("actors")
    t0 = time.perf_counter()
    total = 0
    for d in docs:
        spans = find(d, resources)
        total += len(spans)
        for s in spans:
            assert d.text[s.start:s.end] == s.text
    elapsed = time.perf_counter() - t0
    assert total > 300
    assert elapsed < 10  # generous: the benchmark, not this test, measures speed


@pytest.mark.parametrize(
    ("text", "span", "actor_id"),
    [
        ("قتل قيادي في حركة حماس", "قيادي في حركة حماس", "PS-REB-hamas"),
        ("بينهم عنصران من الشرطة", "عنصران من الشرطة", "GEN-police"),
        ("وكان من بينهم مسؤولون في حزب الله العراقي", "مسؤولون في حزب الله العراقي", "IQ-UAF-kh"),
        ("نظرا لوجود جنود للجيش الألماني في تركيا", "جنود للجيش الألماني", "DE-MIL"),
        # AFP's "the fighting opposition factions" of Syria
        ("وأمطرت الفصائل المقاتلة المعارضة بلدتين محاصرتين بالقذائف", "الفصائل المقاتلة المعارضة", "SY-REB-opp"),
    ],
)
def test_actors_members_belong_to_the_group(resources, text, span, actor_id) -> None:
    found = {s.text: s.value.id for s in actors(text, resources)}
    assert found.get(span) == actor_id, found


def test_actors_militia_backer_is_not_its_place(resources) -> None:
    spans = actors("الميليشيات المدعومة من إيران تسيطر على بعض المناطق السورية", resources)
    militia = next(s for s in spans if s.text == "الميليشيات")
    assert militia.value.name_en == "Iran-backed militia"
    assert militia.value.country == "SY"
    assert any(a["relation"] == "backed_by" and a["actor"] == "IR-STATE" for a in militia.value.affiliations)


def test_actors_coordinated_countries(resources) -> None:
    assert [s.value.id for s in actors("شنت إسرائيل وتركيا غارات", resources)] == ["IL-STATE", "TR-STATE"]
    spans = actors("وصل مقاتلين من العراق وتونس", resources)
    assert [s.value.country for s in spans] == ["IQ"]  # both countries are places here


def test_actors_dated_english_names_follow_the_article_date(resources) -> None:
    before = actors("قصف الجيش السوري مواقع", resources, published=dt.date(2019, 9, 19))
    after = actors("قصف الجيش السوري مواقع", resources, published=dt.date(2025, 3, 1))
    assert before[0].value.name_en == "Military Forces of Syria (2000-2024)"
    assert after[0].value.name_en == "Military Forces of Syria (2024-)"
    assert before[0].value.id == after[0].value.id == "SY-MIL"


@pytest.mark.parametrize(
    ("text", "span", "kind", "unidentified"),
    [
        ("قتل مسلحين مجهولين شرطيا", "مسلحين مجهولين", "gunmen", True),
        ("شنت طائرات مجهولة غارات", "طائرات مجهولة", "warplanes", True),
        ("هاجم مسلحون حاجزا", "مسلحون", "gunmen", False),
        ("استهدفت طائرة مسيرة سيارة", "طائرة مسيرة", "drone", False),
        ("فرق الأمن المتظاهرين", "المتظاهرين", "protesters", False),
        ("قتل انتحاري عشرة أشخاص", "انتحاري", "suicide_bomber", False),
    ],
)
def test_actors_generic_agents(resources, text, span, kind, unidentified) -> None:
    found = {s.text: s.value for s in actors(text, resources)}
    assert span in found, found
    assert found[span].generic and found[span].kind == kind
    assert found[span].unidentified is unidentified


def test_actors_context_component_uses_the_place_of_the_sentence(resources) -> None:
    """The context component alone, with a place span made by hand (no gazetteer)."""
    from marsad.doc import PlaceValue, Span
    from marsad.recognise.actors import actors_in_context

    text = "هاجم مسلحون مجهولون حاجزا في بلدة الاختبار. وقال الجيش إن"
    doc = run_pipeline(Doc(text=text), resources, ["marsad.text.v1", "marsad.actors.v1"])
    start = text.index("بلدة الاختبار")
    place = PlaceValue(geonameid=None, name_ar="بلدة الاختبار", name_en="Test Town", country="YE",
                       admin1=None, lat=None, lon=None)
    doc.spans.append(Span("place", start, start + len("بلدة الاختبار"), "بلدة الاختبار", place))
    doc = actors_in_context(doc, resources)
    by_text = {s.text: s.value for s in doc.spans if s.kind == "actor"}
    assert by_text["مسلحون مجهولون"].name_en == "Unidentified Armed Group (Yemen)"
    assert by_text["مسلحون مجهولون"].country_source == "place"
    assert by_text["الجيش"].country is None  # another sentence: no place, no country


def test_actors_adverbial_nationality_is_not_the_actors(resources) -> None:
    found = {s.text: s.value for s in actors("تنتشر ميليشيات مدعومة إيرانيا في ريف حلب", resources)}
    assert not any("Iran" in v.name_en and not v.generic for v in found.values()), found


def test_actors_bare_forces_refer_back_to_the_forces_named_before(resources) -> None:
    text = ("أثناء قيام مجموعة من منسوبي قوات الطوارىء الخاصة بمنطقة عسير بأداء صلاة الظهر في "
            "مسجد مقر القوات، حدث تفجير نتج عنه استشهاد 12 من منسوبي القوات.")
    spans = [s for s in actors(text, resources, dt.date(2015, 8, 6)) if s.text.endswith("القوات")]
    assert len(spans) == 2 and all(s.value.sector == "COP" and s.value.country == "SA" for s in spans)


def test_actors_a_security_patrol_is_police(resources) -> None:
    text = "تعرضت إحدى دوريات الأمن أثناء أداء عملها في بلدة الجش بمحافظة القطيف لإطلاق نار من سيارة."
    (s,) = actors(text, resources, dt.date(2015, 7, 29))
    assert s.value.sector == "COP" and s.value.country == "SA"


def test_actors_protesters_are_where_the_text_last_placed_them(resources) -> None:
    text = "آلاف العراقيين في مظاهرة الكهرباء في بغداد. ورفع المتظاهرون شعارات تندد بالفشل الحكومي."
    (s,) = [s for s in actors(text, resources, dt.date(2015, 8, 1)) if s.text == "المتظاهرون"]
    assert s.value.name_en == "Protesters (Iraq)"
