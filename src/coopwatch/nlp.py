"""The adapters to razdel, pysbd, pymorphy3 and natasha: the rest of coopwatch never sees
their types, so a library can be swapped here alone.

Known trap: natasha imports pymorphy2, which breaks on Python 3.11 unless yargy is imported
first (yargy patches `inspect.getargspec`). Lemmas come from pymorphy3 directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import razdel


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its offsets into the text it came from."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """A named entity found by NER: PER, ORG or LOC, with offsets and normal form."""

    start: int
    end: int
    type: str
    text: str
    normal: str | None


def tokenize(text: str) -> list[Token]:
    """Words and punctuation with offsets (razdel works for English text too).

    >>> [t.text for t in tokenize("В 2023 году – $500 млн.")]
    ['В', '2023', 'году', '–', '$', '500', 'млн', '.']
    """
    return [Token(t.start, t.stop, t.text) for t in razdel.tokenize(text)]


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text`: razdel for Russian/Belarusian, pysbd for English.

    >>> split_sentences("Trade grew by 5%. Exports reached $1.2 bn.", "en")
    [(0, 17), (18, 43)]
    """
    if lang == "en":
        spans = [(s.start, s.start + len(s.sent.rstrip())) for s in _english_segmenter().segment(text)]
        return [(start, end) for start, end in spans if end > start]
    return [(s.start, s.stop) for s in razdel.sentenize(text)]


@lru_cache(maxsize=1)
def _english_segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely dictionary form of a Russian word, lower-cased.

    >>> lemma("Тульской")
    'тульский'
    """
    return str(_morph().parse(word.lower())[0].normal_form)


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form pymorphy3 thinks possible for a word (for ambiguous forms).

    >>> sorted(lemmas("Тулы"))
    ['тула']
    """
    return frozenset(str(p.normal_form) for p in _morph().parse(word.lower()))


def inflect(word: str, case: str) -> str | None:
    """A Russian word put in a grammatical case (gent, datv, accs, ablt, loct), or None."""
    form = _morph().parse(word)[0].inflect({case})
    return str(form.word) if form else None


@lru_cache(maxsize=1)
def _natasha() -> dict[str, Any]:
    import yargy  # noqa: F401  (must precede natasha: see the module docstring)
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        Segmenter,
    )

    embedding = NewsEmbedding()
    return {
        "segmenter": Segmenter(),
        "morph_vocab": MorphVocab(),
        "morph_tagger": NewsMorphTagger(embedding),
        "ner_tagger": NewsNERTagger(embedding),
    }


def named_entities(text: str) -> list[NamedSpan]:
    """PER/ORG/LOC spans of Russian text by natasha's NER, each with its normal form.

    Normal forms put names in the nominative: «Борисом Грызловым» -> «Борис Грызлов».
    """
    from natasha import Doc

    tools = _natasha()
    doc = Doc(text)
    doc.segment(tools["segmenter"])
    doc.tag_morph(tools["morph_tagger"])
    doc.tag_ner(tools["ner_tagger"])
    spans = []
    for span in doc.spans:
        span.normalize(tools["morph_vocab"])
        spans.append(NamedSpan(span.start, span.stop, span.type, span.text, span.normal))
    return spans
