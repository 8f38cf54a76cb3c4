from tests.store.dbs import db_url, store  # noqa: F401
