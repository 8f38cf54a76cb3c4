"""`marsad import`: load `marsad extract-corpus` Parquet output into a database."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from marsad.cli._output import err_console
from marsad.errors import MarsadError

DB_HELP = "database URL or SQLite path (default: $MARSAD_DB or ~/.local/share/marsad/marsad.db)"


def import_parquet(
    out_dir: Path = typer.Argument(..., help="an extract-corpus output directory"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="print the statistics as JSON"),
) -> None:
    """Load documents, events and quarantined records from extract-corpus Parquet output.

    Each partition is saved like a `marsad run` batch (events and "done" in one
    transaction); re-importing is a no-op for documents already done.
    """
    from marsad.run.corpus_import import import_corpus
    from marsad.store import Store

    try:
        with Store(db) as store:
            stats = import_corpus(store, out_dir)
    except MarsadError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    out = stats.to_dict()
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False))
    else:
        err_console.print(
            f"{out['partitions']} partitions, {out['documents']} records: {out['added']} new "
            f"documents ({out['already_stored']} already stored), {out['coded']} coded, "
            f"{out['failed']} failed, {out['events']} events, {out['quarantined']} quarantined")


def register(app: typer.Typer) -> None:
    app.command("import")(import_parquet)
