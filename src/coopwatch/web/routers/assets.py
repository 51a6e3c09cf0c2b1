"""plotly.js served from the installed plotly package: the app works offline, no CDN."""

from __future__ import annotations

from pathlib import Path

import plotly
from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter(include_in_schema=False)
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


@router.get("/assets/plotly.min.js")
def plotly_js() -> FileResponse:
    """The plotting library the dossier charts use, cached for a day."""
    return FileResponse(
        PLOTLY_JS, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"}
    )
