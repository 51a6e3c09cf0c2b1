"""A Document built from one short hand-written text, for the entity stage tests."""

from __future__ import annotations

from coopwatch.model import Document, Sentence
from coopwatch.nlp import split_sentences


def make_doc(text: str, lang: str) -> Document:
    """A cleaned document whose sentences come from the real splitter."""
    sentences = [Sentence(index=i, start=s, end=e, text=text[s:e])
                 for i, (s, e) in enumerate(split_sentences(text, lang))]
    return Document(name="t", origin="t", content_hash="x", raw_text=text, text=text,
                    lang=lang, sentences=sentences)  # type: ignore[arg-type]
