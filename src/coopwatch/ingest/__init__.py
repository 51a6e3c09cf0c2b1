"""The only reading of inputs: paths (files, folders) and http(s) URLs to RawDocuments.

`read_inputs` streams one RawDocument per article, or an IngestError naming the input and
the reason (empty, binary, too big, undecodable, broken HTML, bad JSON line, HTTP 404, ...),
and goes on with the batch. Nothing here cleans text: that is `pipeline.clean`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from coopwatch.ingest.documents import html_document, text_document
from coopwatch.ingest.files import read_bytes, read_file, walk_folder
from coopwatch.ingest.http import Fetcher, FetchError
from coopwatch.model import IngestError, RawDocument
from coopwatch.settings import Settings, get_settings


def is_url(item: str) -> bool:
    """Whether an input is a URL rather than a path.

    >>> is_url("https://belta.by/news"), is_url("corpus/dev")
    (True, False)
    """
    return item.lower().startswith(("http://", "https://"))


def read_inputs(
    items: Iterable[str], settings: Settings | None = None
) -> Iterator[RawDocument | IngestError]:
    """Every document in `items` (paths, folders, URLs), streamed, errors in line."""
    config = settings or get_settings()
    fetcher: Fetcher | None = None
    try:
        for item in items:
            if is_url(item):
                fetcher = fetcher or Fetcher(config)
                yield from read_url(item, fetcher)
            else:
                yield from read_path(Path(item), config, fetcher_factory(config))
    finally:
        if fetcher is not None:
            fetcher.close()


def fetcher_factory(settings: Settings) -> _LazyFetcher:
    """A page fetcher for feed items that only opens a client when first used."""
    return _LazyFetcher(settings)


class _LazyFetcher:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.fetcher: Fetcher | None = None

    def __call__(self, url: str) -> RawDocument | IngestError:
        self.fetcher = self.fetcher or Fetcher(self.settings)
        return fetch_page(url, self.fetcher)


def read_path(
    path: Path, settings: Settings, fetch: _LazyFetcher
) -> Iterator[RawDocument | IngestError]:
    """A file's documents, a folder's files' documents, or an error for a missing path."""
    try:
        if path.is_dir():
            for file in walk_folder(path):
                yield from read_file(file, settings.max_input_bytes, fetch)
        elif path.exists():
            yield from read_file(path, settings.max_input_bytes, fetch)
        else:
            yield IngestError(origin=str(path), reason="no such file or folder")
    finally:
        if fetch.fetcher is not None:
            fetch.fetcher.close()


def read_url(url: str, fetcher: Fetcher) -> Iterator[RawDocument | IngestError]:
    """The page, text or feed at a URL; a feed's short items fetch their linked pages."""
    try:
        fetched = fetcher.fetch(url)
    except FetchError as error:
        yield IngestError(origin=url, reason=str(error))
        return
    hint = fetched.content_type.split(";")[0].strip().lower()
    yield from read_bytes(
        url, fetched.body, hint, lambda link: fetch_page(link, fetcher), url=fetched.url
    )


def fetch_page(url: str, fetcher: Fetcher) -> RawDocument | IngestError:
    """One page at a URL (a feed item's link): its document or the error."""
    for found in read_url(url, fetcher):
        return found
    return IngestError(origin=url, reason="no document at the URL")


__all__ = ["html_document", "read_bytes", "read_inputs", "text_document"]
