"""Articles, entities and search, read for the article view, entity pages and the CLI."""

from __future__ import annotations

import sqlite3
from typing import Any

from coopwatch.store import queries
from coopwatch.store.analytics import FACT_SELECT, fact_row, loads
from coopwatch.store.analytics_projects import entity_projects
from coopwatch.store.textindex import fts_query, query_terms


def document_view(conn: sqlite3.Connection, document_id: int) -> dict[str, Any] | None:
    """An article with its sentences, facts and entity mentions (offsets into its text)."""
    row = conn.execute(
        "SELECT d.id, d.story_id, d.name, d.origin, d.url, d.title, d.lang, d.published,"
        " d.published_from, d.dateline_place, d.text, src.name AS source FROM documents d"
        " LEFT JOIN sources src ON src.id = d.source_id WHERE d.id = ?",
        (document_id,),
    ).fetchone()
    if row is None:
        return None
    doc = dict(row)
    doc["sentences"] = [
        dict(r)
        for r in conn.execute(
            "SELECT idx, start, end FROM sentences WHERE document_id = ? ORDER BY idx",
            (document_id,),
        )
    ]
    doc["facts"] = [
        fact_row(r)
        for r in conn.execute(
            FACT_SELECT + " WHERE f.document_id = ? ORDER BY f.start", (document_id,)
        )
    ]
    doc["mentions"] = [
        dict(r)
        for r in conn.execute(
            "SELECT m.entity_id, m.start, m.end, m.surface, m.role, e.kind, e.key, e.name_en,"
            " e.name_ru, s.idx AS sentence FROM mentions m JOIN entities e ON e.id = m.entity_id"
            " LEFT JOIN sentences s ON s.id = m.sentence_id WHERE m.document_id = ?"
            " ORDER BY m.start",
            (document_id,),
        )
    ]
    doc["copies"] = [
        dict(r)
        for r in conn.execute(
            "SELECT d.id, d.title, d.published, src.name AS source FROM documents d"
            " LEFT JOIN sources src ON src.id = d.source_id WHERE d.story_id = ? AND d.id != ?",
            (row["story_id"], document_id),
        )
    ]
    return doc


def list_entities(
    conn: sqlite3.Connection, kind: str | None = None, query: str | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """Entities by how many articles name them, optionally of one kind or matching a name."""
    params: list[Any] = []
    where = []
    if kind:
        where.append("e.kind = ?")
        params.append(kind)
    if query:
        ids = find_entity_ids(conn, query)
        where.append(f"e.id IN ({', '.join('?' for _ in ids) or 'NULL'})")
        params.extend(ids)
    rows = conn.execute(
        "SELECT e.id, e.kind, e.key, e.name_en, e.name_ru, e.country,"
        " (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id)"
        " AS documents FROM entities e"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY documents DESC, e.name_en LIMIT ?",
        (*params, limit),
    )
    return [dict(r) for r in rows]


def find_entity_ids(conn: sqlite3.Connection, name: str, limit: int = 50) -> list[int]:
    """Entities whose name (English or Russian, any case form) or key matches `name`."""
    found: list[int] = []
    terms = query_terms(name)
    if terms:
        try:
            found = [
                r[0]
                for r in conn.execute(
                    "SELECT rowid FROM entities_fts WHERE entities_fts MATCH ? LIMIT ?",
                    (fts_query(terms), limit),
                )
            ]
        except sqlite3.OperationalError:
            found = []
    pattern = f"%{name.strip()}%"
    for r in conn.execute(
        "SELECT id FROM entities WHERE key = ? OR name_en LIKE ? OR name_ru LIKE ? LIMIT ?",
        (name.strip(), pattern, pattern, limit),
    ):
        if r[0] not in found:
            found.append(r[0])
    return found[:limit]


def entity_profile(conn: sqlite3.Connection, entity_id: int) -> dict[str, Any] | None:
    """Everything known about one entity: names, roles, relations, articles, facts nearby."""
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    entity = dict(row)
    entity["data"] = loads(row["data"])
    entity["roles"] = [
        dict(r)
        for r in conn.execute(
            "SELECT m.role, count(*) AS mentions, max(d.published) AS last_seen FROM mentions m"
            " JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ? AND m.role IS NOT NULL"
            " GROUP BY m.role ORDER BY last_seen DESC",
            (entity_id,),
        )
    ]
    entity["relations"] = [
        {**dict(r), "data": loads(r["data"])}
        for r in conn.execute(
            "SELECT r.kind, r.valid_on, r.data, r.document_id, o.id AS other_id,"
            " o.kind AS other_kind,"
            " o.name_en AS other_en, o.name_ru AS other_ru FROM relations r"
            " LEFT JOIN entities o ON o.id = CASE WHEN r.subject_id = :id THEN r.object_id"
            " ELSE r.subject_id END WHERE r.subject_id = :id OR r.object_id = :id"
            " ORDER BY r.valid_on DESC LIMIT 100",
            {"id": entity_id},
        )
    ]
    entity["documents"] = [
        dict(r)
        for r in conn.execute(
            "SELECT d.id, d.title, d.lang, d.published, src.name AS source,"
            " min(s.idx) AS sentence FROM mentions m JOIN documents d ON d.id = m.document_id"
            " LEFT JOIN sentences s ON s.id = m.sentence_id"
            " LEFT JOIN sources src ON src.id = d.source_id WHERE m.entity_id = ?"
            " GROUP BY d.id ORDER BY d.published DESC LIMIT 100",
            (entity_id,),
        )
    ]
    entity["surfaces"] = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT surface FROM mentions WHERE entity_id = ? AND surface IS NOT NULL"
            " LIMIT 30",
            (entity_id,),
        )
    ]
    entity["projects"] = entity_projects(conn, entity_id)
    return entity


def search(conn: sqlite3.Connection, query: str, limit: int = 30) -> dict[str, Any]:
    """Articles (the store's lemmatized full-text search) and entities (either language)."""
    documents = queries.search_documents(conn, query, limit) if query.strip() else []
    entities = list_entities(conn, query=query, limit=limit) if query.strip() else []
    return {"query": query, "documents": documents, "entities": entities}

