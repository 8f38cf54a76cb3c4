"""Keep a function's result for the last text it read.

Several recognisers read one document's normalised text in turn (every dictionary matcher
its word mask, the dates and numbers scans its digit runs): the value is made once. The
text is compared by identity, and the slot is one tuple read once, so threads that
interleave texts only recompute.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def last_text(fn: Callable[[str], T]) -> Callable[[str], T]:
    slot: tuple[str, T] | None = None

    @functools.wraps(fn)
    def wrapper(text: str) -> T:
        nonlocal slot
        kept = slot
        if kept is not None and kept[0] is text:
            return kept[1]
        value = fn(text)
        slot = (text, value)
        return value

    return wrapper
