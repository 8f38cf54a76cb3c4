"""The extractor: one pure function from an article to its entities and events.

`extract` does no I/O and keeps no state between calls: the same text, metadata and
resources always give the same result. Batch runs, the process pool and Dask workers all
call it unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from marsad.doc import Doc
from marsad.pipeline import DEFAULT_PIPELINE, ENTITY_PIPELINE, run_pipeline
from marsad.resources import Resources, default_resources

EXTRACTOR_VERSION = "0.1.0"


def parse_date(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    """A publication date from an ISO string (date or datetime) or a date object."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def make_doc(
    text: str,
    *,
    id: str | None = None,
    published: str | dt.date | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    meta: dict[str, Any] | None = None,
    title_first_line: bool = False,
) -> Doc:
    meta = dict(meta or {})
    if title_first_line:
        meta["_title_first_line"] = True
        if title is None:
            title = text.split("\n", 1)[0].strip() or None
    return Doc(
        text=text,
        id=id,
        title=title,
        published=parse_date(published),
        outlet=outlet,
        url=url,
        meta=meta,
    )


def extract(
    text: str,
    *,
    id: str | None = None,
    published: str | dt.date | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    meta: dict[str, Any] | None = None,
    title_first_line: bool = False,
    resources: Resources | None = None,
    pipeline: Sequence[str] = DEFAULT_PIPELINE,
) -> Doc:
    """Extract entities and events from one Arabic article.

    `published` anchors relative dates ("أمس", "ليل الاثنين"). With `title_first_line`,
    the first line of `text` is the title (as in a .txt file). The returned `Doc` has
    `.spans` (entities), `.events` and `.to_dict()` for the JSON output contract.
    """
    doc = make_doc(
        text,
        id=id,
        published=published,
        title=title,
        outlet=outlet,
        url=url,
        meta=meta,
        title_first_line=title_first_line,
    )
    return run_pipeline(doc, resources or default_resources(), pipeline)


def find_entities(text: str, **kwargs: Any) -> Doc:
    """Run the recognisers only (no event coding)."""
    return extract(text, pipeline=ENTITY_PIPELINE, **kwargs)
