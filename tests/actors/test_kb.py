from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from marsad.actors.index import build_kb
from marsad.actors.kb import KB, check, read_actor_file
from marsad.errors import ResourceError


@pytest.fixture(scope="module")
def kb() -> KB:
    return build_kb()


def test_kb_shipped_entries_pass_the_check(kb: KB) -> None:
    assert check(kb) == []
    assert len(kb) > 900
    assert all(a.name_en and a.kind for a in kb.actors.values())


@pytest.mark.parametrize(
    ("actor_id", "name_en", "country", "sector"),
    [
        ("IQ-UAF-pmf", "Popular Mobilization Forces", "IQ", "UAF"),
        ("INT-REB-is", "Islamic State", None, "REB"),
        ("SY-MIL", "Military Forces of Syria (2000-2024)", "SY", "MIL"),
        ("AF-UAF-fatemiyoun", "Fatemiyoun Brigade", "AF", "UAF"),
        ("TR-MIL", "Military Forces of Turkey (2016-)", "TR", "MIL"),
        ("KE-GOV", "Government of Kenya", "KE", "GOV"),  # derived from countries.tsv
    ],
)
def test_kb_entries(kb: KB, actor_id: str, name_en: str, country: str | None, sector: str) -> None:
    a = kb.get(actor_id)
    assert a is not None and (a.name_en, a.country, a.sector) == (name_en, country, sector)


def test_kb_role_is_resolved_on_the_article_date(kb: KB) -> None:
    muhandis = kb.get("IQ-P-muhandis")
    assert muhandis is not None
    role = muhandis.role_on(dt.date(2019, 9, 19))
    assert role is not None and role.org == "IQ-UAF-pmf"
    assert muhandis.role_on(dt.date(2020, 6, 1)) is None  # killed on 2020-01-03
    sisi = kb.get("EG-P-sisi")
    assert sisi is not None
    assert sisi.role_on(dt.date(2013, 1, 1)).sector == "MIL"  # type: ignore[union-attr]
    assert sisi.role_on(dt.date(2015, 1, 1)).title_en == "President of Egypt"  # type: ignore[union-attr]


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    p = tmp_path / "extra.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return p


def test_kb_check_reports_bad_entries(tmp_path: Path) -> None:
    rows = [
        {"id": "X-1", "name_en": "", "aliases_ar": ["جماعة اختبار"], "kind": "armed_group",
         "country": "SY", "sector": "REB", "inter": 2},
        {"id": "X-2", "name_en": "Test Two", "aliases_ar": ["جماعة اختبار"], "kind": "armed_group",
         "country": "SY", "sector": "XYZ", "inter": 2},
        {"id": "X-3", "name_en": "Person", "aliases_ar": ["فلان الفلاني"], "kind": "person", "country": "IQ",
         "sector": "GOV", "inter": 1, "roles": [
             {"title_en": "Minister", "start": "2010-01-01", "end": "2015-01-01"},
             {"title_en": "Prime Minister", "start": "2014-06-01"}]},
    ]
    kb = build_kb((_write(tmp_path, rows),))
    messages = {(p.actor, p.message.split(" ")[0]) for p in check(kb)}
    assert ("X-1", "no") in messages  # no English name
    assert ("X-2", "unknown") in messages  # unknown sector code
    assert ("X-3", "overlapping") in messages
    assert any("جماعه اختبار" in p.message for p in check(kb))  # one alias, two actors


def test_kb_user_file_overrides_by_id(tmp_path: Path) -> None:
    row = {"id": "IQ-UAF-pmf", "name_en": "PMF (my label)", "aliases_ar": ["الحشد"], "kind": "armed_group",
           "country": "IQ", "sector": "UAF", "inter": 3}
    kb = build_kb((_write(tmp_path, [row]),))
    assert kb.get("IQ-UAF-pmf").name_en == "PMF (my label)"  # type: ignore[union-attr]


def test_kb_bad_file_names_the_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "A", "aliases_ar": ["x"], "roles": [{"title_en": "t", "start": "2020-13-01"}]}\n')
    with pytest.raises(ResourceError, match="bad.jsonl:1"):
        read_actor_file(p)


def test_kb_unknown_field_is_refused(tmp_path: Path) -> None:
    p = _write(tmp_path, [{"id": "X-9", "name_en": "X", "aliases": ["جماعة"], "kind": "armed_group"}])
    with pytest.raises(ResourceError, match="unknown field.*aliases"):
        read_actor_file(p)
