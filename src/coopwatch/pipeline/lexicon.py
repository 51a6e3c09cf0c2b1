"""The trade lexicon (data/trade_lexicon.tsv) as regex pieces: words are data users extend,
the grammars in amounts/growth/periods/flows only combine them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

Entry = tuple[str, str, str]  # (lang, value, regex fragment)
# Belarusian shares most trade words' forms with Russian: a `be` text is read with the `be`
# rows and then the Russian ones; a language with no rows of its own falls back to Russian.
FALLBACK = {"be": ("be", "ru")}


def languages(lang: str | None) -> tuple[str, ...]:
    """The row languages a text in `lang` is read with (its own, its fallback, then `any`).

    >>> languages("be"), languages("en")
    (('be', 'ru', 'any'), ('en', 'any'))
    """
    return FALLBACK.get(lang or "", (lang or "",)) + ("any",)


def by_lang(table: dict[str, str], lang: str) -> str:
    """A language's entry of a small code table (FROM, TO ...), else its fallback's, else ru.

    >>> by_lang({"en": "from", "ru": "из"}, "be")
    'из'
    """
    for code in languages(lang):
        if code in table:
            return table[code]
    return table.get("ru") or next(iter(table.values()))


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, list[Entry]]:
    """Every row of trade_lexicon.tsv grouped by kind, in file order (read once)."""
    table: dict[str, list[Entry]] = {}
    text = resources.files("coopwatch").joinpath("data/trade_lexicon.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, lang, value, pattern = line.split("\t", 3)
        table.setdefault(kind, []).append((lang, value, pattern.strip()))
    return table


def entries(kind: str, lang: str | None = None) -> list[Entry]:
    """The rows of one kind, for one language (plus the `any` rows) or for all."""
    allowed = languages(lang)
    return [e for e in load_lexicon().get(kind, []) if lang is None or e[0] in allowed]


def alternation(kind: str, lang: str | None = None) -> str:
    """One non-capturing regex group matching any word of `kind`.

    >>> re.fullmatch(alternation("multiplier", "ru"), "млрд.") is not None
    True
    """
    return "(?:" + "|".join(f"(?:{p})" for _, _, p in entries(kind, lang)) + ")"


@lru_cache(maxsize=256)
def compiled(kind: str, lang: str | None = None, template: str = "{}") -> re.Pattern[str]:
    """The alternation of `kind` put into `template` and compiled (cached)."""
    return re.compile(template.format(alternation(kind, lang)), re.IGNORECASE)


def value_of(kind: str, word: str, lang: str | None = None) -> str | None:
    """The value of the first row of `kind` whose fragment matches all of `word`.

    >>> value_of("currency", "белорусских рублей", "ru")
    'BYN'
    >>> value_of("qualifier", "more than", "en")
    'over'
    """
    for _, value, pattern in entries(kind, lang):
        if re.fullmatch(pattern, word.strip(), re.IGNORECASE):
            return value
    return None
