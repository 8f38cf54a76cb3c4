"""`marsad evaluate docs`, `dedup` and `audit`: scores against the document gold, the dedup gold
and a hand-judged sample of events on real articles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from marsad.cli._groups import evaluate_app
from marsad.cli._output import emit_json, err_console
from marsad.errors import MarsadError
from marsad.evaluate import dedup as dd
from marsad.evaluate import docs as dg

CORPUS_HELP = "SaudiNewsNet JSONL(.gz) the gold refers to by URL (text is read from it, never stored)"
# the hand-judged audits the article confidence model is fitted on beside the article gold
AUDIT_FILES = [Path("gold/audit-dev.tsv"), Path("gold/audit-dev2.tsv"), Path("gold/audit-dev3.tsv")]
DOCS_FILE = Path("gold/docs-dev.json")
# options shared by the commands below
CORPUS = typer.Option(dg.DEFAULT_CORPUS, help=CORPUS_HELP)
SHARED = typer.Option(dg.DEFAULT_SHARED, help="folder that gold 'path' references are relative to")
JSON = typer.Option(False, "--json", help="machine-readable figures (and diffs or changes)")
NO_DIFF = typer.Option(False, "--no-diff", help="print the tables only")
FOLDS = typer.Option(None, "--folds", help="K-fold cross-validation (by document) of the article confidence model")


def _other_set(path: Path, load: Callable[[], list]) -> list:
    """Another training set of the article confidence model, for cross-validation; a
    missing file is said, and the folds then train without it."""
    if not path.exists():
        err_console.print(f"note: {path} not found: the article confidence model is "
                          "cross-validated without it")
        return []
    return load()


def _audit_sets(paths: list[Path], corpus: Path, skip: Path | None = None) -> list:
    """The rows of every audit in `paths` but `skip` (the set being cross-validated)."""
    from marsad.evaluate import docs_confidence

    rows: list = []
    for p in paths:
        if skip is None or p.resolve() != skip.resolve():
            rows += _other_set(p, lambda p=p: docs_confidence.audit_file_rows(p, corpus))
    return rows


@evaluate_app.command("docs")
def docs(
    gold: Path = typer.Argument(..., help="document-level gold JSON (e.g. gold/docs-dev.json)"),
    corpus: Path = CORPUS,
    shared: Path = SHARED,
    as_json: bool = JSON,
    no_diff: bool = NO_DIFF,
    gate: bool = typer.Option(None, "--gate/--no-gate", help="force the learned gate on or off (default: lone sentences only)"),
    folds: int = FOLDS,
    audit: list[Path] = typer.Option(AUDIT_FILES, help="the audits the article confidence model also learns from (used with --folds; repeat the option for several)"),
) -> None:
    """Field-level precision and recall of extracted events against a document gold, with a
    diff and the reliability of the events' confidence."""
    from marsad.resources import Resources

    try:
        gold_docs = dg.load_gold(gold)
        resolved = dg.resolve_texts(gold_docs, corpus, shared)
    except MarsadError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    options: dict = {"gate": gate}
    if folds is not None:  # each fold's model is fitted below; the extractor runs without one
        options["article_confidence"] = None
    docs_out = dg.extract_docs(resolved, resources=Resources(options=options))
    golds = [r.doc for r in resolved]
    scores = dg.score_documents(golds, [d.events for d in docs_out])
    if folds is not None:
        from marsad.evaluate import docs_confidence

        try:
            also = _audit_sets(audit, corpus)
            scores.confidences = docs_confidence.cross_validate(
                docs_confidence.event_rows(golds, docs_out), folds, also)
        except (ValueError, MarsadError) as exc:
            err_console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
    if as_json:
        out = scores.to_dict()
        out["reliability"]["held_out"] = folds is not None
        out["reliability"]["model_fitted_on_this_file"] = _trained_on(gold)
        emit_json(out, pretty=True)
        return
    if folds is not None:
        err_console.print(f"confidence: held-out predictions of {folds}-fold cross-validation by document")
    else:
        _training_note(gold)
    typer.echo(dg.format_scores(scores, diffs=not no_diff))


@evaluate_app.command("dedup")
def dedup(
    gold: Path = typer.Argument(..., help="deduplication gold JSON (e.g. gold/dedup-dev.json)"),
    corpus: Path = CORPUS,
    as_json: bool = JSON,
) -> None:
    """Pairwise precision and recall of cross-document deduplication against a dedup gold."""
    try:
        g = dd.load_dedup_gold(gold)
        cluster_events = dd.cluster_function()
        resolved = dg.resolve_texts(dg.corpus_refs(g.urls), corpus)
    except MarsadError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    items = [(r.doc.url, e) for r, evs in zip(resolved, dg.extract_all(resolved), strict=True)
             for e in dg.asserted(evs)]
    clusters = cluster_events(items)
    scores = dd.score_dedup(g, items, clusters)
    if as_json:
        emit_json({**scores.to_dict(), "articles": len(resolved), "events": len(items)}, pretty=True)
    else:
        typer.echo(dd.format_pair_scores(scores, articles=len(resolved), events=len(items)))


def _trained_on(path: Path) -> bool:
    """Was the shipped article confidence model fitted on this very file?"""
    from marsad.coder.article_confidence import trained_on

    return path.name in trained_on()


def _training_note(path: Path) -> None:
    """Say so when the shipped article confidence model was fitted on this very file."""
    if _trained_on(path):
        err_console.print(f"note: the article confidence model was trained on {path.name}; its "
                          "reliability table here is a training-data figure (use --folds K)")


@evaluate_app.command("audit")
def audit(
    path: Path = typer.Argument(..., help="audit TSV of hand-judged events (e.g. gold/audit-dev.tsv)"),
    corpus: Path = CORPUS,
    shared: Path = SHARED,
    as_json: bool = JSON,
    no_diff: bool = NO_DIFF,
    folds: int = FOLDS,
    docs_gold: Path = typer.Option(DOCS_FILE, "--docs", help="the article gold the confidence model also learns from (used with --folds)"),
    other_audits: list[Path] = typer.Option(AUDIT_FILES, "--audit", help="the other audits the confidence model learns from (used with --folds; this one is left out)"),
) -> None:
    """Precision on real articles: re-extract a hand-judged random sample of events and
    report which are still output, which are gone, and the precision of the rest."""
    from marsad.evaluate import audit as au

    try:
        judged = au.load_audit(path)
        resolved = dg.resolve_texts(au.audit_docs(judged), corpus)
    except MarsadError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if folds is None:
        scores = au.score_audit(judged, resolved, dg.extract_all(resolved))
        _training_note(path)
    else:
        from marsad.evaluate import docs_confidence

        # extracted once, with the article model off: each fold fits its own below
        docs_out = docs_confidence.unscored_docs(resolved)
        scores = au.score_audit(judged, resolved, [d.events for d in docs_out])
        try:
            also = _other_set(docs_gold, lambda: docs_confidence.gold_file_rows(docs_gold, corpus, shared))
            also += _audit_sets(other_audits, corpus, skip=path)
            scores.confidences = docs_confidence.cross_validate(
                docs_confidence.audit_rows(judged, resolved, docs_out), folds, also)
        except (ValueError, MarsadError) as exc:
            err_console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
        err_console.print(f"confidence: held-out predictions of {folds}-fold cross-validation by article")
    if as_json:
        out = scores.to_dict()
        out["reliability"]["held_out"] = folds is not None
        out["reliability"]["model_fitted_on_this_file"] = _trained_on(path)
        emit_json(out, pretty=True)
    else:
        typer.echo(au.format_audit(scores, changes=not no_diff))


def register(app: typer.Typer) -> None:
    """The commands are registered on the `evaluate` group above, at import."""
