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


def test_actors_cli_entities_reads_a_user_actor_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "cache"))
    actors = tmp_path / "local.jsonl"
    actors.write_text(json.dumps({
        "id": "SY-UAF-local-test", "name_en": "Local Defence Group of Test Village",
        "aliases_ar": ["كتيبة أحرار القرية الوهمية"], "kind": "armed_group", "country": "SY",
        "sector": "UAF", "inter": 3}, ensure_ascii=False), encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("عنوان\nهاجمت كتيبة أحرار القرية الوهمية حاجزا للجيش السوري.", encoding="utf-8")
    r = runner.invoke(app, ["entities", str(doc), "--actors", str(actors)])
    assert r.exit_code == 0, r.output
    ents = json.loads(r.output)["entities"]
    ids = {e.get("id") for e in ents if e["kind"] == "actor"}
    assert "SY-UAF-local-test" in ids
    assert "SY-MIL" in ids
