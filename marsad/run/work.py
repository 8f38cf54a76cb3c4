"""The unit of work every runner shares: tasks in, results out, no database.

`process_documents` is what a worker process (local pool or Dask) runs on one batch. It
calls the pure extractor once per document; a document that fails becomes a result with
an `error` and never sinks its batch.
"""

from __future__ import annotations

import datetime as dt
import importlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.doc import Event

Extractor = Callable[..., Any]


@dataclass(slots=True)
class DocumentTask:
    """One stored document to extract (what `Store.claim_documents` hands out)."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title_first_line: bool = False


@dataclass(slots=True)
class DocumentResult:
    """What extracting one document gave (what `Store.save_results` stores)."""

    document_id: str
    extractor_version: str
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


def _load(spec: str | None) -> tuple[Extractor, str]:
    """The extractor and its version: marsad's, or "module:function" (tests, plugins)."""
    if not spec:
        from marsad.extract import EXTRACTOR_VERSION, extract

        return extract, EXTRACTOR_VERSION
    module, _, name = spec.partition(":")
    mod = importlib.import_module(module)
    func = getattr(mod, name or "extract")
    return func, str(getattr(mod, "EXTRACTOR_VERSION", getattr(func, "version", "custom")))


def extractor_version(spec: str | None = None) -> str:
    return _load(spec)[1]


def process_documents(
    tasks: Iterable[DocumentTask], extractor: str | None = None
) -> list[DocumentResult]:
    """Extract every task; pure apart from loading resources once per process."""
    func, version = _load(extractor)
    out: list[DocumentResult] = []
    for task in tasks:
        t0 = time.perf_counter()
        try:
            doc = func(
                task.text,
                id=task.id,
                published=task.published,
                title=task.title,
                outlet=task.outlet,
                url=task.url,
                title_first_line=task.title_first_line,
            )
            events = list(doc.events)
            for ev in events:
                ev.extractor_version = ev.extractor_version or version
            out.append(DocumentResult(task.id, version, events, None, time.perf_counter() - t0))
        except Exception as exc:  # one bad document never stops the batch; it is recorded
            out.append(
                DocumentResult(task.id, version, [], f"{type(exc).__name__}: {exc}",
                               time.perf_counter() - t0)
            )
    return out
