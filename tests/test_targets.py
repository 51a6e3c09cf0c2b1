"""Plans and goals: kept apart from actual figures, with their horizon (spec: Targets)."""

from __future__ import annotations

import pytest

from coopwatch.pipeline.targets import horizon
from tests.test_trade import extract

TARGETS = [
    (
        "en-raise-to",
        "Belarus and Kursk Oblast are set to raise trade to $1 billion by 2027.",
        "value",
        1e9,
        "2027",
    ),
    (
        "en-double-medium-term",
        "Belarus and Tomsk Oblast have undertaken to double trade turnover in the medium term.",
        "multiplier",
        2,
        "medium term",
    ),
    (
        "en-double-or-triple",
        "Belarus and Tomsk Oblast intend to double or triple trade in the medium term.",
        "multiplier",
        [2, 3],
        "medium term",
    ),
    (
        "en-times-range",
        "Belarus and Kursk Oblast plan to increase trade 2-3 times.",
        "multiplier",
        [2, 3],
        None,
    ),
    (
        "en-should-increase",
        "Belarus's trade with Kaluga Oblast should increase to $1 billion.",
        "value",
        1e9,
        None,
    ),
    (
        "ru-dovesti",
        "Беларусь и Курская область намерены довести товарооборот до 1 млрд долларов.",
        "value",
        1e9,
        None,
    ),
    (
        "ru-times-range",
        "Беларусь и Курская область планируют увеличить товарооборот в 2–3 раза "
        "в ближайшие пять лет.",
        "multiplier",
        [2, 3],
        "next 5 years",
    ),
    (
        "ru-double-by-year",
        "Беларусь и Курская область договорились удвоить товарооборот к 2026 году.",
        "multiplier",
        2,
        "2026",
    ),
    (
        "ru-cue-after-figure",
        "Полмиллиарда долларов, я думаю, Беларусь и Курская область могут иметь товарооборот.",
        "value",
        0.5e9,
        None,
    ),
]


@pytest.mark.parametrize(
    "text,measure,value,due", [r[1:] for r in TARGETS], ids=[r[0] for r in TARGETS]
)
def test_targets(text: str, measure: str, value: float | list[float], due: str | None) -> None:
    _, found = extract(text)
    assert not found.trade
    (target,) = found.targets
    assert (target.measure, target.value) == (measure, value)
    assert target.horizon == due


def test_goal_by_reference_to_a_past_level() -> None:
    text = (
        "In 2012 trade between Belarus and Tver Oblast was $800 million. "
        "We believe we can increase trade with Tver Oblast to the level of 2012."
    )
    _, found = extract(text)
    assert [(a.period, a.value) for a in found.trade] == [("2012", 800e6)]
    assert [(t.measure, t.value) for t in found.targets] == [("value", 800e6)]


def test_a_past_figure_next_to_a_plan_is_a_fact() -> None:
    text = (
        "A Belarusian company will build a farm in Kaluga Oblast, the governor said, adding "
        "that trade with Belarus rose by 40 percent in 2022."
    )
    _, found = extract(text)
    assert [(a.period, a.measure, a.value) for a in found.trade] == [("2022", "growth_pct", 40)]
    assert not found.targets


@pytest.mark.parametrize(
    "lang,text,due",
    [
        ("en", "to $1 billion by 2030", "2030"),
        ("en", "in the long term", "long term"),
        ("ru", "в среднесрочной перспективе", "medium term"),
        ("ru", "к 2030 году", "2030"),
    ],
    ids=["en-by-year", "en-long-term", "ru-medium-term", "ru-by-year"],
)
def test_horizon(lang: str, text: str, due: str) -> None:
    assert horizon(text, lang, None) == due
