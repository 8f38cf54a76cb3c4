"""Document ids: a content hash of the normalised text.

The same article re-ingested, or copied by another outlet with other spacing, diacritics
or alef forms, gets the same id, so it is stored once and recorded as a duplicate.
"""

from __future__ import annotations

import hashlib

from marsad.text.normalise import normalise


def document_id(text: str) -> str:
    key = normalise(text).text.strip(" ")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
