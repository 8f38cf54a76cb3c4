"""The local runner on real SaudiNewsNet articles: failures recorded, batches unharmed,
re-runs no-ops, --reextract and --retry-failed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marsad.extract import parse_date
from marsad.ingest.ids import document_id
from marsad.run.local import run_local
from marsad.store import NewDocument, Store
from marsad.store import models as m
from tests.run.slow_extractor import expected_events

FRAGILE = "tests.run.slow_extractor:fragile_extract"
STEADY = "tests.run.slow_extractor:extract"


@pytest.fixture
def filled(tmp_path, saudinewsnet_articles) -> Store:
    store = Store(tmp_path / "m.db")
    docs = {}
    for a in saudinewsnet_articles[:80]:
        if a["content"].strip():
            d = NewDocument(document_id(a["content"]), a["content"], title=a["title"],
                            published=parse_date(a["date_extracted"]), outlet=a["source"])
            docs.setdefault(d.id, d)
    store.add_documents(list(docs.values()))
    yield store
    store.close()


@pytest.mark.parametrize("workers", [0, 2])
def test_local_failures_are_recorded_and_retried(filled: Store, workers: int) -> None:
    with filled.read() as conn:
        texts = dict(conn.execute(select(m.Document.id, m.Document.text)).all())
    yemen = {k for k, t in texts.items() if "اليمن" in t}
    assert 0 < len(yemen) < len(texts)  # the corpus has both kinds

    stats = run_local(filled, workers=workers, batch_size=7, extractor=FRAGILE)
    assert (stats.coded, stats.failed) == (len(texts) - len(yemen), len(yemen))
    with filled.read() as conn:
        failed = set(conn.execute(select(m.Document.id).where(m.Document.status == "failed"))
                     .scalars())
        errors = set(conn.execute(select(m.Document.error).where(m.Document.error.is_not(None)))
                     .scalars())
    assert failed == yemen and errors == {"RuntimeError: component crashed on this article"}

    assert run_local(filled, workers=workers, extractor=FRAGILE).todo == 0  # a no-op
    retry = run_local(filled, workers=workers, extractor=STEADY, retry_failed=True)
    assert (retry.todo, retry.coded, retry.failed) == (len(yemen), len(yemen), 0)
    with filled.read() as conn:
        n_events = dict(conn.execute(select(m.Document.id, m.Document.n_events)).all())
        mentions = conn.execute(select(func.count()).select_from(m.Mention)).scalar_one()
    assert n_events == {k: expected_events(t) for k, t in texts.items()}
    assert mentions == sum(n_events.values())


def test_local_reextract_recodes_older_versions(filled: Store) -> None:
    first = run_local(filled, workers=0, extractor=STEADY)
    assert first.coded > 0 and first.events > 0
    again = run_local(filled, workers=0, extractor=STEADY, reextract=True)
    assert again.todo == 0  # same version: nothing to re-code
    real = run_local(filled, workers=0, reextract=True)  # marsad's extractor: another version
    assert real.todo == first.coded and real.coded == first.coded
    with filled.read() as conn:
        versions = set(conn.execute(select(m.Mention.extractor_version)).scalars())
        codings = set(conn.execute(select(m.Document.n_codings)).scalars())
    from marsad.extract import EXTRACTOR_VERSION

    assert versions <= {EXTRACTOR_VERSION} and codings == {2}
