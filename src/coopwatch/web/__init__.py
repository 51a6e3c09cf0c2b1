"""The analyst's web app and REST API: `create_app(settings, db)`; see `app.py`."""

from coopwatch.web.app import create_app

__all__ = ["create_app"]
