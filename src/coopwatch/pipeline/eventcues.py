"""The cue lexicon of events, agreements and projects (data/events.tsv) as compiled regexes,
and the small readers they share: counts in words or digits, dates resolved against the
publication date.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from coopwatch.data_files import data_records

_NUMBER_WORDS = {
    "пяти": 5, "десяти": 10,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "пять": 5,
    "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11,
    "двенадцать": 12, "пятнадцать": 15, "двадцать": 20,
}
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH_RE = (r"(january|february|march|april|may|june|july|august|september|october|november|"
             r"december|январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|"
             r"август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])")
DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})\s+{_MONTH_RE}\b|\b{_MONTH_RE}\s+(\d{{1,2}})\b", re.IGNORECASE
)
MONTH_YEAR = re.compile(rf"\b{_MONTH_RE}\s+((?:19|20)\d\d)\b", re.IGNORECASE)
YEAR = re.compile(r"\b((?:19|20)\d\d)(?:\s*(?:году|года|г\.|-м|year))?\b")


@lru_cache(maxsize=1)
def cues() -> dict[str, list[tuple[str, str, re.Pattern[str]]]]:
    """group -> [(value, lang, regex)] in file order (the first status that matches wins)."""
    table: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
    for row in data_records("events.tsv"):
        table.setdefault(row["group"], []).append(
            (row["value"], row["lang"], re.compile(row["pattern"], re.IGNORECASE)))
    return table


def first_cue(group: str, text: str, lang: str) -> tuple[str, re.Match[str]] | None:
    """The first value of a cue group (file order) whose pattern occurs in the text."""
    lang = "en" if lang == "en" else "ru"
    for value, cue_lang, pattern in cues().get(group, []):
        m = pattern.search(text) if cue_lang == lang else None
        if m:
            return value, m
    return None


def count_before(text: str, position: int) -> int | None:
    """A count written just before a noun: "11 agreements", «три соглашения».

    >>> count_before("At the end, 11 agreements were signed", 15)
    11
    """
    before = re.findall(r"[\w]+", text[:position])[-2:]
    for word in reversed(before):
        low = word.lower()
        if low.isdigit() and int(low) < 1000:
            return int(low)
        if low in _NUMBER_WORDS:
            return _NUMBER_WORDS[low]
    return None


def _month(word: str) -> int | None:
    low = word.lower()
    for stem, number in sorted(_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if low.startswith(stem):
            return number
    return None


def resolve_date(text: str, published: date | None) -> str | None:
    """The date a sentence gives (day and month, month and year, a year), else None.

    >>> resolve_date("signed in March 2003", None)
    '2003-03'
    >>> from datetime import date
    >>> resolve_date("met in Minsk on 5 November", date(2024, 11, 6))
    '2024-11-05'
    """
    if m := MONTH_YEAR.search(text):
        month = _month(m.group(1))
        return f"{m.group(2)}-{month:02d}" if month else m.group(2)
    if (m := DAY_MONTH.search(text)) and published:
        day = int(m.group(1) or m.group(4))
        month = _month(m.group(2) or m.group(3))
        if month and 1 <= day <= 31:
            year = published.year - (1 if (month, day) > (published.month, published.day) else 0)
            return f"{year}-{month:02d}-{day:02d}"
    if m := YEAR.search(text):
        return m.group(1)
    return None
