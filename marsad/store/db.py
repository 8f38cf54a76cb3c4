"""Engines and migrations: the default database path, SQLite pragmas, Alembic upgrade."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url

from marsad.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")


def default_db_path() -> Path:
    """``$MARSAD_DB_HOME`` or ``$XDG_DATA_HOME/marsad`` or ``~/.local/share/marsad``, + marsad.db."""
    base = os.environ.get("MARSAD_DB_HOME") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "marsad"
    )
    return Path(base) / "marsad.db"


def resolve_url(url: str | os.PathLike[str] | None = None) -> str:
    """A database URL from `url`, then ``$MARSAD_DB``, then the per-user SQLite file.

    A plain path is a SQLite file; ``postgresql://`` URLs use the psycopg 3 driver.
    """
    raw = str(url) if url else os.environ.get("MARSAD_DB") or ""
    if not raw:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in raw:
        path = Path(raw).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if raw.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + raw.split("://", 1)[1]
    return raw


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # autocommit at the driver level: SQLAlchemy's "begin" event below issues BEGIN itself,
    # so writers can take the write lock up front (BEGIN IMMEDIATE) and never deadlock.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=60000")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get("sqlite_write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (no-op when it is already there)."""
    from alembic import command

    head = head_revision()
    try:
        with engine.connect() as conn:
            if current_revision(conn) == head:
                return
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # two processes opening a fresh database
                conn.execute(text("SELECT pg_advisory_xact_lock(727361)"))
                if current_revision(conn) == head:
                    return
            command.upgrade(_alembic_config(conn), "head")
    except Exception as exc:  # translate where it enters: say what to do
        raise StoreError(
            f"cannot open or upgrade the database at {engine.url!r}: {exc}. "
            "Check the URL (--db or MARSAD_DB), that the server runs and that you may write."
        ) from exc
