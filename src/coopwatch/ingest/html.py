"""The one module that talks to trafilatura: an HTML page to its main text and metadata.

The page is parsed once; title, date, URL and site come from its tags (`htmlmeta`, cheap), and
trafilatura is asked only for the main text of that tree (its metadata pass, htmldate and
author/category searches, cost more than the text itself). htmldate runs only when the tags
name no date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from lxml.html import HtmlElement

from coopwatch.ingest.htmlmeta import PageMeta, parse_date, read_meta


@dataclass(frozen=True)
class Page:
    """What a page holds for us: main text, title, publication date, canonical URL."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None


def extract_html(html: str, url: str | None = None) -> Page:
    """The main text and metadata of an HTML page (empty text when none is found)."""
    tree = parse_html(html)
    if tree is None:
        return Page(text="")
    meta = read_meta(tree)
    text = main_text(tree)  # trafilatura works on its own copy: `tree` stays whole
    published = meta.published or (_htmldate(tree) if text else None)
    return Page(text=text, title=meta.title, published=published,
                url=url or meta.url, source=meta.source)


def parse_html(html: str) -> HtmlElement | None:
    """The page's tree, parsed as trafilatura parses it (repairs, encoding), or None."""
    from trafilatura.utils import load_html

    return load_html(html)


def main_text(tree: HtmlElement) -> str:
    """The article text of a parsed page: trafilatura's defaults, no metadata, no comments."""
    import trafilatura

    found = trafilatura.bare_extraction(tree, options=_options())
    return ((getattr(found, "text", None) or "") if found is not None else "").strip()


@lru_cache(maxsize=1)
def _options() -> Any:
    """trafilatura's settings, built once (building them reads a config file every call)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", comments=False, tables=True, with_metadata=False)


def _htmldate(tree: HtmlElement) -> date | None:
    """htmldate's reading of a page whose tags name no date (URL, headers; no text search)."""
    try:
        from htmldate import find_date

        found = find_date(tree, extensive_search=False, original_date=True)
    except (ImportError, ValueError):
        return None
    return parse_date(found) if found else None


def with_title(text: str, title: str | None) -> str:
    """`text` headed by `title` unless the title already opens the text.

    >>> with_title("Trade grew.", "Trade news")
    'Trade news\\n\\nTrade grew.'
    >>> with_title("Trade news\\nTrade grew.", "Trade news")
    'Trade news\\nTrade grew.'
    """
    if not title or not title.strip() or title.strip() in text[: len(title) + 200]:
        return text
    return f"{title.strip()}\n\n{text}"


__all__ = ["Page", "PageMeta", "extract_html", "main_text", "parse_html", "with_title"]
