"""Train the article confidence model on the article gold and write
marsad/data/coder/article_confidence.json.

    python scripts/train_article_confidence.py gold/docs-dev.json

Reads the articles from the SaudiNewsNet corpus by URL (`--corpus`, as `marsad evaluate
docs`); the weights hold no text. Its quality is reported only by cross-validation:
`marsad evaluate docs gold/docs-dev.json --folds 5`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.coder.article_confidence import MODEL_FILE, fit
from marsad.evaluate import docs as dg
from marsad.evaluate.docs_confidence import event_rows
from marsad.resources import Resources, data_dir


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default="gold/docs-dev.json")
    ap.add_argument("--corpus", default=str(dg.DEFAULT_CORPUS))
    ap.add_argument("--shared", default=str(dg.DEFAULT_SHARED))
    args = ap.parse_args()
    gold = dg.load_gold(args.gold)
    resolved = dg.resolve_texts(gold, args.corpus, args.shared)
    docs = dg.extract_docs(resolved, resources=Resources(options={"article_confidence": None}))
    rows = [r for doc in event_rows([r.doc for r in resolved], docs) for r in doc]
    model = fit([x for x, _ in rows], [y for _, y in rows])
    out = data_dir() / "coder" / MODEL_FILE
    out.write_text(model.to_json(trained_on=Path(args.gold).name, events=len(rows),
                                 matched=sum(y for _, y in rows)) + "\n", encoding="utf-8")
    print(f"{len(rows)} events ({sum(y for _, y in rows)} matched a gold event); wrote {out}")


if __name__ == "__main__":
    main()
