"""Command sub-groups shared by several command modules (`marsad evaluate ...`, ...)."""

from __future__ import annotations

import typer

evaluate_app = typer.Typer(help="Measure quality against gold standards.", no_args_is_help=True)
actors_app = typer.Typer(help="The actor knowledge base: list and check it.", no_args_is_help=True)
places_app = typer.Typer(help="The gazetteer: look up places, import GeoNames dumps.", no_args_is_help=True)

GROUPS = {"evaluate": evaluate_app, "actors": actors_app, "places": places_app}
