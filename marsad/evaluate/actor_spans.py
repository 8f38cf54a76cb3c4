"""Actor spans against the GSR span gold (`*_spans_dev.json`).

Each annotated source or target actor whose code is not None/None is one gold span
(duplicates from several annotators of the same sentence count once). It is *found*
when an actor span of the recogniser overlaps its words in the sentence. Of the found
ones, the country agrees when the gold gives a country code and ours is the same
(alpha-3, or the CAMEO codes IGO / IMG / INT for international actors), and the sector
agrees when the gold gives a sector and ours is the same PLOVER code.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.doc import ActorValue, Doc, Span
from marsad.resources import Resources

PIPELINE = ("marsad.text.v1", "marsad.actors.v1", "marsad.places.v1", "marsad.actors.context.v1")
_DATE = re.compile(r"_(\d{8})")


@dataclass(frozen=True)
class GoldActor:
    sentence_id: str
    text: str  # the sentence
    words: str
    start: int | None  # located in the sentence, None when the words are not found
    end: int | None
    country: str | None  # alpha-3 or CAMEO group code
    sector: str | None


@dataclass
class Outcome:
    gold: GoldActor
    span: Span | None

    @property
    def found(self) -> bool:
        return self.span is not None


@dataclass
class Scores:
    outcomes: list[Outcome] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        n = len(self.outcomes)
        located = [o for o in self.outcomes if o.gold.start is not None]
        found = [o for o in located if o.found]
        cmp_c = [o for o in found if o.gold.country]
        cmp_s = [o for o in found if o.gold.sector]
        agree_c = [o for o in cmp_c if cameo_country(o.span.value) == o.gold.country]  # type: ignore[union-attr,arg-type]
        agree_s = [o for o in cmp_s if o.span.value.sector == o.gold.sector]  # type: ignore[union-attr]

        def share(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "gold_actors": n, "located": len(located), "found": len(found),
            "found_share": share(len(found), len(located)),
            "country_compared": len(cmp_c), "country_agree": len(agree_c),
            "country_agreement": share(len(agree_c), len(cmp_c)),
            "sector_compared": len(cmp_s), "sector_agree": len(agree_s),
            "sector_agreement": share(len(agree_s), len(cmp_s)),
        }


def _code(v: Any) -> str | None:
    return None if v in (None, "None", "", "UNKNOWN") else str(v)


def _find_word(text: str, word: str, pos: int) -> int:
    """The first whole-word occurrence of `word` from `pos` ("القنصل" is not in "القنصلية"),
    else the first occurrence inside a word, else -1."""
    m = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)").search(text, pos)
    return m.start() if m else text.find(word, pos)


def _locate(text: str, words: list[str]) -> tuple[int, int] | None:
    pos, first = 0, None
    for w in words:
        w = w.strip()
        if not w:
            continue
        i = _find_word(text, w, pos)
        if i < 0:
            return None
        first = i if first is None else first
        pos = i + len(w)
    return (first, pos) if first is not None else None


def load_gold(paths: Iterable[Path]) -> list[GoldActor]:
    out: list[GoldActor] = []
    seen: set[tuple[str, str, str | None, str | None]] = set()
    files: list[Path] = []
    for path in map(Path, paths):  # a folder stands for the span files in it
        files.extend(sorted(path.glob("*_spans_*.json")) if path.is_dir() else [path])
    for path in files:
        for item in json.loads(path.read_text(encoding="utf-8")):
            text = item["text"]
            for sp in item.get("spans", []):
                for side in ("source", "target"):
                    words, role = sp.get(f"{side}_actor") or [], sp.get(f"{side}_role")
                    if not words or not isinstance(role, dict):
                        continue
                    country, sector = _code(role.get("main")), _code(role.get("role"))
                    if country is None and sector is None:
                        continue
                    key = (item["source"], " ".join(words), country, sector)
                    if key in seen:
                        continue
                    seen.add(key)
                    loc = _locate(text, words)
                    out.append(GoldActor(item["source"], text, " ".join(words),
                                         loc[0] if loc else None, loc[1] if loc else None,
                                         country, sector))
    return out


def cameo_country(v: ActorValue) -> str | None:
    """Our country in the gold's code: alpha-3, or IGO / INT / IMG for international actors."""
    if v.country:
        from marsad.places.countries import iso3

        return iso3(v.country) or v.country
    if v.kind == "igo":
        return "IGO"
    if v.kind == "coalition":
        return "INT"
    if v.kind == "armed_group":
        return "IMG"
    return None


def published_of(sentence_id: str) -> dt.date | None:
    m = _DATE.search(sentence_id)
    if not m:
        return None
    try:
        return dt.datetime.strptime(m.group(1), "%Y%m%d").date()
    except ValueError:
        return None


def actor_spans(text: str, published: dt.date | None, resources: Resources) -> list[Span]:
    from marsad.pipeline import run_pipeline

    doc = run_pipeline(Doc(text=text, published=published), resources, PIPELINE)
    return [s for s in doc.spans if s.kind == "actor"]


def evaluate(paths: Iterable[Path], resources: Resources) -> Scores:
    scores = Scores()
    cache: dict[tuple[str, str], list[Span]] = {}  # ids repeat ("As-Safir (Arabic)")
    for g in load_gold(paths):
        if g.start is None or g.end is None:
            scores.outcomes.append(Outcome(g, None))
            continue
        key = (g.sentence_id, g.text)
        if key not in cache:
            cache[key] = actor_spans(g.text, published_of(g.sentence_id), resources)
        best, best_ov = None, 0
        for s in cache[key]:
            ov = min(s.end, g.end) - max(s.start, g.start)
            if ov > best_ov:
                best, best_ov = s, ov
        scores.outcomes.append(Outcome(g, best))
    return scores


def miss_reasons(scores: Scores) -> Counter[str]:
    """Misses by the gold's sector (what kind of actor we fail to find)."""
    return Counter(f"{o.gold.country}/{o.gold.sector}" for o in scores.outcomes
                   if o.gold.start is not None and not o.found)
