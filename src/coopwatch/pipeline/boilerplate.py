"""Strip page clutter (menus, banners, weather, credits) line by line, never a body sentence.

Patterns are data (`data/boilerplate.tsv`); this module only applies them. A line is dropped
as a whole or loses a known prefix; body lines are never cut in the middle, so every sentence
of the article survives as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coopwatch.pipeline.dates import page_date
from coopwatch.settings import DATA_DIR

BOILERPLATE_FILE = DATA_DIR / "boilerplate.tsv"
SHORT_LINE = 120
# soft hyphens and zero-width characters split words for every later pattern
INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Patterns:
    """The compiled clutter patterns, one alternation per kind (fast: one regex call a line)."""

    line: re.Pattern[str]
    prefix: re.Pattern[str]
    short: re.Pattern[str]


def _alternation(parts: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in parts) or r"(?!x)x"
    return re.compile(body, re.IGNORECASE)


def read_patterns(path: Path) -> Patterns:
    """Read `kind<TAB>regex<TAB>why` lines (comments start with #) into compiled patterns."""
    kinds: dict[str, list[str]] = {"line": [], "prefix": [], "short": []}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, _, rest = raw.partition("\t")
        pattern = rest.split("\t", 1)[0]
        if kind not in kinds:
            raise ValueError(f"{path}:{number}: unknown kind {kind!r}")
        re.compile(pattern)  # fail early, naming the line
        kinds[kind].append(pattern)
    return Patterns(
        line=_alternation(kinds["line"]),
        prefix=re.compile(
            "^(?:" + "|".join(f"(?:{p})" for p in kinds["prefix"]) + ")", re.IGNORECASE
        )
        if kinds["prefix"]
        else re.compile(r"(?!x)x"),
        short=_alternation(kinds["short"]),
    )


@lru_cache(maxsize=1)
def default_patterns() -> Patterns:
    """The shipped patterns, read once."""
    return read_patterns(BOILERPLATE_FILE)


def is_shouting_banner(line: str) -> bool:
    """A site banner in capitals with no digits and no sentence end ("САЙТ ГАЗЕТЫ ...").

    >>> is_shouting_banner("САЙТ ЖУРНАЛА О СОТРУДНИЧЕСТВЕ РЕГИОНОВ")
    True
    >>> is_shouting_banner("MINSK, 1 June (BelTA) – Trade grew.")
    False
    """
    words = _WORD.findall(line)
    return (
        len(words) >= 3
        and all(w.isupper() for w in words)
        and not any(ch.isdigit() for ch in line)
        and not line.rstrip().endswith((".", "!", "?"))
    )


def clean_line(line: str, patterns: Patterns | None = None) -> str | None:
    """The line without clutter, or None when the whole line is clutter.

    >>> clean_line("All news") is None
    True
    >>> clean_line("Exports grew by 5% in 2023.")
    'Exports grew by 5% in 2023.'
    """
    found = patterns or default_patterns()
    text = line.translate(INVISIBLE).strip()
    if not text:
        return ""
    while (prefix := found.prefix.match(text)) and prefix.end() > 0:
        text = text[prefix.end() :].strip()
        if not text:
            return None
    if found.line.fullmatch(text) or page_date(text):
        return None
    if len(text) < SHORT_LINE and (found.short.search(text) or is_shouting_banner(text)):
        return None
    return text


def strip_boilerplate(text: str, patterns: Patterns | None = None) -> str:
    """Text with clutter lines and repeated lines dropped; paragraph breaks kept.

    >>> strip_boilerplate("All news\\nTrade grew.\\n\\nTrade grew.\\nSubscribe to us")
    'Trade grew.'
    """
    kept: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        cleaned = clean_line(line, patterns)
        if cleaned is None:
            continue
        if cleaned:
            if cleaned in seen:
                continue
            seen.add(cleaned)
        elif not kept or not kept[-1]:
            continue
        kept.append(cleaned)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)
