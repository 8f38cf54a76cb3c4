"""Precision on real articles: a hand-judged random sample of extracted events.

The sentence gold and the 49-article gold are both dense with violence; neither shows how
often the coder is wrong on the news it will meet, where most articles hold no event. An
audit file (gold/audit-*.tsv, format in gold/README.md) lists events the extractor once
output on randomly drawn SaudiNewsNet articles, each judged by hand:

- `right`: a real event the article reports, coded with the right event type;
- `type`: a real event the article reports, coded with the wrong event type;
- `mention`: a real event, but the article only refers back to it (a condemnation, a trial,
  an opinion piece, background); ACLED codes it from the article that reports it;
- `wrong`: no event (a metaphor, an accident, a common crime, a call, a plan, a tally).

Scoring re-extracts the articles and finds each judged event again by its trigger. It
reports the precision of the events still output, which judged events are gone (a `wrong`
gone is a gain, a `right` gone a loss), and how many output events the audit has no verdict
for. A rule tuned on an audit's own events makes that audit a development set: its figures
say so, and a fresh sample is the held-out check.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.doc import Event
from marsad.errors import InputError
from marsad.evaluate.docs import GoldDoc, Resolved, corpus_refs
from marsad.evaluate.reliability import Reliability, format_reliability, reliability

VERDICTS = ("right", "type", "mention", "wrong")
COLUMNS = ("url", "trigger_start", "trigger", "event_type", "sub_event_type", "verdict", "note")


@dataclass(frozen=True, slots=True)
class Judged:
    url: str
    trigger_start: int
    trigger: str
    event_type: str
    sub_event_type: str
    verdict: str
    note: str

    @property
    def real(self) -> bool:
        """A real event the article reports, whatever type it was coded with."""
        return self.verdict in ("right", "type")


def load_audit(path: str | Path) -> list[Judged]:
    """The judged events of an audit TSV (lines starting with # are comments)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"audit file not found: {path}")
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{path}: the header lacks column(s) {', '.join(missing)}")
    out = []
    for n, row in enumerate(reader, start=2):
        verdict = row["verdict"].strip()
        if verdict not in VERDICTS:
            raise InputError(f"{path}, row {n}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
        try:
            start = int(row["trigger_start"])
        except ValueError as exc:
            raise InputError(f"{path}, row {n}: trigger_start {row['trigger_start']!r} is not a number") from exc
        out.append(Judged(row["url"], start, row["trigger"], row["event_type"],
                          row["sub_event_type"], verdict, row["note"] or ""))
    return out


def audit_docs(judged: Sequence[Judged]) -> list[GoldDoc]:
    """One document reference per audited article, for `docs.resolve_texts`."""
    return corpus_refs(j.url for j in judged)


def found(j: Judged, events: Sequence[Event]) -> Event | None:
    """The output event told by the judged trigger: its trigger covers the judged offset, or
    else one of its evidence spans does (merging may pick another mention as the trigger)."""
    for e in events:
        if e.trigger and e.trigger.start <= j.trigger_start < e.trigger.end:
            return e
    for e in events:
        if any(ev.start <= j.trigger_start < ev.end for ev in e.evidence):
            return e
    return None


@dataclass(slots=True)
class AuditScores:
    kept: Counter[str] = field(default_factory=Counter)  # verdict -> judged events still output
    gone: Counter[str] = field(default_factory=Counter)  # verdict -> judged events no longer output
    retyped: int = 0  # judged events output with another event type than the one judged
    unjudged: int = 0  # output events the audit has no verdict for
    articles: int = 0
    changes: list[dict[str, Any]] = field(default_factory=list)
    # (confidence, a real event the article reports) of each judged event still output
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def output(self) -> int:
        return sum(self.kept.values())

    def precision(self, *, mentions: bool = False) -> float | None:
        """Share of judged output events that are real events the article reports
        (`right` or `type`); with `mentions`, later mentions of real events count too."""
        if not self.output:
            return None
        good = self.kept["right"] + self.kept["type"] + (self.kept["mention"] if mentions else 0)
        return good / self.output

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "judged": self.output + sum(self.gone.values()),
            "output": dict(self.kept), "gone": dict(self.gone),
            "retyped": self.retyped, "unjudged": self.unjudged,
            "precision": self.precision(), "precision_with_mentions": self.precision(mentions=True),
            "reliability": self.reliability().to_dict(),
            "changes": self.changes,
        }

    def reliability(self) -> Reliability:
        return reliability(self.confidences)


def score_audit(judged: Sequence[Judged], resolved: Sequence[Resolved],
                events: Sequence[Sequence[Event]]) -> AuditScores:
    """Compare today's output (asserted events, one list per resolved article) with the audit."""
    by_url = {r.doc.url: [e for e in evs if e.modality == "asserted"]
              for r, evs in zip(resolved, events, strict=True)}
    scores = AuditScores(articles=len(by_url))
    claimed: set[int] = set()
    for j in judged:
        evs = by_url.get(j.url, [])
        e = found(j, evs)
        if e is None:
            scores.gone[j.verdict] += 1
            scores.changes.append({"url": j.url, "trigger": j.trigger, "verdict": j.verdict,
                                   "change": "gone", "note": j.note})
            continue
        claimed.add(id(e))
        scores.kept[j.verdict] += 1
        scores.confidences.append((e.confidence, j.real))
        if e.event_type != j.event_type:
            scores.retyped += 1
            scores.changes.append({"url": j.url, "trigger": j.trigger, "verdict": j.verdict,
                                   "change": f"{j.event_type} -> {e.event_type}", "note": j.note})
    scores.unjudged = sum(1 for evs in by_url.values() for e in evs if id(e) not in claimed)
    return scores


def format_audit(scores: AuditScores, *, changes: bool = True) -> str:
    def pct(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f}"

    judged = scores.output + sum(scores.gone.values())
    lines = [
        f"{judged} judged events in {scores.articles} articles; {scores.output} still output",
        "",
        "verdict   output  gone",
        "--------  ------  ----",
        *(f"{v:<8}  {scores.kept[v]:>6}  {scores.gone[v]:>4}" for v in VERDICTS),
        "",
        f"precision (right + type) / output:            {pct(scores.precision())}",
        f"counting later mentions of real events too:   {pct(scores.precision(mentions=True))}",
        f"output with another event type than judged:   {scores.retyped}",
        f"output events the audit has no verdict for:   {scores.unjudged}",
    ]
    lines += ["", *format_reliability(
        scores.reliability(), "Confidence reliability: share of judged events still output that "
        "are real events the article reports")]
    if changes and scores.changes:
        lines += ["", "changes since the audit (a `wrong` gone is a gain, a `right` gone a loss):"]
        lines += [f"  {c['verdict']:<8} {c['change']:<12} {c['trigger']}  ({c['note']})  {c['url']}"
                  for c in scores.changes]
    return "\n".join(lines)
