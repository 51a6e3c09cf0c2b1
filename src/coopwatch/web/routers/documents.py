"""The article view `/documents/{id}` (facts and entities marked in the text) and its API."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from coopwatch.store.analytics_docs import document_view
from coopwatch.web.deps import Conn
from coopwatch.web.render import render

router = APIRouter(tags=["documents"])
DocumentId = Annotated[int, Path(ge=1, le=2**62)]


def document_data(conn: sqlite3.Connection, document_id: int) -> dict[str, Any]:
    """An article with its facts and mentions; 404 when there is none with that id."""
    doc = document_view(conn, document_id)
    if doc is None:
        raise HTTPException(404, f"no document {document_id}")
    return doc


@router.get("/documents/{document_id}", summary="Article view (HTML, or JSON with ?format=json)")
def document_page(
    request: Request,
    document_id: DocumentId,
    conn: Conn,
    s: Annotated[int | None, Query(ge=0, description="The sentence to highlight")] = None,
) -> Response:
    """The cleaned text with every fact and entity marked, sentence `s` highlighted."""
    data = document_data(conn, document_id)
    data["selected"] = s
    return render(request, "document.html", data)


@router.get("/api/documents/{document_id}", summary="An article with its facts and mentions")
def api_document(document_id: DocumentId, conn: Conn) -> dict[str, Any]:
    """The same data as the article view."""
    return document_data(conn, document_id)
