"""The database: SQLite by default (WAL, FTS5), PostgreSQL for teams. See docs/store.md."""

from marsad.store.db import default_db_path, resolve_url
from marsad.store.store import NewDocument, QuarantineItem, SaveStats, Store

__all__ = ["NewDocument", "QuarantineItem", "SaveStats", "Store", "default_db_path", "resolve_url"]
