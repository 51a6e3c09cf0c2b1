"""A region's dossier in one dict: trade points with their sources, the charts' series,
growth, targets, sectors, organizations, people, the timeline, projects and the articles.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from coopwatch.store.analytics import flow_from_belarus, loads
from coopwatch.store.analytics_projects import group_projects, project_facts, projects_with_keys
from coopwatch.store.analytics_trade import chart_panels, latest_growth, trade_points

DOCS = "WITH rd(id) AS (SELECT value FROM json_each(:docs))\n"  # the region's documents
# A region's documents with their dates, from covering indexes: its figures and facts on
# either side, or its name mentioned (only those articles are looked up in `documents`).
DATED_DOCS = """
SELECT document_id AS id, max(published) AS day FROM facts WHERE partner = :code
GROUP BY document_id
UNION SELECT document_id, max(published) FROM facts WHERE reporter = :code GROUP BY document_id
UNION SELECT m.document_id, d.published FROM mentions m JOIN documents d ON d.id = m.document_id
WHERE m.entity_id = (SELECT id FROM entities WHERE key = 'region:' || :code)
  AND NOT EXISTS (SELECT 1 FROM facts WHERE partner = :code AND document_id = m.document_id)
ORDER BY day DESC, id DESC
"""
ARTICLES_PAGE = 20  # the dossier lists the newest articles; older ones page by page
TIMELINE_LIMIT = 30  # meetings, visits and agreements per page of the timeline, newest first


def region_document_ids(conn: sqlite3.Connection, code: str) -> str:
    """The ids of the region's articles, newest first, as the JSON array every section reads
    with `json_each` (built in SQL: thousands of ids never become Python objects)."""
    row = conn.execute(f"SELECT json_group_array(id) FROM ({DATED_DOCS})", {"code": code})
    return str(row.fetchone()[0])


def region_dossier(
    conn: sqlite3.Connection, code: str, page: int = 1, events: int = 1
) -> dict[str, Any]:
    """Everything known about one region's cooperation with Belarus; the sections that grow
    with the corpus come a page at a time (articles: `page`, the timeline: `events`)."""
    points = trade_points(conn, code)
    docs = region_document_ids(conn, code)
    organizations, persons = region_entities(conn, docs)
    timeline = region_timeline(conn, docs, offset=(events - 1) * TIMELINE_LIMIT)
    return {
        "code": code,
        "points": points,
        "chart": chart_panels(points),
        "growth": latest_growth(points),
        "targets": region_targets(conn, code, points),
        "sectors": region_sectors(conn, docs),
        "organizations": organizations,
        "persons": persons,
        "timeline": timeline[:TIMELINE_LIMIT],
        "timeline_page": {"page": events, "more": len(timeline) > TIMELINE_LIMIT},
        "projects": region_projects(conn, docs),
        "documents": region_articles(conn, docs, page),
    }


def region_targets(
    conn: sqlite3.Connection, code: str, points: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Targets for trade with the region, each beside the latest actual annual figure."""
    rows = conn.execute(
        "SELECT f.id, f.flow, f.reporter, f.measure, f.value, f.currency, f.data, f.document_id,"
        " d.published, d.title, s.idx AS sentence FROM facts f"
        " JOIN documents d ON d.id = f.document_id LEFT JOIN sentences s ON s.id = f.sentence_id"
        " WHERE f.id IN (SELECT id FROM facts WHERE reporter = :code AND kind = 'target'"
        " UNION SELECT id FROM facts WHERE partner = :code AND kind = 'target')"
        " ORDER BY d.published DESC LIMIT 50",
        {"code": code},
    ).fetchall()
    targets = []
    for row in rows:
        data = loads(row["data"])
        flow = flow_from_belarus(row["flow"], row["reporter"], code)
        actual = [
            p
            for p in points
            if p["flow"] == flow
            and p["measure"] == "value"
            and p["period_kind"] == "annual"
            and (row["currency"] is None or p["currency"] == row["currency"])
        ]
        targets.append(
            {
                "flow": flow,
                "measure": row["measure"],
                "currency": row["currency"],
                "value": data.get("value", row["value"]),
                "horizon": data.get("horizon"),
                "qualifier": data.get("qualifier"),
                "published": row["published"],
                "document_id": row["document_id"],
                "title": row["title"],
                "link": f"/documents/{row['document_id']}"
                + (
                    f"?s={row['sentence']}#s-{row['sentence']}"
                    if row["sentence"] is not None
                    else ""
                ),
                "actual": actual[-1] if actual else None,
            }
        )
    return targets


def region_sectors(conn: sqlite3.Connection, docs: str) -> list[dict[str, Any]]:
    """Sectors named in the region's articles, by how many articles name them."""
    rows = conn.execute(
        DOCS + "SELECT f.label AS sector,"
        " count(DISTINCT f.document_id) AS documents FROM facts f JOIN rd ON rd.id = f.document_id"
        " WHERE f.kind = 'sector' GROUP BY sector ORDER BY documents DESC, sector",
        {"docs": docs},
    )
    return [dict(r) for r in rows if r["sector"]]


def region_entities(
    conn: sqlite3.Connection, docs: str, limit: int = 30
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Organizations and people named in the region's articles (most articles first), with
    the roles given there: one pass over the articles' mentions."""
    rows = conn.execute(
        DOCS + "SELECT e.id, e.key, e.kind, e.name_en, e.name_ru, e.country, m.documents,"
        " m.roles FROM (SELECT entity_id, count(DISTINCT m.document_id) AS documents,"
        " group_concat(DISTINCT m.role) AS roles FROM rd JOIN mentions m"
        " ON m.document_id = rd.id GROUP BY entity_id) m JOIN entities e ON e.id = m.entity_id"
        " WHERE e.kind IN ('person', 'organization', 'org')"
        " ORDER BY m.documents DESC, e.name_en",
        {"docs": docs},
    )
    found: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for r in rows:
        group = found[r["kind"] == "person"]
        if len(group) < limit:
            roles = [x for x in (r["roles"] or "").split(",") if x]
            group.append({**dict(r), "roles": roles})
    return found[False], found[True]


def region_timeline(
    conn: sqlite3.Connection, docs: str, limit: int = TIMELINE_LIMIT + 1, offset: int = 0
) -> list[dict[str, Any]]:
    """Meetings, visits and agreements in the region's articles, newest first: dated from the
    indexed columns, their sentences read only for those shown (one more than a page, so the
    page knows whether there is a next one)."""
    rows = conn.execute(
        DOCS + "SELECT f.id, f.kind, f.data, f.document_id, f.published, d.title,"
        " s.idx AS sentence, s.text AS sentence_text, t.day FROM (SELECT f.id,"
        " coalesce(f.period, f.published) AS day FROM rd JOIN facts f ON f.document_id = rd.id"
        " AND f.kind IN ('event', 'agreement') ORDER BY day DESC, f.id"
        " LIMIT :limit OFFSET :offset) t"
        " JOIN facts f ON f.id = t.id JOIN documents d ON d.id = f.document_id"
        " LEFT JOIN sentences s ON s.id = f.sentence_id ORDER BY t.day DESC, f.id",
        {"docs": docs, "limit": limit, "offset": offset},
    )
    return [_linked(r) for r in rows]


def region_projects(conn: sqlite3.Connection, docs: str) -> list[dict[str, Any]]:
    """Projects in the region's articles, one per identity across articles and languages, each
    with its whole status history (oldest first, as reported, each step with its sentence)."""
    facts = project_facts(
        conn,
        "f.id IN (SELECT p.id FROM json_each(:docs) j JOIN facts p"
        " ON p.document_id = j.value AND p.kind = 'project')",  # ids from an index first
        {"docs": docs},
    )
    return group_projects(projects_with_keys(conn, facts))[:100]


def region_articles(
    conn: sqlite3.Connection, docs: str, page: int = 1, size: int = ARTICLES_PAGE
) -> dict[str, Any]:
    """One page of the region's articles (newest first), with the total and the page count."""
    rows = conn.execute(
        "SELECT d.id, d.title, d.name, d.lang, d.published, src.name AS source"
        " FROM (SELECT key, value FROM json_each(:docs) ORDER BY key LIMIT :size OFFSET :skip) j"
        " JOIN documents d ON d.id = j.value LEFT JOIN sources src ON src.id = d.source_id"
        " ORDER BY j.key",
        {"docs": docs, "size": size, "skip": (page - 1) * size},
    ).fetchall()
    total = conn.execute("SELECT json_array_length(?)", (docs,)).fetchone()[0]
    pages = max(1, -(-total // size))
    return {"total": total, "page": page, "pages": pages, "items": [dict(r) for r in rows]}


def _linked(row: sqlite3.Row) -> dict[str, Any]:
    item = dict(row)
    item["data"] = loads(row["data"])
    item["link"] = f"/documents/{row['document_id']}" + (
        f"?s={row['sentence']}#s-{row['sentence']}" if row["sentence"] is not None else ""
    )
    return item
