"""Recognisers: one module per kind of entity, each `find(doc, resources) -> list[Span]`.

They run on `doc.norm` (the normalised text) and return spans in original offsets,
built with `make_span`.
"""

from __future__ import annotations

from marsad.doc import Doc, EntityKind, EntityValue, Span


def make_span(
    doc: Doc, norm_start: int, norm_end: int, kind: EntityKind, value: EntityValue, component: str
) -> Span:
    """A span in original offsets from a match in normalised offsets."""
    assert doc.norm is not None, "the text layer must run before the recognisers"
    start, end = doc.norm.to_original(norm_start, norm_end)
    return Span(kind, start, end, doc.text[start:end], value, component)
