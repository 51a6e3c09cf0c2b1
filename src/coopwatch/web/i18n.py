"""The page languages: UI labels (data/ui_labels.tsv) and code names; region names and number
formats come from `coopwatch.labels` (shared with the CLI) and are re-exported for the templates.
"""

from __future__ import annotations

from functools import lru_cache

from coopwatch.data_files import data_records
from coopwatch.labels import (
    Tile,
    figure,
    find_regions,
    money,
    party_names,
    percent,
    region_name,
    tiles,
)

LANGS = ("en", "ru")
__all__ = [
    "LANGS",
    "Tile",
    "code_labels",
    "figure",
    "find_regions",
    "labels",
    "money",
    "party_names",
    "percent",
    "region_name",
    "tiles",
    "translate",
]


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    """English UI text -> Russian."""
    return {r["en"]: r["ru"] for r in data_records("ui_labels.tsv")}


@lru_cache(maxsize=1)
def code_labels() -> dict[str, tuple[str, str]]:
    """Codes (fact kinds, measures, statuses, sectors) -> (English, Russian) display names."""
    return {r["code"]: (r["en"], r["ru"]) for r in data_records("code_labels.tsv")}


def translate(text: str, lang: str) -> str:
    """A UI label or a code in the page's language (English when no translation is known).

    >>> translate("Exports", "ru"), translate("Exports", "en")
    ('Экспорт', 'Exports')
    >>> translate("growth_pct", "en"), translate("odd_code", "en")
    ('growth, %', 'odd code')
    >>> translate("agriculture_food", "ru")
    'сельское хозяйство и продовольствие'
    """
    if text in code_labels():
        return code_labels()[text][1 if lang == "ru" else 0]
    if "_" in text and " " not in text:
        return text.replace("_", " ")
    return labels().get(text, text) if lang == "ru" else text
