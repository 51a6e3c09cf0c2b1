"""Fetching http(s) URLs politely: robots.txt, a User-Agent, timeouts, redirects, a size cap."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from coopwatch.settings import Settings

REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL that could not be fetched; the message is the one-line reason."""


@dataclass(frozen=True)
class Fetched:
    """A downloaded body with its final URL and declared content type."""

    url: str
    body: bytes
    content_type: str


@dataclass
class Fetcher:
    """One HTTP client and one robots.txt cache for a whole batch of inputs."""

    settings: Settings
    client: httpx.Client = field(init=False)
    robots: dict[str, RobotFileParser | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            follow_redirects=False,
            timeout=self.settings.http_timeout_s,
            headers={"User-Agent": self.settings.user_agent},
        )

    def close(self) -> None:
        """Release the connections."""
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        """The body at `url` after redirects; raises FetchError with the reason."""
        seen: set[str] = set()
        for _ in range(self.settings.http_max_redirects + 1):
            if url in seen:
                raise FetchError("redirect loop")
            seen.add(url)
            self._check_robots(url)
            status, location, fetched = self._get(url)
            if status in REDIRECTS:
                if not location:
                    raise FetchError(f"HTTP {status} without a Location")
                url = urljoin(url, location)
                continue
            if status >= 400:
                raise FetchError(f"HTTP {status}")
            assert fetched is not None
            return fetched
        raise FetchError(f"too many redirects (more than {self.settings.http_max_redirects})")

    def _get(self, url: str) -> tuple[int, str | None, Fetched | None]:
        cap = self.settings.max_input_bytes
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code in REDIRECTS or response.status_code >= 400:
                    return response.status_code, response.headers.get("location"), None
                declared = int(response.headers.get("content-length") or 0)
                if declared > cap:
                    raise FetchError(f"over the size cap ({cap} bytes)")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise FetchError(f"over the size cap ({cap} bytes)")
                    chunks.append(chunk)
                kind = response.headers.get("content-type", "")
                return response.status_code, None, Fetched(url, b"".join(chunks), kind)
        except httpx.TimeoutException as error:
            raise FetchError(f"timed out ({type(error).__name__})") from error
        except httpx.HTTPError as error:
            raise FetchError(f"unreachable ({type(error).__name__}: {error})") from error

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"unsupported URL scheme {parts.scheme!r}")
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self.robots:
            self.robots[host] = self._read_robots(host)
        rules = self.robots[host]
        if rules is not None and not rules.can_fetch(self.settings.user_agent, url):
            raise FetchError("disallowed by robots.txt")

    def _read_robots(self, host: str) -> RobotFileParser | None:
        """The host's robots.txt rules; None (allow all) when it has none or is unreachable."""
        try:
            response = self.client.get(f"{host}/robots.txt")
        except httpx.HTTPError:
            return None
        if response.status_code != 200:
            return None
        rules = RobotFileParser()
        rules.parse(response.text.splitlines())
        return rules
