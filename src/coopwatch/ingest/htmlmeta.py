"""A page's title, publication date, URL and site name from its markup: a few cheap lookups
(<meta>, <title>, <h1>, <time>, canonical link, JSON-LD) on the already-parsed tree, instead of
trafilatura's full metadata pass (htmldate, authors, categories) that costs more than the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml.html import HtmlElement

# <meta> names/properties, best first; extend here for other site conventions.
TITLE_KEYS = ("og:title", "twitter:title", "title", "dc.title", "headline")
DATE_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "dcterms.date",
    "sailthru.date", "parsely-pub-date", "article.published", "published_time", "created",
)
URL_KEYS = ("og:url", "twitter:url")
SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
TITLE_SPLIT = re.compile(r"^(.+?)\s+[|–—•·⁄~«»:-]\s+([^|–—•·⁄~«»:-]+)$")
ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)(?!\d)")
LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


@dataclass(frozen=True)
class PageMeta:
    """What the markup says about the article (None where it says nothing)."""

    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None


def read_meta(tree: HtmlElement) -> PageMeta:
    """Title, date, URL and site of a parsed page, from tags only (never from the text)."""
    metas = meta_values(tree)
    head_title, site_from_title = split_title(_text(tree.find(".//title")))
    return PageMeta(
        title=page_title(tree, metas, head_title),
        published=page_date(tree, metas),
        url=_first(metas, URL_KEYS) or _canonical(tree),
        source=_first(metas, SITE_KEYS) or site_from_title,
    )


def meta_values(tree: HtmlElement) -> dict[str, str]:
    """Every <meta name|property|itemprop=... content=...>, keys lower-cased, first one kept."""
    found: dict[str, str] = {}
    for element in tree.iterfind(".//meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        value = (element.get("content") or element.get("datetime") or "").strip()
        if key and value:
            found.setdefault(key.strip().lower(), value)
    return found


def split_title(title: str | None) -> tuple[str | None, str | None]:
    """A <title> split into the headline and the site name it usually ends with.

    >>> split_title("Tractors head to Tula | Union Courier")
    ('Tractors head to Tula', 'Union Courier')
    >>> split_title("Комбайны для Кубани — Деловой Юг")
    ('Комбайны для Кубани', 'Деловой Юг')
    >>> split_title("Trade grew")
    ('Trade grew', None)
    """
    if not title:
        return None, None
    match = TITLE_SPLIT.match(title)
    if match and len(match[2]) < len(match[1]):
        return match[1].strip(), match[2].strip()
    return title, None


def page_title(tree: HtmlElement, metas: dict[str, str], head_title: str | None) -> str | None:
    """The headline: a lone <h1>, else a title <meta>, else the <title> minus its site name."""
    headings = tree.findall(".//h1")
    if len(headings) == 1 and (lone := _text(headings[0])):
        return lone
    return _first(metas, TITLE_KEYS) or head_title or (_text(headings[0]) if headings else None)


def page_date(tree: HtmlElement, metas: dict[str, str]) -> date | None:
    """The publication date: a date <meta>, an itemprop/<time datetime>, or JSON-LD."""
    for key in DATE_KEYS:
        if key in metas and (found := parse_date(metas[key])):
            return found
    for element in tree.iterfind(".//*[@itemprop='datePublished']"):
        if found := parse_date(element.get("content") or element.get("datetime") or ""):
            return found
    for path in (".//article//time[@datetime]", ".//time[@datetime]"):  # the article's own first
        for element in tree.iterfind(path):
            if found := parse_date(element.get("datetime", "")):
                return found
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        if (match := LD_DATE.search(script.text or "")) and (found := parse_date(match[1])):
            return found
    return None


def parse_date(value: str) -> date | None:
    """The first year-month-day date in a tag value, or None.

    >>> parse_date("2024-08-07T10:15:00+03:00"), parse_date("2024/8/7"), parse_date("soon")
    (datetime.date(2024, 8, 7), datetime.date(2024, 8, 7), None)
    """
    match = ISO_DATE.search(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _canonical(tree: HtmlElement) -> str | None:
    for element in tree.iterfind(".//link[@rel='canonical']"):
        if href := (element.get("href") or "").strip():
            return href if "://" in href else None
    return None


def _first(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((metas[key] for key in keys if metas.get(key)), None)


def _text(element: HtmlElement | None) -> str | None:
    if element is None:
        return None
    text = " ".join(element.text_content().split())
    return text or None
