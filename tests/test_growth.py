"""Growth and share figures read from the words around them (spec: growth semantics)."""

from __future__ import annotations

import pytest

from coopwatch.pipeline.figures import read_figures

GROWTH = [
    ("en-grew-by", "en", "Trade grew by 37% in 2023.", "growth_pct", 37),
    ("en-up", "en", "Trade was up 54% in 2023.", "growth_pct", 54),
    ("en-percent-up-after", "en", "Exports reached $91 million (31% up).", "growth_pct", 31),
    ("en-decreased", "en", "Trade decreased by 7% in 2023.", "growth_pct", -7),
    ("en-doubled", "en", "Trade doubled in 2023.", "growth_pct", 100),
    ("en-third", "en", "Trade grew by a third in 2023.", "growth_pct", 33.3),
    ("en-more-than-half", "en", "Trade increased by more than half.", "growth_pct", 50),
    ("en-times", "en", "Trade grew 2.5 times in 2023.", "growth_pct", 150),
    ("en-fell-times", "en", "Trade fell 4.8 times in 2023.", "growth_pct", -79.17),
    ("en-halved", "en", "Trade halved in 2023.", "growth_pct", -50),
    (
        "en-index",
        "en",
        "Trade was $5 million, 100.9% of the same period last year.",
        "growth_pct",
        0.9,
    ),
    (
        "en-share-of-trade",
        "en",
        "Over 50% of Tula's trade with the CIS falls on Belarus.",
        "share_pct",
        50,
    ),
    ("en-share-word", "en", "Belarus' share amounts to about 20%.", "share_pct", 20),
    ("ru-vyros-na", "ru", "Товарооборот вырос на 8,4%.", "growth_pct", 8.4),
    ("ru-times", "ru", "Товарооборот вырос в 1,5 раза.", "growth_pct", 50),
    ("ru-vdvoe", "ru", "Товарооборот вырос вдвое.", "growth_pct", 100),
    ("ru-vdvoe-down", "ru", "Товарооборот вдвое сократился.", "growth_pct", -50),
    ("ru-tret", "ru", "Товарооборот вырос на треть.", "growth_pct", 33.3),
    ("ru-quarter-down", "ru", "Товарооборот сократился на четверть.", "growth_pct", -25),
    (
        "ru-three-and-half",
        "ru",
        "Это в три с половиной раза превышает прошлогодний показатель.",
        "growth_pct",
        250,
    ),
    ("ru-rost-dash", "ru", "Товарооборот составил $5 млн, рост – 118,2%.", "growth_pct", 18.2),
    ("ru-temp-rosta", "ru", "Темп роста товарооборота составил 118,2 %.", "growth_pct", 18.2),
    ("ru-k-urovnyu", "ru", "Это 118,2% к уровню прошлого года.", "growth_pct", 18.2),
    ("ru-less-than-year", "ru", "Это на 34,5% меньше, чем в 2018 году.", "growth_pct", -34.5),
    ("ru-share", "ru", "Доля Беларуси в обороте области составляет 5%.", "share_pct", 5),
    (
        "ru-share-falls-on",
        "ru",
        "На Гомельскую область пришлось более 40% поставок.",
        "share_pct",
        40,
    ),
]


@pytest.mark.parametrize(
    "lang,text,measure,value", [r[1:] for r in GROWTH], ids=[r[0] for r in GROWTH]
)
def test_growth_and_share(lang: str, text: str, measure: str, value: float) -> None:
    read = [f for f in read_figures(text, lang, 0) if f.kind != "amount"]
    assert len(read) == 1 and "unread" not in read[0].notes
    assert (read[0].measure, read[0].value) == (measure, pytest.approx(value, abs=0.01))


@pytest.mark.parametrize(
    "lang,text",
    [
        ("ru", "Беларусь в шесть раз больше покупает в республике, чем поставляет туда."),
        ("en", "The region produces 2% of the country's grain."),
        ("ru", "У нас производится 40% российского алюминия."),
    ],
    ids=["ru-comparison-of-flows", "en-production-share", "ru-production-share"],
)
def test_no_growth_without_a_growth_word(lang: str, text: str) -> None:
    assert all("unread" in f.notes for f in read_figures(text, lang, 0))


def test_elliptical_list_inherits_the_growth_word() -> None:
    text = "Оборот вырос на 8,4%, экспорт – на 1,6%, импорт – на 29,4%."
    assert [f.value for f in read_figures(text, "ru", 0)] == [8.4, 1.6, 29.4]
