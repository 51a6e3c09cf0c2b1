"""The overview: regions ranked and mapped, the latest facts, what the corpus holds."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from coopwatch.labels import tiles
from coopwatch.store import analytics
from coopwatch.web.deps import Cache, Conn
from coopwatch.web.render import cached_page

router = APIRouter(tags=["overview"])


def shade(rank: int, count: int) -> int:
    """A tile's shade 1..5 from its turnover rank (0 = largest) among `count` regions.

    >>> [shade(r, 10) for r in range(10)]
    [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    """
    return 5 - (5 * rank) // max(count, 1)


def overview_data(conn: sqlite3.Connection) -> dict[str, Any]:
    """The overview page's data: rankings, the tile map, the latest facts, corpus counts."""
    ranking = analytics.region_rankings(conn)
    ranks = {r["code"]: (i, r) for i, r in enumerate(ranking)}
    tile_list = []
    for tile in tiles().values():
        rank, row = ranks.get(tile.code, (None, None))
        tile_list.append(
            {
                "code": tile.code,
                "row": tile.row,
                "col": tile.col,
                "turnover": row["turnover"] if row else None,
                "year": row["year"] if row else None,
                "shade": shade(rank, len(ranking)) if rank is not None else 0,
            }
        )
    growth = [r for r in ranking if r["growth_pct"] is not None]
    return {
        "stats": analytics.corpus_stats(conn),
        "by_turnover": ranking[:15],
        "by_growth": sorted(growth, key=lambda r: -r["growth_pct"])[:15],
        "tiles": tile_list,
        "latest": analytics.latest_facts(conn, 10),
    }


@router.get("/", summary="Overview page (HTML, or JSON with ?format=json)")
async def overview_page(request: Request, conn: Conn, cache: Cache) -> Response:
    """Regions ranked by turnover and growth, the tile map, the latest facts."""
    return await cached_page(request, conn, cache, "overview.html", lambda: overview_data(conn))
