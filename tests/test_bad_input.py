"""Bad inputs: each gives one clear IngestError naming it, and the batch goes on."""

from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path

import pytest
from conftest_ingest_server import serve

from coopwatch.ingest import read_inputs
from coopwatch.model import IngestError, RawDocument
from coopwatch.settings import Settings

GOOD = "Belarus and Tula Oblast signed a trade agreement. Exports grew by a fifth.\n"
PAGE = (
    "<html><head><title>Tula trade</title></head><body><article><h1>Tula trade</h1>"
    + "<p>Belarus and Tula Oblast agreed to raise trade. Exports of tractors grew.</p>" * 5
    + "</article></body></html>"
).encode()


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


def read_all(items: list[str], **settings: object) -> list[RawDocument | IngestError]:
    return list(read_inputs(items, Settings(**settings)))  # type: ignore[arg-type]


def errors_of(found: list[RawDocument | IngestError]) -> list[IngestError]:
    return [item for item in found if isinstance(item, IngestError)]


BAD_FILES = [
    ("empty", "empty.txt", b"", "empty file"),
    ("blank", "blank.md", b"  \n\n \t\n", "empty file"),
    ("png", "picture.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "binary file (PNG)"),
    ("zip", "archive.txt", _zip_bytes(), "binary file (zip)"),
    ("nul-bytes", "data.txt", b"abc\x00\x01\x02def" * 20, "binary file (NUL bytes)"),
    ("undecodable", "noise.txt", bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x98]) * 40, "undecodable"),
    ("broken-html", "broken.html", b"<html><body><div><p><<<>>><script>x", "no article text"),
    ("garbage-html", "garbage.html", b"<!DOCTYPE html><html><div class=", "no article text"),
]


@pytest.mark.parametrize(("name", "data", "reason"), [(b[1], b[2], b[3]) for b in BAD_FILES],
                         ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_one_error_and_batch_goes_on(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    found = read_all([str(bad), str(good)])
    assert len(found) == 2
    error, document = found
    assert isinstance(error, IngestError) and error.origin == str(bad)
    assert reason in error.reason and "\n" not in error.reason
    assert isinstance(document, RawDocument) and document.name == "good.txt"


def test_file_over_size_cap(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 100, encoding="utf-8")
    [error] = read_all([str(big)], max_input_bytes=1000)
    assert isinstance(error, IngestError) and "size cap" in error.reason


def test_missing_path(tmp_path: Path) -> None:
    [error] = read_all([str(tmp_path / "nope.txt")])
    assert isinstance(error, IngestError) and error.reason == "no such file or folder"


def test_jsonl_bad_lines_are_named_by_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"url": "https://example.org/a", "text": "Trade with Tula grew."}\n'
        '{"url": "https://example.org/b", "text": \n'
        '{"url": "https://example.org/c", "title": "No body here"}\n'
        '["not", "an", "object"]\n'
        '{"text": "Товарооборот с Тулой вырос.", "published": "2024-03-05"}\n',
        encoding="utf-8",
    )
    found = read_all([str(path)])
    assert [type(f).__name__ for f in found] == [
        "RawDocument", "IngestError", "IngestError", "IngestError", "RawDocument"
    ]
    errors = errors_of(found)
    assert [e.origin for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert errors[0].reason.startswith("invalid JSON")
    assert "no 'text' or 'html'" in errors[1].reason


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_unreachable_url() -> None:
    url = f"http://127.0.0.1:{_free_port()}/news"
    [error] = read_all([url], http_timeout_s=2)
    assert isinstance(error, IngestError) and error.origin == url
    assert error.reason.startswith("unreachable")


HTTP_CASES = [
    ("404", "/missing", "HTTP 404"),
    ("500", "/broken", "HTTP 500"),
    ("redirect-loop", "/loop-a", "redirect loop"),
    ("too-many-redirects", "/hop1", "too many redirects"),
    ("robots", "/private/page", "disallowed by robots.txt"),
    ("empty-feed", "/empty.rss", "feed with no items"),
    ("over-cap", "/huge", "size cap"),
]
ROUTES = {
    "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
    "/broken": (500, {}, b"oops"),
    "/loop-a": (302, {"Location": "/loop-b"}, b""),
    "/loop-b": (302, {"Location": "/loop-a"}, b""),
    **{f"/hop{i}": (301, {"Location": f"/hop{i + 1}"}, b"") for i in range(1, 9)},
    "/private/page": (200, {"Content-Type": "text/html"}, PAGE),
    "/empty.rss": (200, {"Content-Type": "application/rss+xml"},
                   b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                   b"<link>http://x/</link><description>d</description></channel></rss>"),
    "/huge": (200, {"Content-Type": "text/plain"}, GOOD.encode() * 200),
    "/good": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
}


@pytest.mark.parametrize(("path", "reason"), [(c[1], c[2]) for c in HTTP_CASES],
                         ids=[c[0] for c in HTTP_CASES])
def test_bad_url_is_one_error_and_batch_goes_on(path: str, reason: str) -> None:
    with serve(ROUTES) as base:
        found = read_all([base + path, base + "/good"], http_max_redirects=3,
                         max_input_bytes=5000)
    error, document = found
    assert isinstance(error, IngestError) and error.origin == base + path
    assert reason in error.reason
    assert isinstance(document, RawDocument) and document.title == "Tula trade"
