"""RSS and Atom feeds (feedparser): each item's own text, or its linked page when it has
only a title or a short summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from coopwatch.ingest.documents import html_document, looks_like_html, text_document
from coopwatch.model import IngestError, RawDocument

SHORT_SUMMARY = 400  # characters: a summary this short is a teaser, the article is at the link
FetchPage = Callable[[str], RawDocument | IngestError]


def read_feed(
    origin: str, data: bytes, fetch_page: FetchPage | None
) -> Iterator[RawDocument | IngestError]:
    """The feed's items as documents; one error when it is no feed or has no items."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = "feed with no items" if parsed.get("version") else "not a feed (no items)"
        yield IngestError(origin=origin, reason=reason)
        return
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        yield _item(f"{origin}#item{number}", entry, source, fetch_page)


def _item(
    origin: str, entry: Any, source: str | None, fetch_page: FetchPage | None
) -> RawDocument | IngestError:
    link = entry.get("link") or None
    title = entry.get("title") or None
    published = _date(entry.get("published_parsed") or entry.get("updated_parsed"))
    body = _body(entry)
    if len(body) < SHORT_SUMMARY and link and fetch_page is not None:
        page = fetch_page(link)
        if isinstance(page, IngestError):
            return IngestError(origin=origin, reason=f"{page.reason} (fetching {link})")
        return page.model_copy(
            update={"origin": origin, "title": page.title or title,
                    "published": published or page.published, "source": page.source or source}
        )
    if not body.strip() and not title:
        return IngestError(origin=origin, reason="feed item has no text")
    if looks_like_html(body) or "<p" in body.lower():
        return html_document(
            origin, f"<html><body>{body}</body></html>", url=link, title=title,
            published=published, source=source,
        )
    text = body if not title or title in body else f"{title}\n\n{body}".strip()
    return text_document(
        origin, text, url=link, title=title, published=published, source=source
    )


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(str(part.get("value", "")) for part in contents).strip()
    return str(entry.get("summary") or "").strip()


def _date(parsed: Any) -> date | None:
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
    except (AttributeError, ValueError):
        return None
