"""`marsad extract` on JSONL records: a title given apart is read as the article's first line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest.records import titled_text

runner = CliRunner()

HEADLINE = "مقتل 14 جنديا بغارة جوية على ثكنة في ولاية لوغار"
BODY = ("أعلن مسؤولون أفغان أمس أن القوات الأجنبية اعترفت بالخطأ وفتحت تحقيقا، "
        "فيما طالب حاكم الولاية بتعويض أسر الضحايا.")


def _extract(tmp_path: Path, record: dict) -> dict:
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(p)])
    assert r.exit_code == 0, r.output
    return json.loads(r.output.strip().splitlines()[0])


def test_extract_jsonl_reads_the_title_as_the_first_line(tmp_path: Path) -> None:
    # the strike is told only in the headline; the body is about what followed
    out = _extract(tmp_path, {"id": "a1", "title": HEADLINE, "text": BODY, "published": "2015-08-01"})
    assert out["id"] == "a1" and out["document"]["title"] == HEADLINE
    (e,) = [e for e in out["events"] if e["plover"]["type"] == "ASSAULT"]
    assert e["sub_event_type"] == "Air/drone strike" and e["fatalities"]["value"] == 14
    text, _ = titled_text(HEADLINE, BODY)  # offsets count from the start of the title line
    ev = e["evidence"][0]
    assert text[ev["start"] : ev["end"]] == ev["text"] == HEADLINE


def test_extract_jsonl_without_title_codes_the_body_alone(tmp_path: Path) -> None:
    out = _extract(tmp_path, {"id": "a2", "text": BODY, "published": "2015-08-01"})
    assert [e for e in out["events"] if e["plover"]["type"] == "ASSAULT"] == []


def test_titled_text_does_not_repeat_a_title_the_body_opens_with() -> None:
    assert titled_text(HEADLINE, BODY) == (f"{HEADLINE}\n\n{BODY}", True)
    assert titled_text(HEADLINE, f"{HEADLINE}\n{BODY}") == (f"{HEADLINE}\n{BODY}", True)
    assert titled_text("  ", BODY) == (BODY, False)
    assert titled_text(None, BODY) == (BODY, False)


def test_extract_jsonl_refuses_a_binary_title_and_goes_on(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "bad", "title": "عنوان\u0000\u0001", "text": BODY},
        {"id": "ok", "title": HEADLINE, "text": BODY, "published": "2015-08-01"},
    ]) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(p)])
    assert r.exit_code == 0, r.output
    bad, ok = (json.loads(line) for line in r.output.strip().splitlines())
    assert bad["id"] == "bad" and bad["error"]["code"] == "undecodable" and "NUL" in bad["error"]["message"]
    assert ok["id"] == "ok" and ok["events"]
