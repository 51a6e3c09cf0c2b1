"""Results of heavy read queries (a dossier, the overview, a facts page) kept per database
state: the key includes the highest document, fact and mention ids, so any ingest or
re-extraction makes every cached result stale at once.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

T = TypeVar("T")


def data_version(conn: sqlite3.Connection) -> tuple[Any, ...]:
    """A cheap fingerprint of the database's contents (rowid maxima are O(1) lookups)."""
    row = conn.execute(
        "SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM facts),"
        " (SELECT max(id) FROM mentions), (SELECT max(id) FROM entities)"
    ).fetchone()
    return tuple(row)


class ResultCache:
    """A small thread-safe LRU of query results keyed by (database state, query)."""

    def __init__(self, size: int = 256, enabled: bool = True) -> None:
        self.size = size
        self.enabled = enabled  # off (COOPWATCH_RESULT_CACHE=0): every request runs its queries
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    async def aget(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], T]) -> T:
        """`get` for async endpoints: a hit is answered in the event loop, a miss is computed
        in the thread pool (the loop never waits on a heavy query)."""
        if not self.enabled:
            return await run_in_threadpool(compute)
        full = (data_version(conn), key)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]  # type: ignore[no-any-return]
        return await run_in_threadpool(self.get, conn, key, compute)

    def get(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached result for `key` at the current database state, computed when missing."""
        if not self.enabled:
            return compute()
        full = (data_version(conn), key)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
