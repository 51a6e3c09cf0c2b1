"""Publication dates from our own header lines: a full date on the page beats an inferred year."""

from __future__ import annotations

from datetime import date

import pytest

from coopwatch.pipeline.dates import find_publication
from coopwatch.pipeline.years import infer_year

LEAD_RU = (
    "Томск, 18 февраля – Губернатор области встретился с белорусской делегацией.\n"
    "По итогам 2024 года товарооборот составил 50 млн долларов.\n"
    "Стороны намерены довести товарооборот до 90 млн долларов к\n2027 году.\n"
)
LEAD_EN = (
    "TOMSK, 18 February – The governor met a Belarusian delegation.\n"
    "Trade reached $50 million in 2024.\n"
    "The sides intend to bring trade to $90 million by\n2027.\n"
)
HEADERS = {
    "ru-published-time-pipe-source": ("Опубликовано: 18.02.2025 17:05 | Источник: агентство",
                                      LEAD_RU),
    "ru-published-time-dot-source": ("Опубликовано: 18.02.2025 17:05 · Источник: агентство",
                                     LEAD_RU),
    "ru-publication-date": ("Дата публикации: 18.02.2025", LEAD_RU),
    "ru-date-time-views": ("18.02.2025 17:05 Просмотров: 120", LEAD_RU),
    "ru-iso-time": ("2025-02-18 17:05 | Экономика | Регионы", LEAD_RU),
    "en-published-words": ("Published: 18 February 2025, 17:05", LEAD_EN),
    "en-published-words-by": ("Published: 18 February 2025, 17:05 by our correspondent", LEAD_EN),
    "en-posted-us-order": ("Posted 02/18/2025 by the news desk", LEAD_EN),
    "en-day-first-slashes": ("Posted 18/02/2025 in Economy", LEAD_EN),
    "en-us-words": ("Published February 18, 2025 5:05 pm · 3 min read", LEAD_EN),
}


@pytest.mark.parametrize("case", list(HEADERS))
def test_header_date_wins_over_an_inferred_year(case: str) -> None:
    header, lead = HEADERS[case]
    text = f"Our Portal · news\n\nTomsk and Minsk sign a roadmap\n{header}\n\n{lead}"
    found = find_publication(text)
    assert found.published == date(2025, 2, 18), found


@pytest.mark.parametrize("lead", [LEAD_RU, LEAD_EN], ids=["ru", "en"])
def test_a_year_wrapped_onto_the_next_line_keeps_its_plan(lead: str) -> None:
    assert infer_year(lead) == 2025  # 2024's results are reported: 2025; 2027 is a target


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Форум откроется 18.03.2025 в Минске, сообщили в облисполкоме.", None),
        ("В 2024 году поставки выросли, а 01.03.2025 открылся центр в Гомеле.", None),
        ("The forum opens in Minsk on 18.03.2025 at the exhibition centre.", None),
    ],
    ids=["ru-event-date", "ru-event-date-later", "en-event-date"],
)
def test_a_date_inside_a_sentence_is_not_a_timestamp(line: str, expected: date | None) -> None:
    assert find_publication(f"Our Portal\n\n{line}\n").published == expected


def test_a_full_date_on_the_page_gives_the_lead_date_its_year() -> None:
    text = "Курсы валют на 18.02.2025\n\n" + LEAD_RU.replace("2024", "2019")
    assert find_publication(text).published == date(2025, 2, 18)
