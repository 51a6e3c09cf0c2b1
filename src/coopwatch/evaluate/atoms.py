"""When a predicted trade atom or target is the same fact as a gold one (spec: Scoring).

Parties and flow agree after normalisation (export(A→B) is import(B←A), turnover is
unordered), the period is equal, the measure is equal, and the value is within 0.5%
(amounts, multipliers) or 0.05 percentage points (growth_pct, share_pct); an amount
matches only with its currency. Everything else (qualifier, note, base, of, horizon)
is ignored by matching.
"""

from __future__ import annotations

import re
from typing import Any

VALUE_TOLERANCE = 0.005  # relative, for amounts and multipliers
POINTS_TOLERANCE = 0.05  # absolute percentage points, for growth_pct and share_pct
PERCENT_MEASURES = frozenset({"growth_pct", "share_pct"})
_FULL_YEAR = re.compile(r"^(\d{4})-01\.\.(\d{4})-12$")
_ONE_MONTH = re.compile(r"^\d{4}-\d{2}$")


def direction(atom: dict[str, Any]) -> tuple[str, str, str]:
    """The flow as (kind, from, to): exports and imports point the way goods go.

    >>> direction({"flow": "export", "reporter": "BY", "partner": "RU-LIP"})
    ('goods', 'BY', 'RU-LIP')
    >>> direction({"flow": "import", "reporter": "RU-LIP", "partner": "BY"})
    ('goods', 'BY', 'RU-LIP')
    >>> direction({"flow": "turnover", "reporter": "RU-TUL", "partner": "BY"})
    ('turnover', 'BY', 'RU-TUL')
    """
    flow = str(atom.get("flow", "")).strip().lower()
    reporter = _code(atom.get("reporter"))
    partner = _code(atom.get("partner"))
    if flow == "export":
        return ("goods", reporter, partner)
    if flow == "import":
        return ("goods", partner, reporter)
    low, high = sorted((reporter, partner))
    return (flow or "turnover", low, high)


def normal_period(period: Any) -> str | None:
    """The period as a comparable string: January..December of one year is that year, and
    a bare month is the one-month span.

    >>> normal_period("2024-01..2024-12"), normal_period(" 2023 "), normal_period(None)
    ('2024', '2023', None)
    >>> normal_period("2024-03")
    '2024-03..2024-03'
    """
    if period is None:
        return None
    text = str(period).strip()
    full = _FULL_YEAR.match(text)
    if full and full.group(1) == full.group(2):
        return full.group(1)
    if _ONE_MONTH.match(text):
        return f"{text}..{text}"
    return text


def values_close(gold: Any, predicted: Any, measure: str) -> bool:
    """Is the predicted value within tolerance of gold? Lists must match item by item.

    >>> values_close(91_000_000, 91_400_000, "value"), values_close(91e6, 92e6, "value")
    (True, False)
    >>> values_close(18.2, 18.24, "growth_pct"), values_close(18.2, 18.3, "growth_pct")
    (True, False)
    >>> values_close([2, 3], [2, 3], "multiplier"), values_close([2, 3], 2, "multiplier")
    (True, False)
    """
    if isinstance(gold, list) or isinstance(predicted, list):
        gold_items = gold if isinstance(gold, list) else [gold]
        predicted_items = predicted if isinstance(predicted, list) else [predicted]
        return len(gold_items) == len(predicted_items) and all(
            values_close(g, p, measure) for g, p in zip(gold_items, predicted_items, strict=True)
        )
    try:
        g, p = float(gold), float(predicted)
    except (TypeError, ValueError):
        return False
    if measure in PERCENT_MEASURES:
        return abs(g - p) <= POINTS_TOLERANCE + 1e-9
    if g == 0:
        return p == 0
    return abs(g - p) <= VALUE_TOLERANCE * abs(g) + 1e-9


def same_atom(gold: dict[str, Any], predicted: dict[str, Any], *, target: bool = False) -> bool:
    """Do two trade atoms (or two targets, which have no period) state the same fact?"""
    measure = str(gold.get("measure", ""))
    if measure != str(predicted.get("measure", "")):
        return False
    if direction(gold) != direction(predicted):
        return False
    if not target and normal_period(gold.get("period")) != normal_period(predicted.get("period")):
        return False
    if measure == "value" and _currency(gold) != _currency(predicted):
        return False
    return values_close(gold.get("value"), predicted.get("value"), measure)


def distance(gold: dict[str, Any], predicted: dict[str, Any]) -> float:
    """How far apart two matching atoms' values are: closer pairs are matched first."""
    g, p = gold.get("value"), predicted.get("value")
    if isinstance(g, list) or isinstance(p, list):
        return 0.0 if g == p else 1.0
    try:
        return abs(float(g) - float(p)) / max(abs(float(g)), 1e-9)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1.0


def qualifier(atom: dict[str, Any]) -> str:
    """The atom's qualifier; a missing one is the spec's default, `exact`."""
    return str(atom.get("qualifier") or "exact")


def _currency(atom: dict[str, Any]) -> str | None:
    value = atom.get("currency")
    return str(value).strip().upper() if value else None


def _code(value: Any) -> str:
    return str(value or "").strip().upper()
