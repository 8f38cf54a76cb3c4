from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app

runner = CliRunner()


def test_actors_cli_check_passes_on_the_shipped_kb() -> None:
    r = runner.invoke(app, ["actors", "check"])
    assert r.exit_code == 0, r.output
    assert "OK" in r.output and "by country" in r.output


def test_actors_cli_check_fails_on_a_bad_user_file(tmp_path: Path) -> None:
    p = tmp_path / "mine.jsonl"
    p.write_text(json.dumps({"id": "ZZ-1", "name_en": "", "aliases_ar": ["جماعة ما"], "kind": "armed_group",
                             "country": "SY", "sector": "QQQ", "inter": 2}, ensure_ascii=False))
    r = runner.invoke(app, ["actors", "check", "--actors", str(p)])
    assert r.exit_code == 1
    assert "ZZ-1" in r.output


def test_actors_cli_list_json() -> None:
    r = runner.invoke(app, ["actors", "list", "--json", "--country", "IQ"])
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert any(row["id"] == "IQ-UAF-pmf" for row in rows)
    assert all(row["country"] == "IQ" for row in rows)
    assert set(rows[0]) == {"id", "name_en", "aliases", "kind", "country", "sector", "inter",
                            "affiliations", "roles", "provenance"}


def test_actors_cli_evaluate_actor_spans(gsr_dev) -> None:
    r = runner.invoke(app, ["evaluate", "actor-spans", *map(str, sorted(gsr_dev.glob("*_spans_dev.json"))),
                            "--json"])
    assert r.exit_code == 0, r.output
    figures = json.loads(r.output.splitlines()[0])
    assert figures["found_share"] > 0.8
