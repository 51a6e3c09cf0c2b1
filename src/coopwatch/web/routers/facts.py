"""The fact explorer `/facts`, its exports (`/facts.csv`, `.jsonl`, `.parquet`) and `/api/facts`."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from typing import Annotated, Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from coopwatch.store.analytics_facts import (
    EXPORT_COLUMNS,
    FactFilter,
    export_row,
    facts_filter_options,
    iter_facts,
    query_facts,
)
from coopwatch.web.deps import Cache, Conn
from coopwatch.web.render import cached_json, cached_page, page_url

router = APIRouter(tags=["facts"])
Format = Literal["csv", "jsonl", "parquet"]


class FactPageQuery(FactFilter):
    """The explorer's parameters: the filters, the page language, an export format."""

    lang: Literal["en", "ru"] = "en"
    format: Literal["html", "json", "csv", "jsonl", "parquet"] | None = None


def page_data(conn: sqlite3.Connection, query: FactPageQuery) -> dict[str, Any]:
    """One page of facts with the links to the other pages and the exports."""
    filters = FactFilter(**query.model_dump(exclude={"lang", "format"}))
    data = query_facts(conn, filters)
    args = {k: v for k, v in filters.query_args().items() if k != "page"}
    data["links"] = {
        "prev": page_url("/facts", query.lang, **args, page=query.page - 1),
        "next": page_url("/facts", query.lang, **args, page=query.page + 1),
    }
    export_args = {k: v for k, v in args.items() if k != "size"}
    data["exports"] = {
        fmt: page_url(f"/facts.{fmt}", "en", **export_args) for fmt in ("csv", "jsonl", "parquet")
    }
    data["options"] = facts_filter_options(conn)
    return data


@router.get("/facts", summary="Fact explorer page (HTML, JSON, or an export with ?format=)")
async def facts_page(
    request: Request, query: Annotated[FactPageQuery, Query()], conn: Conn, cache: Cache
) -> Response:
    """Facts filtered, sorted and paginated; each links to its sentence in its article."""
    if query.format in ("csv", "jsonl", "parquet"):
        filters = FactFilter(**query.model_dump(exclude={"lang", "format"}))
        return await run_in_threadpool(export, conn, filters, query.format)
    return await cached_page(request, conn, cache, "facts.html", lambda: page_data(conn, query))


@router.get("/facts.{fmt}", summary="Export the filtered facts (all pages)")
def facts_export(fmt: Format, query: Annotated[FactFilter, Query()], conn: Conn) -> Response:
    """Every fact matching the filters as CSV, JSON Lines or Parquet."""
    return export(conn, query, fmt)


@router.get("/api/facts", summary="Facts, filtered and paginated")
async def api_facts(query: Annotated[FactFilter, Query()], conn: Conn, cache: Cache) -> Response:
    """One page of facts matching the filters, with the total."""
    return await cached_json(
        conn, cache, ("facts", query.model_dump_json()), lambda: query_facts(conn, query)
    )


def export(conn: sqlite3.Connection, filters: FactFilter, fmt: str) -> Response:
    """The facts of a filtered view in one download."""
    rows = [export_row(f) for f in iter_facts(conn, filters)]
    name = f"coopwatch-facts.{fmt}"
    disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
    if fmt == "csv":
        return StreamingResponse(
            _csv(rows), media_type="text/csv; charset=utf-8", headers=disposition
        )
    if fmt == "jsonl":
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return StreamingResponse(lines, media_type="application/x-ndjson", headers=disposition)
    return Response(
        _parquet(rows), media_type="application/vnd.apache.parquet", headers=disposition
    )


def _csv(rows: list[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    for i, row in enumerate(rows):
        writer.writerow(row)
        if i % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


SCHEMA = pa.schema(
    [
        (
            c,
            pa.float64()
            if c == "value"
            else pa.int64()
            if c in ("id", "document_id", "sentence")
            else pa.string(),
        )
        for c in EXPORT_COLUMNS
    ]
)


def _parquet(rows: list[dict[str, Any]]) -> bytes:
    table = pa.Table.from_pylist(rows, schema=SCHEMA)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()
