"""Belarusian documents: no stage breaks on them, and trade figures, periods, regions and
people are read from our own short Belarusian sentences (Russian rules where forms coincide)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from coopwatch.model import RawDocument
from coopwatch.pipeline import EXTRACTION_STAGES, process
from coopwatch.pipeline.amounts import find_amounts, find_percents
from coopwatch.pipeline.growth import find_changes
from coopwatch.pipeline.lexicon import entries
from coopwatch.pipeline.periods import find_periods, resolve


def run(text: str, published: date | None = date(2025, 3, 1)) -> dict[str, Any]:
    raw = RawDocument(origin="t", name="t.txt", text=text, content_hash=str(hash(text)),
                      published=published)
    doc, found = process(raw)
    assert doc.lang == "be"
    return found.to_gold()


SENTENCES = [
    ("trade-figures", "Тавараабарот Беларусі з Тульскай вобласцю ў 2024 годзе склаў 500 мільёнаў "
     "долараў і вырас на 12 працэнтаў."),
    ("governor-visit", "Губернатар Тульскай вобласці Дзмітрый Мілюеў наведаў Мінск і сустрэўся са "
     "старшынёй Мінскага аблвыканкама."),
    ("region-cases", "Дэлегацыя з Краснадарскага краю наведала Гомельскую вобласць, а ў Брэсцкай "
     "вобласці чакаюць гасцей з Рэспублікі Татарстан."),
    ("export-halfyear", "Экспарт беларускіх тавараў у Ліпецкую вобласць за першае паўгоддзе 2025 "
     "года павялічыўся ў 1,5 раза."),
    ("target", "Бакі плануюць давесці тавараабарот да 1 мільярда долараў ЗША да 2030 года."),
    ("no-figures", "Беларусь і Расія — стратэгічныя партнёры, а Віцебшчына развівае сувязі з "
     "Пскоўскай вобласцю."),
    ("odd-input", "12 %% ... у 2024 — мільёнаў долараў, Расія-Беларусь, «РБ» і «РТ»."),
]


@pytest.mark.parametrize("text", [s[1] for s in SENTENCES], ids=[s[0] for s in SENTENCES])
def test_every_stage_runs_on_belarusian(text: str) -> None:
    gold = run(text)
    assert gold["lang"] == "be"
    assert len(EXTRACTION_STAGES) >= 9


TRADE = [
    ("turnover-year",
     "Тавараабарот Беларусі з Тульскай вобласцю ў 2024 годзе склаў 500 мільёнаў долараў і вырас "
     "на 12 працэнтаў.",
     {("turnover", "2024", "value", 500e6, "USD", "exact"),
      ("turnover", "2024", "growth_pct", 12.0, None, "exact")}),
    ("export-span-approx",
     "Экспарт Ліпецкай вобласці ў Беларусь за студзень–жнівень 2024 года склаў каля 120 мільёнаў "
     "долараў ЗША.",
     {("export", "2024-01..2024-08", "value", 120e6, "USD", "approx")}),
    ("halfyear-times",
     "Экспарт беларускіх тавараў у Смаленскую вобласць за першае паўгоддзе 2024 года павялічыўся "
     "ў 1,5 раза.",
     {("export", "2024-01..2024-06", "growth_pct", 50.0, None, "exact")}),
    ("last-year-down-over",
     "Летась тавараабарот з Бранскай вобласцю скараціўся на 3,5 працэнта і склаў больш за "
     "1,2 мільярда долараў.",
     {("turnover", "2024", "growth_pct", -3.5, None, "exact"),
      ("turnover", "2024", "value", 1.2e9, "USD", "over")}),
    ("trade-noun-nominative",
     "Гандаль Беларусі з Пскоўскай вобласцю ў 2023 годзе павялічыўся на 8 працэнтаў.",
     {("turnover", "2023", "growth_pct", 8.0, None, "exact")}),
    ("byn-almost",
     "Імпарт з Калужскай вобласці ў мінулым годзе склаў амаль 40 мільёнаў беларускіх рублёў.",
     {("import", "2024", "value", 40e6, "BYN", "under")}),
]


@pytest.mark.parametrize("text, expected", [t[1:] for t in TRADE], ids=[t[0] for t in TRADE])
def test_belarusian_trade_atoms(text: str, expected: set[tuple[Any, ...]]) -> None:
    atoms = run(text)["trade"]
    got = {(a["flow"], a["period"], a["measure"], a["value"], a.get("currency"),
            a.get("qualifier", "exact")) for a in atoms}
    assert got == expected
    assert all("BY" in (a["reporter"], a["partner"]) for a in atoms)


def test_belarusian_target_is_no_atom() -> None:
    gold = run("Бакі плануюць давесці тавараабарот з Тульскай вобласцю да 1 мільярда долараў "
               "ЗША да 2030 года.")
    assert gold["trade"] == []
    assert [(t["measure"], t["value"], t.get("horizon")) for t in gold["targets"]] == [
        ("value", 1e9, "2030")]


AMOUNTS = [
    ("millions-usd", "склаў 500 мільёнаў долараў", (500e6, "USD", "exact")),
    ("billion-usa", "каля 1,5 мільярда долараў ЗША", (1.5e9, "USD", "approx")),
    ("byn", "больш за 20 мільёнаў беларускіх рублёў", (20e6, "BYN", "over")),
    ("rub", "амаль 3 мільярды расійскіх рублёў", (3e9, "RUB", "under")),
    ("half-billion", "паўмільярда долараў", (0.5e9, "USD", "exact")),
]


@pytest.mark.parametrize("text, expected", [a[1:] for a in AMOUNTS], ids=[a[0] for a in AMOUNTS])
def test_belarusian_amounts(text: str, expected: tuple[float, str, str]) -> None:
    found = find_amounts(text, "be")
    assert [(a.value, a.currency, a.qualifier) for a in found] == [expected]


def test_belarusian_percents_and_changes() -> None:
    assert [p.value for p in find_percents("вырас на 12 працэнтаў і на 3,5 працэнта", "be")] == [
        12.0, 3.5]
    assert [c.factor for c in find_changes("павялічыўся ў 1,5 раза, а потым удвая", "be")] == [
        1.5, 2.0]
    assert [c.factor for c in find_changes("вырас у тры з паловай раза", "be")] == [3.5]


PERIODS = [
    ("span", "за студзень–жнівень 2024 года", "2024-01..2024-08"),
    ("span-genitive", "у студзені–верасні 2023 года", "2023-01..2023-09"),
    ("halfyear", "за першае паўгоддзе 2025 года", "2025-01..2025-06"),
    ("quarter", "у другім квартале 2024 года", "2024-04..2024-06"),
    ("month", "у снежні 2023 года", "2023-12..2023-12"),
    ("last-year", "летась", "2024"),
    ("last-year-long", "у мінулым годзе", "2024"),
    ("this-year", "сёлета", "2025"),
    ("year", "у 2022 годзе", "2022"),
]


@pytest.mark.parametrize("text, expected", [p[1:] for p in PERIODS], ids=[p[0] for p in PERIODS])
def test_belarusian_periods(text: str, expected: str) -> None:
    found = [p for p in find_periods(text, "be") if not p.is_date]
    assert [resolve(p, date(2025, 3, 1)) for p in found] == [expected]


PEOPLE = [
    ("governor", "Губернатар Тульскай вобласці Дзмітрый Мілюеў наведаў Мінск.",
     ("Дзмітрый Мілюеў", "Governor of Tula Oblast")),
    ("ambassador", "Пасол Беларусі ў Расіі Аляксандр Рогаў сустрэўся з кіраўніцтвам рэгіёна.",
     ("Аляксандр Рогаў", "Ambassador of Belarus to Russia")),
    ("minister", "Міністр прамысловасці Уладзімір Карпенка адкрыў выставу.",
     ("Уладзімір Карпенка", "Minister")),
]


@pytest.mark.parametrize("text, expected", [p[1:] for p in PEOPLE], ids=[p[0] for p in PEOPLE])
def test_belarusian_people(text: str, expected: tuple[str, str]) -> None:
    persons = run(text)["persons"]
    assert [(p["ru"], p["role"]) for p in persons] == [expected]


def test_belarusian_rows_fall_back_to_russian() -> None:
    langs = {e[0] for e in entries("flow", "be")}
    assert langs == {"be", "ru"}
    assert {e[0] for e in entries("flow", "ru")} == {"ru"}
