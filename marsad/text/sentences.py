"""Sentence splitting for Arabic news text, in original offsets.

Copes with what real inputs look like: paragraphs joined with ".," (the scraper's join),
full stops inside «» or "" quotes followed by the closing quote, a title line, list
lines, and Arabic or Latin question marks. Abbreviations of one letter (أ.ف.ب, د.) and
decimal numbers do not end a sentence.
"""

from __future__ import annotations

import re

from marsad.doc import Sentence

# a terminal mark, then closing quotes/brackets, then an optional "," of a ".," join
_END = re.compile(r"(?:[.!?؟…]+|\.,)[\"'»”’)\]]*,?(?=\s|$|[\"'«“])")
_LINE = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•·▪●]|\d+[.)-]\s))|\n")
_ABBREV = re.compile(r"(?:^|[\s.(«\"])\w$")  # a single letter before the dot


def _ends(text: str, start: int, end: int) -> list[int]:
    cuts: list[int] = []
    for m in _END.finditer(text, start, end):
        dot = m.start()
        if text[dot] == "." and dot > start:
            before = text[max(start, dot - 3) : dot + 1][:-1]
            if _ABBREV.search(before):
                continue
            if dot + 1 < len(text) and text[dot - 1].isdigit() and text[dot + 1].isdigit():
                continue
        cuts.append(m.end())
    return cuts


def split_sentences(text: str, *, title_first_line: bool = False) -> list[Sentence]:
    """Split `text` into sentences; each keeps its offsets into `text`."""
    blocks: list[tuple[int, int]] = []
    prev = 0
    for m in _LINE.finditer(text):
        blocks.append((prev, m.start()))
        prev = m.end()
    blocks.append((prev, len(text)))

    out: list[Sentence] = []
    for bi, (bs, be) in enumerate(blocks):
        cuts = [bs, *_ends(text, bs, be), be]
        for s, e in zip(cuts, cuts[1:], strict=False):
            while s < e and text[s] in " \t\r\n,":
                s += 1
            while e > s and text[e - 1] in " \t\r\n":
                e -= 1
            if e > s and any(ch.isalnum() for ch in text[s:e]):
                out.append(Sentence(s, e, text[s:e], is_title=title_first_line and bi == 0))
    return out
