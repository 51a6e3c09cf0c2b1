"""Shared dependencies: the database (read connections per thread, one writer), settings, the
page language; routers get them with `Depends`, tests swap them with `dependency_overrides`.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from coopwatch.settings import Settings
from coopwatch.store import Store, open_read_connection, open_store
from coopwatch.web.cache import ResultCache


class Database:
    """One SQLite file: a pool of read-only connections (one per request at a time), and one
    lazily opened writer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        open_store(path).close()  # create and migrate before serving
        self._pool: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        self._writer: Store | None = None
        self.write_lock = threading.Lock()

    def reader(self) -> sqlite3.Connection:
        """A read-only connection from the pool (a new one when all are busy)."""
        try:
            return self._pool.get_nowait()
        except queue.Empty:
            pass
        return open_read_connection(self.path)

    def release(self, conn: sqlite3.Connection) -> None:
        """Give a read connection back to the pool."""
        if conn.in_transaction:
            conn.rollback()
        self._pool.put(conn)

    def writer(self) -> Store:
        """The one Store that writes (POST /api/ingest); callers hold `write_lock`."""
        if self._writer is None:
            self._writer = open_store(self.path)
        return self._writer

    def close(self) -> None:
        """Close the writer and the pooled readers."""
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                break
        if self._writer is not None:
            self._writer.close()
            self._writer = None


async def get_database(request: Request) -> Database:
    """The app's database."""
    database: Database = request.app.state.database
    return database


async def get_settings(request: Request) -> Settings:
    """The app's settings (given to `create_app`)."""
    settings: Settings = request.app.state.settings
    return settings


async def get_connection(
    database: Annotated[Database, Depends(get_database)],
) -> AsyncIterator[sqlite3.Connection]:
    """A read connection held by this request alone, returned to the pool after it."""
    conn = database.reader()
    try:
        yield conn
    finally:
        database.release(conn)


async def get_cache(request: Request) -> ResultCache:
    """The app's cache of heavy query results."""
    cache: ResultCache = request.app.state.cache
    return cache


Conn = Annotated[sqlite3.Connection, Depends(get_connection)]
Cache = Annotated[ResultCache, Depends(get_cache)]
UiLang = Annotated[Literal["en", "ru"], Query(description="Language of the page: en or ru")]
