"""The error tree. Every message says what went wrong and what to do about it.

    MarsadError
     ├── InputError          a document or file that cannot be read (kept in quarantine)
     │    ├── DecodeError    bytes that are not text in any encoding we know
     │    ├── EmptyInput     nothing to read
     │    ├── NotArabic      text with no Arabic in it
     │    └── TooLarge       larger than the configured limit
     ├── ResourceError       a data file is missing or malformed
     ├── PipelineError       a pipeline component failed or broke its contract
     └── StoreError          the database could not be opened or written
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""

    code = "error"


class InputError(MarsadError):
    code = "bad_input"


class DecodeError(InputError):
    code = "undecodable"


class EmptyInput(InputError):
    code = "empty"


class NotArabic(InputError):
    code = "not_arabic"


class TooLarge(InputError):
    code = "too_large"


class ResourceError(MarsadError):
    code = "resource"


class PipelineError(MarsadError):
    code = "pipeline"

    def __init__(self, component: str, doc_id: str | None, cause: BaseException | str) -> None:
        self.component = component
        self.doc_id = doc_id
        self.cause = cause
        super().__init__(
            f"component {component!r} failed on document {doc_id!r}: {cause}. "
            "This is a bug in marsad; please report it with the document."
        )


class StoreError(MarsadError):
    code = "store"
