"""Descriptive Russian organization names in English, as the English press and the gold give them.

A brand-like name stays as written («Кидма тек»), but a name that describes the body
(«Алтайский государственный университет», «Министерство промышленности Беларуси»,
«Гомельский тракторный завод», «Торгово-промышленная палата Тульской области») is put in
English: a place adjective becomes the place's English name (from data/regions.tsv, else a
transliteration), the words after it come from the small table `_PHRASES`, a ministry's
subject from data/ministry_subjects.tsv, and its owner (a country or a region) is kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from coopwatch import nlp
from coopwatch.data_files import region_rows
from coopwatch.pipeline.regionalbodies import subjects
from coopwatch.pipeline.translit import fold, to_latin

# lemmas of the descriptive words after a place adjective -> English, longest first
_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("государственный", "технический", "университет"), "State Technical University"),
    (("государственный", "аграрный", "университет"), "State Agrarian University"),
    (("государственный", "медицинский", "университет"), "State Medical University"),
    (("государственный", "педагогический", "университет"), "State Pedagogical University"),
    (("государственный", "университет"), "State University"),
    (("технический", "университет"), "Technical University"),
    (("университет",), "University"),
    (("тракторный", "завод"), "Tractor Plant"),
    (("автомобильный", "завод"), "Automobile Plant"),
    (("моторный", "завод"), "Motor Plant"),
    (("металлургический", "завод"), "Metallurgical Plant"),
    (("машиностроительный", "завод"), "Machine-Building Plant"),
    (("авиационный", "завод"), "Aircraft Plant"),
    (("шинный", "завод"), "Tyre Plant"),
    (("завод",), "Plant"),
    (("облисполком",), "Oblast Executive Committee"),
    (("областной", "исполнительный", "комитет"), "Oblast Executive Committee"),
    (("горисполком",), "City Executive Committee"),
)
TRANSLIT_ADJECTIVE = re.compile(r"(?:skaya|skiy|sky|skii|skoy|skaja)$", re.IGNORECASE)
_CHAMBER = ("торгово-промышленный", "палата")
_OWNERS = {"беларусь": "Belarus", "белоруссия": "Belarus", "россия": "Russia",
           "российский": "Russia", "белорусский": "Belarus", "федерация": "Russia", "рф": "Russia"}
_SKIP_OWNER_WORDS = frozenset({"республика", "российский"})


def _lemmas(name: str) -> list[str]:
    return [nlp.lemma(w).replace("ё", "е") for w in re.findall(r"[\w\-]+", name)]


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, ...]]:
    """Place adjective or name (ru, lower case) -> the English names of that place."""
    english: dict[str, list[str]] = {}
    russian: dict[str, list[str]] = {}
    for row in region_rows():
        names = [n for n in row.names if n and "*" not in n]
        if row.lang == "en":
            english.setdefault(row.code, []).extend(
                n.split()[0] if row.kind == "region" else n for n in names
                if not TRANSLIT_ADJECTIVE.search(n.split()[0]))
        elif row.lang == "ru" and row.kind in ("adj", "capital", "alias"):
            for n in names:
                russian.setdefault(n.lower().replace("ё", "е"), []).append(row.code)
    return {ru: tuple(e for code in codes for e in english.get(code, ()))
            for ru, codes in russian.items()}


def place_en(adjective: str) -> str:
    """The English place of a Russian place adjective: Алтайский -> Altai, Гомельский -> Gomel.

    >>> place_en("Алтайский"), place_en("гомельского"), place_en("Пинский")
    ('Altai', 'Gomel', 'Pinsk')
    """
    lemma = nlp.lemma(adjective).replace("ё", "е")
    latin = fold(to_latin(re.sub(r"(?:ск|цк)ий$", "", lemma)))
    candidates = _places().get(lemma, ())
    if candidates:
        return max(candidates, key=lambda en: (_common_prefix(fold(en), latin), -len(en)))
    stem = re.sub(r"ь?(?:ск|цк)ий$", "", lemma)
    suffix = "sk" if lemma.endswith("ский") and stem[-1:] in "бвкмнпрст" else ""
    return to_latin(stem).capitalize() + suffix


def _common_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)))


def _owner(lemmas: list[str], region: str | None) -> str | None:
    """Whose body it is: a country named after it or before it, else the region given."""
    for lemma in lemmas:
        if lemma in _OWNERS:
            return _OWNERS[lemma]
    return region


def translate(name: str, region: str | None = None) -> str | None:
    """The English name of a descriptive Russian name, or None when it is not one.

    >>> translate("Алтайский государственный университет")
    'Altai State University'
    >>> translate("Гомельского тракторного завода"), translate("Министерство экономики Беларуси")
    ('Gomel Tractor Plant', 'Ministry of Economy of Belarus')
    >>> translate("Торгово-промышленная палата Тульской области"), translate("Кидма тек")
    ('Tula Chamber of Commerce and Industry', None)
    """
    words = re.findall(r"[\w\-]+", name)
    lemmas = _lemmas(name)
    if lemmas[:1] == ["министерство"]:
        return _ministry(lemmas, region)
    if tuple(lemmas[:2]) == _CHAMBER and len(words) > 2:
        return f"{place_en(words[2])} Chamber of Commerce and Industry"
    if len(words) < 2 or not lemmas[0].endswith(("ский", "цкий")):
        return None
    for phrase, english in _PHRASES:
        if tuple(lemmas[1:1 + len(phrase)]) == phrase and len(lemmas) == 1 + len(phrase):
            return f"{place_en(words[0])} {english}"
    return None


def _ministry(lemmas: list[str], region: str | None) -> str | None:
    """«Министерство промышленности и торговли [Беларуси]» -> Ministry of Industry and Trade
    [of Belarus]; the subject must be a known one."""
    text = " ".join(lemmas[1:])
    known = sorted(subjects().items(), key=lambda kv: -len(kv[0]))
    for russian, english in known:
        key = " ".join(_lemmas(russian))
        if text == key or text.startswith(key + " "):
            rest = [w for w in text[len(key):].split() if w not in _SKIP_OWNER_WORDS or
                    w in _OWNERS]
            owner = _owner(rest, region)
            return f"Ministry of {english} of {owner}" if owner else f"Ministry of {english}"
    return None


RU_OWNER_AFTER = re.compile(
    r"\s+(?:Республики\s+Беларусь|Беларуси|Белоруссии|России|Российской\s+Федерации|РФ)\b")
RU_OWNER_BEFORE = re.compile(r"\b(?:белорусск|российск)\w+\s+$", re.IGNORECASE)


def owner_around(text: str, start: int, end: int) -> str:
    """A country named right after or before a body's name, as Russian words ('' if none).

    >>> owner_around("Министерство экономики России сообщило", 0, 22)
    ' России'
    """
    after = RU_OWNER_AFTER.match(text, end)
    if after:
        return after.group(0)
    before = RU_OWNER_BEFORE.search(text[max(0, start - 20):start])
    return " " + before.group(0).strip() if before else ""
