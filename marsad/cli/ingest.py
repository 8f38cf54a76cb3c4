"""`marsad ingest`: files, folders, feeds and web archives into the database."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from marsad.cli._output import err_console
from marsad.cli.run import DB_HELP


def ingest(
    paths: list[str] = typer.Argument(..., help="files, folders (recursive) or feed URLs"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    field: list[str] = typer.Option([], "--field",
                                    help="map fields, OURS=THEIRS: text=content published=date_extracted"),
    preset: str = typer.Option(None, "--preset", help="a known corpus's field mapping: saudinewsnet"),
    published: str = typer.Option(None, "--published",
                                  help="publication date YYYY-MM-DD for inputs that give none"),
    outlet: str = typer.Option(None, "--outlet", help="outlet name for inputs that give none"),
    follow_links: bool = typer.Option(False, "--follow-links",
                                      help="for feeds, fetch each entry's page for its full text"),
    batch_size: int = typer.Option(500, "--batch-size", min=1, help="records per transaction"),
    as_json: bool = typer.Option(False, "--json", help="print the summary as JSON"),
) -> None:
    """Store articles as documents; duplicates and bad input are recorded, never dropped.

    Supported: .txt (first line the title), .jsonl/.jsonl.gz, .json arrays, .csv/.tsv,
    .html, RSS/Atom (.rss/.atom/.xml or an http(s) URL) and .warc/.warc.gz.
    """
    from marsad.cli._docs import parse_field_map
    from marsad.extract import parse_date
    from marsad.ingest.batch import ingest as run_ingest
    from marsad.ingest.presets import field_map_for
    from marsad.store import Store

    try:
        fmap = field_map_for(preset, parse_field_map(field))
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    if published and parse_date(published) is None:
        raise typer.BadParameter(f"--published wants a date YYYY-MM-DD, got {published!r}")
    store = Store(db)
    with err_console.status("ingesting...") as status:
        summary = run_ingest(store, paths, field_map=fmap, follow_links=follow_links,
                             batch_size=batch_size, published=published, outlet=outlet,
                             on_batch=lambda s: status.update(
                                 f"ingesting... read {s.read:,}, stored {s.stored:,}"))
    out = summary.to_dict()
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False))
        return
    table = Table(title=f"ingest run {summary.run_id}: {summary.files} file(s)", show_header=False)
    table.add_row("read", f"{summary.read:,}")
    table.add_row("stored (new documents)", f"{summary.stored:,}")
    table.add_row("duplicates", f"{summary.duplicates:,}")
    for reason, n in out["quarantined_by_reason"].items():
        table.add_row(f"quarantined: {reason}", f"{n:,}")
    verdict = "[green]adds up[/]" if summary.adds_up else "[red]DOES NOT ADD UP[/]"
    table.add_row("stored + duplicates + quarantined = read", verdict)
    err_console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
