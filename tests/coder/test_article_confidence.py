"""Confidence of events in whole articles, and the calibrated sentence gate."""

from __future__ import annotations

import numpy as np
import pytest

import marsad
from marsad.coder import model
from marsad.coder.article_confidence import FEATURES, ArticleConfidence, features, position
from marsad.coder.model import N_FEAT, N_TEXT, _best_threshold, _matrix, _platt, _raw_scores
from marsad.evaluate.docs_confidence import cross_validate
from marsad.resources import Resources
from marsad.text.normalise import normalise

ARTICLE = (
    "مقتل ثلاثة جنود في هجوم على حاجز للجيش في العريش\n"
    "قتل ثلاثة جنود مصريين وأصيب خمسة آخرون أمس الاثنين في هجوم شنه مسلحون مجهولون على "
    "حاجز أمني في مدينة العريش بشمال سيناء، بحسب مصادر أمنية. "
    "وقالت المصادر إن المسلحين فروا بعد الهجوم إلى منطقة صحراوية جنوب المدينة. "
    "وأضافت أن قوات الجيش بدأت عملية تمشيط واسعة في المنطقة بحثا عن المهاجمين. "
    "وفي سياق منفصل، اعتقلت قوات الأمن أمس خمسة أشخاص في القاهرة بتهمة الانتماء إلى جماعة محظورة."
)


def _events(resources: Resources):
    doc = marsad.extract(ARTICLE, published="2015-07-21", title_first_line=True, resources=resources)
    return doc, [e for e in doc.events if e.modality == "asserted"]


def test_article_events_are_ranked_by_how_the_article_tells_them(resources) -> None:
    doc, evs = _events(resources)
    attack = next(e for e in evs if e.plover["type"] == "ASSAULT")
    arrest = next(e for e in evs if e.plover["type"] == "COERCE")
    assert position(attack, doc) == 0  # told in the headline and the lead
    assert position(arrest, doc) == 3  # the fourth body sentence, "in a separate context"
    assert attack.confidence > arrest.confidence
    assert 0.0 <= arrest.confidence <= attack.confidence <= 1.0


def test_article_features_follow_the_event(resources) -> None:
    off = Resources(options={"article_confidence": None})
    doc, evs = _events(off)
    attack = next(e for e in evs if e.plover["type"] == "ASSAULT")
    x = dict(zip(FEATURES, features(attack, doc), strict=True))
    assert x["lead"] == 1.0 and x["position"] == 0.0
    assert x["killed"] == 1.0 and x["place"] == 1.0 and x["violence"] == 1.0 and x["protest"] == 0.0
    assert x["mentions"] > 0  # the headline and the lead both tell it
    assert x["sentence_score"] == attack.confidence  # the model was off: the sentence score


def test_a_lone_sentence_keeps_the_gate_probability(resources) -> None:
    text = "قتل ثلاثة جنود مصريين وأصيب خمسة آخرون أمس في هجوم شنه مسلحون على حاجز أمني في مدينة العريش."
    doc = marsad.extract(text, published="2015-07-21", resources=resources)
    (ev,) = [e for e in doc.events if e.plover["type"] == "ASSAULT"]
    assert any(w.startswith("gate p=") and float(w.split("=")[1]) == pytest.approx(ev.confidence, abs=0.006)
               for w in ev.why)


def test_article_model_round_trips_and_rejects_other_features(tmp_path) -> None:
    model = ArticleConfidence(tuple(0.1 * i for i in range(len(FEATURES))), -0.5)
    path = tmp_path / "m.json"
    path.write_text(model.to_json(events=3))
    assert ArticleConfidence.load(path) == model
    path.write_text(model.to_json().replace('"lead"', '"headline"'))
    with pytest.raises(ValueError, match="trained on features"):
        ArticleConfidence.load(path)


def test_cross_validation_scores_each_event_once_held_out() -> None:
    rng = np.random.default_rng(3)
    docs = []
    for _ in range(20):  # lead events are right, late ones are not
        docs.append([([1.0, 0.0, *rng.random(len(FEATURES) - 2)], True),
                     ([0.0, 1.5, *rng.random(len(FEATURES) - 2)], False)])
    pairs = cross_validate(docs, 5)
    assert len(pairs) == 40
    right = [c for c, ok in pairs if ok]
    wrong = [c for c, ok in pairs if not ok]
    assert min(right) > max(wrong)
    with pytest.raises(ValueError):
        cross_validate(docs, 1)


def test_platt_scaling_recovers_a_known_calibration() -> None:
    rng = np.random.default_rng(0)
    z = rng.normal(0, 3, 20000)
    y = (rng.random(len(z)) < 1 / (1 + np.exp(-(0.5 * z - 1.0)))).astype(int)
    scale, shift = _platt(z, y)
    assert scale == pytest.approx(0.5, abs=0.05) and shift == pytest.approx(-1.0, abs=0.1)
    assert _platt(z, np.zeros_like(y)) == (1.0, 0.0)  # one class: left uncalibrated


def test_the_gate_threshold_sits_inside_a_plateau_of_f1_not_on_its_edge() -> None:
    # F1 is 0.87 for every threshold from 0.225 to 0.45 and falls off on both sides: the
    # edge is one sentence away from the fall, the middle is not
    p = np.array([0.46] * 8 + [0.71] * 2 + [0.2] * 10 + [0.69] * 3)
    y = np.array([1] * 10 + [0] * 13)
    assert 0.25 <= _best_threshold(p, y) <= 0.425


def test_gate_scores_hashed_in_parts_equal_the_training_matrix() -> None:
    # scoring takes the vectorisers apart for speed; training builds the full matrix: one
    # sentence vector shared by two candidates, and an empty sentence
    texts = ["قتل ثلاثة جنود مصريين في هجوم شنه مسلحون على حاجز في العريش",
             "تظاهر مئات الطلاب أمام مبنى الجامعة احتجاجا على رفع الرسوم", ""]
    feats = ["fam=kill str=strong verb killed", "fam=attack pos=n", "fam=protest verb", "nocand"]
    rows = [0, 0, 1, 2]
    w = np.random.default_rng(3).normal(size=N_TEXT + N_FEAT)
    expected = _matrix(texts, feats, rows) @ w
    assert _raw_scores({"t": w}, texts, feats, rows)["t"] == pytest.approx(expected, rel=1e-9)
    assert len(set(np.round(expected, 6))) == 4


def test_text_counts_summed_from_words_equal_hashing_each_whole_sentence(monkeypatch) -> None:
    # the gate hashes each word's n-grams once and adds them up; sklearn hashes the
    # sentence: repeated words, Latin capitals (lower-cased), runs of spaces, an empty text,
    # and a word table emptied between two batches must all give the same counts
    texts = ["قال مصدر أمني إن مسلحين هاجموا الحاجز الأمني، وقال المصدر إن الهجوم أسفر عن مقتل جنديين",
             "نقلت وكالة   Reuters عن شهود أن قوات ISIS انسحبت من قرية\nشمال حلب", "",
             "هاجموا هاجموا هاجموا"]
    expected = model._TEXT_HASH.transform(model._NGRAMS(normalise(t).text) for t in texts)
    assert (model._text_counts(texts) != expected).nnz == 0
    monkeypatch.setattr(model, "_MAX_WORDS", 3)
    assert (model._text_counts(texts[:2]) != expected[:2]).nnz == 0
    assert (model._text_counts(texts[2:]) != expected[2:]).nnz == 0


def test_cross_validation_also_trains_on_the_other_set_and_never_scores_it() -> None:
    rng = np.random.default_rng(5)

    def doc(lead_right: bool) -> list:
        noise = rng.random(len(FEATURES) - 2)
        return [([1.0, 0.0, *noise], lead_right), ([0.0, 1.5, *noise], not lead_right)]

    held = [doc(True) for _ in range(4)]  # too few documents to learn the pattern alone
    other = [doc(True) for _ in range(30)]
    pairs = cross_validate(held, 4, also=other)
    assert len(pairs) == 8  # only the held-out set's events are scored
    assert min(c for c, ok in pairs if ok) > max(c for c, ok in pairs if not ok)


def test_audit_rows_label_judged_events_by_their_verdict(resources) -> None:
    from marsad.evaluate.audit import Judged
    from marsad.evaluate.docs import GoldDoc, Resolved
    from marsad.evaluate.docs_confidence import audit_rows

    off = Resources(options={"article_confidence": None})
    doc, evs = _events(off)
    attack = next(e for e in evs if e.plover["type"] == "ASSAULT")
    arrest = next(e for e in evs if e.plover["type"] == "COERCE")
    judged = [Judged("u", attack.trigger.start, attack.trigger.text, attack.event_type, "", "right", ""),
              Judged("u", arrest.trigger.start, arrest.trigger.text, arrest.event_type, "", "wrong", ""),
              Judged("v", 0, "x", "Battles", "", "right", "")]  # an article not extracted
    resolved = [Resolved(GoldDoc("u", "saudinewsnet", "u", None, None, None, []), None, ARTICLE)]
    (rows,) = audit_rows(judged, resolved, [doc])
    assert [ok for _, ok in rows] == [True, False]
    assert rows[0][0] == features(attack, doc)
