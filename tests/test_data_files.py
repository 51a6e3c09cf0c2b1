"""The shared reader of the package's data files: one parse for pipeline, store and web."""

from __future__ import annotations

import ast
import inspect

import pytest

from coopwatch import data_files
from coopwatch.data_files import data_records, data_rows, parse_region_rows, region_names


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("RU-TUL\tregion\ten\tTula Oblast|Tula region\n",
                 [("RU-TUL", "region", "en", ("Tula Oblast", "Tula region"), ())], id="en-names"),
    pytest.param("# comment\n\nRU-TUL\tadj\tru\tтульский\n",
                 [("RU-TUL", "adj", "ru", ("тульский",), ())], id="ru-comment-blank"),
    pytest.param("RU-BA\talias\tru\tРБ\tnamelike else:BY\n",
                 [("RU-BA", "alias", "ru", ("РБ",), ("namelike", "else:BY"))], id="flags"),
    pytest.param("BY\tcountry\tbe\t Беларусь | РБ \n",
                 [("BY", "country", "be", ("Беларусь", "РБ"), ())], id="names-stripped"),
])
def test_region_rows_parse(text: str, expected: list[tuple[object, ...]]) -> None:
    rows = parse_region_rows(text)
    assert [(r.code, r.kind, r.lang, r.names, r.flags) for r in rows] == expected


@pytest.mark.parametrize(("text", "line"), [
    pytest.param("RU-TUL\tregion\ten\n", 1, id="too-few-cells"),
    pytest.param("# head\nRU-TUL\tprovince\ten\tTula\n", 2, id="unknown-kind"),
])
def test_bad_region_row_names_its_line(text: str, line: int) -> None:
    with pytest.raises(ValueError, match=f"regions.tsv line {line}:"):
        parse_region_rows(text)


@pytest.mark.parametrize(("code", "lang", "kinds", "name"), [
    pytest.param("RU-TUL", "en", ("region", "republic"), "Tula Oblast", id="en-region"),
    pytest.param("RU-TUL", "ru", ("region", "republic"), "Тульская область", id="ru-region"),
    pytest.param("RU-TA", "en", ("region", "republic"), "Tatarstan", id="en-republic"),
    pytest.param("BY-HM", "en", ("region", "republic", "capital"), "Minsk", id="capital-fallback"),
    pytest.param("BY", "ru", ("country", "capital"), "Беларусь", id="ru-country"),
])
def test_region_names_take_the_best_kind(code: str, lang: str, kinds: tuple[str, ...],
                                         name: str) -> None:
    assert region_names(lang, kinds)[code] == name


def test_capitals_and_countries_only_when_asked() -> None:
    regions = region_names("en", ("region", "republic"))
    assert "BY-HM" not in regions and "RU" not in regions


def test_records_skip_comments_and_key_by_header() -> None:
    records = data_records("ministry_subjects.tsv")
    assert records and set(records[0]) >= {"ru", "en"}
    assert not any(row[0].startswith("#") for row in data_rows("ministry_subjects.tsv"))


def test_records_are_fresh_copies() -> None:
    data_records("ministry_subjects.tsv")[0]["en"] = "changed"
    assert data_records("ministry_subjects.tsv")[0]["en"] != "changed"


def test_reader_imports_no_coopwatch_module() -> None:
    tree = ast.parse(inspect.getsource(data_files))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in imported if m.startswith("coopwatch")]
