"""One settings object for caps, timeouts and the database, read from COOPWATCH_* variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every tunable in one place; override with environment variables COOPWATCH_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="COOPWATCH_")

    db: Path = Path("coopwatch.db")
    max_input_bytes: int = 20 * 1024 * 1024  # the size cap for one file or download
    http_timeout_s: float = 15.0
    http_max_redirects: int = 5
    user_agent: str = "coopwatch/0.1 (+news research tool; respects robots.txt)"
    api_token: str | None = None  # POST /api/ingest is refused while this is unset
    # POST /api/ingest fetches URLs on public hosts only (no loopback or private networks)
    api_fetch_private_hosts: bool = False
    max_request_bytes: int = 2 * 1024 * 1024
    result_cache: bool = True  # web: keep heavy query results per database state (0 = off)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()


SAMPLES_DIR = Path(__file__).parent / "data" / "samples"
DATA_DIR = Path(__file__).parent / "data"
