"""Organizations: registry aliases in any case and language, unknown names by pattern."""

from __future__ import annotations

import pytest
from entity_docs import make_doc

from coopwatch.model import Extraction
from coopwatch.pipeline.entities import tag_organizations


def _orgs(text: str, lang: str) -> list[tuple[str | None, str]]:
    found = Extraction(doc="t", lang=lang)  # type: ignore[arg-type]
    tag_organizations(make_doc(text, lang), found)
    return [(o.key, o.name) for o in found.organizations]


@pytest.mark.parametrize(("text", "lang", "key"), [
    ("The buses were made by MAZ.", "en", "maz"),
    ("Автобусы выпустил МАЗ.", "ru", "maz"),
    ("Guests toured the Minsk Automobile Works.", "en", "maz"),
    ("Делегация посетила Минский автомобильный завод.", "ru", "maz"),
    ("Делегация побывала на Минском автомобильном заводе.", "ru", "maz"),
    ("Metal comes from Novolipetsk Steel.", "en", "nlmk"),
    ("Договор заключили с НЛМК.", "ru", "nlmk"),
    ("Parts are supplied to NPO Splav.", "en", "splav"),
    ("Детали получает НПО «Сплав».", "ru", "splav"),
    ("Гости встретились с руководством Госкомвоенпрома.", "ru", "goskomvoenprom"),
    ("The Economy Minister of Belarus opened the session.", "en", "by_min_economy"),
], ids=["en-maz", "ru-maz", "en-maz-long", "ru-maz-long-nominative", "ru-maz-long-prepositional",
        "en-nlmk-alias", "ru-nlmk", "en-splav", "ru-splav-quoted", "ru-goskomvoenprom",
        "en-minister-implies-ministry"])
def test_registry_aliases(text: str, lang: str, key: str) -> None:
    assert key in [k for k, _ in _orgs(text, lang)]


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("The delegation visited the Orsha Flax Mill and left.", "en", "Orsha Flax Mill"),
    ("They met the holding company Vitebskdrev yesterday.", "en", "Vitebskdrev"),
    ("Соглашение подписало ОАО «Полесьеприбор».", "ru", "Полесьеприбор"),
    ("Генераторы выпускает завод «Электроприбор».", "ru", "Электроприбор"),
], ids=["en-name-plus-head", "en-company-name", "ru-legal-form", "ru-plant-quoted"])
def test_unknown_organizations(text: str, lang: str, name: str) -> None:
    assert name in [n for _, n in _orgs(text, lang)]


@pytest.mark.parametrize(("text", "lang"), [
    ("MINSK, 3 May (BelTA) – The weather was fine.", "en"),
    ("Об этом сообщает ТАСС.", "ru"),
    ("Открылась выставка «Иннопром».", "ru"),
    ("Играл ансамбль «Песняры».", "ru"),
], ids=["en-agency", "ru-agency", "ru-exhibition-not-org", "ru-ensemble-not-org"])
def test_not_organizations(text: str, lang: str) -> None:
    assert _orgs(text, lang) == []


def test_registry_rows_are_well_formed() -> None:
    from coopwatch.pipeline.registry import organizations
    from coopwatch.pipeline.textmatch import phrase_norms

    rows = organizations()
    assert len({o.key for o in rows}) == len(rows)
    owner: dict[tuple[str, ...], str] = {}
    for org in rows:
        assert org.name_en and org.kind and org.country in (None, "BY", "RU")
        for name in (org.name_en, org.name_ru, *org.aliases):
            norms = phrase_norms(name)
            assert owner.setdefault(norms, org.key) == org.key, f"{name} in two rows"


@pytest.mark.parametrize(("text", "lang"), [
    ("Министерство промышленности и торговли Тульской области провело семинар.", "ru"),
    ("The Ministry of Economy of Penza Oblast hosted the guests.", "en"),
    ("Министр экономики Пензенской области открыл встречу.", "ru"),
], ids=["ru-regional-ministry", "en-regional-ministry", "ru-regional-minister"])
def test_regional_ministries_are_not_national(text: str, lang: str) -> None:
    from coopwatch.pipeline.parties import tag_parties

    doc = make_doc(text, lang)
    found = Extraction(doc="t", lang=lang)  # type: ignore[arg-type]
    tag_parties(doc, found)
    tag_organizations(doc, found)
    assert [o.key for o in found.organizations if o.kind == "ministry" and o.country] == []


def test_chamber_of_region_gets_the_short_name() -> None:
    names = [n for _, n in _orgs("He heads the Chamber of Commerce and Industry of Penza Oblast.",
                                 "en")]
    assert names == ["Penza Chamber of Commerce and Industry"]
