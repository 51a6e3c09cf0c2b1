"""Periods: every way our own short sentences name one, resolved against publication."""

from __future__ import annotations

from datetime import date

import pytest

from coopwatch.pipeline.periods import find_periods, resolve

PUBLISHED = date(2024, 9, 30)

PERIODS = [
    ("en-year", "en", "Trade grew in 2023.", "2023"),
    ("en-month-span", "en", "In January-August 2024 trade grew.", "2024-01..2024-08"),
    ("en-span-this-year", "en", "In January-June of this year trade grew.", "2024-01..2024-06"),
    ("en-quarter-code", "en", "Q1 2023 brought growth.", "2023-01..2023-03"),
    ("en-quarter-words", "en", "In the second quarter of 2022 it fell.", "2022-04..2022-06"),
    ("en-half", "en", "In the first half of 2023 it rose.", "2023-01..2023-06"),
    ("en-n-months", "en", "Over nine months of this year it rose.", "2024-01..2024-09"),
    ("en-n-months-year", "en", "In 7 months of 2025 it rose.", "2025-01..2025-07"),
    ("en-last-year", "en", "Last year trade grew.", "2023"),
    ("en-this-year-so-far", "en", "This year so far trade grew.", "2024"),
    ("en-month-no-year", "en", "In March trade grew.", "2024-03..2024-03"),
    ("en-later-month-no-year", "en", "In November trade grew.", "2023-11..2023-11"),
    ("ru-year", "ru", "В 2022 году товарооборот вырос.", "2022"),
    ("ru-year-m", "ru", "В 2024-м году товарооборот вырос.", "2024"),
    ("ru-span", "ru", "За январь–август 2024 года оборот вырос.", "2024-01..2024-08"),
    ("ru-span-locative", "ru", "В январе - сентябре 2022 года оборот вырос.", "2022-01..2022-09"),
    ("ru-span-no-year", "ru", "За январь–август оборот вырос.", "2024-01..2024-08"),
    ("ru-half", "ru", "За первое полугодие оборот вырос.", "2024-01..2024-06"),
    (
        "ru-half-of-year",
        "ru",
        "По итогам первой половины 2025 года оборот вырос.",
        "2025-01..2025-06",
    ),
    ("ru-nine-months", "ru", "За 9 месяцев оборот вырос.", "2024-01..2024-09"),
    ("ru-seven-months-words", "ru", "За семь месяцев 2025 года оборот вырос.", "2025-01..2025-07"),
    ("ru-quarter", "ru", "В первом квартале 2023 года оборот вырос.", "2023-01..2023-03"),
    ("ru-last-year", "ru", "В прошлом году оборот вырос.", "2023"),
    ("ru-this-year", "ru", "Этого года оборот вырос.", "2024"),
    ("ru-month", "ru", "В январе оборот вырос.", "2024-01..2024-01"),
    ("ru-days-span", "ru", "С 12 января по 30 апреля 2024 года оборот вырос.", "2024-01..2024-04"),
    ("en-days-span", "en", "From 12 January to 30 April 2024 trade grew.", "2024-01..2024-04"),
]


@pytest.mark.parametrize("lang,text,period", [r[1:] for r in PERIODS], ids=[r[0] for r in PERIODS])
def test_period_resolved(lang: str, text: str, period: str) -> None:
    (mention,) = [p for p in find_periods(text, lang) if not p.base and not p.is_date]
    assert resolve(mention, PUBLISHED) == period


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "grew by 35% over 2022"),
        ("en", "compared to the same period last year"),
        ("ru", "на 34,5% меньше, чем в 2018 году"),
        ("ru", "по сравнению с 2023 годом"),
        ("ru", "к аналогичному периоду прошлого года"),
        ("ru", "или 105,3% к уровню января-июня 2023 года"),
    ],
    ids=["en-over", "en-same-period", "ru-than", "ru-compared", "ru-same-period", "ru-span-level"],
)
def test_base_of_a_comparison_is_no_period(lang: str, text: str) -> None:
    assert all(p.base for p in find_periods(text, lang))


def test_a_calendar_date_is_no_period() -> None:
    (mention,) = find_periods("MINSK, 20 April 2017 (BelTA)", "en")
    assert mention.is_date


def test_last_year_needs_a_publication_date() -> None:
    (mention,) = find_periods("Last year trade grew.", "en")
    assert resolve(mention, None) is None
