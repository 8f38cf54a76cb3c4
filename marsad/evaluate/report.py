"""Error reports for GSR scoring: every false positive and false negative, grouped by cause.

A false negative's cause is what the extractor did instead (nothing, another type, the
right type with a modality that does not count, a failure); a false positive's cause is
its PLOVER mode and trigger words, or the background (historical) modality it was counted
with. Each item shows the events with their rules (`Event.why`) and confidence. Groups are
sorted largest first so a developer sees where to work. HTML output escapes every
string taken from the input.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from marsad.doc import Event
from marsad.evaluate.gsr import GsrScores, Outcome


def cause(o: Outcome) -> str:
    t = o.sentence.event_type
    p = o.prediction
    if o.kind == "FN":
        if p.error is not None:
            return "FN: the extractor failed"
        same = [e for e in p.events if e.plover.get("type") == t]
        if same:
            mods = sorted({e.modality for e in same})
            return f"FN: {t} found but modality {'/'.join(mods)}"
        if p.events:
            other = sorted({str(e.plover.get("type")) for e in p.events})
            return f"FN: coded as {', '.join(other)} instead"
        return "FN: no event found"
    ev = p.positive_events(t)[0]
    if ev.modality == "historical":
        rule = next((w for w in ev.why if w.startswith("modality")), "modality historical")
        return f"FP: counted as background/historical ({rule})"
    mode = ev.plover.get("mode") or ev.sub_event_type or "-"
    if ev.trigger is not None:
        return f"FP: {mode}, trigger «{' '.join(ev.trigger.text.split())}»"
    return f"FP: {mode}, {ev.why[0] if ev.why else 'no rule recorded'}"


def errors_by_cause(scores: GsrScores) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in scores.outcomes:
        if o.kind in ("FP", "FN"):
            groups[f"{o.sentence.event_type} {cause(o)}"].append(o)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def describe_event(e: Event) -> str:
    """One line: type/mode, modality, trigger, actors, confidence, rules."""
    parts = [f"{e.plover.get('type')}/{e.plover.get('mode') or '-'}", e.modality]
    if e.trigger is not None:
        parts.append(f"trigger «{e.trigger.text}» [{e.trigger.start}:{e.trigger.end}]")
    if e.actor1 is not None:
        parts.append(f"actor1 «{e.actor1.text}» ({e.actor1.country or '-'}/{e.actor1.sector or '-'})")
    if e.actor2 is not None:
        parts.append(f"actor2 «{e.actor2.text}» ({e.actor2.country or '-'}/{e.actor2.sector or '-'})")
    parts.append(f"confidence {e.confidence:.2f}")
    if e.why:
        parts.append("why: " + "; ".join(e.why))
    return ", ".join(parts)


def _predicted(o: Outcome) -> list[str]:
    p = o.prediction
    if p.error is not None:
        return [f"error: {p.error}"]
    lines = [describe_event(e) for e in p.events] or ["no event"]
    if p.spans:
        lines.append("entities: " + ", ".join(f"{s.kind} «{s.text}»" for s in p.spans))
    return lines


def _score_rows(scores: GsrScores) -> Iterable[list[str]]:
    for t, ts in sorted(scores.types.items()):
        for name, c in (("strict", ts.strict), ("clean", ts.clean)):
            yield [t, name, str(c.tp), str(c.fp), str(c.fn), str(c.tn),
                   f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"]


_HEAD = ["type", "definition", "TP", "FP", "FN", "TN", "precision", "recall", "F1"]


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(scores: GsrScores, title: str = "GSR error report") -> str:
    lines = [f"# {title}", ""]
    if scores.folds:
        lines += [f"Held-out predictions of {scores.folds}-fold cross-validation.", ""]
    lines += ["| " + " | ".join(_HEAD) + " |", "|" + "---|" * len(_HEAD)]
    lines += ["| " + " | ".join(r) + " |" for r in _score_rows(scores)]
    groups = errors_by_cause(scores)
    lines += ["", "## Causes", ""]
    lines += [f"- {_md_cell(c)}: {len(os)}" for c, os in groups.items()] or ["- no errors"]
    for c, outcomes in groups.items():
        lines += ["", f"## {_md_cell(c)} ({len(outcomes)})", ""]
        for o in outcomes:
            s = o.sentence
            lines.append(f"- **{o.kind}** `{s.id}` ({s.label}, {s.origin})")
            lines.append(f"  > {_md_cell(s.text)}")
            lines += [f"  - {_md_cell(p)}" for p in _predicted(o)]
    return "\n".join(lines) + "\n"


def render_html(scores: GsrScores, title: str = "GSR error report") -> str:
    e = html.escape
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:70em;margin:auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
        ".ar{direction:rtl;font-size:1.1em;background:#f6f6f6;padding:4px}"
        "li{margin-bottom:.8em}</style></head><body>",
        f"<h1>{e(title)}</h1>",
    ]
    if scores.folds:
        out.append(f"<p>Held-out predictions of {scores.folds}-fold cross-validation.</p>")
    out.append("<table><tr>" + "".join(f"<th>{h}</th>" for h in _HEAD) + "</tr>")
    for row in _score_rows(scores):
        out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>")
    out.append("</table>")
    groups = errors_by_cause(scores)
    out.append("<h2>Causes</h2><ul>")
    out += [f'<li><a href="#g{i}">{e(c)}</a>: {len(os)}</li>' for i, (c, os) in enumerate(groups.items())]
    out.append("</ul>")
    for i, (c, outcomes) in enumerate(groups.items()):
        out.append(f'<h2 id="g{i}">{e(c)} ({len(outcomes)})</h2><ul>')
        for o in outcomes:
            s = o.sentence
            preds = "".join(f"<li>{e(p)}</li>" for p in _predicted(o))
            out.append(
                f"<li><b>{o.kind}</b> <code>{e(s.id)}</code> ({e(s.label)}, {e(s.origin)})"
                f'<div class="ar" dir="rtl">{e(s.text)}</div><ul>{preds}</ul></li>'
            )
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_report(scores: GsrScores, path: str | Path) -> Path:
    """Write the report as HTML (.html/.htm) or Markdown (anything else)."""
    p = Path(path)
    text = render_html(scores) if p.suffix.lower() in (".html", ".htm") else render_markdown(scores)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p
