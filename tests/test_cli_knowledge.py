"""`coopwatch entities`, `entity NAME` (either language) and `projects` on a real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import web_corpus
from typer.testing import CliRunner

from coopwatch.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "kb.db"
    web_corpus.build(path)
    return path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_entities_lists_people_and_organizations(db: Path) -> None:
    code, output = run("entities", "--db", str(db), "--json")
    assert code == 0
    keys = {e["key"] for e in json.loads(output)}
    assert {"person:milyaev:dmitry", "org:maz", "region:RU-TUL"} <= keys


@pytest.mark.parametrize("kind", ["person", "organization", "region"])
def test_entities_by_kind(db: Path, kind: str) -> None:
    code, output = run("entities", "--kind", kind, "--db", str(db), "--json")
    assert code == 0 and {e["kind"] for e in json.loads(output)} == {kind}


def test_entities_refuses_an_unknown_kind(db: Path) -> None:
    code, output = run("entities", "--kind", "planet", "--db", str(db))
    assert code == 2 and "planet" in output


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Milyaev", "person:milyaev:dmitry"),
        ("Миляев", "person:milyaev:dmitry"),
        ("Дмитрий Миляев", "person:milyaev:dmitry"),
        ("MAZ", "org:maz"),
        ("МАЗ", "org:maz"),
    ],
    ids=["en-surname", "ru-surname", "ru-full-name", "en-org", "ru-org"],
)
def test_entity_in_either_language(db: Path, name: str, key: str) -> None:
    code, output = run("entity", name, "--db", str(db), "--json")
    assert code == 0, output
    data = json.loads(output)
    assert data["key"] == key and data["documents"]


def test_entity_person_shows_roles_in_both_languages(db: Path) -> None:
    data = json.loads(run("entity", "Milyaev", "--db", str(db), "--json")[1])
    assert {r["role"] for r in data["roles"]} == {
        "Governor of Tula Oblast",
        "Губернатор Тульской области",
    }
    code, output = run("entity", "Milyaev", "--db", str(db))
    assert code == 0 and "Governor of Tula Oblast" in output


@pytest.mark.parametrize(
    "name", ["RU-TUL", "Tula", "Тульская", "Тульской"], ids=["code", "en", "ru", "ru-inflected"]
)
def test_entity_region(db: Path, name: str) -> None:
    code, output = run("entity", name, "--db", str(db), "--json")
    assert code == 0
    data = json.loads(output)
    assert data["code"] == "RU-TUL" and data["documents"]["total"] == 3
    assert run("entity", name, "--db", str(db))[0] == 0


def test_entity_unknown_exits_1(db: Path) -> None:
    code, output = run("entity", "Nobody Atall", "--db", str(db))
    assert code == 1 and "Nobody Atall" in output


@pytest.mark.parametrize(("region", "count"), [("RU-TUL", 1), ("ru-tul", 1), ("RU-LIP", 0)])
def test_projects_by_region(db: Path, region: str, count: int) -> None:
    code, output = run("projects", "--region", region, "--db", str(db), "--json")
    assert code == 0 and len(json.loads(output)) == count
    assert run("projects", "--db", str(db))[0] == 0


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    code, output = run("entities", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no database" in output
