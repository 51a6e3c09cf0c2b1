"""The batch job: streaming inputs through the pipeline (in-process or in worker processes)
into the store, one transaction per document, failures named and the batch going on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coopwatch import jobs
from coopwatch.ingest.decode import content_hash
from coopwatch.model import Document, Extraction, IngestError, RawDocument
from coopwatch.store import Store

ARTICLES = {
    "en-visit.txt": (
        "Governor of Lipetsk Oblast visits Minsk\n\n"
        "The governor of Lipetsk Oblast met the Belarusian prime minister in Minsk on Monday. "
        "Trade between Belarus and the region grew by 14% last year and reached $230 million. "
        "The sides agreed to set up a joint venture to assemble road machinery in Lipetsk."
    ),
    "ru-forum.txt": (
        "Форум регионов прошел в Гродно\n\n"
        "Делегация Брянской области приняла участие в форуме регионов в Гродно. "
        "По итогам форума подписано семь соглашений о поставках техники и продуктов питания. "
        "Товарооборот Беларуси и Брянской области за полгода увеличился на девять процентов."
    ),
    "en-plant.txt": (
        "Belarusian tractors to be assembled in Kazan\n\n"
        "Minsk Tractor Works and a partner in Tatarstan will open an assembly line in Kazan "
        "next spring, producing up to two thousand tractors a year for farms of the Volga region. "
        "Deliveries of components from Belarus will start in the autumn."
    ),
}


def raw(name: str, text: str) -> RawDocument:
    return RawDocument(origin=f"corpus/{name}", name=name, text=text,
                       content_hash=content_hash(text))


def inputs() -> list[RawDocument | IngestError]:
    return [raw(name, text) for name, text in ARTICLES.items()]


def names(store: Store) -> list[str]:
    return [r[0] for r in store.connection.execute("SELECT name FROM documents ORDER BY id")]


@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "two-workers"])
def test_a_batch_stores_each_document_once(store: Store, workers: int) -> None:
    report = jobs.ingest_stream(inputs(), store, progress=False, workers=workers)
    assert (report.ingested, report.duplicates, report.failed) == (3, 0, [])
    assert names(store) == list(ARTICLES)
    again = jobs.ingest_stream(inputs(), store, progress=False, workers=workers)
    assert (again.ingested, again.duplicates) == (0, 3)
    assert names(store) == list(ARTICLES)


def test_a_reading_error_is_reported_by_origin_and_the_batch_goes_on(store: Store) -> None:
    items: list[RawDocument | IngestError] = [
        IngestError(origin="corpus/broken.png", reason="binary file (PNG)"), *inputs()]
    report = jobs.ingest_stream(items, store, progress=False)
    assert report.ingested == 3
    assert [str(f) for f in report.failed] == ["corpus/broken.png: binary file (PNG)"]


def failing_stage(doc: Document, found: Extraction) -> None:
    """A stage that breaks on one document, as a buggy rule would."""
    if "Grodno" in doc.text or "Гродно" in doc.text:
        raise ValueError("rule exploded")


@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "two-workers"])
def test_an_extraction_error_fails_that_document_only(
    store: Store, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import coopwatch.pipeline as pipeline

    monkeypatch.setattr(pipeline, "EXTRACTION_STAGES",
                        [*pipeline.EXTRACTION_STAGES, ("boom", failing_stage)])
    report = jobs.ingest_stream(inputs(), store, progress=False, workers=workers)
    assert report.ingested == 2
    assert [f.origin for f in report.failed] == ["corpus/ru-forum.txt"]
    assert "extraction failed: ValueError: rule exploded" in report.failed[0].reason
    assert names(store) == ["en-visit.txt", "en-plant.txt"]


def test_a_store_error_rolls_back_that_document_and_the_batch_goes_on(store: Store) -> None:
    store.connection.execute(
        """CREATE TRIGGER reject BEFORE INSERT ON sentences WHEN NEW.text LIKE '%Гродно%'
           BEGIN SELECT RAISE(ABORT, 'disk says no'); END""")
    report = jobs.ingest_stream(inputs(), store, progress=False)
    assert report.ingested == 2
    assert report.failed[0].origin == "corpus/ru-forum.txt"
    reason = report.failed[0].reason
    assert "could not store" in reason and "disk says no" in reason
    assert names(store) == ["en-visit.txt", "en-plant.txt"]
    assert store.connection.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 2


def test_a_syndicated_copy_counts_as_a_near_duplicate(store: Store) -> None:
    text = ARTICLES["en-visit.txt"]
    copy = "Economy news\n\n" + text.replace("\n\n", "\n") + "\n\nShare this article"
    report = jobs.ingest_stream([*inputs(), raw("copy.txt", copy)], store, progress=False)
    assert (report.ingested, report.near_duplicates) == (3, 1)


def test_empty_documents_are_skipped_with_a_reason(store: Store) -> None:
    report = jobs.ingest_stream([raw("blank.txt", "   \n  ")], store, progress=False)
    assert report.ingested == 0
    assert [f.origin for f in report.skipped + report.failed] == ["corpus/blank.txt"]


def test_ingest_raw_stores_one_document(store: Store) -> None:
    outcome = jobs.ingest_raw(raw("en-plant.txt", ARTICLES["en-plant.txt"]), store)
    assert outcome.status == "added"
    assert jobs.ingest_raw(raw("x.txt", ARTICLES["en-plant.txt"]), store).status == "duplicate"


def test_reextract_replaces_facts_of_stored_documents(store: Store) -> None:
    jobs.ingest_stream(inputs(), store, progress=False, extract=False)
    assert store.connection.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == 0
    done, failures = jobs.reextract(store, store.document_ids())
    assert (done, failures) == (3, [])


def test_ingest_reads_files_and_folders(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("coopwatch.ingest", reason="coopwatch.ingest not written yet")
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = jobs.ingest([str(folder)], store, progress=False)
    assert (report.ingested, report.failed) == (3, [])


def dying_stage(doc: Document, found: Extraction) -> None:
    """A stage that kills its process on one document, as a native crash would."""
    if "Гродно" in doc.text:
        os._exit(9)


def test_a_worker_process_dying_fails_only_its_document(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import coopwatch.pipeline as pipeline

    monkeypatch.setattr(pipeline, "EXTRACTION_STAGES",
                        [*pipeline.EXTRACTION_STAGES, ("die", dying_stage)])
    more = [raw(f"extra-{i}.txt", f"{ARTICLES['en-plant.txt']} Batch {i} of {i * 7} units.")
            for i in range(3)]
    report = jobs.ingest_stream([*inputs(), *more], store, progress=False, workers=2)
    assert [f.origin for f in report.failed] == ["corpus/ru-forum.txt"]
    assert "died" in report.failed[0].reason
    assert report.ingested + report.near_duplicates == 5
