"""Region pairs, whole-country figures, shares of a bilateral flow, mixed growth verbs,
goals back to a past level and interview answers: short articles we wrote, both languages."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_trade import Atom, atoms, expected, extract

CASES = [
    (
        "en-the-two-countries",
        "Governor of Omsk Oblast visited Minsk. Trade between Belarus and Russia reached "
        "$48 billion in 2023, up 5%, the prime minister said.",
        [
            ("turnover", "BY", "RU", "2023", "value", 48e9),
            ("turnover", "BY", "RU", "2023", "growth_pct", 5),
        ],
    ),
    (
        "ru-rise-said-with-a-dash",
        "Омская область и Беларусь подвели итоги. В 2023 году товарооборот Омской области с "
        "Беларусью достиг 150 млн долларов, рост – 12,5%.",
        [
            ("turnover", "BY", "RU-OMS", "2023", "value", 150e6),
            ("turnover", "BY", "RU-OMS", "2023", "growth_pct", 12.5),
        ],
    ),
    (
        "ru-index-said-with-a-dash",
        "Омская область и Беларусь подвели итоги. В 2023 году товарооборот Омской области с "
        "Беларусью достиг 150 млн долларов, темп роста – 112,5%.",
        [
            ("turnover", "BY", "RU-OMS", "2023", "value", 150e6),
            ("turnover", "BY", "RU-OMS", "2023", "growth_pct", 12.5),
        ],
    ),
    (
        "en-possessive-region-pair",
        "Trade between Belarus' Gomel Oblast and Russia's Bryansk Oblast reached $310 million "
        "in 2023.",
        [("turnover", "BY-HO", "RU-BRY", "2023", "value", 310e6)],
    ),
    (
        "ru-adjective-region-pair",
        "Товарооборот между белорусской Брестской областью и российской Калужской областью "
        "в 2023 году составил 140 млн долларов.",
        [("turnover", "BY-BR", "RU-KLU", "2023", "value", 140e6)],
    ),
    (
        "en-country-as-a-whole",
        "Mogilev Oblast and Smolensk Oblast signed a roadmap. In 2023 Belarus as a whole "
        "accounted for 35% of Smolensk Oblast's foreign trade.",
        [("turnover", "BY", "RU-SMO", "2023", "share_pct", 35)],
    ),
    (
        "ru-country-as-a-whole",
        "Могилевская область и Смоленская область подписали дорожную карту. В 2023 году на "
        "Беларусь в целом пришлось 35% внешнеторгового оборота Смоленской области.",
        [("turnover", "BY", "RU-SMO", "2023", "share_pct", 35)],
    ),
    (
        "en-region-share-of-bilateral",
        "In 2023 trade between Belarus and Kaluga Oblast topped $900 million, and Brest "
        "Oblast accounted for about a quarter of this volume.",
        [
            ("turnover", "BY", "RU-KLU", "2023", "value", 900e6),
            ("turnover", "BY-BR", "RU-KLU", "2023", "share_pct", 25),
        ],
    ),
    (
        "ru-region-share-of-bilateral",
        "В 2023 году товарооборот Беларуси с Калужской областью превысил 900 млн долларов, "
        "и на Брестскую область пришлась треть этого объема.",
        [
            ("turnover", "BY", "RU-KLU", "2023", "value", 900e6),
            ("turnover", "BY-BR", "RU-KLU", "2023", "share_pct", 33.3),
        ],
    ),
    (
        "ru-mixed-growth-verbs",
        "В 2023 году товарооборот Беларуси с Омской областью составил 150 млн долларов. "
        "Белорусский экспорт увеличился на 8%, а импорт сократился на 12,5%.",
        [
            ("turnover", "BY", "RU-OMS", "2023", "value", 150e6),
            ("export", "BY", "RU-OMS", "2023", "growth_pct", 8),
            ("import", "BY", "RU-OMS", "2023", "growth_pct", -12.5),
        ],
    ),
    (
        "en-mixed-growth-verbs",
        "In 2023 trade between Belarus and Omsk Oblast came to $150 million. Belarusian "
        "exports rose by 8%, while imports dropped by 12.5%.",
        [
            ("turnover", "BY", "RU-OMS", "2023", "value", 150e6),
            ("export", "BY", "RU-OMS", "2023", "growth_pct", 8),
            ("import", "BY", "RU-OMS", "2023", "growth_pct", -12.5),
        ],
    ),
    (
        "en-mixed-verbs-but-no-of-flow",
        "In 2023 trade between Belarus and Omsk Oblast came to $150 million; exports rose 8% "
        "but imports dropped 12.5%.",
        [
            ("turnover", "BY", "RU-OMS", "2023", "value", 150e6),
            ("export", "BY", "RU-OMS", "2023", "growth_pct", 8),
            ("import", "BY", "RU-OMS", "2023", "growth_pct", -12.5),
        ],
    ),
    (
        "be-mixed-growth-verbs",
        "У 2023 годзе тавараабарот Беларусі з Омскай вобласцю склаў 150 млн долараў. "
        "Экспарт павялічыўся на 8%, а імпарт скараціўся на 12,5%.",
        [
            ("turnover", "BY", "RU-OMS", "2023", "value", 150e6),
            ("export", "BY", "RU-OMS", "2023", "growth_pct", 8),
            ("import", "BY", "RU-OMS", "2023", "growth_pct", -12.5),
        ],
    ),
    (
        "en-clause-after-decline",
        "In 2023 Belarus' imports from Omsk Oblast fell by 6.5%, mainly due to lower grain "
        "deliveries.",
        [("import", "BY", "RU-OMS", "2023", "growth_pct", -6.5)],
    ),
    (
        "ru-product-part-no-share",
        "В 2023 году товарооборот Беларуси с Омской областью составил 150 млн долларов. "
        "Около трети оборота дают поставки сельхозтехники.",
        [("turnover", "BY", "RU-OMS", "2023", "value", 150e6)],
    ),
    (
        "en-in-a-year-is-no-period",
        "Trade between Belarus and Tver Oblast has doubled in a year. In the first half of "
        "2024 it reached $60 million, twice as much as a year earlier.",
        [
            ("turnover", "BY", "RU-TVE", "2024-01..2024-06", "value", 60e6),
            ("turnover", "BY", "RU-TVE", "2024-01..2024-06", "growth_pct", 100),
        ],
    ),
    (
        "en-index-year-on-year",
        "In 2023 trade between Belarus and Tver Oblast came to $60 million, or 112.5% "
        "year-on-year.",
        [
            ("turnover", "BY", "RU-TVE", "2023", "value", 60e6),
            ("turnover", "BY", "RU-TVE", "2023", "growth_pct", 12.5),
        ],
    ),
    (
        "ru-index-year-to-year",
        "В 2023 году товарооборот Беларуси с Тверской областью составил 60 млн долларов, "
        "или 112,5% год к году.",
        [
            ("turnover", "BY", "RU-TVE", "2023", "value", 60e6),
            ("turnover", "BY", "RU-TVE", "2023", "growth_pct", 12.5),
        ],
    ),
    (
        "ru-count-after-flow-word",
        "В 2023 году товарооборот Беларуси с Тверской областью составил 60 млн долларов. "
        "Основа экспорта — техника: в 2023 году хозяйства области купили 90 комбайнов, "
        "это на 20% больше, чем годом ранее.",
        [("turnover", "BY", "RU-TVE", "2023", "value", 60e6)],
    ),
    (
        "en-count-after-flow-word",
        "In 2023 trade between Belarus and Tver Oblast came to $60 million. Machinery leads "
        "the exports: in 2023 farms in the region bought 90 combines, 20% more than a year "
        "earlier.",
        [("turnover", "BY", "RU-TVE", "2023", "value", 60e6)],
    ),
    (
        "en-regions-traded-goods",
        "In 2023 the two regions, Vitebsk Oblast and Tver Oblast, traded goods worth "
        "$75 million.",
        [("turnover", "BY-VI", "RU-TVE", "2023", "value", 75e6)],
    ),
]


@pytest.mark.parametrize("text,rows", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_pairs_and_signs(text: str, rows: list[Atom]) -> None:
    _, found = extract(text)
    assert atoms(found) == expected(rows)


LEVELS = [
    (
        "ru-back-to-level",
        "Товарооборот Беларуси с Омской областью в 2023 году составил 150 млн долларов. "
        "«Наша задача – вернуть товарооборот к уровню 2021 года, когда он достиг "
        "210 млн долларов», – сказал губернатор.",
        "2021",
        210e6,
    ),
    (
        "en-back-to-level",
        "Trade between Belarus and Omsk Oblast totalled $150 million in 2023. The governor "
        "said the goal is to restore trade to the 2021 level of $210 million.",
        "2021",
        210e6,
    ),
    (
        "en-level-when-it-stood",
        "Trade between Belarus and Omsk Oblast reached $150 million in 2023. The sides intend "
        "to return trade to the 2021 level, when it stood at $210 million.",
        "2021",
        210e6,
    ),
    (
        "en-pre-year-level-no-atom",
        "Trade between Belarus and Omsk Oblast reached $150 million in 2023. The aim is to "
        "bring trade back to its pre-2022 level of $210 million.",
        None,
        210e6,
    ),
    (
        "ru-level-no-flow-word",
        "Товарооборот Беларуси с Омской областью в 2021 году составил 210 млн долларов, а в "
        "2023 году – 150 млн. Стороны намерены вернуться к уровню 2021 года.",
        "2021",
        210e6,
    ),
    (
        "en-level-no-flow-word",
        "In 2021 trade between Belarus and Omsk Oblast amounted to $210 million, and in 2023 "
        "to $150 million. The sides intend to get back to the level of 2021.",
        "2021",
        210e6,
    ),
]


@pytest.mark.parametrize(
    "text,year,value", [c[1:] for c in LEVELS], ids=[c[0] for c in LEVELS]
)
def test_goal_back_to_a_past_level(text: str, year: str | None, value: float) -> None:
    _, found = extract(text)
    assert [(t.measure, t.value) for t in found.targets] == [("value", value)]
    values = {(a.period, a.value) for a in found.trade if a.measure == "value"}
    assert ((year, value) in values) == (year is not None)
    assert all(v != value for p, v in values if p != year)


INTERVIEWS = [
    (
        "ru-interview-informal-region",
        "Председатель Гродненского облисполкома – о сотрудничестве с Подмосковьем\n\n"
        "– Как вы оцениваете работу с Московской областью?\n\n"
        "– Подмосковье для нас – ключевой партнер. В прошлом году товарооборот превысил "
        "800 млн долларов, а экспорт гродненских предприятий вырос почти на 15%.",
        [
            ("turnover", "BY-HR", "RU-MOS", "2023", "value", 800e6),
            ("export", "BY-HR", "RU-MOS", "2023", "growth_pct", 15),
        ],
    ),
    (
        "ru-interview-kuban",
        "Губернатор Краснодарского края – о связях с Минской областью\n\n"
        "– Как развивается торговля?\n\n"
        "– Кубань и Минская область в прошлом году наторговали на 250 млн долларов, это "
        "на 10% больше, чем годом ранее.",
        [
            ("turnover", "RU-KDA", "BY-MI", "2023", "value", 250e6),
            ("turnover", "RU-KDA", "BY-MI", "2023", "growth_pct", 10),
        ],
    ),
]


@pytest.mark.parametrize("text,rows", [c[1:] for c in INTERVIEWS], ids=[c[0] for c in INTERVIEWS])
def test_interview_answers_take_the_region_pair(text: str, rows: list[Atom]) -> None:
    _, found = extract(text, date(2024, 2, 10))
    assert atoms(found) == expected(rows)
