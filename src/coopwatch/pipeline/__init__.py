"""Pure functions of one document: no I/O, no database, so they run in worker processes now
and on a distributed engine later.

Two steps:

1. `clean_document(raw)`: the cleaning cascade
   decode is done by ingest -> `boilerplate.strip_boilerplate` (HTML main text by trafilatura
   happened in ingest) -> `lang.detect_language` -> `dates.find_publication` (metadata, page
   banner, dateline) -> `segment.split_into_sentences` (offsets into the cleaned text).
2. `extract_facts(doc)`: the named list `EXTRACTION_STAGES`, each `stage(doc, found)` adding
   to one `Extraction`: parties first (everything else ties numbers and names to them), then
   trade figures and targets, people, organizations, events, agreements, projects, sectors, and
   last the document's partner regions.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from coopwatch.model import Document, Extraction, RawDocument
from coopwatch.pipeline.clean import clean_document
from coopwatch.pipeline.entities import tag_organizations, tag_people
from coopwatch.pipeline.events import tag_agreements, tag_events, tag_projects
from coopwatch.pipeline.parties import tag_parties
from coopwatch.pipeline.partners import choose_partners
from coopwatch.pipeline.sectors import tag_sectors
from coopwatch.pipeline.trade import tag_trade

Stage = Callable[[Document, Extraction], None]

EXTRACTION_STAGES: list[tuple[str, Stage]] = [
    ("parties", tag_parties),
    ("trade", tag_trade),
    ("people", tag_people),
    ("organizations", tag_organizations),
    ("events", tag_events),
    ("agreements", tag_agreements),
    ("projects", tag_projects),
    ("sectors", tag_sectors),
    ("partners", choose_partners),
]


def extract_facts(doc: Document, timings: dict[str, float] | None = None) -> Extraction:
    """Run every extraction stage over one document; `timings` collects seconds per stage."""
    found = Extraction(doc=doc.name, lang=doc.lang, published=doc.published)
    for name, stage in EXTRACTION_STAGES:
        started = time.perf_counter()
        stage(doc, found)
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
    return found


def process(raw: RawDocument) -> tuple[Document, Extraction]:
    """Raw input to cleaned document and its facts: the whole per-document job."""
    doc = clean_document(raw)
    return doc, extract_facts(doc)


__all__ = ["EXTRACTION_STAGES", "clean_document", "extract_facts", "process"]
