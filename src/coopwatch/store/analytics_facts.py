"""The fact explorer's query: validated filters in, one page of facts (and the total) out.

Filters are a pydantic model, so the web, the API, the exports and the CLI share one
validation; the WHERE clause is built from fixed column names with bound parameters only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coopwatch.store.analytics import FACT_SELECT, fact_row

SORTS = {
    "published": "f.published",  # the article's date, copied to its facts (migration 5)
    "value": "f.value",
    "period": "f.period",
    "region": "f.partner",
    "id": "f.id",
}
SortKey = Literal[
    "published",
    "-published",
    "value",
    "-value",
    "period",
    "-period",
    "region",
    "-region",
    "id",
    "-id",
]


class FactFilter(BaseModel):
    """What an analyst can filter facts by; every field optional."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["trade", "target", "agreement", "event", "project", "sector"] | None = "trade"
    region: str | None = Field(None, pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
    flow: Literal["turnover", "export", "import"] | None = None
    period: str | None = Field(None, pattern=r"^\d{4}(-\d{2}\.\.\d{4}-\d{2})?$")
    year: int | None = Field(None, ge=1990, le=2100)
    measure: Literal["value", "growth_pct", "share_pct", "multiplier"] | None = None
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    language: Literal["en", "ru", "be"] | None = None  # of the article
    source: str | None = Field(None, max_length=200)
    document: int | None = Field(None, ge=1)
    published_from: date | None = None
    published_to: date | None = None
    sort: SortKey = "-published"
    page: int = Field(1, ge=1, le=100_000)
    size: int = Field(50, ge=1, le=1000)

    @model_validator(mode="before")
    @classmethod
    def blanks_are_unset(cls, values: Any) -> Any:
        """An empty form field ("year=") means no filter, not an invalid one."""
        if isinstance(values, dict):
            return {k: v for k, v in values.items() if v != ""}
        return values

    def query_args(self) -> dict[str, Any]:
        """The non-default filters, to rebuild links (pagination, sorting, exports)."""
        return self.model_dump(exclude_defaults=True, mode="json")


def where_clause(f: FactFilter, table: str = "f.") -> tuple[str, dict[str, Any]]:
    """The WHERE clause and its bound parameters for a filter (`table`: the facts' prefix)."""
    parts: list[str] = []
    params: dict[str, Any] = {}
    simple = {
        "kind": table + "kind",
        "flow": table + "flow",
        "period": table + "period",
        "measure": table + "measure",
        "currency": table + "currency",
        "language": "d.lang",
        "document": table + "document_id",
    }
    for name, column in simple.items():
        value = getattr(f, name)
        if value is not None:
            parts.append(f"{column} = :{name}")
            params[name] = value
    if f.region:  # either side, each through its own index (an OR would scan the kind)
        kind = " AND kind = :kind" if f.kind else ""
        parts.append(
            f"f.id IN (SELECT id FROM facts WHERE reporter = :region{kind}"
            f" UNION SELECT id FROM facts WHERE partner = :region{kind})"
        )
        params["region"] = f.region
    if f.year is not None:
        parts.append(f"{table}period >= :year_lo AND {table}period < :year_hi")
        params.update(year_lo=str(f.year), year_hi=str(f.year + 1))
    if f.source:
        parts.append("src.name = :source")
        params["source"] = f.source
    if f.published_from:
        parts.append(f"{table}published >= :published_from")
        params["published_from"] = f.published_from.isoformat()
    if f.published_to:
        parts.append(f"{table}published <= :published_to")
        params["published_to"] = f.published_to.isoformat()
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def order_clause(sort: str) -> str:
    """ORDER BY from a whitelisted sort key (`-` for descending).

    >>> order_clause("-value")
    ' ORDER BY f.value DESC, f.id DESC'
    """
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f" ORDER BY {SORTS[sort.lstrip('-')]} {direction}, f.id {direction}"


def query_facts(conn: sqlite3.Connection, f: FactFilter) -> dict[str, Any]:
    """One page of facts matching the filter, with the total and the page count."""
    where, params = where_clause(f)
    if f.region and not (f.language or f.source):
        return _region_page(conn, f)
    by_document = f.language or f.source
    joins = (
        " JOIN documents d ON d.id = f.document_id LEFT JOIN sources src ON src.id = d.source_id"
        if by_document
        else ""
    )  # every fact has its document: count without the joins unless a filter needs them
    total = conn.execute("SELECT count(*) FROM facts f" + joins + where, params).fetchone()[0]
    rows = conn.execute(
        FACT_SELECT + where + order_clause(f.sort) + " LIMIT :limit OFFSET :offset",
        {**params, "limit": f.size, "offset": (f.page - 1) * f.size},
    ).fetchall()
    return {
        "filters": f.query_args(),
        "total": total,
        "page": f.page,
        "size": f.size,
        "pages": max(1, -(-total // f.size)),
        "facts": [fact_row(r) for r in rows],
    }


# A region's facts, each side through its own covering index; a fact naming the region on
# both sides is read once.
SIDES = ("partner = :region", "reporter = :region AND partner IS NOT :region")


def _region_page(conn: sqlite3.Connection, f: FactFilter) -> dict[str, Any]:
    """`query_facts` for a region: each side's facts filtered, counted and sorted inside its
    covering index, then only the page's rows are read (a busy region has thousands)."""
    where, params = where_clause(f.model_copy(update={"region": None}), table="")
    conditions = where.replace(" WHERE ", " AND ", 1)
    column = SORTS[f.sort.lstrip("-")].removeprefix("f.")
    sides = " UNION ALL ".join(
        f"SELECT id, {column} AS sortkey FROM facts WHERE {side}{conditions}" for side in SIDES
    )
    params["region"] = f.region
    total = sum(
        conn.execute(f"SELECT count(*) FROM facts WHERE {side}{conditions}", params).fetchone()[0]
        for side in SIDES
    )
    direction = "DESC" if f.sort.startswith("-") else "ASC"
    page = (
        f"{sides} ORDER BY sortkey {direction}, id {direction} LIMIT :limit OFFSET :offset"
    )
    rows = conn.execute(
        FACT_SELECT + f" WHERE f.id IN (SELECT id FROM ({page}))" + order_clause(f.sort),
        {**params, "limit": f.size, "offset": (f.page - 1) * f.size},
    ).fetchall()
    return {
        "filters": f.query_args(),
        "total": total,
        "page": f.page,
        "size": f.size,
        "pages": max(1, -(-total // f.size)),
        "facts": [fact_row(r) for r in rows],
    }


def iter_facts(
    conn: sqlite3.Connection, f: FactFilter, limit: int = 1_000_000
) -> Iterator[dict[str, Any]]:
    """Every fact matching the filter (all pages), streamed for exports."""
    where, params = where_clause(f)
    cursor = conn.execute(
        FACT_SELECT + where + order_clause(f.sort) + " LIMIT :limit", {**params, "limit": limit}
    )
    for row in cursor:
        yield fact_row(row)


EXPORT_COLUMNS = [
    "id",
    "kind",
    "flow",
    "reporter",
    "partner",
    "period",
    "measure",
    "value",
    "currency",
    "qualifier",
    "document_id",
    "title",
    "source",
    "lang",
    "published",
    "sentence",
    "sentence_text",
]


def export_row(fact: dict[str, Any]) -> dict[str, Any]:
    """A fact flattened to the export columns (a target's range becomes its text)."""
    row = {k: fact.get(k) for k in EXPORT_COLUMNS}
    if isinstance(row["value"], list):
        row["value"] = None
    return row


def facts_filter_options(conn: sqlite3.Connection) -> dict[str, list[Any]]:
    """The values each filter can take, for the explorer's select boxes."""

    def column(sql: str) -> list[Any]:
        return [r[0] for r in conn.execute(sql) if r[0] is not None]

    return {
        "sources": column("SELECT name FROM sources ORDER BY name"),
        "periods": column(
            "SELECT DISTINCT period FROM facts WHERE kind = 'trade' ORDER BY period DESC LIMIT 200"
        ),
        "currencies": column(
            "SELECT DISTINCT currency FROM facts WHERE kind = 'trade' ORDER BY currency"
        ),
    }
