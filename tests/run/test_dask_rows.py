"""Flattening an Event into a Parquet row, on the worked example's words."""

from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa

from marsad.doc import ActorRef, Count, DateRef, Doc, Event, LocationRef, TextRef
from marsad.run.corpus_rows import EVENT_SCHEMA, MANIFEST_SCHEMA, event_row, manifest_row, to_table


def _ref(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return word, start, start + len(word)


def _event(text: str) -> Event:
    place, ps, pe = _ref(text, "البوكمال")
    hashd, hs, he = _ref(text, "الحشد الشعبي")
    return Event(
        id="e1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        plover={"type": "ASSAULT", "mode": "aerial"},
        date=DateRef(dt.date(2019, 9, 10), "day"),
        location=LocationRef("البوكمال", "Albu Kamal", 170794, "SY", "Deir ez-Zor", 34.45, 40.92,
                             "exact", place, ps, pe),
        actor1=None, assoc_actor_1=[],
        actor2=ActorRef("PMF", "الحشد الشعبي", "Popular Mobilization Forces", "armed_group",
                        "IQ", "UAF", 3, hashd, hs, he),
        assoc_actor_2=[], perpetrator_status="unknown", attributions=[],
        fatalities=Count(None), injuries=Count(None), sources=[], outlet="العربية.نت",
        modality="asserted", evidence=[TextRef(text[ps - 10:pe], ps - 10, pe)],
        confidence=0.8, notes_en="Air strikes near Albu Kamal.",
    )


def test_dask_rows_event_row_flattens_and_keeps_offsets(seed_text):
    doc = Doc(text=seed_text, id="bukamal", published=dt.date(2019, 9, 11))
    ev = _event(seed_text)
    row = event_row(doc, ev, "p-00000", "9.9")
    assert row["document_id"] == "bukamal" and row["partition"] == "p-00000"
    assert row["plover_type"] == "ASSAULT" and row["plover_mode"] == "aerial"
    assert row["geonameid"] == 170794 and row["country"] == "SY"
    assert row["actor1_id"] is None and row["actor2_name_en"] == "Popular Mobilization Forces"
    assert row["actor2_inter"] == 3 and row["fatalities"] is None
    assert row["extractor_version"] == "9.9"  # the event's own version wins when set
    evidence = json.loads(row["evidence"])[0]
    assert seed_text[evidence["start"]:evidence["end"]] == evidence["text"]
    assert json.loads(row["event_json"])["location"]["name_ar"] == "البوكمال"
    table = to_table([row], EVENT_SCHEMA)
    assert table.schema == EVENT_SCHEMA
    assert table.column("date").type == pa.date32()
    assert table.column("date")[0].as_py() == dt.date(2019, 9, 10)


def test_dask_rows_empty_partition_keeps_every_column():
    assert to_table([], EVENT_SCHEMA).schema.names == EVENT_SCHEMA.names
    row = manifest_row(partition="p", origin="f:1", status="quarantined", document_id=None,
                       version="0", reason_code="empty", reason="the document has no text")
    table = to_table([row], MANIFEST_SCHEMA)
    assert table.column("status")[0].as_py() == "quarantined"
    assert table.column("text")[0].as_py() is None


def test_dask_rows_event_json_round_trips(seed_text):
    from marsad.run.corpus_import import event_from_dict

    ev = _event(seed_text)
    back = event_from_dict(json.loads(json.dumps(ev.to_dict(), ensure_ascii=False)))
    assert back == ev
