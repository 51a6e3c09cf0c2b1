"""The scorer's own tests: every matching rule of the spec, each able to fail."""

from __future__ import annotations

from typing import Any

import pytest

from coopwatch.evaluate import evaluate, evaluate_document
from coopwatch.evaluate.atoms import same_atom

BASE = {
    "flow": "export",
    "reporter": "BY",
    "partner": "RU-LIP",
    "period": "2022",
    "measure": "value",
    "value": 91_000_000,
    "currency": "USD",
    "qualifier": "over",
}


def atom(**changes: Any) -> dict[str, Any]:
    """The base atom with some keys changed (a key set to None is dropped)."""
    out = {**BASE, **changes}
    return {k: v for k, v in out.items() if v is not None}


def doc(name: str = "a.txt", lang: str = "en", **fields: Any) -> dict[str, Any]:
    """A gold-format document with empty facts except those given."""
    base: dict[str, Any] = {
        "doc": name,
        "lang": lang,
        "published": None,
        "partners": [],
        "persons": [],
        "organizations": [],
        "sectors": [],
        "trade": [],
        "targets": [],
        "agreements": [],
    }
    return {**base, **fields}


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [
        pytest.param(atom(), True, id="identical"),
        pytest.param(
            atom(flow="import", reporter="RU-LIP", partner="BY"),
            True,
            id="export-A-to-B-is-import-B-from-A",
        ),
        pytest.param(atom(flow="import"), False, id="import-same-reporter-is-other-direction"),
        pytest.param(atom(reporter="RU-LIP", partner="BY"), False, id="export-reversed"),
        pytest.param(atom(flow="turnover"), False, id="export-is-not-turnover"),
        pytest.param(atom(partner="RU-TUL"), False, id="other-partner"),
        pytest.param(atom(partner="ru-lip"), True, id="code-case-folded"),
        pytest.param(atom(period="2021"), False, id="other-year"),
        pytest.param(atom(period="2022-01..2022-08"), False, id="span-is-not-year"),
        pytest.param(atom(period="2022-01..2022-12"), True, id="full-year-span-is-year"),
        pytest.param(atom(measure="growth_pct"), False, id="other-measure"),
        pytest.param(atom(value=91_450_000), True, id="value-within-half-percent"),
        pytest.param(atom(value=90_546_000), True, id="value-within-half-percent-below"),
        pytest.param(atom(value=91_460_000), False, id="value-just-over-half-percent"),
        pytest.param(atom(value=91), False, id="value-in-millions-is-wrong"),
        pytest.param(atom(currency="RUB"), False, id="other-currency"),
        pytest.param(atom(currency=None), False, id="missing-currency"),
        pytest.param(atom(currency="usd"), True, id="currency-case-folded"),
        pytest.param(atom(qualifier="approx"), True, id="qualifier-ignored-in-matching"),
        pytest.param(atom(qualifier=None), True, id="missing-qualifier-matches"),
        pytest.param(
            atom(note="x", base="2015", of="CIS trade", sentence="s"), True, id="extra-keys-ignored"
        ),
    ],
)
def test_value_atom_matching(predicted: dict[str, Any], matches: bool) -> None:
    assert same_atom(BASE, predicted) is matches


GROWTH = atom(measure="growth_pct", value=18.2, currency=None)


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [
        pytest.param(atom(measure="growth_pct", value=18.2, currency=None), True, id="same"),
        pytest.param(
            atom(measure="growth_pct", value=18.25, currency=None), True, id="within-0.05-points"
        ),
        pytest.param(
            atom(measure="growth_pct", value=18.14, currency=None), False, id="0.06-points-off"
        ),
        pytest.param(
            atom(measure="growth_pct", value=118.2, currency=None), False, id="index-not-converted"
        ),
        pytest.param(
            atom(measure="growth_pct", value=-18.2, currency=None), False, id="sign-matters"
        ),
    ],
)
def test_growth_matching_in_points(predicted: dict[str, Any], matches: bool) -> None:
    assert same_atom(GROWTH, predicted) is matches


def test_share_is_scored_in_points_and_of_is_ignored() -> None:
    gold = atom(measure="share_pct", value=50.0, currency=None, of="Tula's CIS trade")
    assert same_atom(gold, atom(measure="share_pct", value=50.04, currency=None))
    assert not same_atom(gold, atom(measure="share_pct", value=50.1, currency=None))


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        pytest.param(("BY", "RU-TUL"), ("RU-TUL", "BY"), id="turnover-unordered"),
        pytest.param(("BY", "RU-TUL"), ("BY", "RU-TUL"), id="turnover-same-order"),
    ],
)
def test_turnover_is_unordered(gold: tuple[str, str], predicted: tuple[str, str]) -> None:
    one = atom(flow="turnover", reporter=gold[0], partner=gold[1])
    other = atom(flow="turnover", reporter=predicted[0], partner=predicted[1])
    assert same_atom(one, other)
    assert not same_atom(one, atom(flow="turnover", reporter="BY", partner="RU-TOM"))


TARGET = {
    "flow": "turnover",
    "reporter": "BY",
    "partner": "RU-TOM",
    "measure": "multiplier",
    "value": [2, 3],
    "horizon": "medium term",
}


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [
        pytest.param({**TARGET}, True, id="same-list"),
        pytest.param({**TARGET, "horizon": "2030"}, True, id="horizon-ignored"),
        pytest.param({**TARGET, "reporter": "RU-TOM", "partner": "BY"}, True, id="unordered"),
        pytest.param({**TARGET, "value": 2}, False, id="single-is-not-range"),
        pytest.param({**TARGET, "value": [2, 4]}, False, id="other-range"),
        pytest.param({**TARGET, "value": [3, 2]}, False, id="order-of-range"),
        pytest.param({**TARGET, "measure": "growth_pct"}, False, id="other-measure"),
    ],
)
def test_target_matching(predicted: dict[str, Any], matches: bool) -> None:
    assert same_atom(TARGET, predicted, target=True) is matches


def test_target_value_needs_currency_and_tolerance() -> None:
    gold = {**TARGET, "measure": "value", "value": 1_000_000_000, "currency": "USD"}
    assert same_atom(gold, {**gold, "value": 1_004_000_000, "period": "x"}, target=True)
    assert not same_atom(gold, {**gold, "value": 1_006_000_000}, target=True)
    assert not same_atom(gold, {**gold, "currency": "RUB"}, target=True)


def test_single_multiplier_matches_plain_number() -> None:
    gold = {**TARGET, "value": 2}
    assert same_atom(gold, {**TARGET, "value": 2.0}, target=True)
    assert not same_atom(gold, {**TARGET, "value": 3}, target=True)


def test_a_figure_predicted_twice_is_one_hit_and_one_false_hit() -> None:
    score = evaluate_document(doc(trade=[atom()]), doc(trade=[atom(), atom()]))
    counts = score.counts["trade"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


def test_matching_is_optimal_not_first_come() -> None:
    # The first prediction fits both gold atoms; taking it for the first gold atom
    # would leave the second prediction (which fits only the first gold) unmatched.
    gold = [atom(value=100_000_000), atom(value=100_450_000)]
    predicted = [atom(value=100_300_000), atom(value=99_600_000)]
    counts = evaluate_document(doc(trade=gold), doc(trade=predicted)).counts["trade"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 0, 0)


def test_qualifier_accuracy_over_matched_atoms_missing_is_exact() -> None:
    gold = [atom(), atom(period="2021", qualifier=None), atom(period="2020")]
    predicted = [
        atom(qualifier="approx"),
        atom(period="2021", qualifier="exact"),
        atom(period="2019"),
    ]
    score = evaluate_document(doc(trade=gold), doc(trade=predicted))
    assert (score.qualifier.right, score.qualifier.total) == (1, 2)
    wrong = [f for f in score.findings if f.kind == "qualifier"]
    assert len(wrong) == 1 and wrong[0].note == "gold qualifier: over"


def test_misses_carry_the_gold_note_and_false_hits_their_sentence() -> None:
    gold = doc(trade=[atom(period="2020", note="read from the headline")])
    predicted = doc(trade=[atom(sentence="Exports grew to $91 million in 2022.")])
    findings = evaluate_document(gold, predicted).findings
    miss = next(f for f in findings if f.kind == "miss")
    false_hit = next(f for f in findings if f.kind == "false_hit")
    assert miss.note == "read from the headline" and "note" not in miss.item
    assert false_hit.sentence == "Exports grew to $91 million in 2022."
    assert "sentence" not in false_hit.item


def test_corpus_scores_are_micro_averaged_and_split_by_language() -> None:
    gold = [
        doc("en.txt", "en", trade=[atom(), atom(period="2021")]),
        doc("ru.txt", "ru", trade=[atom()]),
    ]
    predicted = {
        "en.txt": doc("en.txt", "en", trade=[atom()]),
        "ru.txt": doc("ru.txt", "ru", trade=[atom(), atom(period="2019"), atom(period="2018")]),
    }
    report = evaluate(gold, predicted)
    overall = report.counts("trade")
    assert (overall.tp, overall.fp, overall.fn) == (2, 2, 1)
    assert overall.precision == pytest.approx(0.5) and overall.recall == pytest.approx(2 / 3)
    assert report.counts("trade", "en").recall == pytest.approx(0.5)
    assert report.counts("trade", "ru").precision == pytest.approx(1 / 3)
    assert report.langs == ["en", "ru"]


def test_gold_documents_without_prediction_are_listed_not_scored() -> None:
    report = evaluate([doc("a.txt"), doc("gone.txt", trade=[atom()])], {"a.txt": doc("a.txt")})
    assert report.missing == ["gone.txt"]
    assert report.counts("trade").fn == 0


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        pytest.param("2024-01-17", "2024-01-17", True, id="same-date"),
        pytest.param(None, None, True, id="null-is-null"),
        pytest.param(None, "2024-01-17", False, id="invented-date"),
        pytest.param("2024-01-17", None, False, id="no-date-found"),
        pytest.param("2024-01-17", "2024-01-16", False, id="a-day-off"),
    ],
)
def test_published_is_exact_match(gold: str | None, predicted: str | None, right: bool) -> None:
    score = evaluate_document(doc(published=gold), doc(published=predicted))
    assert (score.published.right, score.published.total) == (int(right), 1)


def test_partners_and_sectors_are_sets_per_document() -> None:
    gold = doc(partners=["RU-TUL", "BY-MI"], sectors=["energy", "tourism"])
    predicted = doc(partners=["RU-TUL", "RU-TOM"], sectors=["energy", "energy"])
    score = evaluate_document(gold, predicted)
    partners, sectors = score.counts["partners"], score.counts["sectors"]
    assert (partners.tp, partners.fp, partners.fn) == (1, 1, 1)
    assert (sectors.tp, sectors.fp, sectors.fn) == (1, 0, 1)  # a set: "energy" counts once


def test_empty_gold_and_empty_prediction_score_perfectly() -> None:
    report = evaluate([doc()], {"a.txt": doc()})
    assert report.counts("trade").f1 == 1.0


@pytest.mark.parametrize(
    ("gold", "predicted", "matches"),
    [
        pytest.param("2022-03..2022-03", "2022-03", True, id="bare-month-is-one-month-span"),
        pytest.param("2022-03..2022-03", "2022-04", False, id="other-month"),
        pytest.param("2024-01..2024-08", "2024-01..2024-08", True, id="same-span"),
        pytest.param("2024-01..2024-08", "2024-01..2024-07", False, id="span-one-month-short"),
        pytest.param("2023", "2023-01..2023-12", True, id="year-is-full-span"),
        pytest.param("2023", "2022-01..2023-12", False, id="two-year-span-is-not-a-year"),
    ],
)
def test_period_equality(gold: str, predicted: str, matches: bool) -> None:
    assert same_atom(atom(period=gold), atom(period=predicted)) is matches
