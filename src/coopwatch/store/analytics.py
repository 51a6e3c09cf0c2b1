"""Read queries for analysts: regions, dossiers, facts, documents (bound parameters only).

Every function takes a `sqlite3.Connection` (rows as `sqlite3.Row`) and returns plain dicts and
lists, the one data shape the web pages, the JSON API and the CLI all render. Trade figures are
read from Belarus's side: an atom reported by a region ("exports from Tula") is turned around
(`flow_from_belarus`), so a dossier's "exports" are always Belarus's exports to the region.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from typing import Any

ANNUAL = re.compile(r"^\d{4}$")
PART_YEAR = re.compile(r"^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$")
SWAP = {"export": "import", "import": "export", "turnover": "turnover"}


def flow_from_belarus(flow: str | None, reporter: str | None, region: str) -> str | None:
    """The flow as Belarus sees it: a region's exports are Belarus's imports.

    >>> flow_from_belarus("export", "RU-TUL", "RU-TUL"), flow_from_belarus("export", "BY", "RU-TUL")
    ('import', 'export')
    """
    if flow and reporter == region:
        return SWAP.get(flow, flow)
    return flow


def period_kind(period: str | None) -> str:
    """`annual`, `part` (a span of months inside one year) or `other`: never mixed on a chart.

    >>> period_kind("2023"), period_kind("2024-01..2024-08"), period_kind(None)
    ('annual', 'part', 'other')
    """
    if period and ANNUAL.match(period):
        return "annual"
    match = PART_YEAR.match(period or "")
    if match and match.group(1) == match.group(3):
        return "annual" if (match.group(2), match.group(4)) == ("01", "12") else "part"
    return "other"


def span_of(period: str) -> tuple[str, str]:
    """A part-year period's year and its month span, for series that compare like with like.

    >>> span_of("2024-01..2024-08")
    ('2024', '01..08')
    """
    match = PART_YEAR.match(period)
    if not match:
        return period[:4], ""
    return match.group(1), f"{match.group(2)}..{match.group(4)}"


def consensus(stories: dict[float, int]) -> float:
    """The value most stories give; ties go to the more precise, then the larger value.

    >>> consensus({1.2e9: 1, 1.3e9: 1}), consensus({40.0: 2, 40.8: 1})
    (1300000000.0, 40.0)
    >>> consensus({41.0: 1, 40.8: 1})
    40.8
    """
    return max(stories, key=lambda v: (stories[v], len(f"{v:g}"), v))


def loads(data: str | None) -> dict[str, Any]:
    """A fact's JSON column as a dict (empty on anything unreadable)."""
    try:
        value = json.loads(data or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


# --- corpus -------------------------------------------------------------------------------


def data_version(conn: sqlite3.Connection) -> tuple[Any, ...]:
    """A cheap fingerprint of the database's contents, for caches: any ingest or re-extraction
    changes it (rowid maxima are O(1) lookups)."""
    row = conn.execute(
        "SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM facts),"
        " (SELECT max(id) FROM mentions), (SELECT max(id) FROM entities)"
    ).fetchone()
    return tuple(row)


def corpus_stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts that tell an analyst how much the knowledge base holds; facts counted once per
    story, as `coopwatch stats` counts them (store/queries.py)."""
    one = conn.execute(
        "SELECT (SELECT count(*) FROM documents) AS documents,"
        " (SELECT count(*) FROM stories) AS stories,"
        " (SELECT count(*) FROM sources) AS sources,"
        " (SELECT min(published) FROM documents) AS first_published,"
        " (SELECT max(published) FROM documents) AS last_published"
    ).fetchone()
    stats = dict(one)
    stats["facts"] = {
        r["kind"]: r["n"]
        for r in conn.execute(
            "SELECT kind, count(*) AS n FROM story_facts GROUP BY kind ORDER BY kind"
        )
    }
    stats["entities"] = {
        r["kind"]: r["n"]
        for r in conn.execute(
            "SELECT kind, count(*) AS n FROM entities GROUP BY kind ORDER BY kind"
        )
    }
    stats["languages"] = {
        r["lang"]: r["n"]
        for r in conn.execute(
            "SELECT lang, count(*) AS n FROM documents GROUP BY lang ORDER BY lang"
        )
    }
    return stats


def latest_facts(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    """The trade facts of the most recently published articles."""
    rows = conn.execute(
        FACT_SELECT + " WHERE f.kind = 'trade' ORDER BY d.published DESC, f.id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [fact_row(r) for r in rows]


FACT_SELECT = """
SELECT f.id, f.kind, f.flow, f.reporter, f.partner, f.period, f.measure, f.value, f.currency,
       f.qualifier, f.start, f.end, f.data, f.document_id, f.story_id,
       d.title, d.name AS doc_name, d.lang, d.published, src.name AS source,
       s.idx AS sentence, s.text AS sentence_text
FROM facts f
JOIN documents d ON d.id = f.document_id
LEFT JOIN sources src ON src.id = d.source_id
LEFT JOIN sentences s ON s.id = f.sentence_id
"""


def fact_row(row: sqlite3.Row) -> dict[str, Any]:
    """One fact as the pages and the API show it."""
    fact = {k: row[k] for k in row.keys() if k != "data"}
    fact["data"] = loads(row["data"])
    if fact["kind"] == "target" and fact["data"].get("value") is not None:
        fact["value"] = fact["data"]["value"]  # a range of multipliers stays a range
    fact["link"] = f"/documents/{row['document_id']}" + (
        f"?s={row['sentence']}#s-{row['sentence']}" if row["sentence"] is not None else ""
    )
    return fact


# --- regions ------------------------------------------------------------------------------


def region_codes(conn: sqlite3.Connection) -> set[str]:
    """Every region code the knowledge base knows from facts or entities."""
    codes = {
        r[0]
        for r in conn.execute(
            "SELECT reporter FROM facts WHERE kind = 'trade' UNION "
            "SELECT partner FROM facts WHERE kind = 'trade'"
        )
        if r[0] and "-" in r[0]
    }
    codes |= {
        r[0][len("region:") :]
        for r in conn.execute("SELECT key FROM entities WHERE key LIKE 'region:%'")
    }
    return codes


def region_rankings(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Each region's latest annual turnover in USD with its growth (stated, else computed)."""
    rows = conn.execute(
        "SELECT CASE WHEN partner LIKE 'RU-%' THEN partner WHEN reporter LIKE 'RU-%' THEN reporter"
        " END AS region,"
        " period, measure, value, count(DISTINCT story_id) AS stories"
        " FROM facts WHERE kind = 'trade' AND flow = 'turnover'"
        " AND ((measure = 'value' AND currency = 'USD') OR measure = 'growth_pct')"
        " AND length(period) = 4 AND region IS NOT NULL GROUP BY region, period, measure, value"
    ).fetchall()
    counts: dict[tuple[str, str, str], dict[float, int]] = defaultdict(dict)
    for r in rows:
        counts[(r["region"], r["period"], r["measure"])][r["value"]] = r["stories"]
    best = {key: (0, consensus(values)) for key, values in counts.items()}
    regions: dict[str, dict[str, Any]] = {}
    for (region, period, measure), (_, value) in best.items():
        if measure == "value" and (region not in regions or period > regions[region]["year"]):
            regions[region] = {"code": region, "year": period, "turnover": value}
    for region, item in regions.items():
        previous = best.get((region, str(int(item["year"]) - 1), "value"))
        stated = best.get((region, item["year"], "growth_pct"))
        item["growth_pct"] = (
            stated[1]
            if stated
            else round((item["turnover"] / previous[1] - 1) * 100, 1)
            if previous and previous[1]
            else None
        )
    return sorted(regions.values(), key=lambda i: -i["turnover"])

