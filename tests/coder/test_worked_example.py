"""The worked example (DESIGN.md): what an analyst expects from bukamal_strikes.txt."""

from __future__ import annotations

import datetime as dt

import pytest

import marsad


@pytest.fixture(scope="module")
def doc(seed_text: str, resources):
    return marsad.extract(seed_text, published="2019-09-19", title_first_line=True, resources=resources)


def _strikes(doc):
    return [e for e in doc.events if e.sub_event_type == "Air/drone strike" and e.modality == "asserted"]


def test_coder_worked_example_main_strike_is_monday_night_at_albukamal(doc) -> None:
    main = max(_strikes(doc), key=lambda e: len(e.evidence))
    assert main.event_type == "Explosions/Remote violence"
    assert main.plover == {"type": "ASSAULT", "mode": "aerial"}
    assert main.date.value == dt.date(2019, 9, 16) and main.date.precision == "day"
    assert main.location is not None and main.location.country == "SY"
    assert "كمال" in main.location.name_ar.replace(" ", "") or "Kam" in main.location.name_en
    assert len(main.evidence) >= 3  # the strikes are told in many sentences: one event


def test_coder_worked_example_perpetrator_is_attributed_not_known(doc) -> None:
    main = max(_strikes(doc), key=lambda e: len(e.evidence))
    assert main.perpetrator_status == "attributed"
    assert main.actor1 is None or main.actor1.generic
    stances = {(a.actor.name_en.split(" (")[0], a.stance) for a in main.attributions}
    assert ("International Coalition", "asserted") in stances or ("International Coalition", "suspected") in stances
    assert any(a.stance == "denied" and a.actor.country == "IL" for a in main.attributions)
    by = [a.by.text for a in main.attributions if a.by]
    assert by and all("مصادر" in b or "المصادر" in b for b in by)


def test_coder_worked_example_no_invented_toll(doc) -> None:
    assert all(e.fatalities.value in (None, 0) for e in doc.events)
    assert "No fatalities reported" in _strikes(doc)[0].notes_en


def test_coder_worked_example_keeps_distinct_events_apart(doc) -> None:
    strikes = _strikes(doc)
    assert len(strikes) == 2  # the strike of Monday night and the earlier one
    earlier = min(strikes, key=lambda e: e.date.value)
    assert earlier.date.value < dt.date(2019, 9, 16)
    subs = {e.sub_event_type for e in doc.events}
    assert "Non-violent transfer of territory" in subs  # fighters withdrawing from HQs


def test_coder_worked_example_targets_and_visit(doc) -> None:
    main = max(_strikes(doc), key=lambda e: len(e.evidence))
    targets = [a for a in (main.actor2, *main.assoc_actor_2) if a is not None]
    assert any(a.name_en.startswith("Hezbollah") for a in targets)  # "مقاتلو حزب الله"
    assert any("Iran" in a.name_en for a in targets)  # "ميليشيات إيرانية": Iran-backed
    (visit,) = [e for e in doc.events if e.actor1 is not None and "Muhandis" in e.actor1.name_en]
    # "وكانت آخر زيارة له يوم 9 أيلول/سبتمبر": the pronoun ties the date to his visit
    assert visit.date.value == dt.date(2019, 9, 9) and visit.date.precision == "day"


def test_coder_worked_example_offsets_point_into_the_text(doc, seed_text: str) -> None:
    for e in doc.events:
        for ev in e.evidence:
            assert seed_text[ev.start : ev.end] == ev.text
        if e.location:
            assert seed_text[e.location.start : e.location.end] == e.location.text
        for a in e.attributions:
            assert seed_text[a.start : a.end] == a.text
