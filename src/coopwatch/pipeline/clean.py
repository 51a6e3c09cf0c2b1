"""PLACEHOLDER cleaning cascade: to be written by the ingestion work (issue 2)."""

from coopwatch.model import Document, RawDocument, Sentence
from coopwatch.nlp import split_sentences


def clean_document(raw: RawDocument) -> Document:
    """Placeholder: no boilerplate removal, language by alphabet, no date."""
    text = raw.text or ""
    cyrillic = sum(1 for ch in text if "а" <= ch.lower() <= "я")
    lang = "ru" if cyrillic > len(text) / 4 else "en"
    sentences = [
        Sentence(index=i, start=s, end=e, text=text[s:e])
        for i, (s, e) in enumerate(split_sentences(text, lang))
    ]
    return Document(
        name=raw.name, origin=raw.origin, url=raw.url, title=raw.title, source=raw.source,
        content_hash=raw.content_hash, raw_text=text, text=text, lang=lang,
        published=raw.published, sentences=sentences,
    )
