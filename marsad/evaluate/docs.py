"""Document-level gold: load it, resolve article text, score predicted events against it.

The gold (gold/docs-dev.json, format in gold/README.md) refers to articles by corpus URL or
by a path under the shared folder, never by copying their text: SaudiNewsNet is CC BY-NC-SA.
The text a document is scored on is built the same way for gold coding and for extraction:
``title + "\\n\\n" + content`` (HTML entities unescaped), so evidence offsets in the gold are
Python string indices into that text.

Scoring is a pure function (`score_documents`) over gold events and predicted `Event`s, so
tests feed it hand-made events and know the numbers it must give.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.doc import ActorRef, Doc, Event, LocationRef
from marsad.errors import InputError
from marsad.evaluate.reliability import Reliability, format_reliability, reliability
from marsad.ingest.records import titled_text

# Where the shared data lives (../shared beside the repository unless MARSAD_SHARED says).
DEFAULT_SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
DEFAULT_CORPUS = DEFAULT_SHARED / "corpora" / "saudinewsnet" / "saudinewsnet.jsonl.gz"

# ACLED's disorder types: the "type family" two events must share to be matched at all.
FAMILY = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}

FIELDS = ("event", "event_type", "sub_event_type", "plover_type", "date", "place",
          "actor1", "actor2", "fatalities")


# --- the gold format ---------------------------------------------------------------------


@dataclass(slots=True)
class GoldPlace:
    name_en: str
    country: str | None
    geonameid: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    precision: str = "exact"  # exact | near | admin2 | admin1 | country


@dataclass(slots=True)
class GoldActor:
    name_en: str
    country: str | None = None
    inter: int | None = None
    also: list[str] = field(default_factory=list)  # other names or actor ids accepted as correct


@dataclass(slots=True)
class GoldEvent:
    event_type: str
    sub_event_type: str
    plover_type: str | None
    plover_mode: str | None
    date: dt.date | None
    date_precision: str
    place: GoldPlace | None
    actor1: GoldActor | None
    actor2: GoldActor | None
    fatalities: int
    perpetrator_status: str
    evidence: list[tuple[int, int]]
    notes: str = ""


@dataclass(slots=True)
class GoldDoc:
    id: str
    corpus: str | None  # "saudinewsnet", or None for a file under the shared folder
    url: str | None
    path: str | None
    published: dt.date | None
    chars: int | None  # length of the document text, to catch a changed corpus
    events: list[GoldEvent]
    notes: str = ""


def _actor(obj: dict[str, Any] | None) -> GoldActor | None:
    if not obj:
        return None
    return GoldActor(obj["name_en"], obj.get("country"), obj.get("inter"), list(obj.get("also", [])))


def _event(obj: dict[str, Any]) -> GoldEvent:
    date = obj.get("date") or {}
    place = obj.get("place")
    return GoldEvent(
        event_type=obj["event_type"],
        sub_event_type=obj["sub_event_type"],
        plover_type=(obj.get("plover") or {}).get("type"),
        plover_mode=(obj.get("plover") or {}).get("mode"),
        date=dt.date.fromisoformat(date["value"]) if date.get("value") else None,
        date_precision=date.get("precision", "unknown"),
        place=GoldPlace(
            name_en=place["name_en"],
            country=place.get("country"),
            geonameid=place.get("geonameid"),
            admin1=place.get("admin1"),
            admin2=place.get("admin2"),
            precision=place.get("precision", "exact"),
        ) if place else None,
        actor1=_actor(obj.get("actor1")),
        actor2=_actor(obj.get("actor2")),
        fatalities=int(obj.get("fatalities") or 0),
        perpetrator_status=obj.get("perpetrator_status", "known"),
        evidence=[(int(e["start"]), int(e["end"])) for e in obj.get("evidence", [])],
        notes=obj.get("notes", ""),
    )


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Read a document-level gold file (a JSON list of documents)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the gold file {path}: {exc}. Give a JSON file in the "
                         "format of gold/README.md.") from exc
    if not isinstance(raw, list):
        raise InputError(f"{path}: the top level of a document gold file must be a list of documents.")
    docs = []
    for i, obj in enumerate(raw):
        ref = obj.get("ref", {})
        try:
            docs.append(GoldDoc(
                id=obj.get("id") or f"doc{i}",
                corpus=ref.get("corpus"),
                url=ref.get("url"),
                path=ref.get("path"),
                published=dt.date.fromisoformat(obj["published"]) if obj.get("published") else None,
                chars=obj.get("chars"),
                events=[_event(e) for e in obj.get("events", [])],
                notes=obj.get("notes", ""),
            ))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}: document {i} ({obj.get('id')!r}) is malformed: {exc!r}. "
                             "See gold/README.md for the format.") from exc
    return docs


# --- article text --------------------------------------------------------------------------


def article_text(title: str | None, content: str) -> str:
    """The text a SaudiNewsNet article is coded and extracted on: title, blank line, body."""
    return titled_text(html.unescape(title or ""), html.unescape(content or ""))[0]


def load_corpus(path: str | Path, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The corpus records of the given URLs (read-only, never stored in the repository)."""
    wanted = set(urls)
    found: dict[str, dict[str, Any]] = {}
    path = Path(path)
    if not path.exists():
        raise InputError(f"corpus not found at {path}: pass --corpus with the path of "
                         "saudinewsnet.jsonl.gz (or set MARSAD_SHARED).")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("url") in wanted:
                found[rec["url"]] = rec
                if len(found) == len(wanted):
                    break
    return found


def parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def corpus_refs(urls: Iterable[str]) -> list[GoldDoc]:
    """Document references to corpus articles by URL (no gold events), in first-seen order,
    for `resolve_texts`: the articles of the dedup gold or of an audit."""
    return [GoldDoc(id=u, corpus="saudinewsnet", url=u, path=None, published=None, chars=None,
                    events=[]) for u in dict.fromkeys(urls)]


@dataclass(slots=True)
class Resolved:
    doc: GoldDoc
    title: str | None
    text: str


def resolve_texts(docs: Sequence[GoldDoc], corpus: str | Path = DEFAULT_CORPUS,
                  shared: str | Path = DEFAULT_SHARED) -> list[Resolved]:
    """Find each gold document's text; raise with the missing references listed."""
    records = load_corpus(corpus, [d.url for d in docs if d.url]) if any(d.url for d in docs) else {}
    out, missing = [], []
    for d in docs:
        if d.url:
            rec = records.get(d.url)
            if rec is None:
                missing.append(d.url)
                continue
            text = article_text(rec.get("title"), rec.get("content", ""))
            if d.published is None:  # the corpus has no publication date; it was crawled daily
                d.published = parse_day(rec.get("date_extracted"))
            title = text.split("\n", 1)[0] if rec.get("title") else None
        elif d.path:
            p = Path(shared) / d.path
            if not p.exists():
                missing.append(str(p))
                continue
            text = p.read_text(encoding="utf-8")
            title = text.split("\n", 1)[0].strip()
        else:
            missing.append(f"{d.id} (no url or path)")
            continue
        out.append(Resolved(d, title, text))
    if missing:
        raise InputError(f"{len(missing)} gold document(s) not found: {missing[:5]}. "
                         "Check --corpus / MARSAD_SHARED.")
    return out


# --- field comparisons ------------------------------------------------------------------------


def _norm(s: str | None) -> str:
    """Casefold, drop diacritics ("Diyarbakır" = "Diyarbakir"), hyphens and extra spaces."""
    s = unicodedata.normalize("NFKD", (s or "").replace("ı", "i"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch) and ch not in "ʿʾ‘’'")
    return " ".join(s.casefold().replace("-", " ").split())


# ACLED dates state forces by period: "Military Forces of Syria (2000-2024)" is the same actor.
_PERIOD = re.compile(r"\s*\(\d{4}\s*-\s*(\d{4})?\)")


def _actor_name(s: str | None) -> str:
    return _norm(_PERIOD.sub("", s or ""))


def date_ok(gold: GoldEvent, pred: Event) -> bool:
    if gold.date is None or pred.date is None or pred.date.value is None:
        return False
    return abs((pred.date.value - gold.date).days) <= 1


def place_ok(gold: GoldPlace | None, pred: LocationRef | None) -> bool:
    """Same GeoNames id, else same admin2, else (for an admin1/country-level gold) same admin1."""
    if gold is None or pred is None:
        return False
    if gold.country and pred.country and gold.country != pred.country:
        return False
    if gold.geonameid is not None and pred.geonameid == gold.geonameid:
        return True
    if gold.admin2 and pred.admin2 and _norm(gold.admin2) == _norm(pred.admin2):
        return True
    if gold.precision in ("admin1", "country") or gold.geonameid is None:
        if gold.precision == "country":
            return bool(gold.country) and gold.country == pred.country
        names = {_norm(gold.admin1), _norm(gold.name_en)} - {""}
        return bool(names & {_norm(pred.admin1), _norm(pred.name_en)})
    return False


def _base(name: str) -> str:
    """"Civilians (Saudi Arabia)" -> "civilians": the generic name without its country."""
    return _norm(re.sub(r"\s*\([^)]*\)\s*$", "", name))


def actor_ok(gold: GoldActor | None, pred: ActorRef | None) -> bool:
    """Same English name (or an accepted alternative, or the actor id); a generic name without
    its country ("Civilians") is right when the predicted country is the gold one."""
    if gold is None or pred is None:
        return False
    accepted = {_actor_name(gold.name_en), *(_actor_name(a) for a in gold.also)}
    if _actor_name(pred.name_en) in accepted or (pred.id is not None and _norm(pred.id) in accepted):
        return True
    return bool(gold.country) and pred.country == gold.country and _actor_name(pred.name_en) == _base(gold.name_en)


def _killed(pred: Event) -> int:
    """Predicted deaths; none reported counts as 0, as in ACLED."""
    return (pred.fatalities.value or 0) if pred.fatalities else 0


def field_hits(gold: GoldEvent, pred: Event) -> dict[str, bool]:
    return {
        "event_type": gold.event_type == pred.event_type,
        "sub_event_type": gold.event_type == pred.event_type and gold.sub_event_type == pred.sub_event_type,
        "plover_type": gold.plover_type is not None and gold.plover_type == (pred.plover or {}).get("type"),
        "date": date_ok(gold, pred),
        "place": place_ok(gold.place, pred.location),
        "actor1": actor_ok(gold.actor1, pred.actor1),
        "actor2": actor_ok(gold.actor2, pred.actor2),
        "fatalities": gold.fatalities == _killed(pred),
    }


def _has(gold_or_pred: GoldEvent | Event, name: str) -> bool:
    """Whether an event fills a field (the denominators of precision and recall)."""
    e = gold_or_pred
    if name in ("event", "event_type", "sub_event_type", "fatalities"):
        return True
    if name == "plover_type":
        return (e.plover_type if isinstance(e, GoldEvent) else (e.plover or {}).get("type")) is not None
    if name == "date":
        return e.date is not None if isinstance(e, GoldEvent) else bool(e.date and e.date.value)
    if name == "place":
        return (e.place if isinstance(e, GoldEvent) else e.location) is not None
    return getattr(e, name) is not None


# --- matching and scores ---------------------------------------------------------------------


def match_events(gold: Sequence[GoldEvent], pred: Sequence[Event]) -> list[tuple[int, int]]:
    """Greedy best one-to-one matching of gold and predicted events within one document.

    A pair is a candidate when the type family agrees and the date (within a day) or the
    place agrees; among candidates the pair agreeing on most fields is taken first.
    """
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if FAMILY.get(g.event_type) != FAMILY.get(p.event_type):
                continue
            hits = field_hits(g, p)
            if not (hits["date"] or hits["place"]):
                continue
            key = (hits["date"] + hits["place"], sum(hits.values()))
            cands.append((key, gi, pi))
    cands.sort(key=lambda c: (-c[0][0], -c[0][1], c[1], c[2]))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


@dataclass(slots=True)
class FieldScore:
    correct: int = 0
    gold: int = 0  # gold events with the field filled
    predicted: int = 0  # predicted events with the field filled

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "gold": self.gold, "predicted": self.predicted,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(slots=True)
class DocDiff:
    id: str
    matched: list[dict[str, Any]]  # gold and predicted summaries, with the fields that differ
    missing: list[str]  # gold events not found
    spurious: list[str]  # predicted events matching no gold event


@dataclass(slots=True)
class DocScores:
    fields: dict[str, FieldScore]
    diffs: list[DocDiff]
    documents: int
    # (confidence, matched a gold event) for every asserted predicted event
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    def reliability(self) -> Reliability:
        return reliability(self.confidences)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents,
                "fields": {k: v.to_dict() for k, v in self.fields.items()},
                "reliability": self.reliability().to_dict(),
                "diffs": [{"id": d.id, "matched": d.matched, "missing": d.missing, "spurious": d.spurious}
                          for d in self.diffs]}


def describe_gold(g: GoldEvent) -> str:
    a1 = g.actor1.name_en if g.actor1 else "-"
    a2 = g.actor2.name_en if g.actor2 else "-"
    place = g.place.name_en if g.place else "-"
    return f"{g.sub_event_type} | {g.date} | {place} | {a1} -> {a2} | killed {g.fatalities}"


def describe_pred(p: Event) -> str:
    a1 = p.actor1.name_en if p.actor1 else "-"
    a2 = p.actor2.name_en if p.actor2 else "-"
    place = p.location.name_en if p.location else "-"
    date = p.date.value if p.date else None
    return f"{p.sub_event_type} | {date} | {place} | {a1} -> {a2} | killed {_killed(p)}"


def asserted(events: Iterable[Event]) -> list[Event]:
    """Only asserted events count as predicted (denials, threats and history do not)."""
    return [e for e in events if e.modality == "asserted"]


def score_documents(gold_docs: Sequence[GoldDoc], predicted: Sequence[Sequence[Event]]) -> DocScores:
    """Field-level precision and recall of predicted events (one list per gold document)."""
    if len(gold_docs) != len(predicted):
        raise ValueError("one list of predicted events per gold document is needed")
    fields = {name: FieldScore() for name in FIELDS}
    diffs = []
    confidences: list[tuple[float, bool]] = []
    for doc, preds in zip(gold_docs, predicted, strict=True):
        preds = asserted(preds)
        for name, fs in fields.items():
            fs.gold += sum(_has(g, name) for g in doc.events)
            fs.predicted += sum(_has(p, name) for p in preds)
        pairs = match_events(doc.events, preds)
        matched = []
        for gi, pi in pairs:
            g, p = doc.events[gi], preds[pi]
            hits = field_hits(g, p)
            fields["event"].correct += 1
            for name, ok in hits.items():
                fields[name].correct += ok and _has(g, name) and _has(p, name)
            matched.append({"gold": describe_gold(g), "predicted": describe_pred(p),
                            "wrong": [k for k, ok in hits.items() if not ok and (_has(g, k) or _has(p, k))]})
        got_g, got_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        confidences += [(p.confidence, i in got_p) for i, p in enumerate(preds)]
        missing = [describe_gold(g) for i, g in enumerate(doc.events) if i not in got_g]
        spurious = [describe_pred(p) for i, p in enumerate(preds) if i not in got_p]
        diffs.append(DocDiff(doc.id, matched, missing, spurious))
    return DocScores(fields, diffs, len(gold_docs), confidences)


def extract_docs(resolved: Sequence[Resolved], **kwargs: Any) -> list[Doc]:
    """Run the extractor on each gold document's text, dated from the gold."""
    from marsad.extract import extract

    return [extract(r.text, id=r.doc.id, published=r.doc.published, title=r.title,
                    url=r.doc.url, title_first_line=r.title is not None, **kwargs)
            for r in resolved]


def extract_all(resolved: Sequence[Resolved], **kwargs: Any) -> list[list[Event]]:
    """The events the extractor finds in each gold document."""
    return [list(d.events) for d in extract_docs(resolved, **kwargs)]


def format_scores(scores: DocScores, *, diffs: bool = True) -> str:
    """A plain-text table of field scores and the per-document diff."""
    def pct(x: float | None) -> str:
        return "  -  " if x is None else f"{x:5.3f}"

    lines = [f"{scores.documents} documents", "",
             f"{'field':<16}{'correct':>8}{'gold':>6}{'pred':>6}  {'P':>5}  {'R':>5}  {'F1':>5}"]
    for name, fs in scores.fields.items():
        lines.append(f"{name:<16}{fs.correct:>8}{fs.gold:>6}{fs.predicted:>6}  "
                     f"{pct(fs.precision)}  {pct(fs.recall)}  {pct(fs.f1)}")
    lines += ["", *format_reliability(scores.reliability(),
                                      "Confidence reliability: share of predicted events that match a gold event")]
    if diffs:
        for d in scores.diffs:
            if not (d.missing or d.spurious or any(m["wrong"] for m in d.matched)):
                continue
            lines += ["", f"== {d.id}"]
            for m in d.matched:
                if m["wrong"]:
                    lines.append(f"  ~ gold {m['gold']}\n    pred {m['predicted']}\n    wrong: {', '.join(m['wrong'])}")
            lines += [f"  - missing  {s}" for s in d.missing]
            lines += [f"  + spurious {s}" for s in d.spurious]
    return "\n".join(lines)
