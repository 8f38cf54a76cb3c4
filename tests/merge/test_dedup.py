"""Cross-document deduplication: the pure clustering, and canonical events in a store."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from marsad.ingest.ids import document_id
from marsad.merge.dedup import cluster_events, cluster_with_reasons
from marsad.run.work import DocumentResult
from marsad.store import NewDocument, Store
from marsad.store import models as m
from marsad.store.canonical import allow_merge, deduplicate_store, split_mention
from tests.store.events import make_event, seed_documents

D = dt.date(2019, 9, 17)


@pytest.fixture(scope="module")
def docs(seed_text: str) -> dict[str, str]:
    return seed_documents(seed_text)


def test_dedup_same_strike_in_two_documents_merges(docs) -> None:
    a = make_event(docs["A"], trigger="الغارات", place="البوكمال", date=D)
    b = make_event(docs["B"], trigger="الغارات", place="البوكمال", date=D + dt.timedelta(days=1),
                   actor1="التحالف الدولي")
    [c] = cluster_with_reasons([("A", a), ("B", b)])
    assert c.members == [0, 1]
    assert "1 day(s) apart" in c.reasons[1] and "geonameid 174448" in c.reasons[1]


def test_dedup_nearby_place_merges_far_place_does_not(docs) -> None:
    a = make_event(docs["A"], trigger="الغارات", place="البوكمال", date=D)
    near = make_event(docs["B"], trigger="الغارات", place="البوكمال", date=D)
    near.location.geonameid, near.location.lat, near.location.lon = 999, 34.50, 40.80  # ~12 km
    far = make_event(docs["C"], trigger="البوكمال", place="البوكمال", date=D)
    far.location.geonameid, far.location.lat, far.location.lon = 998, 36.20, 37.16  # Aleppo
    clusters = cluster_events([("A", a), ("B", near), ("C", far)])
    assert clusters == [[0, 1], [2]]


def test_dedup_distinct_events_same_day_same_town_stay_apart(docs) -> None:
    strike = make_event(docs["A"], trigger="الغارات", place="البوكمال", date=D)
    shelling = make_event(docs["B"], trigger="الغارات", place="البوكمال", date=D,
                          sub_event_type="Shelling/artillery/missile attack")
    on_pmf = make_event(docs["C"], trigger="البوكمال", place="البوكمال", date=D,
                        actor2="الحشد الشعبي")
    on_hezbollah = make_event(docs["A"], trigger="لقصف", place="البوكمال", date=D,
                              actor2="حزب الله", event_id="e2")
    clusters = cluster_events([("A", strike), ("B", shelling), ("C", on_pmf),
                               ("A", on_hezbollah)])
    # strike (A) may join the PMF strike (C) but never its own document's second event,
    # and the PMF and Hezbollah strikes conflict: complete linkage keeps all apart but A~C
    assert sorted(clusters) == [[0, 2], [1], [3]]


def test_dedup_dates_too_far_or_vague_stay_apart(docs) -> None:
    a = make_event(docs["A"], trigger="الغارات", place="البوكمال", date=D)
    later = make_event(docs["B"], trigger="الغارات", place="البوكمال", date=D + dt.timedelta(days=5))
    vague = make_event(docs["C"], trigger="البوكمال", place="البوكمال", date=D, precision="month")
    undated = make_event(docs["C"], trigger="البوكمال", place="البوكمال", date=None, event_id="e2")
    assert cluster_events([("A", a), ("B", later), ("C", vague), ("D", undated)]) == [
        [0], [1], [2], [3]]


def test_dedup_does_not_chain(docs) -> None:
    # A~B (1 day) and B~C (1 day) but A and C are 2+1 days apart: C must not join A's event
    evs = [make_event(docs["A"], trigger="الغارات", place="البوكمال", date=D),
           make_event(docs["B"], trigger="الغارات", place="البوكمال", date=D + dt.timedelta(2)),
           make_event(docs["C"], trigger="البوكمال", place="البوكمال", date=D + dt.timedelta(4))]
    clusters = cluster_events([(k, e) for k, e in zip("ABC", evs, strict=True)])
    assert [0, 1, 2] not in clusters and sorted(i for c in clusters for i in c) == [0, 1, 2]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ABC"), st.integers(0, 6),
                          st.sampled_from(["البوكمال", "دير الزور", "حلب"]),
                          st.sampled_from(["Air/drone strike", "Armed clash"])), max_size=12))
def test_dedup_every_index_in_exactly_one_cluster(seed_text: str, spec) -> None:
    docs = seed_documents(seed_text)
    text = docs["A"] + " حلب"
    items = [(doc, make_event(text, trigger="الغارات", place=place, date=D + dt.timedelta(days),
                              sub_event_type=sub, event_id=f"e{i}"))
             for i, (doc, days, place, sub) in enumerate(spec)]
    clusters = cluster_events(items)
    assert sorted(i for c in clusters for i in c) == list(range(len(items)))
    for c in clusters:  # no cluster holds two mentions of one document
        assert len({items[i][0] for i in c}) == len(c)


def _coded_store(store: Store, docs: dict[str, str]) -> None:
    store.add_documents([NewDocument(document_id(t), t, outlet=f"outlet-{k}", origin=k,
                                     published=D) for k, t in docs.items()])
    run = store.start_run("extract")
    tasks = store.claim_documents(run, 10, version="test")
    results = []
    for t in tasks:
        ev = make_event(t.text, trigger="البوكمال", place="البوكمال", date=D, fatalities=None)
        results.append(DocumentResult(t.id, "test", [ev]))
    store.save_results(run, results)


def test_dedup_store_merges_records_reason_and_split_reverses(store: Store, docs) -> None:
    _coded_store(store, docs)
    stats = deduplicate_store(store)
    assert (stats.mentions, stats.events, stats.merged) == (3, 1, 2)
    with store.read() as conn:
        [ev] = conn.execute(select(m.Event)).mappings().all()
        links = conn.execute(select(m.EventLink.mention_id, m.EventLink.reason)).all()
    assert ev["n_documents"] == 3 and ev["sources"] == "outlet-A; outlet-B; outlet-C"
    assert "same place (geonameid 174448)" in ev["merge_reason"]
    assert len(links) == 3
    # the analyst says C's report is another event: the merge is reversed, and stays so
    mid_c = f"{document_id(docs['C'])}/e1"
    split = split_mention(store, mid_c)
    assert split.events == 2
    assert deduplicate_store(store).events == 2
    with store.read() as conn:
        undone = conn.execute(select(m.EventLink).where(m.EventLink.mention_id == mid_c,
                                                        m.EventLink.undone_at.is_not(None))).all()
        alone = conn.execute(select(m.Event.n_mentions).join(
            m.Mention, m.Mention.event_id == m.Event.id).where(m.Mention.id == mid_c)).scalar()
    assert undone and alone == 1
    assert allow_merge(store, mid_c).events == 1  # and the split itself can be undone


def test_dedup_country_level_place_needs_a_shared_actor(docs) -> None:
    a = make_event(docs["A"], trigger="الغارات", place="البوكمال", date=D)
    b = make_event(docs["B"], trigger="الغارات", place="البوكمال", date=D)
    for ev in (a, b):
        ev.location.precision = "country"  # "in Syria": not a place to merge on
    assert cluster_events([("A", a), ("B", b)]) == [[0], [1]]
    a2 = make_event(docs["A"], trigger="الغارات", place="البوكمال", date=D, actor2="حزب الله")
    b2 = make_event(docs["B"], trigger="الغارات", place="البوكمال", date=D, actor2="حزب الله")
    for ev in (a2, b2):
        ev.location.precision = "country"
    assert cluster_events([("A", a2), ("B", b2)]) == [[0, 1]]


def _payload(actor2_id: str, sector: str) -> dict:
    """An event as `Event.to_dict()` gives it: a border post shelled, as one outlet told it."""
    return {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
            "date": {"value": "2015-07-31", "precision": "day"},
            "location": {"country": "SA", "geonameid": 105299, "lat": 16.89, "lon": 42.55,
                         "precision": "exact", "admin2": None},
            "actor1": None, "actor2": {"id": actor2_id, "generic": False, "sector": sector}}


def test_dedup_one_state_organ_or_another_is_the_same_target() -> None:
    # "جنود" in one report, "رجال حرس الحدود" (police) in another: the same attack
    army, police = _payload("SA-MIL", "MIL"), _payload("SA-COP", "COP")
    assert cluster_events([("A", army), ("B", police)]) == [[0, 1]]
    yemen_army = _payload("YE-MIL", "MIL")  # another state's forces: another event
    assert cluster_events([("A", army), ("B", yemen_army)]) == [[0], [1]]
