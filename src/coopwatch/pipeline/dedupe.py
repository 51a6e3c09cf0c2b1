"""One atom per fact: the same figure given twice in a piece (a headline rounds it, the body
is precise) keeps the precise one; a figure with no period gives way to the dated one.
"""

from __future__ import annotations

import re

from coopwatch.model import Target, TradeAtom

Key = tuple[str, ...]


def flow_key(flow: str, reporter: str, partner: str) -> Key:
    """The flow and parties the scorer sees as one: export(A→B) == import(B←A), turnover
    unordered.

    >>> flow_key("import", "RU-LIP", "BY") == flow_key("export", "BY", "RU-LIP")
    True
    """
    if flow == "turnover":
        return ("turnover", *sorted((reporter, partner)))
    if flow == "import":
        return ("export", partner, reporter)
    return ("export", reporter, partner)


def close(a: float, b: float, measure: str) -> bool:
    """Two values that are one figure rounded differently (5% apart, or 1.5 points).

    >>> close(134e6, 130e6, "value"), close(40.8, 40, "growth_pct"), close(20, 30, "share_pct")
    (True, True, False)
    """
    if measure == "value":
        return abs(a - b) <= 0.05 * max(abs(a), abs(b))
    return abs(a - b) <= 1.5


def precision(atom: TradeAtom | Target) -> tuple[int, int]:
    """How precise a figure is: its significant digits, then an exact qualifier."""
    value = atom.value if not isinstance(atom.value, list) else atom.value[0]
    digits = len(re.sub(r"0+$", "", re.sub(r"\D", "", f"{abs(value):.6g}")))
    return digits, 1 if atom.qualifier == "exact" else 0


def dedupe_atoms(atoms: list[TradeAtom]) -> list[TradeAtom]:
    """Keep one atom per (flow, parties, period, measure, value up to rounding).

    >>> a = TradeAtom(flow="turnover", reporter="BY", partner="RU-MO", period="2024",
    ...               measure="value", value=130e6, currency="USD", qualifier="over")
    >>> b = a.model_copy(update={"value": 134e6, "qualifier": "under"})
    >>> [x.value for x in dedupe_atoms([a, b])]
    [134000000.0]
    """
    kept: list[TradeAtom] = []
    for atom in atoms:
        key = flow_key(atom.flow, atom.reporter, atom.partner)
        twin = next(
            (
                k
                for k in kept
                if flow_key(k.flow, k.reporter, k.partner) == key
                and k.measure == atom.measure
                and (k.period == atom.period or k.period is None or atom.period is None)
                and k.currency == atom.currency
                and close(k.value, atom.value, atom.measure)
            ),
            None,
        )
        if twin is None:
            kept.append(atom)
            continue
        better = atom if better_than(atom, twin) else twin
        kept[kept.index(twin)] = better
    return kept


def better_than(atom: TradeAtom, twin: TradeAtom) -> bool:
    """A dated atom beats an undated one; then the more precise figure wins."""
    if (atom.period is None) != (twin.period is None):
        return twin.period is None
    return precision(atom) > precision(twin)


def dedupe_targets(targets: list[Target]) -> list[Target]:
    """One target per (flow, parties, measure, value), the first said with a horizon kept."""
    kept: list[Target] = []
    for target in targets:
        key = flow_key(target.flow, target.reporter, target.partner)
        twin = next(
            (
                k
                for k in kept
                if flow_key(k.flow, k.reporter, k.partner) == key
                and k.measure == target.measure
                and k.value == target.value
            ),
            None,
        )
        if twin is None:
            kept.append(target)
        elif twin.horizon is None and target.horizon:
            twin.horizon = target.horizon
    return kept
