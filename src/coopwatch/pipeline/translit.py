"""Russian names in Latin letters, and one folded form per surname, so that Миляев, Milyaev
and Miliaev are the same person across languages and spellings.

`to_latin` writes the BelTA-like press spelling (Aleksandr, Dmitry, Artyom, Krutoi);
`fold` reduces any spelling, Cyrillic or Latin, to a key where the usual variants meet.
"""

from __future__ import annotations

import re
import unicodedata

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ў": "u",
}
_SOFTENED = {"е": "ye", "ё": "yo"}


def _word_to_latin(word: str) -> str:
    """One Cyrillic word in press spelling: -ий/-ый -> -y, е first or after ь -> ye."""
    low = word.lower()
    if low.endswith(("ий", "ый")) and len(low) > 3:
        low = low[:-2] + "ы"
    out: list[str] = []
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        if ch in _SOFTENED and (i == 0 or prev in "ьъ" or ch == "ё"):
            out.append(_SOFTENED[ch])
        elif ch == "ь" and i + 1 < len(low) and low[i + 1] in "еёюя":
            out.append("")
        else:
            out.append(_LETTERS.get(ch, ch))
    latin = "".join(out)
    return latin[:1].upper() + latin[1:] if word[:1].isupper() else latin


def to_latin(text: str) -> str:
    """Russian text in the English press spelling of names.

    >>> to_latin("Дмитрий Миляев"), to_latin("Артём Андреев"), to_latin("Дмитрий Крутой")
    ('Dmitry Milyaev', 'Artyom Andreev', 'Dmitry Krutoi')
    >>> to_latin("Вениамин Кондратьев"), to_latin("Алексей Текслер")
    ('Veniamin Kondratyev', 'Aleksei Teksler')
    """
    return re.sub(r"[А-Яа-яЁёІіЎў]+", lambda m: _word_to_latin(m.group()), text)


_FOLDS = [
    ("x", "ks"), ("yo", "e"), ("ye", "e"), ("ie", "e"), ("je", "e"), ("kh", "h"),
    ("iy", "i"), ("yi", "i"), ("ii", "i"), ("y", "i"), ("j", "i"), ("w", "v"), ("tz", "ts"),
]


# Belarusian Latin (łacinka) letters, spelled as the transliterations spell them
_LACINKA = str.maketrans({"ł": "l", "š": "sh", "č": "ch", "ž": "zh", "ŭ": "u", "ć": "c", "ś": "s"})


def fold(name: str) -> str:
    """A spelling-blind key of a name: Cyrillic or any common Latin transliteration.

    >>> fold("Миляев") == fold("Milyaev") == fold("Miliaev")
    True
    >>> fold("Kondratiev") == fold("Kondratyev") == fold("Кондратьев")
    True
    >>> fold("Aleksei") == fold("Alexey") == fold("Алексей")
    True
    >>> fold("Łukašenka") == fold("Lukashenka")
    True
    """
    latin = to_latin(name).lower().translate(_LACINKA)  # before NFKD drops their marks
    latin = "".join(c for c in unicodedata.normalize("NFKD", latin) if c.isascii())
    latin = re.sub(r"[^a-z]", "", latin)
    for old, new in _FOLDS:
        latin = latin.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", latin)


def person_key(surname: str, first_name: str | None = None) -> str:
    """The cross-language identity of a person: folded surname and first initial.

    >>> person_key("Миляев", "Дмитрий") == person_key("Milyaev", "Dmitry")
    True
    """
    initial = fold(first_name)[:1] if first_name else ""
    return f"person:{fold(surname)}:{initial}" if initial else f"person:{fold(surname)}"
