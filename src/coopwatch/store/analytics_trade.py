"""A region's trade figures as points: one per (flow, period, measure, currency) seen from
Belarus, with the value most stories give, every value given and the latest sources; and the
chart series built from them (annual and part-year figures never share a line).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from coopwatch.store.analytics import SWAP, consensus, period_kind, span_of

MAX_SOURCES = 3  # newest sources listed per point; the rest are counted (all in /facts)
FLIP = "CASE flow WHEN 'export' THEN 'import' WHEN 'import' THEN 'export' ELSE flow END"
# One row per (flow, period, measure, currency, value) on each side of the trade, aggregated
# from a covering index in index order (no table rows read, no sort): a busy region has
# thousands of atoms. The region's own reports are turned around to Belarus's side.
VALUES = """
SELECT {flow} AS flow, period, measure, currency, value, count(DISTINCT story_id) AS stories,
       count(DISTINCT document_id) AS documents, max(qualifier) AS qualifier
FROM facts WHERE {side} = :code AND kind = 'trade'{other}
GROUP BY flow, period, measure, currency, value
"""
SIDES = (
    ("partner", VALUES.format(flow="flow", side="partner", other="")),
    ("reporter", VALUES.format(flow=FLIP, side="reporter", other=" AND partner IS NOT :code")),
)
NEWEST = """
SELECT id, document_id, published, value FROM facts
WHERE {side} = :code AND kind = 'trade' AND flow = :flow AND period IS :period
      AND measure IS :measure AND currency IS :currency{other}
ORDER BY published DESC, document_id DESC LIMIT :limit
"""
DETAILS = """
SELECT f.id, d.title, src.name AS source, s.idx AS sentence
FROM json_each(:ids) j JOIN facts f ON f.id = j.value JOIN documents d ON d.id = f.document_id
LEFT JOIN sources src ON src.id = d.source_id LEFT JOIN sentences s ON s.id = f.sentence_id
"""
Key = tuple[Any, Any, Any, Any]


def trade_points(conn: sqlite3.Connection, code: str) -> list[dict[str, Any]]:
    """The region's points: values and their story counts aggregated in SQL, then the newest
    sources of each point (titles, outlets and sentences read only for those shown)."""
    values: dict[Key, dict[float, list[Any]]] = defaultdict(dict)
    sides: dict[Key, set[str]] = defaultdict(set)
    for side, sql in SIDES:
        for row in conn.execute(sql, {"code": code}):
            key = (row[0], row[1], row[2], row[3])
            sides[key].add(side)
            counts = values[key].setdefault(row[4], [0, 0, row[7]])
            counts[0] += row[5]
            counts[1] += row[6]
    shown = {key: newest_sources(conn, code, key, sides[key]) for key in values}
    ids = [r[0] for rows in shown.values() for r in rows]
    details = {r[0]: r for r in conn.execute(DETAILS, {"ids": json.dumps(ids)})}
    points = [_point(key, values[key], shown[key], details) for key in values]
    for point in points:
        point["all_sources"] = all_sources_link(code, point)
    return sorted(points, key=lambda p: (p["period"] or "", p["flow"] or "", p["measure"] or ""))


def newest_sources(
    conn: sqlite3.Connection, code: str, key: Key, sides: set[str]
) -> list[tuple[Any, ...]]:
    """A point's newest atoms, one per article, newest first (an index range, no sort)."""
    flow, period, measure, currency = key
    rows: list[tuple[Any, ...]] = []
    for side in sides:
        raw = SWAP.get(flow, flow) if side == "reporter" else flow
        other = " AND partner IS NOT :code" if side == "reporter" else ""
        rows += conn.execute(
            NEWEST.format(side=side, other=other),
            {"code": code, "flow": raw, "period": period, "measure": measure,
             "currency": currency, "limit": 4 * MAX_SOURCES},
        ).fetchall()
    rows.sort(key=lambda r: (r[2] or "", r[1]), reverse=True)
    return list({r[1]: tuple(r) for r in reversed(rows)}.values())[::-1][:MAX_SOURCES]


def all_sources_link(code: str, point: dict[str, Any]) -> str:
    """The fact explorer's view of every atom behind a point (both sides, as reported).

    >>> all_sources_link("RU-TUL", {"period": "2024-01..2024-08", "measure": "value",
    ...                             "currency": "USD"})
    '/facts?region=RU-TUL&period=2024-01..2024-08&measure=value&currency=USD'
    """
    period = point["period"] if period_kind(point["period"]) != "other" else None
    query = {"region": code, "period": period, "measure": point["measure"],
             "currency": point["currency"]}
    return "/facts?" + "&".join(f"{k}={v}" for k, v in query.items() if v)


def _point(
    key: Key,
    values: dict[float, list[Any]],
    shown: list[tuple[Any, ...]],
    details: dict[int, sqlite3.Row],
) -> dict[str, Any]:
    """A point; a story or article giving two values for it counts once per value."""
    flow, period, measure, currency = key
    return {
        "flow": flow,
        "period": period,
        "period_kind": period_kind(period),
        "measure": measure,
        "currency": currency,
        "value": consensus({v: c[0] for v, c in values.items()}),
        "qualifier": next((c[2] for c in values.values() if c[2]), None),
        "values": sorted(values),
        "stories": sum(c[0] for c in values.values()),
        "source_count": sum(c[1] for c in values.values()),
        "sources": [_source(row, details.get(row[0])) for row in shown],
    }


def _source(row: tuple[Any, ...], detail: sqlite3.Row | None) -> dict[str, Any]:
    sentence = detail["sentence"] if detail is not None else None
    return {
        "document_id": row[1],
        "title": detail["title"] if detail is not None else None,
        "source": detail["source"] if detail is not None else None,
        "published": row[2],
        "value": row[3],
        "fact_id": row[0],
        "link": f"/documents/{row[1]}"
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
