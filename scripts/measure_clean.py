"""Compare clean_document's `lang` and `published` with a gold.jsonl, per language.

Usage: .venv/bin/python scripts/measure_clean.py FOLDER... [GOLD.jsonl...]
Answers come from each folder's gold.jsonl and from any gold file named on the command line:
  .venv/bin/python scripts/measure_clean.py /work/shared/corpus/dev
  .venv/bin/python scripts/measure_clean.py /work/shared/seeds /work/shared/corpus/dev/gold.jsonl
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from coopwatch.ingest import read_inputs
from coopwatch.model import IngestError
from coopwatch.pipeline.clean import clean_document


def load_gold(paths: list[Path]) -> dict[str, dict]:
    gold: dict[str, dict] = {}
    for given in paths:
        path = given if given.suffix == ".jsonl" else given / "gold.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    gold[record["doc"]] = record
    return gold


def main(args: list[str]) -> int:
    paths = [Path(a) for a in args]
    gold = load_gold(paths)
    folders = [p for p in paths if p.suffix != ".jsonl"]
    score: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # lang ok, date ok, total
    started, count = time.perf_counter(), 0
    for item in read_inputs([str(f) for f in folders]):
        if isinstance(item, IngestError):
            continue
        doc = clean_document(item)
        count += 1
        expected = gold.get(item.name)
        if expected is None:
            continue
        want = expected.get("published")
        got = doc.published.isoformat() if doc.published else None
        row = score[expected["lang"]]
        row[0] += doc.lang == expected["lang"]
        row[1] += got == want
        row[2] += 1
        if got != want or doc.lang != expected["lang"]:
            print(f"MISS {item.origin}: lang {doc.lang}/{expected['lang']} "
                  f"published {got}/{want} ({doc.published_from})")
    elapsed = time.perf_counter() - started
    for lang, (lang_ok, date_ok, total) in sorted(score.items()):
        print(f"{lang}: language {lang_ok}/{total} = {lang_ok / total:.3f}, "
              f"date {date_ok}/{total} = {date_ok / total:.3f}")
    print(f"{count} documents read and cleaned in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
