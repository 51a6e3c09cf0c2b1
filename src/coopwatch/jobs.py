"""Where the pipeline meets the store: stream inputs, clean and extract in worker processes,
write each document in its own transaction from the parent.

Memory stays flat whatever the corpus size: inputs are read lazily and at most
`workers * WINDOW_PER_WORKER` documents are in flight. A document whose reading, cleaning,
extraction or storing fails becomes a `Failure` naming its input; the batch goes on, and
everything stored before it stays stored.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from typing import Any

from coopwatch.model import Document, Extraction, IngestError, RawDocument
from coopwatch.settings import Settings
from coopwatch.store import AddOutcome, Store

WINDOW_PER_WORKER = 8


@dataclass(frozen=True)
class Failure:
    """An input that could not be ingested, with a one-line reason."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass
class IngestReport:
    """What a batch did: counts by outcome, and every failure and skip with its reason."""

    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    skipped: list[Failure] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def seen(self) -> int:
        """Every input the batch looked at."""
        counted = self.ingested + self.duplicates + self.near_duplicates
        return counted + len(self.skipped) + len(self.failed)

    def count(self, outcome: AddOutcome) -> None:
        """Tally one stored (or recognised) document."""
        if outcome.status == "added":
            self.ingested += 1
        elif outcome.status == "duplicate":
            self.duplicates += 1
        else:
            self.near_duplicates += 1

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (`coopwatch ingest --json`)."""
        return {
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "skipped": [asdict(s) for s in self.skipped],
            "failed": [asdict(f) for f in self.failed],
            "seconds": round(self.seconds, 3),
        }


@dataclass
class Processed:
    """A worker's answer for one input: the cleaned document and its facts, or why not."""

    origin: str
    doc: Document | None = None
    extraction: Extraction | None = None
    error: str | None = None


def process_raw(raw: RawDocument, extract: bool = True) -> Processed:
    """Clean (and extract from) one input; never raises, so one bad input stops nothing."""
    from coopwatch.pipeline import clean_document, extract_facts

    try:
        doc = clean_document(raw)
    except Exception as exc:  # noqa: BLE001  (any failure of one document is reported)
        return Processed(raw.origin, error=f"cleaning failed: {_describe(exc)}")
    try:
        extraction = extract_facts(doc) if extract else None
    except Exception as exc:  # noqa: BLE001
        return Processed(raw.origin, error=f"extraction failed: {_describe(exc)}")
    return Processed(raw.origin, doc, extraction)


def ingest_raw(raw: RawDocument, store: Store, extract: bool = True) -> AddOutcome:
    """Clean, extract and store one input in-process (the web's POST /api/ingest);
    raises ValueError naming the input when it cannot be processed."""
    done = process_raw(raw, extract)
    if done.doc is None:
        raise ValueError(f"{raw.origin}: {done.error}")
    return store.add_document(done.doc, done.extraction)


def ingest(
    items: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    progress: bool = True,
    workers: int = 1,
    extract: bool = True,
) -> IngestReport:
    """Read paths/URLs, process them (in `workers` processes when > 1) and store each document
    in its own transaction; returns the batch's report."""
    from coopwatch.ingest import read_inputs

    return ingest_stream(read_inputs(items, settings), store, progress, workers, extract)


def ingest_stream(
    inputs: Iterable[RawDocument | IngestError],
    store: Store,
    progress: bool = True,
    workers: int = 1,
    extract: bool = True,
) -> IngestReport:
    """Ingest an iterable of already-read inputs (what `ingest` does after reading)."""
    report = IngestReport()
    started = time.perf_counter()
    with _progress_bar(progress) as advance:
        for item in process_stream(inputs, workers, extract):
            _store_one(item, store, report)
            advance(report)
    report.seconds = time.perf_counter() - started
    return report


def _store_one(item: Processed, store: Store, report: IngestReport) -> None:
    if item.doc is None:
        report.failed.append(Failure(item.origin, item.error or "unknown error"))
        return
    if not item.doc.text.strip():
        report.skipped.append(Failure(item.origin, "no text left after cleaning"))
        return
    try:
        report.count(store.add_document(item.doc, item.extraction))
    except Exception as exc:  # noqa: BLE001  (rolled back whole; the batch goes on)
        report.failed.append(Failure(item.origin, f"could not store: {_describe(exc)}"))


def process_stream(
    inputs: Iterable[RawDocument | IngestError], workers: int = 1, extract: bool = True
) -> Iterator[Processed]:
    """Processed inputs in input order; read errors pass through as failures."""
    if workers <= 1:
        for item in inputs:
            yield _read_error(item) if isinstance(item, IngestError) else process_raw(item, extract)
        return
    import coopwatch.pipeline  # noqa: F401  (loaded once here, shared by forked workers)

    pool = ProcessPoolExecutor(max_workers=workers)
    window: deque[Future[Processed] | Processed] = deque()
    try:
        for item in inputs:
            if isinstance(item, IngestError):
                window.append(_read_error(item))
            else:
                pool = _submit(pool, workers, window, item, extract)
            while len(window) >= workers * WINDOW_PER_WORKER:
                yield _resolve(window.popleft(), extract)
        while window:
            yield _resolve(window.popleft(), extract)
    finally:
        pool.shutdown(cancel_futures=True)


def _submit(
    pool: ProcessPoolExecutor, workers: int, window: deque[Any], raw: RawDocument, extract: bool
) -> ProcessPoolExecutor:
    """Queue one input; a pool broken by a crashed worker is replaced, not fatal."""
    try:
        future = pool.submit(process_raw, raw, extract)
    except BrokenProcessPool:
        pool.shutdown(cancel_futures=True)
        pool = ProcessPoolExecutor(max_workers=workers)
        future = pool.submit(process_raw, raw, extract)
    future.raw = raw  # type: ignore[attr-defined]
    window.append(future)
    return pool


def _resolve(item: Future[Processed] | Processed, extract: bool) -> Processed:
    if isinstance(item, Processed):
        return item
    raw: RawDocument = item.raw  # type: ignore[attr-defined]
    try:
        return item.result()
    except BrokenProcessPool:
        return _retry_alone(raw, extract)
    except Exception as exc:  # noqa: BLE001
        return Processed(raw.origin, error=f"worker failed: {_describe(exc)}")


def _retry_alone(raw: RawDocument, extract: bool) -> Processed:
    """A document that was in flight when a worker died runs again in a process of its own:
    only the document that kills its process fails."""
    with ProcessPoolExecutor(max_workers=1) as solo:
        try:
            return solo.submit(process_raw, raw, extract).result()
        except Exception as exc:  # noqa: BLE001
            return Processed(raw.origin, error=f"worker process died: {_describe(exc)}")


def _read_error(error: IngestError) -> Processed:
    return Processed(error.origin, error=error.reason)


def _describe(exc: BaseException) -> str:
    """An exception in one line: its type and message."""
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


class _NoBar:
    def __enter__(self) -> Callable[[IngestReport], None]:
        return lambda report: None

    def __exit__(self, *exc: object) -> None:
        return None


class _RichBar:
    """A rich progress line: documents seen, stored, copies and failures, rate."""

    def __enter__(self) -> Callable[[IngestReport], None]:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                             TimeElapsedColumn(), transient=True, refresh_per_second=4)
        self._bar.__enter__()
        self._task = self._bar.add_task("ingesting", total=None)
        self._started = time.perf_counter()
        self._last: IngestReport | None = None
        self._rendered = 0.0
        return self._advance

    def _advance(self, report: IngestReport) -> None:
        self._last = report
        now = time.perf_counter()
        if now - self._rendered >= 0.25:  # redrawing per document would cost more than storing
            self._rendered = now
            self._render(report)

    def _render(self, report: IngestReport) -> None:
        rate = report.seen / max(time.perf_counter() - self._started, 1e-6)
        self._bar.update(self._task, completed=report.seen, description=(
            f"{report.seen} docs ({report.ingested} new, "
            f"{report.duplicates + report.near_duplicates} copies, {len(report.failed)} failed)"
            f" {rate:,.0f} docs/s"))

    def __exit__(self, *exc: object) -> None:
        if self._last is not None:
            self._render(self._last)
        self._bar.__exit__(None, None, None)


def _progress_bar(enabled: bool) -> _NoBar | _RichBar:
    return _RichBar() if enabled else _NoBar()


def reextract(store: Store, document_ids: Iterable[int]) -> tuple[int, list[Failure]]:
    """Extract facts again from stored documents (after the extractor improved), replacing
    each document's facts in one transaction; returns (documents done, failures)."""
    from coopwatch.pipeline import extract_facts

    done, failures = 0, []
    for document_id in document_ids:
        doc = store.load_document(document_id)
        try:
            store.replace_extraction(document_id, extract_facts(doc))
        except Exception as exc:  # noqa: BLE001
            failures.append(Failure(f"{doc.name} (id {document_id})", _describe(exc)))
            continue
        done += 1
    return done, failures
