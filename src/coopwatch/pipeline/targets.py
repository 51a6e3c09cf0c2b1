"""Plans and goals for trade ("set to raise trade to $1 billion", «довести товарооборот до
1 млрд долларов», "double trade in the medium term"): told apart from actual figures by cue
words, with their horizon. They are never also trade atoms.
"""

from __future__ import annotations

import re
from datetime import date

from coopwatch.pipeline.amounts import words_value
from coopwatch.pipeline.figures import Figure
from coopwatch.pipeline.lexicon import by_lang, compiled, value_of

DEMONSTRATIVE = r"(?:this|these|that|those|этот|эти|эту|эта|это|этих)\s+$"
LEVEL_OF_YEAR = {
    "en": r"level\s+of\s+(?P<year>\d{4})|(?<![-\w])(?P<year2>\d{4})\s+level",
    "ru": r"уровн\w+\s+(?P<year>\d{4})",
    "be": r"(?:узроўн|уровн)\w+\s+(?P<year>\d{4})",
}


def has_target_cue(text: str, lang: str) -> bool:
    """Words of a plan or goal ("intend to", «намерены», "should increase to").

    >>> has_target_cue("Belarus and the region intend to double trade", "en")
    True
    >>> has_target_cue("Товарооборот вырос на 5%", "ru")
    False
    """
    return bool(compiled("target_cue", lang, r"(?<!\w)(?:{})(?!\w)").search(text))


def is_target(before: str, after: str, lang: str, has_own_period: bool) -> bool:
    """A figure is a goal when a cue comes before it in the sentence, or after it when the
    figure has no period of its own ("Half a billion, I think, we can have").

    >>> is_target("Trade should increase to ", " by 2030", "en", False)
    True
    """
    if has_target_cue(before, lang):
        return True
    return not has_own_period and has_target_cue(after, lang)


def horizon(text: str, lang: str, published: date | None) -> str | None:
    """When a goal is due: "by 2030" -> '2030', "in the medium term", «в ближайшие пять лет».

    >>> horizon("raise trade to $1 billion by 2030", "en", None)
    '2030'
    >>> horizon("в ближайшие три-пять лет", "ru", None)
    'next 3-5 years'
    """
    named = compiled("horizon", lang, r"(?<!\w){}").search(text)
    if named:
        return value_of("horizon", named.group(0), lang)
    year = re.search(
        r"(?:by|until|till|до|к|да|на(?=\s+20\d\d\s+год))\s+(?P<y>20\d\d)", text, re.I
    )
    if year:
        return year.group("y")
    span = re.search(
        r"(?:в\s+ближайшие|в\s+течение|over\s+the\s+next|in\s+the\s+next|within)\s+"
        r"(?P<n>[\w-]+)\s+(?:лет|года|years)",
        text,
        re.I,
    )
    if span:
        return f"next {number_range(span.group('n'), lang)} years"
    this_year = compiled("relative_year", lang, r"(?<!\w){}").search(text)
    if this_year and value_of("relative_year", this_year.group(0), lang) == "0":
        explicit = re.search(r"(?<!\d)(20\d\d)(?!\d)", text)
        if explicit:
            return explicit.group(1)
        return str(published.year) if published else "this year"
    return None


def number_range(words: str, lang: str) -> str:
    """«три-пять» -> '3-5', "five" -> '5'; words that are no number stay as written."""
    parts = [float(p) if p.isdigit() else words_value(p, lang) for p in words.split("-")]
    numbers = [p for p in parts if p is not None]
    if len(numbers) < len(parts):
        return words
    return "-".join(f"{p:g}" for p in numbers)


def level_year(text: str, lang: str) -> int | None:
    """The year of "to the level of 2012" / «до уровня 2012 года», a goal stated by reference."""
    match = re.search(by_lang(LEVEL_OF_YEAR, lang), text, re.I)
    if not match:
        return None
    return int(match.group("year") or match.groupdict().get("year2") or 0) or None


def level_stated(left: str, lang: str) -> int | None:
    """The year whose level a goal's figure states: "back to the 2022 level of $600 million",
    «к уровню 2022 года, когда он достиг 600 млн» (the level phrase just before the figure).

    >>> level_stated("return trade to the 2022 level of ", "en")
    2022
    >>> level_stated("вернуть к уровню 2022 года, когда он достиг рекордных ", "ru")
    2022
    >>> level_stated("довести товарооборот до уровня 2022 года и даже до ", "ru") is None
    True
    """
    tail = left[-70:]
    matches = list(re.finditer(by_lang(LEVEL_OF_YEAR, lang), tail, re.I))
    if not matches:
        return None
    gap = tail[matches[-1].end() :]
    if re.search(r"(?<!\w)(?:and|or|even|и|или|даже|а\s+затем|then)(?!\w)", gap, re.I):
        return None
    match = matches[-1]
    return int(match.group("year") or match.groupdict().get("year2") or 0) or None


def multiplier_value(figures: list[Figure], index: int) -> float | list[float]:
    """A goal's factor, joining "double or triple" / «в 2-3 раза» into a range [2, 3]."""
    figure = figures[index]
    factor = figure.factor if figure.factor is not None else figure.value
    if index + 1 < len(figures):
        following = figures[index + 1]
        gap = following.left.strip().lower()
        if following.kind == "change" and gap in ("or", "или", "to", "-", "–", "or even"):
            low = factor if not isinstance(factor, list) else factor[0]
            high = following.factor if following.factor is not None else following.value
            return [float(low), float(high if not isinstance(high, list) else high[-1])]
    return factor
