"""Clitic-aware dictionary matching over normalised text with an Aho-Corasick trie.

Keys are normalised dictionary names. A key that starts with the article is also stored
without it, and then matches only behind an article-bearing proclitic (ال, بال, لل, ...);
a key ending in ta marbuta (normalised ه) is also stored with ت, which needs a pronoun
suffix ("حكومتها"). Candidate hits are checked at both word edges and the longest,
leftmost hits win.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from marsad.text.clitics import (
    ARTICLE_PREFIXES,
    BARE_PREFIXES,
    MAX_PREFIX,
    MAX_SUFFIX,
    PRONOUN_SUFFIXES,
    strip_article,
)
from marsad.text.normalise import normalise_key

T = TypeVar("T")

# how a stored key relates to the dictionary form
_PLAIN, _NO_ARTICLE, _TA_OPEN = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A match in normalised coordinates; `payloads` are all entries sharing the key."""

    start: int
    end: int
    key: str
    payloads: tuple[T, ...]
    prefix: str
    suffix: str


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


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
        self._max_suffix = max(MAX_SUFFIX, *(len(x) for x in suffixes))
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
        self._automaton = ahocorasick.Automaton()
        for k, by_how in table.items():
            self._automaton.add_word(
                k, (k, tuple((how, tuple(p)) for how, p in by_how.items()))
            )
        self.size = len(table)
        if self.size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self.size

    def _prefix_ok(self, text: str, start: int, how: int) -> str | None:
        """The proclitic glued before `start`, or None when the hit is inside a word."""
        i = start
        while i > 0 and start - i < self._max_prefix and _is_word_char(text[i - 1]):
            i -= 1
        if i > 0 and _is_word_char(text[i - 1]):
            return None
        prefix = text[i:start]
        if how == _NO_ARTICLE:
            return prefix if prefix in ARTICLE_PREFIXES else None
        # a quote before the name ends the word: لـ"العربية.نت" normalises to ل"العربيه.نت"
        return prefix if prefix in self.prefixes else None

    def _suffix_ok(self, text: str, end: int, how: int) -> str | None:
        j = end
        n = len(text)
        while j < n and j - end < self._max_suffix and _is_word_char(text[j]):
            j += 1
        if j < n and _is_word_char(text[j]):
            return None
        suffix = text[end:j]
        if suffix not in self.suffixes:
            return None
        if how == _TA_OPEN and not suffix:
            return None
        return suffix

    def iter_candidates(self, text: str) -> Iterator[Hit[T]]:
        """Every hit that passes the clitic checks, overlapping ones included."""
        if not self.size:
            return
        for last, (key, groups) in self._automaton.iter(text):
            end = last + 1
            start = end - len(key)
            for how, payloads in groups:
                prefix = self._prefix_ok(text, start, how)
                if prefix is None:
                    continue
                suffix = self._suffix_ok(text, end, how)
                if suffix is None:
                    continue
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

