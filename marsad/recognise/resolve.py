"""Cross-recogniser clean-up: overlapping spans of different kinds.

A longer span wins over a shorter one it overlaps when the two are of kinds that cannot
share words: an actor "مجلس دير الزور العسكري" over the place "دير الزور", a source
"مصادر من دير الزور" over the place. An actor and a source may share words ("وزارة
الداخلية" reports and acts); numbers and times may sit inside others.
"""

from __future__ import annotations

from marsad.doc import Doc, Span
from marsad.registry import component
from marsad.resources import Resources

_CLASHES = {frozenset({"actor", "place"}), frozenset({"source", "place"})}
#: kind -> the kinds it clashes with
_RIVALS = {kind: [k for pair in _CLASHES if kind in pair for k in pair if k != kind]
           for kind in {k for pair in _CLASHES for k in pair}}


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    keep: list[Span] = []
    # where kept spans of each clashing kind lie (1 per character): a span is checked
    # against the kinds it clashes with by one slice test each, not span by span
    size = max((s.end for s in spans), default=0)
    occupied = {kind: bytearray(size) for kind in _RIVALS}
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if any(1 in occupied[kind][s.start : s.end] for kind in _RIVALS.get(s.kind, ())):
            continue
        keep.append(s)
        if s.kind in occupied:
            occupied[s.kind][s.start : s.end] = b"\x01" * (s.end - s.start)
    keep.sort(key=lambda s: (s.start, s.end))
    return keep


@component("marsad.resolve.v1")
def resolve(doc: Doc, resources: Resources) -> Doc:
    doc.spans = resolve_overlaps(doc.spans)
    return doc
