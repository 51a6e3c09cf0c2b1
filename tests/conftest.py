"""Shared fixtures: a database path on tmp_path, a fresh store, documents built by hand."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coopwatch.model import Document, Sentence
from coopwatch.store import Store, open_store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database file goes (a real SQLite file)."""
    return tmp_path / "coopwatch.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh store on a real file, closed after the test."""
    opened = open_store(db_path)
    yield opened
    opened.close()


def build_document(
    text: str, name: str = "doc.txt", lang: str = "en", **fields: object
) -> Document:
    """A cleaned `Document` without the pipeline: sentences end at '.', '!' or '?'."""
    sentences = [
        Sentence(index=i, start=m.start(), end=m.end(), text=m.group())
        for i, m in enumerate(re.finditer(r"[^.!?\s][^.!?]*[.!?]?", text))
    ]
    return Document(
        name=name, origin=f"test/{name}", content_hash=hashlib.sha256(text.encode()).hexdigest(),
        raw_text=text, text=text, lang=lang, sentences=sentences, **fields,  # type: ignore[arg-type]
    )


@pytest.fixture
def make_document() -> Callable[..., Document]:
    """`make_document(text, name=..., lang=..., title=..., published=...)`."""
    return build_document
