"""Projects have one identity across articles and languages (what, who, where), and the store
shows each project's status history in publication order, every step with its sentence."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from entity_docs import make_doc
from typer.testing import CliRunner

from coopwatch.cli import app
from coopwatch.model import Evidence, Extraction, ProjectMention
from coopwatch.pipeline import extract_facts
from coopwatch.store import Store, open_store
from coopwatch.store.analytics_docs import entity_profile, find_entity_ids
from coopwatch.store.analytics_dossier import region_dossier
from coopwatch.store.analytics_projects import all_projects
from tests.conftest import build_document

TULA_ASSEMBLY = "project:assembly:maz:RU-TUL"


def keys(text: str, lang: str) -> list[str | None]:
    """The project keys the whole pipeline gives one short text."""
    return [p.key for p in extract_facts(make_doc(text, lang)).projects]


@pytest.mark.parametrize(("en", "ru", "key"), [
    ("MAZ will build a bus assembly plant in Tula Oblast.",
     "МАЗ планирует открыть сборочный завод автобусов в Тульской области.", TULA_ASSEMBLY),
    ("Gomselmash delivered 40 combines to Krasnodar Krai.",
     "В Краснодарский край поставлены 40 комбайнов «Гомсельмаш».",
     "project:delivery:gomselmash:RU-KDA"),
    ("MAZ and KAMAZ discussed joint production of trucks in Tatarstan.",
     "МАЗ и КАМАЗ обсудили совместное производство грузовиков в Татарстане.",
     "project:joint_production:maz:RU-TA"),
    ("Governor of Tula Oblast Dmitry Milyaev visited Minsk. MAZ will supply 40 buses to it.",
     "Губернатор Тульской области Дмитрий Миляев посетил Минск. МАЗ поставит региону 40 "
     "автобусов по контракту.", "project:delivery:maz:RU-TUL"),
], ids=["assembly", "delivery", "joint-production-belarusian-org-first", "region-of-the-piece"])
def test_same_project_same_key_in_both_languages(en: str, ru: str, key: str) -> None:
    assert keys(en, "en") == [key]
    assert keys(ru, "ru") == [key]


@pytest.mark.parametrize(("text", "lang"), [
    ("The sides discussed a new project.", "en"),
    ("Стороны обсудили новый проект.", "ru"),
], ids=["en", "ru"])
def test_project_without_org_or_sector_has_no_key(text: str, lang: str) -> None:
    assert keys(text, lang) == [None]


def test_assembly_and_delivery_of_one_org_are_two_projects() -> None:
    text = ("MAZ will build a bus assembly plant in Tula Oblast. "
            "MAZ also plans to supply road sweepers to Tula Oblast.")
    assert keys(text, "en") == [TULA_ASSEMBLY, "project:delivery:maz:RU-TUL"]


# Four articles about one project, added out of order; the last one steps back (as reported).
ARTICLES = [
    ("en-3.txt", "en", date(2025, 9, 1), "MAZ is considering a bus assembly plant in Tula Oblast "
     "again after a change of partner."),
    ("en-1.txt", "en", date(2025, 1, 10), "MAZ plans to open a bus assembly plant in Tula Oblast."),
    ("ru-2.txt", "ru", date(2025, 6, 5), "МАЗ и правительство региона договорились о сборке "
     "автобусов МАЗ в Тульской области."),
    ("ru-other.txt", "ru", date(2025, 7, 1), "В Липецкую область поставлены 20 тракторов МТЗ."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("projects") / "kb.db"
    db = open_store(path)
    for name, lang, published, text in ARTICLES:
        doc = build_document(text, name=name, lang=lang, published=published)
        doc.sentences = make_doc(text, lang).sentences
        assert db.add_document(doc, extract_facts(doc)).status == "added"
    legacy = build_document("Forty buses.", name="legacy.txt", published=date(2024, 1, 1))
    old = Extraction(doc="legacy.txt", lang="en", projects=[ProjectMention(
        description="Forty buses.", regions=["RU-TUL"], status="agreed",
        evidence=Evidence(sentence=0, start=0, end=5))])
    db.add_document(legacy, old)
    return db


def tula_assembly(projects: list[dict[str, object]]) -> dict[str, object]:
    return next(p for p in projects if p["key"] == TULA_ASSEMBLY)


def test_history_grows_across_articles_in_publication_order(store: Store) -> None:
    project = tula_assembly(all_projects(store.connection, "RU-TUL"))
    history = project["history"]
    assert isinstance(history, list)
    assert [(s["published"], s["status"], s["lang"]) for s in history] == [
        ("2025-01-10", "proposed", "en"),
        ("2025-06-05", "agreed", "ru"),
        ("2025-09-01", "under_discussion", "en"),
    ]
    assert all(s["link"].startswith("/documents/") and s["sentence_text"] for s in history)
    assert "договорились" in history[1]["sentence_text"]
    assert project["title"] == "MAZ: assembly, Tula Oblast" and project["documents"] == 3


def test_a_step_back_is_shown_as_reported_and_marked(store: Store) -> None:
    project = tula_assembly(all_projects(store.connection))
    history = project["history"]
    assert isinstance(history, list)
    assert [s["earlier_stage"] for s in history] == [False, False, True]
    assert project["status"] == "under_discussion" and project["furthest"] == "agreed"


def test_region_dossier_and_entity_page_group_by_project(store: Store) -> None:
    conn = store.connection
    dossier = region_dossier(conn, "RU-TUL")["projects"]
    assert len(tula_assembly(dossier)["history"]) == 3  # type: ignore[arg-type]
    assert any(p["key"] == "text:forty buses." for p in dossier)  # stored without a key: alone
    maz = next(i for i in find_entity_ids(conn, "MAZ")
               if (entity_profile(conn, i) or {}).get("key") == "org:maz")
    projects = (entity_profile(conn, maz) or {})["projects"]
    assert len(tula_assembly(projects)["history"]) == 3
    assert all(p["key"] != "project:delivery:mtz:RU-LIP" for p in projects)
    lipetsk = all_projects(conn, "RU-LIP")
    assert [p["key"] for p in lipetsk] == ["project:delivery:mtz:RU-LIP"]


def test_cli_projects_prints_the_history(store: Store, tmp_path: Path) -> None:
    path = store.connection.execute("PRAGMA database_list").fetchone()[2]
    runner = CliRunner()
    result = runner.invoke(app, ["projects", "--region", "RU-TUL", "--db", path, "--json"])
    assert result.exit_code == 0, result.output
    assert len(tula_assembly(json.loads(result.output))["history"]) == 3
    table = runner.invoke(app, ["projects", "--region", "RU-TUL", "--db", path])
    assert table.exit_code == 0 and "proposed" in table.output and "(!)" in table.output
