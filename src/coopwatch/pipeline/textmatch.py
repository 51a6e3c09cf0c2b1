"""Words with offsets and normal forms, and a phrase index over them: how registry names
(«Минский тракторный завод», "Minsk Tractor Works") are found in any grammatical case.

Russian words are compared by their pymorphy3 lemma, Latin words lower-cased; a one-word
name written in capitals (MAZ, МАЗ) must be written so in the text, a capitalised one
(Gomselmash, Пеленг) must start with a capital, so common words are not taken for names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from coopwatch import nlp

T = TypeVar("T")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@dataclass(frozen=True, slots=True)
class Word:
    """A word token: offsets into the text, the surface and its normal form."""

    start: int
    end: int
    text: str
    norm: str


def normalize(word: str) -> str:
    """The form words are compared in: a lemma for Cyrillic, lower case for the rest.

    >>> normalize("Минским"), normalize("Works"), normalize("Тракторного")
    ('минский', 'works', 'тракторный')
    """
    if _CYRILLIC.search(word):
        return nlp.lemma(word).replace("ё", "е")
    return word.lower()


@lru_cache(maxsize=16)
def words(text: str) -> tuple[Word, ...]:
    """The word tokens of a text (punctuation left out), cached for the stages of one document."""
    return tuple(
        Word(t.start, t.end, t.text, normalize(t.text))
        for t in nlp.tokenize(text)
        if any(ch.isalnum() for ch in t.text)
    )


def phrase_norms(phrase: str) -> tuple[str, ...]:
    """A phrase as the sequence of normal forms its words must match.

    >>> phrase_norms("Минский тракторный завод")
    ('минский', 'тракторный', 'завод')
    """
    tokens = nlp.tokenize(phrase)
    return tuple(normalize(t.text) for t in tokens if any(c.isalnum() for c in t.text))


def _case_rule(phrase: str) -> str:
    """How a one-word name must be written: 'upper' (MAZ), 'title' (Amkodor) or '' (any)."""
    tokens = [t.text for t in nlp.tokenize(phrase) if any(c.isalnum() for c in t.text)]
    if len(tokens) != 1:
        return ""
    word = tokens[0]
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    return "title" if word[:1].isupper() else ""


def _starts_upper(surface: str, phrase: str) -> bool:
    """'МАЗа' is written as the acronym МАЗ: its first letters are capitals.

    >>> _starts_upper("МАЗа", "МАЗ"), _starts_upper("Маз", "МАЗ")
    (True, False)
    """
    head = surface[: len(phrase.strip())]
    return head.upper() == head


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A phrase found: word indices [first, last) and character offsets, with its payload."""

    first: int
    last: int
    start: int
    end: int
    payload: T


class PhraseIndex(Generic[T]):
    """Phrases indexed by their first normal form; `find` returns the longest matches."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str, T]]] = {}
        for phrase, payload in phrases:
            norms = phrase_norms(phrase)
            if norms:
                entry = (norms, _case_rule(phrase), phrase, payload)
                self._by_first.setdefault(norms[0], []).append(entry)
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def find(self, found_words: tuple[Word, ...]) -> list[Match[T]]:
        """Non-overlapping matches, left to right, the longest phrase first at each word."""
        matches: list[Match[T]] = []
        i = 0
        while i < len(found_words):
            hit = self._match_at(found_words, i)
            if hit is None:
                i += 1
                continue
            matches.append(hit)
            i = hit.last
        return matches

    def _match_at(self, ws: tuple[Word, ...], i: int) -> Match[T] | None:
        for norms, rule, phrase, payload in self._by_first.get(ws[i].norm, []):
            n = len(norms)
            if tuple(w.norm for w in ws[i:i + n]) != norms:
                continue
            surface = ws[i].text
            if rule == "upper" and not _starts_upper(surface, phrase):
                continue
            if rule == "title" and not surface[:1].isupper():
                continue
            return Match(i, i + n, ws[i].start, ws[i + n - 1].end, payload)
        return None
