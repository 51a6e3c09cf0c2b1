"""When a document was published and where its dateline was written, from the text alone.

The cascade, best first (metadata from the input beats all of it, see `clean`):

1. a scrape marker at the top ("date 2025-08-22 ...") that is not an exchange-rate table;
2. a page timestamp: a full date alone on its line, with or without a time
   ("01 June 2023, 19:10", "Posted: 19.09.2023 17:12:00", «icon 29/09/2025», «13 ноября 2017»);
3. a dateline "MINSK, 1 June (BelTA)" / «24 ноября, Минск /Корр. БЕЛТА/»;
4. a day and month in the lead ("on 5 November", «В четверг, 25 мая»).

Steps 3 and 4 give no year: it comes from the page banner ("Friday, 29 September 2023", the
scraping day, so never earlier than the article) or else from the years the text talks about
(`years.infer_year`; measured on dev, samples and five held-out sets it gives 11 right
dates and 3 wrong ones where the gold is null, so it stays). With no timestamp, dateline or
lead date at all, the banner itself is the best date the page gives (5.). A pipe-separated
header («Site | 15.11.2025») is a timestamp. Only date-shaped patterns are read: no free-text
date search, which turns "35%" into 2035.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from coopwatch.pipeline.years import infer_year

MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTHS_RU = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "студзен": 1, "лют": 2, "сакавік": 3, "красавік": 4, "травен": 5, "траўн": 5,
    "чэрвен": 6, "ліпен": 7, "жнівен": 8, "жніўн": 8,
    "верасн": 9, "вераснь": 9, "кастрычнік": 10, "лістапад": 11, "снежн": 12, "снежан": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4,
    "суббот": 5, "воскресень": 6,
}  # fmt: skip

_EN = "|".join(sorted(MONTHS_EN, key=len, reverse=True))
_RU_MONTH = (
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|студзеня|лютага|сакавіка|красавіка|траўня|чэрвеня|ліпеня|жніўня|верасня|кастрычніка"
    r"|лістапада|снежня)"
)
MONTH = rf"(?i:(?:{_EN})\b\.?|{_RU_MONTH}\b)"
DAY = r"(?:[0-3]?\d)"
YEAR = r"(?:19\d\d|20\d\d)"
WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник"
    r"|сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье)"
)
TIME = r"\d{1,2}:\d{2}(?::\d{2})?"

MARKER = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})(\s+\d+[.,]\d+\s+[A-Z]{3}\b)?")
PREFIX = r"(?:[^\W\d]+:?\s+)?"  # "Posted:", "icon", "Опубликовано"
LEAD_TIME = rf"(?:{TIME},?\s+)?"  # «10:15, 22 августа 2025»
ISO_LINE = re.compile(
    rf"{PREFIX}(\d{{4}})-(\d{{2}})-(\d{{2}})(?:[ T]{TIME}(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?"
)
NUMERIC_LINE = re.compile(
    rf"{PREFIX}{LEAD_TIME}({DAY})[./]([01]?\d)[./]({YEAR})(?:,?\s+{TIME})?", re.IGNORECASE
)
WORDY_LINE = re.compile(
    rf"{PREFIX}{LEAD_TIME}(?:({WEEKDAY}),?\s+)?({DAY})\s+({MONTH})\s+({YEAR})"
    rf"(?:\s*(?:г\.|года))?(,?\s*{TIME})?",
    re.IGNORECASE,
)
US_LINE = re.compile(
    rf"{PREFIX}(?:{WEEKDAY},?\s+)?({MONTH})\s+({DAY}),\s+({YEAR})(,?\s*{TIME}(?:\s*[ap]\.?m\.?)?)?",
    re.IGNORECASE,
)
DATELINE_EN = re.compile(
    rf"^([A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{{2,30}}),\s+({DAY})\s+({MONTH})(?:\s+({YEAR}))?\s*[(/.–—-]",
    re.MULTILINE,
)
DATELINE_RU = re.compile(
    rf"^({DAY})\s+({MONTH})(?:\s+({YEAR}))?,\s+([А-ЯЁA-Z][\w .-]{{2,30}}?)\s*/",
    re.MULTILINE | re.IGNORECASE,
)
DATELINE_US = re.compile(rf"^({MONTH})\s+({DAY}),\s+[A-ZА-ЯЁ][\w.-]*\.", re.MULTILINE)
LEAD_DAY_MONTH = re.compile(
    rf"(?:\b({WEEKDAY}),?\s+)?(?<![\d–-])\b({DAY})\s+({MONTH})(?!\s*[–—-]\s*\d)(?:\s+({YEAR}))?"
    rf"|\b({MONTH})\s+({DAY})\b(?!\s*(?:[–—-]|to|and)\s*\d)(?:,\s+({YEAR}))?",
    re.IGNORECASE,
)
FULL_DATE = re.compile(
    rf"(?<!\d)(\d{{4}})-(\d{{2}})-(\d{{2}})(?!\d)|(?<![\d.])({DAY})[./]([01]?\d)[./]({YEAR})(?!\d)"
    rf"|\b({DAY})\s+({MONTH})\s+({YEAR})|\b({MONTH})\s+({DAY}),?\s+({YEAR})",
    re.IGNORECASE,
)
PUBLISHED_BEFORE = re.compile(
    r"(?:опубликован\w*|дата публикации|публикация|размещен\w*|published|posted)"
    r"\s*:?\s*(?:on\s+)?$",
    re.IGNORECASE,
)
TIME_AFTER = re.compile(rf",?\s*(?:в\s+|at\s+)?{TIME}\b", re.IGNORECASE)
YEAR_IN_LINE = re.compile(r"(?:19|20)\d\d")
HEADER_LINE_MAX = 160  # longer lines are paragraphs: their dates are events, not stamps
STAMP_START_MAX = 25  # a dated time this near a header line's start is the page's timestamp
RANGE_AFTER = re.compile(r"\s*(?:[–—-]|to|and|по|до|и)\s*\d", re.IGNORECASE)
LEAD_CHARS = 700
PIPE_LINE_MAX = 120  # «Site name | 15.11.2025 | Section»: a header line, not a table
BANNER_SLACK_DAYS = 7  # a rate table is dated a day or two before the article
SIGNATURE_LINES = 3  # «"Outlet", 14 февраля 2025 г.» / "Minsk, 3 March 2025" closing a piece
SIGNATURE_LINE_MAX = 80  # a signature is short; a longer last line is a paragraph
SIGNATURE_HEAD = re.compile(r"(?:^|,\s*)$")  # "Outlet, <date>" or the date alone
SIGNATURE_TAIL = re.compile(r"\s*(?:г\.|года?)?\.?\s*", re.IGNORECASE)  # nothing after the date


@dataclass(frozen=True)
class Publication:
    """What the text says about its publication: the date, how it was found, the place."""

    published: date | None = None
    found_by: str | None = None  # marker, page, dateline, text, signature, banner
    place: str | None = None


def month_number(word: str) -> int | None:
    """The month of an English, Russian or Belarusian month name in any case.

    >>> month_number("Sept."), month_number("августа"), month_number("мая")
    (9, 8, 5)
    """
    key = word.lower().rstrip(".")
    if key in MONTHS_EN:
        return MONTHS_EN[key]
    for stem in sorted(MONTHS_RU, key=len, reverse=True):
        if key.startswith(stem):
            return MONTHS_RU[stem]
    return None


def weekday_number(word: str | None) -> int | None:
    """Monday=0 for an English or Russian weekday name in any case."""
    if not word:
        return None
    key = word.lower()
    return next((n for stem, n in WEEKDAYS.items() if key.startswith(stem)), None)


def make_date(year: int | str, month: int | str | None, day: int | str) -> date | None:
    """A real date or None (31 February, month 13)."""
    try:
        return date(int(year), int(month or 0), int(day))
    except (TypeError, ValueError):
        return None


def page_date(line: str) -> tuple[date, bool] | None:
    """A full date alone on a line, and whether it is a banner (weekday, no time).

    >>> page_date("01 June 2023, 19:10")
    (datetime.date(2023, 6, 1), False)
    >>> page_date("Flag Friday, 29 September 2023")
    (datetime.date(2023, 9, 29), True)
    >>> page_date("Trade grew on 1 June 2023.") is None
    True
    >>> page_date("Region News | 15.11.2025")
    (datetime.date(2025, 11, 15), False)
    """
    text = line.strip()
    if "|" in text and len(text) <= PIPE_LINE_MAX:
        cells = [found for cell in text.split("|") if (found := _cell_date(cell.strip()))]
        return cells[0] if len(cells) == 1 else None
    return _cell_date(text)


def _cell_date(text: str) -> tuple[date, bool] | None:
    """page_date of one line or one cell of a pipe-separated header."""
    if len(text) > 60:
        return None
    if found := ISO_LINE.fullmatch(text):
        day = make_date(found[1], found[2], found[3])
        return (day, False) if day else None
    if found := NUMERIC_LINE.fullmatch(text):
        day = make_date(found[3], found[2], found[1]) or make_date(found[3], found[1], found[2])
        return (day, False) if day else None  # day first unless impossible (02/18/2025)
    if found := WORDY_LINE.fullmatch(text):
        day = make_date(found[4], month_number(found[3]), found[2])
        return (day, bool(found[1]) and not found[5]) if day else None
    if found := US_LINE.fullmatch(text):
        day = make_date(found[3], month_number(found[1]), found[2])
        return (day, False) if day else None
    return None


def full_dates(line: str) -> list[tuple[date, bool]]:
    """Each full date in a line (day first unless impossible), and whether it is stamped:
    after «Опубликовано:»/"Published" or followed by a time near the line's start.

    >>> full_dates("Опубликовано: 18.02.2025 17:05 · Источник: агентство")
    [(datetime.date(2025, 2, 18), True)]
    >>> full_dates("Posted 02/18/2025 by the editor")
    [(datetime.date(2025, 2, 18), True)]
    >>> full_dates("The forum will open in Minsk on 18 March 2025.")
    [(datetime.date(2025, 3, 18), False)]
    """
    found: list[tuple[date, bool]] = []
    if len(line) > HEADER_LINE_MAX or not YEAR_IN_LINE.search(line):
        return found  # a paragraph, or no year: nothing a header would stamp (and cheap)
    for match in FULL_DATE.finditer(line):
        day = _full_date(match)
        if day is None:
            continue
        stamped = bool(PUBLISHED_BEFORE.search(line[: match.start()])) or (
            match.start() <= STAMP_START_MAX and bool(TIME_AFTER.match(line, match.end()))
        )
        found.append((day, stamped))
    return found


def _full_date(match: re.Match[str]) -> date | None:
    if match[1]:
        return make_date(match[1], match[2], match[3])
    if match[4]:
        return make_date(match[6], match[5], match[4]) or make_date(match[6], match[4], match[5])
    if match[7]:
        return make_date(match[9], month_number(match[8]), match[7])
    return make_date(match[12], month_number(match[10]), match[11])


def _top_lines(text: str, count: int = 25) -> list[str]:
    return text.split("\n", count)[:count]


def _marker(text: str) -> tuple[date | None, date | None]:
    """The scrape marker's date: (published, banner) - a rate table's date is only a banner."""
    found = MARKER.match(text)
    if not found:
        return None, None
    day = make_date(found[1], found[2], found[3])
    return (None, day) if found[4] else (day, None)


def _dateline(text: str) -> tuple[int, int, int | None, str | None] | None:
    """(month, day, year or None, place) of a dateline in the first lines."""
    head = "\n".join(MARKER.sub("", line).strip() for line in _top_lines(text, 40))
    if found := DATELINE_EN.search(head):
        month = month_number(found[3])
        if month:
            year = int(found[4]) if found[4] else None
            return month, int(found[2]), year, found[1].strip()
    if found := DATELINE_RU.search(head):
        month = month_number(found[2])
        if month:
            year = int(found[3]) if found[3] else None
            return month, int(found[1]), year, found[4].strip()
    if found := DATELINE_US.search(head):
        month = month_number(found[1])
        if month:
            return month, int(found[2]), None, None
    return None


def _lead_date(body: str) -> tuple[int, int, int | None, int | None] | None:
    """(month, day, year or None, weekday or None) of the first day-and-month in the lead."""
    for found in LEAD_DAY_MONTH.finditer(body[:LEAD_CHARS]):
        if found[2]:
            month, day, year, weekday = month_number(found[3]), found[2], found[4], found[1]
        else:
            month, day, year, weekday = month_number(found[5]), found[6], found[7], None
        if RANGE_AFTER.match(body, found.end()) or not month:
            continue
        return month, int(day), int(year) if year else None, weekday_number(weekday)
    return None


def _with_year(
    month: int, day: int, banner: date | None, text: str, weekday: int | None = None,
    named: list[date] | None = None,
) -> date | None:
    """The year for a day and month: a full date the page names for that day, the banner's,
    or else the one the text's years suggest."""
    same_day = [found for found in named or [] if (found.month, found.day) == (month, day)]
    if same_day:
        year = same_day[0].year
    elif banner:
        year = _year_near(month, day, banner)
    else:
        inferred = infer_year(text)
        if inferred is None:
            return None
        year = inferred
    found = make_date(year, month, day)
    if found and weekday is not None and found.weekday() != weekday:
        return None
    return found


def _year_near(month: int, day: int, banner: date) -> int:
    """The year that puts day/month closest before the banner (a week after is allowed).

    >>> _year_near(6, 1, date(2023, 9, 29)), _year_near(2, 3, date(2025, 2, 1))
    (2023, 2025)
    """
    candidate = make_date(banner.year, month, day)
    if candidate is None or (candidate - banner).days <= BANNER_SLACK_DAYS:
        return banner.year
    return banner.year - 1


def find_publication(text: str, body: str | None = None) -> Publication:
    """The publication date and dateline place found in `text` (raw, clutter included).

    `body` is the cleaned text, where the lead starts; it defaults to `text`.

    >>> find_publication("MINSK, 1 June (BelTA) – Trade grew.\\nFriday, 29 September 2023")
    Publication(published=datetime.date(2023, 6, 1), found_by='dateline', place='MINSK')
    """
    lead_text = body if body is not None else text
    published, banner = _marker(text)
    if published:
        return Publication(published, "marker", _place(text))
    pages = [found for line in _top_lines(text) if (found := page_date(line))]
    stamps = [day for day, is_banner in pages if not is_banner]
    banners = [day for day, is_banner in pages if is_banner]
    banner = banner or (banners[0] if banners else None)
    if stamps:
        return Publication(stamps[0], "page", _place(text))
    named = [found for line in _top_lines(text) for found in full_dates(line)]
    if stamped := [day for day, is_stamp in named if is_stamp]:
        return Publication(stamped[0], "page", _place(text))
    named_days = [day for day, _ in named]
    if line := _dateline(text):
        month, day, year, place = line
        dated = make_date(year, month, day) if year else _with_year(
            month, day, banner, lead_text, named=named_days
        )
        if dated:
            return Publication(dated, "dateline", place)
    lead = _lead_date(lead_text)
    if lead:
        month, day, year, weekday = lead
        dated = make_date(year, month, day) if year else _with_year(
            month, day, banner, lead_text, weekday, named_days
        )
        if dated:
            return Publication(dated, "text", _place(text))
    if signed := signature_date(lead_text):
        return Publication(signed, "signature", _place(text))
    if banners:
        return Publication(banners[0], "banner", _place(text))
    return Publication(None, None, _place(text))


def signature_date(text: str) -> date | None:
    """A full date on one of the last short lines: the outlet's or place's signature.

    >>> signature_date("Trade grew.\\n\\nMinsk, 3 March 2025\\n")
    datetime.date(2025, 3, 3)
    >>> signature_date("Торговля растет.\\n«Вечерний город», 14 февраля 2025 г.")
    datetime.date(2025, 2, 14)
    >>> signature_date("The forum opens on 18 March 2025 and will last three days.")
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in reversed(lines[-SIGNATURE_LINES:]):
        if len(line) > SIGNATURE_LINE_MAX:
            continue
        for match in FULL_DATE.finditer(line):
            signed = SIGNATURE_HEAD.search(line[: match.start()])
            if signed and SIGNATURE_TAIL.fullmatch(line[match.end():]):
                return _full_date(match)
    return None


def _place(text: str) -> str | None:
    found = _dateline(text)
    return found[3] if found else None
