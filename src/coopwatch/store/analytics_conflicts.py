"""Figures that disagree: the same atom with different values from different stories, a
turnover far from exports plus imports, a stated growth that contradicts two yearly values.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from coopwatch.store.analytics import consensus, period_kind

VALUE_TOLERANCE = 0.005  # the spec's matching tolerance: beyond it two values disagree
SUM_TOLERANCE = 0.05  # turnover vs exports + imports: rounding and sources allow 5%
GROWTH_TOLERANCE_PP = 1.0  # stated vs computed growth, percentage points

# One row per reported value of an atom, parties ordered and the flow seen from the first party.
ATOMS = """
SELECT f.id, f.document_id, f.story_id, f.period, f.measure, f.value, f.currency,
       min(f.reporter, f.partner) AS a, max(f.reporter, f.partner) AS b,
       CASE WHEN f.flow = 'turnover' OR f.reporter <= f.partner THEN f.flow
            WHEN f.flow = 'export' THEN 'import' ELSE 'export' END AS flow,
       d.title, d.published, src.name AS source, s.idx AS sentence
FROM facts f JOIN documents d ON d.id = f.document_id
LEFT JOIN sources src ON src.id = d.source_id
LEFT JOIN sentences s ON s.id = f.sentence_id
WHERE f.kind = 'trade' AND f.period IS NOT NULL AND f.value IS NOT NULL
"""


def conflicts(conn: sqlite3.Connection, limit: int = 200) -> dict[str, Any]:
    """All three kinds of disagreement, each item with the facts that disagree and their links."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(ATOMS):
        item = dict(row)
        item["link"] = f"/documents/{row['document_id']}" + (
            f"?s={row['sentence']}#s-{row['sentence']}" if row["sentence"] is not None else ""
        )
        key = (
            item["a"],
            item["b"],
            item["flow"],
            item["period"],
            item["measure"],
            item["currency"],
        )
        groups[key].append(item)
    return {
        "values": value_conflicts(groups)[:limit],
        "sums": sum_conflicts(groups)[:limit],
        "growth": growth_conflicts(groups)[:limit],
    }


def _atom(key: tuple[Any, ...]) -> dict[str, Any]:
    a, b, flow, period, measure, currency = key
    return {
        "a": a,
        "b": b,
        "flow": flow,
        "period": period,
        "measure": measure,
        "currency": currency,
    }


def _consensus(items: list[dict[str, Any]]) -> float:
    """The value most stories give (see `analytics.consensus`)."""
    stories: dict[float, set[int]] = defaultdict(set)
    for item in items:
        stories[item["value"]].add(item["story_id"])
    return consensus({v: len(ids) for v, ids in stories.items()})


def differ(x: float, y: float, tolerance: float = VALUE_TOLERANCE) -> bool:
    """True when two values are further apart than the relative tolerance.

    >>> differ(100.0, 100.4), differ(100.0, 101.0)
    (False, True)
    """
    scale = max(abs(x), abs(y))
    return scale > 0 and abs(x - y) / scale > tolerance


def witnesses(items: list[dict[str, Any]], keep: int = 12) -> list[dict[str, Any]]:
    """One report per distinct value (the latest), enough to see and check a disagreement."""
    latest: dict[float, dict[str, Any]] = {}
    for item in sorted(items, key=lambda i: i["published"] or ""):
        latest[item["value"]] = item
    return [latest[v] for v in sorted(latest)][:keep]


def value_conflicts(groups: dict[tuple[Any, ...], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The same atom given with different values by different stories."""
    found = []
    for key, items in groups.items():
        if len({i["story_id"] for i in items}) < 2:
            continue
        low, high = min(i["value"] for i in items), max(i["value"] for i in items)
        tolerance = VALUE_TOLERANCE if key[4] == "value" else 0.0
        if key[4] == "value" and not differ(low, high, tolerance):
            continue
        if key[4] != "value" and abs(high - low) <= 0.05:
            continue
        found.append(
            {
                **_atom(key),
                "low": low,
                "high": high,
                "reports": len(items),
                "facts": witnesses(items),
            }
        )
    return sorted(found, key=lambda c: (c["period"] or "", c["a"]), reverse=True)


def sum_conflicts(groups: dict[tuple[Any, ...], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """A turnover far from exports plus imports for the same parties, period and currency."""
    found = []
    for key, items in groups.items():
        a, b, flow, period, measure, currency = key
        if flow != "turnover" or measure != "value":
            continue
        exports = groups.get((a, b, "export", period, "value", currency))
        imports = groups.get((a, b, "import", period, "value", currency))
        if not exports or not imports:
            continue
        turnover = _consensus(items)
        total = _consensus(exports) + _consensus(imports)
        if differ(turnover, total, SUM_TOLERANCE):
            found.append(
                {
                    **_atom(key),
                    "turnover": turnover,
                    "exports_plus_imports": total,
                    "facts": witnesses(items) + witnesses(exports) + witnesses(imports),
                }
            )
    return found


def growth_conflicts(groups: dict[tuple[Any, ...], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """A stated growth that disagrees with the values of the period and the year before."""
    values: dict[tuple[Any, ...], dict[str, list[dict[str, Any]]]] = defaultdict(dict)
    for (a, b, flow, period, measure, currency), items in groups.items():
        if measure == "value":
            values[(a, b, flow, period)][currency] = items
    found = []
    for key, items in groups.items():
        a, b, flow, period, measure, _ = key
        if measure != "growth_pct" or period_kind(period) == "other":
            continue
        earlier = values.get((a, b, flow, _year_before(period)), {})
        for currency, now in values.get((a, b, flow, period), {}).items():
            then = earlier.get(currency)
            old, new = (_consensus(then), _consensus(now)) if then else (0.0, 0.0)
            if not old:
                continue
            computed = round((new / old - 1) * 100, 2)
            stated = _consensus(items)
            if abs(stated - computed) > GROWTH_TOLERANCE_PP:
                found.append(
                    {
                        **_atom(key),
                        "currency": currency,
                        "stated": stated,
                        "computed": computed,
                        "facts": witnesses(items) + witnesses(now) + witnesses(then or []),
                    }
                )
    return found


def _year_before(period: str) -> str:
    """The same period a year earlier.

    >>> _year_before("2024"), _year_before("2024-01..2024-08")
    ('2023', '2023-01..2023-08')
    """
    if ".." not in period:
        return str(int(period) - 1)
    start, end = period.split("..")
    return f"{int(start[:4]) - 1}{start[4:]}..{int(end[:4]) - 1}{end[4:]}"
