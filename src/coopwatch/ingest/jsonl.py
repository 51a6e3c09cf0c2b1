"""JSON Lines records {url, title, text | html, published, source}, one document a line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from coopwatch.ingest.documents import html_document, name_of, text_document
from coopwatch.model import IngestError, RawDocument


def read_jsonl(path: Path, max_line_bytes: int) -> Iterator[RawDocument | IngestError]:
    """Each line of a JSONL file as a document, or an error naming "file.jsonl:LINE"."""
    with path.open("rb") as stream:
        for number, line in enumerate(stream, 1):
            origin = f"{path}:{number}"
            if not line.strip():
                continue
            if len(line) > max_line_bytes:
                reason = f"over the size cap ({max_line_bytes} bytes)"
                yield IngestError(origin=origin, reason=reason)
                continue
            yield record_document(origin, line)


def record_document(origin: str, line: bytes) -> RawDocument | IngestError:
    """One JSONL line to a document; the reason names what is wrong with it."""
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return IngestError(origin=origin, reason="invalid JSON: not UTF-8")
    except json.JSONDecodeError as error:
        reason = f"invalid JSON: {error.msg} at column {error.colno}"
        return IngestError(origin=origin, reason=reason)
    if not isinstance(record, dict):
        return IngestError(origin=origin, reason="invalid record: not a JSON object")
    if not _has_text(record):
        return IngestError(origin=origin, reason="record has no 'text' or 'html'")
    meta = _metadata(record, origin)
    if isinstance(record.get("text"), str) and record["text"].strip():
        return text_document(origin, record["text"], encoding="utf-8", **meta)
    return html_document(origin, record["html"], encoding="utf-8", **meta)


def is_metadata_file(path: Path) -> bool:
    """A JSONL file of records without text (gold.jsonl, sources.jsonl): not documents."""
    with path.open("rb") as stream:
        for line in stream:
            if line.strip():
                try:
                    return not _has_text(json.loads(line))
                except (json.JSONDecodeError, UnicodeDecodeError, TypeError):
                    return False
    return True


def _has_text(record: Any) -> bool:
    return isinstance(record, dict) and any(
        isinstance(record.get(key), str) and record[key].strip() for key in ("text", "html")
    )


def _metadata(record: dict[str, Any], origin: str) -> dict[str, Any]:
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return {
        "url": url,
        "title": record.get("title") if isinstance(record.get("title"), str) else None,
        "published": _date(record.get("published")),
        "source": record.get("source") if isinstance(record.get("source"), str) else None,
        "name": record.get("doc") or record.get("name") or (name_of(url) if url else None)
        or name_of(origin),
    }


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
