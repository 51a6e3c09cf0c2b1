"""People named with a role, in both languages, one identity across spellings."""

from __future__ import annotations

import pytest
from entity_docs import make_doc

from coopwatch.model import Extraction
from coopwatch.pipeline.entities import tag_people
from coopwatch.pipeline.translit import fold, person_key, to_latin


def _people(text: str, lang: str) -> Extraction:
    doc = make_doc(text, lang)
    found = Extraction(doc="t", lang=lang)  # type: ignore[arg-type]
    tag_people(doc, found)
    return found


@pytest.mark.parametrize(("text", "lang", "surname", "role_word"), [
    ("The talks were held by Governor of Penza Oblast Oleg Melnichenko and guests.", "en",
     "Melnichenko", "Governor"),
    ("Belarus' Industry Minister Aleksandr Yefimov opened the fair.", "en", "Yefimov", "Minister"),
    ("He met with Ambassador Extraordinary and Plenipotentiary of Belarus to Russia "
     "Aleksandr Rogozhnik.", "en", "Rogozhnik", "Ambassador"),
    ("Yegor Kovalchuk, Minister of Industry of Kursk region, spoke first.", "en",
     "Kovalchuk", "Minister"),
    ("Губернатор Пензенской области Олег Мельниченко открыл форум.", "ru", "Мельниченко",
     "Governor"),
    ("Делегацию встретил председатель Витебского облисполкома Александр Субботин.", "ru",
     "Субботин", "Chairman"),
    ("Министр встретился с заместителем премьер-министра Беларуси Виктором Каранкевичем.", "ru",
     "Каранкевич", "Deputy Prime Minister"),
], ids=["en-governor-of", "en-nationality-minister", "en-ambassador-long",
        "en-role-after-comma", "ru-governor", "ru-chairman-genitive", "ru-deputy-instrumental"])
def test_person_with_role(text: str, lang: str, surname: str, role_word: str) -> None:
    found = _people(text, lang)
    assert [fold(p.name.split()[-1]) for p in found.persons] == [fold(surname)]
    assert role_word in (found.persons[0].role or "")


@pytest.mark.parametrize(("text", "lang", "nominative"), [
    ("Гости встретились с послом России Борисом Грызловым.", "ru", "Борис Грызлов"),
    ("Переговоры провел губернатор Тульской области Дмитрий Миляев.", "ru", "Дмитрий Миляев"),
    ("Документ подписал министр экономики Беларуси Юрием Чеботарем.", "ru", "Юрий Чеботарь"),
], ids=["ru-instrumental-to-nominative", "ru-nominative-kept", "ru-registry-spelling"])
def test_russian_names_in_nominative(text: str, lang: str, nominative: str) -> None:
    assert [p.ru for p in _people(text, lang).persons] == [nominative]


@pytest.mark.parametrize(("text", "lang"), [
    ("By Ivan Petrov: a delegation visited the plant.", "en"),
    ("Photo by Sergei Ivanov. The fair opened on Monday.", "en"),
    ("Фото Андрея Сидорова. Выставка открылась в понедельник.", "ru"),
    ("Сообщил корреспондент Мария Белова.", "ru"),
], ids=["en-byline", "en-photo-credit", "ru-photo-credit", "ru-journalist"])
def test_no_people_without_role(text: str, lang: str) -> None:
    assert _people(text, lang).persons == []


def test_one_identity_across_languages() -> None:
    en = _people("Governor of Tula Oblast Dmitry Miliaev arrived.", "en").persons[0]
    ru = _people("Прибыл губернатор Тульской области Дмитрий Миляев.", "ru").persons[0]
    assert en.key == ru.key == person_key("Milyaev", "Dmitry")
    assert en.name == ru.name == "Dmitry Milyaev"


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Дмитрий Миляев", "Dmitry Milyaev"), ("Артём Андреев", "Artyom Andreev"),
    ("Дмитрий Крутой", "Dmitry Krutoi"), ("Георгий Филимонов", "Georgy Filimonov"),
    ("Алексей Текслер", "Aleksei Teksler"),
], ids=["iy-to-y", "yo-to-yo", "oi-ending", "georgy", "ei-ending"])
def test_transliteration_press_style(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize("variants", [
    ("Миляев", "Milyaev", "Miliaev"), ("Кондратьев", "Kondratiev", "Kondratyev"),
    ("Андреев", "Andreyev", "Andreev"), ("Алексей", "Alexey", "Aleksei"),
], ids=["milyaev", "kondratyev", "andreev", "aleksei"])
def test_fold_meets_variants(variants: tuple[str, ...]) -> None:
    assert len({fold(v) for v in variants}) == 1
