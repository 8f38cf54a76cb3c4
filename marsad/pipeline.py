"""The extraction pipeline: named components run in order over one `Doc`.

Each component is registered in `marsad.registry` under a versioned name and has the
signature `(doc, resources) -> Doc`. The pipeline refuses a component that returns
anything else, names the component that failed, and records the versions that ran on
the document (they are stored with every event).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad import registry
from marsad.doc import Doc
from marsad.errors import PipelineError
from marsad.resources import Resources

# importing these registers their components and resource loaders
from marsad.text import component as _text  # noqa: F401

from marsad.recognise import actors as _actors  # noqa: F401  isort: skip
from marsad.recognise import places as _places  # noqa: F401  isort: skip
from marsad.recognise import dates as _dates  # noqa: F401  isort: skip
from marsad.recognise import numbers as _numbers  # noqa: F401  isort: skip
from marsad.recognise import sources as _sources  # noqa: F401  isort: skip
from marsad.recognise import resolve as _resolve  # noqa: F401  isort: skip
from marsad.coder import component as _coder  # noqa: F401  isort: skip

#: recognisers only (what `marsad entities` runs)
ENTITY_PIPELINE: tuple[str, ...] = (
    "marsad.text.v1",
    "marsad.actors.v1",
    "marsad.places.v1",
    "marsad.actors.context.v1",  # generic actors take the country of a place in their sentence
    "marsad.dates.v1",
    "marsad.numbers.v1",
    "marsad.sources.v1",
    "marsad.resolve.v1",
)

#: the full extractor (what `marsad extract` and every batch run call)
DEFAULT_PIPELINE: tuple[str, ...] = (*ENTITY_PIPELINE, "marsad.coder.v1")


def run_pipeline(doc: Doc, resources: Resources, names: Sequence[str] = DEFAULT_PIPELINE) -> Doc:
    for name in names:
        try:
            func = registry.components[name]
        except KeyError:
            raise PipelineError(name, doc.id, "no such component is registered") from None
        try:
            out = func(doc, resources)
        except PipelineError:
            raise
        except Exception as exc:  # name the component, keep the traceback
            raise PipelineError(name, doc.id, f"{type(exc).__name__}: {exc}") from exc
        if not isinstance(out, Doc):
            raise PipelineError(name, doc.id, f"returned {type(out).__name__}, not Doc")
        doc = out
        doc.components[name] = name.rsplit(".", 1)[-1]
    return doc
