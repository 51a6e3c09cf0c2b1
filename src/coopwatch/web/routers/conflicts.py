"""Figures that disagree: `/conflicts` and `/api/conflicts`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from coopwatch.store.analytics_conflicts import conflicts
from coopwatch.web.deps import Cache, Conn
from coopwatch.web.render import cached_json, cached_page

router = APIRouter(tags=["conflicts"])


@router.get("/conflicts", summary="Conflicts page (HTML, or JSON with ?format=json)")
async def conflicts_page(request: Request, conn: Conn, cache: Cache) -> Response:
    """Different values for one figure, sums that do not add up, growth that contradicts."""
    return await cached_page(
        request,
        conn,
        cache,
        "conflicts.html",
        lambda: cache.get(conn, "conflicts", lambda: conflicts(conn)),
    )


@router.get("/api/conflicts", summary="Figures that disagree")
async def api_conflicts(conn: Conn, cache: Cache) -> Response:
    """The same data as the conflicts page."""
    return await cached_json(
        conn, cache, "conflicts", lambda: cache.get(conn, "conflicts", lambda: conflicts(conn))
    )
