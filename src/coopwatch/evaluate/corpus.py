"""Running the pipeline over a gold corpus: read the texts and gold.jsonl, predict, score.

The scoring itself is `coopwatch.evaluate` (pure); this module is where files are read,
so the CLI, the quality gate and the benches share one way of reading a corpus.
"""

from __future__ import annotations

import hashlib
import json
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coopwatch.evaluate import FIELDS, Report, evaluate
from coopwatch.ingest import read_inputs
from coopwatch.model import Document, Evidence, Extraction, IngestError, RawDocument
from coopwatch.pipeline import process

GOLD_FILE = "gold.jsonl"


class CorpusError(Exception):
    """A corpus that cannot be evaluated at all: no folder, no gold, bad gold line."""


@dataclass
class EvalRun:
    """A scored corpus, plus what could not be read or processed."""

    report: Report
    failures: list[str] = field(default_factory=list)  # "doc: reason", one line each
    digest: str = ""


def load_gold(corpus: Path) -> list[dict[str, Any]]:
    """The gold documents of a corpus folder, in file order; a bad line names itself."""
    path = corpus / GOLD_FILE
    if not path.is_file():
        raise CorpusError(f"{path}: no gold file")
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusError(f"{path}:{number}: invalid JSON: {error.msg}") from error
        if not isinstance(item, dict) or "doc" not in item:
            raise CorpusError(f"{path}:{number}: not a gold document (no 'doc' key)")
        gold.append(item)
    return gold


def corpus_digest(corpus: Path) -> str:
    """sha256 of gold.jsonl and of every file it names: floors are pinned to this."""
    digest = hashlib.sha256()
    digest.update((corpus / GOLD_FILE).read_bytes())
    for path in sorted({source_file(corpus, str(item["doc"])) for item in load_gold(corpus)}):
        digest.update(path.relative_to(corpus).as_posix().encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def source_file(corpus: Path, doc: str) -> Path:
    """The file a gold `doc` id comes from: "a.txt", "sub/a.txt", "wire.jsonl:2", "feed.rss#item1".

    >>> source_file(Path("c"), "wire.jsonl:2").as_posix()
    'c/wire.jsonl'
    >>> source_file(Path("c"), "feed.rss#item1").as_posix()
    'c/feed.rss'
    """
    whole = corpus / doc
    if whole.exists():
        return whole
    for mark in ("#", ":"):
        if mark in doc:
            return corpus / doc.rsplit(mark, 1)[0]
    return whole


def document_id(corpus: Path, origin: str) -> str:
    """A read document's id as gold names it: its origin relative to the corpus folder.

    >>> document_id(Path("/c"), "/c/sub/a.txt"), document_id(Path("/c"), "/c/w.jsonl:3")
    ('sub/a.txt', 'w.jsonl:3')
    """
    try:
        return Path(origin).resolve().relative_to(corpus.resolve()).as_posix()
    except ValueError:
        return Path(origin).name


def read_raw(items: Iterable[str]) -> Iterator[RawDocument | IngestError]:
    """Inputs as ingest reads them (files, folders, URLs; every encoding and format)."""
    return read_inputs(items)


def predicted_dict(doc: Document, found: Extraction) -> dict[str, Any]:
    """The extraction in gold format, each fact with its evidence sentence for error study."""
    predicted = found.to_gold()
    evidence: dict[str, list[Evidence | None]] = {
        "trade": [a.evidence for a in found.trade],
        "targets": [t.evidence for t in found.targets],
    }
    for name, where in evidence.items():
        if len(where) == len(predicted[name]):  # to_gold keeps the order of the facts
            for atom, one in zip(predicted[name], where, strict=True):
                atom["sentence"] = sentence_text(doc, one)
    sentences: dict[str, dict[str, str | None]] = {
        "persons": {p.name: sentence_text(doc, p.evidence) for p in found.persons},
        "organizations": {o.name: sentence_text(doc, o.evidence) for o in found.organizations},
        "sectors": {s.sector: sentence_text(doc, s.evidence) for s in found.sectors},
        "partners": {},
    }
    for mention in found.parties:
        if mention.code in found.partners and 0 <= mention.sentence < len(doc.sentences):
            sentences["partners"].setdefault(mention.code, doc.sentences[mention.sentence].text)
    predicted["sentences"] = sentences
    return predicted


def sentence_text(doc: Document, evidence: Evidence | None) -> str | None:
    """The sentence a fact was read from, or its characters when the index is unknown."""
    if evidence is None:
        return None
    if 0 <= evidence.sentence < len(doc.sentences):
        return doc.sentences[evidence.sentence].text
    return doc.text[evidence.start : evidence.end] or None


def try_process(raw: RawDocument) -> tuple[Document, Extraction] | str:
    """The pipeline on one document, or a one-line reason when it crashed (the batch goes on)."""
    try:
        return process(raw)
    except Exception as error:  # noqa: BLE001 - one document's crash must not stop a batch
        where = traceback.extract_tb(error.__traceback__)[-1]
        return f"{type(error).__name__}: {error} ({Path(where.filename).name}:{where.lineno})"


def predict_corpus(
    corpus: Path, names: Iterable[str]
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Run the pipeline on the gold-named documents of a corpus; a crash is one failure line."""
    wanted = set(names)
    files = sorted({source_file(corpus, name) for name in wanted})
    predicted: dict[str, dict[str, Any]] = {}
    failures: list[str] = []
    for raw in read_raw([str(path) for path in files if path.is_file()]):
        if isinstance(raw, IngestError):
            failures.append(f"{document_id(corpus, raw.origin)}: {raw.reason}")
            continue
        name = document_id(corpus, raw.origin)
        if name not in wanted:
            continue
        processed = try_process(raw)
        if isinstance(processed, str):
            failures.append(f"{name}: {processed}")
            predicted[name] = {"doc": name}
            continue
        predicted[name] = {**predicted_dict(*processed), "doc": name}
    return predicted, failures


def run_eval(corpus: Path, lang: str | None = None, docs: Iterable[str] | None = None) -> EvalRun:
    """Score the pipeline on a corpus folder (texts + gold.jsonl), optionally some documents."""
    if not corpus.is_dir():
        raise CorpusError(f"{corpus}: not a folder")
    gold = [g for g in load_gold(corpus) if lang is None or g.get("lang") == lang]
    if docs:
        wanted = set(docs)
        unknown = wanted - {str(g["doc"]) for g in gold}
        if unknown:
            raise CorpusError(f"{corpus / GOLD_FILE}: no gold for {', '.join(sorted(unknown))}")
        gold = [g for g in gold if g["doc"] in wanted]
    predicted, failures = predict_corpus(corpus, [str(g["doc"]) for g in gold])
    return EvalRun(
        report=evaluate(gold, predicted), failures=failures, digest=corpus_digest(corpus)
    )


def gate_figures(report: Report) -> dict[str, float]:
    """The figures the quality gate pins: F1 per field and the accuracies, overall and by language.

    Keys read "all trade.f1", "ru persons.f1", "en published.accuracy". A figure with
    nothing to count (no gold and no prediction, no matched atom) is left out rather than
    pinned at a vacuous 1.0.
    """
    figures: dict[str, float] = {}
    for lang in [None, *report.langs]:
        scope = lang or "all"
        for name in FIELDS:
            counts = report.counts(name, lang)
            if counts.tp + counts.fp + counts.fn:
                figures[f"{scope} {name}.f1"] = round(counts.f1, 4)
        for name, accuracy in (
            ("qualifier", report.qualifier(lang)),
            ("published", report.published(lang)),
        ):
            if accuracy.total:
                figures[f"{scope} {name}.accuracy"] = round(accuracy.value, 4)
    return figures


def below_floors(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    """One line per pinned figure that fell under its floor (or is no longer measured)."""
    lines = []
    for key, floor in sorted(floors.items()):
        if key not in figures:
            lines.append(f"{key}: not measured")
        elif figures[key] < floor - 1e-9:
            lines.append(f"{key}: {figures[key]:.4f} < floor {floor:.4f}")
    return lines
