"""Every page is one data dict: rendered by a Jinja2 template, or served as JSON with
`?format=json` (or `Accept: application/json`), so the page and the API never drift apart.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from coopwatch.web import i18n
from coopwatch.web.cache import ResultCache
from coopwatch.web.markup import annotate

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
FLOW_LABELS = {"turnover": "Turnover", "export": "Exports", "import": "Imports"}


def page_url(path: str, lang: str = "en", **params: Any) -> str:
    """A link that keeps the page language and drops empty parameters.

    >>> page_url("/facts", "ru", region="RU-TUL", flow=None)
    '/facts?region=RU-TUL&lang=ru'
    """
    query = {k: v for k, v in params.items() if v not in (None, "")}
    if lang != "en":
        query["lang"] = lang
    return path + ("?" + urlencode(query, doseq=True) if query else "")


def _plain(value: Any) -> Any:
    """What `json.dumps` cannot write itself (dates, sets, models): FastAPI's own encoding."""
    return jsonable_encoder(value)


def json_bytes(data: Any) -> bytes:
    """Plain data as compact UTF-8 JSON; `jsonable_encoder` only for the odd value (a walk of
    every value through it costs more than the dossier's queries)."""
    return json.dumps(
        data, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=_plain
    ).encode()


def wants_json(request: Request) -> bool:
    """True when the client asked for the page's data rather than its HTML."""
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return accept.startswith("application/json")


def render(request: Request, template: str, data: dict[str, Any], status: int = 200) -> Response:
    """The page's data as HTML (template) or JSON, whichever the client asked for."""
    if wants_json(request):
        return Response(json_bytes(data), status_code=status, media_type="application/json")
    lang = request.query_params.get("lang", "en")
    lang = lang if lang in i18n.LANGS else "en"
    context = {"data": data, "lang": lang, **helpers(lang, request)}
    html = TEMPLATES.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


def helpers(lang: str, request: Request) -> dict[str, Any]:
    """The functions templates call: translation, names, numbers, links."""
    return {
        "t": lambda text: i18n.translate(text, lang),
        "name": lambda code: i18n.region_name(code, lang),
        "money": lambda v, c=None: i18n.money(v, c, lang),
        "pct": lambda v: i18n.percent(v, lang),
        "figure": lambda v, m, c=None: i18n.figure(v, m, c, lang),
        "flow": lambda f: i18n.translate(FLOW_LABELS.get(f or "", f or ""), lang),
        "url": lambda path, **params: page_url(path, lang, **params),
        "switch_lang": page_url(
            request.url.path,
            "en" if lang == "ru" else "ru",
            **{k: v for k, v in request.query_params.items() if k != "lang"},
        ),
        "annotate": annotate,
        "json_url": page_url(
            request.url.path,
            "en",
            **{k: v for k, v in request.query_params.items() if k not in ("lang", "format")},
            format="json",
        ),
    }


async def cached_page(
    request: Request,
    conn: sqlite3.Connection,
    cache: ResultCache,
    template: str,
    compute: Callable[[], dict[str, Any]],
) -> Response:
    """A page rendered once per database state, URL and format, then served from the cache."""
    key = ("page", request.url.path, request.url.query, wants_json(request))

    def body() -> tuple[bytes, str | None]:
        response = render(request, template, compute())
        return bytes(response.body), response.media_type

    content, media_type = await cache.aget(conn, key, body)
    return Response(content, media_type=media_type)


async def cached_json(
    conn: sqlite3.Connection, cache: ResultCache, key: Hashable, compute: Callable[[], Any]
) -> Response:
    """An API answer serialised once per database state and key."""

    def body() -> bytes:
        return json_bytes(compute())

    content = await cache.aget(conn, ("json", key), body)
    return Response(content, media_type="application/json")
