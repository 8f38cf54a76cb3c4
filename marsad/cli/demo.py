"""`marsad demo`: one article through the whole flow on the embedded SQLite database.

ingest -> run (extract, merge, deduplicate) -> the event table an analyst sees. It is
what `marsad ingest`, `marsad run` and `marsad export` do, in one command, for a first look.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli._output import err_console

DB_HELP = "database URL or SQLite path (default: $MARSAD_DB or ~/.local/share/marsad/marsad.db)"


def demo(
    paths: list[str] = typer.Argument(..., help="article files (.txt: first line the title) or folders"),
    published: str = typer.Option(None, help="publication date YYYY-MM-DD for inputs that lack one"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Ingest articles, code them and print the events (embedded SQLite by default)."""
    from marsad.api import Database
    from marsad.ingest.batch import IngestSummary, ingest_records
    from marsad.ingest.readers import read_any, walk
    from marsad.ingest.records import InputRecord
    from marsad.run.local import run_local
    from marsad.store import Store
    from marsad.store.canonical import deduplicate_store

    store = Store(db)
    summary = IngestSummary()
    summary.run_id = store.start_run("ingest", paths=list(paths), field_map={})
    t0 = time.perf_counter()

    def records() -> Iterator[InputRecord]:
        for f in walk(paths):
            summary.files += 1
            for rec in read_any(f, None):
                if published and not rec.published:
                    rec.published = published
                yield rec

    ingest_records(store, records(), summary)
    summary.seconds = time.perf_counter() - t0
    store.finish_run(summary.run_id, summary.to_dict(), status="finished")
    stats = run_local(store)
    deduplicate_store(store)
    err_console.print(
        f"database: {store.url}\n"
        f"read {summary.read}, stored {summary.stored}, duplicates {summary.duplicates}, "
        f"quarantined {sum(summary.quarantined.values())}; coded {stats.coded}"
    )
    df = Database(store).events()
    cols = ("event_date", "sub_event_type", "actor1", "actor2", "location", "fatalities")
    table = Table(title="events (ACLED columns; `marsad export` writes them all)")
    for col in cols:
        table.add_column(col, overflow="fold")
    for _, row in df.iterrows():
        table.add_row(*("" if row[c] is None else str(row[c]) for c in cols))
    console = Console()
    console.print(table)
    for _, row in df.iterrows():
        console.print(f"- {row['notes']}")


def register(app: typer.Typer) -> None:
    app.command()(demo)
