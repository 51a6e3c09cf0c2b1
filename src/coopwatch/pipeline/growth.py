"""Growth and share figures: what a percentage means from the words around it, and changes
said as factors ("doubled", «в 1,5 раза», "fell 4.8 times") or parts ("by a third", «на треть»).

Spec: growth_pct is the change in percent; an index («рост – 118,2%», "100.9% of the same
period") is the level, so +18.2; "down N times" is (1/N − 1) × 100; "halved" is −50.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.pipeline.amounts import NUMBER, parse_number, qualifier_before, words_value
from coopwatch.pipeline.lexicon import alternation, compiled, entries


@dataclass(frozen=True, slots=True)
class Change:
    """A growth said as a factor or a part, with offsets and the spec's growth_pct value."""

    start: int
    end: int
    factor: float | list[float]  # 2.0 for "doubled"; a range as [low, high]
    qualifier: str = "exact"
    fraction: bool = False  # "by a third": `factor` is then the percent itself


def percent_after_growth(factor: float, down: bool) -> float:
    """The growth_pct of a factor: up N times is (N − 1) × 100, down N times (1/N − 1) × 100.

    >>> percent_after_growth(2.5, False), round(percent_after_growth(4.8, True), 2)
    (150.0, -79.17)
    >>> percent_after_growth(0.5, False)
    -50.0
    """
    if down and factor > 1:
        return round((1 / factor - 1) * 100, 2)
    return round((factor - 1) * 100, 2)


CONJUNCTION = r"and|but|while|whereas|а|но|и|тогда\s+как|і|але"  # a new clause begins


def clause_head(right: str) -> str:
    """The words just after a figure, up to the next clause ("9.6%, mainly due to lower…").

    >>> clause_head("%, а импорт снизился"), clause_head("% less than in 2023")
    ('%', '% less than in 2023')
    """
    return re.split(rf"[,;]|\s(?:{CONJUNCTION})\s", right[:25], maxsplit=1)[0]


SHARE_WHOLE = {
    "en": r"\s*of\s+(?:(?:this|that|the|its|their|all|total|overall|mutual|bilateral)\s+)*"
    r"(?:volume|total|amount|figure|sum|trade|turnover|exports?|imports?|supplies)\b",
    "ru": r"\s*(?:(?:всего|этого|общего|всей|этой|общей|взаимного|двустороннего)\s+)*"
    r"(?:объ[её]ма|товарооборота|оборота|экспорта|импорта|торговли|суммы|поставок)",
}


def is_share_part(left: str, right: str, lang: str) -> bool:
    """ "Accounted for about a third", "a third of this volume", «треть товарооборота»:
    a part that is a share of a whole, not a growth.

    >>> is_share_part("and Minsk accounted for about ", " of the trade.", "en")
    True
    >>> is_share_part("exports grew by ", " in 2024", "en")
    False
    """
    if compiled("share_cue", lang, r"(?<!\w)(?:{})\s+(?:\S+\s+){{0,2}}$").search(left[-45:]):
        return True
    whole = SHARE_WHOLE.get(lang)
    return bool(whole and re.match(whole, right, re.IGNORECASE))


def direction(left: str, right: str, lang: str) -> str | None:
    """'up' or 'down' from the growth word nearest the figure, the words just after first.

    The words after count only up to the next clause ("вырос на 5%, а импорт снизился").

    >>> direction("trade fell ", "", "en"), direction("", "% меньше, чем", "ru")
    ('down', 'down')
    >>> direction("экспорт вырос на ", "%, а импорт снизился на 10%", "ru")
    'up'
    """
    head = clause_head(right)
    up = compiled("growth_up", lang, r"(?<!\w){}(?!\w)")
    down = compiled("growth_down", lang, r"(?<!\w){}(?!\w)")
    starts = [m.start() for m in up.finditer(head)], [m.start() for m in down.finditer(head)]
    if starts[0] or starts[1]:
        first_up = min(starts[0], default=99)
        first_down = min(starts[1], default=99)
        return "up" if first_up < first_down else "down"
    last_up = max((m.end() for m in up.finditer(left)), default=-1)
    last_down = max((m.end() for m in down.finditer(left)), default=-1)
    if last_up < 0 and last_down < 0:
        return None
    return "up" if last_up > last_down else "down"


def classify_percent(left: str, right: str, lang: str) -> str | None:
    """What a percentage is: 'share', 'index' (a level, 118% = +18), 'growth', or None.

    >>> classify_percent("доля Беларуси составляет ", "", "ru")
    'share'
    >>> classify_percent("товарооборот составил $17 млн, или ", " к аналогичному периоду", "ru")
    'index'
    >>> classify_percent("exports grew by ", " in 2023", "en")
    'growth'
    """
    if compiled("share_cue", lang, r"(?<!\w){}").search(left) or re.match(
        rf"\s*(?:{alternation('share_cue', lang)})", right, re.IGNORECASE
    ):
        return "share"
    if re.match(rf"\s*of\s+(?:\S+\s+){{0,4}}?{alternation('flow', lang)}", right, re.I):
        return "share"  # "over 50% of Tula's trade with the CIS"
    by = r"(?:by|на)\s+(?:\S+\s+){0,2}$"
    if not re.search(by, left[-30:], re.IGNORECASE):
        if compiled("index_lead", lang, r"(?:{})\s*$").search(left[-40:]):
            return "index"
        if lang == "ru" and re.search(r"темп\w*\s+роста", left, re.I):
            return "index"  # «темп роста товарооборота составил 118,2 %»
        if compiled("index_cue", lang, r"^\s*(?:{})").search(right):
            return "index"
    if direction(left, right, lang):
        return "growth"
    return None


@lru_cache(maxsize=4)
def change_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """Factor and part forms: "2.5 times", "threefold", «в три с половиной раза», "by a third"."""
    words = alternation("number_word", lang)
    number = rf"(?P<n>{NUMBER}|{words})(?:\s*[-–—]\s*(?P<n2>{NUMBER}|{words}))?"
    if lang == "en":
        factor = rf"(?<!\w){number}(?:\s*-?\s*fold|\s+times)(?!\w)"
    else:
        factor = rf"(?<!\w)в\s+{number}(?P<half>\s+с\s+половиной)?\s+раз(?:а)?(?!\w)"
        if lang == "be":  # «у 1,5 раза», «ў два разы», «у тры з паловай раза»
            factor = rf"(?<!\w)[вуў]\s+{number}(?P<half>\s+[сз]\s+палов\w+)?\s+раз[аы]?(?!\w)"
    return [
        ("factor", re.compile(factor, re.IGNORECASE)),
        ("times", compiled("times", lang, r"(?<!\w)(?:{})(?!\w)")),
        ("fraction", compiled("fraction", lang, r"(?<!\w)(?:{})(?!\w)")),
    ]


def number_of(raw: str | None, lang: str) -> float | None:
    """A number written in digits or words.

    >>> number_of("4,5", "ru"), number_of("три", "ru")
    (4.5, 3.0)
    """
    if not raw:
        return None
    if raw[0].isdigit():
        return parse_number(raw, scaled=True)
    return words_value(raw, lang)


def find_changes(text: str, lang: str, offset: int = 0) -> list[Change]:
    """Every change said as a factor or a part, non-overlapping.

    >>> [(c.factor, c.qualifier) for c in find_changes("вырос почти в три с половиной раза", "ru")]
    [(3.5, 'under')]
    >>> [c.factor for c in find_changes("trade doubled; imports rose 2-3 times", "en")]
    [2.0, [2.0, 3.0]]
    """
    found: list[Change] = []
    for kind, pattern in change_patterns(lang):
        for match in pattern.finditer(text):
            if any(
                match.start() < c.end - offset and c.start - offset < match.end() for c in found
            ):
                continue
            change = read_change(kind, match, lang, text[: match.start()], offset)
            if change is not None:
                found.append(change)
    return sorted(found, key=lambda c: c.start)


def read_change(
    kind: str, match: re.Match[str], lang: str, left: str, offset: int
) -> Change | None:
    """One factor/part match as a Change, or None when its number cannot be read."""
    qualifier = qualifier_before(left, lang)
    start, end = offset + match.start(), offset + match.end()
    if kind == "factor":
        low = number_of(match.group("n"), lang)
        high = number_of(match.group("n2"), lang)
        if low is None:
            return None
        if match.groupdict().get("half"):
            low += 0.5
        factor: float | list[float] = [low, high] if high else low
        return Change(start, end, factor, qualifier)
    value = next(
        float(v)
        for _, v, p in entries(kind, lang)
        if re.fullmatch(p, match.group(0), re.IGNORECASE)
    )
    return Change(start, end, value, qualifier, fraction=kind == "fraction")
