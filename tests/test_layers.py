"""Import direction (STYLE.md) and the web's result cache: the CLI's table commands never need
the web package, and a cached dossier's data has its own LRU beside the rendered bodies."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

from coopwatch.store import open_read_connection, open_store
from coopwatch.store.analytics import data_version
from coopwatch.web.cache import ResultCache

SRC = Path(__file__).parents[1] / "src" / "coopwatch"
SERVES_WEB = {"serving.py"}  # `serve` and `bench serve` start the web app itself


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_cli_and_store_do_not_import_web() -> None:
    files = [p for p in (SRC / "cli").glob("*.py") if p.name not in SERVES_WEB]
    files += [*(SRC / "store").glob("*.py"), SRC / "labels.py"]
    for path in files:
        web = {m for m in imported_modules(path) if m.startswith("coopwatch.web")}
        assert not web, f"{path.name} imports {web}"


def test_web_runs_no_sql_of_its_own_outside_the_load_test() -> None:
    for path in (SRC / "web").rglob("*.py"):
        if path.name == "loadtest.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "sqlite3.connect" not in text and ".execute(" not in text, path.name


def test_read_connection_is_read_only_and_waits(tmp_path: Path) -> None:
    open_store(tmp_path / "kb.db").close()
    conn = open_read_connection(tmp_path / "kb.db")
    try:
        assert isinstance(conn.execute("SELECT 1 AS one").fetchone(), sqlite3.Row)
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert data_version(conn) == (None, None, None, None)
        try:
            conn.execute("CREATE TABLE t (x)")
        except sqlite3.OperationalError:
            pass
        else:
            raise AssertionError("a read connection wrote")
    finally:
        conn.close()


def test_data_and_bodies_have_their_own_sizes(tmp_path: Path) -> None:
    open_store(tmp_path / "kb.db").close()
    conn = open_read_connection(tmp_path / "kb.db")
    cache = ResultCache(size=2, data_size=1)
    calls: list[str] = []

    def dossier(code: str) -> dict[str, str]:
        calls.append(code)
        return {"code": code}

    try:
        assert cache.get(conn, ("dossier", "RU-TUL"), lambda: dossier("RU-TUL"))["code"] == "RU-TUL"
        assert cache.get(conn, ("dossier", "RU-TUL"), lambda: dossier("RU-TUL"))["code"] == "RU-TUL"
        assert calls == ["RU-TUL"]
        for n in range(3):  # bodies filling their LRU leave the data LRU alone
            cache._fill(cache._bodies, n, lambda: b"page")
        assert len(cache._bodies) == 2 and len(cache._data) == 1
        cache.get(conn, ("dossier", "RU-KLU"), lambda: dossier("RU-KLU"))
        assert len(cache._data) == 1
    finally:
        conn.close()
