"""Region dossiers: the page `/regions/{code}` and the API `/api/regions[/{code}]`."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from coopwatch.labels import region_name, tiles
from coopwatch.store import analytics
from coopwatch.store.analytics_dossier import region_dossier
from coopwatch.web.deps import Cache, Conn
from coopwatch.web.render import cached_json, cached_page

router = APIRouter(tags=["regions"])
RegionCode = Annotated[str, Path(max_length=12, description="ISO 3166-2 code, e.g. RU-TUL")]


Page = Annotated[int, Query(ge=1, le=100_000, description="Page of the region's articles")]
Events = Annotated[int, Query(ge=1, le=100_000, description="Page of the region's timeline")]


def dossier_data(
    conn: sqlite3.Connection, code: str, page: int = 1, events: int = 1
) -> dict[str, Any]:
    """The dossier of a known region; 404 for a code that names no region."""
    if code not in tiles() and code not in analytics.region_codes(conn):
        raise HTTPException(404, f"unknown region {code}")
    data = region_dossier(conn, code, page, events)
    data["name"] = {"en": region_name(code, "en"), "ru": region_name(code, "ru")}
    return data


@router.get("/regions/{code}", summary="Region dossier page (HTML, or JSON with ?format=json)")
async def region_page(
    request: Request, code: RegionCode, conn: Conn, cache: Cache, page: Page = 1, events: Events = 1
) -> Response:
    """A region's dossier: trade chart and points with sources, targets, people, timeline."""
    key = ("dossier", code, page, events)
    return await cached_page(
        request,
        conn,
        cache,
        "region.html",
        lambda: cache.get(conn, key, lambda: dossier_data(conn, code, page, events)),
    )


@router.get("/api/regions", summary="Regions with their latest annual turnover")
def api_regions(conn: Conn) -> dict[str, Any]:
    """Every region known, with its latest annual turnover and growth where known."""
    ranking = {r["code"]: r for r in analytics.region_rankings(conn)}
    codes = sorted(set(tiles()) | analytics.region_codes(conn))
    return {
        "regions": [
            {
                "code": c,
                "name_en": region_name(c, "en"),
                "name_ru": region_name(c, "ru"),
                "turnover": ranking.get(c, {}).get("turnover"),
                "year": ranking.get(c, {}).get("year"),
                "growth_pct": ranking.get(c, {}).get("growth_pct"),
            }
            for c in codes
        ]
    }


@router.get("/api/regions/{code}", summary="A region's dossier")
async def api_region(
    code: RegionCode, conn: Conn, cache: Cache, page: Page = 1, events: Events = 1
) -> Response:
    """The same data as the dossier page."""
    key = ("dossier", code, page, events)
    return await cached_json(
        conn,
        cache,
        key,
        lambda: cache.get(conn, key, lambda: dossier_data(conn, code, page, events)),
    )
