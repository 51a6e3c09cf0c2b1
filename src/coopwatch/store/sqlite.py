"""The SQLite store: one file, WAL, foreign keys on; one transaction per document, so a crash or
a bad document in a batch never leaves half a document and never loses what was stored.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from coopwatch import dedup
from coopwatch.model import Document, Extraction, Sentence
from coopwatch.store.entities import EntityRegistry
from coopwatch.store.migrate import migrate
from coopwatch.store.textindex import index_text
from coopwatch.store.write import ExtractionWriter


@dataclass(frozen=True)
class AddOutcome:
    """What `Store.add_document` did: 'added', 'duplicate' or 'near_duplicate'."""

    status: str
    document_id: int
    story_id: int
    similar_to: int | None = None  # for near-duplicates: the stored copy it matched
    similarity: float | None = None  # its estimated Jaccard similarity

    def to_dict(self) -> dict[str, Any]:
        """The outcome as JSON-ready data (API and CLI)."""
        return asdict(self)


class Store:
    """The knowledge base in one SQLite file; the only class that writes SQL."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=30.0
        )
        self.connection.row_factory = sqlite3.Row
        for pragma in ("journal_mode = WAL", "foreign_keys = ON", "synchronous = NORMAL",
                       "busy_timeout = 30000"):
            self.connection.execute(f"PRAGMA {pragma}")
        try:
            migrate(self.connection)
        except BaseException:
            self.connection.close()
            raise
        self._lock = threading.RLock()
        self._entities = EntityRegistry(self.connection)
        self._near: dedup.NearDuplicateIndex | None = None
        self._near_seen = 0  # the highest document id loaded into the near-duplicate index

    def close(self) -> None:
        """Close the connection (a WAL checkpoint happens on the last close)."""
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back whole on any error
        (serialised between threads sharing this store, e.g. the web app's)."""
        with self._lock:
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield self.connection
                self.connection.execute("COMMIT")
            except BaseException:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                self._entities.forget()
                raise

    def add_document(self, doc: Document, extraction: Extraction | None = None) -> AddOutcome:
        """Store a cleaned document and its facts in one transaction; exact copies are not
        stored again, near-copies join the story of the document they repeat."""
        signature = dedup.signature(doc.text)
        with self.transaction() as db:
            row = db.execute(
                "SELECT id, story_id FROM documents WHERE content_hash = ?", (doc.content_hash,)
            ).fetchone()
            if row is not None:
                return AddOutcome("duplicate", row["id"], row["story_id"])
            match = self._near_index().match(signature) if signature is not None else None
            story_id = self._story_for(doc, match)
            document_id = self._insert_document(doc, story_id, signature)
            self._insert_sentences(document_id, doc.sentences)
            if extraction is not None:
                ExtractionWriter(db, self._entities, document_id, story_id, doc.published,
                                 self._sentence_ids(document_id)).write(extraction)
        if signature is not None and self._near is not None:
            self._near.add(document_id, signature)
        if match is None:
            return AddOutcome("added", document_id, story_id)
        return AddOutcome("near_duplicate", document_id, story_id, match[0], round(match[1], 3))

    def replace_extraction(self, document_id: int, extraction: Extraction) -> None:
        """Swap a document's facts, mentions and relations for a new extraction (one
        transaction): re-extraction after the extractor improved."""
        with self.transaction() as db:
            row = db.execute(
                "SELECT story_id, published FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
            if row is None:
                raise KeyError(f"no document with id {document_id}")
            for table in ("relations", "mentions", "facts"):
                db.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
            sentence_ids = self._sentence_ids(document_id)
            published = date.fromisoformat(row["published"]) if row["published"] else None
            ExtractionWriter(db, self._entities, document_id, row["story_id"], published,
                             sentence_ids).write(extraction)

    def find_document(self, ref: str | int) -> int | None:
        """A document's id from its id or its name (the latest one of that name)."""
        text = str(ref).strip()
        if text.isdigit():
            row = self.connection.execute("SELECT id FROM documents WHERE id = ?", (int(text),))
            found = row.fetchone()
            if found:
                return int(found["id"])
        found = self.connection.execute(
            "SELECT id FROM documents WHERE name = ? ORDER BY id DESC LIMIT 1", (text,)
        ).fetchone()
        return int(found["id"]) if found else None

    def load_document(self, document_id: int) -> Document:
        """A stored document rebuilt as the pipeline's `Document` (for re-extraction)."""
        row = self.connection.execute(
            """SELECT d.*, s.name AS source_name FROM documents d
               LEFT JOIN sources s ON s.id = d.source_id WHERE d.id = ?""",
            (document_id,),
        ).fetchone()
        if row is None:
            raise KeyError(f"no document with id {document_id}")
        sentences = [
            Sentence(index=r["idx"], start=r["start"], end=r["end"], text=r["text"])
            for r in self.connection.execute(
                "SELECT idx, start, end, text FROM sentences WHERE document_id = ? ORDER BY idx",
                (document_id,),
            )
        ]
        return Document(
            name=row["name"], origin=row["origin"], url=row["url"], title=row["title"],
            source=row["source_name"], content_hash=row["content_hash"],
            raw_text=row["raw_text"], text=row["text"], lang=row["lang"],
            published=date.fromisoformat(row["published"]) if row["published"] else None,
            published_from=row["published_from"], dateline_place=row["dateline_place"],
            sentences=sentences,
        )

    def document_ids(self) -> list[int]:
        """Every stored document's id, oldest first."""
        return [int(r[0]) for r in self.connection.execute("SELECT id FROM documents ORDER BY id")]

    def _near_index(self) -> dedup.NearDuplicateIndex:
        """The LSH index, built from stored signatures on first use and topped up with
        documents other connections added since."""
        if self._near is None:
            self._near = dedup.NearDuplicateIndex()
        rows = self.connection.execute(
            "SELECT id, minhash FROM documents WHERE id > ? AND minhash IS NOT NULL ORDER BY id",
            (self._near_seen,),
        ).fetchall()
        self._near.add_all((int(r["id"]), bytes(r["minhash"])) for r in rows)
        if rows:
            self._near_seen = int(rows[-1]["id"])
        return self._near

    def _story_for(self, doc: Document, match: tuple[int, float] | None) -> int:
        published = doc.published.isoformat() if doc.published else None
        if match is not None:
            story_id = int(self.connection.execute(
                "SELECT story_id FROM documents WHERE id = ?", (match[0],)
            ).fetchone()[0])
            self.connection.execute(
                """UPDATE stories SET first_published = MIN(COALESCE(first_published, ?), ?)
                   WHERE id = ? AND ? IS NOT NULL""",
                (published, published, story_id, published),
            )
            return story_id
        cursor = self.connection.execute(
            "INSERT INTO stories (title, first_published, created_at) VALUES (?, ?, ?)",
            (doc.title or _first_line(doc.text), published, _now()),
        )
        return int(cursor.lastrowid or 0)

    def _insert_document(self, doc: Document, story_id: int, signature: Any) -> int:
        source_id = None
        if doc.source:
            source_id = self.connection.execute(
                """INSERT INTO sources (name) VALUES (?)
                   ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id""",
                (doc.source,),
            ).fetchone()[0]
        cursor = self.connection.execute(
            """INSERT INTO documents (story_id, source_id, name, origin, url, title, lang,
                 published, published_from, dateline_place, content_hash, minhash, raw_text,
                 text, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (story_id, source_id, doc.name, doc.origin, doc.url, doc.title, doc.lang,
             doc.published.isoformat() if doc.published else None, doc.published_from,
             doc.dateline_place, doc.content_hash,
             dedup.to_bytes(signature) if signature is not None else None,
             doc.raw_text, doc.text, _now()),
        )
        document_id = int(cursor.lastrowid or 0)
        self.connection.execute(
            "INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)",
            (document_id, index_text(doc.title), index_text(doc.text)),
        )
        return document_id

    def _insert_sentences(self, document_id: int, sentences: list[Sentence]) -> None:
        self.connection.executemany(
            "INSERT INTO sentences (document_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)",
            [(document_id, s.index, s.start, s.end, s.text) for s in sentences],
        )

    def _sentence_ids(self, document_id: int) -> dict[int, int]:
        """Sentence index -> row id, for tying facts to their sentences."""
        return {
            r["idx"]: r["id"]
            for r in self.connection.execute(
                "SELECT id, idx FROM sentences WHERE document_id = ?", (document_id,)
            )
        }


def open_read_connection(path: str | Path, busy_timeout: float = 10.0) -> sqlite3.Connection:
    """A read-only connection for query threads (the web app pools them): rows as sqlite3.Row,
    and a busy timeout so a reader waits out a checkpoint instead of failing."""
    conn = sqlite3.connect(
        f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False,
        timeout=busy_timeout,
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA cache_size = -20000")
    conn.execute("PRAGMA mmap_size = 1073741824")  # pages shared by every reader via the OS
    conn.execute("PRAGMA temp_store = MEMORY")  # GROUP BY / DISTINCT b-trees never hit disk
    return conn


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0][:200]
