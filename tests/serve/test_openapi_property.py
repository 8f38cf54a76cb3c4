"""Property-based API test: schemathesis generates requests from the OpenAPI spec and the
real app (on a temporary SQLite with stored events) must never answer 5xx or off-spec."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from marsad.serve.app import create_app
from marsad.serve.deps import Settings
from marsad.store.store import Store
from tests.conftest import SAUDINEWSNET, SEED
from tests.serve.builders import build
from tests.serve.hostile import build_hostile

if not SEED.exists() or not SAUDINEWSNET.exists():
    pytest.skip(f"shared data not found at {SEED.parent.parent} (set MARSAD_SHARED)", allow_module_level=True)


def _app():  # built at collection: schemathesis needs the schema before the tests exist
    db = Path(tempfile.mkdtemp(prefix="marsad-schemathesis-")) / "marsad.db"
    store = Store(f"sqlite:///{db}")
    with gzip.open(SAUDINEWSNET, "rt", encoding="utf-8") as fh:
        articles = [json.loads(line) for _, line in zip(range(120), fh, strict=False)]
    build(store, SEED.read_text(encoding="utf-8"), articles)
    build_hostile(store)
    return create_app(Settings(), store=store)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_openapi_property_every_endpoint(case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, case.query, response.text[:300])
    if case.operation.method.upper() == "POST" and case.method.upper() == "POST":  # no token here: every write must be refused, never applied
        assert response.status_code in (400, 401, 413, 422), (case.path, response.status_code)
    else:
        # a well-formed but stale or forged cursor is refused (422) although the schema
        # cannot say so: that one check is left out, every other one runs
        case.validate_response(response, excluded_checks=[schemathesis.checks.positive_data_acceptance])
