"""Figures that disagree: `/conflicts` and `/api/conflicts`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from coopwatch.store.analytics_conflicts import conflicts
from coopwatch.web.deps import Conn
from coopwatch.web.render import render

router = APIRouter(tags=["conflicts"])


@router.get("/conflicts", summary="Conflicts page (HTML, or JSON with ?format=json)")
def conflicts_page(request: Request, conn: Conn) -> Response:
    """Different values for one figure, sums that do not add up, growth that contradicts."""
    return render(request, "conflicts.html", conflicts(conn))


@router.get("/api/conflicts", summary="Figures that disagree")
def api_conflicts(conn: Conn) -> dict[str, Any]:
    """The same data as the conflicts page."""
    return conflicts(conn)
