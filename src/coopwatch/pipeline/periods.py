"""Periods in English and Russian: years, month spans, quarters, halves, "N months of YYYY",
relative years ("last year", «в прошлом году»), resolved against the publication date.

A mention is found first (offsets, what it says), then resolved: the spec's `YYYY` or
`YYYY-MM..YYYY-MM`. A year right after "compared to", "over", «по сравнению с», «чем в» is
the *base* of a comparison, not the period of a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from coopwatch.pipeline.lexicon import alternation, by_lang, value_of

YEAR = (
    r"(?P<year>(?<![\d.,/-])(?:19[5-9]\d|20[0-4]\d)(?![\d%]|[.,]\d|\s*(?:%|процент)))"
    r"(?:-?(?:м|го|й|х)\b)?"
)
DASH = r"\s*[-–—]\s*"


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period as written: months (first, last) or None for a whole year; year or rel."""

    start: int
    end: int
    year: int | None = None
    rel: int | None = None  # 0 this year, -1 last year
    months: tuple[int, int] | None = None
    base: bool = False  # the base of a comparison, not a period of its own
    is_date: bool = False  # a date with a day ("20 April 2017"): no period


def year_tail(lang: str) -> str:
    """An optional year after a span: "2024", "of this year", «2021 года», «нынешнего»."""
    rel = alternation("relative_year", lang)
    of = r"(?:of\s+|in\s+)?(?:the\s+)?" if lang == "en" else ""
    year = rf"{YEAR}(?:\s*(?:year|года|году|годзе|г\.))?"
    return rf"(?:\s*,?\s*{of}(?:{year}|(?P<rel>{rel})|(?:the\s+)?year|года))?"


@lru_cache(maxsize=4)
def period_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """The PERIOD grammar, longest forms first; each named by the kind of span it reads."""
    month = alternation("month", lang)
    ordinal = alternation("ordinal", lang)
    number = rf"(?P<n>\d{{1,2}}|{alternation('number_word', lang)})"
    tail = year_tail(lang)
    rel = alternation("relative_year", lang)
    if lang == "en":
        forms = [
            ("span", rf"(?P<m1>{month}){DASH}(?P<m2>{month}){tail}"),
            (
                "span",
                rf"(?:from|between)\s+(?:\d{{1,2}}\s+)?(?P<m1>{month})(?:\s+\d{{1,2}})?\s+"
                rf"(?:to|and|through|until)\s+(?:\d{{1,2}}\s+)?(?P<m2>{month})"
                rf"(?:\s+\d{{1,2}})?{tail}",
            ),
            ("months", rf"(?:first\s+)?{number}\s+months{tail}"),
            ("quarter", rf"Q(?P<q>[1-4]){tail}"),
            ("quarter", rf"(?P<q>{ordinal})\s+quarter{tail}"),
            ("half", rf"(?:H(?P<h>[12])|(?P<h2>first|second)\s+half){tail}"),
            ("month", rf"(?:in|for|during|of)\s+(?P<m1>{month})\b(?!\s+\d{{1,2}}\b){tail}"),
        ]
    else:
        forms = [
            ("span", rf"(?P<m1>{month}){DASH}(?P<m2>{month}){tail}"),
            (
                "span",
                rf"[сз]\s+(?:\d{{1,2}}\s+)?(?P<m1>{month})\s+п[оа]\s+(?:\d{{1,2}}\s+)?"
                rf"(?P<m2>{month}){tail}",
            ),
            ("months", rf"(?:перв\w+\s+|последн\w+\s+)?{number}\s+(?:месяц\w*|мес\.){tail}"),
            ("first_month", rf"перв\w+\s+месяц\w*{tail}"),
            ("quarter", rf"(?P<q>{ordinal})\s+(?:квартал\w*|кв\.){tail}"),
            (
                "half",
                rf"(?P<h2>{ordinal})\s+(?:полугоди\w*|полуг\.|половин\w+|паўгодд\w*|палов\w+){tail}",
            ),
            ("month", rf"(?:в|у|ў|за)\s+(?P<m1>{month})\b{tail}"),
        ]
    forms += [("year", rf"{YEAR}"), ("relative", rf"(?P<rel>{rel})")]
    return [(kind, re.compile(form, re.IGNORECASE)) for kind, form in forms]


@lru_cache(maxsize=4)
def period_trigger(lang: str) -> re.Pattern[str]:
    """A cheap test that a text may name a period at all (most sentences do not)."""
    words = "|".join(alternation(kind, lang) for kind in ("month", "relative_year"))
    return re.compile(
        rf"\d|{words}|quarter|half|month|Q[1-4]|H[12]|квартал|полугоди|половин|паўгодд|палов|месяц",
        re.IGNORECASE,
    )


def months_of(kind: str, match: re.Match[str], lang: str) -> tuple[int, int] | None:
    """The first and last month a span covers.

    >>> months_of("quarter", re.match(r"(?P<q>\\w+)", "second"), "en")
    (4, 6)
    """
    groups = match.groupdict()
    if kind in ("span", "month"):
        first = int(value_of("month", groups["m1"], lang) or 0)
        last = int(value_of("month", groups.get("m2") or groups["m1"], lang) or 0)
        return (first, last) if 0 < first <= last else None
    if kind == "months":
        raw = groups["n"]
        count = int(raw) if raw.isdigit() else int(float(value_of("number_word", raw, lang) or 0))
        return (1, count) if 0 < count <= 12 else None
    if kind == "first_month":
        return (1, 1)
    if kind == "quarter":
        q = (
            int(groups["q"])
            if groups["q"].isdigit()
            else int(value_of("ordinal", groups["q"], lang) or 0)
        )
        return (3 * q - 2, 3 * q) if 1 <= q <= 4 else None
    if kind == "half":
        h = groups.get("h") or value_of("ordinal", groups.get("h2") or "", lang)
        return {"1": (1, 6), "2": (7, 12)}.get(str(h))
    return None


def find_periods(text: str, lang: str, offset: int = 0) -> list[PeriodMention]:
    """Every period mention in `text`, non-overlapping, the longest form winning.

    >>> [(p.year, p.months) for p in find_periods("In January-August 2024 and in 2023", "en")]
    [(2024, (1, 8)), (2023, None)]
    >>> [(p.rel, p.months) for p in find_periods("за первое полугодие нынешнего года", "ru")]
    [(0, (1, 6))]
    """
    if not period_trigger(lang).search(text):
        return []
    found: list[PeriodMention] = []
    for kind, pattern in period_patterns(lang):
        for match in pattern.finditer(text):
            if any(
                match.start() < p.end - offset and p.start - offset < match.end() for p in found
            ):
                continue
            groups = match.groupdict()
            months = months_of(kind, match, lang)
            if kind not in ("year", "relative") and months is None:
                continue
            rel = value_of("relative_year", groups["rel"], lang) if groups.get("rel") else None
            year = int(groups["year"]) if groups.get("year") else None
            found.append(
                PeriodMention(
                    offset + match.start(),
                    offset + match.end(),
                    year,
                    int(rel) if rel is not None else None,
                    months,
                    base=is_base(text[: match.start()], text[match.start() :], lang, kind),
                    is_date=is_date(text[: match.start()], text[match.end() :]),
                )
            )
    return sorted(found, key=lambda p: p.start)


SAME_PERIOD = {
    "en": r"^(?:the\s+)?(?:same|corresponding)\s+period|^a\s+year\s+(?:earlier|ago)",
    "ru": r"^аналогичн\w+\s+период\w*|^соответствующ\w+\s+период\w*|^прошлогодн\w+",
    "be": r"^аналагічн\w+\s+перыяд\w*|^адпаведн\w+\s+перыяд\w*|^леташн\w+|^аналогичн\w+\s+период"
    r"\w*|^прошлогодн\w+",
}


BASE_FILLER = (
    r"(?:(?:the|same|corresponding|period|of|level|in|year|аналогичн\w+|соответствующ\w+|"
    r"период\w*|показател\w+|уровн\w+|так\w*)\s+)*"
)
SAME_PERIOD_BEFORE = (
    r"(?:same|corresponding)\s+period\s+(?:of\s+)?$|(?:аналогичн|соответствующ)\w+\s+период\w*\s+$"
)


def is_base(left: str, right: str, lang: str, kind: str = "year") -> bool:
    """A year after "compared to", "over", «по сравнению с», «чем в» is a comparison's base.

    >>> is_base("grew by 35% over ", "2022", "en")
    True
    >>> is_base("это на 34,5% меньше, чем в ", "2018", "ru")
    True
    >>> is_base("к аналогичному периоду ", "прошлого года", "ru", "relative")
    True
    """
    window = left[-60:]
    if re.search(SAME_PERIOD_BEFORE, window, re.IGNORECASE):
        return True
    strong = alternation("base_strong", lang)
    if re.search(rf"(?<!\w){strong}\s+{BASE_FILLER}$", window, re.IGNORECASE):
        return True
    if kind in ("year", "relative"):
        cue = alternation("base", lang)
        if re.search(rf"(?<!\w){cue}\s+{BASE_FILLER}(?:[^\W\d]+\s+)?$", window, re.IGNORECASE):
            return True
    return bool(re.search(by_lang(SAME_PERIOD, lang), right, re.IGNORECASE))


def is_date(left: str, right: str) -> bool:
    """A year that completes a calendar date ("20 April 2017", «13 ноября 2017», 19.09.2023)."""
    month = "(?:" + alternation("month", "en") + "|" + alternation("month", "ru") + ")"
    if re.search(rf"\d{{1,2}}\s+{month}\s*,?\s*$", left[-20:], re.IGNORECASE):
        return True
    if re.search(rf"{month}\s+\d{{1,2}},?\s*$", left[-20:], re.IGNORECASE):
        return True
    return bool(re.search(r"\d{1,2}[./]$", left[-3:]) or re.match(r"[-./]\d{1,2}[-./]", right))


def resolve(
    mention: PeriodMention, published: date | None, year_hint: int | None = None
) -> str | None:
    """The spec's period string: `YYYY`, or `YYYY-MM..YYYY-MM` for a span of months.

    A span with no year takes `year_hint` (a year said nearby), else the latest such span
    not after publication; "last year" needs a publication date (never invented).

    >>> resolve(PeriodMention(0, 0, rel=-1), date(2024, 3, 1))
    '2023'
    >>> resolve(PeriodMention(0, 0, months=(1, 9)), date(2025, 2, 1))
    '2024-01..2024-09'
    """
    year = mention.year
    if year is None and mention.rel is not None:
        year = published.year + mention.rel if published else None
    if year is None and mention.months:
        year = year_hint
        if year is None and published:
            year = published.year if mention.months[1] <= published.month else published.year - 1
    if year is None:
        return None
    if mention.months is None:
        return str(year)
    first, last = mention.months
    return f"{year}-{first:02d}..{year}-{last:02d}"
