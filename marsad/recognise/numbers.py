"""Recogniser: numbers (being written)."""

from __future__ import annotations

from marsad.doc import Doc, Span
from marsad.registry import component
from marsad.resources import Resources


def find(doc: Doc, resources: Resources) -> list[Span]:
    return []


@component("marsad.numbers.v1")
def recognise_numbers(doc: Doc, resources: Resources) -> Doc:
    doc.spans.extend(find(doc, resources))
    return doc
