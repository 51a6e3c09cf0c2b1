"""Russian organization names put in the nominative, as a registry would list them.

A name found in running text is in any case («на Новосибирском авиационном заводе», «поставки
«Моготекса»»). The words up to the organization word (the head: завод, общество, компания...)
are inflected to the nominative with pymorphy3, adjectives agreeing with the head; the words
after it (genitive dependents: «промышленности и торговли») stay as written.
"""

from __future__ import annotations

import re
from typing import Any

from coopwatch import nlp

ADJECTIVES = frozenset({"ADJF", "PRTF"})
ABBREVIATION_AFTER = re.compile(r"\s*\(([A-ZА-ЯЁ][A-ZА-ЯЁ0-9\-]{1,9})\)")
NAMED_AFTER = re.compile(r"\s+им(?:ени|я|\.)\s.*$")


def abbreviates(abbreviation: str, name: str) -> bool:
    """Whether a bracketed abbreviation can stand for a name (they start alike).

    >>> abbreviates("ВАСО", "Воронежское акционерное самолетостроительное общество")
    True
    >>> abbreviates("CCI", "Tula Chamber of Commerce and Industry")
    False
    """
    words = re.findall(r"\w+", name)
    return bool(words) and abbreviation[:1].lower() == words[0][:1].lower()


def _as_written(original: str, form: str) -> str:
    """`form` with the capitals of `original` (Новосибирском + новосибирский: Новосибирский)."""
    if original.isupper() and len(original) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if original[:1].isupper() else form


def _parse(word: str, kinds: frozenset[str]) -> Any:
    return next((p for p in nlp._morph().parse(word.lower()) if p.tag.POS in kinds), None)


def nominative_name(name: str, heads: frozenset[str]) -> str:
    """The name with its words up to the head noun in the nominative.

    >>> heads = frozenset({"завод", "общество"})
    >>> nominative_name("Новосибирском авиационном заводе", heads)
    'Новосибирский авиационный завод'
    >>> nominative_name("Воронежского акционерного общества", heads)
    'Воронежское акционерное общество'
    """
    words = NAMED_AFTER.sub("", name).split()
    head = next((i for i, w in enumerate(words) if nlp.lemma(w) in heads), None)
    noun = _parse(words[head], frozenset({"NOUN"})) if head is not None else None
    if head is None or noun is None:
        return " ".join(words)
    number = "plur" if noun.tag.number == "plur" else "sing"
    out = []
    for i, word in enumerate(words[: head + 1]):
        parsed = noun if i == head else _parse(word, ADJECTIVES)
        wanted = {"nomn", number} | ({noun.tag.gender} if i < head and number == "sing"
                                     and noun.tag.gender else set())
        form = parsed.inflect(wanted) if parsed is not None else None
        out.append(_as_written(word, str(form.word)) if form else word)
    return " ".join(out + words[head + 1:])


def nominative_quoted(name: str) -> str:
    """A one-word quoted name seen in an oblique case put back («Моготекса» -> Моготекс).

    Only the clear masculine case (pymorphy3 sure it is a genitive or instrumental of a
    consonant-final noun, not a place): unknown names are guessed, so doubt keeps the text.

    >>> nominative_quoted("Моготекса"), nominative_quoted("Белшина")
    ('Моготекс', 'Белшина')
    """
    if not re.fullmatch(r"[А-ЯЁ][а-яё\-]{4,}", name):
        return name
    parsed = nlp._morph().parse(name.lower())[0]
    tag = parsed.tag
    if (tag.POS != "NOUN" or tag.gender != "masc" or tag.number != "sing" or "Geox" in tag
            or tag.case not in ("gent", "ablt", "datv", "loct") or parsed.score < 0.5):
        return name
    form = parsed.inflect({"nomn"})
    return _as_written(name, str(form.word)) if form else name
