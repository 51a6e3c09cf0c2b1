"""The cleaning cascade: one RawDocument in, one Document (clean text + sentences) out.

1. text: the decoded text, or the main text of the HTML (`coopwatch.ingest.html`, the one
   module that talks to trafilatura), the title first when the text does not start with it;
2. `boilerplate.strip_boilerplate`: page clutter removed line by line;
3. `lang.detect_language` on the clean text;
4. `dates.find_publication` on the raw text (banners and timestamps live in the clutter);
   the input's metadata date wins;
5. `segment.split_into_sentences`: offsets into the clean text.

Pure: no I/O, no globals mutated.
"""

from __future__ import annotations

from coopwatch.model import Document, RawDocument
from coopwatch.pipeline.boilerplate import strip_boilerplate
from coopwatch.pipeline.dates import find_publication
from coopwatch.pipeline.lang import detect_language
from coopwatch.pipeline.segment import split_into_sentences

TITLE_MAX = 300


def raw_text_of(raw: RawDocument) -> str:
    """The document's text before cleaning: its text, or its HTML's main text and title."""
    if raw.text is not None:
        return raw.text
    if raw.html:
        from coopwatch.ingest.html import extract_html, with_title

        page = extract_html(raw.html, url=raw.url)
        return with_title(page.text, raw.title or page.title)
    return ""


def headline(text: str) -> str | None:
    """The first line of the clean text when it reads like a headline (short, no final dot).

    >>> headline("Belarus and Tula agree on trade\\nMINSK, 1 June - Trade grew.")
    'Belarus and Tula agree on trade'
    >>> headline("Trade grew by 5% last year. Exports rose.") is None
    True
    """
    first = text.split("\n", 1)[0].strip()
    if not first or len(first) > TITLE_MAX or first.endswith((".", ":", ";", ",")):
        return None
    return first


def clean_document(raw: RawDocument) -> Document:
    """Raw input to a clean, dated, language-tagged, sentence-split document."""
    raw_text = raw_text_of(raw)
    text = strip_boilerplate(raw_text)
    lang = detect_language(text or raw_text)
    found = find_publication(raw_text, text)
    published, published_from = found.published, found.found_by
    if raw.published is not None:
        published, published_from = raw.published, "metadata"
    return Document(
        name=raw.name,
        origin=raw.origin,
        url=raw.url,
        title=raw.title or headline(text),
        source=raw.source,
        content_hash=raw.content_hash,
        raw_text=raw_text,
        text=text,
        lang=lang,
        published=published,
        published_from=published_from,
        dateline_place=found.place,
        sentences=split_into_sentences(text, lang),
    )
