"""A small deterministic extractor for the kill test, slowed by $MARSAD_TEST_DELAY seconds
per document so that a run can be killed with batches in flight.

It codes one event per trigger word found in the real article text (with its offsets), so
the expected events of each document are known without depending on the event coder,
which other tests cover and which may change while this test runs.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from typing import Any

from marsad.doc import Count, DateRef, Doc, Event, TextRef

EXTRACTOR_VERSION = "kill-test-1"
TRIGGERS = re.compile("هجوم|قصف|اشتباكات|انفجار|مظاهرة|اعتقال|مقتل")
TYPES = {"مظاهرة": ("Protests", "Peaceful protest"), "اعتقال": ("Strategic developments", "Arrests")}


def expected_events(text: str) -> int:
    return len(TRIGGERS.findall(text))


def extract(text: str, *, id: str | None = None, published: dt.date | None = None,
            **_: Any) -> Doc:
    time.sleep(float(os.environ.get("MARSAD_TEST_DELAY", "0")))
    doc = Doc(text=text, id=id, published=published)
    for n, mt in enumerate(TRIGGERS.finditer(text)):
        etype, sub = TYPES.get(mt.group(), ("Violence against civilians", "Attack"))
        ref = TextRef(mt.group(), mt.start(), mt.end())
        doc.events.append(Event(
            id=f"k{n}", event_type=etype, sub_event_type=sub, plover={"type": None, "mode": None},
            date=DateRef(published, "day" if published else "unknown"), location=None,
            actor1=None, assoc_actor_1=[], actor2=None, assoc_actor_2=[],
            perpetrator_status="unknown", attributions=[], fatalities=Count(None),
            injuries=Count(None), sources=[], outlet=None, modality="asserted", evidence=[ref],
            confidence=0.5, notes_en="", trigger=ref, extractor_version=EXTRACTOR_VERSION))
    return doc


def fragile_extract(text: str, **kw: Any) -> Doc:
    """Fails on every article that mentions Yemen (a stand-in for a crashing component)."""
    if "اليمن" in text:
        raise RuntimeError("component crashed on this article")
    return extract(text, **kw)

