"""The adapters to razdel, pymorphy3 and natasha: the rest of coopwatch never sees
their types, so a library can be swapped here alone.

Known trap: natasha imports pymorphy2, which breaks on Python 3.11 unless yargy is imported
first (yargy patches `inspect.getargspec`). Lemmas come from pymorphy3 directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
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
    """Sentence spans (start, end) of `text`, exact offsets: razdel, line-aware, for every language.

    A line break ends a sentence unless the next line goes on in lower case (hard-wrapped
    text); razdel splits inside a line; a split after an abbreviation ("St.", "Gov.") is undone.
    razdel is exact and ~30x faster than pysbd, whose character spans drop characters.

    >>> split_sentences("Trade grew by 5%. Exports reached $1.2 bn.", "en")
    [(0, 17), (18, 42)]
    >>> text = "Trade with St. Petersburg grew.\\nТоварооборот вырос на 5 %. Экспорт тоже."
    >>> [text[s:e] for s, e in split_sentences(text, "ru")]
    ['Trade with St. Petersburg grew.', 'Товарооборот вырос на 5 %.', 'Экспорт тоже.']
    """
    del lang  # one splitter serves en, ru and be; kept for the interface
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        if not _INNER_STOP.search(block):  # a headline or a one-sentence line: nothing to split
            spans.append((block_start, block_end))
            continue
        for piece in razdel.sentenize(block):
            start, end = block_start + piece.start, block_start + piece.stop
            if spans and _ends_with_abbreviation(text, spans[-1]) and spans[-1][1] >= block_start:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    """Stretches of text between line breaks that end a sentence (not before lower case)."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for found in _LINE_BREAK.finditer(text):
        following = text[found.end() : found.end() + 1]
        if following and following.islower():
            continue
        if text[start : found.start()].strip():
            blocks.append(_trimmed(text, start, found.start()))
        start = found.end()
    if text[start:].strip():
        blocks.append(_trimmed(text, start, len(text)))
    return blocks


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_with_abbreviation(text: str, span: tuple[int, int]) -> bool:
    found = _LAST_WORD.search(text, span[0], span[1])
    return found is not None and found[1].lower() in _abbreviations()


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "abbreviations.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_INNER_STOP = re.compile(r"[.!?…;][\s\"'»”)\]]*\s\S")  # a stop with more text after it
_LAST_WORD = re.compile(r"\b((?:\w\.)*\w+)\.$")


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


@lru_cache(maxsize=200_000)
def part_of_speech(word: str) -> str | None:
    """The most likely pymorphy3 part of speech of a Russian word (VERB, NOUN, ADJF...).

    >>> part_of_speech("встретился"), part_of_speech("области")
    ('VERB', 'NOUN')
    """
    tag = _morph().parse(word.lower())[0].tag.POS
    return str(tag) if tag else None


@lru_cache(maxsize=50_000)
def is_first_name(word: str) -> bool:
    """Whether pymorphy3 knows a Russian word as a first name.

    >>> is_first_name("Владимир"), is_first_name("Тула")
    (True, False)
    """
    return any("Name" in parse.tag for parse in _morph().parse(word))


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
