"""Helpers shared by the time, number and source recognisers: word lists -> regexes.

The lexicons under `marsad/data/lexicons/` are written in ordinary Arabic spelling; the
recognisers run on `doc.norm.text`, so every word is normalised before it goes into a
pattern. Alternations are sorted longest first so that "أول من أمس" wins over "أمس".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from marsad.resources import data_path, read_tsv
from marsad.text.memo import last_text
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


_DIGITS = re.compile(r"\d+")
_PROCLITIC_LETTERS = frozenset("وفبلكا")


@dataclass(frozen=True)
class Anchored:
    """A regex that only runs in windows around its anchor words (see `Anchors`)."""

    index: int
    regex: re.Pattern[str]
    back: int
    fwd: int
    digits: bool


class Anchors:
    """Several regexes, each run only around its anchor words, with one trie pass.

    Scanning a whole article with a regex that starts with a look-behind costs a regex
    attempt at every character, and most articles mention a month or a reporting verb a
    few times. One Aho-Corasick pass finds every anchor of every registered regex (digits
    come from one fast regex scan); each regex then runs on windows of `back` characters
    before and `fwd` after its anchors, widened to whole words so that look-arounds at a
    window's edge see real word edges.
    """

    def __init__(self) -> None:
        self._specs: list[Anchored] = []
        self._keys: dict[str, set[int]] = {}
        self._trie: object | None = None

    def add(
        self, regex: re.Pattern[str], anchors: Iterable[str], back: int, fwd: int,
        digits: bool = False,
    ) -> Anchored:
        spec = Anchored(len(self._specs), regex, back, fwd, digits)
        self._specs.append(spec)
        for a in anchors:
            k = norm(a)
            if k:
                self._keys.setdefault(k, set()).add(spec.index)
        return spec

    def build(self) -> Anchors:
        import ahocorasick

        trie = ahocorasick.Automaton()
        for k, idx in self._keys.items():
            trie.add_word(k, (len(k), tuple(sorted(idx))))
        if self._keys:
            trie.make_automaton()
        self._trie = trie
        return self

    def scan(self, text: str) -> Scan:
        hits: list[list[tuple[int, int]]] = [[] for _ in self._specs]
        n = len(text)
        if self._keys:
            for end, (size, idx) in self._trie.iter(text):  # type: ignore[attr-defined]
                s, e = end + 1 - size, end + 1
                # whole words only, behind at most four proclitic letters (وبال, لل):
                # "اب" (آب, August) inside "كتاب" is no anchor
                if e < n and text[e].isalpha():
                    continue
                j = s
                while j > 0 and s - j < 4 and text[j - 1] in _PROCLITIC_LETTERS:
                    j -= 1
                if j > 0 and text[j - 1].isalnum():
                    continue
                for i in idx:
                    hits[i].append((s, e))
        digit_specs = [s.index for s in self._specs if s.digits]
        if digit_specs:
            for span in _digit_runs(text):
                for i in digit_specs:
                    hits[i].append(span)
        windows = [
            _windows(text, h, spec.back, spec.fwd)
            for h, spec in zip(hits, self._specs, strict=True)
        ]
        return Scan(text, windows)


@last_text  # the dates and the numbers scan one text in turn
def _digit_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the digit runs in `text`."""
    return [m.span() for m in _DIGITS.finditer(text)]


def _windows(text: str, hits: list[tuple[int, int]], back: int, fwd: int) -> list[tuple[int, int]]:
    n = len(text)
    out: list[tuple[int, int]] = []
    for hs, he in sorted(hits):
        s = max(0, hs - back)
        e = min(n, he + fwd)
        while s > 0 and text[s - 1].isalnum():
            s -= 1
        while e < n and text[e].isalnum():
            e += 1
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@dataclass(frozen=True)
class Scan:
    """One text's anchor windows, for every regex of an `Anchors`."""

    text: str
    windows: list[list[tuple[int, int]]]

    def finditer(self, spec: Anchored) -> Iterator[re.Match[str]]:
        for s, e in self.windows[spec.index]:
            yield from spec.regex.finditer(self.text, s, e)
