"""Shared fixtures: paths to the shared data and one warm resources object per session."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
SEED = SHARED / "seed" / "bukamal_strikes.txt"
GSR_DEV = SHARED / "data" / "gsr-dev"
SAUDINEWSNET = SHARED / "corpora" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (set MARSAD_SHARED)")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return _need(SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gsr_dev() -> Path:
    return _need(GSR_DEV)


@pytest.fixture(scope="session")
def saudinewsnet_articles() -> list[dict]:
    """The first 300 SaudiNewsNet articles (read-only; never copied into the repo)."""
    out = []
    with gzip.open(_need(SAUDINEWSNET), "rt", encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if len(out) >= 300:
                break
    return out


@pytest.fixture(scope="session")
def resources():
    from marsad.resources import Resources

    return Resources()
