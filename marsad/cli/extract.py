"""`marsad extract`: events (DESIGN.md's output contract) for one document or a JSONL file."""

from __future__ import annotations

import typer

from marsad.cli._docs import parse_field_map, process
from marsad.cli._output import emit_json
from marsad.pipeline import DEFAULT_PIPELINE
from marsad.resources import Resources


def extract(
    path: str = typer.Argument(..., help=".txt (first line the title), .jsonl(.gz), or - for stdin"),
    published: str = typer.Option(None, help="publication date YYYY-MM-DD (anchors relative dates)"),
    all_modalities: bool = typer.Option(
        False, "--all-modalities", help="also print denied, future, hypothetical and background events"
    ),
    gate: bool = typer.Option(
        None, "--gate/--no-gate",
        help="drop candidates the learned gate rejects; default: only in one-sentence documents",
    ),
    field: list[str] = typer.Option([], "--field", help="map input fields: text=content"),
    actors_file: list[str] = typer.Option([], "--actors", help="extra actor file(s) (JSONL)"),
    pretty: bool = typer.Option(False, help="indent the JSON"),
) -> None:
    """Print the events coded from the input, with entities and evidence, as JSON."""
    res = Resources(extra_actor_files=actors_file, options={"gate": gate})
    for obj in process(path, pipeline=DEFAULT_PIPELINE, resources=res, published=published,
                       field_map=parse_field_map(field), all_modalities=all_modalities):
        emit_json(obj, pretty=pretty)


def register(app: typer.Typer) -> None:
    app.command()(extract)
