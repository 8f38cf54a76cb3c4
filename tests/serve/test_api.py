"""The REST API driven through TestClient on SQLite and PostgreSQL, with events stored
through the store's own save path on the worked example and SaudiNewsNet articles."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi.testclient import TestClient


def _all(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    out, cursor = [], None
    while True:
        q = {**params, "limit": params.get("limit", 500)}
        if cursor:
            q["cursor"] = cursor
        r = client.get("/api/events", params=q)
        assert r.status_code == 200, r.text
        body = r.json()
        out += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return out


def test_api_events_list_and_filters(client: TestClient, built: dict[str, Any]) -> None:
    events = _all(client)
    ids = [e["id"] for e in events]
    assert built["seed_event"] in ids
    assert len(ids) == len(set(ids)) >= 10
    seed = next(e for e in events if e["id"] == built["seed_event"])
    assert seed["event_type"] == "Explosions/Remote violence"
    assert seed["sub_event_type"] == "Air/drone strike"
    assert seed["location_name_ar"] == "البوكمال" and seed["status"] == "unreviewed"
    # newest first: the 2019 strike before the 2015 articles
    assert ids[0] == built["seed_event"]

    battles = _all(client, event_type="Battles")
    assert battles and all(e["event_type"] == "Battles" for e in battles)
    assert len(battles) < len(events)
    assert [e["id"] for e in _all(client, since="2019-01-01", until="2019-12-31")] == [built["seed_event"]]
    assert _all(client, until="2015-12-31") and built["seed_event"] not in [e["id"] for e in _all(client, until="2015-12-31")]
    assert [e["id"] for e in _all(client, bbox="40,34,41.5,35")] == [built["seed_event"]]
    assert {e["country"] for e in _all(client, country="ye")} == {"YE"}
    assert [e["id"] for e in _all(client, actor="Popular Mobilization")] == [built["seed_event"]]
    assert [e["id"] for e in _all(client, actor="الحشد")] == [built["seed_event"]]
    assert [e["id"] for e in _all(client, plover_type="ASSAULT", min_confidence=0.8)] == [built["seed_event"]]
    assert built["seed_event"] in [e["id"] for e in _all(client, q="البوكمال")]
    assert built["seed_event"] not in [e["id"] for e in _all(client, q="تعز")]
    assert _all(client, review_status="accepted") == []


def test_api_cursor_pages_cover_everything_once(client: TestClient) -> None:
    full = [e["id"] for e in _all(client)]
    paged = [e["id"] for e in _all(client, limit=4)]
    assert paged == full
    for bad in ("not-a-cursor!", "bm90LWpzb24"):
        r = client.get("/api/events", params={"cursor": bad})
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "cursor"]


def test_api_event_detail_evidence_matches_the_text(client: TestClient, built: dict[str, Any]) -> None:
    r = client.get(f"/api/events/{built['seed_event']}")
    assert r.status_code == 200
    ev = r.json()
    doc = next(d for d in ev["documents"] if d["id"] == built["seed_document"])
    text = doc["text"]
    fields = {f["name"]: f for f in ev["fields"]}
    for f in ev["fields"]:
        for s in f["spans"]:
            assert text[s["start"]:s["end"]] == s["text"], f["name"]
    assert [s["text"] for s in fields["location"]["spans"]] == ["البوكمال"]
    assert fields["event_date"]["value"] == "2019-09-17"
    assert fields["event_date"]["value_ar"] == "ليل الاثنين- الثلاثاء الماضي"
    assert fields["actor2"]["value"] == "Popular Mobilization Forces" and fields["actor2"]["value_ar"] == "الحشد الشعبي"
    assert fields["event_type"]["value_ar"] == "انفجارات/عنف عن بعد"
    stances = {(a["stance"], a["actor_en"], a["by"]) for a in ev["attributions"]}
    assert ("suspected", "International Coalition", "مصادر محلية") in stances
    assert ("denied", "Military Forces of Israel", "مصادر محلية") in stances
    assert ev["event"]["perpetrator_status"] == "attributed"
    assert client.get("/api/events/nope").status_code == 404


def test_api_review_needs_a_valid_token(client: TestClient, built: dict[str, Any]) -> None:
    url = f"/api/events/{built['seed_event']}/review"
    assert client.post(url, json={"action": "accept"}).status_code == 401
    bad = {"Authorization": "Bearer msd_000000000000_wrong"}
    assert client.post(url, json={"action": "accept"}, headers=bad).status_code == 401


def test_api_edit_wins_keeps_machine_value_and_reverts(client: TestClient, built: dict[str, Any], auth: dict[str, str]) -> None:
    eid = built["seed_event"]
    r = client.post(f"/api/events/{eid}/review", json={"action": "edit", "field": "fatalities", "value": 3},
                    headers=auth)
    assert r.status_code == 200, r.text
    ev = client.get(f"/api/events/{eid}").json()
    fat = next(f for f in ev["fields"] if f["name"] == "fatalities")
    assert fat["value"] == 3 and fat["machine"] is None and fat["edited"]
    assert ev["status"] == "edited" and ev["machine"]["fatalities"] is None
    h = ev["history"][-1]
    assert (h["action"], h["field"], h["before"], h["after"]) == ("edit", "fatalities", None, 3)
    assert h["who"].startswith("analyst-") and h["at"]
    listed = next(e for e in _all(client) if e["id"] == eid)
    assert listed["fatalities"] == 3
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "csv"}).text)))
    assert next(r for r in rows if r["marsad_id"] == eid)["fatalities"] == "3"
    # edit the type: filters follow the reviewed value
    client.post(f"/api/events/{eid}/review", json={"action": "edit", "field": "event_type", "value": "Battles"}, headers=auth)
    assert eid in [e["id"] for e in _all(client, event_type="Battles")]
    assert eid not in [e["id"] for e in _all(client, event_type="Explosions/Remote violence")]
    # revert the fatalities edit: machine value back, type edit stays
    rid = ev["history"][-1]["id"]
    assert client.post(f"/api/reviews/{rid}/revert", headers=auth).status_code == 200
    ev = client.get(f"/api/events/{eid}").json()
    assert ev["event"]["fatalities"] is None and ev["event"]["event_type"] == "Battles"
    assert [h["reverted"] for h in ev["history"]] == [True, False, False]
    assert client.post(f"/api/reviews/{rid}/revert", headers=auth).status_code == 409


def test_api_bad_edits_are_refused(client: TestClient, built: dict[str, Any], auth: dict[str, str]) -> None:
    url = f"/api/events/{built['seed_event']}/review"
    for body in ({"action": "edit", "field": "event_type", "value": "Picnic"},
                 {"action": "edit", "field": "lat", "value": 123},
                 {"action": "edit", "field": "id", "value": "x"},
                 {"action": "edit", "field": "event_date", "value": "yesterday"},
                 {"action": "destroy"},
                 {"action": "accept", "sql": "DROP TABLE events"}):
        r = client.post(url, json=body, headers=auth)
        assert r.status_code == 422, (body, r.text)
    assert client.get(f"/api/events/{built['seed_event']}").json()["history"] == []


def test_api_reject_hides_from_export_but_keeps_the_event(client: TestClient, built: dict[str, Any], auth: dict[str, str]) -> None:
    eid = built["seed_event"]
    assert client.post(f"/api/events/{eid}/review", json={"action": "reject", "note": "not an event"}, headers=auth).status_code == 200
    assert [e["id"] for e in _all(client, review_status="rejected")] == [eid]
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert eid not in {json.loads(x)["id"] for x in lines}
    assert client.get(f"/api/events/{eid}").json()["status"] == "rejected"
    # the store's own exporter honours the rejection too (events.status)
    from marsad.export.query import load_events

    assert eid not in [e["id"] for e in load_events(client.app.state.store)]


def test_api_merge_and_split_are_reversible(client: TestClient, built: dict[str, Any], auth: dict[str, str]) -> None:
    events = _all(client)
    a, b = built["seed_event"], next(e["id"] for e in events if e["id"] != built["seed_event"])
    n_b_docs = len(client.get(f"/api/events/{b}").json()["documents"])
    r = client.post(f"/api/events/{a}/merge", json={"other": b}, headers=auth)
    assert r.status_code == 200, r.text
    after = [e["id"] for e in _all(client)]
    assert b not in after and a in after
    detail = client.get(f"/api/events/{a}").json()
    assert len(detail["documents"]) == 1 + n_b_docs
    assert client.get(f"/api/events/{b}").json()["status"] == "merged"
    merge_id = r.json()["review_id"]
    assert client.post(f"/api/reviews/{merge_id}/revert", headers=auth).status_code == 200
    assert b in [e["id"] for e in _all(client)]
    assert len(client.get(f"/api/events/{a}").json()["documents"]) == 1

    # split: take one document's report out of a two-document event, then put it back
    assert client.post(f"/api/events/{a}/merge", json={"other": b}, headers=auth).status_code == 200
    d = client.get(f"/api/events/{a}").json()
    doc = next(x["id"] for x in d["documents"] if x["id"] != built["seed_document"])
    r = client.post(f"/api/events/{a}/split", json={"document_id": doc}, headers=auth)
    assert r.status_code == 200, r.text
    new = r.json()["new_event_id"]
    assert [x["id"] for x in client.get(f"/api/events/{new}").json()["documents"]] == [doc]
    assert doc not in [x["id"] for x in client.get(f"/api/events/{a}").json()["documents"]]
    assert new in [e["id"] for e in _all(client)]
    assert client.post(f"/api/reviews/{r.json()['review_id']}/revert", headers=auth).status_code == 200
    assert new not in [e["id"] for e in _all(client)]
    assert doc in [x["id"] for x in client.get(f"/api/events/{a}").json()["documents"]]
    assert client.post(f"/api/events/{a}/split", json={"document_id": "nope"}, headers=auth).status_code == 422


def test_api_stats_add_up(client: TestClient) -> None:
    n = len(_all(client))
    for by in ("day", "week", "event_type", "country", "admin1"):
        items = client.get("/api/stats", params={"by": by}).json()["items"]
        assert sum(i["count"] for i in items) == n, by
    weeks = client.get("/api/stats", params={"by": "week"}).json()["items"]
    assert "2019-09-16" in [w["key"] for w in weeks]  # the Monday of the strike's week


def test_api_documents_actors_places(client: TestClient, built: dict[str, Any]) -> None:
    found = client.get("/api/documents", params={"q": "مجمع الإمام علي"}).json()["items"]
    assert [d["id"] for d in found] == [built["seed_document"]]
    doc = client.get(f"/api/documents/{built['seed_document']}").json()
    assert "البوكمال" in doc["text"] and doc["mentions"][0]["event_id"] == built["seed_event"]
    actors = client.get("/api/actors", params={"q": "hezbollah"}).json()["items"]
    assert [a["name_ar"] for a in actors] == ["حزب الله"]
    places = client.get("/api/places", params={"q": "تعز"}).json()["items"]
    assert places and places[0]["name_en"] == "Taiz"


def test_api_export_formats(client: TestClient, built: dict[str, Any]) -> None:
    r = client.get("/api/export", params={"format": "geojson", "country": "SY"})
    gj = r.json()
    assert r.headers["content-type"].startswith("application/geo+json")
    assert built["seed_event"] in [f["id"] for f in gj["features"]]
    assert all(f["properties"]["country"] == "Syria" for f in gj["features"])
    seed_feat = next(f for f in gj["features"] if f["id"] == built["seed_event"])
    assert seed_feat["geometry"]["coordinates"] == [40.9171, 34.4506]
    assert seed_feat["properties"]["review_status"] == "unreviewed"
    plover = client.get("/api/export", params={"format": "json", "country": "SY"}).json()
    rec = next(p for p in plover if p["id"] == built["seed_event"])
    assert rec["event"] == "ASSAULT" and rec["mode"] == "aerial" and rec["mentions"][0]["evidence"]
    import pandas as pd

    df = pd.read_parquet(io.BytesIO(client.get("/api/export", params={"format": "parquet"}).content))
    assert built["seed_event"] in set(df["marsad_id"]) and len(df) == len(_all(client))
    from marsad.export.acled import ACLED_COLUMNS

    text = client.get("/api/export", params={"format": "csv"}).text
    header = next(csv.reader(io.StringIO(text)))
    assert tuple(header[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS  # exactly ACLED's columns first
    rows = list(csv.DictReader(io.StringIO(text)))
    seed = next(r for r in rows if r["marsad_id"] == built["seed_event"])
    assert seed["event_id_cnty"].startswith("SYR") and seed["country"] == "Syria"
    assert seed["assoc_actor_2"] == "Hezbollah" and seed["actor1_ar"] == "" and seed["location_ar"] == "البوكمال"


def test_api_reviewed_date_moves_event_between_ranges(client: TestClient, built: dict[str, Any], auth: dict[str, str]) -> None:
    eid = built["seed_event"]
    r = client.post(f"/api/events/{eid}/review", json={"action": "edit", "field": "event_date", "value": "2015-07-10"},
                    headers=auth)
    assert r.status_code == 200, r.text
    assert eid not in [e["id"] for e in _all(client, since="2019-01-01")]
    in_2015 = _all(client, since="2015-07-01", until="2015-07-15")
    assert [e["id"] for e in in_2015] == [eid] and in_2015[0]["event_date"] == "2015-07-10"
    # pages of two across both date arms: every event once
    full = [e["id"] for e in _all(client, since="2015-01-01", until="2015-12-31")]
    assert eid in full and [e["id"] for e in _all(client, since="2015-01-01", until="2015-12-31", limit=2)] == full


def test_api_big_event_sends_first_texts_only(client: TestClient, built: dict[str, Any], auth: dict[str, str]) -> None:
    from marsad.serve.records import MAX_TEXTS

    a = built["seed_event"]
    for e in _all(client):
        if e["id"] != a:
            assert client.post(f"/api/events/{a}/merge", json={"other": e["id"]}, headers=auth).status_code == 200
    docs = client.get(f"/api/events/{a}").json()["documents"]
    assert len(docs) == len(built["documents"]) > MAX_TEXTS
    assert all(d["text"] for d in docs[:MAX_TEXTS]) and all(d["text"] is None for d in docs[MAX_TEXTS:])
    assert client.get(f"/api/documents/{docs[-1]['id']}").json()["text"]
    assert [e["id"] for e in _all(client)] == [a]
