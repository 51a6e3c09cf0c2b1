"""Local files and folders: text, Markdown, HTML, JSON Lines and feed files, by content."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from coopwatch.ingest.decode import DecodeError, decode_bytes
from coopwatch.ingest.documents import (
    html_document,
    looks_like_feed,
    looks_like_html,
    text_document,
)
from coopwatch.ingest.feeds import FetchPage, read_feed
from coopwatch.ingest.jsonl import is_metadata_file, read_jsonl
from coopwatch.model import IngestError, RawDocument

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
# A folder's own notes, not articles: skipped in folder walks, read when named directly.
FOLDER_NOTES = {"readme", "license", "licence", "changelog"}
Reader = Callable[[Path], Iterator[RawDocument | IngestError]]


def walk_folder(folder: Path) -> Iterator[Path]:
    """Every visible file under `folder`, sorted; hidden files and README-like notes skipped."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative) or not path.is_file():
            continue
        if path.stem.lower() in FOLDER_NOTES:
            continue
        if path.suffix.lower() == ".jsonl" and is_metadata_file(path):
            continue  # gold.jsonl, sources.jsonl: records about documents, not documents
        yield path


def read_file(
    path: Path, max_bytes: int, fetch_page: FetchPage | None
) -> Iterator[RawDocument | IngestError]:
    """The documents in one file, or one error naming it."""
    origin = str(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        yield IngestError(origin=origin, reason=f"cannot read: {error.strerror or error}")
        return
    if path.suffix.lower() == ".jsonl":
        yield from read_jsonl(path, max_bytes)
        return
    if size > max_bytes:
        yield IngestError(origin=origin, reason=f"over the size cap ({size} > {max_bytes} bytes)")
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield IngestError(origin=origin, reason=f"cannot read: {error.strerror or error}")
        return
    yield from read_bytes(origin, data, path.suffix.lower(), fetch_page)


def read_bytes(
    origin: str, data: bytes, hint: str, fetch_page: FetchPage | None, url: str | None = None
) -> Iterator[RawDocument | IngestError]:
    """Documents from the bytes of a file or download; `hint` is a suffix or content type."""
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as error:
        yield IngestError(origin=origin, reason=str(error))
        return
    if hint in FEED_SUFFIXES or "rss" in hint or "atom" in hint or looks_like_feed(text):
        yield from read_feed(origin, data, fetch_page)
    elif hint in HTML_SUFFIXES or "html" in hint or looks_like_html(text):
        yield html_document(origin, text, encoding=encoding, url=url)
    else:
        yield text_document(origin, text, encoding=encoding, url=url)
