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

from coopwatch.store.analytics import data_version

T = TypeVar("T")


class _Lru:
    """A bounded, thread-safe map that forgets the least recently used entry first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def lookup(self, key: Hashable) -> tuple[bool, Any]:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return True, self._items[key]
        return False, None

    def store(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


class ResultCache:
    """Query results keyed by (database state, query), in two LRUs of their own sizes: rendered
    bodies (`aget`: pages, API answers) and the data dicts several renderings share (`get`: a
    dossier behind its page in two languages, its JSON and its API answer), so a dossier never
    takes more than one body entry."""

    def __init__(self, size: int = 256, data_size: int = 64, enabled: bool = True) -> None:
        self.enabled = enabled  # off (COOPWATCH_RESULT_CACHE=0): every request runs its queries
        self._bodies = _Lru(size)
        self._data = _Lru(data_size)

    async def aget(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], T]) -> T:
        """A rendered body: a hit is answered in the event loop, a miss is computed in the
        thread pool (the loop never waits on a heavy query)."""
        if not self.enabled:
            return await run_in_threadpool(compute)
        full = (data_version(conn), key)
        found, value = self._bodies.lookup(full)
        if found:
            return value  # type: ignore[no-any-return]
        return await run_in_threadpool(self._fill, self._bodies, full, compute)

    def get(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], T]) -> T:
        """The shared data for `key` at the current database state, computed when missing."""
        if not self.enabled:
            return compute()
        return self._fill(self._data, (data_version(conn), key), compute)

    @staticmethod
    def _fill(lru: _Lru, full: Hashable, compute: Callable[[], T]) -> T:
        found, value = lru.lookup(full)
        if found:
            return value  # type: ignore[no-any-return]
        value = compute()
        lru.store(full, value)
        return value
