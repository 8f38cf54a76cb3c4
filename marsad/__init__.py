"""marsad: Arabic news to verified, geolocated political-violence and protest events."""

from marsad.doc import Doc, Event, Span
from marsad.errors import MarsadError
from marsad.extract import EXTRACTOR_VERSION, extract, find_entities
from marsad.resources import Resources, default_resources

__version__ = "0.1.0"

__all__ = [
    "EXTRACTOR_VERSION",
    "Doc",
    "Event",
    "MarsadError",
    "Resources",
    "Span",
    "__version__",
    "default_resources",
    "extract",
    "find_entities",
]
