"""`marsad token create|list|revoke`: API tokens for writing (reviews) through the web app."""

from __future__ import annotations

import typer

token_app = typer.Typer(help="API tokens for the web app: create, list, revoke.", no_args_is_help=True)


def _engine(db: str | None):  # type: ignore[no-untyped-def]
    from marsad.serve import tables  # noqa: F401
    from marsad.store.store import Store

    return Store(db).engine


@token_app.command("create")
def create(
    name: str = typer.Argument(..., help="who will use the token (unique)"),
    db: str = typer.Option(None, "--db", help="database URL or SQLite path"),
) -> None:
    """Make a token and print it once: only its hash is stored."""
    from marsad.errors import MarsadError
    from marsad.serve.tokens import create_token

    try:
        token = create_token(_engine(db), name)
    except MarsadError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(token)
    typer.echo(f"token for {name!r}: keep it now, it cannot be shown again", err=True)


@token_app.command("list")
def list_(db: str = typer.Option(None, "--db", help="database URL or SQLite path")) -> None:
    """Token names, public prefixes, and when they were made or revoked (never the secrets)."""
    from marsad.serve.tokens import list_tokens

    for t in list_tokens(_engine(db)):
        typer.echo(f"{t['name']}\tmsd_{t['prefix']}_…\tcreated {t['created_at']}"
                   + (f"\trevoked {t['revoked_at']}" if t["revoked_at"] else ""))


@token_app.command("revoke")
def revoke(name: str = typer.Argument(...), db: str = typer.Option(None, "--db")) -> None:
    """Stop a token from working (the row stays, for the audit trail)."""
    from marsad.serve.tokens import revoke_token

    if not revoke_token(_engine(db), name):
        typer.echo(f"error: no active token named {name!r}", err=True)
        raise typer.Exit(1)
    typer.echo(f"revoked {name!r}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(token_app, name="token")
