"""Partner F1 of tag_parties + choose_partners against a corpus with gold.jsonl (per language).

Usage: .venv/bin/python scripts/partners_f1.py [CORPUS_DIR] [-v]
(default CORPUS_DIR: ../shared/corpus/dev). Inputs are read by coopwatch.ingest, so html, feeds
and JSONL work; a gold "doc" is the input's origin relative to CORPUS_DIR. Per-document set
counts, micro-averaged. `-v` prints every document that differs.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from coopwatch.ingest import read_inputs
from coopwatch.model import Extraction, RawDocument
from coopwatch.pipeline import clean_document
from coopwatch.pipeline.parties import tag_parties
from coopwatch.pipeline.partners import choose_partners


def predict(raw: RawDocument) -> list[str]:
    """The partners our pipeline chooses for one input."""
    doc = clean_document(raw)
    found = Extraction(doc=doc.name, lang=doc.lang)
    tag_parties(doc, found)
    choose_partners(doc, found)
    return found.partners


def predictions(corpus: Path) -> dict[str, list[str]]:
    """Partners by gold "doc" key (origin relative to the corpus folder)."""
    prefix = str(corpus).rstrip("/") + "/"
    out = {}
    for raw in read_inputs([str(corpus)]):
        if isinstance(raw, RawDocument):
            out[raw.origin.removeprefix(prefix)] = predict(raw)
    return out


def main(corpus: Path, verbose: bool) -> None:
    got_all = predictions(corpus)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        got, want = set(got_all.get(gold["doc"], [])), set(gold["partners"])
        for key in (gold["lang"], "all"):
            counts[key][0] += len(got & want)
            counts[key][1] += len(got - want)
            counts[key][2] += len(want - got)
        if verbose and got != want:
            print(f"{gold['doc']}: got {sorted(got)} want {sorted(want)}")
    for key, (tp, fp, fn) in sorted(counts.items()):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{key}: P={p:.3f} R={r:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn})")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    main(Path(args[0]) if args else Path("../shared/corpus/dev"), "-v" in sys.argv)
