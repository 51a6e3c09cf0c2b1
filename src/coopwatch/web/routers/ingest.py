"""`POST /api/ingest`: text, HTML or a URL in, the stored document's facts out (bearer token)."""

from __future__ import annotations

import hmac
import ipaddress
import socket
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from coopwatch import jobs
from coopwatch.ingest import read_inputs
from coopwatch.ingest.documents import html_document, text_document
from coopwatch.model import IngestError, RawDocument
from coopwatch.settings import Settings
from coopwatch.store.analytics_docs import document_view
from coopwatch.web.deps import Database, get_database, get_settings

router = APIRouter(tags=["ingest"])
bearer = HTTPBearer(auto_error=False)


class IngestRequest(BaseModel):
    """One article: exactly one of `text`, `html` or `url`, with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, min_length=1)
    html: str | None = Field(None, min_length=1)
    url: HttpUrl | None = None
    title: str | None = Field(None, max_length=1000)
    published: date | None = None
    source: str | None = Field(None, max_length=200)
    name: str | None = Field(None, max_length=200)

    @model_validator(mode="after")
    def one_input(self) -> IngestRequest:
        """Refuse a request with none or several of text, html, url."""
        given = [k for k in ("text", "html", "url") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


def require_token(
    settings: Annotated[Settings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Writing needs the configured bearer token; with none configured, writing is off."""
    if not settings.api_token:
        raise HTTPException(403, "ingest is disabled: set COOPWATCH_API_TOKEN to enable it")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), settings.api_token.encode()):
        raise HTTPException(
            401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
        )


def is_public_host(host: str) -> bool:
    """Whether every address a host name resolves to is a public one: the API is no way into
    the server's own network (loopback, private ranges, link-local, metadata services)."""
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return True  # unresolvable: the fetch itself fails with a clear error
    return all(ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses)


def raw_document(body: IngestRequest, settings: Settings) -> RawDocument:
    """The request as the pipeline's input; 422 naming the reason when it cannot be read."""
    if body.url is not None:
        if not settings.api_fetch_private_hosts and not is_public_host(body.url.host or ""):
            raise HTTPException(422, f"{body.url}: refusing to fetch a non-public address")
        found = next(iter(read_inputs([str(body.url)], settings)), None)
        result: RawDocument | IngestError | None = found
    elif body.html is not None:
        result = html_document(
            "api:html",
            body.html,
            title=body.title,
            published=body.published,
            source=body.source,
            name=body.name or "api-document",
        )
    else:
        result = text_document(
            "api:text",
            body.text or "",
            title=body.title,
            published=body.published,
            source=body.source,
            name=body.name or "api-document",
        )
    if not isinstance(result, RawDocument):
        reason = result.reason if result is not None else "nothing found"
        raise HTTPException(422, f"cannot read the input: {reason}")
    return result


@router.post(
    "/api/ingest",
    summary="Ingest one article and return its facts",
    dependencies=[Depends(require_token)],
)
def api_ingest(
    body: IngestRequest,
    database: Annotated[Database, Depends(get_database)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> dict[str, Any]:
    """Clean, extract and store the article (one transaction); answer with what was stored."""
    raw = raw_document(body, settings)
    with database.write_lock:
        try:
            outcome = jobs.ingest_raw(raw, database.writer())
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        doc = document_view(database.writer().connection, outcome.document_id) or {}
    return {"outcome": outcome.to_dict(), "document": doc}
