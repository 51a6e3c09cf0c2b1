"""Sectors of cooperation from cue words in both languages, longest cue first."""

from __future__ import annotations

import pytest

from coopwatch.pipeline.sectors import find_sectors


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
