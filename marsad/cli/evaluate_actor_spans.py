"""`marsad evaluate actor-spans PATH...`: the actor recogniser against the GSR span gold."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from marsad.cli._groups import evaluate_app


def actor_spans(
    paths: list[Path] = typer.Argument(..., help="*_spans_dev.json files of the GSR span gold"),
    actors_file: list[Path] = typer.Option([], "--actors", help="extra actor file(s) (JSONL)"),
    misses: bool = typer.Option(False, help="list every missed or disagreeing gold actor"),
    as_json: bool = typer.Option(False, "--json", help="print the figures as JSON"),
) -> None:
    """Share of annotated actors found, and country / sector agreement of the found ones."""
    from marsad.evaluate.actor_spans import cameo_country, evaluate, miss_reasons
    from marsad.resources import Resources

    for p in paths:
        if not p.exists():
            raise typer.BadParameter(f"{p} does not exist: pass the gsr-dev *_spans_dev.json files")
    scores = evaluate(paths, Resources(extra_actor_files=actors_file))
    figures = scores.to_dict()
    if as_json or not sys.stdout.isatty():
        figures["misses_by_code"] = dict(miss_reasons(scores).most_common())
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for k, v in figures.items():
            print(f"{k:20} {v}")
        print("most missed (gold country/sector):", dict(miss_reasons(scores).most_common(10)))
    if misses:
        for o in scores.outcomes:
            g = o.gold
            if o.span is None:
                print(f"MISS\t{g.words}\t{g.country}/{g.sector}\t{g.sentence_id}", file=sys.stderr)
                continue
            v = o.span.value
            ours = f"{cameo_country(v)}/{v.sector}"  # type: ignore[arg-type,union-attr]
            if (g.country and g.country != cameo_country(v)) or (g.sector and g.sector != v.sector):  # type: ignore[arg-type,union-attr]
                print(f"DIFF\t{g.words}\tgold {g.country}/{g.sector}\tours {ours} "
                      f"{o.span.text!r}\t{g.sentence_id}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    evaluate_app.command("actor-spans")(actor_spans)
