"""People, organizations, regions: `/entities`, `/entities/{id}` and their API."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from coopwatch.store.analytics_docs import entity_profile, list_entities
from coopwatch.web.deps import Conn
from coopwatch.web.render import render

router = APIRouter(tags=["entities"])
Kind = Literal["person", "organization", "region", "country", "sector"]
EntityId = Annotated[int, Path(ge=1, le=2**62)]
Name = Annotated[str | None, Query(max_length=200, description="A name in either language")]


@router.get("/entities", summary="Entities page (HTML, or JSON with ?format=json)")
def entities_page(
    request: Request, conn: Conn, kind: Kind | Literal[""] | None = None, q: Name = None
) -> Response:
    """Entities by how many articles name them."""
    data = {"kind": kind or None, "q": q, "entities": list_entities(conn, kind or None, q or None)}
    return render(request, "entities.html", data)


@router.get("/entities/{entity_id}", summary="One entity (HTML, or JSON with ?format=json)")
def entity_page(request: Request, entity_id: EntityId, conn: Conn) -> Response:
    """Everything known about one person, organization or region."""
    return render(request, "entity.html", api_entity(entity_id, conn))


@router.get("/api/entities", summary="Entities, optionally of one kind or matching a name")
def api_entities(conn: Conn, kind: Kind | None = None, q: Name = None) -> dict[str, Any]:
    """Entities with how many articles name them."""
    return {"entities": list_entities(conn, kind, q)}


@router.get("/api/entities/{entity_id}", summary="One entity with roles, relations, articles")
def api_entity(entity_id: EntityId, conn: Conn) -> dict[str, Any]:
    """Everything known about one entity; 404 when there is none."""
    entity = entity_profile(conn, entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return entity
