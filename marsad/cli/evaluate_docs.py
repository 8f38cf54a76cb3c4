"""`marsad evaluate docs` and `marsad evaluate dedup`: scores against the document and dedup gold."""

from __future__ import annotations

from pathlib import Path

import typer

from marsad.cli._groups import evaluate_app
from marsad.cli._output import emit_json, err_console
from marsad.errors import MarsadError
from marsad.evaluate import dedup as dd
from marsad.evaluate import docs as dg

CORPUS_HELP = "SaudiNewsNet JSONL(.gz) the gold refers to by URL (text is read from it, never stored)"


@evaluate_app.command("docs")
def docs(
    gold: Path = typer.Argument(..., help="document-level gold JSON (e.g. gold/docs-dev.json)"),
    corpus: Path = typer.Option(dg.DEFAULT_CORPUS, help=CORPUS_HELP),
    shared: Path = typer.Option(dg.DEFAULT_SHARED, help="folder that gold 'path' references are relative to"),
    as_json: bool = typer.Option(False, "--json", help="machine-readable figures and diffs"),
    no_diff: bool = typer.Option(False, "--no-diff", help="print the field table only"),
    gate: bool = typer.Option(None, "--gate/--no-gate", help="force the learned gate on or off (default: lone sentences only)"),
) -> None:
    """Field-level precision and recall of extracted events against a document gold, with a diff."""
    from marsad.resources import Resources

    try:
        gold_docs = dg.load_gold(gold)
        resolved = dg.resolve_texts(gold_docs, corpus, shared)
    except MarsadError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    res = Resources(options={"gate": gate})
    scores = dg.score_documents([r.doc for r in resolved], dg.extract_all(resolved, resources=res))
    if as_json:
        emit_json(scores.to_dict(), pretty=True)
    else:
        typer.echo(dg.format_scores(scores, diffs=not no_diff))


@evaluate_app.command("dedup")
def dedup(
    gold: Path = typer.Argument(..., help="deduplication gold JSON (e.g. gold/dedup-dev.json)"),
    corpus: Path = typer.Option(dg.DEFAULT_CORPUS, help=CORPUS_HELP),
    as_json: bool = typer.Option(False, "--json", help="machine-readable figures"),
) -> None:
    """Pairwise precision and recall of cross-document deduplication against a dedup gold."""
    try:
        g = dd.load_dedup_gold(gold)
        cluster_events = dd.cluster_function()
        docs_ = [dg.GoldDoc(id=u, corpus="saudinewsnet", url=u, path=None, published=None,
                            chars=None, events=[]) for u in g.urls]
        resolved = dg.resolve_texts(docs_, corpus)
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


def register(app: typer.Typer) -> None:
    """The commands are registered on the `evaluate` group above, at import."""
