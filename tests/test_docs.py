"""Docs are tested: every CLI command and sub-command is named in the README's reference,
and every document the README links to exists."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from marsad.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    out = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        subs = getattr(cmd, "commands", None)
        if subs:
            out += [f"{name} {sub}" for sub in subs]
        else:
            out.append(name)
    return out


def test_docs_every_command_is_in_the_readme_reference() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = readme[readme.index("### Command reference") :]
    missing = []
    for cmd in _commands():
        group, _, sub = cmd.partition(" ")
        rows = [line for line in reference.splitlines() if f"`marsad {group}" in line]
        if not any(not sub or sub in row for row in rows):
            missing.append(cmd)
    assert not missing, f"commands without a line in the README's command reference: {missing}"


def test_docs_readme_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if target.startswith("http"):
            continue
        assert (ROOT / target).exists(), target


def test_docs_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in readme
    assert re.search(r"^python -m pytest -q$", ci, re.M)
