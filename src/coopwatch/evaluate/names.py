"""Folding names so that spellings of one person or organization compare equal.

Persons are scored by surname, transliteration-folded (Milyaev = Miliaev = Миляев);
organizations alias-folded (MAZ = МАЗ = Minsk Automobile Plant) through the registry
`data/organizations.tsv` when it is there, plus case, quote and transliteration folding.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from coopwatch.settings import DATA_DIR

CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ў": "u",
    "ґ": "g",
    "є": "ye",
    "ї": "yi",
}
# Latin variants of one Cyrillic sound, applied in order to every name after transliteration.
LATIN_FOLDS: tuple[tuple[str, str], ...] = (
    ("shch", "sch"),
    ("x", "ks"),
    ("w", "v"),
    ("ph", "f"),
    ("kh", "h"),
    ("tz", "c"),
    ("ts", "c"),
    ("y", "i"),
    ("j", "i"),
    ("ie", "e"),
    ("io", "e"),
)
LEGAL_FORM_WORDS = "oao zao pao ao ooo ip uo gup fgup rup oo ojsc cjsc pjsc jsc llc ltd inc co the"
_QUOTES = re.compile(r"[«»\"'“”„‘’`]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"([a-z])\1+")


def transliterate(text: str) -> str:
    """Cyrillic (Russian and Belarusian) to Latin letters, lower-cased.

    >>> transliterate("Миляев"), transliterate("Хоценко"), transliterate("Щёкино")
    ('milyaev', 'khotsenko', 'shchekino')
    """
    lowered = text.lower()
    return "".join(CYRILLIC.get(ch, ch) for ch in lowered)


def fold(text: str) -> str:
    """One spelling for all transliterations of a name: y/i/j, kh/h, ts/tz, ya/ia, doubles.

    >>> fold("Milyaev") == fold("Miliaev") == fold("Миляев")
    True
    >>> fold("Kondratyev") == fold("Kondratiev") == fold("Кондратьев")
    True
    >>> fold("Dmitriy") == fold("Dmitry") == fold("Дмитрий")
    True
    >>> fold("Artyom") == fold("Artem") == fold("Артём")
    True
    """
    latin = unicodedata.normalize("NFKD", transliterate(text))
    latin = "".join(ch for ch in latin if not unicodedata.combining(ch))
    latin = _NOT_WORD.sub(" ", latin)
    for variant, canonical in LATIN_FOLDS:
        latin = _DOUBLE.sub(r"\1", latin.replace(variant, canonical))
    return latin.strip()


LEGAL_FORMS = frozenset(fold(word) for word in LEGAL_FORM_WORDS.split())


def surname(name: str) -> str:
    """The folded surname: the last word of "First Last", initials skipped; the Belarusian
    -enka ending read as the Russian -enko (Lukashenka = Lukashenko).

    >>> surname("Dmitry Milyaev"), surname("Д.С. Миляев"), surname("  ")
    ('miliaev', 'miliaev', '')
    >>> surname("Alyaksandr Lukashenka") == surname("Александр Лукашенко")
    True
    """
    words = [w for w in fold(name).split() if len(w) > 1]
    if not words:
        return ""
    last = words[-1]
    return last[:-1] + "o" if last.endswith("enka") else last


def person_keys(person: dict[str, Any] | str) -> frozenset[str]:
    """The folded surnames a person may be matched by: from `name` and from `ru`."""
    if isinstance(person, str):
        person = {"name": person}
    keys = {surname(str(person.get(field) or "")) for field in ("name", "ru")}
    return frozenset(key for key in keys if key)


def organization_key(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The registry key of an organization name, or its folded form when unknown.

    >>> organization_key('ОАО «Гомсельмаш»') == organization_key("Gomselmash OJSC")
    True
    """
    folded = fold_organization(name)
    registry = _organization_aliases() if aliases is None else aliases
    return registry.get(folded, folded)


def fold_organization(name: str) -> str:
    """Case, quotes, legal forms and transliteration folded away.

    >>> fold_organization('JSC "Belshina"'), fold_organization("«Белшина»")
    ('belshina', 'belshina')
    """
    words = fold(_QUOTES.sub(" ", name)).split()
    kept = [w for w in words if w not in LEGAL_FORMS] or words
    return " ".join(kept)


@lru_cache(maxsize=1)
def _organization_aliases() -> dict[str, str]:
    """Folded alias -> registry key, from data/organizations.tsv (empty when absent)."""
    return load_aliases(DATA_DIR / "organizations.tsv")


NAME_COLUMNS = frozenset({"key", "id", "ru", "en", "be", "short", "full", "aliases", "alias"})


def load_aliases(path: Path) -> dict[str, str]:
    """Read a registry TSV with a header: every name-like cell of a row folds to its key.

    Cells of the `aliases` column may hold several names separated by `|` or `;`.
    """
    if not path.exists():
        return {}
    aliases: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            names = [
                part
                for column, cell in row.items()
                if column and _is_name_column(column) and cell
                for part in re.split(r"[|;]", cell)
                if part.strip()
            ]
            if not names:
                continue
            key = "org:" + fold_organization(row.get("key") or row.get("id") or names[0])
            for name in names:
                aliases.setdefault(fold_organization(name), key)
    return aliases


def _is_name_column(column: str) -> bool:
    """Columns holding names: `name`, `name_en`, `name_ru`, `aliases`, `key`..."""
    lowered = column.strip().lower()
    return lowered in NAME_COLUMNS or lowered.startswith("name")
