"""The trade stage end to end on short articles we wrote: atoms as the spec defines them."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from coopwatch.model import Document, Extraction, RawDocument
from coopwatch.pipeline.clean import clean_document
from coopwatch.pipeline.dedupe import flow_key
from coopwatch.pipeline.parties import tag_parties
from coopwatch.pipeline.trade import tag_trade

PUBLISHED = date(2024, 10, 15)


def extract(text: str, published: date | None = PUBLISHED) -> tuple[Document, Extraction]:
    """Clean a text, tag its parties and its trade, as the pipeline does."""
    raw = RawDocument(
        origin="test",
        name="test.txt",
        text=text,
        published=published,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    doc = clean_document(raw)
    doc = doc.model_copy(update={"published": published})
    found = Extraction(doc=doc.name, lang=doc.lang, published=published)
    tag_parties(doc, found)
    tag_trade(doc, found)
    return doc, found


Atom = tuple[str, str, str, str | None, str, float]


def atoms(found: Extraction) -> set[tuple[tuple[str, ...], str | None, str, float]]:
    """Atoms as the scorer compares them: normalised flow and parties, period, measure, value."""
    return {
        (flow_key(a.flow, a.reporter, a.partner), a.period, a.measure, round(a.value, 2))
        for a in found.trade
    }


def expected(rows: list[Atom]) -> set[tuple[tuple[str, ...], str | None, str, float]]:
    return {(flow_key(f, r, p), period, m, round(v, 2)) for f, r, p, period, m, v in rows}


TRADE = [
    (
        "en-value-and-growth",
        "In 2023 trade between Belarus and Tula Oblast reached $500 million, up 37% on 2022.",
        [
            ("turnover", "BY", "RU-TUL", "2023", "value", 500e6),
            ("turnover", "BY", "RU-TUL", "2023", "growth_pct", 37),
        ],
    ),
    (
        "en-exports-direction",
        "Belarus' exports to Lipetsk Oblast grew by 12% in 2022 to over $90 million.",
        [
            ("export", "BY", "RU-LIP", "2022", "growth_pct", 12),
            ("export", "BY", "RU-LIP", "2022", "value", 90e6),
        ],
    ),
    (
        "en-import-from-region",
        "In 2023 imports from Kursk Oblast totaled $150 million.",
        [("import", "BY", "RU-KRS", "2023", "value", 150e6)],
    ),
    (
        "en-two-years-one-sentence",
        "Belarus' exports to Omsk Oblast went up from $70 million in 2021 to $91 million in 2022.",
        [
            ("export", "BY", "RU-OMS", "2021", "value", 70e6),
            ("export", "BY", "RU-OMS", "2022", "value", 91e6),
        ],
    ),
    (
        "en-period-carried-to-next-sentence",
        "In January-August 2024 trade between Belarus and Kursk Oblast totaled $414 million. "
        "Exports surged by 54%.",
        [
            ("turnover", "BY", "RU-KRS", "2024-01..2024-08", "value", 414e6),
            ("export", "BY", "RU-KRS", "2024-01..2024-08", "growth_pct", 54),
        ],
    ),
    (
        "en-last-year",
        "Last year trade between Belarus and Tver Oblast fell 4.8 times.",
        [("turnover", "BY", "RU-TVE", "2023", "growth_pct", -79.17)],
    ),
    (
        "en-headline-rounds-body-precise",
        "Trade between Belarus and Orel Oblast exceeded $130 million in 2023.\n\n"
        "In 2023 trade between Belarus and Orel Oblast came to $134.2 million.",
        [("turnover", "BY", "RU-ORL", "2023", "value", 134.2e6)],
    ),
    (
        "en-share",
        "In 2023 over 50% of Tula Oblast's trade with the CIS fell on Belarus.",
        [("turnover", "RU-TUL", "BY", "2023", "share_pct", 50)],
    ),
    (
        "ru-value-growth",
        "В 2023 году товарооборот Беларуси и Курской области составил $420 млн, увеличившись "
        "в 1,5 раза.",
        [
            ("turnover", "BY", "RU-KRS", "2023", "value", 420e6),
            ("turnover", "BY", "RU-KRS", "2023", "growth_pct", 50),
        ],
    ),
    (
        "ru-index-style",
        "За январь–август 2024 года товарооборот Беларуси с Курской областью составил "
        "1,2 млрд долларов США, рост – 118,2%.",
        [
            ("turnover", "BY", "RU-KRS", "2024-01..2024-08", "value", 1.2e9),
            ("turnover", "BY", "RU-KRS", "2024-01..2024-08", "growth_pct", 18.2),
        ],
    ),
    (
        "ru-export-from-region-import-ellipsis",
        "В 2023 году экспорт из Курской области в Беларусь вырос на 12%, а импорт – на 7%.",
        [
            ("export", "RU-KRS", "BY", "2023", "growth_pct", 12),
            ("import", "RU-KRS", "BY", "2023", "growth_pct", 7),
        ],
    ),
    (
        "ru-belarusian-export",
        "Белорусский экспорт в Курскую область в 2023 году вырос на 54%.",
        [("export", "BY", "RU-KRS", "2023", "growth_pct", 54)],
    ),
    (
        "ru-supplies-of-region-goods",
        "Поставки курской продукции в Беларусь в 2022 году составили $217,2 млн.",
        [("export", "RU-KRS", "BY", "2022", "value", 217.2e6)],
    ),
    (
        "ru-belarusian-roubles-two-regions",
        "Товарооборот Гродненской области с Курской областью в 2023 году составил "
        "350 млн белорусских рублей.",
        [("turnover", "BY-HR", "RU-KRS", "2023", "value", 350e6)],
    ),
    (
        "ru-last-year-half",
        "В прошлом году товарооборот Беларуси и Курской области вдвое сократился.",
        [("turnover", "BY", "RU-KRS", "2023", "growth_pct", -50)],
    ),
    (
        "en-the-russian-region",
        "Kursk Oblast is a key partner: in 2023 Belarus' trade with the Russian region reached "
        "$1.1 billion.",
        [("turnover", "BY", "RU-KRS", "2023", "value", 1.1e9)],
    ),
    (
        "ru-span-base-is-no-period",
        "В январе–июне 2024 года товарооборот Беларуси с Курской областью составил $500 млн, или "
        "105,3% к уровню января–июня 2023 года. Он продолжает расти: экспорт вырос на 8%.",
        [
            ("turnover", "BY", "RU-KRS", "2024-01..2024-06", "value", 500e6),
            ("turnover", "BY", "RU-KRS", "2024-01..2024-06", "growth_pct", 5.3),
            ("export", "BY", "RU-KRS", "2024-01..2024-06", "growth_pct", 8),
        ],
    ),
    (
        "en-twice-as-much-as-a-year-earlier",
        "In January 2025 trade between Belarus and Kursk Oblast reached $48 million, almost twice "
        "as much as a year earlier.",
        [
            ("turnover", "BY", "RU-KRS", "2025-01..2025-01", "value", 48e6),
            ("turnover", "BY", "RU-KRS", "2025-01..2025-01", "growth_pct", 100),
        ],
    ),
    (
        "ru-ellipsis-after-fraction",
        "В 2023 году товарооборот Беларуси и Курской области сократился на четверть, "
        "за первое полугодие 2024 года еще на 21,6 процента.",
        [
            ("turnover", "BY", "RU-KRS", "2023", "growth_pct", -25),
            ("turnover", "BY", "RU-KRS", "2024-01..2024-06", "growth_pct", -21.6),
        ],
    ),
    (
        "ru-nine-months-no-year",
        "За 9 месяцев товарооборот Беларуси с Курской областью составил почти $60 млн.",
        [("turnover", "BY", "RU-KRS", "2024-01..2024-09", "value", 60e6)],
    ),
]


@pytest.mark.parametrize("text,rows", [r[1:] for r in TRADE], ids=[r[0] for r in TRADE])
def test_trade_atoms(text: str, rows: list[Atom]) -> None:
    _, found = extract(text)
    assert atoms(found) == expected(rows)
    assert not found.targets


OUT_OF_SCOPE = [
    ("en-one-product", "Tractor exports from Belarus to Kursk Oblast grew 265 times in 2023."),
    ("en-trade-balance", "Belarus' trade surplus with Kursk Oblast was $50 million in 2023."),
    ("en-other-country", "Trade between Belarus and China reached $8 billion in 2023."),
    (
        "ru-one-product-singular",
        "Поставки белорусского продовольствия в Курскую область в 2023 году выросли на 30%.",
    ),
    ("ru-one-product", "Экспорт тракторов в Курскую область в 2023 году вырос в 265 раз."),
    ("ru-balance", "Сальдо торговли Беларуси с Курской областью в 2023 году составило $50 млн."),
    ("ru-other-country", "Товарооборот Беларуси и Китая в 2023 году превысил $8 млрд."),
    (
        "en-contract-value",
        "In 2024 Belarus signed a contract with Kursk Oblast to supply buses worth $30 million.",
    ),
    (
        "ru-contract-value",
        "В 2024 году подписан контракт с Курской областью на поставку 120 автобусов на $30 млн.",
    ),
    ("ru-absolute-change", "Товарооборот Беларуси и Курской области вырос в 2023 году на $50 млн."),
]


@pytest.mark.parametrize("text", [r[1] for r in OUT_OF_SCOPE], ids=[r[0] for r in OUT_OF_SCOPE])
def test_out_of_scope_figures_are_no_atoms(text: str) -> None:
    _, found = extract(text)
    assert not found.trade


@pytest.mark.parametrize(
    "text,count",
    [
        (
            "Trade between Belarus and Kursk Oblast is rising. It totaled $315 million in 2021.",
            1,
        ),
        (
            "In 2023 trade between Belarus and Kursk Oblast grew by 10%. Output rose by 5%.",
            1,
        ),
        ("Товарооборот Беларуси и Курской области растет. В 2023 году он составил $96 млн.", 1),
        ("В 2023 году товарооборот Беларуси и Курской области вырос на 10%. ВРП вырос на 3%.", 1),
    ],
    ids=["en-it-points-back", "en-other-subject", "ru-on-points-back", "ru-other-subject"],
)
def test_a_sentence_without_a_flow_word_inherits_only_by_pointing_back(
    text: str, count: int
) -> None:
    _, found = extract(text)
    assert len(found.trade) == count


def test_evidence_points_at_the_number() -> None:
    doc, found = extract("Товарооборот Беларуси и Курской области в 2023 году составил $217,2 млн.")
    (atom,) = found.trade
    assert atom.evidence is not None
    assert doc.text[atom.evidence.start : atom.evidence.end] == "$217,2 млн"
    assert doc.sentences[atom.evidence.sentence].start <= atom.evidence.start


def test_no_publication_date_means_no_relative_period() -> None:
    _, found = extract("Last year trade between Belarus and Tver Oblast reached $40 million.", None)
    assert not found.trade


def test_without_a_date_last_year_compared_with_a_year_dates_the_piece() -> None:
    text = (
        "В прошлом году по сравнению с 2012 годом товарооборот Беларуси и Курской области "
        "вырос на 10%. За первый месяц года нынешнего он составил $44 млн."
    )
    _, found = extract(text, None)
    assert {(a.period, a.measure) for a in found.trade} == {
        ("2013", "growth_pct"),
        ("2014-01..2014-01", "value"),
    }


def test_qualifier_is_kept() -> None:
    _, found = extract("In 2023 trade between Belarus and Tver Oblast reached nearly $40 million.")
    assert [a.qualifier for a in found.trade] == ["under"]


def test_extraction_is_a_pure_function_of_the_document() -> None:
    text = "In 2023 trade between Belarus and Tula Oblast reached $500 million."
    assert extract(text)[1].trade == extract(text)[1].trade


THE_REPUBLIC = [
    ("from-republic-to-region", "Беларусь и Татарстан подписали соглашение. Поставки из "
     "республики в Татарстан в 2023 году выросли на 15%.", ("BY", "RU-TA")),
    ("from-region-to-republic", "Беларусь и Татарстан подписали соглашение. Экспорт Татарстана "
     "в республику в 2023 году вырос на 15%.", ("RU-TA", "BY")),
]


@pytest.mark.parametrize("text, pair", [c[1:] for c in THE_REPUBLIC],
                         ids=[c[0] for c in THE_REPUBLIC])
def test_the_republic_is_never_the_same_party_twice(text: str, pair: tuple[str, str]) -> None:
    """«Из республики в Татарстан» after Tatarstan was named: "the republic" is Belarus."""
    _, found = extract(text)
    assert [(a.flow, a.reporter, a.partner, a.value) for a in found.trade] == [
        ("export", *pair, 15.0)]


def test_a_hyphenated_pair_names_both_parties_of_the_trade() -> None:
    _, found = extract("Belarus-Tula trade grew by 9% in 2023.")
    assert [(a.flow, {a.reporter, a.partner}, a.value) for a in found.trade] == [
        ("turnover", {"BY", "RU-TUL"}, 9.0)]
