"""`marsad places lookup NAME` and `marsad places import-geonames FILE...`."""

from __future__ import annotations

from pathlib import Path

import typer

from marsad.cli._groups import places_app
from marsad.cli._output import emit_json, err_console, wants_json


def lookup(
    name: str = typer.Argument(..., help="an Arabic place name, e.g. البوكمال or طرابلس"),
    country: str = typer.Option(None, help="only places in this country (ISO alpha-2)"),
    as_json: bool = typer.Option(None, "--json/--no-json", help="JSON lines (default when piped)"),
) -> None:
    """Every gazetteer place a name can denote, most populous first."""
    from marsad.places.gazetteer import load_gazetteer
    from marsad.text.normalise import normalise_key

    gaz = load_gazetteer()
    places = [p for p in gaz.lookup(name) if not country or p.country == country.upper()]
    rule = gaz.stop.get(normalise_key(name))
    if wants_json(as_json):
        for p in places:
            emit_json({
                "id": p.id, "geonameid": p.geonameid, "name_ar": p.name_ar, "name_en": p.name_en,
                "country": p.country, "admin1": p.admin1, "admin2": p.admin2, "level": p.level,
                "lat": p.lat, "lon": p.lon, "population": p.population, "source": p.source,
                "stoplist": rule,
            })
    else:
        for p in places:
            typer.echo(
                f"{p.id:24} {p.country or '--':3} {p.level:8} {p.population:>10,} "
                f"{p.name_en} | {p.name_ar} | {p.admin1 or '-'} ({p.lat}, {p.lon})"
            )
        if rule:
            typer.echo(f"note: a common word; matched in text only {_RULES[rule]}")
    if not places:
        err_console.print(f"no place named {name!r} in the gazetteer")
        raise typer.Exit(1)


_RULES = {
    "trigger": "after a place word (محافظة, مدينة, بلدة, ...)",
    "context": "after a place word, or after a preposition when its country is named",
}


def import_geonames(
    files: list[Path] = typer.Argument(
        ..., help="a GeoNames country zip (SY.zip), or allCountries.txt/.zip, plus alternateNamesV2.txt/.zip"
    ),
    countries: str = typer.Option(None, help="only these countries, e.g. SY,IQ"),
    out_dir: Path = typer.Option(None, help="where to write (default: the user gazetteer directory)"),
) -> None:
    """Add the places of a GeoNames dump that have Arabic names to the user gazetteer."""
    from marsad.errors import MarsadError
    from marsad.places.gazetteer import user_gazetteer_dir
    from marsad.places.geonames_import import import_geonames as run_import

    target = out_dir or user_gazetteer_dir()
    only = {c.strip().upper() for c in countries.split(",")} if countries else None
    try:
        result = run_import(files, target, countries=only)
    except MarsadError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    typer.echo(f"{result.places} places with Arabic names (of {result.scanned} rows) -> {result.path}")
    if out_dir is None:
        typer.echo("the gazetteer picks this file up on its next load")


def register(app: typer.Typer) -> None:
    places_app.command("lookup")(lookup)
    places_app.command("import-geonames")(import_geonames)
