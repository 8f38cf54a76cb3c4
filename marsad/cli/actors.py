"""`marsad actors check` and `marsad actors list`: validate and list the actor KB."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from marsad.cli._groups import actors_app

if TYPE_CHECKING:
    from marsad.actors.kb import KB


def _kb(extra: list[Path]) -> KB:
    from marsad.actors.index import build_kb

    return build_kb(tuple(extra))


def check(
    actors_file: list[Path] = typer.Option([], "--actors", help="extra actor file(s) (JSONL) to check too"),
) -> None:
    """Fail on entries an analyst would not trust; print coverage per country and kind."""
    from marsad.actors.kb import check as run_check
    from marsad.actors.kb import coverage

    kb = _kb(actors_file)
    problems = run_check(kb)
    by_country, by_kind = coverage(kb)
    curated = sum(1 for a in kb.actors.values() if a.provenance == "curated")
    typer.echo(f"{len(kb)} actors ({curated} curated, {len(kb) - curated} derived or seeded)")
    typer.echo("by kind:    " + ", ".join(f"{k} {n}" for k, n in by_kind.most_common()))
    typer.echo("by country: " + ", ".join(f"{k} {n}" for k, n in by_country.most_common(30)))
    for p in problems:
        typer.echo(f"PROBLEM {p.actor}: {p.message}", err=True)
    if problems:
        typer.echo(f"{len(problems)} problem(s): fix the entries above (see docs/actors.md)", err=True)
        raise typer.Exit(1)
    typer.echo("OK")


def list_actors(
    as_json: bool = typer.Option(False, "--json", help="one JSON object per line"),
    actors_file: list[Path] = typer.Option([], "--actors", help="extra actor file(s) (JSONL)"),
    country: str = typer.Option(None, help="only this country (ISO alpha-2)"),
    kind: str = typer.Option(None, help="only this kind"),
) -> None:
    """List the actor entries."""
    kb = _kb(actors_file)
    for a in kb.actors.values():
        if country and (a.country or "") != country.upper():
            continue
        if kind and a.kind != kind:
            continue
        if as_json:
            d = a.to_dict()
            typer.echo(json.dumps({k: d[k] for k in ("id", "name_en", "aliases", "kind", "country", "sector",
                                                     "inter", "affiliations", "roles", "provenance")},
                                  ensure_ascii=False))
        else:
            typer.echo(f"{a.id:28} {a.country or '--':3} {a.sector or '--':4} {a.inter or '-'} "
                       f"{a.kind:14} {a.name_en} | {a.name_ar}")


def register(app: typer.Typer) -> None:
    actors_app.command("check")(check)
    actors_app.command("list")(list_actors)
