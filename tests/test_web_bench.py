"""`coopwatch bench serve` machinery on a tiny synthetic corpus: the database it builds is a real
knowledge base, and the load run reports numbers without errors (speed itself is not tested)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from coopwatch.cli import app
from coopwatch.web.loadtest import build_database


def test_synthetic_database_spreads_over_regions(tmp_path: Path) -> None:
    path = tmp_path / "bench.db"
    build_database(path, 200)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 200
    regions = conn.execute(
        "SELECT count(DISTINCT partner) FROM facts WHERE kind = 'trade'"
    ).fetchone()[0]
    assert 15 <= regions <= 40
    kinds = {r[0] for r in conn.execute("SELECT DISTINCT kind FROM facts")}
    assert {"trade", "event", "sector", "partner"} <= kinds


def test_bench_serve_reports_latency_and_no_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "serve",
            "--docs",
            "60",
            "--requests",
            "40",
            "--clients",
            "4",
            "--cache",
            str(tmp_path),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["documents"] == 60
    for endpoint in report["endpoints"].values():
        assert endpoint["requests"] == 40 and endpoint["errors"] == 0
        assert 0 < endpoint["p50_ms"] <= endpoint["p95_ms"]
