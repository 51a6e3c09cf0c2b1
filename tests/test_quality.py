"""The quality gate: `coopwatch eval` on our sample corpus, our four held-out corpora and the
shared dev corpus, held to floors pinned in tests/quality_baseline.json with a digest of each
corpus.

A changed corpus fails with a message naming both digests: its floors were set for other
texts, so re-measure and re-pin with `tests/pin_quality.py` (which never lowers a floor
unless told to, and says so). The dev corpus lives beside the checkout
(`<repo>/../shared/corpus/dev`): CI has it, a fresh clone does not, and then it is skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopwatch.evaluate.corpus import EvalRun, below_floors, corpus_digest, gate_figures, run_eval
from coopwatch.settings import SAMPLES_DIR

REPO = Path(__file__).resolve().parents[1]
BASELINE = Path(__file__).with_name("quality_baseline.json")
CORPORA = {
    "samples": SAMPLES_DIR,
    "dev": REPO.parent / "shared" / "corpus" / "dev",
    # written by us blind to the extractor, to measure how the rules generalise
    **{f"heldout{n}": REPO / "tests" / f"heldout{n}" for n in ("", "2", "3", "4", "5")},
}


def corpus_or_skip(name: str) -> Path:
    """The corpus folder, or a clean skip saying why it cannot be measured here."""
    folder = CORPORA[name]
    if not (folder / "gold.jsonl").is_file():
        pytest.skip(f"{name} corpus not here: no {folder / 'gold.jsonl'}")
    return folder


def pinned(name: str) -> dict[str, object]:
    """The baseline entry of one corpus: its digest and its floors."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    entry = baseline["corpora"].get(name)
    if entry is None:
        pytest.fail(f"{name}: no floors in {BASELINE.name}; pin them with tests/pin_quality.py")
    return dict(entry)


@pytest.fixture(scope="module", params=sorted(CORPORA))
def measured(request: pytest.FixtureRequest) -> tuple[str, Path, EvalRun]:
    """One eval run per corpus, shared by the tests below."""
    name = str(request.param)
    folder = corpus_or_skip(name)
    return name, folder, run_eval(folder)


def test_corpus_is_the_one_the_floors_were_set_for(measured: tuple[str, Path, EvalRun]) -> None:
    name, folder, run = measured
    entry = pinned(name)
    assert run.digest == entry["digest"], (
        f"{name} corpus changed ({folder}): floors were set for digest {entry['digest']}, "
        f"it is now {run.digest}. Re-measure and re-pin: .venv/bin/python tests/pin_quality.py"
    )


def test_every_document_is_read_and_processed(measured: tuple[str, Path, EvalRun]) -> None:
    name, _, run = measured
    assert run.failures == [], f"{name}: documents failed"
    assert run.report.missing == [], f"{name}: gold documents without a file"


def test_scores_hold_their_floors(measured: tuple[str, Path, EvalRun]) -> None:
    name, _, run = measured
    entry = pinned(name)
    if run.digest != entry["digest"]:
        pytest.skip(f"{name}: floors were set for another corpus (see the digest test)")
    floors = entry["floors"]
    assert isinstance(floors, dict)
    breaches = below_floors(gate_figures(run.report), floors)
    assert not breaches, f"{name} scores fell:\n" + "\n".join(breaches)


def test_the_digest_covers_gold_and_texts(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text('{"doc": "a.txt", "lang": "en"}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Trade grew by 5% in 2023.", encoding="utf-8")
    first = corpus_digest(tmp_path)
    (tmp_path / "a.txt").write_text("Trade grew by 6% in 2023.", encoding="utf-8")
    second = corpus_digest(tmp_path)
    (tmp_path / "gold.jsonl").write_text('{"doc": "a.txt", "lang": "ru"}\n', encoding="utf-8")
    assert len({first, second, corpus_digest(tmp_path)}) == 3
