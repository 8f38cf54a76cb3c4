"""Reading the OEDA Arabic event gold standard (GSR): labelled sentences and actor spans.

Files as in `../shared/data/gsr-dev/`: a CSV per PLOVER type (`*_gsr_*.csv`, columns
id,event_type,label,accept,reject,total,text) and beside it a JSON list of span
annotations (`*_spans_*.json`: per sentence, one entry per annotator with source/target
actor words and a `{"main": alpha-3 country, "role": PLOVER sector}` code).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import InputError

LABELS = ("yes", "easy no", "difficult no", "ambiguous")

_DATE_IN_ID = re.compile(r"(?:^|_)(\d{4})(\d{2})(\d{2})\.\d+")
_SENTENCE_NO = re.compile(r"[-_]\d+$")
# words annotators swept into actor spans that say nothing about the actor's position
_FUNCTION_WORDS = frozenset("في من على الى إلى عن مع و او أو ان أن".split())


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One annotator's coded source or target actor in one sentence."""

    annotator: int  # index of the annotation entry in the spans file
    role: str  # "source" | "target"
    words: tuple[str, ...]
    ranges: tuple[tuple[int, int], ...]  # where those words are in the sentence text
    country: str | None  # ISO alpha-3 (or an OEDA code such as IGO, IMG), None if uncoded
    sector: str | None  # PLOVER sector (MIL, GOV, CVL, ...), None if uncoded

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.ranges)


@dataclass(frozen=True, slots=True)
class GsrSentence:
    id: str
    event_type: str  # PLOVER type the sentence was labelled for (ASSAULT, PROTEST)
    label: str  # one of LABELS
    text: str
    accept: int = 0
    reject: int = 0
    origin: str = ""  # file:line
    actors: tuple[GoldActor, ...] = ()
    has_spans: bool = False  # the spans file annotates this sentence

    @property
    def published(self) -> dt.date | None:
        """The publication date in the id (AAW_ARB_20080110.0036-10 -> 2008-01-10)."""
        m = _DATE_IN_ID.search(self.id)
        if not m:
            return None
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None

    @property
    def doc_key(self) -> str:
        """The article the sentence comes from: the id without its sentence number."""
        return _SENTENCE_NO.sub("", self.id) or self.id


@dataclass
class GsrInput:
    sentences: list[GsrSentence]
    files: list[str] = field(default_factory=list)
    spans_files: list[str] = field(default_factory=list)
    unmatched_spans: int = 0  # span entries whose sentence is not in any CSV given


# --- finding the files --------------------------------------------------------------


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """CSV files and the span files beside them, from files or folders."""
    csvs: list[Path] = []
    spans: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            csvs.extend(sorted(q for q in p.glob("*.csv") if "_gsr_" in q.name))
            spans.extend(sorted(q for q in p.glob("*.json") if "_spans_" in q.name))
        elif p.is_file() and p.suffix == ".json":
            spans.append(p)
        elif p.is_file():
            csvs.append(p)
            spans.extend(_spans_beside(p))
        else:
            raise InputError(f"{p}: no such file or folder (give GSR CSV files or their folder)")
    if not csvs:
        raise InputError(
            "no GSR CSV files found: give *_gsr_*.csv files or a folder holding them"
        )
    return _unique(csvs), _unique(spans)


def _spans_beside(csv_path: Path) -> list[Path]:
    name = csv_path.name
    if "_gsr_" not in name:
        return []
    prefix = name.split("_gsr_", 1)[0]
    return sorted(csv_path.parent.glob(f"{prefix}_*spans_*.json"))


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    out = []
    for p in paths:
        r = p.resolve()
        if r not in seen:
            seen.add(r)
            out.append(p)
    return out


# --- reading -------------------------------------------------------------------------


def read_csv(path: Path, limit: int | None = None) -> list[GsrSentence]:
    out: list[GsrSentence] = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"id", "event_type", "label", "text"} - set(reader.fieldnames or ())
        if missing:
            raise InputError(
                f"{path}: not a GSR file, columns {sorted(missing)} are missing "
                "(want id,event_type,label,accept,reject,total,text)"
            )
        for n, row in enumerate(reader, 2):
            label = (row["label"] or "").strip().lower()
            if label not in LABELS:
                raise InputError(f"{path}:{n}: unknown label {row['label']!r}; want one of {LABELS}")
            out.append(
                GsrSentence(
                    id=row["id"].strip(),
                    event_type=row["event_type"].strip().upper(),
                    label=label,
                    text=row["text"],
                    accept=_int(row.get("accept")),
                    reject=_int(row.get("reject")),
                    origin=f"{path.name}:{n}",
                )
            )
            if limit is not None and len(out) >= limit:
                break
    return out


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def read_spans(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, list):
        raise InputError(f"{path}: a spans file is a JSON list of annotated sentences")
    return data


def gold_actors(text: str, annotations: Sequence[dict[str, Any]]) -> tuple[GoldActor, ...]:
    """The coded actors of one sentence (role code other than None/None), located in it."""
    out = []
    for i, ann in enumerate(annotations):
        for role in ("source", "target"):
            words = tuple(w for w in ann.get(f"{role}_actor") or () if isinstance(w, str) and w)
            country, sector = _code(ann.get(f"{role}_role"))
            if not words or (country is None and sector is None):
                continue
            out.append(GoldActor(i, role, words, locate_words(text, words), country, sector))
    return tuple(out)


def _code(role: Any) -> tuple[str | None, str | None]:
    # {"main": "IRQ", "role": "MIL"}; "None" means uncoded; a bare "UNKNOWN" string too
    if not isinstance(role, dict):
        return None, None

    def val(key: str) -> str | None:
        v = role.get(key)
        return None if v in (None, "", "None", "UNKNOWN") else str(v).upper()

    return val("main"), val("role")


def locate_words(text: str, words: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Character ranges of the annotated words (whole words first, else as substrings)."""
    wordlike = [w for w in words if re.search(r"\w", w)]  # not a lone "،"
    content = [w for w in wordlike if w not in _FUNCTION_WORDS] or wordlike
    ranges: set[tuple[int, int]] = set()
    for w in content:
        found = [
            m.span() for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", text)
        ] or [m.span() for m in re.finditer(re.escape(w), text)]
        ranges.update(found)
    return tuple(sorted(ranges))


def load_gsr(paths: Iterable[str | Path], *, limit: int | None = None) -> GsrInput:
    """Sentences from GSR CSV files (or folders), with the actor spans joined on.

    `limit` keeps the first N sentences of each CSV (for smoke runs). Span entries join
    their sentence by id, else by exact text and event type.
    """
    csvs, spans_files = find_files(paths)
    sentences: list[GsrSentence] = []
    for p in csvs:
        sentences.extend(read_csv(p, limit))
    by_id = {(s.id, s.event_type): i for i, s in enumerate(sentences)}
    by_text: dict[tuple[str, str], list[int]] = {}
    for i, s in enumerate(sentences):
        by_text.setdefault((s.text.strip(), s.event_type), []).append(i)
    unmatched = 0
    for sp in spans_files:
        for entry in read_spans(sp):
            etype = str(entry.get("event_type", "")).upper()
            text = entry.get("text") or ""
            idx = by_id.get((str(entry.get("source", "")), etype))
            targets = [idx] if idx is not None else by_text.get((text.strip(), etype), [])
            if not targets:
                unmatched += 1
                continue
            for i in targets:
                s = sentences[i]
                actors = gold_actors(s.text, entry.get("spans") or ())
                sentences[i] = _with_actors(s, s.actors + actors)
    return GsrInput(
        sentences,
        files=[str(p) for p in csvs],
        spans_files=[str(p) for p in spans_files],
        unmatched_spans=unmatched,
    )


def _with_actors(s: GsrSentence, actors: tuple[GoldActor, ...]) -> GsrSentence:
    return GsrSentence(
        s.id, s.event_type, s.label, s.text, s.accept, s.reject, s.origin, actors, True
    )


def unique_sentences(sentences: Sequence[GsrSentence]) -> tuple[list[GsrSentence], int]:
    """Drop a sentence whose text already occurred for the same type (the first one stays)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for s in sentences:
        key = (s.event_type, " ".join(s.text.split()))
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
    return out, len(sentences) - len(out)
