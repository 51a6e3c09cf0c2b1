"""The one module that talks to trafilatura: an HTML page to its main text and metadata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
    import trafilatura

    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    if found is None:
        return Page(text="")
    return Page(
        text=(getattr(found, "text", None) or "").strip(),
        title=getattr(found, "title", None) or None,
        published=_iso_date(getattr(found, "date", None)),
        url=getattr(found, "url", None) or url,
        source=getattr(found, "sitename", None) or None,
    )


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


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
