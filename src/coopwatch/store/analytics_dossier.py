"""A region's dossier in one dict: trade points with their sources, the charts' series,
growth, targets, sectors, organizations, people, the timeline, projects and the articles.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from coopwatch.store.analytics import (
    ORG_KINDS,
    REGION_DOCS,
    consensus,
    flow_from_belarus,
    loads,
    period_kind,
    span_of,
)

MAX_SOURCES = 8  # sources listed per point; the rest are counted
TRADE = """
SELECT f.id, f.flow, f.reporter, f.partner, f.period, f.measure, f.value, f.currency,
       f.qualifier, f.document_id, f.story_id, d.published, d.title, d.lang,
       src.name AS source, s.idx AS sentence
FROM facts f JOIN documents d ON d.id = f.document_id
LEFT JOIN sources src ON src.id = d.source_id
LEFT JOIN sentences s ON s.id = f.sentence_id
WHERE f.kind = 'trade' AND {side} = :code {extra}
"""


def region_dossier(conn: sqlite3.Connection, code: str) -> dict[str, Any]:
    """Everything known about one region's cooperation with Belarus."""
    points = trade_points(conn, code)
    return {
        "code": code,
        "points": points,
        "chart": chart_panels(points),
        "growth": latest_growth(points),
        "targets": region_targets(conn, code, points),
        "sectors": region_sectors(conn, code),
        "organizations": region_entities(conn, code, ORG_KINDS),
        "persons": region_entities(conn, code, ("person",)),
        "timeline": region_timeline(conn, code),
        "projects": region_projects(conn, code),
        "documents": region_articles(conn, code),
    }


def trade_points(conn: sqlite3.Connection, code: str) -> list[dict[str, Any]]:
    """One point per (flow, period, measure, currency), the value most stories give, and sources."""
    query = TRADE.format(side="f.reporter", extra="") + " UNION ALL " + TRADE.format(
        side="f.partner", extra="AND f.reporter != :code"
    )
    groups: dict[tuple[Any, ...], list[sqlite3.Row]] = defaultdict(list)
    for row in conn.execute(query, {"code": code}):
        flow = flow_from_belarus(row["flow"], row["reporter"], code)
        groups[(flow, row["period"], row["measure"], row["currency"])].append(row)
    points = [_point(key, rows) for key, rows in groups.items()]
    return sorted(points, key=lambda p: (p["period"] or "", p["flow"] or "", p["measure"] or ""))


def _point(key: tuple[Any, ...], rows: list[sqlite3.Row]) -> dict[str, Any]:
    flow, period, measure, currency = key
    stories: dict[float, set[int]] = defaultdict(set)
    for row in rows:
        stories[row["value"]].add(row["story_id"])
    value = consensus({v: len(ids) for v, ids in stories.items()})
    ordered = sorted(rows, key=lambda r: r["published"] or "", reverse=True)
    seen: set[int] = set()
    sources = []
    for row in ordered:
        if row["document_id"] in seen:
            continue
        seen.add(row["document_id"])
        sources.append({
            "document_id": row["document_id"], "title": row["title"], "source": row["source"],
            "published": row["published"], "value": row["value"], "fact_id": row["id"],
            "link": f"/documents/{row['document_id']}"
            + (f"?s={row['sentence']}#s-{row['sentence']}" if row["sentence"] is not None else ""),
        })
    return {
        "flow": flow, "period": period, "period_kind": period_kind(period), "measure": measure,
        "currency": currency, "value": value, "qualifier": rows[0]["qualifier"],
        "values": sorted(stories), "stories": len({r["story_id"] for r in rows}),
        "source_count": len(sources), "sources": sources[:MAX_SOURCES],
    }


def chart_panels(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Series for the charts: annual figures and part-year figures in separate panels."""
    annual: dict[str, dict[str, Any]] = {}
    part: dict[str, dict[str, Any]] = {}
    for p in points:
        if p["measure"] != "value" or p["period_kind"] == "other":
            continue
        if p["period_kind"] == "annual":
            name = f"{p['flow']} ({p['currency']})"
            year = p["period"][:4]
            target = annual
        else:
            year, span = span_of(p["period"])
            name = f"{p['flow']} {span} ({p['currency']})"
            target = part
        trace = target.setdefault(name, {"name": name, "flow": p["flow"], "x": [], "y": []})
        trace["x"].append(year)
        trace["y"].append(p["value"])
    panels = []
    for panel_id, traces in (("annual", annual), ("part", part)):
        if traces:
            for trace in traces.values():
                pairs = sorted(zip(trace["x"], trace["y"], strict=True))
                trace["x"], trace["y"] = [x for x, _ in pairs], [y for _, y in pairs]
            panels.append({"id": panel_id, "traces": sorted(traces.values(), key=lambda t: t["name"])})
    return panels


def latest_growth(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The most recent stated growth per flow (the latest period wins)."""
    latest: dict[str, dict[str, Any]] = {}
    for p in points:
        if p["measure"] != "growth_pct" or not p["period"]:
            continue
        end = p["period"][-7:] if ".." in p["period"] else p["period"] + "-12"
        current = latest.get(p["flow"])
        if current is None or end > current["_end"]:
            latest[p["flow"]] = {**p, "_end": end}
    return [{k: v for k, v in p.items() if k != "_end"} for p in latest.values()]


def region_targets(
    conn: sqlite3.Connection, code: str, points: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Targets for trade with the region, each beside the latest actual annual figure."""
    rows = conn.execute(
        "SELECT f.id, f.flow, f.reporter, f.measure, f.value, f.currency, f.data, f.document_id,"
        " d.published, d.title, s.idx AS sentence FROM facts f"
        " JOIN documents d ON d.id = f.document_id LEFT JOIN sentences s ON s.id = f.sentence_id"
        " WHERE f.kind = 'target' AND (f.reporter = :code OR f.partner = :code)"
        " ORDER BY d.published DESC LIMIT 50",
        {"code": code},
    ).fetchall()
    targets = []
    for row in rows:
        data = loads(row["data"])
        flow = flow_from_belarus(row["flow"], row["reporter"], code)
        actual = [
            p for p in points
            if p["flow"] == flow and p["measure"] == "value" and p["period_kind"] == "annual"
            and (row["currency"] is None or p["currency"] == row["currency"])
        ]
        targets.append({
            "flow": flow, "measure": row["measure"], "currency": row["currency"],
            "value": data.get("value", row["value"]), "horizon": data.get("horizon"),
            "qualifier": data.get("qualifier"), "published": row["published"],
            "document_id": row["document_id"], "title": row["title"],
            "link": f"/documents/{row['document_id']}"
            + (f"?s={row['sentence']}#s-{row['sentence']}" if row["sentence"] is not None else ""),
            "actual": actual[-1] if actual else None,
        })
    return targets


def region_sectors(conn: sqlite3.Connection, code: str) -> list[dict[str, Any]]:
    """Sectors named in the region's articles, by how many articles name them."""
    rows = conn.execute(
        REGION_DOCS + "SELECT f.label AS sector,"
        " count(DISTINCT f.document_id) AS documents FROM facts f JOIN rd ON rd.id = f.document_id"
        " WHERE f.kind = 'sector' GROUP BY sector ORDER BY documents DESC, sector",
        {"code": code},
    )
    return [dict(r) for r in rows if r["sector"]]


def region_entities(
    conn: sqlite3.Connection, code: str, kinds: tuple[str, ...], limit: int = 30
) -> list[dict[str, Any]]:
    """Organizations or people named in the region's articles, with their roles there."""
    marks = ", ".join("?" for _ in kinds)
    rows = conn.execute(
        REGION_DOCS.replace(":code", "?1") + "SELECT e.id, e.key, e.kind, e.name_en, e.name_ru,"
        " e.country, count(DISTINCT m.document_id) AS documents,"
        " group_concat(DISTINCT m.role) AS roles FROM mentions m"
        " JOIN rd ON rd.id = m.document_id JOIN entities e ON e.id = m.entity_id"
        f" WHERE e.kind IN ({marks}) GROUP BY e.id"
        " ORDER BY documents DESC, e.name_en LIMIT ?",
        (code, *kinds, limit),
    )
    return [
        {**dict(r), "roles": [x for x in (r["roles"] or "").split(",") if x]} for r in rows
    ]


def region_timeline(conn: sqlite3.Connection, code: str, limit: int = 60) -> list[dict[str, Any]]:
    """Meetings, visits and agreements in the region's articles, newest first."""
    rows = conn.execute(
        REGION_DOCS + "SELECT f.id, f.kind, f.data, f.document_id, d.published, d.title,"
        " s.idx AS sentence, s.text AS sentence_text,"
        " coalesce(json_extract(f.data, '$.date'), d.published) AS day FROM facts f"
        " JOIN rd ON rd.id = f.document_id JOIN documents d ON d.id = f.document_id"
        " LEFT JOIN sentences s ON s.id = f.sentence_id"
        " WHERE f.kind IN ('event', 'agreement') ORDER BY day DESC, f.id LIMIT :limit",
        {"code": code, "limit": limit},
    )
    return [_linked(r) for r in rows]


def region_projects(conn: sqlite3.Connection, code: str) -> list[dict[str, Any]]:
    """Projects in the region's articles, each with its status history (oldest first)."""
    rows = conn.execute(
        REGION_DOCS + "SELECT f.id, f.kind, f.data, f.document_id, d.published, d.title,"
        " s.idx AS sentence, s.text AS sentence_text FROM facts f"
        " JOIN rd ON rd.id = f.document_id JOIN documents d ON d.id = f.document_id"
        " LEFT JOIN sentences s ON s.id = f.sentence_id"
        " WHERE f.kind = 'project' ORDER BY d.published, f.id LIMIT 400",
        {"code": code},
    )
    projects: dict[str, dict[str, Any]] = {}
    for row in rows:
        item = _linked(row)
        name = str(item["data"].get("description") or "").strip()
        project = projects.setdefault(name.lower(), {"description": name, "history": []})
        project["history"].append({
            "status": item["data"].get("status"), "published": item["published"],
            "link": item["link"], "title": item["title"],
        })
    return list(projects.values())


def region_articles(conn: sqlite3.Connection, code: str, limit: int = 50) -> dict[str, Any]:
    """The region's articles, newest first, with the total count."""
    rows = conn.execute(
        REGION_DOCS + "SELECT d.id, d.title, d.name, d.lang, d.published, src.name AS source"
        " FROM documents d JOIN rd ON rd.id = d.id LEFT JOIN sources src ON src.id = d.source_id"
        " ORDER BY d.published DESC, d.id DESC LIMIT :limit",
        {"code": code, "limit": limit},
    ).fetchall()
    total = conn.execute(REGION_DOCS + "SELECT count(*) FROM rd", {"code": code}).fetchone()[0]
    return {"total": total, "items": [dict(r) for r in rows]}


def _linked(row: sqlite3.Row) -> dict[str, Any]:
    item = dict(row)
    item["data"] = loads(row["data"])
    item["link"] = f"/documents/{row['document_id']}" + (
        f"?s={row['sentence']}#s-{row['sentence']}" if row["sentence"] is not None else ""
    )
    return item
