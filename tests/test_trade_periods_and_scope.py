"""Trade rules written to hold on unseen articles: a headline line with no full stop before
the lead, periods said in front ("In May alone") or by reference ("over the period"), two
regions each with its own figure, shares said in the present, one product's counts and
growth, and "over" said by a verb ("topped", «превзошёл»). Short texts we wrote ourselves;
published 2025-03-12 (see test_trade_paragraphs.extract)."""

from __future__ import annotations

import pytest

from tests.test_trade_paragraphs import atoms, extract, rows

HEADLINE = [
    (
        "en-headline-blank-line",
        "Kaluga and Belarus widen partnership\n\n"
        "Trade between Kaluga Oblast and Belarus came to $640 million in 2024, up 8%.",
        [
            ("turnover", "BY", "RU-KLU", "2024", "value", 640e6),
            ("turnover", "BY", "RU-KLU", "2024", "growth_pct", 8),
        ],
    ),
    (
        "en-headline-line-break",
        "Orel region looks to Minsk for partnership\n"
        "Belarusian exports to Orel Oblast totalled $210 million in 2023.",
        [("export", "BY", "RU-ORL", "2023", "value", 210e6)],
    ),
    (
        "ru-headline-blank-line",
        "Калуга и Беларусь расширяют партнерство\n\n"
        "Товарооборот Калужской области и Беларуси в 2024 году составил $640 млн.",
        [("turnover", "BY", "RU-KLU", "2024", "value", 640e6)],
    ),
    (
        "ru-headline-line-break",
        "Орловщина ищет партнеров в Минске\n"
        "Экспорт Беларуси в Орловскую область в 2023 году составил $210 млн.",
        [("export", "BY", "RU-ORL", "2023", "value", 210e6)],
    ),
]

PERIOD_REFERENCE = [
    (
        "en-month-alone-front",
        "Belarus and Kaluga Oblast traded goods worth $300 million in January-May 2024.\n\n"
        "In May alone trade came to $70 million.",
        [
            ("turnover", "BY", "RU-KLU", "2024-01..2024-05", "value", 300e6),
            ("turnover", "BY", "RU-KLU", "2024-05..2024-05", "value", 70e6),
        ],
    ),
    (
        "en-month-before-flow",
        "In February trade between Belarus and Kaluga Oblast reached $55 million.",
        [("turnover", "BY", "RU-KLU", "2025-02..2025-02", "value", 55e6)],
    ),
    (
        "ru-month-alone-front",
        "Только в феврале товарооборот Беларуси и Калужской области достиг $55 млн.",
        [("turnover", "BY", "RU-KLU", "2025-02..2025-02", "value", 55e6)],
    ),
    (
        "en-over-the-period-next-paragraph",
        "Trade between Belarus and Kaluga Oblast hit $640 million in 2023.\n\n"
        "Over the period, Belarusian exports to the region grew by 11%.",
        [
            ("turnover", "BY", "RU-KLU", "2023", "value", 640e6),
            ("export", "BY", "RU-KLU", "2023", "growth_pct", 11),
        ],
    ),
    (
        "ru-za-ukazannyi-period",
        "Товарооборот Беларуси и Калужской области в 2023 году составил $640 млн.\n\n"
        "За указанный период импорт из региона сократился на 4%.",
        [
            ("turnover", "BY", "RU-KLU", "2023", "value", 640e6),
            ("import", "BY", "RU-KLU", "2023", "growth_pct", -4),
        ],
    ),
    (
        "ru-za-etot-period",
        "В январе-июне 2024 года товарооборот Беларуси и Калужской области составил $330 млн.\n\n"
        "Экспорт Беларуси за этот период вырос на 6%.",
        [
            ("turnover", "BY", "RU-KLU", "2024-01..2024-06", "value", 330e6),
            ("export", "BY", "RU-KLU", "2024-01..2024-06", "growth_pct", 6),
        ],
    ),
]

TWO_REGIONS = [
    (
        "en-led-while-second",
        "In 2024 Kaluga Oblast led Belarus's Russian partners with $900 million in trade, "
        "while Orel Oblast came second with about $400 million.",
        [
            ("turnover", "BY", "RU-KLU", "2024", "value", 900e6),
            ("turnover", "BY", "RU-ORL", "2024", "value", 400e6),
        ],
    ),
    (
        "en-value-for-region",
        "In 2024 trade with Belarus came to $900 million for Kaluga Oblast and $400 million "
        "for Orel Oblast.",
        [
            ("turnover", "BY", "RU-KLU", "2024", "value", 900e6),
            ("turnover", "BY", "RU-ORL", "2024", "value", 400e6),
        ],
    ),
    (
        "ru-second-place-keeps-value",
        "В 2024 году первой среди партнеров Беларуси стала Калужская область с товарооборотом "
        "$900 млн, а Орловская область заняла второе место с $400 млн.",
        [
            ("turnover", "BY", "RU-KLU", "2024", "value", 900e6),
            ("turnover", "BY", "RU-ORL", "2024", "value", 400e6),
        ],
    ),
    (
        "ru-ellipsis-second-region",
        "Товарооборот Беларуси с Калужской областью в 2024 году составил $900 млн, "
        "с Орловской – $400 млн.",
        [
            ("turnover", "BY", "RU-KLU", "2024", "value", 900e6),
            ("turnover", "BY", "RU-ORL", "2024", "value", 400e6),
        ],
    ),
]

SHARES = [
    (
        "en-now-accounts-this-year",
        "Belarus and Kaluga Oblast held talks. Belarus now accounts for 7% of the region's "
        "foreign trade.",
        [("turnover", "BY", "RU-KLU", "2025", "share_pct", 7)],
    ),
    (
        "ru-dolya-present-last-full-year",
        "Губернатор Калужской области встретился с послом Беларуси.\n\n"
        "Доля Беларуси во внешнеторговом обороте области составляет около 12%.",
        [("turnover", "BY", "RU-KLU", "2024", "share_pct", 12)],
    ),
    (
        "ru-prihoditsya-paragraph-period",
        "В 2023 году товарооборот Беларуси и Калужской области составил $640 млн. На Беларусь "
        "приходится 12% внешнеторгового оборота области.",
        [
            ("turnover", "BY", "RU-KLU", "2023", "value", 640e6),
            ("turnover", "BY", "RU-KLU", "2023", "share_pct", 12),
        ],
    ),
    (
        "en-share-line-not-clutter",
        "Belarus and Kaluga Oblast held talks on trade.\n\n"
        "Belarus's share in the foreign trade of Kaluga Oblast is about 12%.",
        [("turnover", "BY", "RU-KLU", "2024", "share_pct", 12)],
    ),
]

EN_LEAD = "Belarusian exports to Kaluga Oblast reached $500 million in 2024. "
RU_LEAD = "Экспорт Беларуси в Калужскую область в 2024 году составил $500 млн. "
ONLY_LEAD = [("export", "BY", "RU-KLU", "2024", "value", 500e6)]

PRODUCTS = [
    ("en-bought-units", EN_LEAD + "The region bought 240 Belarusian buses, up 12% on 2023.",
     ONLY_LEAD),
    ("en-units-then-more", EN_LEAD + "Its farms took 90 MTZ tractors, 20% more than a year "
     "earlier.", ONLY_LEAD),
    ("en-dairy-products", EN_LEAD + "Exports of Belarusian dairy products rose by 9%.", ONLY_LEAD),
    ("ru-zakupila-units", RU_LEAD + "Область закупила 240 белорусских автобусов, на 12% больше, "
     "чем в 2023 году.", ONLY_LEAD),
    ("ru-units-chto-bolshe", RU_LEAD + "Хозяйства приобрели 90 тракторов МТЗ, что на 20% больше, "
     "чем годом ранее.", ONLY_LEAD),
    ("ru-molochnoi-produktsii", RU_LEAD + "Поставки белорусской молочной продукции выросли на "
     "9%.", ONLY_LEAD),
    (
        "en-general-goods-stay",
        EN_LEAD + "Exports of Belarusian goods rose by 9%.",
        ONLY_LEAD + [("export", "BY", "RU-KLU", "2024", "growth_pct", 9)],
    ),
    (
        "ru-general-goods-stay",
        RU_LEAD + "Поставки белорусской продукции выросли на 9%.",
        ONLY_LEAD + [("export", "BY", "RU-KLU", "2024", "growth_pct", 9)],
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    [pytest.param(t, e, id=i) for i, t, e in HEADLINE + PERIOD_REFERENCE + TWO_REGIONS + SHARES
     + PRODUCTS],
)
def test_atoms(text: str, expected: list[tuple[str, str, str, str, str, float]]) -> None:
    assert atoms(extract(text)) == rows(*expected)


OVER = [
    ("en-topped", "In 2024 trade between Belarus and Kaluga Oblast topped $1.1bn."),
    ("en-tops-present", "Trade between Belarus and Kaluga Oblast tops $1.1 billion in 2024."),
    ("en-broke-through-mark", "Trade between Belarus and Kaluga Oblast broke through the "
     "$1.1 billion mark in 2024."),
    ("en-surpassed", "Trade between Belarus and Kaluga Oblast surpassed $1.1bn in 2024."),
    ("ru-prevzoshel", "Товарооборот Беларуси и Калужской области в 2024 году превзошёл "
     "$1,1 млрд."),
    ("ru-pereshagnul-rubezh", "Товарооборот Беларуси и Калужской области в 2024 году "
     "перешагнул рубеж в $1,1 млрд."),
    ("ru-perevalil-za", "Товарооборот Беларуси и Калужской области в 2024 году перевалил за "
     "$1,1 млрд."),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in OVER])
def test_over_said_by_a_verb(text: str) -> None:
    found = extract(text)
    assert [(a.value, a.qualifier) for a in found.trade] == [(1.1e9, "over")]


UNDER = [
    ("en-approached", "Trade between Belarus and Kaluga Oblast approached $1.1bn in 2024."),
    ("en-just-shy-of", "Trade between Belarus and Kaluga Oblast came in just shy of $1.1bn "
     "in 2024."),
    ("ru-priblizilsya-k", "Товарооборот Беларуси и Калужской области в 2024 году вплотную "
     "приблизился к $1,1 млрд."),
    ("ru-ne-dotyanul-do", "Товарооборот Беларуси и Калужской области в 2024 году не дотянул "
     "до $1,1 млрд."),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in UNDER])
def test_under_said_by_a_verb(text: str) -> None:
    found = extract(text)
    assert [(a.value, a.qualifier) for a in found.trade] == [(1.1e9, "under")]
