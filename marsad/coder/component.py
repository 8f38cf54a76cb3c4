"""Pipeline component: code events from the sentences and entities of a document."""

from __future__ import annotations

from marsad.doc import Doc
from marsad.registry import component
from marsad.resources import Resources


@component("marsad.coder.v1")
def code_events(doc: Doc, resources: Resources) -> Doc:
    return doc
