"""Sentences of the cleaned text with offsets into it: every fact's evidence points here."""

from __future__ import annotations

from coopwatch.model import Sentence
from coopwatch.nlp import split_sentences


def split_into_sentences(text: str, lang: str) -> list[Sentence]:
    """Numbered sentences whose `text` is exactly `text[start:end]`.

    >>> [s.text for s in split_into_sentences("Headline\\nTrade grew. It doubled.", "en")]
    ['Headline', 'Trade grew.', 'It doubled.']
    """
    return [
        Sentence(index=index, start=start, end=end, text=text[start:end])
        for index, (start, end) in enumerate(split_sentences(text, lang))
    ]
