"""Database fixtures for the store, run, merge and export tests: SQLite and PostgreSQL.

PostgreSQL tests use a fresh schema per test in the `test` database, so concurrent test
runs never see each other's rows. They skip with the reason when no server answers,
except where MARSAD_TEST_POSTGRES is set (CI), where a missing server fails them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


def postgres_url() -> str:
    return os.environ.get("MARSAD_TEST_POSTGRES") or PG_DEFAULT


def _pg_schema_url() -> Iterator[str]:
    url = postgres_url()
    base = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with base.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        base.dispose()
        if os.environ.get("MARSAD_TEST_POSTGRES"):
            raise
        pytest.skip(f"no PostgreSQL server answers at {url} ({type(exc).__name__}); "
                    "set MARSAD_TEST_POSTGRES or start one to run these tests")
    schema = f"marsad_t_{uuid.uuid4().hex[:12]}"
    with base.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with base.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        base.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database, once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
    else:
        yield from _pg_schema_url()


@pytest.fixture
def store(db_url: str) -> Iterator:
    from marsad.store import Store

    s = Store(db_url)
    try:
        yield s
    finally:
        s.close()
