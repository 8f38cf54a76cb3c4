"""`marsad entities`: the recognisers' output for one document or a JSONL file."""

from __future__ import annotations

import typer

from marsad.cli._docs import parse_field_map, process
from marsad.cli._output import emit_json
from marsad.pipeline import ENTITY_PIPELINE
from marsad.resources import Resources


def entities(
    path: str = typer.Argument(..., help=".txt (first line the title), .jsonl(.gz), or - for stdin"),
    published: str = typer.Option(None, help="publication date YYYY-MM-DD (anchors relative dates)"),
    field: list[str] = typer.Option([], "--field", help="map input fields: text=content"),
    actors_file: list[str] = typer.Option([], "--actors", help="extra actor file(s) (JSONL)"),
    pretty: bool = typer.Option(False, help="indent the JSON"),
) -> None:
    """Print the actors, places, times, numbers and sources found, as JSON."""
    res = Resources(extra_actor_files=actors_file)
    for obj in process(path, pipeline=ENTITY_PIPELINE, resources=res, published=published,
                       field_map=parse_field_map(field), events=False):
        emit_json(obj, pretty=pretty)


def register(app: typer.Typer) -> None:
    app.command()(entities)
