"""The text indexed for full-text search: normalised Arabic, with article-carrying
proclitics also indexed without them, so a search for البوكمال finds بالبوكمال and
والبوكمال, and الحشد finds للحشد (FTS5's and PostgreSQL's tokenisers know no Arabic)."""

from __future__ import annotations

import re

from marsad.text.clitics import ARTICLE_PREFIXES
from marsad.text.normalise import normalise

_PREFIXES = sorted((p for p in ARTICLE_PREFIXES if p != "ال"), key=len, reverse=True)
_WORD = re.compile(r"[\u0621-\u064a]{5,}")


def _unglued(word: str) -> str | None:
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return "ال" + word[len(p):]
    return None


def search_text(text: str) -> str:
    """`text` normalised, each clitic-glued word followed by its bare form."""
    norm = normalise(text).text

    def add(m: re.Match[str]) -> str:
        bare = _unglued(m.group())
        return m.group() if bare is None else f"{m.group()} {bare}"

    return _WORD.sub(add, norm)
