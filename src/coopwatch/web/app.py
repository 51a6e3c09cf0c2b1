"""The web app: `create_app(settings or db path)` wires routers, templates, static files, the
size cap and the error handlers; `uvicorn` serves it (`coopwatch serve`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from coopwatch import __version__
from coopwatch.settings import Settings, get_settings
from coopwatch.store import store_path
from coopwatch.web.cache import ResultCache
from coopwatch.web.deps import Database
from coopwatch.web.errors import install_error_handlers
from coopwatch.web.limits import BodySizeLimit, SecurityHeaders
from coopwatch.web.routers import (
    assets,
    conflicts,
    documents,
    entities,
    facts,
    ingest,
    overview,
    regions,
    search,
)

ROUTERS = [overview, regions, facts, documents, entities, conflicts, search, ingest, assets]


def create_app(settings: Settings | None = None, db: str | Path | None = None) -> FastAPI:
    """The application over one database (`db`, else `settings.db`)."""
    settings = settings or get_settings()
    database = Database(store_path(db if db is not None else settings.db))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        title="coopwatch",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,  # their UIs load from a CDN; /openapi.json is served
        description="Belarus–Russian regions cooperation: trade figures, people, organizations,"
        " agreements and projects read from the news, each with its sentence.",
    )
    app.state.settings = settings
    app.state.database = database
    app.state.cache = ResultCache(enabled=settings.result_cache)
    for module in ROUTERS:
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    install_error_handlers(app)
    app.add_middleware(SecurityHeaders)

    return app
