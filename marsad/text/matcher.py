"""Clitic-aware dictionary matching over normalised text with an Aho-Corasick trie.

Keys are normalised dictionary names. A key that starts with the article is also stored
without it, and then matches only behind an article-bearing proclitic (ال, بال, لل, ...);
a key ending in ta marbuta (normalised ه) is also stored with ت, which needs a pronoun
suffix ("حكومتها"). The longest, leftmost hits win.

The trie runs over a word mask of the text (every character that is not a letter or a
digit turned into a space, so offsets hold) and holds each key once per allowed suffix,
followed by a space: a hit then ends where a word ends, and a short key inside a longer
word ("لا" in "الاحتلال") never reaches Python. Only the proclitic before a hit is checked
per hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from marsad.text.clitics import (
    ARTICLE_PREFIXES,
    BARE_PREFIXES,
    MAX_PREFIX,
    PRONOUN_SUFFIXES,
    strip_article,
)
from marsad.text.memo import last_text
from marsad.text.normalise import normalise_key

T = TypeVar("T")

# how a stored key relates to the dictionary form
_PLAIN, _NO_ARTICLE, _TA_OPEN = 0, 1, 2

# str.isalnum() is \w without the underscore
_NOT_WORD = re.compile(r"[^\w ]|_")


@last_text
def word_mask(text: str) -> str:
    """`text` with each character that is not a letter or digit as a space, plus a final
    space; the same offsets."""
    return _NOT_WORD.sub(" ", text) + " "


@dataclass(slots=True)
class Hit(Generic[T]):
    """A match in normalised coordinates; `payloads` are all entries sharing the key.

    Treat it as immutable (`dataclasses.replace` makes a changed copy). It is not frozen
    because a frozen dataclass is built four times slower, and the matcher builds a few
    hundred hits per article."""

    start: int
    end: int
    key: str
    payloads: tuple[T, ...]
    prefix: str
    suffix: str


class PhraseMatcher(Generic[T]):
    """Find dictionary names, with clitics, in normalised text."""

    def __init__(
        self,
        entries: Iterable[tuple[str, T]],
        *,
        suffixes: frozenset[str] = PRONOUN_SUFFIXES,
        prefixes: frozenset[str] = BARE_PREFIXES,
        min_length: int = 2,
    ) -> None:
        self.suffixes = suffixes
        self.prefixes = prefixes
        self._max_prefix = max(MAX_PREFIX, *(len(p) for p in prefixes))
        table: dict[str, dict[int, list[T]]] = {}
        for name, payload in entries:
            key = normalise_key(name)
            if len(key) < min_length:
                continue
            variants = [(key, _PLAIN)]
            bare = strip_article(key)
            if bare:
                variants.append((bare, _NO_ARTICLE))
            if key.endswith("ه") and len(key) > 3:
                variants.append((key[:-1] + "ت", _TA_OPEN))
            for k, how in variants:
                bucket = table.setdefault(k, {}).setdefault(how, [])
                if payload not in bucket:
                    bucket.append(payload)
        # "بانه " is both بان + ه and بانه: one trie word holds every reading
        words: dict[str, list[tuple[str, str, tuple]]] = {}
        for k, by_how in table.items():
            groups = tuple((how, tuple(p)) for how, p in by_how.items())
            masked = word_mask(k)  # ends with the space that closes the word
            for suffix in suffixes:
                # an open ta (حكومت) is only ever seen before a pronoun
                kept = groups if suffix else tuple(g for g in groups if g[0] != _TA_OPEN)
                if kept:
                    words.setdefault(masked[:-1] + suffix + " ", []).append((k, suffix, kept))
        self._automaton = ahocorasick.Automaton()
        for word, readings in words.items():
            self._automaton.add_word(word, tuple(readings))
        self.size = len(table)
        if self.size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self.size

    def iter_candidates(self, text: str) -> Iterator[Hit[T]]:
        """Every hit with its clitics allowed, overlapping ones included."""
        if not self.size:
            return
        mask = word_mask(text)
        max_prefix = self._max_prefix
        bare = self.prefixes
        for last, readings in self._automaton.iter(mask):
            for key, suffix, groups in readings:
                end = last - len(suffix)
                start = end - len(key)
                # the letters glued before the name: at most max_prefix, after a space
                lo = start - max_prefix - 1
                space = mask.rfind(" ", lo if lo > 0 else 0, start)
                if space < 0 and lo >= 0:
                    continue
                prefix = mask[space + 1 : start]
                for how, payloads in groups:
                    if prefix in (ARTICLE_PREFIXES if how == _NO_ARTICLE else bare):
                        yield Hit(start, end, key, payloads, prefix, suffix)
                        break

    def find(self, text: str) -> list[Hit[T]]:
        """Non-overlapping hits, longest first then leftmost, in text order."""
        cands = sorted(self.iter_candidates(text), key=lambda h: (h.start - h.end, h.start))
        taken: list[Hit[T]] = []
        used = bytearray(len(text))  # 1 where a kept hit lies: one slice test per candidate
        for h in cands:
            if 1 in used[h.start : h.end]:
                continue
            taken.append(h)
            used[h.start : h.end] = b"\x01" * (h.end - h.start)
        taken.sort(key=lambda h: h.start)
        return taken
