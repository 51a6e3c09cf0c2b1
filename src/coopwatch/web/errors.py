"""Errors as clear 4xx answers (HTML for pages, JSON for the API), never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from coopwatch.web.render import render, wants_json

log = logging.getLogger("coopwatch.web")
TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Request too large",
    422: "Invalid parameters",
    500: "Internal error",
}


def _answer(request: Request, status: int, detail: str, errors: list | None = None) -> Response:
    """JSON for the API and JSON clients, the error page otherwise."""
    data = {"status": status, "title": TITLES.get(status, "Error"), "detail": detail}
    if errors is not None:
        data["errors"] = errors
    if request.url.path.startswith("/api/") or wants_json(request):
        return JSONResponse(
            {"detail": errors if errors is not None else detail}, status_code=status
        )
    return render(request, "error.html", data, status)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers for HTTP errors, invalid parameters and anything unexpected."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _answer(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {
                "loc": [str(p) for p in e.get("loc", ())],
                "msg": e.get("msg", ""),
                "type": e.get("type", ""),
            }
            for e in exc.errors()
        ]
        return _answer(request, 422, "invalid parameters", errors)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return _answer(request, 500, "internal error")
