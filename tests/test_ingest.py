"""Reading inputs: encodings, formats, folders, JSONL metadata, feeds and URLs (real server)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest_ingest_server import serve

from coopwatch.ingest import read_inputs
from coopwatch.model import IngestError, RawDocument
from coopwatch.settings import Settings

RU = "Губернатор Тульской области встретился с белорусской делегацией. Товарооборот вырос."
EN = "The governor of Tula Oblast met a Belarusian delegation. Trade grew by a tenth."


def documents(items: list[str], **settings: object) -> list[RawDocument]:
    found = list(read_inputs(items, Settings(**settings)))  # type: ignore[arg-type]
    assert all(isinstance(item, RawDocument) for item in found), found
    return found  # type: ignore[return-value]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8-r"])
@pytest.mark.parametrize("text", [RU, RU[:40], f"{EN}\n{RU}"], ids=["ru", "ru-short", "mixed"])
def test_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    [document] = documents([str(path)])
    assert document.text == text
    assert document.name == "article.txt" and document.origin == str(path)


def test_folder_is_walked_sorted_skipping_hidden_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.md").write_text(f"# Tula\n\n{EN}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(RU, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(EN, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"doc": "b.txt", "lang": "en"}\n', encoding="utf-8")
    (tmp_path / "README.md").write_text("# About this folder\n\nOur notes.", encoding="utf-8")
    names = [d.name for d in documents([str(tmp_path)])]
    assert names == ["a.md", "b.txt", "c.txt"]


def test_a_readme_named_directly_is_read(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(EN, encoding="utf-8")
    assert [d.name for d in documents([str(tmp_path / "README.md")])] == ["README.md"]


def test_jsonl_records_carry_metadata(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"url": "https://example.org/news/tula-trade", "title": "Tula trade", "text": "'
        + EN + '", "published": "2024-03-05", "source": "Example"}\n\n'
        '{"html": "<html><body><article><p>' + RU + " " + RU + '</p></article></body></html>"}\n',
        encoding="utf-8",
    )
    first, second = documents([str(path)])
    assert first.origin == f"{path}:1" and first.name == "tula-trade"
    assert first.published == date(2024, 3, 5) and first.source == "Example"
    assert second.origin == f"{path}:3" and RU in (second.text or "")


def test_html_file_gives_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<html><head><title>Tula and Minsk agree</title>'
        '<meta property="article:published_time" content="2023-06-01"></head><body>'
        "<nav>All news | Economy | Politics</nav><article><h1>Tula and Minsk agree</h1>"
        + f"<p>{EN}</p>" * 4 + "</article><footer>Subscribe to us</footer></body></html>",
        encoding="utf-8",
    )
    [document] = documents([str(path)])
    assert document.title == "Tula and Minsk agree"
    assert document.published == date(2023, 6, 1)
    assert EN in (document.text or "") and "Subscribe" not in (document.text or "")
    assert document.html is not None


def _feed(base: str, items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Our wire'
        f"</title><link>{base}/</link><description>d</description>{items}</channel></rss>"
    ).encode()


def test_feed_file_items_use_their_own_text(tmp_path: Path) -> None:
    body = " ".join([EN] * 6)
    path = tmp_path / "wire.rss"
    path.write_bytes(_feed("http://example.org", (
        f"<item><title>Tula trade</title><link>http://example.org/a</link>"
        f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>{body}</description></item>"
    )))
    [document] = documents([str(path)])
    assert document.origin == f"{path}#item1" and document.url == "http://example.org/a"
    assert document.published == date(2024, 3, 5) and document.source == "Our wire"
    assert body in (document.text or "")


def test_feed_url_items_with_only_a_title_fetch_their_link() -> None:
    page = (
        "<html><head><title>Minsk and Tula</title></head><body><article><h1>Minsk and Tula</h1>"
        + f"<p>{RU}</p>" * 4 + "</article></body></html>"
    ).encode()
    routes: dict = {}
    with serve(routes) as base:
        routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, _feed(base, (
            f"<item><title>Minsk and Tula</title><link>{base}/story</link>"
            "<pubDate>Mon, 29 Sep 2025 08:00:00 GMT</pubDate></item>"
        )))
        routes["/story"] = (200, {"Content-Type": "text/html; charset=utf-8"}, page)
        [document] = documents([base + "/feed.xml"])
    assert document.url == f"{base}/story" and document.published == date(2025, 9, 29)
    assert RU in (document.text or "") and document.title == "Minsk and Tula"


def test_url_plain_text_and_user_agent_and_redirect() -> None:
    seen: list[str] = []
    routes = {
        "/old": (301, {"Location": "/new"}, b""),
        "/new": (200, {"Content-Type": "text/plain; charset=koi8-r"}, RU.encode("koi8-r")),
    }
    with serve(routes, seen_agents=seen) as base:
        [document] = documents([base + "/old"], user_agent="coopwatch-test/1")
    assert document.text == RU and document.url == base + "/new"
    assert seen and all(agent == "coopwatch-test/1" for agent in seen)


def test_errors_stream_in_order(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(EN, encoding="utf-8")
    found = list(read_inputs([str(tmp_path / "missing.txt"), str(good)], Settings()))
    assert isinstance(found[0], IngestError) and isinstance(found[1], RawDocument)
