"""Organization names: quoted names need an organization's look, descriptive Russian names are
put in English, ministries keep their owner, executive committees stay unreported."""

from __future__ import annotations

import pytest
from entity_docs import make_doc

from coopwatch.model import Extraction
from coopwatch.pipeline.entities import tag_organizations
from coopwatch.pipeline.orgtranslate import place_en, translate
from coopwatch.pipeline.parties import tag_parties


def _names(text: str, lang: str) -> list[str]:
    doc = make_doc(text, lang)
    found = Extraction(doc="t", lang=lang)  # type: ignore[arg-type]
    tag_parties(doc, found)
    tag_organizations(doc, found)
    return [o.name for o in found.organizations]


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("The Belarusian Ministry of Foreign Affairs backed the plan.", "en",
     "Ministry of Foreign Affairs of Belarus"),
    ("Officials of Omsk Oblast came. The regional Ministry of Economy drafted the plan.", "en",
     "Ministry of Economy of Omsk Oblast"),
    ("Kursk Oblast hosts the fair. The oblast's Ministry of Agriculture will take part.", "en",
     "Ministry of Agriculture of Kursk Oblast"),
    ("Омский государственный университет откроет филиал в Гродно.", "ru",
     "Omsk State University"),
    ("Студенты Курского государственного университета приедут в Брест.", "ru",
     "Kursk State University"),
    ("Министерство иностранных дел Беларуси поддержало проект.", "ru",
     "Ministry of Foreign Affairs of Belarus"),
    ("Договор заключили с ОАО «Заречьедрев» в среду.", "ru", "Заречьедрев"),
    ("Станки выпускает гродненский «Белстанкомаш», а валы везут в Тверь.", "ru",
     "Белстанкомаш"),
], ids=["en-ministry-belarusian-owner", "en-regional-ministry", "en-oblast-s-ministry",
        "ru-state-university-nominative", "ru-state-university-genitive",
        "ru-ministry-owner-after", "ru-quoted-legal-form", "ru-quoted-in-sentence"])
def test_names_in_english_with_owner(text: str, lang: str, name: str) -> None:
    assert name in _names(text, lang)


@pytest.mark.parametrize(("text", "lang", "wrong"), [
    ("Фермеры Омской области покупают тракторы «Беларус» каждый год.", "ru", "Беларус"),
    ("Болельщики футбольного клуба «Динамо» приехали в Казань.", "ru", "Динамо"),
    ("Губернатор сказал: «Мы Готовы Работать» и улыбнулся.", "ru", "Мы Готовы Работать"),
    ("Выставка прошла в Туле.\nНовости «Нафтан» сегодня\nСледующая новость.", "ru", "Нафтан"),
    ("Председатель Витебского облисполкома посетил Псков.", "ru",
     "Vitebsk Oblast Executive Committee"),
    ("Gomel Oblast Executive Committee Chairman visited Bryansk.", "en",
     "Gomel Oblast Executive Committee"),
], ids=["ru-tractor-brand", "ru-football-club", "ru-quoted-speech", "ru-headline-line",
        "ru-executive-committee-in-role", "en-executive-committee-in-role"])
def test_not_reported(text: str, lang: str, wrong: str) -> None:
    assert wrong not in _names(text, lang)


@pytest.mark.parametrize(("russian", "english"), [
    ("Алтайский государственный университет", "Altai State University"),
    ("Брянского государственного технического университета", "Bryansk State Technical University"),
    ("Гомельский тракторный завод", "Gomel Tractor Plant"),
    ("Торгово-промышленная палата Омской области", "Omsk Chamber of Commerce and Industry"),
    ("Министерство промышленности Республики Беларусь", "Ministry of Industry of Belarus"),
    ("Витебский облисполком", "Vitebsk Oblast Executive Committee"),
], ids=["state-university", "technical-university-genitive", "tractor-plant", "chamber",
        "ministry-republic", "executive-committee"])
def test_translate_descriptive(russian: str, english: str) -> None:
    assert translate(russian) == english


@pytest.mark.parametrize("name", ["Кидма тек", "Белкард", "Гомсельмаш"],
                         ids=["two-words", "one-word", "registry-like"])
def test_brand_like_names_stay(name: str) -> None:
    assert translate(name) is None


@pytest.mark.parametrize(("adjective", "place"), [
    ("Томский", "Tomsk"), ("Гродненского", "Grodno"), ("Казанский", "Kazan"),
    ("Пинский", "Pinsk"),
], ids=["region-capital", "belarus-region-genitive", "capital-city", "unknown-fallback"])
def test_place_adjectives(adjective: str, place: str) -> None:
    assert place_en(adjective) == place
