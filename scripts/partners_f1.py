"""Partner F1 of tag_parties + choose_partners against a gold.jsonl corpus (per language).

Usage: .venv/bin/python scripts/partners_f1.py [CORPUS_DIR] [-v]
(default CORPUS_DIR: ../shared/corpus/dev). Per-document set F1 counts, micro-averaged.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

from coopwatch.model import Extraction, RawDocument
from coopwatch.pipeline import clean_document
from coopwatch.pipeline.parties import tag_parties
from coopwatch.pipeline.partners import choose_partners


def predict(path: Path) -> list[str]:
    """The partners our pipeline chooses for one plain-text file."""
    text = path.read_text(encoding="utf-8")
    raw = RawDocument(origin=str(path), name=path.name, text=text,
                      content_hash=hashlib.sha256(text.encode()).hexdigest())
    doc = clean_document(raw)
    found = Extraction(doc=doc.name, lang=doc.lang)
    tag_parties(doc, found)
    choose_partners(doc, found)
    return found.partners


def main(corpus: Path, verbose: bool) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        got, want = set(predict(corpus / gold["doc"])), set(gold["partners"])
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
