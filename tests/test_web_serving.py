"""The uncached serving path on a real synthetic knowledge base: the article date copied to
facts, the region fast path of the fact explorer (same answers as the general query), the
dossier's paged sections, points with their newest sources, and the result cache switch."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from coopwatch.cli import app
from coopwatch.settings import Settings
from coopwatch.store.analytics_dossier import ARTICLES_PAGE, TIMELINE_LIMIT
from coopwatch.store.analytics_facts import FactFilter, query_facts
from coopwatch.store.analytics_trade import MAX_SOURCES
from coopwatch.web import create_app
from coopwatch.web.loadtest import build_database


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serving") / "bench.db"
    build_database(path, 240)
    return path


@pytest.fixture(scope="module")
def conn(db: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def busiest(conn: sqlite3.Connection) -> str:
    return str(
        conn.execute(
            "SELECT partner FROM facts WHERE kind = 'trade' GROUP BY partner"
            " ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    )


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=db, result_cache=False))) as test_client:
        yield test_client


def test_facts_carry_their_article_date(conn: sqlite3.Connection) -> None:
    wrong = conn.execute(
        "SELECT count(*) FROM facts f JOIN documents d ON d.id = f.document_id"
        " WHERE f.published IS NOT d.published"
    ).fetchone()[0]
    assert wrong == 0
    assert conn.execute("SELECT count(*) FROM facts WHERE published IS NULL").fetchone()[0] == 0


@pytest.mark.parametrize(
    "filters",
    [
        {"flow": "export", "measure": "value", "sort": "-published"},
        {"sort": "value", "size": 7, "page": 3},
        {"measure": "growth_pct", "sort": "-value", "size": 5},
        {"currency": "USD", "published_from": "2022-01-01", "sort": "period"},
        {"year": 2021, "sort": "-id"},
        {"kind": None, "sort": "region", "size": 20},
    ],
    ids=["exports-newest", "by-value-page3", "growth", "usd-since-2022", "year", "any-kind"],
)
def test_region_fast_path_answers_like_the_general_query(
    conn: sqlite3.Connection, busiest: str, filters: dict[str, Any]
) -> None:
    fast = query_facts(conn, FactFilter(region=busiest, **filters))
    general = query_facts(conn, FactFilter(region=busiest, language="en", **filters))
    assert fast["total"] == general["total"] > 0 or filters.get("year")
    assert [f["id"] for f in fast["facts"]] == [f["id"] for f in general["facts"]]


def test_dossier_pages_its_articles(client: TestClient, busiest: str) -> None:
    first = client.get(f"/api/regions/{busiest}").json()["documents"]
    second = client.get(f"/api/regions/{busiest}?page=2").json()["documents"]
    assert first["total"] == second["total"] > ARTICLES_PAGE
    assert len(first["items"]) == ARTICLES_PAGE and second["page"] == 2
    assert not {d["id"] for d in first["items"]} & {d["id"] for d in second["items"]}
    dates = [d["published"] for d in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True)
    page = client.get(f"/regions/{busiest}").text
    assert f'href="/regions/{busiest}?page=2#articles"' in page


def test_dossier_timeline_is_capped_with_a_link_to_older_events(
    client: TestClient, busiest: str
) -> None:
    data = client.get(f"/api/regions/{busiest}").json()
    assert len(data["timeline"]) == TIMELINE_LIMIT and data["timeline_page"]["more"]
    older = client.get(f"/api/regions/{busiest}?events=2").json()["timeline"]
    days = [e["day"] for e in data["timeline"] + older]
    assert days == sorted(days, reverse=True)
    assert f'href="/regions/{busiest}?events=2#timeline"' in client.get(f"/regions/{busiest}").text


def test_points_count_stories_and_list_their_newest_sources(
    client: TestClient, conn: sqlite3.Connection, busiest: str
) -> None:
    points = client.get(f"/api/regions/{busiest}").json()["points"]
    for point in points:
        stories = conn.execute(
            "SELECT count(DISTINCT story_id) FROM facts WHERE kind = 'trade' AND partner = ?"
            " AND flow = ? AND period = ? AND measure = ? AND currency IS ?",
            (busiest, point["flow"], point["period"], point["measure"], point["currency"]),
        ).fetchone()[0]
        assert point["stories"] == stories
        dates = [s["published"] for s in point["sources"]]
        assert len(dates) == min(MAX_SOURCES, point["source_count"])
        assert dates == sorted(dates, reverse=True)
    crowded = next(p for p in points if p["source_count"] > MAX_SOURCES)
    listed = client.get("/api" + crowded["all_sources"]).json()
    assert listed["total"] >= crowded["source_count"]


def test_result_cache_can_be_switched_off(
    monkeypatch: pytest.MonkeyPatch, client: TestClient, busiest: str
) -> None:
    monkeypatch.setenv("COOPWATCH_RESULT_CACHE", "0")
    assert Settings().result_cache is False
    assert client.app.state.cache.enabled is False  # type: ignore[attr-defined]
    assert client.get(f"/regions/{busiest}").status_code == 200


def test_bench_serve_without_the_result_cache(tmp_path: Path) -> None:
    args = ["bench", "serve", "--docs", "40", "--requests", "20", "--clients", "2"]
    result = CliRunner().invoke(app, [*args, "--cache", str(tmp_path), "--no-cache", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["result_cache"] is False
    for endpoint in report["endpoints"].values():
        assert endpoint["errors"] == 0 and endpoint["server_cpu_ms_per_request"] >= 0
