"""`marsad extract-corpus`: a corpus straight to event Parquet partitions, on Dask or locally."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from marsad.cli._docs import parse_field_map
from marsad.cli._output import err_console
from marsad.errors import MarsadError

if TYPE_CHECKING:
    from marsad.run.corpus import PartitionResult


def extract_corpus(
    inputs: list[str] = typer.Argument(..., help="input files or quoted globs: .jsonl, .jsonl.gz, .warc(.gz)"),
    out: Path = typer.Option(..., "-o", "--out", help="output directory (events/ and manifest/ Parquet)"),
    engine: str = typer.Option("dask", help="dask (a cluster, or a LocalCluster) or local (process pool)"),
    scheduler: str = typer.Option(None, help="Dask scheduler address tcp://HOST:PORT (default: start a LocalCluster)"),
    workers: int = typer.Option(2, help="worker processes for a LocalCluster or the local engine"),
    chunk_lines: int = typer.Option(1000, help="JSONL lines per partition (one task each)"),
    preset: str = typer.Option(None, help="field names of a known corpus: saudinewsnet"),
    field: list[str] = typer.Option([], "--field", help="map input fields: text=content (overrides the preset)"),
    published: str = typer.Option(None, help="publication date YYYY-MM-DD for records without one"),
    actors_file: list[str] = typer.Option([], "--actors", help="extra actor file(s) (JSONL)"),
    keep_text: bool = typer.Option(True, "--keep-text/--no-text", help="keep article text in the manifest (for `marsad import`)"),
    as_json: bool = typer.Option(False, "--json", help="print the summary as JSON"),
) -> None:
    """Extract events from JSONL/WARC partitions into Parquet, one partition per task.

    Writes OUT/events/*.parquet (one row per event, `document_id` = the input's id) and
    OUT/manifest/*.parquet (one row per input record: done, quarantined or failed, with the
    reason). Re-running finishes only the partitions that are missing.
    """
    from marsad.run import corpus

    fields: dict[str, str] = {}
    if preset:
        if preset not in corpus.PRESETS:
            raise typer.BadParameter(f"unknown preset {preset!r}; known: {', '.join(corpus.PRESETS)}")
        fields.update(corpus.PRESETS[preset])
    fields.update(parse_field_map(field))
    options = corpus.CorpusOptions(
        field_map=tuple(sorted(fields.items())), published=published, keep_text=keep_text,
        extra_actor_files=tuple(actors_file), chunk_lines=chunk_lines,
    )
    try:
        paths = corpus.expand_inputs(inputs)
        corpus.check_out_dir(out, options)
    except MarsadError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    parts = corpus.plan_partitions(paths, chunk_lines)
    failed: dict[str, str] = {}
    with _progress(len(corpus.pending(parts, out))) as advance:
        if engine == "local":
            report = corpus.run_local(parts, out, options, workers=workers, on_result=advance)
        elif engine == "dask":
            from marsad.run.dask_runner import connect, dashboard_link, extract_corpus_dask

            with connect(scheduler, workers=workers, extra_actor_files=actors_file) as client:
                link = dashboard_link(client)
                if link:
                    err_console.print(f"Dask dashboard: {link}")
                report, failed = extract_corpus_dask(parts, out, options, client, on_result=advance)
        else:
            raise typer.BadParameter("--engine is dask or local")
    summary = report.summary() | {"out": str(out), "failed_partitions": failed}
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        err_console.print(
            f"{summary['partitions']} partitions ({summary['skipped_done']} already done), "
            f"{summary['documents']} documents: {summary['done']} extracted, "
            f"{summary['quarantined']} quarantined, {summary['failed']} failed; "
            f"{summary['events']} events in {summary['seconds']} s -> {out}"
        )
        for name, err in failed.items():
            err_console.print(f"[red]partition {name} failed:[/red] {err} (re-run to retry it)")
    if failed:
        raise typer.Exit(1)


class _progress:
    """A rich progress bar over partitions, on stderr; `advance(result)` per partition."""

    def __init__(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress("[progress.description]{task.description}", BarColumn(),
                            MofNCompleteColumn(), TimeRemainingColumn(), console=err_console,
                            transient=True)
        self.task = self.bar.add_task("partitions", total=total)
        self.docs = 0

    def __enter__(self) -> Callable[[PartitionResult], None]:
        self.bar.start()
        return self.advance

    def advance(self, result: PartitionResult) -> None:
        self.docs += result.documents
        self.bar.update(self.task, advance=1, description=f"{self.docs} documents")

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()


def register(app: typer.Typer) -> None:
    app.command("extract-corpus")(extract_corpus)
