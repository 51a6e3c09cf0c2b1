"""HTML pages: title/date/URL/site read from the markup (several conventions), main text only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coopwatch.ingest import read_inputs
from coopwatch.ingest.html import extract_html, parse_html
from coopwatch.ingest.htmlmeta import read_meta
from coopwatch.model import RawDocument

PARAGRAPHS = [
    "The governor of Lipetsk Oblast met the delegation of the Vitebsk region on Tuesday.",
    "The two sides agreed to open a joint service centre for Belarusian tractors next year.",
    "Trade between the region and Belarus grew by a fifth last year, the governor said.",
    "Губернатор Томской области обсудил с белорусскими партнерами поставки техники.",
    "Стороны договорились открыть в Томске сервисный центр белорусских лифтов.",
]
NAV = "<nav><ul>" + "".join(f'<li><a href="/s{i}">Rubric {i}</a></li>' for i in range(8))
NAV += "</ul></nav>"
FOOTER = "<footer><p>Copyright Our Portal. Subscribe to our newsletter today.</p></footer>"
ASIDE = "<aside><h3>Most read</h3><ul><li><a href='/x'>Another story entirely</a></li></ul></aside>"


def page(head: str, headline: str = "Tractors for Lipetsk", extra: str = "") -> str:
    """A news page of ours: menus, a sidebar, a footer around the article."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{NAV}"
        f"<main><article><h1>{headline}</h1>{extra}{body}</article></main>{ASIDE}{FOOTER}"
        "</body></html>"
    )


CONVENTIONS = {
    "open-graph": (
        '<title>Tractors for Lipetsk | Our Portal</title>'
        '<meta property="og:title" content="Tractors for Lipetsk">'
        '<meta property="article:published_time" content="2024-08-07T10:15:00+03:00">'
        '<meta property="og:url" content="https://portal.example/news/tractors">'
        '<meta property="og:site_name" content="Our Portal">',
        "", ("Tractors for Lipetsk", date(2024, 8, 7), "https://portal.example/news/tractors",
             "Our Portal"),
    ),
    "name-date-canonical": (
        '<title>Tractors for Lipetsk — Деловой Юг</title>'
        '<meta name="pubdate" content="2023/11/05">'
        '<link rel="canonical" href="https://yug.example/a/1">',
        "", ("Tractors for Lipetsk", date(2023, 11, 5), "https://yug.example/a/1", "Деловой Юг"),
    ),
    "itemprop": (
        '<title>Tractors for Lipetsk</title>'
        '<meta itemprop="datePublished" content="2025-02-18">',
        "", ("Tractors for Lipetsk", date(2025, 2, 18), None, None),
    ),
    "time-element": (
        "<title>Tractors for Lipetsk - Union Courier</title>",
        '<p class="byline"><time datetime="2022-03-09T08:00">9 March</time></p>',
        ("Tractors for Lipetsk", date(2022, 3, 9), None, "Union Courier"),
    ),
    "json-ld": (
        '<title>Tractors for Lipetsk</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "2021-12-01T09:00:00Z"}</script>',
        "", ("Tractors for Lipetsk", date(2021, 12, 1), None, None),
    ),
    "dublin-core": (
        '<meta name="DC.title" content="Tractors for Lipetsk">'
        '<meta name="DC.date.issued" content="2020-06-30">',
        "", ("Tractors for Lipetsk", date(2020, 6, 30), None, None),
    ),
}


@pytest.mark.parametrize("convention", list(CONVENTIONS))
def test_meta_reader_finds_title_date_url_site(convention: str) -> None:
    head, extra, expected = CONVENTIONS[convention]
    tree = parse_html(page(head, extra=extra))
    assert tree is not None
    meta = read_meta(tree)
    assert (meta.title, meta.published, meta.url, meta.source) == expected


@pytest.mark.parametrize("convention", list(CONVENTIONS))
def test_page_text_has_every_paragraph_and_no_clutter(convention: str) -> None:
    head, extra, _ = CONVENTIONS[convention]
    text = extract_html(page(head, extra=extra)).text
    assert all(paragraph in text for paragraph in PARAGRAPHS), text
    for clutter in ("Rubric 3", "Subscribe to our newsletter", "Most read", "Another story"):
        assert clutter not in text


def test_page_without_metadata_still_gives_text_and_headline() -> None:
    found = extract_html(page("", headline="Лифты для Томска"))
    assert all(paragraph in found.text for paragraph in PARAGRAPHS)
    assert (found.title, found.published, found.url, found.source) == (
        "Лифты для Томска", None, None, None)


def test_given_url_wins_over_the_page_canonical_link() -> None:
    html = page('<link rel="canonical" href="https://portal.example/canonical">')
    assert extract_html(html, url="https://portal.example/fetched").url == (
        "https://portal.example/fetched")


@pytest.mark.parametrize("value", ["", "soon", "2024-13-40"], ids=["empty", "words", "impossible"])
def test_bad_date_tags_are_ignored(value: str) -> None:
    tree = parse_html(page(f'<meta property="article:published_time" content="{value}">'))
    assert tree is not None and read_meta(tree).published is None


def test_html_file_without_metadata_is_ingested(tmp_path: Path) -> None:
    path = tmp_path / "bare.html"
    path.write_text(page("", headline="Лифты для Томска"), encoding="utf-8")
    [document] = list(read_inputs([str(path)]))
    assert isinstance(document, RawDocument)
    assert document.title == "Лифты для Томска" and PARAGRAPHS[3] in document.text
