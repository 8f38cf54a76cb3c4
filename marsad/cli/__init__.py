"""The `marsad` command group.

Each command lives in its own module in this package and exposes `register(app)`;
modules are discovered in name order, so adding a command is adding a file.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

app = typer.Typer(
    name="marsad",
    help="Arabic news to verified, geolocated political-violence and protest events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """marsad: Arabic news to ACLED/PLOVER events, every field traceable to the text."""


def _discover() -> None:
    from marsad.cli._groups import GROUPS

    for name, group in GROUPS.items():
        app.add_typer(group, name=name)
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if mod.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{mod.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_discover()


def main() -> None:
    app()
