"""`marsad evaluate gsr` driven through the real CLI on a slice of the dev gold.

These check the instrument (counts add up to the gold's labels, exit codes, reports),
not the quality of the coder, which changes as it is tuned.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.evaluate.gsr import Prediction

LIMIT = 40


@pytest.fixture(scope="module")
def gold_labels(gsr_dev: Path) -> dict[str, Counter]:
    """Label counts of the first LIMIT rows of each CSV, read independently of marsad."""
    out: dict[str, Counter] = {}
    for name in ("assault_gsr_dev.csv", "protest_gsr_dev.csv"):
        with open(gsr_dev / name, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))[:LIMIT]
        seen: set[str] = set()
        unique = [r for r in rows if not (r["text"] in seen or seen.add(r["text"]))]
        out[rows[0]["event_type"]] = Counter(r["label"] for r in unique)
    return out


@pytest.fixture(scope="module")
def smoke(gsr_dev: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    report = tmp_path_factory.mktemp("gsr") / "errors.html"
    result = CliRunner().invoke(
        app, ["evaluate", "gsr", str(gsr_dev), "--limit", str(LIMIT), "--json", "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), report


def test_evaluate_cli_gsr_counts_match_the_gold_labels(smoke, gold_labels) -> None:
    out, _ = smoke
    assert set(out["types"]) == {"ASSAULT", "PROTEST"}
    for ptype, labels in gold_labels.items():
        t = out["types"][ptype]
        strict, clean = t["strict"], t["clean"]
        assert strict["tp"] + strict["fn"] == labels["yes"]
        assert strict["fp"] + strict["tn"] == labels["easy no"] + labels["difficult no"]
        assert clean["fp"] + clean["tn"] == labels["easy no"]
        assert {k: v["sentences"] for k, v in t["labels"].items()} == {
            k: labels[k] for k in ("yes", "easy no", "difficult no", "ambiguous")
        }
        assert 0.0 <= strict["f1"] <= 1.0
    assert out["sentences"] == sum(sum(c.values()) for c in gold_labels.values())
    assert out["errors"] == 0


def test_evaluate_cli_gsr_report_lists_every_error(smoke) -> None:
    out, report = smoke
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    errors = sum(t["strict"]["fp"] + t["strict"]["fn"] for t in out["types"].values())
    assert page.count("<li><b>FP</b>") + page.count("<li><b>FN</b>") == errors


def test_evaluate_cli_gsr_min_f1_sets_the_exit_code(gsr_dev: Path) -> None:
    path = str(gsr_dev / "assault_gsr_dev.csv")
    ok = CliRunner().invoke(app, ["evaluate", "gsr", path, "--limit", "20", "--min-f1", "0"])
    assert ok.exit_code == 0, ok.output
    assert "ASSAULT" in ok.stdout and "strict" in ok.stdout
    bad = CliRunner().invoke(app, ["evaluate", "gsr", path, "--limit", "20", "--min-f1", "1.01"])
    assert bad.exit_code == 1
    assert "strict F1 below 1.01" in " ".join(bad.stderr.split())


def test_evaluate_cli_gsr_markdown_report(gsr_dev: Path, tmp_path: Path) -> None:
    report = tmp_path / "errors.md"
    result = CliRunner().invoke(
        app, ["evaluate", "gsr", str(gsr_dev / "protest_gsr_dev.csv"), "--limit", "15",
              "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8").startswith("# GSR error report")


def test_evaluate_cli_gsr_missing_path_says_what_to_give(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "gsr", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert "no such file or folder" in " ".join(result.stderr.split())


def test_evaluate_cli_gsr_folds_without_a_learned_coder(gsr_dev: Path, monkeypatch) -> None:
    import marsad.evaluate.cv as cv

    def missing():
        raise LookupError("--folds needs a learned event coder")

    monkeypatch.setattr(cv, "coder_train", missing)
    result = CliRunner().invoke(app, ["evaluate", "gsr", str(gsr_dev), "--limit", "10", "--folds", "2"])
    assert result.exit_code == 2
    assert "--folds needs a learned event coder" in " ".join(result.stderr.split())


def test_evaluate_cli_gsr_folds_with_a_trainable(gsr_dev: Path, monkeypatch) -> None:
    import marsad.evaluate.cv as cv

    trained: list[int] = []

    def train(sentences):
        trained.append(len(sentences))
        return {"n": len(sentences)}

    monkeypatch.setattr(cv, "coder_train", lambda: train)
    # the model reaches the predictor of its fold (the real one builds Resources with it)
    models: list[dict] = []

    def predict_with(model):
        models.append(model)
        return lambda batch: [Prediction() for _ in batch]

    monkeypatch.setattr(cv, "extractor_with_model", lambda **kw: predict_with)
    result = CliRunner().invoke(
        app, ["evaluate", "gsr", str(gsr_dev), "--limit", "30", "--folds", "3", "--json"]
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["folds"] == 3 and len(trained) == 3
    # each fold trains on the other two: every sentence is in training exactly twice
    assert sum(trained) == 2 * out["sentences"]
    assert [m["n"] for m in models] == trained


def test_evaluate_cli_gsr_no_model_scores_the_rules_alone(gsr_dev: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "gsr", str(gsr_dev), "--limit", "10", "--json",
                                      "--no-model"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["learned_model"] is False
    assert "training-data figures" not in result.stderr


def test_evaluate_cli_gsr_seed_draws_another_split(gsr_dev: Path, monkeypatch) -> None:
    import marsad.evaluate.cv as cv

    splits: dict[int, list[frozenset[str]]] = {}
    for seed in (0, 2):
        seen: list[frozenset[str]] = []

        def train(sentences, seen=seen):
            seen.append(frozenset(s.id for s in sentences))
            return None

        monkeypatch.setattr(cv, "coder_train", lambda train=train: train)
        monkeypatch.setattr(cv, "extractor_with_model",
                            lambda **kw: lambda model: lambda batch: [Prediction() for _ in batch])
        result = CliRunner().invoke(app, ["evaluate", "gsr", str(gsr_dev), "--limit", "40", "--folds", "3",
                                          "--seed", str(seed), "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["fold_seed"] == seed
        splits[seed] = seen
    assert set(splits[0]) != set(splits[2])
