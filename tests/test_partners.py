"""Choosing a document's partner regions: short articles of our own, in English and Russian."""

from __future__ import annotations

import pytest
from entity_docs import make_doc

from coopwatch.model import Extraction, TradeAtom
from coopwatch.pipeline.parties import tag_parties
from coopwatch.pipeline.partners import (
    RegionScore,
    choose_partners,
    has_cue,
    load_cues,
    pick_partners,
)


def partners_of(text: str, lang: str) -> list[str]:
    doc = make_doc(text, lang)
    found = Extraction(doc="t", lang=doc.lang)
    tag_parties(doc, found)
    choose_partners(doc, found)
    return found.partners


ARTICLES = [
    ("en-visit", "en",
     "Governor of Penza Oblast visits Belarus\n\n"
     "The Penza Oblast governor held talks in Minsk on joint projects. "
     "Trade between Belarus and Penza Oblast grew by a fifth last year.",
     ["RU-PNZ"]),
    ("en-comparison-not-partner", "en",
     "Belarus and Omsk Oblast expand trade\n\n"
     "Omsk Oblast buys Belarusian buses and tractors. Omsk Oblast plans new supplies. "
     "Its farms are larger compared with Tambov Oblast farms.",
     ["RU-OMS"]),
    ("en-birthplace-not-partner", "en",
     "Kurgan Oblast and Belarus sign a roadmap\n\n"
     "The roadmap covers machine building and food. The Kurgan governor, a native of "
     "Yaroslavl, said trade with Belarus would grow.",
     ["RU-KGN"]),
    ("en-dateline-and-capital", "en",
     "MINSK, 3 March (BelTA) – Belarus and Samara Oblast discussed lorry supplies.\n\n"
     "Samara Oblast companies want more Belarusian lorries. The talks in Minsk went well.",
     ["RU-SAM"]),
    ("en-region-pair", "en",
     "Smolensk Oblast and Vitebsk Oblast hold joint fair\n\n"
     "Companies of Smolensk Oblast and Vitebsk Oblast signed contracts at the fair.",
     ["BY-VI", "RU-SMO"]),
    ("en-minsk-city", "en",
     "Minsk City and Saint Petersburg agree on cooperation\n\n"
     "The Minsk City Executive Committee and Saint Petersburg signed a plan on trade.",
     ["BY-HM", "RU-SPE"]),
    ("en-national-no-region", "en",
     "Belarus and Russia trade grows\n\n"
     "Russia remains the main market for Belarusian goods, the ministry in Minsk said. "
     "Officials in Moscow agreed.",
     []),
    ("en-ranked-partners", "en",
     "Belarus names its leading Russian partners\n\n"
     "The leading partners among the regions are Moscow Oblast, Saint Petersburg and "
     "Tatarstan, the ministry said.",
     ["RU-MOS", "RU-SPE", "RU-TA"]),
    ("en-recent-news-tail", "en",
     "Belarus and Tomsk Oblast to double trade\n\n"
     "Tomsk Oblast will buy Belarusian machines under a new contract.\n"
     "Recent news\n"
     "Ryazan Oblast opens a new bridge.",
     ["RU-TOM"]),
    ("ru-visit", "ru",
     "Губернатор Курской области посетил Беларусь\n\n"
     "Курская область и Беларусь обсудили поставки техники. Товарооборот Курской области "
     "с республикой вырос на 12%.",
     ["RU-KRS"]),
    ("ru-pair-two-sides", "ru",
     "Рязанская делегация побывала на Гомельщине\n\n"
     "Предприятия Рязанской и Гомельской областей подписали контракты.",
     ["BY-HO", "RU-RYA"]),
    ("ru-office-seat-not-partner", "ru",
     "Губернатор Ульяновской области встретился с руководителем отделения посольства "
     "Беларуси в Самаре.\n\nСтороны обсудили торговлю. Ульяновская область наращивает "
     "поставки в республику.",
     ["RU-ULY"]),
    ("ru-geography-idiom-not-partner", "ru",
     "Экспорт Витебской области растёт\n\n"
     "Предприятия Витебской области поставляют продукцию в Россию. "
     "Их продукцию знают от Калининграда до Владивостока.",
     ["BY-VI"]),
    ("ru-adjectives", "ru",
     "Тульские предприятия расширяют сотрудничество с Беларусью\n\n"
     "Тульские заводы закупают белорусские станки. В Туле прошла встреча делегаций.",
     ["RU-TUL"]),
    ("en-as-populous-as-not-partner", "en",
     "Kostroma Oblast and Belarus agree on timber supplies\n\n"
     "Kostroma Oblast will buy Belarusian forestry machines, the governor said. "
     "Kostroma Oblast is as large as Belarus' Grodno Oblast, and like Grodno it exports timber.",
     ["RU-KOS"]),
    ("en-menu-line-not-lead", "en",
     "Regions: Brest, Vitebsk, Gomel, Grodno, Mogilev\n\n"
     "Kaluga Oblast and Belarus expand trade. Kaluga Oblast plans joint car assembly.",
     ["RU-KLU"]),
    ("ru-coordinated-regions", "ru",
     "Псковская область расширяет связи с Беларусью\n\n"
     "Область развивает сотрудничество с соседними Витебской и Гродненской областями. "
     "Псковские и витебские фермеры обменялись опытом.",
     ["BY-HR", "BY-VI", "RU-PSK"]),
    ("en-summit-venue-not-partner", "en",
     "Presidents of Belarus and Russia meet in Saint Petersburg\n\n"
     "The talks in Saint Petersburg covered trade and energy prices.",
     []),
    ("ru-main-partners-list-with-moscow", "ru",
     "Гомельская область наращивает экспорт в Россию\n\n"
     "Гомельская область поставляет в Россию технику и продукты. Основные партнёры "
     "области – Москва, Санкт-Петербург и Брянская область.",
     ["BY-HO", "RU-BRY", "RU-MOW", "RU-SPE"]),
    ("ru-read-also-tail", "ru",
     "Ярославская область и Беларусь договорились о поставках\n\n"
     "Ярославская область закупит белорусские автобусы.\n"
     "Читайте также\n"
     "В Вологодской области открыли новый мост.",
     ["RU-YAR"]),
]


@pytest.mark.parametrize("lang, text, expected", [a[1:] for a in ARTICLES],
                         ids=[a[0] for a in ARTICLES])
def test_partner_regions(lang: str, text: str, expected: list[str]) -> None:
    assert partners_of(text, lang) == expected


def score(lead: int = 0, coop: int = 0, count: int = 1, listed: int = 0, venue: int = 0,
          sentences: tuple[int, ...] = (0,)) -> RegionScore:
    return RegionScore(lead=lead, coop=coop, count=count, listed=listed, venue=venue,
                       sentences=set(sentences))


PICKS = [
    ("nothing", {}, []),
    ("main-in-lead", {"RU-TUL": score(lead=1)}, ["RU-TUL"]),
    ("main-without-any-cue", {"RU-TUL": score(count=3, sentences=(4, 5, 6))}, []),
    ("second-needs-two-coop-mentions",
     {"RU-TUL": score(lead=1, coop=2, count=3), "RU-KLU": score(coop=1, sentences=(5,))},
     ["RU-TUL"]),
    ("second-with-two-coop-mentions",
     {"RU-TUL": score(lead=1, coop=2, count=3), "RU-KLU": score(coop=2, count=2,
                                                                sentences=(5, 6))},
     ["RU-KLU", "RU-TUL"]),
    ("pair-of-other-side",
     {"RU-BRY": score(lead=1, sentences=(0, 3)), "BY-MA": score(sentences=(3,))},
     ["BY-MA", "RU-BRY"]),
    ("venue-only-not-main", {"RU-BA": score(lead=1, coop=1, count=1, venue=1)}, []),
    ("same-side-no-pair",
     {"RU-BRY": score(lead=1, sentences=(0, 3)), "RU-ORL": score(sentences=(3,))},
     ["RU-BRY"]),
]


@pytest.mark.parametrize("scores, expected", [p[1:] for p in PICKS], ids=[p[0] for p in PICKS])
def test_pick_partners(scores: dict[str, RegionScore], expected: list[str]) -> None:
    assert pick_partners(scores) == expected


def test_every_cue_kind_is_loaded() -> None:
    assert set(load_cues()) == {"coop", "negative", "office", "city", "tail", "list", "plan"}


CUES = [
    ("coop-en", ["bilateral", "trade"], "coop", True),
    ("coop-ru-inflected", ["товарооборота"], "coop", True),
    ("negative-as-as", ["as", "large", "as"], "negative", True),
    ("negative-whole-word-only", ["likely"], "negative", False),
    ("office-ru", ["отделения", "посольства", "в"], "office", True),
    ("city-ru", ["мэр"], "city", True),
    ("tail-ru", ["читайте", "также"], "tail", True),
    ("list-en", ["leading", "partners"], "list", True),
    ("nothing", ["the", "weather"], "coop", False),
]


@pytest.mark.parametrize("words, kind, expected", [c[1:] for c in CUES], ids=[c[0] for c in CUES])
def test_cues(words: list[str], kind: str, expected: bool) -> None:
    assert has_cue(words, kind) is expected


TRADING = [
    ("en-comparison-with-figure", "en",
     "Governor of Tula Oblast held talks in Minsk. Tula Oblast and Belarus agreed to expand "
     "cooperation. With Kaluga Oblast the volume is smaller, almost $300 million.", "RU-KLU"),
    ("ru-comparison-with-figure", "ru",
     "Губернатор Тульской области провел переговоры в Минске. Тульская область и Беларусь "
     "договорились расширять сотрудничество. С Калужской областью объем меньше – почти "
     "$300 млн.", "RU-KLU"),
]


@pytest.mark.parametrize(("lang", "text", "region"), [(lang, text, region)
                                                      for _, lang, text, region in TRADING],
                         ids=[case[0] for case in TRADING])
def test_region_with_trade_figure_is_partner(lang: str, text: str, region: str) -> None:
    doc = make_doc(text, lang)
    found = Extraction(doc="t", lang=doc.lang)
    tag_parties(doc, found)
    choose_partners(doc, found)
    assert region not in found.partners  # named only in a comparison: not a partner by words
    found.trade = [TradeAtom(flow="turnover", reporter="BY", partner=region, period="2023",
                             measure="value", value=3e8, currency="USD")]
    choose_partners(doc, found)
    assert region in found.partners
