"""The only place that speaks SQL: `open_store(url_or_path)` returns a `Store`.

SQLite today (`sqlite:///path/to.db` or a plain path); another engine can come later behind the
same `Store` methods (`add_document`, `replace_extraction`, `connection` for read queries)
without touching the pipeline.
"""

from __future__ import annotations

from pathlib import Path

from coopwatch.store.sqlite import AddOutcome, Store, open_read_connection


def store_path(url_or_path: str | Path) -> Path:
    """The database file a URL or path names.

    >>> store_path("sqlite:///var/coopwatch.db"), store_path("sqlite:////tmp/k.db")
    (PosixPath('var/coopwatch.db'), PosixPath('/tmp/k.db'))
    >>> store_path("kb.db")
    PosixPath('kb.db')
    """
    text = str(url_or_path)
    if text.startswith("sqlite:///"):
        return Path(text[len("sqlite:///"):])
    if "://" in text:
        scheme = text.split("://", 1)[0]
        raise ValueError(f"unsupported database URL scheme {scheme!r}: use sqlite:/// or a path")
    return Path(text)


def open_store(url_or_path: str | Path) -> Store:
    """Open (creating and migrating as needed) the knowledge base at a path or sqlite:/// URL."""
    return Store(store_path(url_or_path))


__all__ = ["AddOutcome", "Store", "open_read_connection", "open_store", "store_path"]
