"""Persons by folded surname, organizations alias-folded: the scorer's name rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopwatch.evaluate import evaluate_document
from coopwatch.evaluate.names import load_aliases, organization_key, person_keys, surname


@pytest.mark.parametrize(
    ("one", "other"),
    [
        pytest.param("Dmitry Milyaev", "Dmitrii Miliaev", id="ya-ia"),
        pytest.param("Dmitry Milyaev", "Дмитрий Миляев", id="latin-cyrillic"),
        pytest.param("Veniamin Kondratiev", "Вениамин Кондратьев", id="soft-sign-iev"),
        pytest.param("Veniamin Kondratyev", "Veniamin Kondratiev", id="yev-iev"),
        pytest.param("Vitaly Khotsenko", "Vitaliy Hotsenko", id="kh-h"),
        pytest.param("Vitaly Khotsenko", "Vitali Khotzenko", id="ts-tz"),
        pytest.param("Valentina Matviyenko", "Валентина Матвиенко", id="iye-ie"),
        pytest.param("Boris Gryzlov", "Борис Грызлов", id="y-for-ы"),
        pytest.param("Aleksei Teksler", "Alexey Teksler", id="x-ks-first-name-free"),
        pytest.param("Artyom Zdunov", "Артём Здунов", id="yo-e"),
        pytest.param("Yuri Chebotar", "Iurii Chebotar", id="yu-iu"),
        pytest.param("Ilya Seredyuk", "Илья Середюк", id="yu-ю"),
        pytest.param("Radiy Khabirov", "Радий Хабиров", id="iy"),
        pytest.param("Sergei Maslyak", "S. Maslyak", id="initial"),
        pytest.param("Andrey Shchegolev", "Андрей Щеголев", id="shch"),
        pytest.param("Piotr Parkhomchik", "Пётр Пархомчик", id="first-name-differs"),
        pytest.param("Alyaksandr Lukashenka", "Aleksandr Lukashenko", id="belarusian-enka"),
    ],
)
def test_surnames_fold_across_spellings(one: str, other: str) -> None:
    assert surname(one) == surname(other) != ""


@pytest.mark.parametrize(
    ("one", "other"),
    [
        pytest.param("Dmitry Milyaev", "Dmitry Milov", id="other-surname"),
        pytest.param("Igor Artamonov", "Igor Artemov", id="close-but-other"),
        pytest.param("Roman Golovchenko", "Roman Golovin", id="same-first-name"),
    ],
)
def test_different_surnames_stay_apart(one: str, other: str) -> None:
    assert surname(one) != surname(other)


def test_a_person_matches_by_the_russian_name_too() -> None:
    gold = {"name": "Aleksandr Lukashenko", "ru": "Александр Лукашенко", "role": "President"}
    assert person_keys({"name": "Лукашенко"}) <= person_keys(gold)


def test_persons_scored_as_a_set_of_surnames() -> None:
    gold = {
        "doc": "a",
        "lang": "ru",
        "persons": [
            {"name": "Dmitry Milyaev", "ru": "Дмитрий Миляев"},
            {"name": "Aleksandr Lukashenko", "ru": "Александр Лукашенко"},
        ],
    }
    predicted = {
        "doc": "a",
        "lang": "ru",
        "persons": [
            {"name": "Дмитрий Миляев", "role": "губернатор"},
            {"name": "Lukashenko"},
            {"name": "Alexander Lukashenko"},
            {"name": "Viktor Karankevich"},
        ],
    }
    counts = evaluate_document(gold, predicted).counts["persons"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 0)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        pytest.param("Belshina", 'JSC "Belshina"', id="legal-form-quotes"),
        pytest.param("Belshina", "ОАО «Белшина»", id="russian-legal-form"),
        pytest.param("Gomselmash", "GOMSELMASH", id="case"),
        pytest.param("Amkodor", "Амкодор", id="transliteration"),
        pytest.param("Hi-Tech Park", "Hi Tech Park", id="hyphen"),
    ],
)
def test_organization_names_fold(one: str, other: str) -> None:
    assert organization_key(one, {}) == organization_key(other, {})


def test_organization_aliases_come_from_a_registry_file(tmp_path: Path) -> None:
    registry = tmp_path / "organizations.tsv"
    registry.write_text(
        "key\tname_en\tname_ru\taliases\tkind\tcountry\n"
        "maz\tMAZ\tМАЗ\tMinsk Automobile Plant|Минский автозавод\tplant\tBY\n"
        "mtz\tMTZ\tМТЗ\tMinsk Tractor Works\tplant\tBY\n",
        encoding="utf-8",
    )
    aliases = load_aliases(registry)
    keys = {
        organization_key(n, aliases)
        for n in ("MAZ", "МАЗ", "Minsk Automobile Plant", "Минский автозавод", "OJSC MAZ")
    }
    assert len(keys) == 1
    assert organization_key("MTZ", aliases) != organization_key("MAZ", aliases)
    assert organization_key("plant", aliases) == "plant"  # the kind column is not a name


def test_organizations_scored_alias_folded(tmp_path: Path) -> None:
    registry = tmp_path / "organizations.tsv"
    registry.write_text("key\tname_en\taliases\nmaz\tMAZ\tMinsk Automobile Plant\n", "utf-8")
    gold = {"doc": "a", "lang": "en", "organizations": ["MAZ", "Belshina"]}
    predicted = {
        "doc": "a",
        "lang": "en",
        "organizations": [
            "Minsk Automobile Plant",
            "МАЗ",
            "Белшина",
            "BelAZ",
        ],
    }
    counts = evaluate_document(gold, predicted, load_aliases(registry)).counts["organizations"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 0)


def test_the_shipped_registry_folds_maz() -> None:
    if organization_key("MAZ") == "maz":
        pytest.skip("data/organizations.tsv has no MAZ row yet")
    assert organization_key("Minsk Automobile Plant") == organization_key("МАЗ")


def test_a_missing_registry_is_no_aliases(tmp_path: Path) -> None:
    assert load_aliases(tmp_path / "absent.tsv") == {}
