"""A region's dossier in one dict: trade points with their sources, the charts' series,
growth, targets, sectors, organizations, people, the timeline, projects and the articles.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from coopwatch.store.analytics import (
    ORG_KINDS,
    REGION_DOCS,
    flow_from_belarus,
    loads,
)
from coopwatch.store.analytics_projects import group_projects, project_facts, projects_with_keys
from coopwatch.store.analytics_trade import chart_panels, latest_growth, trade_points

DOCS = "WITH rd(id) AS (SELECT value FROM json_each(:docs))\n"  # the region's documents


def region_document_ids(conn: sqlite3.Connection, code: str) -> str:
    """The ids of the region's documents as a JSON array, computed once per dossier."""
    rows = conn.execute(REGION_DOCS + "SELECT id FROM rd", {"code": code}).fetchall()
    return json.dumps([r[0] for r in rows])


def region_dossier(conn: sqlite3.Connection, code: str) -> dict[str, Any]:
    """Everything known about one region's cooperation with Belarus."""
    points = trade_points(conn, code)
    docs = region_document_ids(conn, code)
    return {
        "code": code,
        "points": points,
        "chart": chart_panels(points),
        "growth": latest_growth(points),
        "targets": region_targets(conn, code, points),
        "sectors": region_sectors(conn, docs),
        "organizations": region_entities(conn, docs, ORG_KINDS),
        "persons": region_entities(conn, docs, ("person",)),
        "timeline": region_timeline(conn, docs),
        "projects": region_projects(conn, docs),
        "documents": region_articles(conn, docs),
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
    conn: sqlite3.Connection, docs: str, kinds: tuple[str, ...], limit: int = 30
) -> list[dict[str, Any]]:
    """Organizations or people named in the region's articles, with their roles there."""
    marks = ", ".join("?" for _ in kinds)
    rows = conn.execute(
        DOCS.replace(":docs", "?1") + "SELECT e.id, e.key, e.kind, e.name_en, e.name_ru,"
        " e.country, count(DISTINCT m.document_id) AS documents,"
        " group_concat(DISTINCT m.role) AS roles FROM mentions m"
        " JOIN rd ON rd.id = m.document_id JOIN entities e ON e.id = m.entity_id"
        f" WHERE e.kind IN ({marks}) GROUP BY e.id"
        " ORDER BY documents DESC, e.name_en LIMIT ?",
        (docs, *kinds, limit),
    )
    return [{**dict(r), "roles": [x for x in (r["roles"] or "").split(",") if x]} for r in rows]


def region_timeline(conn: sqlite3.Connection, docs: str, limit: int = 60) -> list[dict[str, Any]]:
    """Meetings, visits and agreements in the region's articles, newest first."""
    rows = conn.execute(
        DOCS + "SELECT f.id, f.kind, f.data, f.document_id, d.published, d.title,"
        " s.idx AS sentence, s.text AS sentence_text,"
        " coalesce(json_extract(f.data, '$.date'), d.published) AS day FROM facts f"
        " JOIN rd ON rd.id = f.document_id JOIN documents d ON d.id = f.document_id"
        " LEFT JOIN sentences s ON s.id = f.sentence_id"
        " WHERE f.kind IN ('event', 'agreement') ORDER BY day DESC, f.id LIMIT :limit",
        {"docs": docs, "limit": limit},
    )
    return [_linked(r) for r in rows]


def region_projects(conn: sqlite3.Connection, docs: str) -> list[dict[str, Any]]:
    """Projects in the region's articles, one per identity across articles and languages, each
    with its whole status history (oldest first, as reported, each step with its sentence)."""
    facts = project_facts(conn, "f.document_id IN (SELECT value FROM json_each(:docs))",
                          {"docs": docs})
    return group_projects(projects_with_keys(conn, facts))[:100]


def region_articles(conn: sqlite3.Connection, docs: str, limit: int = 50) -> dict[str, Any]:
    """The region's articles, newest first, with the total count."""
    rows = conn.execute(
        DOCS + "SELECT d.id, d.title, d.name, d.lang, d.published, src.name AS source"
        " FROM documents d JOIN rd ON rd.id = d.id LEFT JOIN sources src ON src.id = d.source_id"
        " ORDER BY d.published DESC, d.id DESC LIMIT :limit",
        {"docs": docs, "limit": limit},
    ).fetchall()
    total = conn.execute("SELECT json_array_length(?)", (docs,)).fetchone()[0]
    return {"total": total, "items": [dict(r) for r in rows]}


def _linked(row: sqlite3.Row) -> dict[str, Any]:
    item = dict(row)
    item["data"] = loads(row["data"])
    item["link"] = f"/documents/{row['document_id']}" + (
        f"?s={row['sentence']}#s-{row['sentence']}" if row["sentence"] is not None else ""
    )
    return item
