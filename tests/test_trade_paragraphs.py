"""Trade rules that must hold beyond the pieces they were written on: region-to-region pieces,
answers that leave the subject out, list lines, other growth wordings, totals and products,
months with no year, and goals said without a flow word. Short texts we wrote ourselves."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from coopwatch.model import Extraction, RawDocument
from coopwatch.pipeline.clean import clean_document
from coopwatch.pipeline.dedupe import flow_key
from coopwatch.pipeline.parties import tag_parties
from coopwatch.pipeline.trade import tag_trade
from coopwatch.pipeline.trade_tables import Cell, Line, cells_of, growth_value, table_blocks

PUBLISHED = date(2025, 3, 12)
Key = tuple[tuple[str, ...], str | None, str, float]


def extract(text: str) -> Extraction:
    """Clean a text, tag its parties and its trade, as the pipeline does."""
    raw = RawDocument(
        origin="test",
        name="test.txt",
        text=text,
        published=PUBLISHED,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    doc = clean_document(raw).model_copy(update={"published": PUBLISHED})
    found = Extraction(doc=doc.name, lang=doc.lang, published=PUBLISHED)
    tag_parties(doc, found)
    tag_trade(doc, found)
    return found


def atoms(found: Extraction) -> set[Key]:
    return {
        (flow_key(a.flow, a.reporter, a.partner), a.period, a.measure, round(a.value, 2))
        for a in found.trade
    }


def rows(*items: tuple[str, str, str, str, str, float]) -> set[Key]:
    return {(flow_key(f, r, p), period, m, round(v, 2)) for f, r, p, period, m, v in items}


EN_PAIR = "Vitebsk Oblast and Smolensk Oblast held talks on cooperation in Vitebsk.\n\n"
RU_PAIR = "Витебская и Смоленская области обсудили сотрудничество.\n\n"
EN_TULA = "Belarus and Tula Oblast held talks on cooperation.\n\n"
RU_TULA = "Беларусь и Тульская область обсудили сотрудничество.\n\n"

REGION_PAIR = [
    (
        "en-two-regions",
        EN_PAIR + "Trade between the two regions grew by 6% in 2024.",
        [("turnover", "BY-VI", "RU-SMO", "2024", "growth_pct", 6)],
    ),
    (
        "en-list-line-no-party",
        EN_PAIR + "Results of 2024:\n\nExports: $48.5 million (+3.2%)",
        [
            ("export", "BY-VI", "RU-SMO", "2024", "value", 48.5e6),
            ("export", "BY-VI", "RU-SMO", "2024", "growth_pct", 3.2),
        ],
    ),
    (
        "ru-between-oblasts",
        RU_PAIR + "В 2024 году товарооборот между нашими областями вырос на 9%.",
        [("turnover", "BY-VI", "RU-SMO", "2024", "growth_pct", 9)],
    ),
    (
        "ru-bare-list-line",
        RU_PAIR + "Итоги года.\n\nИмпорт в 2024 году – 21,4 млн долларов.",
        [("import", "BY-VI", "RU-SMO", "2024", "value", 21.4e6)],
    ),
    (
        "en-country-named-stays-country",
        EN_PAIR + "In 2024 Belarus' trade with Smolensk Oblast reached $900 million.",
        [("turnover", "BY", "RU-SMO", "2024", "value", 900e6)],
    ),
    (
        "en-list-after-lead-line",
        EN_PAIR + "Results of 2024:\n- exports: $48.5 million (+3.2%);\n- imports: $30 million "
        "(-1.5%).",
        [
            ("export", "BY-VI", "RU-SMO", "2024", "value", 48.5e6),
            ("export", "BY-VI", "RU-SMO", "2024", "growth_pct", 3.2),
            ("import", "BY-VI", "RU-SMO", "2024", "value", 30e6),
            ("import", "BY-VI", "RU-SMO", "2024", "growth_pct", -1.5),
        ],
    ),
    (
        "ru-list-after-lead-line",
        RU_PAIR + "Итоги 2024 года:\nЭкспорт – 48,1 млн долларов (+6,1%)\nИмпорт – 30,2 млн "
        "долларов (−2%)",
        [
            ("export", "BY-VI", "RU-SMO", "2024", "value", 48.1e6),
            ("export", "BY-VI", "RU-SMO", "2024", "growth_pct", 6.1),
            ("import", "BY-VI", "RU-SMO", "2024", "value", 30.2e6),
            ("import", "BY-VI", "RU-SMO", "2024", "growth_pct", -2),
        ],
    ),
    (
        "ru-continuation-keeps-the-named-pair",
        RU_PAIR + "В 2024 году товарооборот Беларуси со Смоленской областью составил 900 млн "
        "долларов. За январь–февраль 2025 года он вырос на 4%.",
        [
            ("turnover", "BY", "RU-SMO", "2024", "value", 900e6),
            ("turnover", "BY", "RU-SMO", "2025-01..2025-02", "growth_pct", 4),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in REGION_PAIR], ids=[c[0] for c in REGION_PAIR]
)
def test_region_to_region_pieces(text: str, expected: list) -> None:
    assert atoms(extract(text)) == rows(*expected)


CARRIED = [
    (
        "en-answer-after-question",
        EN_TULA + "Q: How did trade with the region do?\n\nA: It came to $640 million last year, "
        "9% more than in 2023.",
        [
            ("turnover", "BY", "RU-TUL", "2024", "value", 640e6),
            ("turnover", "BY", "RU-TUL", "2024", "growth_pct", 9),
        ],
    ),
    (
        "ru-answer-after-question",
        RU_TULA + "– Как меняется товарооборот с областью?\n\n– В прошлом году он превысил "
        "700 миллионов долларов.",
        [("turnover", "BY", "RU-TUL", "2024", "value", 700e6)],
    ),
    (
        "ru-according-to-him",
        "Смоленская область и Беларусь обсудили сотрудничество.\n\nПо итогам 2024 года "
        "товарооборот Смоленской области с Беларусью вырос на 5%.\n\nПо его словам, экспорт в "
        "республику вырос на 10%, импорт из Белоруссии сократился на 3%.",
        [
            ("turnover", "BY", "RU-SMO", "2024", "growth_pct", 5),
            ("export", "RU-SMO", "BY", "2024", "growth_pct", 10),
            ("import", "RU-SMO", "BY", "2024", "growth_pct", -3),
        ],
    ),
    (
        "ru-answer-without-pronoun",
        RU_TULA + "– Какой товарооборот у области с Беларусью?\n\n– По итогам прошлого года – "
        "540 млн долларов, плюс 8 процентов.",
        [
            ("turnover", "BY", "RU-TUL", "2024", "value", 540e6),
            ("turnover", "BY", "RU-TUL", "2024", "growth_pct", 8),
        ],
    ),
    (
        "ru-dative-receiver",
        "Брянская и Гомельская области договорились о сотрудничестве.\n\nГомельские "
        "предприятия в 2024 году отгрузили брянским партнёрам продукции на 80 млн долларов.",
        [("export", "BY-HO", "RU-BRY", "2024", "value", 80e6)],
    ),
    (
        "ru-partner-after-the-figure-is-no-partner-of-a-total",
        "Брянская область и Беларусь обсудили сотрудничество.\n\nВ 2024 году внешнеторговый "
        "оборот Брянской области составил 1,5 млрд долларов, из них на Беларусь пришлось 40%.",
        [("turnover", "BY", "RU-BRY", "2024", "share_pct", 40)],
    ),
    (
        "en-partner-after-the-figure-is-no-partner-of-a-total",
        "Bryansk Oblast and Belarus held talks.\n\nIn 2024 Bryansk Oblast's foreign trade "
        "reached $1.5 billion, with Belarus accounting for 40%.",
        [("turnover", "BY", "RU-BRY", "2024", "share_pct", 40)],
    ),
    (
        "en-he-added",
        "Smolensk Oblast and Belarus held talks.\n\nIn 2024 trade between Smolensk Oblast and "
        "Belarus grew by 5%.\n\nHe added that exports to the republic rose by 10%.",
        [
            ("turnover", "BY", "RU-SMO", "2024", "growth_pct", 5),
            ("export", "RU-SMO", "BY", "2024", "growth_pct", 10),
        ],
    ),
    (
        "ru-we-added",
        RU_TULA + "– Как идёт торговля с Беларусью?\n\n– За январь мы прибавили 11 процентов.",
        [("turnover", "BY", "RU-TUL", "2025-01..2025-01", "growth_pct", 11)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CARRIED], ids=[c[0] for c in CARRIED]
)
def test_answer_carries_the_question_subject(text: str, expected: list) -> None:
    assert atoms(extract(text)) == rows(*expected)


def test_without_a_question_a_new_paragraph_does_not_inherit_the_flow() -> None:
    text = EN_TULA + "Trade with Belarus is important.\n\nIt came to $640 million last year."
    assert atoms(extract(text)) == set()


GROWTH = [
    ("en-index-of-level", EN_TULA + "In 2024 Belarusian exports to Tula Oblast amounted to "
     "$300 million, 96.5% of the level of the previous year.", "export", "2024", -3.5),
    ("en-a-fifth", EN_TULA + "In 2024 imports from Tula Oblast were up by a fifth.",
     "import", "2024", 20),
    ("en-a-tenth", EN_TULA + "In 2023 trade between Belarus and Tula Oblast fell by a tenth.",
     "turnover", "2023", -10),
    ("en-plus-sign", EN_TULA + "Trade between Belarus and Tula Oblast in 2024: +5.5%.",
     "turnover", "2024", 5.5),
    ("ru-fifth-part", RU_TULA + "В 2024 году товарооборот Беларуси с Тульской областью вырос "
     "на пятую часть.", "turnover", "2024", 20),
    ("ru-plus-word", RU_TULA + "Товарооборот Беларуси с Тульской областью в 2023 году – плюс "
     "12%.", "turnover", "2023", 12),
    ("ru-minus-sign", RU_TULA + "Экспорт в Тульскую область в 2022 году: −4,5%.",
     "export", "2022", -4.5),
    ("en-level-against-base", EN_TULA + "In 2022 trade between Belarus and Tula Oblast amounted "
     "to 104.3% compared to 2021.", "turnover", "2022", 4.3),
    ("ru-level-against-base", RU_TULA + "В 2022 году товарооборот Беларуси с Тульской областью "
     "составил 96,1 процента по сравнению с 2021 годом.", "turnover", "2022", -3.9),
    ("ru-added-percent", RU_TULA + "В 2024 году товарооборот с Тульской областью прибавил 7 "
     "процентов.", "turnover", "2024", 7),
]


@pytest.mark.parametrize(
    ("text", "flow", "period", "value"),
    [c[1:] for c in GROWTH],
    ids=[c[0] for c in GROWTH],
)
def test_growth_wordings(text: str, flow: str, period: str, value: float) -> None:
    found = extract(text)
    growth = {
        (a.flow, a.period, round(a.value, 2)) for a in found.trade if a.measure == "growth_pct"
    }
    assert growth == {(flow, period, value)}


NO_ATOM = [
    ("en-region-total", EN_TULA + "In 2024 the region's foreign trade turnover reached $5 "
     "billion, up 3%."),
    ("en-city-total", EN_TULA + "In 2024 the city's total exports grew by 4% to $2 billion."),
    ("en-product-after-of", EN_TULA + "Exports of medicines to Tula Oblast grew 2.5 times in "
     "2024."),
    ("ru-oblast-total", RU_TULA + "В 2024 году внешнеторговый оборот области составил 5 млрд "
     "долларов."),
    ("ru-region-total-growth", RU_TULA + "Общий объём внешней торговли региона в 2024 году "
     "вырос на 3%."),
    ("ru-product-adjective", RU_TULA + "Экспорт белорусских удобрений в Тульскую область вырос "
     "на 5% в 2023 году."),
]


@pytest.mark.parametrize("text", [c[1] for c in NO_ATOM], ids=[c[0] for c in NO_ATOM])
def test_totals_and_products_are_no_atoms(text: str) -> None:
    assert extract(text).trade == []


BILATERAL_TOTALS = [
    ("en-foreign-trade-with", EN_TULA + "In 2023 foreign trade with Belarus reached $1 billion."),
    ("ru-foreign-trade-with", RU_TULA + "В 2023 году внешнеторговый оборот с Беларусью составил "
     "1 млрд долларов."),
    ("ru-between-republics", RU_TULA + "В 2023 году внешнеторговый оборот между республиками "
     "составил 1 млрд долларов."),
]


@pytest.mark.parametrize(
    "text", [c[1] for c in BILATERAL_TOTALS], ids=[c[0] for c in BILATERAL_TOTALS]
)
def test_foreign_trade_with_the_other_side_is_an_atom(text: str) -> None:
    assert {(a.period, a.value) for a in extract(text).trade} == {("2023", 1e9)}


MONTHS = [
    ("en-month-after-year-figure", EN_TULA + "In 2024 trade between Belarus and Tula Oblast "
     "reached $900 million. In January it rose by 12%.", "2025-01..2025-01"),
    ("ru-month-after-year-figure", RU_TULA + "В 2024 году товарооборот Беларуси с Тульской "
     "областью составил 900 млн долларов. В феврале он вырос на 12%.", "2025-02..2025-02"),
    ("ru-month-inside-span", RU_TULA + "За январь–май 2024 года товарооборот Беларуси с "
     "Тульской областью вырос на 5%. В мае он вырос на 12%.", "2024-05..2024-05"),
]


@pytest.mark.parametrize(
    ("text", "period"), [c[1:] for c in MONTHS], ids=[c[0] for c in MONTHS]
)
def test_month_without_a_year(text: str, period: str) -> None:
    found = extract(text)
    assert period in {a.period for a in found.trade if a.value == 12}


TARGETS = [
    ("ru-bar", RU_TULA + "В 2024 году товарооборот составил 300 млн долларов.\n\n"
     "Полмиллиарда долларов – вот рубеж, который стороны наметили на 2028 год.", 500e6, "2028"),
    ("ru-want-to-reach", RU_TULA + "В 2024 году товарооборот составил 300 млн долларов.\n\n"
     "Хотим выйти на 700 миллионов в ближайшие три года.", 700e6, "next 3 years"),
    ("ru-task", RU_TULA + "В 2024 году товарооборот составил 300 млн долларов.\n\n"
     "Задача – 600 млн долларов к 2027 году.", 600e6, "2027"),
    ("en-milestone", EN_TULA + "In 2024 trade reached $300 million.\n\nThe next milestone "
     "the sides want to hit is $450 million by 2027.", 450e6, "2027"),
]


@pytest.mark.parametrize(
    ("text", "value", "due"), [c[1:] for c in TARGETS], ids=[c[0] for c in TARGETS]
)
def test_goals_without_a_flow_word(text: str, value: float, due: str) -> None:
    found = extract(text)
    assert {(t.flow, t.value, t.horizon) for t in found.targets} == {("turnover", value, due)}
    assert all(a.value != value for a in found.trade)


def test_an_amount_in_a_plan_with_no_trade_said_is_no_target() -> None:
    text = "Беларусь и Тульская область обсудили проекты.\n\nЗавод стоимостью 50 млн долларов " \
        "планируется построить к 2027 году."
    assert extract(text).targets == []


def test_table_lines_and_cells() -> None:
    text = "Caption.\n| | 2023 | 2024 |\n|---|---|---|\n| Exports | 1,5 | 2 |\nEnd."
    blocks = table_blocks(text)
    assert [len(b) for b in blocks] == [3]
    assert [c.text for c in cells_of(blocks[0][0])] == ["", "2023", "2024"]
    assert [c.text for c in cells_of(Line("a\t1\t2", 0))] == ["a", "1", "2"]


@pytest.mark.parametrize(
    ("cell", "kind", "value"),
    [("107,1", "index", 7.1), ("96.5", "index", -3.5), ("+4.2", "growth", 4.2),
     ("-3,2", "change", -3.2), ("104,0", "growth", 4.0), ("12", "change", 12.0)],
)
def test_table_growth_cells(cell: str, kind: str, value: float) -> None:
    assert growth_value(Cell(cell, 0, len(cell)), kind) == value


TABLES = [
    (
        "ru-table-two-oblasts-coordinated",
        "Гродненская и Псковская области подвели итоги взаимной торговли.\n\n"
        "Взаимная торговля Гродненской и Псковской областей, млн долларов США:\n\n"
        "Показатель | 2023 | 2024 | Темп роста, %\n"
        "Товарооборот | 120,0 | 150,0 | 125,0\n"
        "Экспорт | 70,0 | 90,0 | 128,6\n",
        [
            ("turnover", "BY-HR", "RU-PSK", "2023", "value", 120e6),
            ("turnover", "BY-HR", "RU-PSK", "2024", "value", 150e6),
            ("turnover", "BY-HR", "RU-PSK", "2024", "growth_pct", 25.0),
            ("export", "BY-HR", "RU-PSK", "2023", "value", 70e6),
            ("export", "BY-HR", "RU-PSK", "2024", "value", 90e6),
            ("export", "BY-HR", "RU-PSK", "2024", "growth_pct", 28.6),
        ],
    ),
    (
        "en-table-belarus-region",
        "Belarus and Kaluga Oblast reviewed their trade.\n\n"
        "Belarus' trade with Kaluga Oblast, USD million:\n\n"
        "Indicator | 2023 | 2024\n"
        "Turnover | 300.5 | 320.0\n"
        "Imports | 100.0 | 95.0\n",
        [
            ("turnover", "BY", "RU-KLU", "2023", "value", 300.5e6),
            ("turnover", "BY", "RU-KLU", "2024", "value", 320e6),
            ("import", "BY", "RU-KLU", "2023", "value", 100e6),
            ("import", "BY", "RU-KLU", "2024", "value", 95e6),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", [t[1:] for t in TABLES], ids=[t[0] for t in TABLES])
def test_trade_tables_give_one_atom_per_cell(text: str, expected: list[tuple]) -> None:
    assert atoms(extract(text)) == rows(*expected)
