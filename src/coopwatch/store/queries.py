"""Read queries for the corpus commands: document lists, one document, search, stats. Each
returns plain dicts, so the CLI table, `--json` and the API render the same data.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from coopwatch.store.textindex import fts_query, query_terms, snippet


def list_documents(
    connection: sqlite3.Connection,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Documents newest first, filtered by language, publication dates (ISO) and outlet."""
    where, params = ["1 = 1"], []
    for clause, value in (("d.lang = ?", lang), ("d.published >= ?", since),
                          ("d.published <= ?", until), ("s.name = ? COLLATE NOCASE", source)):
        if value:
            where.append(clause)
            params.append(value)
    rows = connection.execute(
        f"""SELECT d.id, d.name, d.title, d.lang, d.published, s.name AS source, d.story_id,
                   (SELECT COUNT(*) FROM facts f WHERE f.document_id = d.id) AS facts,
                   d.origin
            FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            WHERE {' AND '.join(where)}
            ORDER BY d.published IS NULL, d.published DESC, d.id DESC LIMIT ?""",
        (*params, limit),
    )
    return [dict(r) for r in rows]


def document_detail(connection: sqlite3.Connection, document_id: int) -> dict[str, Any] | None:
    """One document: metadata, cleaned text, numbered sentences, facts, other story copies."""
    row = connection.execute(
        """SELECT d.id, d.name, d.origin, d.url, d.title, d.lang, d.published, d.published_from,
                  d.dateline_place, d.story_id, d.content_hash, d.ingested_at, d.text,
                  s.name AS source
           FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE d.id = ?""",
        (document_id,),
    ).fetchone()
    if row is None:
        return None
    detail = dict(row)
    detail["sentences"] = [
        dict(r) for r in connection.execute(
            "SELECT idx, start, end, text FROM sentences WHERE document_id = ? ORDER BY idx",
            (document_id,),
        )
    ]
    detail["facts"] = [
        {**{k: r[k] for k in r.keys() if k != "data"}, "data": json.loads(r["data"])}
        for r in connection.execute(
            """SELECT f.id, f.kind, f.label, f.flow, f.reporter, f.partner, f.period, f.measure,
                      f.value, f.currency, f.qualifier, s.idx AS sentence, f.data
               FROM facts f LEFT JOIN sentences s ON s.id = f.sentence_id
               WHERE f.document_id = ? ORDER BY f.kind, f.id""",
            (document_id,),
        )
    ]
    detail["story_documents"] = [
        dict(r) for r in connection.execute(
            "SELECT id, name, origin FROM documents WHERE story_id = ? AND id != ? ORDER BY id",
            (row["story_id"], document_id),
        )
    ]
    return detail


def search_documents(
    connection: sqlite3.Connection, query: str, limit: int = 20
) -> list[dict[str, Any]]:
    """Documents matching every word of `query` (Russian words by lemma), best first, each
    with a snippet of its real text and the offsets of the matched words in it."""
    terms = query_terms(query)
    if not terms:
        return []
    rows = connection.execute(
        """SELECT d.id, d.name, d.title, d.lang, d.published, d.text
           FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
           WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts, 2.0, 1.0) LIMIT ?""",
        (fts_query(terms), limit),
    ).fetchall()
    results = []
    for row in rows:
        text, marks = snippet(row["text"], terms)
        hit = {k: row[k] for k in ("id", "name", "title", "lang", "published")}
        results.append({**hit, "snippet": text, "marks": marks})
    return results


def search_entities(
    connection: sqlite3.Connection, query: str, limit: int = 20
) -> list[dict[str, Any]]:
    """Entities whose names match every word of `query` (Russian names by lemma too)."""
    terms = query_terms(query)
    if not terms:
        return []
    rows = connection.execute(
        """SELECT e.id, e.kind, e.key, e.name_en, e.name_ru FROM entities_fts
           JOIN entities e ON e.id = entities_fts.rowid
           WHERE entities_fts MATCH ? ORDER BY rank LIMIT ?""",
        (fts_query(terms), limit),
    )
    return [dict(r) for r in rows]


def corpus_stats(connection: sqlite3.Connection) -> dict[str, Any]:
    """The knowledge base in numbers: documents by language, stories, sentences, facts and
    entities by kind, and the range of publication dates."""
    def grouped(sql: str) -> dict[str, int]:
        return {str(r[0]): int(r[1]) for r in connection.execute(sql)}

    def count(sql: str) -> int:
        return int(connection.execute(sql).fetchone()[0])

    first, last = connection.execute(
        "SELECT MIN(published), MAX(published) FROM documents"
    ).fetchone()
    return {
        "documents": count("SELECT COUNT(*) FROM documents"),
        "documents_by_lang": grouped(
            "SELECT lang, COUNT(*) FROM documents GROUP BY lang ORDER BY lang"),
        "stories": count("SELECT COUNT(*) FROM stories"),
        "sentences": count("SELECT COUNT(*) FROM sentences"),
        "facts_by_kind": grouped(
            "SELECT kind, COUNT(*) FROM story_facts GROUP BY kind ORDER BY kind"),
        "entities_by_kind": grouped(
            "SELECT kind, COUNT(*) FROM entities GROUP BY kind ORDER BY kind"),
        "published_from": first,
        "published_to": last,
    }
