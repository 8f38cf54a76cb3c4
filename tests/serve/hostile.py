"""A hostile article: real Arabic news text with attacks folded into it, stored through the
store's own path with an event whose evidence covers the hostile parts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from marsad.doc import Count, DateRef, Event, LocationRef
from marsad.ingest.ids import document_id
from marsad.store.store import NewDocument, Store
from tests.serve.builders import ref, save

SCRIPT = '<script>window.__pwned = 1</script>'
IMG = '<img src=x onerror="window.__pwned = 2">'
JS_URL = "javascript:window.__pwned=3"
BIDI = "\u202eكتب\u202c"  # right-to-left override around a word
HOSTILE_TEXT = (
    f"تظاهر مئات المواطنين في مدينة تعز {SCRIPT} احتجاجا على انقطاع الكهرباء {IMG}، "
    f"وقالت مصادر محلية إن قوات الأمن فرقت المتظاهرين {BIDI} قرب ساحة الحرية. "
    f'<a href="{JS_URL}">المزيد</a> <style>body{{display:none}}</style>'
)


def build_hostile(store: Store) -> dict[str, Any]:
    text = HOSTILE_TEXT
    trig = ref(text, "تظاهر")
    place = ref(text, "تعز")
    whole = ref(text, text[: text.index("قرب")])
    ev = Event(
        id="e1", event_type="Protests", sub_event_type="Protest with intervention",
        plover={"type": "PROTEST", "mode": "demo"}, date=DateRef(dt.date(2015, 7, 20), "day"),
        location=LocationRef("تعز", "Taiz", 70225, "YE", "Taiz", 13.5795, 44.0209, "exact",
                             place.text, place.start, place.end),
        actor1=None, assoc_actor_1=[], actor2=None, assoc_actor_2=[], perpetrator_status="unknown",
        attributions=[], fatalities=Count(None), injuries=Count(None), sources=[ref(text, "مصادر محلية")],
        outlet="<b>outlet</b>", modality="asserted", evidence=[whole], confidence=0.7,
        notes_en=f"=HYPERLINK(\"http://evil\") {SCRIPT}", trigger=trig, extractor_version="test-builder",
    )
    doc = NewDocument(document_id(text), text, title=f"{SCRIPT} عنوان", published=dt.date(2015, 7, 21),
                      outlet="<b>outlet</b>", url=JS_URL, origin="hostile")
    event_of = save(store, [(doc, [ev])])
    return {"document": doc.id, "event": event_of[doc.id]}
