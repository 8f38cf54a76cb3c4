"""Exports (ACLED CSV, PLOVER JSON, GeoJSON, Parquet), filters, the CLI and the pandas API."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from marsad.api import open_db
from marsad.cli import app
from marsad.export.acled import ACLED_COLUMNS
from marsad.export.formats import export
from marsad.export.query import EventFilter
from marsad.ingest.ids import document_id
from marsad.run.work import DocumentResult
from marsad.store import NewDocument, Store
from marsad.store.canonical import deduplicate_store
from tests.store.events import make_event, seed_documents

D = dt.date(2019, 9, 17)
ISSUE_COLUMNS = (
    "event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, "
    "actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, "
    "civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, "
    "longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp"
).split(", ")


def _fill(store: Store, seed_text: str) -> None:
    """A: strike on Albu Kamal (also in B, so one event with two sources);
    C: a protest in Aleppo two weeks later with a death toll."""
    docs = seed_documents(seed_text)
    docs["C"] += " حلب"
    store.add_documents([NewDocument(document_id(t), t, outlet=f"outlet-{k}", origin=k,
                                     url=f"https://example.org/{k}", published=D)
                         for k, t in docs.items()])
    run = store.start_run("extract")
    evs = {
        "A": make_event(docs["A"], trigger="الغارات", place="البوكمال", date=D,
                        actor2="حزب الله"),
        "B": make_event(docs["B"], trigger="الغارات", place="البوكمال", date=D,
                        actor1="التحالف الدولي", actor2="حزب الله", fatalities=3),
        "C": make_event(docs["C"], trigger="مقاتلو", place="حلب", date=D + dt.timedelta(14),
                        event_type="Protests", sub_event_type="Excessive force against protesters",
                        plover=("PROTEST", "demonstrate"), actor2="الحشد الشعبي", fatalities=2,
                        confidence=0.45),
    }
    ids = {document_id(t): k for k, t in docs.items()}
    tasks = store.claim_documents(run, 10, version="test")
    store.save_results(run, [DocumentResult(t.id, "test", [evs[ids[t.id]]]) for t in tasks])
    deduplicate_store(store)


@pytest.fixture
def filled(store: Store, seed_text: str) -> Store:
    _fill(store, seed_text)
    return store


def test_export_acled_csv_columns_and_values(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(filled, "csv", str(out)) == 2
    with open(out, encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == ACLED_COLUMNS == tuple(ISSUE_COLUMNS)
        rows = list(reader)
    strike, protest = rows
    assert strike["event_id_cnty"].startswith("SYR")
    assert strike["event_date"] == "2019-09-17" and strike["year"] == "2019"
    assert strike["time_precision"] == "1" and strike["geo_precision"] == "1"
    assert strike["disorder_type"] == "Political violence"
    assert strike["sub_event_type"] == "Air/drone strike"
    assert strike["actor1"] == "International Coalition" and strike["inter1"] == "8"
    assert strike["actor2"] == "Hezbollah" and strike["interaction"] == "38"
    assert strike["country"] == "Syria" and strike["iso"] == "760"
    assert strike["region"] == "Middle East" and strike["location"] == "Albu Kamal"
    assert float(strike["latitude"]) == pytest.approx(34.45226)
    assert strike["source"] == "outlet-A; outlet-B"
    assert strike["fatalities"] == "3"  # the one report that gives a toll
    assert protest["disorder_type"] == "Political violence; Demonstrations"
    assert protest["fatalities"] == "2" and protest["admin1"] == "Aleppo"
    assert protest["inter1"] == "" and protest["interaction"] == ""


def test_export_filters(filled: Store, tmp_path: Path) -> None:
    def n(**kw) -> int:
        return export(filled, "json", str(tmp_path / "x.json"), EventFilter(**kw))

    assert n(country="SY") == n(country="Syria") == 2
    assert n(country="IQ") == 0
    assert n(since=D + dt.timedelta(1)) == 1 and n(until=D) == 1
    assert n(type="Protests") == 1 and n(type="Air/drone strike") == 1 and n(type="protest") == 1
    assert n(admin1="aleppo") == 1
    assert n(actor="hezbollah") == 1 and n(actor="الحشد") == 1 and n(actor="Coalition") == 1
    assert n(min_confidence=0.6) == 1 and n(min_confidence=0.4) == 2  # the protest scored 0.45


def test_export_plover_json_keeps_evidence(filled: Store, tmp_path: Path) -> None:
    export(filled, "json", str(tmp_path / "e.json"))
    strike = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))[0]
    assert strike["event"] == "ASSAULT" and strike["mode"] == "aerial"
    assert strike["recipient"] == "Hezbollah" and strike["geo"]["geonameid"] == 174448
    assert len(strike["mentions"]) == 2
    for mention in strike["mentions"]:
        ev = mention["evidence"][0]
        assert "الغارات" in ev["text"] and ev["end"] > ev["start"]


def test_export_geojson_points_lon_lat(filled: Store, tmp_path: Path) -> None:
    export(filled, "geojson", str(tmp_path / "e.geojson"))
    fc = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    f = fc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [40.91854, 34.45226]}
    assert set(f["properties"]) == set(ACLED_COLUMNS)


def test_export_parquet_roundtrip(filled: Store, tmp_path: Path) -> None:
    export(filled, "parquet", str(tmp_path / "e.parquet"))
    df = pd.read_parquet(tmp_path / "e.parquet")
    assert list(df.columns) == list(ACLED_COLUMNS)
    assert df["fatalities"].tolist() == [3, 2] and str(df["inter1"].dtype) == "Int64"


def test_api_dataframes(filled: Store) -> None:
    db = open_db(filled.url)
    ev = db.events(country="SY")
    assert len(ev) == 2 and ev["n_documents"].tolist() == [2, 1]
    assert ev.loc[0, "actor1_ar"] == "التحالف الدولي"
    assert len(db.evidence(ev.loc[0, "marsad_id"])) >= 4  # sentence, trigger, place, ... x2
    docs = db.documents()
    assert len(docs) == 3 and "text" not in docs.columns
    assert len(db.mentions()) == 3 and db.search("فاطميون")["id"].tolist()


def test_cli_ingest_run_export(tmp_path: Path, seed_text: str, saudinewsnet_articles) -> None:
    """The whole path on a fresh SQLite database through the real CLI."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "bukamal.txt").write_text(seed_text, encoding="utf-8")
    with open(src / "snn.jsonl", "w", encoding="utf-8") as fh:
        for a in saudinewsnet_articles[:40]:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    (src / "broken.jsonl").write_text('{"content": "غارات\n', encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(src), "--db", db, "--preset", "saudinewsnet", "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["read"] == 43 and summary["adds_up"] is True
    assert summary["quarantined_by_reason"]["malformed"] == 1
    assert summary["quarantined_by_reason"]["empty"] >= 1  # empty.txt (and empty articles)
    res = runner.invoke(app, ["run", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    stats = json.loads(res.stdout.strip().splitlines()[-1])
    assert stats["coded"] + stats["failed"] == summary["stored"]
    again = json.loads(runner.invoke(app, ["run", "--db", db, "--json"]).stdout.splitlines()[-1])
    assert again["coded"] == 0  # re-running is a no-op
    for fmt in ("csv", "geojson"):
        out = tmp_path / f"e.{fmt}"
        res = runner.invoke(app, ["export", "--db", db, "--format", fmt, "-o", str(out)])
        assert res.exit_code == 0, res.output
        assert out.exists()
    header = (tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == ISSUE_COLUMNS
    assert runner.invoke(app, ["export", "--db", db, "--since", "yesterday"]).exit_code != 0
    rows = {}
    for cut in ("0", "0.7"):  # fewer events, never more, at a higher confidence
        out = tmp_path / f"c{cut}.csv"
        res = runner.invoke(app, ["export", "--db", db, "--min-confidence", cut, "-o", str(out)])
        assert res.exit_code == 0, res.output
        rows[cut] = len(out.read_text(encoding="utf-8").splitlines())
    assert rows["0"] > rows["0.7"] >= 1
    assert runner.invoke(app, ["export", "--db", db, "--min-confidence", "2"]).exit_code != 0
