"""The real app on a temporary SQLite file and on PostgreSQL (a fresh schema per test)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.serve.app import create_app
from marsad.serve.deps import Settings
from marsad.serve.tokens import create_token
from marsad.store.store import Store
from tests.serve.builders import build

PG = os.environ.get("MARSAD_TEST_POSTGRES")


def _pg_schema_url() -> Iterator[str]:
    if not PG:
        pytest.skip("PostgreSQL tests need MARSAD_TEST_POSTGRES=postgresql://... (.ci/run sets it)")
    import psycopg

    schema = "serve_" + uuid.uuid4().hex[:10]
    try:
        with psycopg.connect(PG, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no PostgreSQL answers at {PG}: {exc}")
    sep = "&" if "?" in PG else "?"
    yield f"{PG}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
    else:
        yield from _pg_schema_url()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    yield s
    s.close()


@pytest.fixture
def built(store: Store, seed_text: str, saudinewsnet_articles: list[dict]) -> dict[str, Any]:
    return build(store, seed_text, saudinewsnet_articles)


@pytest.fixture
def client(store: Store, built: dict[str, Any]) -> Iterator[TestClient]:
    app = create_app(Settings(db=store.url), store=store)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def token(store: Store) -> str:
    return create_token(store.engine, "analyst-" + uuid.uuid4().hex[:6])


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
