"""Pipeline component: normalise the text and split it into sentences."""

from __future__ import annotations

from marsad.doc import Doc
from marsad.registry import component
from marsad.resources import Resources
from marsad.text.normalise import normalise
from marsad.text.sentences import split_sentences


@component("marsad.text.v1")
def text_layer(doc: Doc, resources: Resources) -> Doc:
    doc.norm = normalise(doc.text)
    title_line = bool(doc.meta.get("_title_first_line"))
    doc.sentences = split_sentences(doc.text, title_first_line=title_line)
    return doc
