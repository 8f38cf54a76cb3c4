"""Helpers shared by the time, number and source recognisers: word lists -> regexes.

The lexicons under `marsad/data/lexicons/` are written in ordinary Arabic spelling; the
recognisers run on `doc.norm.text`, so every word is normalised before it goes into a
pattern. Alternations are sorted longest first so that "أول من أمس" wins over "أمس".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from marsad.resources import data_path, read_tsv
from marsad.text.normalise import normalise_key

#: a word edge in normalised text (letters and digits are word characters)
B0 = r"(?<!\w)"
B1 = r"(?!\w)"
#: proclitics a time or number word may carry: و ف, then ب ل ك
PREFIX = r"(?:[وف]?[بلك]?)"


def norm(word: str) -> str:
    return normalise_key(word)


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex alternation of normalised words, longest first."""
    uniq = sorted({norm(w) for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in uniq) + ")"


def lexicon(name: str) -> list[dict[str, str]]:
    """Rows of `marsad/data/lexicons/<name>`."""
    return read_tsv(data_path("lexicons", name))


def strip_prefix(word: str, known: frozenset[str] | set[str]) -> str | None:
    """`word` or `word` without a و/ف/ب/ل/ك proclitic, whichever is in `known`."""
    if word in known:
        return word
    for n in (1, 2):
        if len(word) > n + 1 and all(c in "وفبلك" for c in word[:n]) and word[n:] in known:
            return word[n:]
    return None


_WORD = re.compile(r"[^\W_]+|[%]")


def words_before(text: str, pos: int, n: int, *, stop: str = ".!?;:\n") -> list[tuple[int, int]]:
    """Up to `n` words ending before `pos`, nearest first, not crossing sentence punctuation."""
    lo = pos
    limit = max(0, pos - 80)
    while lo > limit and text[lo - 1] not in stop:
        lo -= 1
    found = [(m.start(), m.end()) for m in _WORD.finditer(text, lo, pos)]
    return found[::-1][:n]


def words_after(text: str, pos: int, n: int, *, stop: str = ".!?;:\n") -> list[tuple[int, int]]:
    """Up to `n` words starting after `pos`, not crossing sentence punctuation."""
    hi = pos
    limit = min(len(text), pos + 100)
    while hi < limit and text[hi] not in stop:
        hi += 1
    out: list[tuple[int, int]] = []
    for m in _WORD.finditer(text, pos, hi):
        out.append((m.start(), m.end()))
        if len(out) >= n:
            break
    return out
