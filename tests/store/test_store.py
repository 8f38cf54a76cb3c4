"""Store on SQLite and PostgreSQL: batch ingest, duplicates, claims, atomic saves, search."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from marsad.ingest.ids import document_id
from marsad.run.work import DocumentResult
from marsad.store import NewDocument, QuarantineItem, Store
from marsad.store import models as m
from tests.store.events import make_event, seed_documents


def _doc(text: str, origin: str, outlet: str | None = None) -> NewDocument:
    return NewDocument(document_id(text), text, title=text.split("\n", 1)[0][:80],
                       published=dt.date(2019, 9, 18), outlet=outlet, origin=origin)


def test_store_add_documents_records_duplicates(store: Store, seed_text: str) -> None:
    docs = seed_documents(seed_text)
    # the same article from another outlet, with diacritics and tatweel added: same id
    variant = docs["A"].replace("الغارات", "الغـارَات")
    assert document_id(variant) == document_id(docs["A"])
    out = store.add_documents([_doc(docs["A"], "a.txt", "alarabiya"),
                               _doc(docs["B"], "b.txt", "alarabiya"),
                               _doc(variant, "c.txt", "orient")])
    assert out == ["stored", "stored", "duplicate"]
    assert store.add_documents([_doc(docs["B"], "b2.txt")]) == ["duplicate"]  # re-ingest
    counts = store.counts()
    assert counts["documents"] == 2 and counts["duplicates"] == 2
    with store.read() as conn:
        outlets = set(conn.execute(select(m.DocumentSource.outlet).where(
            m.DocumentSource.document_id == document_id(docs["A"]))).scalars())
    assert outlets == {"alarabiya", "orient"}


def test_store_search_normalised_arabic(store: Store, seed_text: str) -> None:
    docs = seed_documents(seed_text)
    store.add_documents([_doc(docs["A"], "a"), _doc(docs["C"], "c")])
    # the text writes الإمام with hamza; the query without it must still find it
    hits = {d for d, _ in store.search("مجمع الامام علي")}
    assert hits == {document_id(docs["A"]), document_id(docs["C"])}
    assert [d for d, _ in store.search("فاطميون")] == [document_id(docs["C"])]
    assert store.search("كاليفورنيا") == []


def test_store_claim_and_save_are_atomic_and_once(store: Store, seed_text: str) -> None:
    docs = seed_documents(seed_text)
    store.add_documents([_doc(docs[k], k) for k in "ABC"])
    run = store.start_run("extract", extractor_version="test")
    tasks = store.claim_documents(run, 2, version="test")
    assert len(tasks) == 2
    # a second runner cannot take what the first holds
    other = store.start_run("extract", extractor_version="test")
    rest = store.claim_documents(other, 10, version="test")
    assert len(rest) == 1 and rest[0].id not in {t.id for t in tasks}
    results = []
    for t in tasks:
        ev = make_event(t.text, trigger="البوكمال", place="البوكمال", date=dt.date(2019, 9, 17))
        results.append(DocumentResult(t.id, "test", [ev]))
    saved = store.save_results(run, results)
    assert (saved.saved, saved.events, saved.not_claimed) == (2, 2, 0)
    # saving again (a retry after a crash between commit and ack) codes nothing twice
    again = store.save_results(run, results)
    assert (again.saved, again.not_claimed) == (0, 2)
    with store.read() as conn:
        n_codings = conn.execute(select(m.Document.n_codings).where(
            m.Document.id.in_([t.id for t in tasks]))).scalars().all()
        evidence = conn.execute(select(m.Evidence.role, m.Evidence.char_start, m.Evidence.char_end,
                                       m.Evidence.document_id)).all()
        texts = dict(conn.execute(select(m.Document.id, m.Document.text)).all())
    assert n_codings == [1, 1]
    locs = [e for e in evidence if e.role == "location"]
    assert len(locs) == 2
    for e in locs:  # offsets point at the words in the stored text
        assert texts[e.document_id][e.char_start:e.char_end] == "البوكمال"
    assert store.count_todo("test") == 0  # one pending doc is claimed by `other`
    store.finish_run(other, {})  # finishing hands back its unsaved claim
    assert store.count_todo("test") == 1


def test_store_reextract_replaces_older_versions(store: Store, seed_text: str) -> None:
    docs = seed_documents(seed_text)
    store.add_documents([_doc(docs["A"], "a")])
    run = store.start_run("extract")
    [t] = store.claim_documents(run, 5, version="v1")
    ev = make_event(t.text, trigger="الغارات", place="البوكمال", date=dt.date(2019, 9, 17))
    store.save_results(run, [DocumentResult(t.id, "v1", [ev])])
    assert store.claim_documents(run, 5, version="v1") == []  # re-running is a no-op
    assert store.count_todo("v2") == 0 and store.count_todo("v2", reextract=True) == 1
    [t2] = store.claim_documents(run, 5, version="v2", reextract=True)
    ev2 = make_event(t2.text, trigger="لقصف", place="دير الزور", date=dt.date(2019, 9, 16),
                     sub_event_type="Shelling/artillery/missile attack", event_id="e9")
    store.save_results(run, [DocumentResult(t2.id, "v2", [ev2])])
    with store.read() as conn:
        mentions = conn.execute(select(m.Mention.id, m.Mention.extractor_version)).all()
        doc = conn.execute(select(m.Document.n_codings, m.Document.extractor_version)).one()
    assert [tuple(x) for x in mentions] == [(f"{t.id}/e9", "test")]
    assert tuple(doc) == (2, "v2")


def test_store_failed_document_does_not_sink_batch(store: Store, seed_text: str) -> None:
    docs = seed_documents(seed_text)
    store.add_documents([_doc(docs["A"], "a"), _doc(docs["B"], "b")])
    run = store.start_run("extract")
    a, b = store.claim_documents(run, 5, version="v1")
    stats = store.save_results(run, [DocumentResult(a.id, "v1", [], error="PipelineError: boom"),
                                     DocumentResult(b.id, "v1", [])])
    assert (stats.saved, stats.failed) == (1, 1)
    assert store.get_document(a.id)["status"] == "failed"
    assert "boom" in store.get_document(a.id)["error"]
    assert store.get_document(b.id)["status"] == "done"


def test_store_release_stale_claims_of_dead_process(store: Store, seed_text: str) -> None:
    import subprocess
    import sys

    docs = seed_documents(seed_text)
    store.add_documents([_doc(docs[k], k) for k in "AB"])
    run = store.start_run("extract")
    store.claim_documents(run, 5, version="v1")
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()  # a pid that no longer exists
    with store.write() as conn:
        conn.execute(m.Run.__table__.update().where(m.Run.id == run).values(pid=proc.pid))
    live = store.start_run("extract")  # this process is alive: its run must survive
    assert store.release_stale_claims() == [run]
    assert store.get_run(run)["status"] == "killed"
    assert store.get_run(live)["status"] == "running"
    assert store.count_todo("v1") == 2


def test_store_quarantine_and_counts(store: Store) -> None:
    store.add_quarantine([QuarantineItem("not_arabic", "no Arabic letters", "x.txt:1"),
                          QuarantineItem("empty", "the file is empty", "y.txt"),
                          QuarantineItem("empty", "the file is empty", "z.txt")])
    assert store.quarantine_by_reason() == {"empty": 2, "not_arabic": 1}
    assert store.counts()["quarantined"] == 3


def test_store_reopen_is_at_head(db_url: str) -> None:
    from marsad.store.db import current_revision, head_revision

    Store(db_url).close()
    s = Store(db_url)
    with s.read() as conn:
        assert current_revision(conn) == head_revision()
        assert conn.execute(select(func.count()).select_from(m.Document)).scalar_one() == 0
    s.close()


def test_store_default_path_and_env(tmp_path, monkeypatch) -> None:
    from marsad.store.db import resolve_url

    monkeypatch.delenv("MARSAD_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("MARSAD_DB_HOME", raising=False)
    assert resolve_url() == f"sqlite:///{tmp_path / 'xdg' / 'marsad' / 'marsad.db'}"
    monkeypatch.setenv("MARSAD_DB", "postgresql://u@h/db")
    assert resolve_url() == "postgresql+psycopg://u@h/db"
    assert resolve_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"


def test_store_sqlite_is_wal(tmp_path) -> None:
    s = Store(tmp_path / "w.db")
    with s.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    s.close()


def test_store_search_finds_clitic_forms(store: Store, seed_text: str) -> None:
    docs = seed_documents(seed_text)
    store.add_documents([_doc(docs["B"], "b")])
    from marsad.store.search import search_text

    assert "بالبوكمال البوكمال" in search_text("قصف بالبوكمال")
    assert "للحشد الحشد" in search_text("وصول للحشد")
    assert search_text("البرلمان") == "البرلمان"  # a word that merely starts with ال
    # B writes only the glued "بالقرب": the bare form finds it
    assert "القرب" not in docs["B"].replace("بالقرب", "")
    assert [d for d, _ in store.search("القرب")] == [document_id(docs["B"])]


def test_store_retry_failed(store: Store, seed_text: str) -> None:
    docs = seed_documents(seed_text)
    store.add_documents([_doc(docs["A"], "a")])
    run = store.start_run("extract")
    [t] = store.claim_documents(run, 5, version="v1")
    store.save_results(run, [DocumentResult(t.id, "v1", [], error="PipelineError: boom")])
    assert store.count_todo("v1") == 0 and store.count_todo("v1", retry_failed=True) == 1
    [again] = store.claim_documents(run, 5, version="v1", retry_failed=True)
    store.save_results(run, [DocumentResult(again.id, "v1", [])])
    doc = store.get_document(t.id)
    assert (doc["status"], doc["error"], doc["n_codings"]) == ("done", None, 2)
