"""`marsad evaluate gsr`: score the extractor on the OEDA Arabic gold-standard sentences."""

from __future__ import annotations

import sys
import time
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli._groups import evaluate_app
from marsad.cli._output import emit_json, err_console
from marsad.errors import MarsadError


def gsr(
    paths: list[str] = typer.Argument(..., help="GSR CSV files (*_gsr_*.csv) or folders of them"),
    report: str = typer.Option(None, "--report", help="write every FP/FN by cause to FILE.html or FILE.md"),
    as_json: bool = typer.Option(False, "--json", help="print the figures as JSON"),
    min_f1: float = typer.Option(None, "--min-f1", help="exit 1 when a type's strict F1 is below X"),
    folds: int = typer.Option(None, "--folds", help="K-fold cross-validation of the learned coder"),
    seed: int = typer.Option(0, "--seed", help="with --folds: draw another split of the articles (0: the usual one)"),
    limit: int = typer.Option(None, "--limit", help="only the first N sentences of each CSV"),
    actors_file: list[str] = typer.Option([], "--actors", help="extra actor file(s) (JSONL)"),
    no_model: bool = typer.Option(False, "--no-model", help="score the rule coder without its learned model"),
    gate: bool = typer.Option(None, "--gate/--no-gate", help="force the learned gate on or off (default: on, as for every one-sentence document)"),
) -> None:
    """Per PLOVER type: TP/FP/FN/TN, precision, recall, F1 (strict and clean), rates per
    label, and actor agreement with the annotators."""
    from marsad.evaluate.gsr import extractor_predict, score_gsr
    from marsad.evaluate.gsr_data import load_gsr
    from marsad.resources import Resources

    try:
        gold = load_gsr(paths, limit=limit)
    except MarsadError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    t0 = time.perf_counter()
    learned: bool = False
    if folds is not None:
        from marsad.evaluate.cv import FoldError, coder_train, cross_validate, extractor_with_model

        try:
            train = coder_train()
            scores = cross_validate(
                gold.sentences, train, extractor_with_model(extra_actor_files=actors_file, gate=gate), folds,
                on_fold=lambda i, k, sec: err_console.print(f"fold {i}/{k} trained and scored in {sec:.0f}s"),
                seed=seed,
            )
        except (LookupError, FoldError) as exc:
            err_console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
    else:
        options: dict[str, Any] = {"event_model": None} if no_model else {"gate": gate}
        res = Resources(extra_actor_files=actors_file, options=options)
        # each GSR sentence is a one-sentence document: the gate is on unless --no-gate
        learned = gate is not False and _has_model(res)
        if learned:
            err_console.print(
                "note: the extractor uses its shipped learned event model, trained on the "
                "OEDA dev gold; on that gold these are training-data figures. Use --folds K "
                "for held-out figures, or --no-model for the rules alone."
            )
        scores = score_gsr(gold.sentences, extractor_predict(res, progress=_progress()))
    seconds = time.perf_counter() - t0
    if report:
        from marsad.evaluate.report import write_report

        written = write_report(scores, report)
        err_console.print(f"report written to {written}")
    if as_json:
        out: dict[str, Any] = scores.to_dict()
        out.update(files=gold.files, spans_files=gold.spans_files,
                   unmatched_spans=gold.unmatched_spans, seconds=round(seconds, 2),
                   learned_model="cross-validated" if folds else learned,
                   fold_seed=seed if folds else None)
        emit_json(out, pretty=True)
    else:
        _print_tables(scores, gold.files, seconds, learned, seed)
    if min_f1 is not None:
        failing = scores.failing(min_f1)
        if failing:
            err_console.print(
                "strict F1 below " + f"{min_f1}: "
                + ", ".join(f"{t} {scores.types[t].strict.f1:.3f}" for t in failing)
            )
            raise typer.Exit(1)


def _has_model(res: Any) -> bool:
    """Does the extractor run a learned model (the coder's "event_model" resource)?"""
    try:
        return res.get("event_model") is not None
    except MarsadError:  # no learned component registered
        return False


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(n: int, total: int) -> None:
        if n % 100 == 0 or n == total:
            err_console.print(f"\r{n}/{total} sentences", end="")
            if n == total:
                err_console.print()

    return show


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _print_tables(scores: Any, files: list[str], seconds: float, learned: bool, seed: int = 0) -> None:
    console = Console(width=None if sys.stdout.isatty() else 110)
    if scores.folds:
        drawn = f", split seed {seed}" if seed else ""
        mode = f", {scores.folds}-fold cross-validation of the learned model (held-out{drawn})"
    else:
        mode = ", shipped learned gate on (training-data figures)" if learned else ", rules (no learned gate)"
    console.print(
        f"{scores.sentences} sentences from {len(files)} file(s), {scores.duplicates} duplicate "
        f"text(s) dropped, {scores.errors} extractor error(s){mode}; {seconds:.1f}s"
    )
    t = Table(title="PLOVER type detection (ambiguous excluded)")
    for h in ("type", "definition", "TP", "FP", "FN", "TN", "precision", "recall", "F1"):
        t.add_column(h, justify="left" if h in ("type", "definition") else "right")
    for name, ts in sorted(scores.types.items()):
        for d, c in (("strict", ts.strict), ("clean", ts.clean)):
            t.add_row(name, d, str(c.tp), str(c.fp), str(c.fn), str(c.tn),
                      _pct(c.precision), _pct(c.recall), _pct(c.f1))
    console.print(t)
    t = Table(title="By label: recall on yes, false-positive rate on the no's")
    for h in ("type", "label", "sentences", "predicted positive", "rate"):
        t.add_column(h, justify="left" if h in ("type", "label") else "right")
    for name, ts in sorted(scores.types.items()):
        for label, row in ts.label_rates().items():
            rate = next(v for k, v in row.items() if k not in ("sentences", "predicted_positive"))
            t.add_row(name, label, str(row["sentences"]), str(row["predicted_positive"]), _pct(rate))
    console.print(t)
    t = Table(title="Actors on gold-positive sentences (span annotations)")
    for h in ("type", "sentences", "coded actors", "found as actor1/2", "found any role",
              "country agrees", "sector agrees"):
        t.add_column(h, justify="left" if h == "type" else "right")
    for name, ts in sorted(scores.types.items()):
        a = ts.actors.to_dict()
        t.add_row(
            name, str(a["sentences"]), str(a["gold_actors"]),
            f"{a['found_same_role']} ({_pct(a['found_same_role_share'])})",
            f"{a['found_any_role']} ({_pct(a['found_any_role_share'])})",
            f"{a['country_agree']}/{a['country_compared']}",
            f"{a['sector_agree']}/{a['sector_compared']}",
        )
    console.print(t)
    t = Table(title="Confidence reliability: share of predicted positives labelled yes "
              "(strict: against both no's; clean: against easy no)")
    for h in ("type", "confidence", "strict events", "strict share yes", "clean events",
              "clean share yes", "mean confidence"):
        t.add_column(h, justify="left" if h in ("type", "confidence") else "right")
    strict = {name: ts.reliability("strict") for name, ts in sorted(scores.types.items())}
    for name, rel in strict.items():
        clean = scores.types[name].reliability("clean")
        for bs, bc in zip(rel.bands, clean.bands, strict=True):
            if bs.events:
                t.add_row(name, f"{bs.low:.1f}-{bs.high:.1f}", str(bs.events), _pct(bs.share_correct),
                          str(bc.events), _pct(bc.share_correct), _pct(bs.mean_confidence))
    console.print(t)
    for name, rel in strict.items():
        console.print(f"{name}: {rel.events} predicted positives, Brier score {_pct(rel.brier)}, "
                      f"ROC AUC {_pct(rel.auc)} (strict)")


def register(app: typer.Typer) -> None:
    evaluate_app.command("gsr")(gsr)
