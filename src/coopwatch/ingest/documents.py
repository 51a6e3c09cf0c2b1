"""Building RawDocuments from decoded text or HTML: the one place names and hashes are made."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from coopwatch.ingest.decode import content_hash
from coopwatch.ingest.html import extract_html, with_title
from coopwatch.model import IngestError, RawDocument

MIN_WORDS = 3  # fewer words than this extracted from a page: broken HTML or no article
_WORDS = re.compile(r"[^\W\d_]{2,}")


def name_of(origin: str) -> str:
    """A short id: a path's file name or a URL's last segment.

    >>> name_of("https://example.org/news/tula-trade.html"), name_of("/data/en-001.txt")
    ('tula-trade.html', 'en-001.txt')
    """
    if "://" in origin:
        parts = urlsplit(origin)
        tail = parts.path.rstrip("/").rsplit("/", 1)[-1]
        return tail or parts.netloc
    return origin.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def text_document(
    origin: str,
    text: str,
    encoding: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
    source: str | None = None,
    name: str | None = None,
) -> RawDocument | IngestError:
    """A plain-text input (txt, md, a feed item, a JSONL text), or an error when it is blank."""
    if not text.strip():
        return IngestError(origin=origin, reason="empty text")
    return RawDocument(
        origin=origin, name=name or name_of(url or origin), text=text, url=url, title=title,
        published=published, source=source, encoding=encoding, content_hash=content_hash(text),
    )


def html_document(
    origin: str,
    html: str,
    encoding: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
    source: str | None = None,
    name: str | None = None,
) -> RawDocument | IngestError:
    """An HTML page: main text by trafilatura, metadata given here winning over the page's."""
    page = extract_html(html, url=url)
    if len(_WORDS.findall(page.text)) < MIN_WORDS:
        return IngestError(origin=origin, reason="no article text found in the HTML")
    title = title or page.title
    return RawDocument(
        origin=origin,
        name=name or name_of(url or origin),
        text=with_title(page.text, title),
        html=html,
        url=url or page.url,
        title=title,
        published=published or page.published,
        source=source or page.source,
        encoding=encoding,
        content_hash=content_hash(html),
    )


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML page rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("Trade <b>grew</b>")
    (True, False)
    """
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<html" in head[:200]


def looks_like_feed(text: str) -> bool:
    """Whether decoded text is an RSS or Atom feed."""
    head = text.lstrip()[:1000].lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head) or (
        head.startswith(("<rss", "<feed"))
    )
