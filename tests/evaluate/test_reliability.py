"""The reliability table of event confidence: known pairs give known bands."""

from __future__ import annotations

import pytest

from marsad.evaluate.gsr import Prediction, score_gsr
from marsad.evaluate.gsr_data import GsrSentence
from marsad.evaluate.reliability import format_reliability, reliability
from tests.evaluate.test_gsr import _event


def test_reliability_bands_count_share_and_brier() -> None:
    pairs = [(0.1, False), (0.15, True), (0.95, True), (1.0, True), (0.5, False), (-0.2, False)]
    rel = reliability(pairs, edges=(0.0, 0.5, 1.0))
    low, high = rel.bands
    assert (low.events, low.correct) == (3, 1)  # -0.2 is clipped into the first band
    assert (high.events, high.correct) == (3, 2)  # 0.5 opens the upper band, 1.0 closes it
    assert high.share_correct == pytest.approx(2 / 3)
    assert low.mean_confidence == pytest.approx(0.25 / 3)
    brier = (0.01 + 0.85**2 + 0.05**2 + 0 + 0.25 + 0) / 6
    assert rel.brier == pytest.approx(brier)
    assert rel.to_dict()["bands"][1] == {"low": 0.5, "high": 1.0, "events": 3, "correct": 2,
                                         "share_correct": 0.6667, "mean_confidence": 0.8167}
    # right events at 0.15, 0.95, 1.0; wrong at -0.2 (clipped to 0), 0.1, 0.5: 8 of 9 pairs ordered
    assert rel.auc == pytest.approx(8 / 9)
    assert "6 events, Brier score 0.164, ROC AUC 0.889" in format_reliability(rel, "t")[-1]


def test_reliability_of_nothing_and_bad_edges() -> None:
    assert reliability([]).brier is None and reliability([]).to_dict()["bands"] == []
    assert reliability([(0.3, True), (0.9, True)]).auc is None  # no wrong event to rank against
    with pytest.raises(ValueError):
        reliability([(0.5, True)], edges=(1.0, 0.0))


def test_gsr_reliability_counts_predicted_positives_by_label() -> None:
    towns = ["العريش", "رفح", "الشيخ زويد", "بئر العبد", "الحسنة"]
    labels = ["yes", "easy no", "difficult no", "ambiguous", "yes"]
    sentences = [GsrSentence(f"AAW_ARB_20080110.0001-{i}", "ASSAULT", lb,
                             f"قتل ثلاثة جنود في هجوم على حاجز للجيش في مدينة {town} أمس.")
                 for i, (lb, town) in enumerate(zip(labels, towns, strict=True))]
    conf = [0.9, 0.85, 0.3, 0.9, None]  # the last sentence is predicted negative

    def predict(batch):
        out = []
        for s in batch:
            c = conf[int(s.id.rsplit("-", 1)[1])]
            ev = _event("ASSAULT")
            if c is not None:
                ev.confidence = c
            out.append(Prediction([ev] if c is not None else []))
        return out

    a = score_gsr(sentences, predict).types["ASSAULT"]
    strict = a.reliability("strict").to_dict()
    assert strict["events"] == 3  # ambiguous and negatives are left out
    assert [(b["low"], b["events"], b["correct"]) for b in strict["bands"]] == [
        (0.2, 1, 0), (0.8, 1, 0), (0.9, 1, 1)]
    clean = a.reliability("clean").to_dict()
    assert [(b["low"], b["events"], b["correct"]) for b in clean["bands"]] == [(0.8, 1, 0), (0.9, 1, 1)]
    assert a.to_dict()["reliability"]["clean"] == clean
