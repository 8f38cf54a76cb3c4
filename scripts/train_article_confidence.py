"""Train the article confidence model on the article gold and the audits of real articles,
and write marsad/data/coder/article_confidence.json.

    python scripts/train_article_confidence.py gold/docs-dev.json
    python scripts/train_article_confidence.py gold/docs-dev.json --audit gold/audit-dev.tsv  # one audit

Reads the articles from the SaudiNewsNet corpus by URL (`--corpus`, as `marsad evaluate
docs`); the weights hold no text. Its quality is reported only by cross-validation:
`marsad evaluate docs gold/docs-dev.json --folds 5` and `marsad evaluate audit
gold/audit-dev.tsv --folds 5` (each fold also trains on the whole of the other sets), and on
the held-out audit it never sees (`marsad evaluate audit gold/audit-test2.tsv`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.coder.article_confidence import MODEL_FILE, fit
from marsad.evaluate import docs as dg
from marsad.evaluate.docs_confidence import audit_file_rows, gold_file_rows
from marsad.resources import data_dir

DEV_AUDITS = ["gold/audit-dev.tsv", "gold/audit-dev2.tsv", "gold/audit-dev3.tsv"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default="gold/docs-dev.json")
    ap.add_argument("--corpus", default=str(dg.DEFAULT_CORPUS))
    ap.add_argument("--shared", default=str(dg.DEFAULT_SHARED))
    ap.add_argument("--audit", action="append", help="judged events of real articles (repeat for "
                    "several; default: the three dev audits)")
    args = ap.parse_args()
    audits = args.audit if args.audit is not None else DEV_AUDITS
    gold = [r for doc in gold_file_rows(args.gold, args.corpus, args.shared) for r in doc]
    audit = [r for path in audits for doc in audit_file_rows(path, args.corpus) for r in doc]
    rows = gold + audit
    model = fit([x for x, _ in rows], [y for _, y in rows])
    out = data_dir() / "coder" / MODEL_FILE
    trained_on = [Path(args.gold).name] + [Path(p).name for p in audits]
    out.write_text(model.to_json(trained_on=trained_on, events=len(rows),
                                 right=sum(y for _, y in rows)) + "\n", encoding="utf-8")
    print(f"{len(gold)} gold events ({sum(y for _, y in gold)} matched), {len(audit)} audited events "
          f"({sum(y for _, y in audit)} right); wrote {out}")


if __name__ == "__main__":
    main()
