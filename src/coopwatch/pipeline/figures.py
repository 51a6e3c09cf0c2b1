"""The figures of one sentence: amounts, percentages and factor changes, each read as a
value, a growth or a share (or dropped), with the clause words that decided it.

This is the *finding* half of the trade stage (pure, per sentence); `trade.py` ties the
figures to flows, parties and periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coopwatch.pipeline.amounts import find_amounts, find_percents
from coopwatch.pipeline.growth import (
    classify_percent,
    clause_head,
    direction,
    find_changes,
    is_share_part,
    percent_after_growth,
)
from coopwatch.pipeline.lexicon import compiled


@dataclass(slots=True)
class Figure:
    """One number of a sentence, read: measure value/growth_pct/share_pct (or a change)."""

    start: int
    end: int
    kind: str  # amount, percent, change
    measure: str  # value, growth_pct, share_pct, multiplier
    value: float | list[float]
    currency: str | None = None
    qualifier: str = "exact"
    left: str = ""  # the clause words before the figure (from the previous figure)
    right: str = ""  # the words after it, to the end of the sentence
    text: str = ""  # the figure as written
    factor: float | list[float] | None = None  # for changes: the factor or part as said
    notes: set[str] = field(default_factory=set)

    def number(self) -> float:
        """The value as one number (a range as its midpoint)."""
        if isinstance(self.value, list):
            return sum(self.value) / len(self.value)
        return float(self.value)


def growth_word_ok(left: str, right: str, lang: str) -> bool:
    """A comparative ("more", «больше») is a growth only when compared with a past period."""
    head = clause_head(right)
    up = compiled("growth_up", lang, r"(?<!\w){}(?!\w)")
    down = compiled("growth_down", lang, r"(?<!\w){}(?!\w)")
    words = [m.group(0) for m in up.finditer(head)] + [m.group(0) for m in down.finditer(head)]
    if not words:
        words = [m.group(0) for m in up.finditer(left)] + [m.group(0) for m in down.finditer(left)]
    comparative = compiled("comparative", lang, r"^(?:{})$")
    if words and all(comparative.match(w) for w in words):
        return bool(compiled("compared_to_period", lang).search(right[:80]))
    return bool(words)


def raw_figures(text: str, lang: str, offset: int) -> list[Figure]:
    """Amounts, percentages and changes of a sentence, in text order, not yet read."""
    figures = [
        Figure(a.start, a.end, "amount", "value", a.value, a.currency, a.qualifier)
        for a in find_amounts(text, lang, offset)
    ]
    taken = [(f.start, f.end) for f in figures]
    for p in find_percents(text, lang, offset):
        if not any(p.start < e and s < p.end for s, e in taken):
            figures.append(
                Figure(p.start, p.end, "percent", "growth_pct", p.value, None, p.qualifier)
            )
    taken = [(f.start, f.end) for f in figures]
    first_percent = min((f.end for f in figures if f.kind == "percent"), default=None)
    if first_percent is not None:
        for m in re.finditer(BARE_AFTER_PERCENT, text[first_percent - offset :]):
            start = first_percent + m.start("num")
            end = first_percent + m.end("num")
            if not any(start < e and s < end for s, e in taken):
                value = float(m.group("num").replace(",", "."))
                figures.append(Figure(start, end, "percent", "growth_pct", value))
    taken = [(f.start, f.end) for f in figures]
    for c in find_changes(text, lang, offset):
        if not any(c.start < e and s < c.end for s, e in taken):
            measure = "fraction" if c.fraction else "multiplier"
            figures.append(Figure(c.start, c.end, "change", measure, c.factor, None, c.qualifier))
    return sorted(figures, key=lambda f: f.start)


def read_figures(text: str, lang: str, offset: int) -> list[Figure]:
    """The sentence's figures with their clause words and what each one measures.

    >>> text = "Exports grew 2.5 times, to $5 million."
    >>> [(f.measure, f.value) for f in read_figures(text, "en", 0)]
    [('growth_pct', 150.0), ('value', 5000000.0)]
    """
    figures = raw_figures(text, lang, offset)
    previous, sign = 0, 0.0
    for figure in figures:
        figure.text = text[figure.start - offset : figure.end - offset]
        figure.left = text[previous : figure.start - offset]
        figure.right = text[figure.end - offset :]
        previous = figure.end - offset
        read_measure(figure, lang)
        if figure.measure == "growth_pct" and "unread" not in figure.notes:
            sign = -1.0 if figure.number() < 0 else 1.0
        elif figure.kind == "percent" and figure.measure == "growth_pct":
            if sign and re.search(ELLIPSIS_BY, figure.left.split(",")[-1], re.IGNORECASE):
                figure.notes.discard("unread")
                figure.value = sign * figure.number()
    return figures


# «белорусский – на 75 процентов, калужский – на 23»: the unit said once for a list.
BARE_AFTER_PERCENT = r"(?:на|by)\s+(?P<num>\d+(?:[.,]\d+)?)(?=\s*(?:[.;)]|$))"

# "exports rose by 5%, imports – by 3%": the second growth leaves its verb out.
ELLIPSIS_BY = (
    r"^[\s,;]*(?:(?:а|и|and|while)\s+)?[^\W\d]+\s*[-–—:]?\s*(?:(?:by|на)\s+)?(?:\S+\s+)?$|"
    r"^\s*(?:\S+\s+){0,6}(?:by|на)\s+(?:[^\W\d]+\s+)?$"
)


# A percentage written with its sign, in a list or table cell: "+6.1%", "(−2.4%)".
SIGNED = re.compile(r"(?:^|[\s(\[:;,/|])([+−])\s?$|[(\[/](-)$")


def is_level_against_base(figure: Figure, lang: str) -> bool:
    """ "Trade amounted to 104.3% compared to 2021", «составил 96,1% по сравнению с 2021
    годом», "or 117.8% year-on-year": a level against a base, said with no growth word, is
    an index."""
    if figure.number() < 50 or re.search(r"(?:by|на)\s+(?:\S+\s+){0,2}$", figure.left[-30:], re.I):
        return False
    return bool(
        compiled("base_strong", lang, r"^\s*,?\s*(?:по\s+|в\s+)?(?:{})\s").match(figure.right)
        or compiled("index_after", lang, r"^\s*(?:{})(?!\w)").match(figure.right)
    )


def read_measure(figure: Figure, lang: str) -> None:
    """Decide what a percentage or change measures; mark the ones that are no trade atom."""
    if figure.kind == "percent":
        signed = SIGNED.search(figure.left[-3:])
        if signed:  # "(+6.1%)", «: −2,4%»: the sign says the change
            minus = signed.group(1) == "−" or bool(signed.group(2))
            figure.value = -figure.number() if minus else figure.number()
            return
        kind = classify_percent(figure.left, figure.right, lang)
        if kind == "share":
            figure.measure = "share_pct"
        elif kind == "index" and not is_plain_rise(figure, lang):
            figure.value = round(figure.number() - 100, 2)
        elif kind == "index":  # «рост – 21,4%»: a rise said with a dash, not a level
            figure.value = figure.number()
        elif kind == "growth" and growth_word_ok(figure.left, figure.right, lang):
            down = direction(figure.left, figure.right, lang) == "down"
            figure.value = -figure.number() if down else figure.number()
        elif kind is None and is_level_against_base(figure, lang):
            figure.value = round(figure.number() - 100, 2)
        else:
            figure.notes.add("unread")
    elif figure.kind == "change":
        read_change_measure(figure, lang)


def is_plain_rise(figure: Figure, lang: str) -> bool:
    """ «рост – 21,4%»: a bare rise word and a dash before a figure under 100 give the change
    itself (a level under 100 would be a fall), unlike «рост – 118,2%» or «темп роста – 96%».

    >>> rise = Figure(0, 5, "percent", "growth_pct", 21.4, left="достиг $61 млн, рост – ")
    >>> is_plain_rise(rise, "ru"), is_plain_rise(Figure(0, 5, "percent", "growth_pct", 96.0,
    ...     left="темп роста – "), "ru")
    (True, False)
    """
    if lang == "en" or figure.number() >= 100:
        return False
    return bool(PLAIN_RISE.search(figure.left[-40:]))


PLAIN_RISE = re.compile(r"(?<!темп )(?<!темпы )(?<!тэмп )\b(?:рост|прирост)\s*[-–—:]\s*$", re.I)


def read_change_measure(figure: Figure, lang: str) -> None:
    """A factor or part is a growth when a growth word (or the word itself) says so."""
    word_is_verb = figure.measure == "multiplier" and re.search(
        r"(?:ed|ing)$|вдвое|втрое|вчетверо|впятеро|удво|утро", figure.text, re.I
    )
    down = direction(figure.left, figure.right, lang) == "down"
    compared = compiled("compared_to_period", lang).search(figure.right[:60])
    has_growth = growth_word_ok(figure.left, figure.right, lang) or bool(word_is_verb or compared)
    factor = figure.factor = figure.value
    figure.notes.add("factor")
    if isinstance(factor, list):
        figure.notes.add("range")
        factor = sum(factor) / 2
    if not has_growth:
        figure.notes.add("unread")
    if figure.measure == "fraction" and is_share_part(figure.left, figure.right, lang):
        figure.measure, figure.value = "share_pct", float(factor)
        figure.notes.discard("unread")
        figure.notes.add("fraction")
        return
    if figure.measure == "fraction":
        figure.notes.add("fraction")
        figure.value = -float(factor) if down else float(factor)
    else:
        figure.value = percent_after_growth(float(factor), down)
    figure.measure = "growth_pct"
