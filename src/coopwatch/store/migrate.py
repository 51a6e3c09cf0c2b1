"""Bring a database to the latest schema: apply each migration after `PRAGMA user_version`."""

from __future__ import annotations

import sqlite3

from coopwatch.store.schema import MIGRATIONS


def schema_version(connection: sqlite3.Connection) -> int:
    """The number of migrations already applied to this database."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the pending migrations, each in its own transaction; returns the new version.

    >>> connection = sqlite3.connect(":memory:", isolation_level=None)
    >>> migrate(connection) == len(MIGRATIONS)
    True
    >>> migrate(connection) == len(MIGRATIONS)  # nothing left to do
    True
    """
    current = schema_version(connection)
    if current > len(MIGRATIONS):
        raise RuntimeError(
            f"database schema version {current} is newer than this coopwatch "
            f"({len(MIGRATIONS)}): upgrade coopwatch"
        )
    for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
        statements = [s for s in _split(script) if s.strip()]
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return schema_version(connection)


def _split(script: str) -> list[str]:
    """Split a migration script into complete statements (`executescript` would commit)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer)
            buffer = ""
    if buffer.strip():
        statements.append(buffer)
    return statements
