"""The corpus commands against real database files: ingest, docs, show, search, stats."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopwatch.cli import app
from coopwatch.model import Evidence, Extraction, TradeAtom
from coopwatch.store import open_store
from tests.conftest import build_document

runner = CliRunner()

EN = ("Belarus and Tula Oblast signed a roadmap in Minsk. "
      "Trade between them grew by 12% in 2023. Tula plants will supply metal.")
RU = ("Беларусь и Тульская область подписали дорожную карту. "
      "Товарооборот с Тульской областью вырос на 12% в 2023 году.")


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    """A database with one English and one Russian document, one trade fact each."""
    atom = TradeAtom(flow="turnover", reporter="BY", partner="RU-TUL", period="2023",
                     measure="growth_pct", value=12, evidence=Evidence(sentence=1, start=0, end=9))
    with open_store(db_path) as store:
        store.add_document(build_document(EN, "en-roadmap.txt", title="Roadmap signed",
                                          published=date(2024, 2, 1), source="BelTA"),
                           Extraction(doc="en-roadmap.txt", lang="en", trade=[atom]))
        store.add_document(build_document(RU, "ru-roadmap.txt", lang="ru",
                                          published=date(2024, 3, 5)),
                           Extraction(doc="ru-roadmap.txt", lang="ru", trade=[atom]))
    return db_path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_stats_counts_documents_facts_and_dates(filled_db: Path) -> None:
    code, out = run("stats", "--db", str(filled_db), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["documents_by_lang"] == {"en": 1, "ru": 1}
    assert (data["stories"], data["sentences"], data["facts_by_kind"]) == (2, 5, {"trade": 2})
    assert (data["published_from"], data["published_to"]) == ("2024-02-01", "2024-03-05")
    code, out = run("stats", "--db", str(filled_db))
    assert code == 0 and "stories" in out and "facts: trade" in out


@pytest.mark.parametrize(("options", "expected"), [
    pytest.param([], ["ru-roadmap.txt", "en-roadmap.txt"], id="all-newest-first"),
    pytest.param(["--lang", "ru"], ["ru-roadmap.txt"], id="lang"),
    pytest.param(["--since", "2024-03-01"], ["ru-roadmap.txt"], id="since"),
    pytest.param(["--until", "2024-02-28"], ["en-roadmap.txt"], id="until"),
    pytest.param(["--source", "belta"], ["en-roadmap.txt"], id="source"),
    pytest.param(["--limit", "1"], ["ru-roadmap.txt"], id="limit"),
])
def test_docs_filters(filled_db: Path, options: list[str], expected: list[str]) -> None:
    code, out = run("docs", "--db", str(filled_db), "--json", *options)
    assert code == 0
    assert [d["name"] for d in json.loads(out)] == expected


@pytest.mark.parametrize("ref", ["en-roadmap.txt", "1"], ids=["by-name", "by-id"])
def test_show_prints_numbered_sentences_and_facts(filled_db: Path, ref: str) -> None:
    code, out = run("show", ref, "--db", str(filled_db))
    assert code == 0
    assert "Roadmap signed" in out and "  1 Trade between them grew by 12% in 2023." in out
    assert "turnover" in out and "(sentence 1)" in out


def test_show_names_a_missing_document(filled_db: Path) -> None:
    code, out = run("show", "nope.txt", "--db", str(filled_db))
    assert code == 1 and "nope.txt" in out


@pytest.mark.parametrize(("query", "expected"), [
    pytest.param("Тульской", ["ru-roadmap.txt"], id="ru-inflected-form"),
    pytest.param("тульская область", ["ru-roadmap.txt"], id="ru-nominative-phrase"),
    pytest.param("roadmap", ["en-roadmap.txt"], id="en-word-and-title"),
    pytest.param("cotton", [], id="no-match"),
])
def test_search_finds_russian_words_in_any_form(
    filled_db: Path, query: str, expected: list[str]
) -> None:
    code, out = run("search", query, "--db", str(filled_db), "--json")
    hits = json.loads(out)
    assert code == 0 and [h["name"] for h in hits] == expected
    for hit in hits:
        start, end = hit["marks"][0]
        assert hit["snippet"][start:end].lower().startswith(query.split()[0][:4].lower())


def test_reading_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    code, out = run("stats", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no database" in out
    assert not (tmp_path / "none.db").exists()


def test_ingest_summarises_and_exits_1_when_an_input_failed(db_path: Path, tmp_path: Path) -> None:
    pytest.importorskip("coopwatch.ingest", reason="coopwatch.ingest not written yet")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "ru.txt").write_text(RU, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    code, out = run("ingest", str(folder), "--db", str(db_path), "--json")
    report = json.loads(out)
    assert code == 1
    assert report["ingested"] == 2
    assert [f["origin"] for f in report["failed"]] == [str(folder / "empty.txt")]
    code, out = run("ingest", str(folder / "en.txt"), "--db", str(db_path))
    assert code == 0 and "duplicates" in out
    assert json.loads(run("stats", "--db", str(db_path), "--json")[1])["documents"] == 2


def test_reextract_fills_facts_of_documents_stored_without_them(
    db_path: Path, tmp_path: Path
) -> None:
    pytest.importorskip("coopwatch.ingest", reason="coopwatch.ingest not written yet")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    code, _ = run("ingest", str(tmp_path / "en.txt"), "--db", str(db_path), "--no-extract")
    assert code == 0
    code, out = run("reextract", "--db", str(db_path))
    assert code == 0 and "re-extracted 1 document(s)" in out
    code, out = run("reextract", "missing.txt", "--db", str(db_path))
    assert code == 1 and "missing.txt" in out
