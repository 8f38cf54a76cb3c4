"""The deduplication gold (gold/dedup-dev.json) and the pairwise scorer, on synthetic clusterings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from marsad.doc import Count, DateRef, Event
from marsad.evaluate import dedup as dd
from marsad.evaluate import docs as dg
from tests.conftest import SAUDINEWSNET, _need

GOLD = Path(__file__).resolve().parents[2] / "gold" / "dedup-dev.json"


def test_dedup_pairs_of_clusters():
    assert dd.pairs_of([["b", "a", "c"], ["d"], ["e", "e"]]) == {("a", "b"), ("a", "c"), ("b", "c")}


def test_dedup_perfect_and_empty_clusterings():
    gold = [["a", "b", "c"], ["d", "e"], ["f"]]
    s = dd.pairwise_scores(gold, [["c", "b", "a"], ["e", "d"], ["f"]])
    assert (s.tp, s.fp, s.fn, s.precision, s.recall) == (4, 0, 0, 1.0, 1.0)
    s = dd.pairwise_scores(gold, [[x] for x in "abcdef"])
    assert (s.tp, s.fp, s.fn, s.precision, s.recall) == (0, 0, 4, None, 0.0)


def test_dedup_over_merging_and_splitting_give_known_numbers():
    gold = [["a", "b", "c"], ["d", "e"], ["f"]]
    # everything in one cluster: 15 pairs predicted, 4 right
    s = dd.pairwise_scores(gold, [list("abcdef")])
    assert (s.tp, s.fp, s.fn) == (4, 11, 0)
    assert s.precision == pytest.approx(4 / 15) and s.recall == 1.0
    # a split and a wrong merge: {a,b} {c,d,e} {f}: tp ab,de = 2; fp cd,ce = 2; fn ac,bc = 2
    s = dd.pairwise_scores(gold, [["a", "b"], ["c", "d", "e"], ["f"]])
    assert (s.tp, s.fp, s.fn) == (2, 2, 2)
    assert s.f1 == pytest.approx(0.5)


def test_dedup_ignores_documents_outside_the_gold_and_counts_near_misses():
    gold = [["a", "b"], ["c"]]
    s = dd.pairwise_scores(gold, [["a", "b", "x", "y"], ["c", "z"]])
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    s = dd.pairwise_scores(gold, [["a", "b", "c"]], near_misses=[("c", "a"), ("b", "c")])
    assert (s.tp, s.fp, s.near_miss_pairs, s.near_miss_merged) == (1, 2, 2, 2)


def _event(i: int) -> Event:
    return Event(
        id=str(i), event_type="Battles", sub_event_type="Armed clash", plover={"type": "FIGHT", "mode": None},
        date=DateRef(dt.date(2015, 7, 31), "day"), location=None, actor1=None, assoc_actor_1=[], actor2=None,
        assoc_actor_2=[], perpetrator_status="unknown", attributions=[], fatalities=Count(0), injuries=Count(None),
        sources=[], outlet=None, modality="asserted", evidence=[], confidence=1.0, notes_en="",
    )


def test_dedup_event_clusters_become_document_clusters():
    gold = dd.DedupGold(
        clusters=[dd.GoldCluster("x", "", ["u1", "u2", "u3"]), dd.GoldCluster("y", "", ["u4", "u5"])],
        near_misses=[dd.NearMiss(("x", "y"), "same day")],
    )
    # two events from u1; the clusterer joins u1's first event with u2 and u4 (wrong), its second with u3
    items = [("u1", _event(0)), ("u1", _event(1)), ("u2", _event(2)), ("u3", _event(3)), ("u4", _event(4)),
             ("u5", _event(5))]
    clusters = [[0, 2, 4], [1, 3], [5]]
    assert dd.document_clusters(items, clusters) == [["u1", "u2", "u4"], ["u1", "u3"], ["u5"]]
    s = dd.score_dedup(gold, items, clusters)
    # predicted pairs: u1-u2, u1-u4, u2-u4, u1-u3; gold: u1-u2, u1-u3, u2-u3, u4-u5
    assert (s.tp, s.fp, s.fn) == (2, 2, 2)
    assert (s.near_miss_pairs, s.near_miss_merged) == (6, 2)
    assert "near-miss" in dd.format_pair_scores(s, articles=5, events=6)


# --- the gold file itself ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> dd.DedupGold:
    return dd.load_dedup_gold(GOLD)


def test_dedup_gold_size(gold):
    multi = [c for c in gold.clusters if len(c.urls) >= 2]
    assert len(multi) >= 30
    assert len(gold.near_misses) >= 10
    assert len(dd.pairs_of(c.urls for c in gold.clusters)) >= 100
    assert len({c.id for c in gold.clusters}) == len(gold.clusters)
    for c in gold.clusters:
        assert len(set(c.urls)) == len(c.urls), c.id
        assert c.event and c.date and dt.date.fromisoformat(c.date)


def test_dedup_gold_near_misses_are_disjoint_events(gold):
    """A near-miss names two different events, each with articles that report only it.

    (An article reporting both events, such as a ministry round-up, sits in both clusters; the
    pairs it forms are gold pairs and are never counted as near-miss pairs.)"""
    by_id = {c.id: set(c.urls) for c in gold.clusters}
    near = dd.near_miss_pairs(gold) - dd.pairs_of(c.urls for c in gold.clusters)
    assert len(near) >= 50
    for m in gold.near_misses:
        a, b = m.clusters
        assert a != b and by_id[a] - by_id[b] and by_id[b] - by_id[a], m
        assert m.why


def test_dedup_gold_urls_are_corpus_articles(gold):
    found = dg.load_corpus(_need(SAUDINEWSNET), gold.urls)
    missing = [u for u in gold.urls if u not in found]
    assert not missing, missing[:5]


def test_dedup_cluster_function_missing_gives_a_clear_message(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "marsad.merge.dedup", None)  # import fails
    with pytest.raises(dd.InputError, match="cluster_events is not available"):
        dd.cluster_function()
