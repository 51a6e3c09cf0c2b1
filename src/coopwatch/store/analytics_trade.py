"""A region's trade figures as points: one per (flow, period, measure, currency) seen from
Belarus, with the value most stories give, every value given and the latest sources; and the
chart series built from them (annual and part-year figures never share a line).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from coopwatch.store.analytics import consensus, period_kind, span_of

MAX_SOURCES = 8  # sources listed per point; the rest are counted
# The region's trade atoms turned to Belarus's side (a region's exports are Belarus's imports).
TRADE = """
SELECT f.id, CASE WHEN f.reporter = :code THEN CASE f.flow WHEN 'export' THEN 'import'
       WHEN 'import' THEN 'export' ELSE f.flow END ELSE f.flow END AS flow,
       f.period, f.measure, f.currency, f.value, f.qualifier, f.story_id, f.document_id,
       d.published
FROM facts f JOIN documents d ON d.id = f.document_id
WHERE f.id IN (SELECT id FROM facts WHERE kind = 'trade' AND reporter = :code
               UNION SELECT id FROM facts WHERE kind = 'trade' AND partner = :code)
"""
DETAILS = """
SELECT f.id, d.title, src.name AS source, s.idx AS sentence
FROM json_each(:ids) j JOIN facts f ON f.id = j.value JOIN documents d ON d.id = f.document_id
LEFT JOIN sources src ON src.id = d.source_id LEFT JOIN sentences s ON s.id = f.sentence_id
"""


def trade_points(conn: sqlite3.Connection, code: str) -> list[dict[str, Any]]:
    """The region's points, grouped in one pass over its atoms (a busy region has thousands);
    titles, outlets and sentences are read only for the sources shown."""
    groups: dict[tuple[Any, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for row in conn.execute(TRADE, {"code": code}):
        groups[(row[1], row[2], row[3], row[4])].append(tuple(row))
    shown: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
    for key, rows in groups.items():
        newest = sorted(rows, key=lambda r: (r[9] or "", r[8]), reverse=True)
        shown[key] = list({r[8]: r for r in reversed(newest)}.values())[::-1][:MAX_SOURCES]
    ids = [r[0] for rows in shown.values() for r in rows]
    details = {r[0]: r for r in conn.execute(DETAILS, {"ids": json.dumps(ids)})}
    points = [_point(key, rows, shown[key], details) for key, rows in groups.items()]
    return sorted(points, key=lambda p: (p["period"] or "", p["flow"] or "", p["measure"] or ""))


def _point(
    key: tuple[Any, ...],
    rows: list[tuple[Any, ...]],
    shown: list[tuple[Any, ...]],
    details: dict[int, sqlite3.Row],
) -> dict[str, Any]:
    flow, period, measure, currency = key
    stories: dict[float, set[int]] = defaultdict(set)
    for row in rows:
        stories[row[5]].add(row[7])
    return {
        "flow": flow,
        "period": period,
        "period_kind": period_kind(period),
        "measure": measure,
        "currency": currency,
        "value": consensus({v: len(s) for v, s in stories.items()}),
        "qualifier": rows[0][6],
        "values": sorted(stories),
        "stories": len({row[7] for row in rows}),
        "source_count": len({row[8] for row in rows}),
        "sources": [_source(row, details.get(row[0])) for row in shown],
    }


def _source(row: tuple[Any, ...], detail: sqlite3.Row | None) -> dict[str, Any]:
    sentence = detail["sentence"] if detail is not None else None
    return {
        "document_id": row[8],
        "title": detail["title"] if detail is not None else None,
        "source": detail["source"] if detail is not None else None,
        "published": row[9],
        "value": row[5],
        "fact_id": row[0],
        "link": f"/documents/{row[8]}"
        + (f"?s={sentence}#s-{sentence}" if sentence is not None else ""),
    }


def chart_panels(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Series for the charts: annual figures and part-year figures in separate panels."""
    annual: dict[str, dict[str, Any]] = {}
    part: dict[str, dict[str, Any]] = {}
    for p in points:
        if p["measure"] != "value" or p["period_kind"] == "other":
            continue
        if p["period_kind"] == "annual":
            name, year, target = f"{p['flow']} ({p['currency']})", p["period"][:4], annual
        else:
            year, span = span_of(p["period"])
            name, target = f"{p['flow']} {span} ({p['currency']})", part
        trace = target.setdefault(name, {"name": name, "flow": p["flow"], "x": [], "y": []})
        trace["x"].append(year)
        trace["y"].append(p["value"])
    panels = []
    for panel_id, traces in (("annual", annual), ("part", part)):
        if traces:
            for trace in traces.values():
                pairs = sorted(zip(trace["x"], trace["y"], strict=True))
                trace["x"], trace["y"] = [x for x, _ in pairs], [y for _, y in pairs]
            ordered = sorted(traces.values(), key=lambda t: t["name"])
            panels.append({"id": panel_id, "traces": ordered})
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
