"""Sectors of cooperation from cue words in both languages, longest cue first."""

from __future__ import annotations

import pytest

from coopwatch.pipeline.sectors import body_hits, find_sectors


@pytest.mark.parametrize(("text", "lang", "sectors"), [
    ("They will supply tractors and combine harvesters.", "en", {"agricultural_machinery"}),
    ("Cooperation in agriculture and the food industry grows.", "en", {"agriculture_food"}),
    ("Trolleybuses and electric buses for the city.", "en",
     {"electric_transport", "public_transport"}),
    ("Belarus offers passenger buses.", "en", {"public_transport"}),
    ("The military-industrial complex and metallurgy.", "en", {"defense_industry", "metallurgy"}),
    ("UAVs and microelectronics were discussed.", "en", {"uav_aviation", "it_microelectronics"}),
    ("Поставки сельхозтехники и тракторов.", "ru", {"agricultural_machinery"}),
    ("Сотрудничество в сфере сельского хозяйства.", "ru", {"agriculture_food"}),
    ("Обсудили поставки коммунальной техники.", "ru", {"municipal_equipment"}),
    ("Развивается строительство жилья и туризм.", "ru", {"construction", "tourism"}),
    ("Связи в области культуры и образования.", "ru",
     {"culture_humanitarian", "science_education"}),
    ("Экспорт удобрений и продукции нефтехимии.", "ru", {"chemicals_fertilizers"}),
], ids=["en-agri-machinery-not-food", "en-agriculture", "en-electric", "en-passenger",
        "en-defense-metal", "en-uav-it", "ru-agri-machinery", "ru-agriculture-genitive",
        "ru-municipal", "ru-construction-tourism", "ru-culture-education", "ru-chemicals"])
def test_sector_cues(text: str, lang: str, sectors: set[str]) -> None:
    assert {h.sector for h in find_sectors(text, lang)} == sectors


@pytest.mark.parametrize(("text", "lang"), [
    ("Trade grew by 12% in 2023.", "en"),
    ("Товарооборот вырос на 12%.", "ru"),
], ids=["en-trade-only", "ru-trade-only"])
def test_no_sector_in_trade_figures(text: str, lang: str) -> None:
    assert find_sectors(text, lang) == []


@pytest.mark.parametrize(("text", "lang", "sectors"), [
    ("The plant makes plywood for export.", "en", {"forestry_timber"}),
    ("Комбинат выпускает фанеру.", "ru", {"forestry_timber"}),
    ("They discussed gas condensate and power grids.", "en", {"energy"}),
    ("Обсудили поставки газового конденсата и электросети.", "ru", {"energy"}),
    ("Goods will go through the northern ports.", "en", {"logistics"}),
    ("Грузы пойдут через порты Балтики.", "ru", {"logistics"}),
    ("Machine builders of both sides met.", "en", {"machine_building"}),
    ("Заводы поставляют комплектующие.", "ru", {"machine_building"}),
    ("The firm buys municipal vehicles.", "en", {"municipal_equipment"}),
    ("They ordered front loaders.", "en", {"machine_building"}),
    ("Сборка погрузчиков начнется весной.", "ru", {"machine_building"}),
    ("Belarusian tyres are in demand.", "en", {"automotive_vehicles"}),
    ("Белорусские шины пользуются спросом.", "ru", {"automotive_vehicles"}),
], ids=["en-plywood", "ru-plywood", "en-condensate-grids", "ru-condensate-grids", "en-ports",
        "ru-cargo-ports", "en-machine-builders", "ru-components", "en-municipal-vehicles",
        "en-loaders", "ru-loaders", "en-tyres-automotive", "ru-tyres-automotive"])
def test_sector_cues_more(text: str, lang: str, sectors: set[str]) -> None:
    assert {h.sector for h in find_sectors(text, lang)} == sectors


@pytest.mark.parametrize(("text", "lang", "absent"), [
    ("News\nSport\nCulture\n\nTula and Minsk signed a trade plan.", "en", "culture_humanitarian"),
    ("Politics Economy Society Regions Sport Monday\nTula buys trucks.", "en",
     "culture_humanitarian"),
    ("Главная | Новости | Спорт\nТула покупает грузовики.", "ru", "culture_humanitarian"),
    ("Новости\nСпорт\nКультура\n\nТула покупает грузовики.", "ru", "culture_humanitarian"),
    ("Talks were held at the Kursk Tractor Plant on trade.", "en", "agricultural_machinery"),
], ids=["en-menu-column", "en-menu-run", "ru-menu-separators", "ru-menu-column",
        "en-tractor-plant-name"])
def test_no_sector_from_menus_or_names(text: str, lang: str, absent: str) -> None:
    assert absent not in {h.sector for h in body_hits(text, lang)}


@pytest.mark.parametrize(("text", "lang", "sector"), [
    ("Belarus will supply:\n- tractors;\n- buses;\n- timber.", "en", "forestry_timber"),
    ("Беларусь поставит:\n– тракторы;\n– автобусы;\n– древесину.", "ru", "forestry_timber"),
], ids=["en-bulleted-list", "ru-bulleted-list"])
def test_bulleted_lists_in_body_count(text: str, lang: str, sector: str) -> None:
    assert sector in {h.sector for h in body_hits(text, lang)}
