"""Measure the quality-gate corpora and pin their floors in tests/quality_baseline.json.

    .venv/bin/python tests/pin_quality.py [--margin 0.02] [--allow-lower] [CORPUS_NAME...]

Floors are the measured figures minus a margin. A floor is never lowered silently: when a
new floor would be lower than the pinned one (on the same corpus digest, or on a changed
corpus), it is listed and kept unless --allow-lower is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from test_quality import BASELINE, CORPORA  # noqa: E402

from coopwatch.evaluate.corpus import gate_figures, run_eval  # noqa: E402


def pin(names: list[str], margin: float, allow_lower: bool) -> int:
    """Re-measure each corpus and write its digest and floors; returns the exit status."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    corpora = baseline.setdefault("corpora", {})
    status = 0
    for name in names:
        folder = CORPORA[name]
        if not (folder / "gold.jsonl").is_file():
            print(f"{name}: skipped, no gold at {folder}")
            continue
        run = run_eval(folder)
        if run.failures:
            print(f"{name}: not pinned, documents failed: {run.failures}")
            status = 1
            continue
        figures = gate_figures(run.report)
        old = corpora.get(name, {}).get("floors", {})
        floors = {key: max(0.0, round(value - margin, 3)) for key, value in figures.items()}
        lower = {k: (old[k], v) for k, v in floors.items() if k in old and v < old[k]}
        for key, (was, now) in sorted(lower.items()):
            kept = "" if allow_lower else " (kept: pass --allow-lower to lower it)"
            print(f"{name}: {key} would go down {was} -> {now}{kept}")
            if not allow_lower:
                floors[key] = was
        corpora[name] = {"digest": run.digest, "measured": figures, "floors": floors}
        print(f"{name}: pinned {len(floors)} floors, digest {run.digest[:12]}")
    BASELINE.write_text(json.dumps(baseline, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return status


def main() -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=sorted(CORPORA))
    parser.add_argument("--margin", type=float, default=0.02)
    parser.add_argument("--allow-lower", action="store_true")
    args = parser.parse_args()
    return pin(args.names, args.margin, args.allow_lower)


if __name__ == "__main__":
    raise SystemExit(main())
