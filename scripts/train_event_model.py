"""Train the learned event gate on gold sentences and write marsad/data/coder/event_model.npz.

    python scripts/train_event_model.py ../shared/data/gsr-dev

Its quality is reported only by cross-validation (`marsad evaluate gsr PATH --folds 5`).
"""

from __future__ import annotations

import sys

from marsad.coder.model import MODEL_FILE, train
from marsad.evaluate.gsr_data import load_gsr, unique_sentences
from marsad.resources import data_dir


def main(paths: list[str]) -> None:
    gsr = load_gsr(paths or ["../shared/data/gsr-dev"])
    sentences, _dups = unique_sentences(gsr.sentences)
    model = train(sentences)
    out = data_dir() / "coder" / MODEL_FILE
    model.save(out)
    for t, g in model.gates.items():
        print(f"{t}: {int((g.weights != 0).sum())} weights, threshold {g.threshold:.2f}")
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main(sys.argv[1:])
