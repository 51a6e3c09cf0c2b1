"""One identity across languages on OUR sample corpus: a person and a company named in English
and in Russian articles are one entity each, and a project told in an English article and
continued in a Russian one is one project whose status history grows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from coopwatch import jobs
from coopwatch.settings import SAMPLES_DIR
from coopwatch.store import open_store
from coopwatch.store.analytics_projects import all_projects


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """The bundled samples ingested into a real SQLite file, once per test session."""
    store = open_store(tmp_path_factory.mktemp("samples") / "samples.db")
    report = jobs.ingest([str(SAMPLES_DIR)], store, progress=False)
    assert report.failed == [] and report.ingested >= 30
    yield store.connection
    store.close()


@pytest.mark.parametrize(("key", "name_en", "name_ru"), [
    ("org:maz", "MAZ", "МАЗ"),
    ("org:gomselmash", "Gomselmash", "Гомсельмаш"),
    ("person:karankevich:v", "Viktor Karankevich", "Виктор Каранкевич"),
    ("person:kuivashev:e", "Yevgeny Kuyvashev", "Евгений Куйвашев"),
], ids=["maz", "gomselmash", "karankevich", "kuyvashev"])
def test_one_entity_across_languages(
    samples_db: sqlite3.Connection, key: str, name_en: str, name_ru: str
) -> None:
    rows = samples_db.execute(
        "SELECT id, name_en, name_ru FROM entities WHERE key = ? OR name_en = ? OR name_ru = ?",
        (key, name_en, name_ru),
    ).fetchall()
    assert [(r["name_en"], r["name_ru"]) for r in rows] == [(name_en, name_ru)]
    langs = {r[0] for r in samples_db.execute(
        "SELECT DISTINCT d.lang FROM mentions m JOIN documents d ON d.id = m.document_id"
        " WHERE m.entity_id = ?", (rows[0]["id"],))}
    assert langs == {"en", "ru"}


def test_a_project_told_in_two_languages_is_one_project(samples_db: sqlite3.Connection) -> None:
    projects = all_projects(samples_db, "RU-VLG")
    project = next(p for p in projects if p["key"] == "project:assembly:maz:RU-VLG")
    steps = [(s["published"], s["lang"], s["status"]) for s in project["history"] if s["status"]]
    assert steps == [("2025-09-16", "en", "agreed"), ("2026-04-14", "ru", "delivered")]
    assert project["documents"] == 2 and project["status"] == "delivered"
    assert all(s["link"].startswith("/documents/") for s in project["history"])


def test_syndicated_copies_do_not_add_steps(samples_db: sqlite3.Connection) -> None:
    projects = all_projects(samples_db)
    assert any(s["copies"] for p in projects for s in p["history"])  # the Yugra-Gomel copies
    for project in projects:
        said = [(s["story_id"], s["status"], " ".join(str(s["sentence_text"]).split()))
                for s in project["history"]]
        assert len(said) == len(set(said)), project["key"]
