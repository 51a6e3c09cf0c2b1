"""The year an article was most likely written in, from the years it talks about.

Used only when the text dates itself by day and month alone ("on 5 November"). News reports
the latest figures: the latest year named that is not a plan or target is the current one when
it is still running ("January-August 2024", «в первом квартале»), and the year before the
current one when it is reported as finished ("trade rose by 40% in 2022").
"""

from __future__ import annotations

import re

YEAR_MENTION = re.compile(r"(?<![\d$€£.,/:-])((?:19|20)\d\d)(?![\d%.,]\d|\s*%|\d)")
FUTURE = re.compile(
    r"\b(?:will|shall|going to|plans?|planned|intends?|intended|target\w*|aims?|forecast\w*"
    r"|expected to|expects?|by the end of|будет|будут|станет|планир\w*|планы|намер\w*"
    r"|прогноз\w*|ожида\w*|к концу)\b",
    re.IGNORECASE,
)
FUTURE_BEFORE = re.compile(r"(?:\bby|\buntil|\btill|\bдо|\bк)\s+(?:the end of\s+)?$", re.I)
RUNNING = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]|июн\w*|июл\w*|август\w*|сентябр\w*"
    r"|октябр\w*|ноябр\w*)\s*[–—-]\s*\w+\s+$"
    r"|\b(?:quarter|half|months|h1|this year|so far|квартал\w*|полугоди\w*|месяц\w*"
    r"|текущ\w*|этого года)\b",
    re.IGNORECASE,
)
FINISHED_BEFORE = re.compile(
    r"\b(?:in|of|for|за|в|по итогам|по результатам)\s+$", re.IGNORECASE
)
RESULT_VERB = re.compile(
    r"\b(?:reached|rose|grew|increased|decreased|declined|fell|fallen|amounted|totaled"
    r"|totalled|exceeded|составил\w*|вырос\w*|увеличил\w*|сократил\w*|снизил\w*"
    r"|достиг\w*|превысил\w*)\b",
    re.IGNORECASE,
)
MONTH_BEFORE = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йея]|июн\w*|июл\w*|август\w*"
    r"|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*)\s+$",
    re.IGNORECASE,
)
FUTURE_WINDOW = 60  # characters before a year in which "will", "plan", «планирует» make it a plan
SENTENCE_END = re.compile(r"[.!?]|\n(?![^\S\n]*[a-zа-яё\d(«\"])")
# a line break ends a sentence unless the next line goes on in lower case or with a number
SENTENCE_BREAK = re.compile(r"\n(?![^\S\n]*[a-zа-яё\d(«\"])")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a year; a hard line wrap («до\n2027 года») does not end it."""
    left = max(text.rfind(mark, 0, start) for mark in ".!?") + 1
    while (cut := SENTENCE_BREAK.search(text, left)) and cut.start() < start:
        left = cut.end()
    after = SENTENCE_END.search(text, end)
    return left, after.start() if after else len(text)


def year_mentions(text: str) -> list[tuple[int, str, str]]:
    """Each year named: (year, the sentence's text before it, the whole sentence).

    >>> [y for y, _, _ in year_mentions("In 2022 trade grew 35%. Since 1997 and by 2030.")]
    [2022, 1997, 2030]
    """
    found = []
    for match in YEAR_MENTION.finditer(text):
        left, right = _sentence_around(text, match.start(), match.end())
        found.append((int(match[1]), text[left : match.start()], text[left:right]))
    return found


def _dated_event(before: str) -> bool:
    """A year after one month name ("in September 2020") dates a past event, not the present."""
    return bool(MONTH_BEFORE.search(before)) and not RUNNING.search(before)


def infer_year(text: str) -> int | None:
    """The current year of an article, or None when it names no usable year.

    >>> infer_year("In January-August 2024 trade grew. In 2023 it was $5 million.")
    2024
    >>> infer_year("Trade rose by 40 percent in 2022.")
    2023
    >>> infer_year("They will double trade by 2030.") is None
    True
    """
    usable = [
        (year, before, sentence)
        for year, before, sentence in year_mentions(text)
        if not FUTURE.search(before[-FUTURE_WINDOW:])
        and not FUTURE_BEFORE.search(before)
        and not _dated_event(before)
    ]
    if not usable:
        return None
    latest = max(year for year, _, _ in usable)
    mentions = [(before, sentence) for year, before, sentence in usable if year == latest]
    if any(RUNNING.search(before) or RUNNING.search(sentence) for before, sentence in mentions):
        return latest
    if any(
        FINISHED_BEFORE.search(before) and RESULT_VERB.search(sentence)
        for before, sentence in mentions
    ):
        return latest + 1
    return latest
