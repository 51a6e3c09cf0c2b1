"""Money amounts and percentages: one table of short sentences we wrote, in both languages."""

from __future__ import annotations

import pytest

from coopwatch.pipeline.amounts import find_amounts, find_percents, parse_number

AMOUNTS = [
    ("en-dollar-million", "en", "Trade reached $500 million.", 500e6, "USD", "exact"),
    ("en-usd-code", "en", "It came to USD 1.2 billion.", 1.2e9, "USD", "exact"),
    ("en-bn", "en", "Exports hit $1.2bn last year.", 1.2e9, "USD", "exact"),
    ("en-over", "en", "Trade was over $230 million.", 230e6, "USD", "over"),
    ("en-words-after", "en", "It totaled 316.4 million dollars.", 316.4e6, "USD", "exact"),
    ("en-roubles", "en", "It exceeded 40bn Russian roubles.", 40e9, "RUB", "over"),
    ("en-belarusian-roubles", "en", "It was 12 million Belarusian roubles.", 12e6, "BYN", "exact"),
    ("en-euro", "en", "Deals worth €15 million were signed.", 15e6, "EUR", "exact"),
    ("en-range", "en", "Trade was $315-320 million.", 317.5e6, "USD", "approx"),
    ("en-close-to", "en", "It was close to $1.3 billion.", 1.3e9, "USD", "approx"),
    ("en-nearly", "en", "Trade reached nearly $270 million.", 270e6, "USD", "under"),
    ("en-half-billion", "en", "They aim at half a billion dollars.", 0.5e9, "USD", "exact"),
    ("en-thousands", "en", "A fine of $380,000 was paid.", 380e3, "USD", "exact"),
    ("ru-mln-dollars", "ru", "Он составил 500 млн долларов.", 500e6, "USD", "exact"),
    ("ru-dollar-sign", "ru", "Объём достиг $420 млн.", 420e6, "USD", "exact"),
    ("ru-decimal-comma", "ru", "Товарооборот составил $217,2 млн.", 217.2e6, "USD", "exact"),
    ("ru-usa", "ru", "Оборот — 1,2 млрд долларов США.", 1.2e9, "USD", "exact"),
    ("ru-comma-is-decimal", "ru", "Оборот составил 1,129 млрд долларов.", 1.129e9, "USD", "exact"),
    ("ru-half-billion", "ru", "Можем иметь полмиллиарда долларов.", 0.5e9, "USD", "exact"),
    ("ru-almost", "ru", "Экспорт составил почти $6 млн.", 6e6, "USD", "under"),
    ("ru-roubles", "ru", "Оборот превысил 3 млрд рублей.", 3e9, "RUB", "over"),
    (
        "ru-belarusian-roubles",
        "ru",
        "Цех стоит 18,5 млн белорусских рублей.",
        18.5e6,
        "BYN",
        "exact",
    ),
    ("ru-byn-code", "ru", "Сумма составила 250 тыс. BYN.", 250e3, "BYN", "exact"),
    ("ru-point-groups", "ru", "Штраф составил 20.000 руб.", 20000, "RUB", "exact"),
    ("ru-nbsp-groups", "ru", "Сделка на 1\u00a0234\u00a0567 долларов.", 1234567, "USD", "exact"),
    ("ru-thin-groups", "ru", "Сделка на 2\u2009500 евро.", 2500, "EUR", "exact"),
    (
        "ru-words",
        "ru",
        "Около ста пятидесяти миллиардов российских рублей.",
        150e9,
        "RUB",
        "approx",
    ),
    ("ru-about", "ru", "Порядка 40 млн долларов.", 40e6, "USD", "approx"),
    ("ru-more-than", "ru", "Более 800 млн долларов.", 800e6, "USD", "over"),
    ("ru-without-little", "ru", "Без малого 566 миллионов долларов.", 566e6, "USD", "under"),
]


@pytest.mark.parametrize(
    "lang,text,value,currency,qualifier",
    [row[1:] for row in AMOUNTS],
    ids=[row[0] for row in AMOUNTS],
)
def test_amount_value_currency_qualifier(
    lang: str, text: str, value: float, currency: str, qualifier: str
) -> None:
    (amount,) = find_amounts(text, lang)
    assert amount.value == pytest.approx(value)
    assert (amount.currency, amount.qualifier) == (currency, qualifier)


def test_amount_offsets_point_at_the_number() -> None:
    text = "In 2023 trade reached $1.2bn, up 5%."
    (amount,) = find_amounts(text, "en", offset=100)
    assert text[amount.start - 100 : amount.end - 100] == "$1.2bn"


def test_an_amount_with_no_currency_keeps_none() -> None:
    (amount,) = find_amounts("а объём импорта – 6,4 миллиона.", "ru")
    assert (amount.value, amount.currency) == (6.4e6, None)


@pytest.mark.parametrize(
    "lang,text,value,qualifier",
    [
        ("en", "up 54% on the year", 54, "exact"),
        ("en", "by more than 45 percent", 45, "over"),
        ("en", "by about 8-9%", 8.5, "approx"),
        ("ru", "на 8,4% больше", 8.4, "exact"),
        ("ru", "почти на 40 процентов", 40, "under"),
        ("ru", "118,2 % к уровню", 118.2, "exact"),
    ],
    ids=["en-up", "en-percent-word", "en-range", "ru-comma", "ru-word", "ru-space-before-sign"],
)
def test_percent(lang: str, text: str, value: float, qualifier: str) -> None:
    (percent,) = find_percents(text, lang)
    assert (percent.value, percent.qualifier) == (pytest.approx(value), qualifier)


@pytest.mark.parametrize(
    "raw,scaled,value",
    [
        ("1,129", True, 1.129),
        ("20.000", False, 20000),
        ("20.5", False, 20.5),
        ("1 000", False, 1000),
        ("3,14", False, 3.14),
    ],
    ids=["comma-with-multiplier", "point-groups", "point-decimal", "space-groups", "comma-decimal"],
)
def test_separators(raw: str, scaled: bool, value: float) -> None:
    assert parse_number(raw, scaled) == pytest.approx(value)
