"""`marsad token` and `marsad serve` through the real command group (CliRunner)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from marsad.cli import app
from marsad.serve.tables import ApiToken
from marsad.serve.tokens import verify_token
from marsad.store.store import Store

runner = CliRunner()


def test_cli_token_create_list_revoke(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    r = runner.invoke(app, ["token", "create", "alice", "--db", db])
    assert r.exit_code == 0, r.output
    token = r.stdout.strip().splitlines()[0]
    assert token.startswith("msd_")
    store = Store(db)
    assert verify_token(store.engine, token).name == "alice"
    with store.read() as conn:
        assert token not in str(conn.execute(select(ApiToken)).all())
    again = runner.invoke(app, ["token", "create", "alice", "--db", db])
    assert again.exit_code == 1 and "exists" in again.output
    listed = runner.invoke(app, ["token", "list", "--db", db])
    assert "alice" in listed.stdout and token.split("_")[-1] not in listed.stdout
    assert runner.invoke(app, ["token", "revoke", "alice", "--db", db]).exit_code == 0
    assert verify_token(store.engine, token) is None
    assert runner.invoke(app, ["token", "revoke", "alice", "--db", db]).exit_code == 1


def test_cli_serve_options_are_documented() -> None:
    r = runner.invoke(app, ["serve", "--help"])
    assert r.exit_code == 0
    doc = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    for opt in ("--db", "--host", "--port", "--workers", "--cors-origin", "--tile-url", "--tile-attribution", "--read-token"):
        assert opt in r.output and f"`{opt}`" in doc, opt
    for cmd in ("marsad token create", "marsad token list", "marsad token revoke", "marsad serve"):
        assert cmd in doc, cmd
