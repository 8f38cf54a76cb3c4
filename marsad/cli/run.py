"""`marsad run`: extract every pending document of the database, then deduplicate."""

from __future__ import annotations

import json

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from marsad.cli._output import err_console

DB_HELP = "database URL or SQLite path (default: $MARSAD_DB or ~/.local/share/marsad/marsad.db)"


def run(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or dask"),
    workers: int = typer.Option(1, "--workers", "-w", min=0,
                                help="worker processes (0: extract in this process)"),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (--engine dask)"),
    batch_size: int = typer.Option(50, "--batch-size", min=1, help="documents per committed batch"),
    reextract: bool = typer.Option(False, "--reextract",
                                   help="also re-code documents coded by another extractor version"),
    retry_failed: bool = typer.Option(False, "--retry-failed",
                                      help="also retry documents whose extraction failed"),
    dedup: bool = typer.Option(True, "--dedup/--no-dedup",
                               help="deduplicate events across documents afterwards"),
    limit: int = typer.Option(None, "--limit", help="stop after about this many documents"),
    lease: float = typer.Option(600.0, "--lease",
                                help="seconds without a heartbeat after which a run's claims are freed"),
    extractor: str = typer.Option(None, "--extractor", hidden=True,
                                  help="module:function replacing marsad.extract (tests, plugins)"),
    as_json: bool = typer.Option(False, "--json", help="print the run's statistics as JSON"),
) -> None:
    """Extract events from every pending document, committing batch by batch.

    Safe to kill at any moment and run again: no document is lost or coded twice.
    """
    from marsad.store import Store

    if engine not in ("local", "dask"):
        raise typer.BadParameter("--engine is local or dask")
    store = Store(db)
    with Progress(TextColumn(f"extracting ({engine})"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=err_console, disable=as_json) as bar:
        task = bar.add_task("run", total=None)
        hooks = {"on_start": lambda s: bar.update(task, total=s.todo),
                 "progress": lambda n: bar.advance(task, n)}
        opts = {"workers": workers, "batch_size": batch_size, "reextract": reextract,
                "extractor": extractor, "limit": limit, "lease_seconds": lease}
        if engine == "dask":
            if retry_failed:
                raise typer.BadParameter("--retry-failed is for --engine local")
            from marsad.run.dask_runner import run_dask

            stats = run_dask(store, scheduler=scheduler, **opts, **hooks)
        else:
            from marsad.run.local import run_local

            stats = run_local(store, retry_failed=retry_failed, **opts, **hooks)
    out = stats.to_dict() if hasattr(stats, "to_dict") else dict(stats)
    if dedup:
        from marsad.store.canonical import deduplicate_store

        out["dedup"] = deduplicate_store(store).to_dict()
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False))
    else:
        err_console.print(
            f"run {out.get('run_id')}: coded {out.get('coded')}, failed {out.get('failed')}, "
            f"events {out.get('events')}, {out.get('docs_per_second')} docs/s"
            + (f"; canonical events {out['dedup']['events']}" if dedup else ""))


def register(app: typer.Typer) -> None:
    app.command()(run)
