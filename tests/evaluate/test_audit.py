"""The audit scorer: judged events found again by trigger, gone, retyped, unjudged."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.evaluate import audit as au
from marsad.evaluate import docs as dg
from tests.conftest import SAUDINEWSNET, _need

STRIKE = ("غارات على مواقع للحوثيين في صعدة",
          "شنت طائرات التحالف أمس غارات جوية على مواقع للحوثيين في محافظة صعدة، "
          "ما أدى إلى مقتل ستة مسلحين.")
COLUMN = ("خطف الأضواء", "خطف الملياردير دونالد ترامب الأضواء في أول مناظرة للحزب الجمهوري.")


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for n, (title, content) in enumerate((STRIKE, COLUMN)):
            fh.write(json.dumps({"url": f"u{n}", "title": title, "content": content,
                                 "date_extracted": "2015-08-02"}, ensure_ascii=False) + "\n")
    return path


def _row(url: str, text: str, trigger: str, event_type: str, verdict: str) -> str:
    start = text.index(trigger)
    return "\t".join([url, str(start), trigger, event_type, "-", verdict, "a note"])


def _score(tmp_path: Path, rows: list[str]) -> au.AuditScores:
    tsv = tmp_path / "audit.tsv"
    tsv.write_text("# a comment\n" + "\t".join(au.COLUMNS) + "\n" + "\n".join(rows) + "\n",
                   encoding="utf-8")
    judged = au.load_audit(tsv)
    resolved = dg.resolve_texts(au.audit_docs(judged), _corpus(tmp_path))
    return au.score_audit(judged, resolved, dg.extract_all(resolved))


def test_audit_finds_judged_events_again_and_counts_the_rest(tmp_path):
    text = dg.article_text(*STRIKE)
    scores = _score(tmp_path, [
        _row("u0", text, "غارات جوية", "Explosions/Remote violence", "right"),
        # a metaphor judged wrong once; the coder does not code it today: gone
        _row("u1", dg.article_text(*COLUMN), "خطف الملياردير", "Violence against civilians", "wrong"),
    ])
    assert scores.kept == {"right": 1}
    assert scores.gone == {"wrong": 1}
    assert scores.precision() == 1.0
    assert scores.retyped == 0
    assert [c["change"] for c in scores.changes] == ["gone"]
    # the title and the body tell one strike: merged, judged once, nothing unjudged
    assert scores.unjudged == 0
    assert scores.articles == 2


def test_audit_reports_an_event_retyped_since_it_was_judged(tmp_path):
    text = dg.article_text(*STRIKE)
    scores = _score(tmp_path, [_row("u0", text, "غارات جوية", "Battles", "type")])
    assert scores.kept == {"type": 1}
    assert scores.retyped == 1
    assert scores.changes[0]["change"] == "Battles -> Explosions/Remote violence"


def test_audit_precision_counts_mentions_only_when_asked():
    scores = au.AuditScores()
    scores.kept.update({"right": 2, "mention": 1, "wrong": 1})
    assert scores.precision() == 0.5
    assert scores.precision(mentions=True) == 0.75
    assert au.AuditScores().precision() is None


def test_audit_rejects_an_unknown_verdict_with_its_row(tmp_path):
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("\t".join(au.COLUMNS) + "\nu0\t3\tغارات\tBattles\t-\tmaybe\t\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2.*maybe"):
        au.load_audit(tsv)


def test_audit_rejects_a_file_without_the_columns(tmp_path):
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("url\tverdict\nu0\tright\n", encoding="utf-8")
    with pytest.raises(InputError, match="trigger_start"):
        au.load_audit(tsv)


@pytest.mark.parametrize("name", ["audit-dev.tsv", "audit-dev2.tsv", "audit-dev3.tsv", "audit-test2.tsv"])
def test_audit_files_are_well_formed_and_refer_to_corpus_articles(name: str):
    judged = au.load_audit(Path(__file__).parents[2] / "gold" / name)
    assert len(judged) >= 90
    assert {"right", "mention", "wrong"} <= {j.verdict for j in judged}
    found = dg.load_corpus(_need(SAUDINEWSNET), [j.url for j in judged])
    assert {j.url for j in judged} == set(found)
    for j in judged:  # the trigger is the text at its offset
        rec = found[j.url]
        text = dg.article_text(rec.get("title"), rec.get("content", ""))
        assert text[j.trigger_start:j.trigger_start + len(j.trigger)] == j.trigger


def test_no_held_out_audit_trains_the_shipped_article_model():
    from marsad.coder.article_confidence import trained_on

    names = trained_on()
    assert "docs-dev.json" in names and any(n.startswith("audit-dev") for n in names)
    assert not [n for n in names if "test" in n]  # the held-out audits stay held out
