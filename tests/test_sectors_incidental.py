"""Sectors named as products or processes count; incidental cues (the buyer's own fleet, a
sale's leasing terms, an exhibition's name, an old treaty's title) do not."""

from __future__ import annotations

import pytest

from coopwatch.pipeline.sectors import body_hits, find_sectors


@pytest.mark.parametrize(("text", "lang", "sector"), [
    ("The partners plan joint engine manufacturing in the region.", "en", "machine_building"),
    ("Shipbuilding was named a new area of cooperation.", "en", "machine_building"),
    ("The region ships soybeans to Belarusian feed mills.", "en", "agriculture_food"),
    ("Imports of seafood from the region have doubled.", "en", "agriculture_food"),
    ("Brest textile firms sell fabrics to the region.", "en", "light_industry"),
    ("Стороны договорились о сотрудничестве в судостроении.", "ru", "machine_building"),
    ("Завод поставит лифтовое оборудование для новых домов.", "ru", "machine_building"),
    ("Обсудили выпуск прицепной техники на совместном заводе.", "ru", "machine_building"),
    ("Из края в Беларусь везут рыбу и морепродукты.", "ru", "agriculture_food"),
    ("Белорусские фабрики поставляют ткани и пряжу.", "ru", "light_industry"),
], ids=["en-engine-manufacturing", "en-shipbuilding", "en-soybeans-feed", "en-seafood",
        "en-fabrics", "ru-shipbuilding", "ru-lift-equipment", "ru-trailed-equipment",
        "ru-seafood", "ru-fabrics"])
def test_products_and_processes_name_sectors(text: str, lang: str, sector: str) -> None:
    assert sector in {h.sector for h in find_sectors(text, lang)}


@pytest.mark.parametrize(("text", "lang", "sector"), [
    ("The city will buy new buses for its municipal fleet.", "en", "municipal_equipment"),
    ("Combines are offered to farms on leasing terms.", "en", "investment_finance"),
    ("Комбайны предложили аграриям на условиях лизинга.", "ru", "investment_finance"),
    ("Технику можно получить в лизинг через местный банк.", "ru", "investment_finance"),
    ("Tyre makers buy cord fabric from the plant.", "en", "light_industry"),
], ids=["en-municipal-fleet", "en-leasing-terms", "ru-leasing-terms", "ru-leasing-sale",
        "en-cord-fabric"])
def test_incidental_cues_are_not_sectors(text: str, lang: str, sector: str) -> None:
    assert sector not in {h.sector for h in find_sectors(text, lang)}


@pytest.mark.parametrize(("text", "lang", "sector"), [
    ("Губернатор пригласил фирмы на выставку «Уральская строительная неделя».", "ru",
     "construction"),
    ("Firms were invited to the exhibition \"Siberian Agro Week\" in Omsk.", "en",
     "agriculture_food"),
], ids=["ru-exhibition-name", "en-exhibition-name"])
def test_exhibition_names_are_not_sectors(text: str, lang: str, sector: str) -> None:
    assert sector not in {h.sector for h in body_hits(text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("В 1999 году было подписано соглашение между правительствами двух республик "
     "о научно-техническом и культурном сотрудничестве.", "ru"),
    ("In 2001 an agreement between the two governments on scientific and cultural "
     "cooperation was signed.", "en"),
], ids=["ru-old-treaty-between", "en-old-treaty-between"])
def test_old_treaty_title_between_parties_is_weak(text: str, lang: str) -> None:
    hits = body_hits(text, lang, 2025)
    assert hits and all(h.weak for h in hits)
