"""Full-text search over articles (lemmatized) and entities: `/search` and `/api/search`."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from coopwatch.labels import find_regions, region_name
from coopwatch.store.analytics_docs import search
from coopwatch.web.deps import Conn
from coopwatch.web.render import render

router = APIRouter(tags=["search"])
Q = Annotated[str, Query(max_length=300, description="Words in English or Russian")]


def search_data(conn: sqlite3.Connection, q: str) -> dict[str, Any]:
    """Articles, entities and regions (by their names in either language) matching `q`."""
    data = search(conn, q)
    data["regions"] = [
        {"code": c, "name_en": region_name(c, "en"), "name_ru": region_name(c, "ru")}
        for c in find_regions(q)
    ]
    return data


@router.get("/search", summary="Search page (HTML, or JSON with ?format=json)")
def search_page(request: Request, conn: Conn, q: Q = "") -> Response:
    """Articles and entities matching the words, in either language."""
    return render(request, "search.html", search_data(conn, q))


@router.get("/api/search", summary="Articles and entities matching the words")
def api_search(conn: Conn, q: Q) -> dict[str, Any]:
    """The same data as the search page."""
    return search_data(conn, q)
