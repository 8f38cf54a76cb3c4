"""Event families and modality on real Arabic news sentences (Asharq al-Awsat style).

The rule coder alone (no learned gate) so that these test the rules themselves.
"""

from __future__ import annotations

import pytest

import marsad
from marsad.resources import Resources

RULES = Resources(options={"event_model": None})


def events(text: str, published: str = "2008-01-10"):
    return marsad.extract(text, published=published, resources=RULES).events


def asserted(text: str):
    return [e for e in events(text) if e.modality == "asserted"]


def asserted_on(text: str, published: str):
    return [e for e in events(text, published) if e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("قال مصدر في الشرطة، ان شخصا قتل واصيب اربعة في انفجار سيارة مفخخة متوقفة بالقرب من محطة كهرباء في حي القاهرة شمال شرق بغداد.", "Remote explosive/landmine/IED"),
        ("الى ذلك، قال مصدر أمني إن انتحاريا يقود سيارة مفخخة فجر نفسه قرب مقر للصحوة في منطقة العامرية بعد ظهر أمس مما أسفر عن مقتل اثنين.", "Suicide bomb"),
        ("شنت طائرات حربية غارات جوية على مواقع للمسلحين في ريف إدلب أمس.", "Air/drone strike"),
        # what aircraft destroy they destroy by striking
        ("ونجحت طائرات التحالف العربي أمس في تدمير مواقع للحوثيين في منطقة رأس عيسى شمال مدينة الحديدة.", "Air/drone strike"),
        ("وسقطت قذائف هاون على حي سكني في بغداد صباح أمس.", "Shelling/artillery/missile attack"),
        ("كما اختطف مسلحون 15 شخصا في نقطة تفتيش وهمية وسط بغداد.", "Abduction/forced disappearance"),
        ("وأوضحت المصادر أن مسلحين مجهولين اغتالوا العميد جبار مساعد، مدير استخبارات الشرطة الوطنية في البصرة.", "Attack"),
        ("ودارت اشتباكات عنيفة بين الجيش ومسلحين في مدينة الموصل أمس.", "Armed clash"),
        # the shooters between the verb and "النار": "أطلق مسلحون مجهولون النار على"
        ("أطلق مسلحون مجهولون النار على جندي سعودي في مدينة القطيف أمس.", "Armed clash"),
        ("وألقت قوات الأمن القبض على ثلاثة مشتبه بهم في بغداد أمس.", "Arrests"),
        ("وتجمع مئات المتظاهرين امام مبنى مجلس محافظة كركوك وسط المدينة، مطالبين الحكومة بالتدخل.", "Peaceful protest"),
        ("وفرقت الشرطة المتظاهرين بالغاز المسيل للدموع بعد ان تظاهر المئات في وسط القاهرة أمس.", "Protest with intervention"),
        ("ورشق المحتجون الشرطة بالحجارة وأحرقوا إطارات في أعمال شغب بالعاصمة أمس.", "Violent demonstration"),
        ("أعلنت الدفاعات الجوية السعودية أنها اعترضت صاروخا باليستيا أطلق من اليمن باتجاه جازان.", "Disrupted weapons use"),
        # a bomb found or made safe never went off
        ("وفككت قوات الأمن عبوة ناسفة زرعت على جانب الطريق في الرمادي أمس.", "Disrupted weapons use"),
        ("وضبطت قوات الأمن عبوة ناسفة قبل انفجارها في الرمادي أمس.", "Disrupted weapons use"),
        # sorties that kill are air strikes
        ("وأوضح البيان أن طيران التحالف الدولي نفذ 15 طلعة جوية في محافظة الأنبار أمس أسفرت عن قتل 25 من عناصر تنظيم داعش.", "Air/drone strike"),
        # "dozens of the rockets" is indefinite: a barrage, not "the rockets" told before
        ("وأطلقت سرايا القدس عشرات الصواريخ على البلدات الإسرائيلية المحيطة بقطاع غزة فجر أمس.", "Shelling/artillery/missile attack"),
        # an attempt is an event: the bomb went off, the target survived
        ("نجا محافظ ديالى من محاولة اغتيال بسيارة مفخخة استهدفت موكبه في بعقوبة أمس.", "Remote explosive/landmine/IED"),
    ],
)
def test_coder_families_on_real_sentences(text: str, sub_event_type: str) -> None:
    subs = [e.sub_event_type for e in asserted(text)]
    assert sub_event_type in subs, subs


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("ونفت الشرطة وقوع أي انفجار في المدينة أمس.", "negated"),
        ("وأحبطت قوات الأمن محاولة تفجير سيارة مفخخة في بعقوبة أمس.", "negated"),
        # a tally over months is no single new event
        ("وقال المرصد إن غارات التحالف قتلت 3042 من عناصر التنظيم في سوريا خلال 10 أشهر.", "historical"),
        ("وهدد التنظيم بشن هجمات انتحارية على القوات الأميركية في بغداد.", "future"),
        ("ومن المقرر أن تنظم المعارضة مظاهرة كبرى في القاهرة يوم الجمعة.", "future"),
        ("وقال مسؤولون أمريكيون أمس إن الولايات المتحدة قررت السماح بضربات جوية للدفاع عن المعارضين السوريين.", "future"),
        # a goal is not an event
        ("وأعلن رئيس الأركان أن استعادة السيطرة على العاصمة صنعاء على رأس أولويات القوات الحكومية.", "future"),
        ("وإذا شنت إسرائيل غارات على غزة فإن الرد سيكون قاسيا.", "hypothetical"),
        # قد + an imperfect light verb before the trigger: "may"
        ("وأعلن ضابط كبير في الجيش الاسرائيلي أن حكومته قد تشن هجمات على مسلحين في سيناء.", "hypothetical"),
        ("وأكد الضابط أن تنظيم داعش في سيناء قد يحاول الهجوم على إسرائيل.", "hypothetical"),
        ("وكانت الحركة قد خطفت عشرات العاملين الاجانب خلال سلسلة هجمات في يناير عام 2006.", "historical"),
        # a toll over a list of governorates is a summary
        ("ولفت المرصد إلى مقتل 2927 على الأقل من تنظيم داعش جراء غارات التحالف على مقار التنظيم في محافظات حماه وحلب وحمص والحسكة.", "historical"),
        # an intention to hold a sit-in
        ("وأعلنت قوى المعارضة عزمها تنفيذ اعتصام مفتوح في ساحة الشهداء ببيروت.", "future"),
        # competing for control is a goal, not a takeover
        ("وتدعم الميليشيات المسلحة حكومتين تتنافسان على السيطرة على العاصمة طرابلس منذ أشهر.", "future"),
    ],
)
def test_coder_modality_on_real_sentences(text: str, modality: str) -> None:
    evs = events(text)
    assert evs, "a mention must still be found"
    assert not [e for e in evs if e.modality == "asserted"]
    assert modality in {e.modality for e in evs}


@pytest.mark.parametrize("text", ["وتضمن الحفل فقرة ألعاب النار على المسرح.",
                                  "ويعتبر الشاعر أشهر من النار على العلم."])
def test_coder_fire_on_a_stage_is_no_shooting(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "احتجت مصر رسمياً أمس لدى إيران على تصريحات مسؤول إيراني.",
        "أعربت الحكومة عن احتجاجها على اعتقال الصحفي في بغداد أمس.",
        "وسلمت الخارجية السفير مذكرة احتجاج في القاهرة أمس.",
    ],
)
def test_coder_statement_of_protest_is_not_a_protest(text: str) -> None:
    assert not [e for e in asserted(text) if e.plover["type"] == "PROTEST"]


def test_coder_people_voicing_their_protest_in_the_street_are_a_protest() -> None:
    text = "وخرج مئات المتظاهرين في البصرة أمس للتعبير عن احتجاجهم على انقطاع الكهرباء."
    assert [e.sub_event_type for e in asserted(text)] == ["Peaceful protest"]


def test_coder_an_arrest_protested_against_is_not_an_intervention() -> None:
    text = "وتظاهر مئات الطلاب احتجاجا على اعتقال الصحفي في بغداد أمس."
    protests = [e.sub_event_type for e in asserted(text) if e.plover["type"] == "PROTEST"]
    assert protests == ["Peaceful protest"]


def test_coder_toll_is_killed_only() -> None:
    text = "أعلنت مصادر امنية مقتل جنديين عراقيين ومدني واصابة عشرة اشخاص اثر انفجار سيارة مفخخة في بغداد."
    ev = [e for e in asserted(text) if e.plover["type"] == "ASSAULT"][0]
    assert ev.fatalities.value == 3
    assert ev.injuries.value == 10


def test_coder_storeys_are_not_a_toll() -> None:
    text = "وأدت الغارة الى تدمير المبنى المؤلف من 5 طوابق في مدينة الرقة أمس."
    for e in asserted(text):
        assert e.fatalities.value is None


def test_coder_events_serialise_to_the_contract() -> None:
    doc = marsad.extract("قتل ثلاثة مدنيين في قصف مدفعي على حي سكني في حلب أمس.", published="2015-08-01", resources=RULES)
    out = doc.to_dict()
    ev = out["events"][0]
    for key in ("id", "event_type", "sub_event_type", "plover", "date", "location", "actor1",
                "assoc_actor_1", "actor2", "assoc_actor_2", "perpetrator_status", "attributions",
                "fatalities", "sources", "outlet", "modality", "evidence", "confidence", "notes_en"):
        assert key in ev
    assert 0 <= ev["confidence"] <= 1
    assert ev["notes_en"].startswith(("On ", "Around "))


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # no perpetrator named: ACLED's generic actor1 in the event's country, not nothing
        ("وسقطت قذائف هاون على حي سكني في بغداد صباح أمس.", "Unidentified Armed Group (Iraq)"),
        ("وتجمع مئات المتظاهرين امام مبنى مجلس محافظة كركوك وسط المدينة.", "Protesters (Iraq)"),
        ("شنت طائرات حربية غارات جوية على مواقع للمسلحين في ريف إدلب أمس.", "Unidentified Military Forces"),
        # a named perpetrator is kept
        ("ودارت اشتباكات عنيفة بين الجيش العراقي ومسلحين في مدينة الموصل أمس.", "Military Forces of Iraq"),
    ],
)
def test_coder_unnamed_perpetrator_gets_acled_generic_actor(text: str, actor1: str) -> None:
    (e,) = asserted(text)
    assert e.actor1 is not None and e.actor1.name_en.startswith(actor1)
    if e.actor1.generic:
        assert e.perpetrator_status == "unknown"
        assert text[e.actor1.start : e.actor1.end] == e.actor1.text  # evidence: the trigger


@pytest.mark.parametrize(
    ("text", "published", "actor1"),
    [
        ("وشنت طائرات التحالف غارات على مواقع للحوثيين في صعدة أمس.", "2016-05-02", "Saudi-led Coalition"),
        ("وشنت طائرات التحالف غارات على مواقع لتنظيم داعش في الرقة أمس.", "2016-05-02", "International Coalition"),
    ],
)
def test_coder_the_coalition_is_the_one_fighting_where_the_strike_is(text: str, published: str,
                                                                      actor1: str) -> None:
    (e,) = [e for e in events(text, published) if e.sub_event_type == "Air/drone strike"]
    assert e.actor1 is not None and e.actor1.name_en.startswith(actor1)


def test_coder_fire_from_across_the_border_is_by_a_group_of_that_country() -> None:
    text = ("وأعلنت وزارة الداخلية أن مركزا لحرس الحدود في منطقة نجران تعرض أمس لقذائف "
            "من داخل الأراضي اليمنية، ما أدى إلى مقتل جندي.")
    (e,) = asserted(text)
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert e.actor1 is not None and e.actor1.name_en == "Unidentified Armed Group (Yemen)"
    assert "الأراضي اليمنية" in e.actor1.text
    assert e.location is not None and e.location.country == "SA"


def test_coder_the_ministry_is_not_a_visit() -> None:
    # "وزارة" normalises to و + زار (visited) + ه: a whole-word stoplist keeps it out
    text = "وأعلنت وزارة الداخلية السعودية أمس عن خطة جديدة لتنظيم حركة المرور في الرياض."
    assert [e for e in events(text) if e.plover["type"] == "CONSULT" or e.sub_event_type == "Other"] == []
    visit = "وزار قائد فيلق القدس الإيراني مدينة حلب أمس والتقى قادة الميليشيات هناك."
    assert any(e.plover["type"] == "CONSULT" for e in events(visit))


@pytest.mark.parametrize(
    "text",
    [
        # diplomacy and official tours: ACLED codes none of them
        "الجبير في الدوحة\n\nوصل وزير الخارجية عادل الجبير إلى الدوحة أمس في زيارة رسمية لدولة قطر.",
        "نائب وزير الصحة في جازان\n\nأكد نائب وزير الصحة أمس أثناء زيارته لمستشفيات الشريط "
        "الحدودي بجازان أن الكوادر مؤهلة.",
        # an invitation to visit is no visit
        "ولد الشيخ في الرياض\n\nوتلقى المبعوث الأممي أمس دعوة لزيارة محافظة عدن بعد تحريرها من "
        "ميليشيات الحوثي للوقوف على حجم الدمار.",
    ],
)
def test_coder_official_visits_and_invitations_are_no_event(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "CONSULT"] == []


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("بارزاني يتوقع تحرير سنجار\n\nتوقع رئيس إقليم كردستان مسعود بارزاني تحرير بقية مناطق "
         "سنجار من تنظيم داعش قريبا.", "ASSAULT"),
        ("البشير في موريتانيا\n\nغادر الرئيس السوداني عمر البشير الخرطوم أمس متوجها إلى نواكشوط "
         "رغم مذكرة اعتقال المحكمة الجنائية الدولية.", "COERCE"),
    ],
)
def test_coder_expectations_and_warrants_are_no_event(text: str, ptype: str) -> None:
    assert ptype not in [e.plover["type"] for e in asserted(text)]


@pytest.mark.parametrize(
    "text",
    [
        "مدني جدة يسيطر على حريق بمستودع في حي السلامة\n\nتمكنت فرق الدفاع المدني بجدة أمس من "
        "السيطرة على حريق شب بمستودع في حي السلامة، ولم يسفر عن إصابات.",
        "اختراق مواقع منظمة أمريكية\n\nأعلنت منظمة أمريكية أمس أن متسللين اقتحموا مواقعها "
        "الإلكترونية في ثاني هجوم إلكتروني تتعرض له هذا الأسبوع.",
        "حطام الطائرة يصل ريونيون\n\nجرفت الأمواج أمس مزيدا من الحطام المعدني إلى شواطئ جزيرة "
        "ريونيون في المحيط الهندي، وتحفظت الشرطة عليه.",
        "مقال: الفساد والسينما\n\nفي وقت يعم الفساد أجهزة الدولة، بات الفساد مرادفا للسرقة ونهب "
        "ثروات المجتمع في المنطقة.",
        "كيري في القاهرة\n\nوأكد وزير الخارجية الأمريكي في القاهرة أمس أن تنظيم داعش يؤثر سلبا "
        "على أمن كثير من الدول.",
        "أوباما في نيروبي\n\nأبقي المتفرجون على بعد مئات الأمتار بمعاونة رجال أمن يحملون أسلحة "
        "آلية، فقد سيطرت عليهم مشاعر إثارة بالغة في نيروبي أمس.",
    ],
)
def test_coder_fires_hackers_waves_wealth_and_feelings_are_no_event(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"
            or e.sub_event_type == "Looting/property destruction"] == []


@pytest.mark.parametrize(
    ("text", "strike"),
    [
        ("أضرب مئات الأسرى الفلسطينيين عن الطعام في سجون الاحتلال.", True),
        ("وأضرب المعلمون أمس في المدارس الحكومية في عمان.", True),
        ("فأضربوا عن الدراسة ثلاثة أيام احتجاجا على الرسوم.", True),
        # the imperative of ضرب (hit) is spelt the same once normalised: no strike
        ("وقال الوزير: اضرب بيد من حديد على كل من يعبث بأمن الوطن.", False),
    ],
)
def test_coder_a_strike_needs_what_it_stops_or_who_strikes(text: str, strike: bool) -> None:
    assert any(e.sub_event_type == "Peaceful protest" for e in asserted(text)) == strike


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # هاجم is as often an attack in words: a person, a policy or a decision as its object
        ("هاجم وزير الخارجية السابق سياسة الحكومة الجديدة في مقابلة تلفزيونية أمس.", False),
        ("وهاجمت النائبة المعارضة قرار وزير التعليم بإلغاء الامتحانات في عمان.", False),
        # armed men, a checkpoint or positions make it an attack
        ("هاجم مسلحون مجهولون نقطة تفتيش للشرطة في مدينة العريش مساء الأحد.", True),
        ("وهاجمت الميليشيات مواقع الجيش في ريف حلب الشمالي فجر اليوم.", True),
    ],
)
def test_coder_an_attack_verb_needs_arms_a_target_or_a_toll(text: str, attack: bool) -> None:
    assert any(e.plover["type"] == "ASSAULT" for e in asserted("أخبار\n\n" + text)) == attack


@pytest.mark.parametrize(
    ("title", "actor1", "actor2"),
    [
        # the genitive of the masdar استهداف is what was targeted
        ("استهداف رجال الأمن في العريش أمس", "Unidentified Armed Group (Egypt)", "Police Forces of Egypt"),
        ("استهداف دورية أمنية غرب العريش أمس", "Unidentified Armed Group (Egypt)", "Police Forces of Egypt"),
        # unless the target follows with لـ: then the genitive did it
        ("مقتل 3 أشخاص باستهداف داعش لمسجد في العريش", "Islamic State", "Civilians (Egypt)"),
    ],
)
def test_coder_the_genitive_of_targeting_is_its_target(title: str, actor1: str, actor2: str) -> None:
    (e,) = asserted_article(title + "\n\nوقالت مصادر محلية إن الحادث وقع مساء أمس.")
    assert (e.actor1.name_en, e.actor2.name_en) == (actor1, actor2)


def test_coder_who_hunts_the_doers_did_not_do_it() -> None:
    text = ("إصابة طفلة برصاصة طائشة في مسقط\n\nأصيبت طفلة سعودية برصاصة طائشة في مسقط يوم الخميس. "
            "وأشاد والدها بجهود الشرطة العمانية في القبض على المتسبب في إطلاق النار على الطفلة أمس.")
    attacks = [e for e in asserted_article(text) if e.plover["type"] == "ASSAULT"]
    assert attacks and all(e.actor1 is None or e.actor1.sector != "COP" for e in attacks)


def test_coder_a_dash_closes_an_aside_as_a_comma_does() -> None:
    text = ("أخبار\n\nتعرض حاجز للشرطة لإطلاق نار في مدينة العريش أمس، ما أدى إلى مقتل شرطي "
            "-رحمه الله- كما ألقت قوات الأمن القبض على ثلاثة مشتبه بهم.")
    (arrest,) = [e for e in asserted_article(text) if e.sub_event_type == "Arrests"]
    assert arrest.actor1 is not None and arrest.actor1.name_en == "Police Forces of Egypt"
    assert arrest.actor2 is None or arrest.actor2.sector != "COP"


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # كان opening the clause, a past verb, no date: background told in the pluperfect
        ("وكانت قوات الأمن ألقت القبض على ثلاثة مشتبه بهم في مدينة الرياض.", "historical"),
        # a date says when: the date decides
        ("وكانت قوات الأمن قد ألقت القبض أمس على ثلاثة مشتبه بهم في مدينة الرياض.", "asserted"),
        # كان is the reporting verb's: what it reports is the news
        ("وكانت قناة محلية ذكرت أن مسلحين هاجموا مركزا للشرطة في مدينة العريش.", "asserted"),
        # the scene is background, what broke into it (فـ) is the news
        ("وكان عمال يزيلون الركام في مدينة رفح فانفجر صاروخ قديم ما أدى إلى مقتل ثلاثة منهم.", "asserted"),
    ],
)
def test_coder_the_pluperfect_tells_background(sentence: str, modality: str) -> None:
    (e,) = [e for e in events("أخبار\n\n" + sentence) if e.modality != "hypothetical"]
    assert e.modality == modality


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # the masdar of self-immolation, as a verb tells it ("أقدم على")
        ("أقدم شاب على إحراق نفسه أمام مقر الولاية في مدينة القصرين أمس احتجاجا على البطالة.", "asserted"),
        # "did not hesitate to": a negation that asserts
        ("لم يتردد الشاب في إحراق نفسه أمام مقر الولاية في القصرين أمس.", "asserted"),
        ("هدد عامل بإحراق نفسه إذا لم تصرف رواتبه.", "future"),
    ],
)
def test_coder_self_immolation(sentence: str, modality: str) -> None:
    (e,) = events("أخبار\n\n" + sentence)
    assert (e.sub_event_type, e.modality) == ("Peaceful protest", modality)


def test_coder_qama_tells_an_act_eight_words_on() -> None:
    text = ("أخبار\n\nوقام المحتجون من عمال شركة الإسمنت الوطنية في المدينة بنصب خيامهم أمام مقر "
            "الوزارة في عمان أمس.")
    assert [e.sub_event_type for e in asserted(text)] == ["Peaceful protest"]


def test_coder_a_withdrawal_needs_an_armed_actor() -> None:
    text = ("بكين تستضيف الألعاب الشتوية\n\nتنافست بكين وألماتي بعد انسحاب جميع المدن الأوروبية "
            "الأخرى التي تقدمت بطلباتها وهي ستوكهولم (السويد) وأوسلو (النرويج).")
    assert [e for e in asserted(text) if e.plover["type"] == "RETREAT"] == []


def test_coder_an_injury_from_an_electric_shock_is_an_accident() -> None:
    text = ("مهاجر في باريس\n\nأصيب شاب مصري بجروح خطيرة في باريس أمس إثر تعرضه لصدمة كهربائية "
            "أثناء محاولته ركوب قطار متجه إلى بريطانيا.")
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []


def test_coder_border_guards_take_the_country_of_their_post() -> None:
    text = ("وأعلنت وزارة الداخلية أن مركزا لحرس الحدود في منطقة نجران تعرض أمس لقذائف "
            "من داخل الأراضي اليمنية، ما أدى إلى مقتل جندي.")
    (e,) = asserted(text)
    assert e.actor2 is not None and e.actor2.country == "SA" and e.actor2.sector == "COP"


def test_coder_actors_between_suffer_and_the_attack_are_its_targets() -> None:
    text = ("وتتعرض المواقع التي يتحصن فيها مقاتلو حركة حماس في شمال قطاع غزة لقصف "
            "إسرائيلي عنيف منذ صباح أمس.")
    (e,) = asserted(text)
    assert e.actor2 is not None and e.actor2.name_en.startswith("Hamas")


def test_coder_strikes_are_not_the_ones_who_withdraw() -> None:
    text = "وأدت الغارات الجوية أمس إلى انسحاب مقاتلي تنظيم داعش من عدة مواقع في ريف الرقة."
    (w,) = [e for e in events(text, "2016-05-02") if e.sub_event_type == "Non-violent transfer of territory"]
    assert w.actor1 is not None and w.actor1.name_en == "Islamic State"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("وشنت طائرات حربية غارات إسرائيلية على مواقع في جنوب لبنان فجر اليوم.", "Military Forces of Israel"),
        ("قتل خمسة مدنيين في قصف روسي على ريف إدلب أمس.", "Military Forces of Russia"),
        # where the fire came from is not whose it was; a bomb's nationality names no one
        ("قتل جندي جراء مقذوف عسكري من الأراضي اليمنية سقط على نجران أمس.", "Unidentified Armed Group (Yemen)"),
        ("قتل ثلاثة أشخاص في انفجار عبوة ناسفة عراقية الصنع في سوق ببغداد أمس.", "Unidentified Armed Group (Iraq)"),
    ],
)
def test_coder_nationality_of_the_attack_names_the_forces(text: str, actor1: str) -> None:
    (e,) = [e for e in asserted(text) if e.plover["type"] == "ASSAULT"]
    assert e.actor1 is not None and e.actor1.name_en.startswith(actor1)
    assert e.perpetrator_status == ("unknown" if e.actor1.generic else "known")


@pytest.mark.parametrize(
    "text",
    [
        # the protest is told elsewhere: these elaborate it and report nothing new
        "وأكد المتظاهرون خلال الكلمات التي ألقاها ممثلو النقابات أن المظاهرة سلمية.",
        "ورفع المتظاهرون لافتات تطالب بتحسين الأجور.",
        # "where students gathered" sets the scene of the bombing told before
        "ووقع الانفجار ظهر أمس في حديقة المركز الثقافي في بلدة سروج حيث تجمع طلاب متطوعون للمشاركة في إعادة إعمار كوباني.",
    ],
)
def test_coder_a_sentence_that_only_refers_back_reports_no_event(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "PROTEST"] == []


def test_coder_a_definite_protest_with_its_place_and_day_is_reported() -> None:
    text = "وتواصلت الاحتجاجات أمس في مدينة سيدي بوزيد وسط تونس."
    assert [e.plover["type"] for e in asserted(text)] == ["PROTEST"]


def test_coder_a_pronoun_ties_a_later_detail_to_the_event_told_before() -> None:
    text = ("وزار قائد فيلق القدس قاسم سليماني مدينة حلب أمس. "
            "وكانت آخر زيارة له يوم 3 آذار/مارس الماضي، بحسب مصادر محلية.")
    visits = [e for e in events(text, "2016-05-02") if e.sub_event_type == "Other"]
    # today's visit; the earlier one, known only through "له", never stands alone unnamed
    assert [(e.date.value.isoformat(), e.actor1 is not None) for e in visits] == [("2016-05-01", True)]


def test_coder_a_recap_from_weeks_back_is_background() -> None:
    text = ("شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء أمس. "
            "وقصفت طائرات التحالف المدينة في أيار/مايو الماضي مما أدى الى مقتل عشرة مدنيين.")
    evs = events(text, "2015-07-26")
    assert [(e.modality, e.date.value.isoformat()) for e in evs] == [
        ("asserted", "2015-07-25"), ("historical", "2015-05-01")]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a chronology's entry opens with its date and tells the event
        ("* 14 فبراير (شباط) 2005: اغتيال رئيس الوزراء اللبناني الأسبق رفيق الحريري بتفجير شاحنة مفخخة في بيروت.", "historical"),
        ("ـ 12 ديسمبر (كانون الأول) 2005: مقتل النائب جبران تويني في انفجار سيارة مفخخة في المكلس.", "historical"),
        # the same past event named inside a sentence about something else is only referred
        # to, and referred-to events are not output
        ("وطالب النواب بكشف الحقيقة كاملة في اغتيال الحريري بتفجير في بيروت في 14 فبراير 2005.", None),
    ],
)
def test_coder_a_chronology_entry_tells_its_past_event(text: str, modality: str | None) -> None:
    assert {e.modality for e in events(text, "2006-11-22")} == ({modality} if modality else set())


def test_coder_a_background_strike_does_not_merge_into_todays_report() -> None:
    text = ("وقال متحدث باسم القوات الجوية إن سلاح الجو قصف تمركزات للمسلحين في بنغازي. "
            "وكانت الطائرات الحربية قد قصفت المدينة في آذار/مارس الماضي.")
    evs = [e for e in events(text, "2015-07-25") if e.sub_event_type == "Air/drone strike"]
    # today's undated strike keeps the article's date; March is a separate, background event
    assert sorted((e.modality, e.date.value.month) for e in evs) == [("asserted", 7), ("historical", 3)]


def test_coder_the_claimant_is_never_also_the_target() -> None:
    text = ("ارتفعت حصيلة ضحايا الهجوم الذي نفذ بسيارة مفخخة في سوق شعبية بمحافظة صلاح الدين "
            "الخميس إلى 40 قتيلا وأعلن تنظيم داعش مسؤوليته عن الهجوم.")
    (e,) = asserted(text)
    assert e.perpetrator_status == "claimed"
    assert e.actor1 is not None and e.actor1.name_en == "Islamic State"
    assert e.actor2 is None or e.actor2.id != e.actor1.id


def test_coder_the_dateline_is_not_where_the_attack_happened() -> None:
    text = ("واس- الرياض: صرح المتحدث الأمني لوزارة الداخلية بأنه تعرض مركز حدودي بقطاع "
            "ظهران الجنوب لقذائف عسكرية من داخل الأراضي اليمنية صباح اليوم.")
    (e,) = asserted(text)
    assert e.location is not None and e.location.name_en == "Dhahran al-Janub"


def test_coder_a_state_is_not_the_target_of_its_own_police() -> None:
    text = "واعتقلت الشرطة البحرينية عددا من المشتبه بهم في التفجير الذي استهدف البحرين الثلاثاء."
    arrests = [e for e in asserted(text) if e.sub_event_type == "Arrests"]
    assert [e.actor1.name_en for e in arrests] == ["Police Forces of Bahrain"]
    assert arrests[0].actor2 is None or arrests[0].actor2.country != "BH" or arrests[0].actor2.kind != "state"


def test_coder_a_state_s_forces_are_external_only_abroad() -> None:
    home = asserted("استشهد جندي سعودي في هجوم مسلح على نقطة تفتيش في مدينة القطيف أمس.")
    abroad = asserted("شنت القوات السعودية غارات على مواقع الحوثيين في صعدة اليمنية أمس.")
    assert [(e.actor2.id, e.actor2.inter) for e in home] == [("SA-MIL", 1)]  # at home
    assert [(e.actor1.id, e.actor1.inter) for e in abroad] == [("SA-MIL", 8)]


def test_coder_notes_read_as_a_sentence_when_no_target_is_known() -> None:
    (e,) = events("ودارت اشتباكات عنيفة في مدينة الموصل أمس.", "2015-07-29")
    assert e.actor2 is None
    assert e.notes_en == ("On 28 July 2015, Unidentified Armed Group (Iraq) clashed in Mosul (IQ). "
                          "No fatalities reported.")


def test_coder_students_who_demonstrate_march_beside_the_protesters() -> None:
    text = "وتظاهر مئات الطلاب أمام مبنى وزارة التعليم في القاهرة أمس."
    (e,) = events(text, "2015-07-29")
    assert e.sub_event_type == "Peaceful protest"
    assert e.actor1.name_en == "Protesters (Egypt)"
    assert [a.name_en for a in e.assoc_actor_1] == ["Students (Egypt)"]
    assert e.actor2 is None


def test_coder_a_claim_told_in_a_later_sentence_names_the_perpetrator() -> None:
    text = ("مقتل جنود في هجوم على حاجز للجيش في العريش\n"
            "قتل أربعة جنود مصريين في هجوم مسلح استهدف حاجزا للجيش في مدينة العريش بشمال سيناء أمس.\n"
            "وأعلن تنظيم ولاية سيناء مسؤوليته عن الهجوم في بيان على الإنترنت.")
    doc = marsad.extract(text, published="2015-07-29", title_first_line=True, resources=RULES)
    (e,) = [e for e in doc.events if e.modality == "asserted"]
    assert e.perpetrator_status == "claimed"
    assert e.actor1.name_en == "Islamic State (Sinai Province)"
    assert e.actor2 is not None and e.actor2.name_en == "Military Forces of Egypt"  # "حاجزا للجيش": the target
    assert e.fatalities.value == 4 and len(e.evidence) == 3


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # the ministry tells of the bombing; it did not carry it out
        ("وقالت وزارة الداخلية التركية إن انتحاريا فجر نفسه وسط حشد في بلدة سوروج أمس.", None),
        ("وأكد مسؤولون أمنيون أن مسلحين هاجموا نقطة تفتيش في بعقوبة أمس.", "Unidentified Armed Group (Iraq)"),
        # "أنه": the speaker is also the one who shelled
        ("وأكد الجيش الليبي أنه قصف مواقع المسلحين في درنة أمس.", "Military Forces of Libya"),
    ],
)
def test_coder_the_speaker_of_a_report_is_not_its_perpetrator(text: str, actor1: str | None) -> None:
    (e,) = [e for e in events(text, "2015-07-29") if e.plover["type"] == "ASSAULT"]
    if actor1 is None:
        assert e.actor1 is None or "Ministry" not in e.actor1.name_en
    else:
        assert e.actor1 is not None and e.actor1.name_en.startswith(actor1)


def test_coder_those_killed_in_an_attack_are_its_targets() -> None:
    text = "أعلنت وزارة الداخلية البحرينية أن شرطيين قتلا في تفجير استهدف دورية في سترة أمس."
    (e,) = [e for e in events(text, "2015-07-29") if e.modality == "asserted"]
    assert e.actor2 is not None and e.actor2.name_en == "Police Forces of Bahrain"
    assert e.actor1 is not None and e.actor1.name_en == "Unidentified Armed Group (Bahrain)"


def test_coder_an_actor_is_named_once_in_one_role() -> None:
    (e,) = events("واشتبكت قوات الأمن مع مسلحين في مدينة الرمادي أمس.", "2015-07-29")
    roles = [a.name_en for a in (e.actor1, e.actor2, *e.assoc_actor_1) if a is not None]
    assert len(roles) == len(set(roles)), roles


def test_coder_those_hit_before_a_cause_word_are_targets_not_perpetrators() -> None:
    text = ("وأفادت مصادر محلية امس بسقوط قتلى وجرحى من مسلحي جماعة الحوثي وقوات صالح جراء ثلاث "
            "غارات لطيران التحالف العربي على وادي دوفس في محافظة أبين.")
    (e,) = [e for e in events(text, "2015-07-26") if e.sub_event_type == "Air/drone strike"]
    assert e.actor1 is not None and e.actor1.name_en == "Saudi-led Coalition"
    hit = [a.name_en for a in (e.actor2, *e.assoc_actor_2) if a is not None]
    assert any("Houthi" in n for n in hit) and any("Saleh" in n for n in hit), hit


def test_coder_a_shared_unit_name_takes_the_country_of_the_text() -> None:
    text = ("وذكرت مصادر محلية أن اشتباكات عنيفة اندلعت بين مليشيات الحوثي وجنود الحرس الجمهوري "
            "في مدينة زنجبار بمحافظة أبين جنوبي اليمن.")
    (e,) = [e for e in asserted(text) if e.sub_event_type == "Armed clash"]
    sides = [a.country for a in (e.actor1, e.actor2) if a is not None]
    assert sides == ["YE", "YE"], sides


def test_coder_a_base_that_is_struck_is_not_a_base_established() -> None:
    subs = [e.sub_event_type for e in events("غارات على قاعدة عسكرية للحوثيين بزنجبار", "2015-08-06")]
    assert "Headquarters or base established" not in subs
    assert "Air/drone strike" in subs



def test_coder_protesters_are_of_the_town_they_gather_in_not_of_their_cause() -> None:
    text = ("قال شاهد عيان إن الشرطة التركية أطلقت مدافع المياه لتفريق نحو ألف متظاهر تجمعوا في "
            "العاصمة أنقرة للاحتجاج على الضربات العسكرية في سوريا وشمال العراق.")
    (e,) = asserted_on(text, "2015-07-25")
    assert e.actor1 is not None and e.actor1.name_en == "Protesters (Turkey)"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # an armed subject right after the kill verb, its object right after it
        ("وقتلت قوات الأمن السورية ثلاثة متظاهرين في درعا أمس.", "Police Forces of Syria", "Protesters (Syria)"),
        ("وقتل مسلحون مجهولون جنديا في الموصل أمس.", "Unidentified Armed Group (Iraq)", "Military Forces of Iraq"),
        # the same with "هجوم" leading the mention: a nominative plural after "قتل" is its subject
        ("قتل مسلحون خمسة مدنيين في هجوم على سوق شعبي في مدينة العريش أمس.",
         "Unidentified Armed Group (Egypt)", "Civilians (Egypt)"),
        # the passive: the soldiers were killed
        ("قتل ثلاثة جنود عراقيين في هجوم بالموصل أمس.", "Unidentified Armed Group (Iraq)", "Military Forces of Iraq"),
        # who announces the deaths did not cause them, nor did an army its own men's
        ("وأعلنت وزارة الداخلية مقتل شرطيين في هجوم بالعريش أمس.", "Unidentified Armed Group (Egypt)", "Police Forces of Egypt"),
        ("وأعلنت وزارة الداخلية أمس الخميس مقتل شرطيين في هجوم بالعريش.", "Unidentified Armed Group (Egypt)", "Police Forces of Egypt"),
        ("أعلن الجيش مقتل جنديين اثنين في الموصل أمس.", "Unidentified Armed Group (Iraq)", "Military Forces of Iraq"),
        # the announcer's adjectives between it and the deaths
        ("وأعلن مسؤولون محليون عراقيون اليوم مقتل أربعة مدنيين بانفجار عبوة ناسفة في سوق بمدينة الرمادي.",
         "Unidentified Armed Group (Iraq)", "Civilians (Iraq)"),
        # but an army announcing the deaths of gunmen killed them
        ("أعلن الجيش مقتل 20 مسلحا في الموصل أمس.", "Military Forces of Iraq", "Unidentified Armed Group (Iraq)"),
        # a count and a partitive do not part the victims from the killing word
        ("استشهد اثنان من رجال الشرطة البحرينية في تفجير إرهابي بمنطقة سترة أمس.",
         "Unidentified Armed Group (Bahrain)", "Police Forces of Bahrain"),
        # the owner of the positions struck
        ("ونجحت طائرات التحالف العربي أمس في تدمير بعض المواقع للحوثيين في منطقة رأس عيسى شمال مدينة "
         "الحديدة.", "Saudi-led Coalition", "Ansar Allah (Houthis)"),
        # a headline's "تفجير انتحاري" names the bomber, who gives way to the victims
        ("12 قتيلاً على الأقل في تفجير انتحاري بشمال العراق\n\nقال مسؤول محلي إن 12 شخصًا على الأقل "
         "قتلوا أمس، عندما هاجم انتحاريان حمام سباحة مزدحمًا في بلدة طوز خورماتو.",
         "Unidentified Armed Group (Iraq)", "Civilians (Iraq)"),
        # a group adjective on the weapon names who fired it, not who was hit
        ("استشهاد جندي سعودي وإصابة آخر بمقذوفات حوثية سقطت على مركز حدودي بمحافظة الطوال في منطقة "
         "جازان أمس.", "Ansar Allah (Houthis)", "Military Forces of Saudi Arabia"),
        # a verb whose object is a pronoun: the group after it is its subject
        ("وعثر على جثث ثلاثة جنود قتلهم مسلحو تنظيم داعش في الموصل أمس.", "Islamic State",
         "Military Forces of Iraq"),
        # the dead before a passive kill verb are the victims
        ("وأوضحت مصادر يمنية أن 3 حوثيين على الأقل قتلوا في هجوم للجان المقاومة الشعبية على نقطة "
         "للمتمردين في مديرية الشرية بمحافظة البيضاء أمس.", "Popular Resistance (Yemen)", "Ansar Allah (Houthis)"),
    ],
)
def test_coder_who_killed_whom(text: str, actor1: str, actor2: str) -> None:
    (e,) = asserted_on(text, "2012-01-10")
    assert e.actor1 is not None and e.actor1.name_en.startswith(actor1), e.actor1
    assert e.actor2 is not None and e.actor2.name_en.startswith(actor2), e.actor2


def test_coder_a_numeral_after_a_dual_restates_the_count() -> None:
    (e,) = asserted_on("أعلن الجيش مقتل جنديين اثنين في الموصل أمس.", "2012-01-10")
    assert e.fatalities.value == 2


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "actor2"),
    [
        # the force that met the protest is actor2, even from another clause
        ("قال شاهد عيان إن الشرطة التركية أطلقت مدافع المياه لتفريق نحو ألف متظاهر تجمعوا في "
         "العاصمة أنقرة.", "Protest with intervention", "Protesters (Turkey)", "Police Forces of Turkey"),
        ("وفرقت الشرطة المصرية المتظاهرين بالغاز المسيل للدموع بعد ان تظاهر المئات في وسط القاهرة "
         "أمس.", "Protest with intervention", "Protesters (Egypt)", "Police Forces of Egypt"),
        # lethal force: the force is actor1, the protesters its victims, the deaths in one event
        ("وأطلقت قوات الأمن السودانية الرصاص على متظاهرين يعارضون تشييد سد على نهر النيل مما أدى "
         "الى مقتل أربعة منهم أمس.", "Excessive force against protesters", "Police Forces of Sudan",
         "Protesters (Sudan)"),
    ],
)
def test_coder_sides_of_a_protest_met_by_force(text: str, sub_event_type: str, actor1: str,
                                                actor2: str) -> None:
    (e,) = asserted_on(text, "2012-01-10")
    assert e.sub_event_type == sub_event_type
    assert e.actor1 is not None and e.actor1.name_en.startswith(actor1), e.actor1
    assert e.actor2 is not None and e.actor2.name_en.startswith(actor2), e.actor2


def test_coder_a_count_among_the_dead_is_not_added_to_it() -> None:
    text = ("قتل 57 شخصا بينهم 12 طفلا وأصيب نحو 225 آخرون بينهم 25 امرأة في قصف بصواريخ "
            "الكاتيوشا استهدف أحياء سكنية في مدينة تعز اليمنية أمس.")
    (e,) = asserted_on(text, "2015-07-20")
    assert e.fatalities.value == 57
    assert e.injuries.value == 225


@pytest.mark.parametrize(
    "text",
    [
        "وقال التنظيم في بيان إن جنوده فجروا سيارة مفخخة مركونة على تجمع لعناصر الحشد في منطقة "
        "الشرطة الرابعة جنوب غرب بغداد أمس.",
        # the gathering is the object of the attack verb
        "قتل 12 شخصا في تفجير انتحاري استهدف تجمعا لناشطين في بلدة سروج التركية أمس.",
    ],
)
def test_coder_a_gathering_that_is_bombed_is_no_protest(text: str) -> None:
    subs = {e.sub_event_type for e in events(text, "2015-07-24")}
    assert not subs & {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}, subs


def test_coder_the_claimant_is_the_group_named_before_its_claim() -> None:
    text = ("أعلن تنظيم داعش أمس الخميس مسؤوليته عن هجوم انتحاري تم تنفيذه بسيارة ملغومة في حي "
            "يغلب الشيعة على سكانه ببغداد وسقط فيه 20 قتيلاً على الأقل.")
    (e,) = asserted_on(text, "2015-07-24")
    assert e.actor1 is not None and e.actor1.name_en == "Islamic State"
    assert e.perpetrator_status == "claimed"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2", "assoc1"),
    [
        ("قالت مصادر طبية إن شخصين قتلا أمس في اشتباكات في وسط مدينة بنغازي بين قوات الحكومة "
         "التي يوجد مقرها في شرق ليبيا ومقاتلين إسلاميين.", "Military Forces of Libya",
         "Unidentified Armed Group (Libya)", None),
        ("وقالت المصادر إن اشتباكات عنيفة اندلعت أمس بين الحوثيين وقوات صالح من جهة، والمقاومة "
         "الشعبية من جهة أخرى في جبهة عكد بمحافظة أبين.", "Ansar Allah (Houthis)",
         "Popular Resistance (Yemen)", "Forces loyal to Ali Abdullah Saleh"),
    ],
)
def test_coder_the_sides_of_a_clash_between_two_parties(text: str, actor1: str, actor2: str,
                                                         assoc1: str | None) -> None:
    (e,) = [e for e in asserted_on(text, "2015-07-24") if e.sub_event_type == "Armed clash"]
    assert e.actor1 is not None and e.actor1.name_en.startswith(actor1), e.actor1
    assert e.actor2 is not None and e.actor2.name_en.startswith(actor2), e.actor2
    if assoc1:
        assert assoc1 in [a.name_en for a in e.assoc_actor_1]


@pytest.mark.parametrize(
    ("text", "assoc1"),
    [
        ("وتظاهر أنصار حزب الله في بيروت أمس.", ["Hezbollah"]),
        # the families of the abducted protest; their grievance is no new abduction
        ("نفذت العشرات من الأسر اليمنية وأهالي المختطفين وقفة احتجاجية صباح أمس أمام فندق شيراتون "
         "وسط صنعاء، للتنديد باختطاف ذويهم وإخفائهم في سجون الميليشيات.", None),
    ],
)
def test_coder_the_protesters_are_actor1_of_a_protest(text: str, assoc1: list[str] | None) -> None:
    (e,) = asserted_on(text, "2015-08-06")
    assert e.sub_event_type == "Peaceful protest"
    assert e.actor1 is not None and e.actor1.name_en.startswith("Protesters (")
    if assoc1:
        assert [a.name_en for a in e.assoc_actor_1] == assoc1


def test_coder_nationals_in_a_demonstration_march_in_it() -> None:
    text = "آلاف العراقيين في مظاهرة الكهرباء في بغداد أمس.\n\nورفع المتظاهرون شعارات تندد بالفشل الحكومي."
    (e,) = asserted_on(text, "2015-08-01")
    assert e.actor1 is not None and e.actor1.name_en == "Protesters (Iraq)"
    assert e.actor2 is None
    assert "Iraq nationals" in [a.name_en for a in e.assoc_actor_1]


def test_coder_attackers_who_get_away_transfer_no_territory() -> None:
    text = ("وقال التنظيم ان عناصره تمكنوا من قتل 14 عسكريا اثر كمين نصبوه لمجموعة من عساكر الجيش "
            "الجزائري، مؤكدا ان المهاجمين غنموا اسلحة وذخائر وانسحبوا سالمين.")
    subs = [e.sub_event_type for e in events(text, "2015-07-22")]
    assert "Non-violent transfer of territory" not in subs, subs


def test_coder_a_perpetrators_claimed_toll_gives_way_to_anyone_elses() -> None:
    text = ("الجزائر: مقتل تسعة جنود في هجوم مسلح\n\n"
            "أكدت وزارة الدفاع الجزائرية في بيان مقتل تسعة من جنود الجيش بعد تعرضهم لإطلاق نار بولاية "
            "عين الدفلى. وكان تنظيم القاعدة تحدث أمس الأول في بيان تبنى فيه مقتل 14 جنديا.")
    (e,) = [e for e in events(text, "2015-07-22") if e.modality == "asserted"]
    assert e.fatalities.value == 9
    assert e.actor1 is not None and e.actor1.name_en.startswith("Al Qaeda")


def test_coder_a_charge_for_an_attack_is_no_new_attack() -> None:
    text = ("وكانت النيابة العامة وجهت في 14 يوليو الماضي الاتهام إلى 29 شخصا في حادث التفجير "
            "الإرهابي الذي استهدف المسجد.")
    assert not asserted_on(text, "2015-08-04")


def test_coder_the_most_precise_date_of_the_clause_dates_the_event() -> None:
    text = ("وتعرض المسجد الكائن في منطقة الصوابر بالكويت العاصمة إلى تفجير إرهابي خلال صلاة الجمعة "
            "في شهر رمضان المبارك في 26 يونيو الماضي ما أدى إلى استشهاد 26 شخصا.")
    (e,) = events(text, "2015-08-04")
    assert str(e.date.value) == "2015-06-26"


def test_coder_a_suspected_perpetrator_is_attributed_not_known() -> None:
    text = "ورجحت مصادر أمنية أن يكون تنظيم داعش وراء التفجير الذي استهدف سوقا في بغداد أمس."
    (e,) = asserted_on(text, "2015-07-20")
    assert e.perpetrator_status == "attributed"
    assert e.actor1 is not None and e.actor1.name_en == "Unidentified Armed Group (Iraq)"
    assert [(a.actor.name_en, a.stance) for a in e.attributions] == [("Islamic State", "suspected")]


def _article(text: str, published: str = "2015-07-21"):
    return marsad.extract(text, published=published, title_first_line=True, resources=RULES).events


def test_coder_the_outlet_naming_the_bomber_beside_the_attack_makes_it_known() -> None:
    # the headline says whose bombing it was; "no group claimed it" does not undo that
    text = ("مقتل 12 شخصا بتفجير انتحاري لداعش في سروج\n"
            "قتل 12 شخصا أمس في تفجير انتحاري استهدف حديقة عامة في بلدة سروج جنوب تركيا، "
            "ولم تتبن أي جهة التفجير حتى مساء أمس.")
    (e,) = [e for e in _article(text) if e.modality == "asserted"]
    assert e.perpetrator_status == "known"
    assert e.actor1 is not None and e.actor1.name_en == "Islamic State"
    assert [(a.actor.name_en, a.stance, a.by) for a in e.attributions] == [("Islamic State", "asserted", None)]


def test_coder_a_perpetrator_named_by_a_source_stays_an_attribution() -> None:
    text = ("مقتل 12 شخصا بتفجير انتحاري في سروج\n"
            "قتل 12 شخصا أمس في تفجير انتحاري استهدف حديقة عامة في بلدة سروج جنوب تركيا، "
            "ولم تتبن أي جهة التفجير حتى مساء أمس.\n"
            "وقالت مصادر أمنية إن تنظيم داعش نفذ التفجير.")
    (e,) = [e for e in _article(text) if e.modality == "asserted"]
    assert e.perpetrator_status == "attributed"
    assert e.actor1 is not None and e.actor1.name_en == "Unidentified Armed Group (Turkey)"
    assert [(a.actor.name_en, a.stance, a.by.text) for a in e.attributions] == [
        ("Islamic State", "asserted", "مصادر أمنية")]


@pytest.mark.parametrize(
    ("lede_place", "place", "precision"),
    [
        ("في ولاية قندوز بشمال أفغانستان", "Kunduz Province", "admin1"),
        # a place in another country is where the speaker is: the title's country stands
        ("في وزارة الداخلية الباكستانية في إسلام آباد", "Afghanistan", "country"),
    ],
)
def test_coder_a_title_naming_only_a_country_takes_the_ledes_place_in_it(
        lede_place: str, place: str, precision: str) -> None:
    text = ("مقتل 9 مدنيين في هجوم مسلح على حفل في أفغانستان\n"
            f"قال مسؤول {lede_place} أمس إن مسلحين فتحوا النار على حفل زفاف مما أسفر عن "
            "مقتل تسعة من المدعوين.\nوأضاف أن الشرطة فتحت تحقيقا في الحادث.")
    (e,) = _article(text, "2015-07-27")
    assert (e.location.name_en, e.location.precision) == (place, precision)


def test_coder_a_headline_in_the_imperfect_tells_the_news_of_its_body() -> None:
    # "طلاب يتظاهرون": a headline's present tense, not a habit; one protest, not two
    text = ("طلاب يتظاهرون في عمان احتجاجا على رفع الرسوم\n"
            "تظاهر مئات الطلاب أمس أمام مبنى الجامعة الأردنية في عمان احتجاجا على رفع الرسوم الدراسية.")
    evs = _article(text, "2015-03-02")
    (e,) = evs
    assert (e.modality, e.sub_event_type) == ("asserted", "Peaceful protest")
    assert len(e.evidence) == 2 and str(e.date.value) == "2015-03-01"




@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # ACLED: deaths reported without a number count 3 for a limited event
        ("وأفادت مصادر محلية أمس بسقوط قتلى وجرحى من الحوثيين في غارات للتحالف على وادي دوفس في أبين.", 3),
        ("قتل عدد من الحوثيين في محافظة البيضاء ليلة الجمعة.", 3),
        # "شرطيين" after a killing word may be two: no default figure
        ("وقالت الوزارة إن تفجيرا وقع الثلاثاء في قرية سترة أسفر عن مقتل شرطيين.", 0),
        # a figure anywhere in the event wins over the default
        ("قتل عدد من الحوثيين في محافظة البيضاء ليلة الجمعة، وأوضحت مصادر أن 5 منهم قتلوا في هجوم على نقطة.", 5),
    ],
)
def test_coder_deaths_told_without_a_number(text: str, killed: int) -> None:
    evs = [e for e in events(text, "2015-07-31") if e.modality == "asserted"]
    assert evs and max(e.fatalities.value or 0 for e in evs) == killed


def test_coder_deaths_in_a_road_accident_are_no_violence() -> None:
    text = ("جازان: وفاة 4 وإصابة 3 من عائلة واحدة في حادث اصطدام بناقة سائبة\n\n"
            "لقي 4 أشخاص من عائلة واحدة مصرعهم وأصيب 3 آخرون في حادث اصطدام سيارة بناقة سائبة على "
            "إحدى طرق منطقة جازان اليوم. وتبين بعد وصول الفرق الإسعافية للموقع وفاة 4 أشخاص في مكان "
            "الحادث.")
    assert not events(text, "2015-07-21")


def test_coder_searching_for_bombs_is_no_explosion() -> None:
    text = ("إصابة 18 مجنداً مصريًا في انفجار عبوة ناسفة بشمال سيناء\n\n"
            "أصيب 18 مجنداً من قوات الأمن المركزي المصري اليوم إثر انفجار عبوة ناسفة بشمال سيناء. "
            "وأضاف المصدر أن قوات الأمن قامت بتمشيط منطقة الحادث بحثاً عن عبوات ناسفة أخرى.")
    assert len(asserted_on(text, "2015-07-26")) == 1


@pytest.mark.parametrize(
    "tail",
    ["وأفادت مصادر محلية بسقوط قتلى من الطرفين.",
     "وتحدث سكان عن وقوع قتلى بين الطرفين دون تحديد عددهم."],
)
def test_coder_deaths_between_the_two_sides_belong_to_the_clash(tail: str) -> None:
    text = ("اشتباكات في تعز\n\nاندلعت اشتباكات عنيفة بين مسلحي الحوثي والمقاومة الشعبية في حي "
            "الجحملية بمدينة تعز صباح اليوم. " + tail)
    evs = marsad.extract(text, published="2015-08-06", resources=RULES, title_first_line=True).events
    # one clash, with ACLED's 3 for deaths reported without a number
    assert [(e.sub_event_type, e.fatalities.value) for e in evs] == [("Armed clash", 3)]


def test_coder_another_attack_keeps_its_verb_weapon_and_place() -> None:
    # "this bombing in Baqubah" dates the second attack by the first: its place is the
    # first one's; "استهدف هجوم آخر بعبوة ناسفة" is one attack, a roadside bomb
    text = ("تفجيران في العراق\n\nقتل 12 شخصا في انفجار سيارة مفخخة في سوق ببعقوبة صباح اليوم. "
            "وبعيد هذا التفجير في بعقوبة، استهدف هجوم آخر بعبوة ناسفة دورية للشرطة في مدينة "
            "الخالص شمالي المحافظة.")
    evs = marsad.extract(text, published="2015-07-21", resources=RULES, title_first_line=True).events
    assert [(e.sub_event_type, e.location.name_en) for e in evs] == [
        ("Remote explosive/landmine/IED", "Baqubah"), ("Remote explosive/landmine/IED", "Al Khāliş")]


def test_coder_a_country_across_the_border_is_not_the_articles_place() -> None:
    # the headline's "على حدود سوريا" names the border, so the headline and the body's
    # attack in Suruç are one event
    text = ("مقتل 5 جنود أتراك بهجوم في بلدة تركية على حدود سوريا\n\nقتل خمسة جنود أتراك اليوم "
            "في هجوم استهدف مخفرا في بلدة سروج القريبة من الحدود السورية، حسبما أفاد مسؤولون.\n"
            "وقال وزير الداخلية إن التحقيق جار.")
    evs = marsad.extract(text, published="2015-07-21", resources=RULES, title_first_line=True).events
    assert [(e.location.name_en, e.fatalities.value) for e in evs] == [("Suruç", 5)]


def test_coder_where_a_speaker_spoke_is_not_where_the_attack_was() -> None:
    text = ("تفجير انتحاري في سروج\n\nقتل 12 شخصا في تفجير انتحاري استهدف تجمعا لناشطين في بلدة سروج "
            "التركية أمس. وقال رئيس الوزراء أمام الصحافيين في أنقرة «إن التحقيق يظهر أن الاعتداء "
            "الانتحاري نفذه تنظيم داعش».")
    evs = marsad.extract(text, published="2015-07-21", resources=RULES, title_first_line=True).events
    assert [e.location.name_en for e in evs] == ["Suruç"]


def test_coder_what_a_place_witnessed_before_is_another_event() -> None:
    text = ("أسفر هجوم انتحاري جديد عن سقوط 15 قتيلا مساء السبت في مدينة مايدوغوري النيجيرية التي "
            "شهدت الأربعاء الماضي تفجيرين انتحاريين.")
    evs = asserted_on(text, "2015-07-26")
    assert sorted((e.date.value.isoformat(), e.fatalities.value) for e in evs) == [
        ("2015-07-22", None), ("2015-07-25", 15)]


@pytest.mark.parametrize(
    "text",
    [
        "نفذت وزارة الداخلية اليوم حكم القتل تعزيراً بحق جانيين بمنطقة جازان لإقدامهما على قتل "
        "مواطن بضربه بفأس وسلب ما معه من نقود.",
        "ونفذت السلطات حكم الإعدام شنقا بحق مدان بقتل ثلاثة أشخاص في طهران أمس.",
    ],
)
def test_coder_a_court_sentence_carried_out_is_not_political_violence(text: str) -> None:
    # the execution is the state's judicial act; the crime it punishes is only referred to
    assert asserted_on(text, "2015-08-05") == []


def test_coder_a_condemnation_spelt_without_alef_reports_no_new_event() -> None:
    text = ("دان مجلس العلماء حادث التفجير الذي استهدف مسجد قوات الطوارئ بمنطقة عسير أمس وأسفر عن "
            "مقتل وإصابة العديد من المصلين.")
    assert asserted_on(text, "2015-08-07") == []


def test_coder_a_word_of_a_groups_name_is_no_trigger() -> None:
    # "لتحرير" in the PFLP's name is not a liberation of territory
    assert events("وأصدرت الجبهة الشعبية لتحرير فلسطين بيانا في غزة أمس.", "2015-10-26") == []


def test_coder_an_advance_to_retake_a_town_is_its_goal() -> None:
    evs = events("وتقدمت القوات الحكومية أمس لاستعادة السيطرة على مدينة الرمادي.", "2015-10-26")
    assert [(e.sub_event_type, e.modality) for e in evs] == [("Government regains territory", "future")]


@pytest.mark.parametrize(
    "text",
    ["واعتقل مسلحو حركة الشباب ثلاثة عمال إغاثة في مقديشو أمس.",
     "وقد اعتقلت حركة الشباب ثلاثة عمال إغاثة في مقديشو أمس."],
)
def test_coder_an_armed_group_that_arrests_abducts(text: str) -> None:
    (e,) = asserted_on(text, "2015-10-26")
    assert (e.sub_event_type, e.actor1.name_en) == ("Abduction/forced disappearance", "Al Shabaab")


@pytest.mark.parametrize(
    "text",
    [
        # a kind of act, a policy, incidents in general: no one event
        "واتهمت المنظمة الميليشيات المسلحة بارتكاب أعمال قتل واغتصاب ونهب في القرى المحيطة بالمدينة.",
        "وقالت الناشطة إن النساء في المخيم يتحدثن عن حوادث اغتصاب وسوء معاملة كل يوم.",
        "وارتبط اسمه بسياسة الاغتيالات التي انتهجتها الحكومة في صفوف قادة المعارضة.",
        # a weapons test and a drill are not attacks
        "وأثارت تجربة صواريخ إيران بعيدة المدى قلقا في العواصم الغربية.",
        "وقال إن التدريبات تشمل التدرب على اختطاف جنود وتفجير العربات العسكرية.",
    ],
)
def test_coder_a_kind_of_act_is_no_event(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []


def test_coder_one_act_told_beside_such_words_is_still_an_event() -> None:
    text = "واختطف مسلحون مجهولون أمس ثلاثة جنود من حاجز للجيش في العريش، في تكرار لأعمال العنف في المنطقة."
    (ev,) = [e for e in asserted(text) if e.plover["type"] == "ASSAULT"]
    assert ev.sub_event_type == "Abduction/forced disappearance"


@pytest.mark.parametrize(
    "text",
    [
        "وخرج المتظاهرون الى الشوارع في مدينة كراتشي مرددين هتافات ضد الحكومة.",
        "ونزل المتظاهرون إلى الشوارع في عدة مدن مصرية احتجاجا على رفع أسعار الوقود.",
    ],
)
def test_coder_protesters_taking_to_the_streets_are_a_protest(text: str) -> None:
    (ev,) = [e for e in asserted(text) if e.plover["type"] == "PROTEST"]
    assert ev.sub_event_type == "Peaceful protest"


def test_coder_protesters_in_the_streets_without_a_verb_are_no_new_protest() -> None:
    text = "ورقص المتظاهرون في الشوارع رافعين الأعلام وصور زعيمهم."
    assert [e for e in asserted(text) if e.plover["type"] == "PROTEST"] == []


def test_coder_a_verb_saying_the_attack_was_done_anchors_its_noun() -> None:
    text = "وقال المتحدث إن المسلحين شنوا الهجوم على نقطة التفتيش بسيارة مفخخة يقودها انتحاري."
    (ev,) = [e for e in asserted(text) if e.plover["type"] == "ASSAULT"]
    assert ev.sub_event_type == "Suicide bomb"
    # the launching of strikes as an option is no attack
    assert asserted("ثمة خيار آخر يتمثل في شن ضربات جوية ضد معسكرات المسلحين.") == []


@pytest.mark.parametrize(
    "text",
    [
        "ورفع مدير الجامعة أسمى آيات الشكر والتقدير لوزير التعليم أمس في الرياض.",
        "ونزل سعر خام برنت أربعة سنتات إلى 56.61 دولار للبرميل أمس في لندن.",
        "وأغلق سهم إعمار العقارية مستقرا أمس في دبي.",
        "وبدأ اللاعب مسيرته مع نادي غريميو في مدينة بورتو اليغري.",
        "وتوجهت المستشارة الألمانية إلى باريس أمس لإجراء محادثات مع الرئيس الفرنسي.",
    ],
)
def test_coder_a_crowd_verb_without_a_crowd_is_no_protest(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "PROTEST"] == []


@pytest.mark.parametrize(
    "text",
    [
        "وتجمع عشرات الفلسطينيين في ميدان المنارة وسط مدينة رام الله أمس تضامنا مع الأسرى.",
        "وتجمع عدد من أنصار الحزب بعد الظهر في ساحة النور بطرابلس.",
        "ورفع مئات المتظاهرين أمام مقر البرلمان في عمان أمس لافتات تطالب بإسقاط الحكومة.",
    ],
)
def test_coder_a_crowd_verb_with_a_crowd_is_a_protest(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        # a known protest or attack named by its definite noun: a place or a day says where
        # it was, not that it is news here
        "وألقى رئيس النقابة كلمة خلال المظاهرة أمام مجلس النواب في بغداد أمس.",
        "وأوضح المتحدث باسم الشرطة أن الهجوم وقع قرب سوق المدينة في قندهار صباح أمس.",
        # the backdrop of another event
        "وتأتي تلك الغارات مع استمرار المواجهات المسلحة بين الحوثيين والمقاومة الشعبية في مأرب.",
        # what "the protesters" of a protest told elsewhere chanted
        "وردد المتظاهرون أمام السفارة في عمان أمس هتافات تندد بالعدوان.",
    ],
)
def test_coder_a_known_event_with_its_place_or_day_is_not_news(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] in ("ASSAULT", "PROTEST")] == []


@pytest.mark.parametrize(
    "text",
    [
        # a known act as a point in time: neither news nor history told
        "وتراجعت السياحة في بيروت منذ اغتيال الوزير السابق.",
        "وتعيش الحكومة السورية عزلة في لبنان منذ اغتيال الحريري.",
    ],
)
def test_coder_since_a_known_act_refers_to_it(text: str) -> None:
    assert [e for e in events(text) if e.modality in ("asserted", "historical")] == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a toll makes a definite noun a report
        ("وأسفر الهجوم على حاجز للجيش في مدينة العريش أمس عن مقتل ثلاثة جنود.", "Armed clash"),
        ("وسقط عدد من القتلى في الهجوم على مواقع الحوثيين في تعز السبت الماضي.", "Armed clash"),
        # a verb telling that it goes on or broke out
        ("وتواصلت الاشتباكات بين المقاومة الشعبية والحوثيين في تعز أمس.", "Armed clash"),
        # or right after it, when the noun is its subject
        ("وقال مصدر عسكري إن الاشتباكات مستمرة في محيط مطار تعز.", "Armed clash"),
        ("وأكدت مصادر محلية أن المعارك تدور في جنوب محافظة لحج.", "Armed clash"),
        # a masdar is how a takeover is told
        ("واستكملت القوات أمس السيطرة على منطقة التواهي في عدن.", "Government regains territory"),
    ],
)
def test_coder_a_definite_noun_told_with_a_toll_or_a_verb_is_news(text: str, sub_event_type: str) -> None:
    assert sub_event_type in [e.sub_event_type for e in asserted(text)]


def test_coder_violence_denied_in_a_protest_does_not_deny_the_protest() -> None:
    # "لم تسجل أعمال عنف": the object of a denied verb stands apart from the protest told
    text = ("وخرجت أمس مظاهرات في مدينتي جوبا وواو تأييدا لقرار الحركة وطالب المتظاهرون "
            "بتنفيذ الاتفاق ولم تسجل أعمال عنف خلال المظاهرات.")
    assert [e.sub_event_type for e in asserted(text)] == ["Peaceful protest"]


def test_coder_what_the_protesters_chanted_joins_their_protest() -> None:
    text = ("تظاهر مئات الطلاب أمام وزارة التعليم في عمان أمس احتجاجا على رفع الرسوم. "
            "وردد المتظاهرون هتافات تطالب بإقالة الوزير.")
    protests = [e for e in asserted(text) if e.plover["type"] == "PROTEST"]
    assert len(protests) == 1
    assert len(protests[0].evidence) == 2


@pytest.mark.parametrize(
    "text",
    [
        "وأكد أن فرق الدفاع المدني تمكنت أمس من السيطرة على الحريق في مستودع بمدينة الدمام.",
        "ورفضت الهند مساعدة عسكرية عرضتها إسرائيل من أجل تحرير الرهائن المحتجزين في الفندق.",
    ],
)
def test_coder_taking_no_ground_is_no_territorial_change(text: str) -> None:
    assert [e for e in asserted(text) if e.event_type == "Battles"] == []


def test_coder_taking_a_site_is_a_territorial_change() -> None:
    text = "وتمكنت المقاومة الشعبية أمس من السيطرة على مواقع لمليشيات الحوثي في محافظة مأرب."
    (ev,) = [e for e in asserted(text) if e.event_type == "Battles"]
    assert ev.sub_event_type == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    "text",
    [
        "وفاة اثنين وإصابة 13 سعوديا في حوادث مرورية بالأردن أمس.",
        "إصابة 17 شخصا بينهم 5 أطفال في حريق بمحافظة الخرج أمس.",
    ],
)
def test_coder_deaths_and_injuries_in_an_accident_are_no_attack(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "أمير مكة يوجه بسرعة القبض على المتحرشين بفتاتين في جدة",
        "وأمر الأمير خالد الفيصل بسرعة القبض على الجناة في جدة أمس.",
        "وجه أمير منطقة مكة المكرمة بالقبض على مجموعة المتحرشين بفتاتين في أحد متنزهات جدة.",
        "ونظم الأهالي الغاضبون تجمعات في شوارع اللاذقية وطالبوا بتوقيف سليمان الأسد.",
    ],
)
def test_coder_an_order_to_arrest_is_no_arrest_yet(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "COERCE"] == []


def test_coder_a_blow_dealt_is_no_order() -> None:
    text = "ووجه الجيش الليبي أمس ضربة جوية لمواقع المسلحين في مدينة درنة."
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "اتهمت باكستان الهند أمس بانتهاك الهدنة في إقليم كشمير.",
        "وقال الوزير إن الاتفاق حول البرنامج النووي الإيراني لا يمنع الجيش من إبقاء الخيار العسكري مطروحا.",
    ],
)
def test_coder_an_agreement_referred_to_is_no_agreement(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "AGREE"] == []


def test_coder_an_agreement_reached_is_an_agreement() -> None:
    text = "وتوصلت الحكومة اليمنية والحوثيون أمس إلى اتفاق لوقف إطلاق النار في مدينة تعز."
    assert [e for e in asserted(text) if e.plover["type"] == "AGREE"]


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("وكان القضاء وجه إلى كيم كي جونغ تهمة الشروع بالقتل حول الهجوم على السفير في سيول.", "ASSAULT"),
        ("ودخلت تشكيلات الجيش المعركة لفك الحصار عن المدينة وصولا إلى تحريرها تماما من الحوثيين.", "ASSAULT"),
        ("وتسعى الحكومة إلى منع المستخدمين من الدعوة إلى احتجاجات ضد الحكومة في العاصمة.", "PROTEST"),
    ],
)
def test_coder_a_charge_a_goal_or_a_call_is_no_event(text: str, ptype: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == ptype] == []


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("وأظهرت الدراسة أن فرصة إصابة الرجال بسرطان البروستاتا أعلى في المدن.", "ASSAULT"),
        ("وتعرض اللاعبان أمس إلى إصابتين، الأول عبارة عن كدمة في القدم والآخر كدمة في الكتف.", "ASSAULT"),
        ("وكانت المغنية قد هاجمت زميلها أمس قائلة إنه ليس طبيعيا.", "ASSAULT"),
        ("وتمنح حالة الطوارئ صلاحيات أكبر للشرطة وتمنع أي تجمعات أو مظاهرات أو احتجاجات.", "PROTEST"),
        ("وخرجت جموع من الشعب اليمني إلى الساحات للتعبير عن فرحتها بالنصر.", "PROTEST"),
    ],
)
def test_coder_illness_words_bans_and_celebrations_are_no_event(text: str, ptype: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == ptype] == []


@pytest.mark.parametrize(
    "text",
    [
        "وستلتئم المحكمة الخميس لمواصلة محاكمة 22 رجلا وسبع نساء يشتبه بضلوعهم في الاعتداء على المسجد.",
        "بلغ عدد الضحايا المدنيين في أفغانستان مستوى قياسيا خلال النصف الأول من العام حيث قتل 1592 مدنيا.",
        "وقال رئيس البلدية إن التفشي الفتاك لداء المحاربين القدماء أودى بحياة سبعة أشخاص في المدينة.",
    ],
)
def test_coder_suspects_tallies_and_disease_report_no_new_attack(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []


def test_coder_a_known_event_after_which_the_news_came_is_background() -> None:
    text = "وعادت الحكومة أمس إلى عدن بعد تحريرها من المتمردين الحوثيين."
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []
    # an indefinite one is news: the clashes are told here
    text = "وسيطرت المقاومة الشعبية في محافظة مأرب أمس على منطقة الفاو بعد مواجهات عنيفة مع الحوثيين."
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "مقتل 16 شرطيا جراء تحطم مروحية في شمال شرق كولومبيا",
        "مجلس الأمن يصوت الجمعة على قرار حول هجمات النظام السوري بالكيماوي",
        "وقال إنه لا يميل إلى الذهاب إلى جبهات القتال لأغراض التصوير.",
    ],
)
def test_coder_crashes_resolutions_and_front_lines_are_no_attack(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "أهالي بريدة ينددون بتفجير مسجد الطوارئ ويقفون صفا واحدا",
        "نائب رئيس وأعضاء مجلس الأمة الكويتي يستنكرون تفجير أبها الإرهابي",
        "إعصار يخلف 6 قتلى و4 مفقودين في تايوان",
    ],
)
def test_coder_condemnations_and_storms_are_no_attack(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []


def test_coder_usurping_power_is_no_sexual_violence() -> None:
    text = "ظل الحوثيون يكذبون على الجميع إلى أن قاموا باغتصاب الشرعية من الحكومة في صنعاء."
    assert [e for e in asserted(text) if e.sub_event_type == "Sexual violence"] == []
    text = "وقالت الشرطة إن ثلاثة مسلحين اغتصبوا امرأة في قرية قرب الفاشر أمس."
    assert [e for e in asserted(text) if e.sub_event_type == "Sexual violence"]


def test_coder_condolences_refer_to_deaths_told_elsewhere() -> None:
    text = "ونقل نائب الملك في بداية الاجتماع تعازي ومواساة الملك لأسر ضحايا التفجير الإرهابي في أبها."
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []
    # a funeral that reports a death of yesterday still reports it
    text = "شيعت جموع المصلين ظهر اليوم جثمان الرقيب ماجد السبيعي الذي استشهد أمس الجمعة على الحد الجنوبي بنجران."
    assert [e for e in asserted_on(text, "2015-08-08") if e.plover["type"] == "ASSAULT"]


def test_coder_a_common_crime_is_no_political_violence() -> None:
    text = "وقتل شاب وأصيب اثنان آخران في مشاجرة بين عدد من الشبان في حي السويدي بالرياض أمس."
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []
    text = "وقتل مسلحون مجهولون شابا في حي السويدي بالرياض أمس بعد مشاجرة معه."
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت المديرية العامة للشؤون الصحية حالة الطوارئ في مستشفيات المنطقة بعد وقوع 50 إصابة على الطريق السريع.",
        "وأصيب اللاعب في الدقيقة 82 وغادر الملعب على نقالة.",
        "ارتفع عدد الوفيات في الولايات الجنوبية إلى 335 قتيلا.",
    ],
)
def test_coder_deaths_or_injuries_with_no_act_and_nobody_named_are_no_attack(text: str) -> None:
    assert asserted(text) == []


def test_coder_deaths_of_named_victims_are_still_an_attack() -> None:
    subs = [e.plover["type"] for e in asserted("وقتل ثلاثة جنود عراقيين وأصيب خمسة آخرون في الموصل أمس.")]
    assert "ASSAULT" in subs


# an opinion column: long, with neither a date ("اليوم" here means nowadays) nor a source
COLUMN = ("بيوت الله ليست ساحة للحرب\n\n"
    "ما الذي يدفع شابا في مقتبل العمر إلى أن يحمل حزاما ناسفا ويدخل بيتا من بيوت الله؟ "
    "هذا السؤال يتردد في كل مجلس وفي كل بيت، ولا يجد جوابا شافيا. "
    "لقد فجر الانتحاري نفسه بين المصلين وقتل الركع السجود، وظن أنه يتقرب إلى الله بدمائهم. "
    "إن الفكر الذي يبيح هذا الفعل فكر منحرف، يقوم على التكفير واستباحة الدماء المعصومة، "
    "ولا يمت إلى الإسلام بصلة، مهما رفع أصحابه من شعارات ومهما زعموا من نصرة للدين. "
    "والمسؤولية اليوم مسؤولية الجميع: الأسرة التي تراقب أبناءها وتعرف أصدقاءهم، والمدرسة التي "
    "تحصن العقول بالعلم والحوار، والمسجد الذي يبين سماحة الدين ويرد على الشبهات، والإعلام الذي "
    "يكشف زيف الدعاية المتطرفة ويفضح من يقف خلفها. "
    "ولن يفلح هؤلاء في شق صف المجتمع أو زعزعة أمنه، فالتاريخ يشهد أن الفتن تنكسر على صخرة "
    "الوحدة، وأن الشعوب التي تلتف حول قيادتها وعلمائها تخرج من المحن أقوى مما كانت. "
    "علينا أن نتحدث مع أبنائنا بصراحة، وأن نسمع منهم قبل أن يسمعوا من غيرنا، وأن نملأ فراغهم "
    "بما ينفعهم من علم وعمل ورياضة، فالفراغ هو الباب الذي يدخل منه المحرضون. "
    "وما أحوجنا اليوم إلى خطاب ديني معتدل يصل إلى الشباب بلغتهم، ويجيب عن أسئلتهم دون تعنيف أو تجاهل. "
    "حفظ الله بلادنا من كل سوء، ورحم الله الشهداء وألهم ذويهم الصبر والسلوان.")


def test_coder_a_column_with_no_date_or_source_reports_no_event() -> None:
    evs = marsad.extract(COLUMN, title_first_line=True, published="2015-08-08", resources=RULES).events
    assert [e for e in evs if e.modality == "asserted"] == []


def test_coder_the_same_act_told_by_a_source_is_reported() -> None:
    news = COLUMN.replace("لقد فجر الانتحاري نفسه", "وقال مصدر أمني إن انتحاريا فجر نفسه")
    evs = marsad.extract(news, title_first_line=True, published="2015-08-08", resources=RULES).events
    assert "Suicide bomb" in [e.sub_event_type for e in evs if e.modality == "asserted"]


def test_coder_a_short_item_needs_no_date_or_source() -> None:
    item = "احتجاجات في بيروت\n\nاحتشد مئات المتظاهرين في ساحة الشهداء وسط بيروت احتجاجا على أزمة النفايات."
    evs = marsad.extract(item, title_first_line=True, published="2015-08-10", resources=RULES).events
    assert "PROTEST" in [e.plover["type"] for e in evs if e.modality == "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "ألقت شرطة محافظة الطائف القبض على مواطن أقدم على قتل شقيقه بآلة حادة.",
        "وباشرت الشرطة بلاغا عن قيام مواطن في العقد الثالث من عمره بالاعتداء على والده في منزله.",
    ],
)
def test_coder_a_family_killing_and_its_arrest_are_a_common_crime(text: str) -> None:
    assert asserted(text) == []


def test_coder_a_strike_that_kills_a_family_is_still_a_strike() -> None:
    text = "قصفت طائرات النظام منزلا في ريف إدلب أمس وقتلت رجلا وزوجته وأطفاله."
    assert "Air/drone strike" in [e.sub_event_type for e in asserted(text)]


def test_coder_an_armed_group_killing_a_relative_is_political_violence() -> None:
    text = "وأقدم عنصر من تنظيم داعش على قتل شقيقه الرقيب في الشرطة بإطلاق النار عليه في الرياض أمس."
    assert any(e.plover["type"] == "ASSAULT" for e in asserted(text))


def test_coder_a_tally_over_weeks_is_no_new_event() -> None:
    text = "وذكرت الوكالة أمس أن نحو 390 مقاتلا كرديا قتلوا وجرح 400 آخرون خلال أسبوعين من الغارات الجوية التركية على قواعد المتمردين في شمال العراق."
    assert asserted(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وخطف الملياردير الأميركي دونالد ترامب الأضواء في أول مناظرة للحزب الجمهوري أمس.",
        "واستطاعت المصممة الشابة خطف الأنظار بمشاركاتها في المعرض بجدة أمس.",
        "إن هذا الإجراء المنفر يقتل أحلام الناس في الحصول على مقعد جامعي.",
    ],
)
def test_coder_a_figure_of_speech_is_no_attack(text: str) -> None:
    assert asserted(text) == []


def test_coder_a_real_abduction_with_a_figure_nearby_is_still_one() -> None:
    text = "وخطف مسلحون مجهولون ثلاثة مهندسين أتراك في بغداد أمس، ما أثار الأنظار إلى ضعف الأمن."
    assert "Abduction/forced disappearance" in [e.sub_event_type for e in asserted(text)]


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("وأصيب اللاعب البرازيلي نيمار بالنكاف وسيغيب عن الملاعب أسبوعين.", "ASSAULT"),
        ("ودخلت الطفلة المستشفى لإصابتها بنوبة صعوبة تنفس حادة والتهاب رئوي.", "ASSAULT"),
        ("وشدد المبعوث الأممي على ضرورة انسحاب الحوثيين من المدن ووقف إطلاق النار.", "RETREAT"),
        ("وحذر المالكي أمس من تكرار سيناريو اعتصامات الأنبار في حال استمرت المظاهرات.", "PROTEST"),
        ("ولم يتطرق الوزير إلى إمكانية مشاركة جنود غربيين في القتال بالعراق.", "ASSAULT"),
    ],
)
def test_coder_illness_necessity_and_warnings_are_no_event(text: str, ptype: str) -> None:
    assert ptype not in [e.plover["type"] for e in asserted(text)]


def test_coder_an_event_named_and_described_is_referenced() -> None:
    text = "وأكد الخبير الأمني أن التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في أبها كشف تحولا في أساليب التنظيم."
    assert asserted(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a toll makes it a report
        "وأسفر التفجير الذي استهدف مسجد قوات الطوارئ في أبها أمس عن مقتل 15 شخصا.",
        # a claim says who did it: news about the event
        "وتبنى تنظيم داعش الهجوم الذي استهدف مسجد قوات الطوارئ في أبها أمس.",
    ],
)
def test_coder_a_described_event_with_a_toll_or_a_claim_is_reported(text: str) -> None:
    assert any(e.plover["type"] == "ASSAULT" for e in asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "وأعربت الحكومة الليبية المؤقتة أمس عن استنكارها للهجوم على مسجد قوات الطوارئ في عسير.",
        "ووصف المفتي أمس حادثة التفجير في مسجد قوات الطوارئ بعسير بالعمل الإجرامي المشين.",
    ],
)
def test_coder_a_condemnation_or_a_description_refers_to_a_known_attack(text: str) -> None:
    assert asserted(text) == []


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("وأنا أيضا تظاهرت بأنني نائمة حتى خرج من المنزل.", "PROTEST"),
        ("واعتقلت الشرطة المتهم الأسبوع الماضي لصلته بحوادث سطو على خمسة بنوك في المدينة.", "COERCE"),
        ("وقد فجرت إثيوبيا الخلاف عندما طلبت تغيير المكتب الاستشاري للسد.", "ASSAULT"),
        ("وفي تركيا تراجعت الليرة أمام الدولار في التعاملات الصباحية أمس.", "RETREAT"),
        ("ونفذت السلطات حكم القصاص بحق مواطن قتل اثنين من أقاربه بطلقات نارية.", "ASSAULT"),
        ("وقتلت صاعقة سبعة أشخاص كانوا يعملون في الحقول بولاية غواناخواتو.", "ASSAULT"),
    ],
)
def test_coder_pretending_crime_arrests_markets_and_lightning_are_no_event(text: str, ptype: str) -> None:
    assert ptype not in [e.plover["type"] for e in asserted(text)]


def test_coder_the_backdrop_of_the_news_is_referenced() -> None:
    text = "ويأتي قرار الاتحاد الأوروبي على خلفية هجوم إرهابي لشاب مسلح على فندق في سوسة الشهر الماضي."
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []


def test_coder_a_bomb_made_safe_with_the_subject_between_is_disrupted() -> None:
    text = "وأبطل خبراء متفجرات أتراك مفعول عبوة ناسفة كانت موضوعة داخل صندوق قرب مبنى الحزب في أنقرة أمس."
    assert [e.sub_event_type for e in asserted(text)] == ["Disrupted weapons use"]


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("وأعلنت السلطات التركية اليوم أنها ستمنع متظاهرين من تنظيم مسيرة سلام في مدينة إسطنبول.", "PROTEST"),
        ("وتركز قوات الأمن أنظارها على محافظة الأنبار حيث يتأهبوا لهجوم يستهدف استعادة المحافظة.", "ASSAULT"),
    ],
)
def test_coder_a_ban_to_come_or_an_attack_prepared_is_no_event(text: str, ptype: str) -> None:
    assert ptype not in [e.plover["type"] for e in asserted(text)]


def asserted_article(text: str):
    """Asserted events of an article whose first line is its title."""
    doc = marsad.extract(text, published="2015-08-01", resources=RULES, title_first_line=True)
    return [e for e in doc.events if e.modality == "asserted"]


def test_coder_a_transfer_in_a_sports_story_is_no_agreement() -> None:
    text = ("الشباب يتعاقد مع مهاجم أوروغوياني\n\nأعلن نادي الشباب أمس التعاقد مع اللاعب الأوروغوياني، "
            "وقال النادي في بيان إنه توصل إلى اتفاق مع ناديه السابق على انتقاله لمدة موسمين.")
    assert [e.plover["type"] for e in asserted_article(text)] == []


def test_coder_shots_at_a_team_bus_stay_an_attack_in_a_sports_story() -> None:
    text = ("إطلاق نار على حافلة هيرتا برلين قبل المباراة\n\nتعرضت حافلة فريق هيرتا برلين لكرة القدم "
            "لإطلاق نار أمس قبل مباراة الفريق في الدوري الألماني، دون أن يصاب أحد من اللاعبين.")
    assert "ASSAULT" in [e.plover["type"] for e in asserted_article(text)]


def test_coder_scripture_quoted_in_a_sermon_is_no_event() -> None:
    text = ("وقال الخطيب أمس إن فكر الخوارج لا يمت إلى الإسلام بصلة، فقد حث النبي صلى الله عليه وسلم "
            "على قتلهم وقتالهم لعظيم خطرهم.")
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "وفاة وإصابة 9 في تصادم ببيشة\n\nتوفي أربعة أشخاص وأصيب خمسة آخرون أمس إثر تصادم سيارتين على طريق خيبر الجنوب.",
        "موجة الحر في مصر\n\nأعلنت وزارة الصحة المصرية أمس وفاة 21 شخصا وإصابة 66 آخرين بسبب ارتفاع درجات الحرارة.",
        # a rollover and a landslide, told in the headline too
        "مصرع 3 وإصابة 2 في حادث انقلاب بتبوك\n\nتوفي ثلاثة أشخاص وأصيب اثنان أمس على طريق "
        "تبوك - المدينة، وباشرت فرق الهلال الأحمر نقل المصابين.",
        "ارتفاع ضحايا الانهيارات الأرضية في الهند إلى 40 قتيلا\n\nارتفع عدد القتلى في ولاية آسام "
        "إلى 40، فيما تواصل فرق الإنقاذ البحث عن مفقودين.",
    ],
)
def test_coder_collisions_and_heat_are_accidents(text: str) -> None:
    assert [e for e in asserted_article(text) if e.plover["type"] == "ASSAULT"] == []


def test_coder_a_drug_arrest_is_a_common_crime() -> None:
    text = ("القبض على مهربي مخدرات في مكة\n\nألقت القوة الخاصة لأمن الطرق أمس القبض على مواطن "
            "حاول تهريب حبوب مخدرة عبر طريق مكة.")
    assert [e for e in asserted_article(text) if e.sub_event_type == "Arrests"] == []


@pytest.mark.parametrize(
    "text",
    [
        "القبض على المتحرشين بفتاة في أبها\n\nأعلنت شرطة أبها أمس القبض على ثلاثة شبان ظهروا في "
        "مقطع فيديو وهم يتحرشون بفتاة في أحد المراكز التجارية.",
        "القبض على لصين في الدمام\n\nألقت الشرطة أمس القبض على رجلين بتهمة سرقة محل للمجوهرات في "
        "مدينة الدمام.",
    ],
)
def test_coder_arrests_of_harassers_and_thieves_are_common_crime(text: str) -> None:
    assert [e for e in asserted_article(text) if e.sub_event_type == "Arrests"] == []


def test_coder_an_arrest_for_smuggling_explosives_is_still_an_event() -> None:
    text = ("البحرين تحبط تهريب متفجرات\n\nضبطت قوات الأمن البحرينية أمس شبكة تهريب متفجرات وأسلحة "
            "في عرض البحر، واعتقلت اثنين من المتورطين.")
    assert "Arrests" in [e.sub_event_type for e in asserted_article(text)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # ACLED's agreements are between armed actors: no bailout, no trade deal
        ('اليونان ودائنوها "توصلوا الى اتفاق" على خطة المساعدة الثالثة\n\nأعلن مصدر في الحكومة '
         "اليونانية أمس أن اليونان ودائنيها توصلوا الى اتفاق على خطة المساعدة الثالثة.", False),
        ("هدنة في اليمن\n\nوأعلنت قيادة التحالف لدعم الشرعية في اليمن أمس هدنة إنسانية لمدة خمسة أيام.",
         True),
    ],
)
def test_coder_an_agreement_needs_an_armed_party(text: str, kept: bool) -> None:
    assert ("AGREE" in [e.plover["type"] for e in asserted_article(text)]) is kept


@pytest.mark.parametrize(
    "text",
    [
        "مفاوضات في يريم\n\nوعد المسلحون الحوثيون أمس بإخلاء معسكر اللواء 55 في يريم بعد سيطرة المقاومة على الجبال.",
        "إنتاج النفط الليبي\n\nتضررت شبكة الكهرباء في ليبيا أمس جراء القتال الدائر ونقص قطع الغيار.",
    ],
)
def test_coder_promises_and_ongoing_fighting_in_general_are_no_event(text: str) -> None:
    assert [e for e in asserted_article(text)
            if e.plover["type"] in ("ASSAULT", "RETREAT")] == []


def test_coder_a_list_of_kinds_of_act_is_no_event() -> None:
    text = ("وأوضح التقرير أن الانتهاكات ضد الصحفيين في اليمن توزعت بين حالات اختطاف واعتداء "
            "واعتقال وتهديد.")
    assert asserted(text) == []


def test_coder_a_visit_to_the_wounded_refers_back_to_the_attack() -> None:
    text = "واطمأن نائب وزير الصحة أمس على المصابين من رجال الأمن في حادث تفجير مسجد قوات الطوارئ بعسير."
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("وفوجئت دوريات الأمن بقيام عدد من العمال بالتجمهر وإتلاف عدد من السيارات.", "Peaceful protest"),
        ("وقام المتظاهرون أمس بقطع الطريق الدولي المؤدي إلى مطار بغداد.", "Peaceful protest"),
        ("وقام المحتجون بالاعتصام أمام مبنى المحافظة.", "Peaceful protest"),
    ],
)
def test_coder_an_act_done_with_qama_is_told(text: str, sub_event_type: str) -> None:
    # "قام X بـ..." is how Arabic news tells many acts: the definite masdar after it is
    # the act itself, not a reference back to one
    found = [e for e in asserted(text) if e.plover["type"] == "PROTEST"]
    assert [e.sub_event_type for e in found] == [sub_event_type]


def test_coder_a_past_act_done_with_qama_is_background_not_a_reference() -> None:
    found = events("وقامت الجماعة في مارس 2004 بخطف أربعة مهندسين أتراك قرب الحدود.")
    assert [(e.plover["type"], e.modality) for e in found] == [("ASSAULT", "historical")]


@pytest.mark.parametrize(
    "text",
    [
        "وقامت السلطات بقطع الطريق أمام الشاحنات.",  # no protesters
        "وقام حزب التجمع بالاحتجاج على القرار.",  # a party's objection in words
        "ويقوم المتظاهرون بالتجمع كل يوم جمعة.",  # a habit: the imperfect is not read
        "وتعرض المتظاهرون بالتجمع لضغوط كبيرة.",  # no قام before it
    ],
)
def test_coder_qama_alone_does_not_make_a_protest(text: str) -> None:
    assert [e for e in asserted(text) if e.plover["type"] == "PROTEST"] == []


def test_coder_a_past_strike_told_by_a_verb_is_background_not_a_reference() -> None:
    # a noun right after نفذت is told, as a verb tells it: a strike carried out two years
    # back is historical; named by the noun alone ("ملف الضربة الجوية") it is only referred to
    told = events("وقال مسؤول إن إسرائيل نفذت بالفعل ضربة جوية في سورية في مارس 2006.")
    assert [(e.sub_event_type, e.modality) for e in told] == [("Air/drone strike", "historical")]


def test_coder_an_act_told_in_a_relative_clause_is_still_a_reference() -> None:
    text = "وأدت المسرحية شخصية الشرير الذي نفذ عملية اختطاف لطلاب المدرسة بهدف المطالبة بفدية."
    assert [e for e in asserted(text) if e.plover["type"] == "ASSAULT"] == []
