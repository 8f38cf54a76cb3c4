"""Training the learned gate: which gold sentences each PLOVER type's regression learns from."""

from __future__ import annotations

import numpy as np

from marsad.coder.model import LEARNS_FROM_SPLIT_VOTES, train
from marsad.evaluate.gsr_data import GsrSentence

CITIES = ["الموصل", "كركوك", "بعقوبة", "تكريت", "الرمادي", "سامراء", "الفلوجة", "البصرة"]


def _sentences(event_type: str, yes: list[str], easy: list[str], split: list[str]) -> list[GsrSentence]:
    out = []
    for label, texts in (("yes", yes), ("easy no", easy), ("difficult no", split)):
        for text in texts:
            out.append(GsrSentence(f"AAW_ARB_20080{len(out) % 9 + 1}10.00{len(out):02d}-1",
                                   event_type, label, text))
    return out


def _gold(split: bool) -> list[GsrSentence]:
    attacks = [f"قتل {n} من عناصر الشرطة وأصيب آخرون أمس في هجوم شنه مسلحون على حاجز أمني في {c}"
               for n, c in zip(range(2, 10), CITIES, strict=True)]
    protests = [f"تظاهر مئات الطلاب أمس أمام مبنى المحافظة في {c} احتجاجا على انقطاع الكهرباء"
                for c in CITIES]
    news = [f"افتتح وزير التجارة معرضا للكتاب في {c} بمشاركة عشرات دور النشر العربية" for c in CITIES]
    news += [f"ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج {c}"
             for c in CITIES[:6]]
    attack_split = [f"قال مسؤول إن منفذي الهجوم على مركز الشرطة في {c} ما زالوا فارين" for c in CITIES[:5]]
    protest_split = [f"أعلنت النقابة أن المعلمين في {c} سيعتصمون إذا لم تصرف رواتبهم" for c in CITIES[:5]]
    return (_sentences("ASSAULT", attacks, news, attack_split if split else [])
            + _sentences("PROTEST", protests, news, protest_split if split else []))


def test_the_assault_gate_does_not_learn_from_split_votes_and_the_protest_gate_does() -> None:
    assert LEARNS_FROM_SPLIT_VOTES == {"ASSAULT": False, "PROTEST": True}
    with_split, without = train(_gold(split=True)), train(_gold(split=False))
    # the ASSAULT regression is the same with or without the split sentences ...
    a, b = with_split.gates["ASSAULT"], without.gates["ASSAULT"]
    assert np.array_equal(a.weights, b.weights) and a.bias == b.bias
    # ... which still take part where its threshold and calibration are chosen; PROTEST's
    # regression learns from them
    p, q = with_split.gates["PROTEST"], without.gates["PROTEST"]
    assert not np.array_equal(p.weights, q.weights)
