"""`coopwatch bench extract`: how fast extraction runs on one core, stage by stage.

Budget: trade extraction should cost no more than the tokenization, tagging and NER it
needs, so natasha's own NER pass (`nlp.named_entities`) is timed on the same Russian
texts and shown beside the pipeline's stages.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from coopwatch.evaluate.corpus import GOLD_FILE, load_gold, read_raw, source_file
from coopwatch.model import Document, RawDocument
from coopwatch.pipeline import clean_document, extract_facts
from coopwatch.settings import SAMPLES_DIR

TRADE_STAGES = ("parties", "trade")  # what trade extraction needs, for the budget
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass
class BenchResult:
    """Figures for one corpus: totals, seconds per stage (all docs and Russian ones), NER."""

    corpus: str
    documents: int = 0
    characters: int = 0
    ru_documents: int = 0
    ru_characters: int = 0
    seconds: float = 0.0  # clean + extract, all documents
    warmup_seconds: float = 0.0  # loading models and data files, on our own two sentences
    stages: dict[str, float] = field(default_factory=dict)
    ru_stages: dict[str, float] = field(default_factory=dict)
    ner_seconds: float | None = None  # natasha NER over the Russian texts
    peak_rss_mb: float = 0.0
    cores: int = 1

    @property
    def docs_per_second(self) -> float:
        """Documents per second through clean + extract."""
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def chars_per_second(self) -> float:
        """Characters of cleaned text per second through clean + extract."""
        return self.characters / self.seconds if self.seconds else 0.0

    @property
    def trade_to_ner(self) -> float | None:
        """The budget figure: trade extraction (its parties and trade stages) per NER second."""
        if not self.ner_seconds:
            return None
        spent = sum(self.ru_stages.get(stage, 0.0) for stage in TRADE_STAGES)
        return spent / self.ner_seconds

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BenchResult:
        """Back from `to_dict` (the figures come from a child process as JSON)."""
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})

    def to_dict(self) -> dict[str, Any]:
        """Plain data for --json."""
        return {
            "corpus": self.corpus,
            "documents": self.documents,
            "characters": self.characters,
            "seconds": round(self.seconds, 4),
            "warmup_seconds": round(self.warmup_seconds, 4),
            "docs_per_second": round(self.docs_per_second, 2),
            "chars_per_second": round(self.chars_per_second),
            "stages": {k: round(v, 4) for k, v in self.stages.items()},
            "ru_documents": self.ru_documents,
            "ru_characters": self.ru_characters,
            "ru_stages": {k: round(v, 4) for k, v in self.ru_stages.items()},
            "ner_seconds": None if self.ner_seconds is None else round(self.ner_seconds, 4),
            "trade_to_ner": None if self.trade_to_ner is None else round(self.trade_to_ner, 3),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "cores": self.cores,
        }


def default_corpora() -> list[Path]:
    """Our sample corpus and, when the checkout sits beside it, the shared dev corpus."""
    dev = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"
    return [p for p in (SAMPLES_DIR, dev) if p.is_dir() and any(corpus_files(p))]


def corpus_files(folder: Path) -> list[Path]:
    """The texts of a corpus: those its gold.jsonl names, or every text file in it."""
    if (folder / GOLD_FILE).is_file():
        files = {source_file(folder, str(item["doc"])) for item in load_gold(folder)}
        return sorted(path for path in files if path.is_file())
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in TEXT_SUFFIXES)


ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def bench_corpora(folders: list[Path], repeat: int = 1) -> list[BenchResult]:
    """Measure in fresh processes on one core; the fastest of `repeat` passes per corpus is kept.

    A fresh process per pass: the CLI has already loaded numpy with a thread per core, and
    those threads fight over one pinned core (ten times slower NER, measured); and a second
    pass in the same process would time the pipeline's caches, not its work.
    """
    passes = [_measure_in_child(folders) for _ in range(repeat)]
    return [min(results, key=lambda r: r.seconds) for results in zip(*passes, strict=True)]


def _measure_in_child(folders: list[Path]) -> list[BenchResult]:
    completed = subprocess.run(
        [sys.executable, "-m", "coopwatch.bench_extract", *map(str, folders)],
        env={**os.environ, **ONE_THREAD},
        preexec_fn=pin_one_core if hasattr(os, "sched_setaffinity") else None,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"bench process failed: {completed.stderr.strip()[-2000:]}")
    return [BenchResult.from_dict(item) for item in json.loads(completed.stdout)]


def pin_one_core() -> None:
    """Keep this process on its first allowed CPU, so figures compare across machines."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def measure_corpora(folders: list[Path]) -> list[BenchResult]:
    """Measure each corpus folder once, in this process, after loading models on our own text."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    warmup = warm_up()
    results = []
    for folder in folders:
        files = [str(p) for p in corpus_files(folder)]
        raws = [r for r in read_raw(files) if isinstance(r, RawDocument)]
        result = bench_documents(str(folder), raws)
        result.cores, result.warmup_seconds = cores or 1, warmup
        results.append(result)
    return results


def bench_documents(name: str, raws: list[RawDocument]) -> BenchResult:
    """Clean and extract every document, timing each stage; then natasha NER on the Russian."""
    result = BenchResult(corpus=name)
    russian: list[Document] = []
    for raw in raws:
        timings: dict[str, float] = {}
        started = time.perf_counter()
        doc = clean_document(raw)
        timings["clean"] = time.perf_counter() - started
        extract_facts(doc, timings=timings)
        result.seconds += sum(timings.values())
        result.documents += 1
        result.characters += len(doc.text)
        _add(result.stages, timings)
        if doc.lang == "ru":
            russian.append(doc)
            result.ru_documents += 1
            result.ru_characters += len(doc.text)
            _add(result.ru_stages, timings)
    if russian:
        result.ner_seconds = bench_ner(russian)
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


WARM_UP_TEXTS = (
    "Trade between Belarus and the Tula region grew by 5% to $100 million in 2023.",
    "Товарооборот Беларуси и Тульской области в 2023 году вырос на 5% и достиг $100 млн.",
)


def warm_up() -> float:
    """Load models and data files on our own two sentences, so no corpus text is cached."""
    started = time.perf_counter()
    for number, text in enumerate(WARM_UP_TEXTS):
        digest = hashlib.sha256(text.encode()).hexdigest()
        raw = RawDocument(
            origin=f"warm-up:{number}", name="warm-up", text=text, content_hash=digest
        )
        extract_facts(clean_document(raw))
    return time.perf_counter() - started


def bench_ner(docs: list[Document]) -> float:
    """Seconds natasha needs to segment, tag and NER the texts (its models loaded first)."""
    from coopwatch.nlp import named_entities

    named_entities(docs[0].text[:200])
    started = time.perf_counter()
    for doc in docs:
        named_entities(doc.text)
    return time.perf_counter() - started


def _add(total: dict[str, float], timings: dict[str, float]) -> None:
    for stage, seconds in timings.items():
        total[stage] = total.get(stage, 0.0) + seconds


def show_bench(console: Console, results: list[BenchResult]) -> None:
    """Throughput per corpus, then seconds per stage beside natasha's NER on Russian texts."""
    table = Table(title="coopwatch bench extract (one core)")
    for column in (
        "corpus",
        "docs",
        "chars",
        "seconds",
        "docs/s",
        "chars/s",
        "warm-up s",
        "peak RSS MB",
    ):
        table.add_column(column, justify="left" if column == "corpus" else "right")
    for r in results:
        table.add_row(
            Path(r.corpus).name or r.corpus,
            str(r.documents),
            f"{r.characters:,}",
            f"{r.seconds:.3f}",
            f"{r.docs_per_second:.1f}",
            f"{r.chars_per_second:,.0f}",
            f"{r.warmup_seconds:.2f}",
            f"{r.peak_rss_mb:.0f}",
        )
    console.print(table)
    for r in results:
        stages = Table(title=f"{Path(r.corpus).name}: seconds per stage")
        for column in ("stage", "all docs", "ms/doc", f"ru docs ({r.ru_documents})", "ru ms/doc"):
            stages.add_column(column, justify="left" if column == "stage" else "right")
        for stage, seconds in r.stages.items():
            ru = r.ru_stages.get(stage, 0.0)
            stages.add_row(
                stage,
                f"{seconds:.4f}",
                _per_doc(seconds, r.documents),
                f"{ru:.4f}",
                _per_doc(ru, r.ru_documents),
            )
        if r.ner_seconds is not None:
            stages.add_row(
                "[bold]natasha NER[/bold] (same ru texts)",
                "",
                "",
                f"{r.ner_seconds:.4f}",
                _per_doc(r.ner_seconds, r.ru_documents),
            )
        console.print(stages)
        if r.trade_to_ner is not None:
            verdict = "within" if r.trade_to_ner <= 1 else "[red]over[/red]"
            console.print(
                f"budget: trade extraction ({' + '.join(TRADE_STAGES)}) costs "
                f"{r.trade_to_ner:.0%} of natasha's NER on the same Russian texts "
                f"({verdict} the budget of 100%)\n"
            )


def _per_doc(seconds: float, documents: int) -> str:
    return f"{1000 * seconds / documents:.1f}" if documents else "—"


def main() -> None:
    """`python -m coopwatch.bench_extract DIR...`: one pass, figures as JSON on stdout."""
    parser = argparse.ArgumentParser(description="Measure extraction (used by bench extract).")
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    results = measure_corpora(args.folders)
    print(json.dumps([r.to_dict() for r in results]))


if __name__ == "__main__":
    main()
